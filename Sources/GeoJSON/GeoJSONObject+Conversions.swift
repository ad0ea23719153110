import Geometry

extension GeoJSONObject {
    /// The document as features: a bare geometry becomes one feature (no properties), a feature a one-element list.
    public var features: [Feature] {
        switch self {
        case .geometry(let geometry): [Feature(geometry: geometry)]
        case .feature(let feature): [feature]
        case .featureCollection(let collection): collection.features
        }
    }

    /// The geometries of the document in order (features without geometry are skipped).
    public var geometries: [Geometry] { features.compactMap(\.geometry) }
}

extension Feature {
    /// A feature holding `geometry` with the given properties.
    public init(_ geometry: Geometry, properties: [String: JSONValue] = [:]) {
        self.init(geometry: geometry, properties: .object(properties))
    }
}

extension FeatureCollection {
    /// One feature (without properties) per geometry.
    public init(geometries: [Geometry]) {
        self.init(features: geometries.map { Feature(geometry: $0) })
    }
}
