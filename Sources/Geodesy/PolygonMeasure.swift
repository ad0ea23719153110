/// Geodesic area and perimeter of a ring (`geod_polygon_*`): edges are geodesics.
public struct PolygonMeasure: Sendable, Hashable {
    /// Positive when the ring is counter-clockwise.
    public var signedAreaSquareMeters: Double
    public var perimeterMeters: Double
    public var areaSquareMeters: Double { abs(signedAreaSquareMeters) }
    public init(signedAreaSquareMeters: Double, perimeterMeters: Double) {
        self.signedAreaSquareMeters = signedAreaSquareMeters; self.perimeterMeters = perimeterMeters
    }
}

extension Geodesic {
    /// Area and perimeter of one ring; a closing vertex equal to the first is ignored.
    public func ringMeasure(_ ring: [LonLat]) -> PolygonMeasure { fatalError("unimplemented") }
    /// Absolute area of a polygon: |exterior| − Σ|holes|, square metres.
    public func polygonAreaSquareMeters(exterior: [LonLat], holes: [[LonLat]]) -> Double { fatalError("unimplemented") }
    /// Length of a polyline whose edges are geodesics, metres.
    public func lineLengthMeters(_ line: [LonLat]) -> Double { fatalError("unimplemented") }
}
