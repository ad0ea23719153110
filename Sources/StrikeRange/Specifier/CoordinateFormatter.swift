import Foundation
import Geodesy

/// How output tables write a position (`--coords`): the one formatter for reach tables, in-range lists and any
/// other table that prints positions (issue 16).
public enum CoordinateStyle: String, Sendable, CaseIterable {
    /// `50.45010,30.52340` (latitude, longitude; the table's own precision).
    case decimal
    /// `50°27'00.4"N 30°31'24.2"E` (tenths of a second, about 3 m).
    case dms
    /// `37U DB 12345 67890` (1 m squares); decimal latitude, longitude in the polar (UPS) areas.
    case mgrs
}

/// Writes positions in one `CoordinateStyle`. Holds a `UTMProjector` (PROJ contexts), so it is not `Sendable`:
/// use one per thread or task, reused across a table.
public final class CoordinateFormatter {
    public let style: CoordinateStyle
    /// Decimal places for `.decimal`.
    public let decimalPlaces: Int
    private let projector = UTMProjector()

    public init(style: CoordinateStyle, decimalPlaces: Int = 5) {
        self.style = style
        self.decimalPlaces = decimalPlaces
    }

    /// The position as text in this style: one field (it may contain a comma for `.decimal`; CSV writers quote).
    public func string(_ position: LonLat) -> String {
        switch style {
        case .decimal:
            return Self.decimal(position.latitude, decimalPlaces) + "," + Self.decimal(position.longitude, decimalPlaces)
        case .dms:
            return Self.dms(position.latitude, positive: "N", negative: "S") + " "
                + Self.dms(position.longitude, positive: "E", negative: "W")
        case .mgrs:
            if let text = try? GridReference.mgrs(position, projector: projector) { return text }
            return Self.decimal(position.latitude, decimalPlaces) + "," + Self.decimal(position.longitude, decimalPlaces)
        }
    }

    static func decimal(_ value: Double, _ places: Int) -> String {
        let text = String(format: "%.\(places)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// Degrees, minutes and seconds to 0.1″, carried so that 59.95″ becomes the next minute.
    static func dms(_ value: Double, positive: Character, negative: Character) -> String {
        let tenths = Int((abs(value) * 36_000).rounded())
        let degrees = tenths / 36_000, minutes = (tenths % 36_000) / 600, secondTenths = tenths % 600
        let hemisphere = value < 0 && tenths > 0 ? negative : positive
        return "\(degrees)°" + String(format: "%02d'%02d.%d\"", minutes, secondTenths / 10, secondTenths % 10) + String(hemisphere)
    }
}
