internal import CGEOS

extension GeometryEngine {
    /// Whether `a` and `b` share at least one point (`GEOSIntersects_r`).
    public func intersects(_ a: Geometry, _ b: Geometry) throws(GeometryError) -> Bool {
        // GEOSIntersects_r: 2 on exception.
        try predicate("GEOSIntersects_r", a, b) { GEOSIntersects_r($0, $1, $2) }
    }

    /// Whether `g` shares at least one point with the closed rectangle `box` (`GEOSIntersects_r`).
    public func intersects(_ g: Geometry, box: BoundingBox) throws(GeometryError) -> Bool {
        try intersects(g, .polygon(box.polygon))
    }

    /// Whether no point of `b` is outside `a` and some interior points meet (`GEOSContains_r`):
    /// a point on `a`'s boundary is not contained.
    public func contains(_ a: Geometry, _ b: Geometry) throws(GeometryError) -> Bool {
        // GEOSContains_r: 2 on exception.
        try predicate("GEOSContains_r", a, b) { GEOSContains_r($0, $1, $2) }
    }

    /// Whether no point of `b` is outside `a` (`GEOSCovers_r`): boundary points count as covered.
    public func covers(_ a: Geometry, _ b: Geometry) throws(GeometryError) -> Bool {
        // GEOSCovers_r: 2 on exception.
        try predicate("GEOSCovers_r", a, b) { GEOSCovers_r($0, $1, $2) }
    }

    /// GEOS's own emptiness test (`GEOSisEmpty_r`); `Geometry.isEmpty` answers the same without GEOS.
    public func isEmpty(_ g: Geometry) throws(GeometryError) -> Bool {
        let h = try context.makeHandle(g)
        // GEOSisEmpty_r: 2 on exception.
        return try context.callPredicate("GEOSisEmpty_r") { GEOSisEmpty_r($0, h.pointer) }
    }
}
