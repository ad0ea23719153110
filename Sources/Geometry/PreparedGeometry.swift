internal import CGEOS

extension GeometryEngine {
    /// A prepared geometry for repeated predicates against one geometry (`GEOSPrepare_r`).
    public func prepare(_ g: Geometry) throws(GeometryError) -> PreparedGeometry {
        let h = try context.makeHandle(g)
        context.messages.clear()
        // GEOSPrepare_r: NULL on exception. The prepared geometry borrows `h`, so it must be freed first.
        guard let prepared = withExtendedLifetime(h, { GEOSPrepare_r(context.handle, h.pointer) }) else {
            throw context.failure("GEOSPrepare_r")
        }
        return PreparedGeometry(engine: self, geometry: h, prepared: prepared, boundingBox: g.boundingBox)
    }
}

/// `GEOSPrepare_r` result; keeps its engine (and so the context) alive. Not `Sendable`.
/// Owns both the GEOS geometry and the prepared geometry built on it; frees the prepared one first.
public final class PreparedGeometry {
    let engine: GeometryEngine
    let geometry: GEOSHandle
    let prepared: OpaquePointer
    /// Envelope of the geometry (nil when empty): points outside it skip GEOS in the batch calls.
    let boundingBox: BoundingBox?

    init(engine: GeometryEngine, geometry: GEOSHandle, prepared: OpaquePointer, boundingBox: BoundingBox?) {
        self.engine = engine
        self.geometry = geometry
        self.prepared = prepared
        self.boundingBox = boundingBox
    }

    deinit {
        // Before `geometry` is released (stored properties are released after deinit's body).
        GEOSPreparedGeom_destroy_r(engine.context.handle, prepared)
    }

    private func predicate(
        _ function: String, _ g: Geometry, _ op: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar
    ) throws(GeometryError) -> Bool {
        let h = try engine.context.makeHandle(g)
        return try engine.context.callPredicate(function) { op($0, prepared, h.pointer) }
    }

    /// Same answer as `GeometryEngine.contains(self, g)` (`GEOSPreparedContains_r`).
    public func contains(_ g: Geometry) throws(GeometryError) -> Bool {
        // GEOSPreparedContains_r: 2 on exception.
        try predicate("GEOSPreparedContains_r", g) { GEOSPreparedContains_r($0, $1, $2) }
    }

    /// Same answer as `GeometryEngine.covers(self, g)` (`GEOSPreparedCovers_r`).
    public func covers(_ g: Geometry) throws(GeometryError) -> Bool {
        // GEOSPreparedCovers_r: 2 on exception.
        try predicate("GEOSPreparedCovers_r", g) { GEOSPreparedCovers_r($0, $1, $2) }
    }

    /// Same answer as `GeometryEngine.intersects(self, g)` (`GEOSPreparedIntersects_r`).
    public func intersects(_ g: Geometry) throws(GeometryError) -> Bool {
        // GEOSPreparedIntersects_r: 2 on exception.
        try predicate("GEOSPreparedIntersects_r", g) { GEOSPreparedIntersects_r($0, $1, $2) }
    }

    /// Batch point-in-polygon: `result[i]` is whether the geometry contains (x[i], y[i]); points on the
    /// boundary are not contained. `x` and `y` must have the same count. NaN coordinates give false.
    public func containsPoints(x: [Double], y: [Double]) throws(GeometryError) -> [Bool] {
        // GEOSPreparedContains_r: 2 on exception.
        try classifyPoints(x: x, y: y, function: "GEOSPreparedContains_r") { GEOSPreparedContains_r($0, $1, $2) }
    }

    /// Batch: whether the geometry covers each point (boundary counts as inside).
    public func coversPoints(x: [Double], y: [Double]) throws(GeometryError) -> [Bool] {
        // GEOSPreparedCovers_r: 2 on exception.
        try classifyPoints(x: x, y: y, function: "GEOSPreparedCovers_r") { GEOSPreparedCovers_r($0, $1, $2) }
    }

    private func classifyPoints(
        x: [Double], y: [Double], function: String,
        _ op: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar
    ) throws(GeometryError) -> [Bool] {
        precondition(x.count == y.count, "x and y must have the same count")
        var result = [Bool](repeating: false, count: x.count)
        guard let box = boundingBox else { return result }  // empty geometry contains/covers nothing
        let context = engine.context
        let handle = context.handle
        // Cleared once per batch: the handler only writes on failure, and the first failure ends the batch.
        context.messages.clear()
        for i in x.indices {
            let px = x[i], py = y[i]
            // Neither contains nor covers holds outside the envelope; this also sends NaN to false.
            guard px >= box.minX, px <= box.maxX, py >= box.minY, py <= box.maxY else { continue }
            // A fresh point per query: GEOS 3.11 has no GEOSPreparedContainsXY, and rewriting a point's
            // coordinate sequence in place (GEOSGeom_getCoordSeq_r returns it const) would leave the
            // point's cached envelope stale. GEOSGeom_createPointFromXY_r: NULL on exception.
            guard let point = GEOSGeom_createPointFromXY_r(handle, px, py) else { throw context.failure("GEOSGeom_createPointFromXY_r") }
            let answer = op(handle, prepared, point)
            GEOSGeom_destroy_r(handle, point)
            switch answer {
            case 0: break
            case 1: result[i] = true
            default: throw context.failure(function)
            }
        }
        return result
    }
}
