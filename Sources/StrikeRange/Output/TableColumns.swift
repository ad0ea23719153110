import Geodesy
import GeoJSON

/// The one vocabulary of StrikeRange's machine-readable tables (CSV, JSON, GeoJSON properties), shared by
/// `reach`, `coverage` and `run` so a column means the same thing wherever it appears:
/// linear distances in metres (`_m`, 3 decimals: 1 mm), areas in km² (`_km2`, 3 decimals: 1,000 m²),
/// coordinates in degrees (8 decimals: about 1 mm), azimuths in degrees clockwise from north in [0, 360)
/// (`_deg`, 6 decimals), percentages with 3 decimals. Tables for people use km and fewer decimals.
public enum FixedDecimals {
    public static let meters = 3
    public static let squareKilometers = 3
    public static let coordinateDegrees = 8
    public static let azimuthDegrees = 6
    public static let percent = 3

    private static let powersOfTen: [Double] = (0...15).map { var p = 1.0; for _ in 0..<$0 { p *= 10 }; return p }

    /// `value` rounded to `decimals` places, as "%.Nf" prints it (half away from zero), without a locale;
    /// "" for nil or a non-finite value. Hand-written because String(format:) made a million rows take seconds.
    public static func text(_ value: Double?, _ decimals: Int) -> String {
        var bytes = [UInt8]()
        append(value, decimals, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text(value, decimals)` appended as bytes (the reach CSV writer's path: no String per field).
    public static func append(_ value: Double?, _ decimals: Int, to out: inout [UInt8]) {
        guard let value, value.isFinite else { return }
        let scaled = (abs(value) * powersOfTen[decimals]).rounded()
        guard scaled < 9e15 else { out += String(format: "%.\(decimals)f", value).utf8; return }
        var n = UInt64(scaled)
        let start = out.count
        var written = 0
        // Digits last-first, then reversed in place.
        repeat {
            if written == decimals && decimals > 0 { out.append(UInt8(ascii: ".")) }
            out.append(UInt8(ascii: "0") + UInt8(n % 10))
            n /= 10; written += 1
        } while n > 0 || written <= decimals
        if value < 0 && scaled > 0 { out.append(UInt8(ascii: "-")) }
        out[start...].reverse()
    }

    /// The same rounding as a JSON number (`null` for nil or non-finite).
    public static func json(_ value: Double?, _ decimals: Int) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(Double(text(value, decimals)) ?? value)
    }
}

/// RFC 4180 fields: quoted when they hold a comma, quote or line break, quotes doubled; lines end in LF.
public enum CSVText {
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }

    /// `field(text)` appended as bytes.
    public static func append(field text: String, to out: inout [UInt8]) {
        if text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            out += field(text).utf8
        } else {
            out += text.utf8
        }
    }
}

/// Columns of a reach row (`reach --format csv|json|geojson` and `run`'s reach.csv): the target's name and
/// point, any columns passed through from the user's CSV, then these.
public enum ReachColumns {
    public static let leading = ["name", "lat", "lon"]
    public static let trailing = ["weapon", "variant", "range_m", "min_range_m", "distance_m", "margin_m", "verdict",
                                  "nearest_launch_lat", "nearest_launch_lon", "azimuth_deg"]

    public static func leadingValues(name: String, point: LonLat?) -> [String] {
        [name, FixedDecimals.text(point?.latitude, FixedDecimals.coordinateDegrees),
         FixedDecimals.text(point?.longitude, FixedDecimals.coordinateDegrees)]
    }

    /// Distance, margin, nearest point and azimuth are nil under `--verdict-only` (empty fields).
    public static func trailingValues(weapon: String, variant: String, rangeMeters: Double, minRangeMeters: Double?,
                                      distanceMeters: Double?, marginMeters: Double?, verdict: String,
                                      nearestLaunchPoint: LonLat?, azimuthDegrees: Double?) -> [String] {
        let m = FixedDecimals.meters
        return [weapon, variant, FixedDecimals.text(rangeMeters, m), FixedDecimals.text(minRangeMeters, m),
                FixedDecimals.text(distanceMeters, m), FixedDecimals.text(marginMeters, m), verdict,
                FixedDecimals.text(nearestLaunchPoint?.latitude, FixedDecimals.coordinateDegrees),
                FixedDecimals.text(nearestLaunchPoint?.longitude, FixedDecimals.coordinateDegrees),
                FixedDecimals.text(azimuthDegrees, FixedDecimals.azimuthDegrees)]
    }
}

/// One cell of a machine-readable row: its column, and text or a number with its fixed decimals.
public struct TableCell: Sendable {
    public var column: String
    public var text: String?
    public var number: Double?
    public var decimals: Int

    public static func text(_ column: String, _ text: String?) -> TableCell { TableCell(column: column, text: text, number: nil, decimals: 0) }
    public static func number(_ column: String, _ number: Double?, _ decimals: Int) -> TableCell {
        TableCell(column: column, text: nil, number: number, decimals: decimals)
    }

    /// "" when empty.
    public var csvText: String { text ?? FixedDecimals.text(number, decimals) }
    /// null when empty.
    public var json: JSONValue { text.map(JSONValue.string) ?? FixedDecimals.json(number, decimals) }
}

/// Columns of a coverage row (`coverage --format csv|json|geojson` and `run`'s coverage.csv). A polygonal
/// region fills the area columns, a line (a border) the length columns; the others stay empty.
public enum CoverageColumns {
    public static let names = ["region_code", "region_name", "kind", "weapon", "variant", "range_m", "min_range_m",
                               "area_km2", "area_in_range_km2", "length_m", "length_in_range_m", "percent", "status",
                               "nearest_m", "farthest_m"]

    /// `totalMeasure`/`inRangeMeasure` are m² for areas and m for lines, as `RegionCoverage` holds them.
    public static func cells(regionCode: String?, regionName: String, kind: CoverageRegion.Kind, weapon: String,
                             variant: String, rangeMeters: Double, minRangeMeters: Double?, totalMeasure: Double,
                             inRangeMeasure: Double, percent: Double, status: CoverageStatus, nearestMeters: Double,
                             farthestMeters: Double) -> [TableCell] {
        let m = FixedDecimals.meters, km2 = FixedDecimals.squareKilometers
        let isArea = kind == .area
        return [
            .text("region_code", regionCode), .text("region_name", regionName), .text("kind", kind.rawValue),
            .text("weapon", weapon), .text("variant", variant),
            .number("range_m", rangeMeters, m), .number("min_range_m", minRangeMeters, m),
            .number("area_km2", isArea ? totalMeasure / 1e6 : nil, km2),
            .number("area_in_range_km2", isArea ? inRangeMeasure / 1e6 : nil, km2),
            .number("length_m", isArea ? nil : totalMeasure, m), .number("length_in_range_m", isArea ? nil : inRangeMeasure, m),
            .number("percent", percent, FixedDecimals.percent), .text("status", status.rawValue),
            .number("nearest_m", nearestMeters, m), .number("farthest_m", farthestMeters, m),
        ]
    }

    public static func cells(_ r: RegionCoverage) -> [TableCell] {
        cells(regionCode: r.regionCode, regionName: r.regionName, kind: r.kind, weapon: r.weapon, variant: r.variant.rawValue,
              rangeMeters: r.parameters.rangeMeters, minRangeMeters: r.parameters.minRangeMeters, totalMeasure: r.totalMeasure,
              inRangeMeasure: r.inRangeMeasure, percent: r.percent, status: r.status, nearestMeters: r.nearestDistanceMeters,
              farthestMeters: r.farthestDistanceMeters)
    }

    /// Cells keyed by column, for JSON objects and GeoJSON properties.
    public static func jsonProperties(_ cells: [TableCell]) -> [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: cells.map { ($0.column, $0.json) })
    }
}
