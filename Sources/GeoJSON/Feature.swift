import Geometry

/// RFC 7946 §3.2 feature id: a string or a number.
public enum FeatureID: Sendable, Hashable {
    case string(String)
    case number(Double)
}

/// RFC 7946 §3.2. `geometry` nil is written as `"geometry": null`.
public struct Feature: Sendable, Hashable {
    public var id: FeatureID?
    public var geometry: Geometry?
    public var properties: JSONValue
    public var bbox: [Double]?
    public init(id: FeatureID? = nil, geometry: Geometry?, properties: JSONValue = .object([:]), bbox: [Double]? = nil) {
        self.id = id; self.geometry = geometry; self.properties = properties; self.bbox = bbox
    }
}

/// RFC 7946 §3.3.
public struct FeatureCollection: Sendable, Hashable {
    public var features: [Feature]
    public var bbox: [Double]?
    public init(features: [Feature], bbox: [Double]? = nil) { self.features = features; self.bbox = bbox }
}

/// Any GeoJSON document.
public enum GeoJSONObject: Sendable, Hashable {
    case geometry(Geometry)
    case feature(Feature)
    case featureCollection(FeatureCollection)
}
