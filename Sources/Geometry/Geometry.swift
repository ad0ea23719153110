/// A position in the plane of the data: x is longitude, y latitude for geographic data. `z` is carried, not used.
public struct Coordinate: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var z: Double?
    public init(x: Double, y: Double, z: Double? = nil) { self.x = x; self.y = y; self.z = z }
}

public struct Point: Sendable, Hashable {
    /// `nil` for the empty point.
    public var coordinate: Coordinate?
    public init(_ coordinate: Coordinate?) { self.coordinate = coordinate }
    public init(x: Double, y: Double) { coordinate = Coordinate(x: x, y: y) }
}

public struct LineString: Sendable, Hashable {
    public var coordinates: [Coordinate]
    public init(_ coordinates: [Coordinate]) { self.coordinates = coordinates }
}

/// Rings are closed (first == last) when non-empty.
public struct Polygon: Sendable, Hashable {
    public var exterior: [Coordinate]
    public var holes: [[Coordinate]]
    public init(exterior: [Coordinate], holes: [[Coordinate]] = []) { self.exterior = exterior; self.holes = holes }
    public var isEmpty: Bool { exterior.isEmpty }
}

public struct MultiPoint: Sendable, Hashable {
    public var points: [Point]
    public init(_ points: [Point]) { self.points = points }
}

public struct MultiLineString: Sendable, Hashable {
    public var lineStrings: [LineString]
    public init(_ lineStrings: [LineString]) { self.lineStrings = lineStrings }
}

public struct MultiPolygon: Sendable, Hashable {
    public var polygons: [Polygon]
    public init(_ polygons: [Polygon]) { self.polygons = polygons }
}

public struct GeometryCollection: Sendable, Hashable {
    public var geometries: [Geometry]
    public init(_ geometries: [Geometry]) { self.geometries = geometries }
}

/// Any of the seven geometry kinds of OGC Simple Features / RFC 7946.
public indirect enum Geometry: Sendable, Hashable {
    case point(Point)
    case lineString(LineString)
    case polygon(Polygon)
    case multiPoint(MultiPoint)
    case multiLineString(MultiLineString)
    case multiPolygon(MultiPolygon)
    case geometryCollection(GeometryCollection)
}

/// Axis-aligned bounds in the data's plane.
public struct BoundingBox: Sendable, Hashable {
    public var minX: Double, minY: Double, maxX: Double, maxY: Double
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }
}
