/// Validity and the reason GEOS gives when invalid (`GEOSisValidDetail_r`).
public struct Validity: Sendable, Hashable {
    public var isValid: Bool
    /// GEOS's reason, e.g. "Self-intersection"; nil when valid.
    public var reason: String?
    /// Where the problem is, when GEOS says.
    public var location: Coordinate?
    public init(isValid: Bool, reason: String?, location: Coordinate?) {
        self.isValid = isValid; self.reason = reason; self.location = location
    }
}

/// Owns one GEOS context (`GEOS_init_r`), with its error and notice handlers; all topology goes through it.
/// Not `Sendable`: create one per thread or task and reuse it across a batch.
/// GEOS is planar: on longitude/latitude data use it for topology only, never for distances or areas.
public final class GeometryEngine {
    public init() { fatalError("unimplemented") }

    /// "3.11.1-CAPI-1.17.1" (`GEOSversion`).
    public static var version: String { fatalError("unimplemented") }

    // Validity
    public func validity(_ g: Geometry) throws(GeometryError) -> Validity { fatalError("unimplemented") }
    public func makeValid(_ g: Geometry) throws(GeometryError) -> Geometry { fatalError("unimplemented") }

    // Overlay
    public func union(_ a: Geometry, _ b: Geometry) throws(GeometryError) -> Geometry { fatalError("unimplemented") }
    /// Cascaded union of all parts (`GEOSUnaryUnion_r`).
    public func unaryUnion(_ g: Geometry) throws(GeometryError) -> Geometry { fatalError("unimplemented") }
    public func unaryUnion(_ parts: [Geometry]) throws(GeometryError) -> Geometry { fatalError("unimplemented") }
    public func intersection(_ a: Geometry, _ b: Geometry) throws(GeometryError) -> Geometry { fatalError("unimplemented") }
    public func difference(_ a: Geometry, _ b: Geometry) throws(GeometryError) -> Geometry { fatalError("unimplemented") }
    /// Fast rectangle clip (`GEOSClipByRect_r`).
    public func clip(_ g: Geometry, to box: BoundingBox) throws(GeometryError) -> Geometry { fatalError("unimplemented") }

    // Constructive
    /// Planar buffer in the data's units: topology only (e.g. closing slivers). Never a distance on lon/lat.
    public func planarBuffer(_ g: Geometry, distance: Double, quadrantSegments: Int = 8) throws(GeometryError) -> Geometry { fatalError("unimplemented") }
    public func simplifyPreservingTopology(_ g: Geometry, tolerance: Double) throws(GeometryError) -> Geometry { fatalError("unimplemented") }
    public func convexHull(_ g: Geometry) throws(GeometryError) -> Geometry { fatalError("unimplemented") }
    public func boundary(_ g: Geometry) throws(GeometryError) -> Geometry { fatalError("unimplemented") }
    /// Faces formed by the (already noded) lines (`GEOSPolygonize_r`).
    public func polygonize(_ lines: [Geometry]) throws(GeometryError) -> [Polygon] { fatalError("unimplemented") }
    /// Nodes a set of lines at every intersection (`GEOSNode_r`).
    public func node(_ lines: Geometry) throws(GeometryError) -> MultiLineString { fatalError("unimplemented") }
    public func lineMerge(_ g: Geometry) throws(GeometryError) -> Geometry { fatalError("unimplemented") }
    /// Snaps to a grid of `gridSize` (`GEOSGeom_setPrecision_r`).
    public func setPrecision(_ g: Geometry, gridSize: Double) throws(GeometryError) -> Geometry { fatalError("unimplemented") }
    /// A point guaranteed inside an areal geometry (`GEOSPointOnSurface_r`).
    public func pointOnSurface(_ g: Geometry) throws(GeometryError) -> Point { fatalError("unimplemented") }

    // Predicates
    public func intersects(_ a: Geometry, _ b: Geometry) throws(GeometryError) -> Bool { fatalError("unimplemented") }
    public func contains(_ a: Geometry, _ b: Geometry) throws(GeometryError) -> Bool { fatalError("unimplemented") }
    public func covers(_ a: Geometry, _ b: Geometry) throws(GeometryError) -> Bool { fatalError("unimplemented") }
    public func isEmpty(_ g: Geometry) throws(GeometryError) -> Bool { fatalError("unimplemented") }

    // Formats
    public func wkt(_ g: Geometry, precision: Int? = nil) throws(GeometryError) -> String { fatalError("unimplemented") }
    public func geometry(wkt: String) throws(GeometryError) -> Geometry { fatalError("unimplemented") }
    public func wkb(_ g: Geometry) throws(GeometryError) -> [UInt8] { fatalError("unimplemented") }
    public func geometry(wkb: [UInt8]) throws(GeometryError) -> Geometry { fatalError("unimplemented") }

    /// A prepared geometry for repeated predicates against one geometry.
    public func prepare(_ g: Geometry) throws(GeometryError) -> PreparedGeometry { fatalError("unimplemented") }
}

/// `GEOSPrepare_r` result; keeps its engine (and so the context) alive. Not `Sendable`.
public final class PreparedGeometry {
    public func contains(_ g: Geometry) throws(GeometryError) -> Bool { fatalError("unimplemented") }
    public func covers(_ g: Geometry) throws(GeometryError) -> Bool { fatalError("unimplemented") }
    public func intersects(_ g: Geometry) throws(GeometryError) -> Bool { fatalError("unimplemented") }
    /// Batch point-in-polygon: `result[i]` is whether the geometry contains (x[i], y[i]).
    public func containsPoints(x: [Double], y: [Double]) throws(GeometryError) -> [Bool] { fatalError("unimplemented") }
    /// Batch: whether the geometry covers each point (boundary counts as inside).
    public func coversPoints(x: [Double], y: [Double]) throws(GeometryError) -> [Bool] { fatalError("unimplemented") }
}

/// GEOS STR-tree over bounding boxes; items are the indices of the boxes given at build time.
public final class STRTree {
    public init(engine: GeometryEngine, boxes: [BoundingBox], nodeCapacity: Int = 10) throws(GeometryError) { fatalError("unimplemented") }
    /// Indices of the boxes that intersect `box`, ascending.
    public func query(_ box: BoundingBox) -> [Int] { fatalError("unimplemented") }
}
