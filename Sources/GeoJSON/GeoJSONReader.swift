import Geometry

/// Reads GeoJSON text (UTF-8 bytes) strictly, with errors that name the JSON path.
///
/// Two passes: a byte-level tokenizer (syntax, UTF-8, numbers) and a model builder (RFC 7946 rules:
/// member types, positions of 2 or 3 finite numbers within longitude [-180, 180] and latitude [-90, 90],
/// closed rings of at least 4 positions, known type names). Foreign members are ignored.
///
/// Why hand-written rather than `JSONSerialization`/`JSONDecoder`: those build a tree of boxed values before any
/// GeoJSON rule can run, which costs several times the time and memory on large boundary files, and their errors
/// name neither the byte, the line nor the JSON path. Foundation stays as the differential oracle of the
/// `json` fuzz harness (Tests/Fuzz), which must agree with it on accept/reject and on values.
public enum GeoJSONReader {
    /// Reads any GeoJSON document: a geometry, a Feature or a FeatureCollection.
    /// - Throws: `GeoJSONError` naming the problem and its JSON path.
    public static func read(_ bytes: [UInt8]) throws(GeoJSONError) -> GeoJSONObject {
        var (builder, root) = try prepare(bytes)
        return try builder.object(at: root)
    }

    /// Any document as features: a bare geometry becomes one feature, a feature a one-element list.
    public static func readFeatures(_ bytes: [UInt8]) throws(GeoJSONError) -> [Feature] {
        try read(bytes).features
    }

    /// Reads a document that must be a geometry object (not a Feature or FeatureCollection).
    public static func readGeometry(_ bytes: [UInt8]) throws(GeoJSONError) -> Geometry {
        var (builder, root) = try prepare(bytes)
        return try builder.geometry(at: root)
    }

    /// Reads a document that must be a Feature.
    public static func readFeature(_ bytes: [UInt8]) throws(GeoJSONError) -> Feature {
        var (builder, root) = try prepare(bytes)
        return try builder.feature(at: root)
    }

    /// Reads a document that must be a FeatureCollection.
    public static func readFeatureCollection(_ bytes: [UInt8]) throws(GeoJSONError) -> FeatureCollection {
        var (builder, root) = try prepare(bytes)
        return try builder.featureCollection(at: root)
    }

    /// Convenience for text already in memory.
    public static func read(_ text: String) throws(GeoJSONError) -> GeoJSONObject { try read(Array(text.utf8)) }

    /// Deepest nesting of arrays and objects accepted; deeper documents are `invalidJSON`.
    package static var maximumNestingDepth: Int { JSONTokenizer.maximumDepth }

    /// Reads a plain JSON value (no GeoJSON rules; non-finite numbers rejected).
    /// `package` so that the fuzz harness can compare it with Foundation's `JSONSerialization`.
    package static func readJSONValue(_ bytes: [UInt8]) throws(GeoJSONError) -> JSONValue {
        var (builder, root) = try prepare(bytes)
        return try builder.value(at: root)
    }

    private static func prepare(_ bytes: [UInt8]) throws(GeoJSONError) -> (GeoJSONModelBuilder, Int) {
        var tokenizer = JSONTokenizer(bytes: bytes)
        let tokens = try tokenizer.run()
        return (GeoJSONModelBuilder(bytes: bytes, tokens: tokens), 0)
    }
}
