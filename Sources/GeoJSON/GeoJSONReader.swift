import Geometry

/// Reads GeoJSON text (UTF-8 bytes) strictly, with errors that name the JSON path.
public enum GeoJSONReader {
    public static func read(_ bytes: [UInt8]) throws(GeoJSONError) -> GeoJSONObject { fatalError("unimplemented") }
    /// Any document as features: a bare geometry becomes one feature, a feature a one-element list.
    public static func readFeatures(_ bytes: [UInt8]) throws(GeoJSONError) -> [Feature] { fatalError("unimplemented") }
}
