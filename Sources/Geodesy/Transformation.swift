/// A coordinate transformation between two CRSs PROJ understands (`EPSG:4326`, `+proj=aeqd +lat_0=… +lon_0=…`).
/// Geographic CRSs always take and give longitude, latitude (`proj_normalize_for_visualization`).
/// Owns its PROJ context: use one per thread or task; it is not `Sendable`.
public final class Transformation {
    public enum Direction: Sendable { case forward, inverse }

    /// - Throws: `GeodesyError.proj` with PROJ's log text, e.g. "proj_create: crs not found".
    public init(from source: String, to target: String) throws(GeodesyError) {
        fatalError("unimplemented")
    }

    /// Transforms in place (`proj_trans_generic`). `x` is longitude / easting, `y` latitude / northing.
    /// - Throws: `GeodesyError.proj` with PROJ's text if any point fails (such points become infinity).
    public func transform(x: inout [Double], y: inout [Double], direction: Direction = .forward) throws(GeodesyError) {
        fatalError("unimplemented")
    }

    public func transform(x: Double, y: Double, direction: Direction = .forward) throws(GeodesyError) -> (x: Double, y: Double) {
        var xs = [x], ys = [y]
        try transform(x: &xs, y: &ys, direction: direction)
        return (xs[0], ys[0])
    }
}

/// Versions of the linked PROJ library.
public enum ProjLibrary {
    /// e.g. "9.1.1" (`proj_info().release`).
    public static var version: String { fatalError("unimplemented") }
}
