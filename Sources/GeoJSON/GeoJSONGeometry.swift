import Geometry

/// A `Geometry` as an RFC 7946 geometry object: the `Codable` face of `Geometry` (which lives in the Geometry
/// module and knows nothing of JSON). Decoding validates like `GeoJSONReader`; encoding writes the geometry
/// normalized like `GeoJSONWriter` (cut at ±180°, exterior rings CCW, holes CW) at full precision.
public struct GeoJSONGeometry: Sendable, Hashable {
    public var geometry: Geometry
    public init(_ geometry: Geometry) { self.geometry = geometry }
}

extension Geometry {
    /// The RFC 7946 geometry object as a JSON value, normalized as `GeoJSONWriter` writes it, full precision.
    public var geoJSONValue: JSONValue {
        geoJSONValueOfNormalized(GeoJSONWriter.normalized(self))
    }
}

private func geoJSONValueOfNormalized(_ geometry: Geometry) -> JSONValue {
    func position(_ c: Coordinate) -> JSONValue {
        .array([.number(c.x), .number(c.y)] + (c.z.map { [.number($0)] } ?? []))
    }
    func positions(_ list: [Coordinate]) -> JSONValue { .array(list.map(position)) }
    func polygon(_ p: Polygon) -> JSONValue { p.isEmpty ? .array([]) : .array(([p.exterior] + p.holes).map(positions)) }
    func point(_ p: Point) -> JSONValue { p.coordinate.map(position) ?? .array([]) }

    let type = JSONValue.string(geometry.geoJSONTypeName.description)
    switch geometry {
    case .point(let p): return .object(["type": type, "coordinates": point(p)])
    case .lineString(let line): return .object(["type": type, "coordinates": positions(line.coordinates)])
    case .polygon(let p): return .object(["type": type, "coordinates": polygon(p)])
    case .multiPoint(let multi): return .object(["type": type, "coordinates": .array(multi.points.map(point))])
    case .multiLineString(let multi):
        return .object(["type": type, "coordinates": .array(multi.lineStrings.map { positions($0.coordinates) })])
    case .multiPolygon(let multi): return .object(["type": type, "coordinates": .array(multi.polygons.map(polygon))])
    case .geometryCollection(let collection):
        return .object(["type": type, "geometries": .array(collection.geometries.map(geoJSONValueOfNormalized))])
    }
}

extension Feature {
    /// The RFC 7946 Feature object as a JSON value (geometry normalized, full precision).
    public var geoJSONValue: JSONValue {
        var members: [String: JSONValue] = [
            "type": .string("Feature"),
            "geometry": geometry?.geoJSONValue ?? .null,
            "properties": properties,
        ]
        if let id {
            switch id {
            case .string(let text): members["id"] = .string(text)
            case .number(let number): members["id"] = .number(number)
            }
        }
        if let bbox { members["bbox"] = .array(bbox.map(JSONValue.number)) }
        return .object(members)
    }
}

extension FeatureCollection {
    /// The RFC 7946 FeatureCollection object as a JSON value (geometry normalized, full precision).
    public var geoJSONValue: JSONValue {
        var members: [String: JSONValue] = [
            "type": .string("FeatureCollection"),
            "features": .array(features.map(\.geoJSONValue)),
        ]
        if let bbox { members["bbox"] = .array(bbox.map(JSONValue.number)) }
        return .object(members)
    }
}

extension GeoJSONObject {
    /// The document as a JSON value (geometry normalized, full precision).
    public var geoJSONValue: JSONValue {
        switch self {
        case .geometry(let geometry): geometry.geoJSONValue
        case .feature(let feature): feature.geoJSONValue
        case .featureCollection(let collection): collection.geoJSONValue
        }
    }
}
