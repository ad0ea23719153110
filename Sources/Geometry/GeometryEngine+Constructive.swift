internal import CGEOS

extension GeometryEngine {
    /// Planar buffer in the data's own units (`GEOSBuffer_r`): for topology only, e.g. closing slivers with a
    /// tiny distance. Never a distance on longitude/latitude data: a degree is not a fixed length.
    /// - Parameters:
    ///   - distance: buffer width in the data's units; negative shrinks polygons.
    ///   - quadrantSegments: segments per quarter circle (≥ 1).
    public func planarBuffer(_ g: Geometry, distance: Double, quadrantSegments: Int = 8) throws(GeometryError) -> Geometry {
        precondition(quadrantSegments >= 1, "quadrantSegments must be at least 1")
        // GEOSBuffer_r: NULL on exception.
        return try unary("GEOSBuffer_r", g) { GEOSBuffer_r($0, $1, distance, Int32(quadrantSegments)) }
    }

    /// Douglas-Peucker simplification that keeps the topology (`GEOSTopologyPreserveSimplify_r`).
    /// - Parameter tolerance: distance tolerance in the data's units (≥ 0).
    public func simplifyPreservingTopology(_ g: Geometry, tolerance: Double) throws(GeometryError) -> Geometry {
        // GEOSTopologyPreserveSimplify_r: NULL on exception.
        try unary("GEOSTopologyPreserveSimplify_r", g) { GEOSTopologyPreserveSimplify_r($0, $1, tolerance) }
    }

    /// Smallest convex polygon containing `g` (`GEOSConvexHull_r`).
    public func convexHull(_ g: Geometry) throws(GeometryError) -> Geometry {
        // GEOSConvexHull_r: NULL on exception.
        try unary("GEOSConvexHull_r", g) { GEOSConvexHull_r($0, $1) }
    }

    /// Topological boundary (`GEOSBoundary_r`): rings of a polygon, end points of a line.
    public func boundary(_ g: Geometry) throws(GeometryError) -> Geometry {
        // GEOSBoundary_r: NULL on exception.
        try unary("GEOSBoundary_r", g) { GEOSBoundary_r($0, $1) }
    }

    /// Faces formed by the (already noded) lines (`GEOSPolygonize_r`).
    public func polygonize(_ lines: [Geometry]) throws(GeometryError) -> [Polygon] {
        var handles: [GEOSHandle] = []
        handles.reserveCapacity(lines.count)
        for l in lines { handles.append(try context.makeHandle(l)) }
        let pointers: [OpaquePointer?] = handles.map { $0.pointer }
        // GEOSPolygonize_r: NULL on exception; the inputs stay ours (const), the collection is new.
        let result = try context.callGeometry("GEOSPolygonize_r") { ctx in
            withExtendedLifetime(handles) {
                pointers.withUnsafeBufferPointer { GEOSPolygonize_r(ctx, $0.baseAddress, UInt32($0.count)) }
            }
        }
        return try context.swiftGeometry(result).polygons
    }

    /// Nodes a set of lines at every intersection (`GEOSNode_r`).
    public func node(_ lines: Geometry) throws(GeometryError) -> MultiLineString {
        // GEOSNode_r: NULL on exception.
        let noded = try unary("GEOSNode_r", lines) { GEOSNode_r($0, $1) }
        switch noded {
        case .multiLineString(let m): return m
        case .lineString(let l): return MultiLineString([l])
        case let other where other.isEmpty: return MultiLineString([])
        default: throw GeometryError(.unsupported, "GEOSNode_r returned a non-linear geometry")
        }
    }

    /// Sews connected lines into the longest possible lines (`GEOSLineMerge_r`).
    public func lineMerge(_ g: Geometry) throws(GeometryError) -> Geometry {
        // GEOSLineMerge_r: NULL on exception.
        try unary("GEOSLineMerge_r", g) { GEOSLineMerge_r($0, $1) }
    }

    /// Snaps to a grid of `gridSize` (`GEOSGeom_setPrecision_r`), keeping the result valid (default flags:
    /// collapsed components are removed). `gridSize` is in the data's units; 0 means full floating precision.
    public func setPrecision(_ g: Geometry, gridSize: Double) throws(GeometryError) -> Geometry {
        precondition(gridSize >= 0, "gridSize must be non-negative")
        // GEOSGeom_setPrecision_r: NULL on exception.
        return try unary("GEOSGeom_setPrecision_r", g) { GEOSGeom_setPrecision_r($0, $1, gridSize, 0) }
    }

    /// A point guaranteed inside an areal geometry (`GEOSPointOnSurface_r`); the empty point for empty input.
    public func pointOnSurface(_ g: Geometry) throws(GeometryError) -> Point {
        // GEOSPointOnSurface_r: NULL on exception.
        let result = try unary("GEOSPointOnSurface_r", g) { GEOSPointOnSurface_r($0, $1) }
        guard case .point(let p) = result else {
            throw GeometryError(.unsupported, "GEOSPointOnSurface_r returned a non-point geometry")
        }
        return p
    }
}
