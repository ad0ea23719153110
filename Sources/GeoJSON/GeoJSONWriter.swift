import Geometry

/// Writes RFC 7946 GeoJSON: exterior rings counter-clockwise, holes clockwise, keys sorted,
/// `precision` decimals (default 7), geometry crossing ±180° cut, rings around a pole closed along ±90°.
public struct GeoJSONWriter: Sendable {
    public var precision: Int
    public init(precision: Int = 7) { self.precision = precision }

    /// Streams a FeatureCollection to `sink` one feature at a time (no whole-document string in memory).
    public func writeFeatureCollection<S: Sequence>(_ features: S, to sink: (String) throws -> Void) rethrows where S.Element == Feature {
        fatalError("unimplemented")
    }
    public func string(_ object: GeoJSONObject) -> String { fatalError("unimplemented") }
    public func string(_ feature: Feature) -> String { string(.feature(feature)) }
    public func string(_ collection: FeatureCollection) -> String { string(.featureCollection(collection)) }
}
