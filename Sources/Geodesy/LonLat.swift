/// A geographic position in degrees, longitude first (RFC 7946 order).
public struct LonLat: Sendable, Hashable {
    public var longitude: Double
    public var latitude: Double
    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}
