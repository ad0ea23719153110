extension Feature: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeWithReaderRules(decoder) { (bytes) throws(GeoJSONError) in try GeoJSONReader.readFeature(bytes) }
    }
    public func encode(to encoder: any Encoder) throws { try geoJSONValue.encode(to: encoder) }
}
