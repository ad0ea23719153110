internal import CProj

/// A coordinate transformation between two CRSs PROJ understands (`EPSG:4326`, `+proj=aeqd +lat_0=… +lon_0=…`).
/// Geographic CRSs always take and give longitude, latitude (`proj_normalize_for_visualization`).
/// Owns its PROJ context: use one per thread or task; it is not `Sendable`.
public final class Transformation {
    public enum Direction: Sendable { case forward, inverse }

    /// Owned: created in init, destroyed in deinit after `operation`.
    private let context: ProjContext
    /// Owned: the normalised operation; destroyed in deinit.
    private let operation: OpaquePointer

    /// - Throws: `GeodesyError.proj` with PROJ's log text, e.g. "proj_create: crs not found".
    public init(from source: String, to target: String) throws(GeodesyError) {
        let context = try ProjContext()
        context.clearMessages()
        // proj_create_crs_to_crs: NULL on failure, reason in the log and the context's errno.
        guard let raw = proj_create_crs_to_crs(context.handle, source, target, nil) else {
            throw context.error("cannot create a transformation from '\(source)' to '\(target)'")
        }
        // proj_normalize_for_visualization returns a new object (NULL on failure); the raw one is ours to destroy.
        let normalized = proj_normalize_for_visualization(context.handle, raw)
        proj_destroy(raw)
        guard let normalized else {
            throw context.error("cannot normalise the transformation from '\(source)' to '\(target)' to lon/lat order")
        }
        self.context = context
        self.operation = normalized
    }

    deinit {
        // The operation belongs to the context: destroy it first; the context goes when `context` is released.
        proj_destroy(operation)
    }

    /// Transforms in place (`proj_trans_generic`). `x` is longitude / easting, `y` latitude / northing,
    /// degrees or the projected CRS's unit (metres for EPSG:3857, UTM). `x` and `y` must have equal counts.
    /// - Throws: `GeodesyError.proj` with PROJ's text if any point fails (such points become infinity);
    ///   `GeodesyError.invalidArgument` when the counts differ.
    public func transform(x: inout [Double], y: inout [Double], direction: Direction = .forward) throws(GeodesyError) {
        guard x.count == y.count else {
            throw GeodesyError(.invalidArgument, "x has \(x.count) values but y has \(y.count)")
        }
        let count = x.count
        if count == 0 { return }
        context.clearMessages()
        proj_errno_reset(operation)
        let pjDirection = direction == .forward ? PJ_FWD : PJ_INV
        let stride = MemoryLayout<Double>.stride
        x.withUnsafeMutableBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { ys in
                // Returns the number of points transformed; failures are flagged by errno and HUGE_VAL outputs.
                _ = proj_trans_generic(operation, pjDirection,
                                       xs.baseAddress, stride, count,
                                       ys.baseAddress, stride, count,
                                       nil, 0, 0, nil, 0, 0)
            }
        }
        let code = proj_errno(operation)
        let failed = x.firstIndex { !$0.isFinite } ?? y.firstIndex { !$0.isFinite }
        if code != 0 || failed != nil {
            let which = failed.map { " (first failing point: index \($0))" } ?? ""
            throw context.error("transformation failed\(which)", errno: code)
        }
    }

    public func transform(x: Double, y: Double, direction: Direction = .forward) throws(GeodesyError) -> (x: Double, y: Double) {
        var xs = [x], ys = [y]
        try transform(x: &xs, y: &ys, direction: direction)
        return (xs[0], ys[0])
    }
}

/// Versions of the linked PROJ library.
public enum ProjLibrary {
    /// e.g. "9.1.1" (`proj_info().version`; `.release` is the longer "Rel. 9.1.1, December 1st, 2022").
    public static var version: String {
        // proj_info returns a struct of pointers to static strings.
        let info = proj_info()
        if let version = info.version { return String(cString: version) }
        return info.release.map { String(cString: $0) } ?? "unknown"
    }
}
