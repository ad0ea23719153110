extension FeatureCollection: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeWithReaderRules(decoder) { (bytes) throws(GeoJSONError) in
            try GeoJSONReader.readFeatureCollection(bytes)
        }
    }
    public func encode(to encoder: any Encoder) throws { try geoJSONValue.encode(to: encoder) }
}
