import Geodesy
import Geometry

/// An international land boundary line between two countries (`Data/borders.geojson`).
public struct Border: Sendable, Identifiable {
    /// Alpha-2 codes as in the data (Natural Earth's alpha-3 where a territory has none).
    public let codeA: String
    public let codeB: String
    /// Natural Earth `adm0_a3` codes; the pair identifies the border.
    public let alpha3A: String
    public let alpha3B: String
    /// "Russia - Ukraine".
    public let name: String
    /// Always a MultiLineString, lon/lat WGS84.
    public let multiLineString: MultiLineString
    /// The length the data file states (`length_km`), kilometres; for cross-checks only — the tool reports
    /// `geodesicLengthMeters()`.
    public let statedLengthKilometers: Double?

    public var id: String { "\(alpha3A)-\(alpha3B)" }
    public var geometry: Geometry { .multiLineString(multiLineString) }

    /// Length along the line with geodesic edges, metres (Geodesy: `Geodesic.lineLengthMeters`).
    public func geodesicLengthMeters(on geodesic: Geodesic = .wgs84) -> Double {
        GeodesicMeasure(geodesic).lengthMeters(.multiLineString(multiLineString))
    }
}
