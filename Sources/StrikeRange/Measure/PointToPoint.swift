import GeoJSON
import Geodesy
import Geometry

/// Distance and direction between two points along the shortest geodesic on the ellipsoid (`strikerange measure`,
/// issue 16): the one `geod_inverse` call `geodesic inverse` makes, with the path for a map.
public struct PointToPoint: Sendable {
    public let from: LonLat
    public let to: LonLat
    /// Geodesic distance, metres.
    public let distanceMeters: Double
    /// Direction of departure at `from`, degrees clockwise from true north, (-180, 180].
    public let initialAzimuthDegrees: Double
    /// Direction of travel on arrival at `to` (forward azimuth, as GeodSolve prints azi2), degrees, (-180, 180].
    public let finalAzimuthDegrees: Double
    private let geodesic: Geodesic

    public init(from: LonLat, to: LonLat, geodesic: Geodesic = .wgs84) {
        let solution = geodesic.inverse(from, to)
        self.from = from
        self.to = to
        self.geodesic = geodesic
        distanceMeters = solution.distanceMeters
        initialAzimuthDegrees = solution.azimuth1Degrees
        finalAzimuthDegrees = solution.azimuth2Degrees
    }

    /// A compass bearing in [0, 360) from an azimuth in (-180, 180].
    public static func bearing(_ azimuthDegrees: Double) -> Double {
        let b = azimuthDegrees.truncatingRemainder(dividingBy: 360)
        return b < 0 ? b + 360 : (b == 360 ? 0 : b)
    }

    /// The geodesic as a line, points every ≤ `maximumSpacingMeters` (> 0) solved on the geodesic (straight lon/lat
    /// edges between them), cut at ±180° into a MultiLineString where it crosses (RFC 7946).
    public func path(maximumSpacingMeters: Double = 10_000) -> Geometry {
        let points = geodesic.line(from: from, to: to).densified(maximumSpacingMeters: maximumSpacingMeters, unrollLongitude: true)
        return cutAtAntimeridian(.lineString(LineString(points.map { Coordinate(x: $0.longitude, y: $0.latitude) })))
    }
}
