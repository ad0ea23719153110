extension GeoJSONGeometry: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decodeWithReaderRules(decoder) { (bytes) throws(GeoJSONError) in try GeoJSONReader.readGeometry(bytes) })
    }
    public func encode(to encoder: any Encoder) throws { try geometry.geoJSONValue.encode(to: encoder) }
}
