internal import CGEOS

extension GeometryEngine {
    /// Point-set union of `a` and `b` (`GEOSUnion_r`).
    public func union(_ a: Geometry, _ b: Geometry) throws(GeometryError) -> Geometry {
        // GEOSUnion_r: NULL on exception.
        try binary("GEOSUnion_r", a, b) { GEOSUnion_r($0, $1, $2) }
    }

    /// Cascaded union of all parts (`GEOSUnaryUnion_r`).
    public func unaryUnion(_ g: Geometry) throws(GeometryError) -> Geometry {
        // GEOSUnaryUnion_r: NULL on exception.
        try unary("GEOSUnaryUnion_r", g) { GEOSUnaryUnion_r($0, $1) }
    }

    /// Cascaded union of all `parts`, gathered into one collection first (`GEOSUnaryUnion_r`).
    public func unaryUnion(_ parts: [Geometry]) throws(GeometryError) -> Geometry {
        try unaryUnion(.geometryCollection(GeometryCollection(parts)))
    }

    /// Point-set intersection of `a` and `b` (`GEOSIntersection_r`).
    public func intersection(_ a: Geometry, _ b: Geometry) throws(GeometryError) -> Geometry {
        // GEOSIntersection_r: NULL on exception.
        try binary("GEOSIntersection_r", a, b) { GEOSIntersection_r($0, $1, $2) }
    }

    /// Points of `a` not in `b` (`GEOSDifference_r`).
    public func difference(_ a: Geometry, _ b: Geometry) throws(GeometryError) -> Geometry {
        // GEOSDifference_r: NULL on exception.
        try binary("GEOSDifference_r", a, b) { GEOSDifference_r($0, $1, $2) }
    }

    /// Fast rectangle clip (`GEOSClipByRect_r`). The result may be invalid for invalid input, and
    /// polygon edges lying on the rectangle's border may be kept or dropped (GEOS's documented behaviour).
    public func clip(_ g: Geometry, to box: BoundingBox) throws(GeometryError) -> Geometry {
        // GEOSClipByRect_r: NULL on exception.
        try unary("GEOSClipByRect_r", g) { GEOSClipByRect_r($0, $1, box.minX, box.minY, box.maxX, box.maxY) }
    }
}

extension GeometryEngine {
    /// Union snapped to a grid of `gridSize` (`GEOSUnaryUnionPrec_r`, OverlayNG with fixed precision:
    /// robust where floating-point overlay can fail with a topology exception).
    public func unaryUnion(_ g: Geometry, gridSize: Double) throws(GeometryError) -> Geometry {
        // GEOSUnaryUnionPrec_r: NULL on exception.
        try unary("GEOSUnaryUnionPrec_r", g) { GEOSUnaryUnionPrec_r($0, $1, gridSize) }
    }

    /// Intersection on a grid of `gridSize` (`GEOSIntersectionPrec_r`).
    public func intersection(_ a: Geometry, _ b: Geometry, gridSize: Double) throws(GeometryError) -> Geometry {
        // GEOSIntersectionPrec_r: NULL on exception.
        try binary("GEOSIntersectionPrec_r", a, b) { GEOSIntersectionPrec_r($0, $1, $2, gridSize) }
    }

    /// Difference on a grid of `gridSize` (`GEOSDifferencePrec_r`).
    public func difference(_ a: Geometry, _ b: Geometry, gridSize: Double) throws(GeometryError) -> Geometry {
        // GEOSDifferencePrec_r: NULL on exception.
        try binary("GEOSDifferencePrec_r", a, b) { GEOSDifferencePrec_r($0, $1, $2, gridSize) }
    }
}
