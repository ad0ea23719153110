import Foundation

/// A launch/target specifier that cannot be read. Each message names the offending value and,
/// where it helps, the accepted forms.
public enum LocationSpecifierError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    case empty
    /// Latitude outside [-90, 90]; carries the value as read (after hemisphere sign).
    case latitudeOutOfRange(Double, text: String)
    /// Longitude outside [-180, 180].
    case longitudeOutOfRange(Double, text: String)
    /// Only one coordinate given (`50.45`); `missing` is "longitude" or "latitude".
    case missingCoordinate(missing: String, text: String)
    /// Looks like coordinates but cannot be read; `reason` says what is wrong.
    case malformedCoordinates(text: String, reason: String)
    case fileNotFound(path: String)
    case unreadableFile(path: String, reason: String)
    /// The file is not GeoJSON; `reason` is GeoJSONReader's message (what and at which JSON path).
    case notGeoJSON(path: String, reason: String)
    case noGeometry(path: String)
    /// An unknown `prefix:`.
    case unknownPrefix(String)
    /// A grid reference that cannot be read; `system` is "MGRS" or "UTM", `reason` says what is wrong (issue 16).
    case malformedGridReference(text: String, system: String, reason: String)
    /// An edge whose ends are more than 180° of longitude apart (`LongEdgeReading`); indices from 0.
    case longEdge(path: String, feature: Int, name: String?, vertex: Int, fromLongitude: Double, toLongitude: Double)

    public static let acceptedCoordinateForms =
        "accepted forms: \"50.45,30.52\" (latitude, longitude in decimal degrees), \"50.45N 30.52E\", "
        + "\"50°27'13\\\"N 30°31'5\\\"E\", point:LAT,LON, MGRS (37UDB1234567890) or UTM (\"37U 412345 5712345\")"

    public var description: String {
        switch self {
        case .empty:
            return "empty location; give coordinates, a place, a region or country, border:A-B, or a GeoJSON file"
        case let .latitudeOutOfRange(value, text):
            return "latitude \(Self.number(value)) in '\(text)' is out of range: latitudes are -90 to 90 degrees (south negative)"
        case let .longitudeOutOfRange(value, text):
            return "longitude \(Self.number(value)) in '\(text)' is out of range: longitudes are -180 to 180 degrees (west negative)"
        case let .missingCoordinate(missing, text):
            return "'\(text)' has one coordinate: a \(missing) is missing; \(Self.acceptedCoordinateForms)"
        case let .malformedCoordinates(text, reason):
            return "cannot read '\(text)' as coordinates: \(reason); \(Self.acceptedCoordinateForms)"
        case let .fileNotFound(path):
            return "file not found: \(path)"
        case let .unreadableFile(path, reason):
            return "cannot read \(path): \(reason)"
        case let .notGeoJSON(path, reason):
            return "\(path) is not GeoJSON: \(reason)"
        case let .noGeometry(path):
            return "\(path) holds no geometry (every feature's geometry is null)"
        case let .longEdge(path, feature, name, vertex, from, to):
            let which = name.map { "feature \(feature) ('\($0)')" } ?? "feature \(feature)"
            return "\(path): \(which), the edge from vertex \(vertex) (longitude \(Self.number(from))) to vertex \(vertex + 1) "
                + "(longitude \(Self.number(to))) spans more than 180° of longitude; GeoJSON (RFC 7946) draws it the long way "
                + "round, while many tools mean the short way across ±180°. Densify it or cut it at ±180° so that no edge "
                + "spans more than 180°, or pass --long-edges short-way to read such edges across ±180°"
        case let .malformedGridReference(text, system, reason):
            let form = system == "MGRS"
                ? "MGRS is zone, latitude band, 100 km square and 0 to 5 digit pairs, e.g. 37UDB1234567890 or 37U DB 12345 67890"
                : "UTM is zone and latitude band, easting and northing in metres, e.g. 37U 412345 5712345"
            return "cannot read '\(text)' as \(system): \(reason); \(form)"
        case let .unknownPrefix(prefix):
            return "unknown prefix '\(prefix):'; use point:, mgrs:, utm:, place:, region:, country:, border: or file:"
        }
    }
    public var errorDescription: String? { description }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
