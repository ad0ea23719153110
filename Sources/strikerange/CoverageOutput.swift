import Foundation
import GeoJSON
import StrikeRange

/// Renders coverage results: a sorted table for people; CSV, JSON and GeoJSON in input order with
/// full-precision numbers for machines.
struct CoverageReport {
    var launchLabel: String
    var toleranceMeters: Double
    var results: [RegionCoverage]

    /// By weapon (input order), then percent descending, then region input order.
    func table() -> String {
        let sorted = results.sorted {
            ($0.rangeIndex, -$0.percent, $0.regionIndex) < ($1.rangeIndex, -$1.percent, $1.regionIndex)
        }
        let rows = sorted.map { r -> [String] in
            let unit = r.kind == .area ? "km²" : "km"
            let scale = r.kind == .area ? 1e6 : 1e3
            return [r.weapon, r.variant, r.regionCode ?? "", r.regionName,
                    LookupNumber.grouped(r.inRangeMeasure / scale, decimals: 1) + " " + unit,
                    LookupNumber.grouped(r.totalMeasure / scale, decimals: 1) + " " + unit,
                    String(format: "%.2f", r.percent), r.status.rawValue,
                    LookupNumber.grouped(r.nearestDistanceMeters / 1000, decimals: 1),
                    LookupNumber.grouped(r.farthestDistanceMeters / 1000, decimals: 1)]
        }
        return LookupTable.render(
            header: ["weapon", "variant", "code", "region", "in range", "total", "percent", "status", "nearest km", "farthest km"],
            rows: rows, rightAligned: [4, 5, 6, 8, 9])
    }

    static let csvHeader = ["weapon", "variant", "range_km", "min_range_km", "region_code", "region_name", "kind", "unit",
                            "total", "in_range", "percent", "status", "nearest_km", "farthest_km"]

    /// Locale-independent fixed decimals.
    static func fixed(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    func csv() -> String {
        let rows = results.map { r -> [String] in
            let scale = r.kind == .area ? 1e6 : 1e3
            return [r.weapon, r.variant, "\(r.parameters.rangeMeters / 1000)", r.parameters.minRangeMeters.map { "\($0 / 1000)" } ?? "",
                    r.regionCode ?? "", r.regionName, r.kind.rawValue, r.kind == .area ? "km2" : "km",
                    // Fixed decimals per unit (1 m, 0.001 km², 0.001 %), as in `run`'s coverage.csv: not 99.99999999999999.
                    Self.fixed(r.totalMeasure / scale, 3), Self.fixed(r.inRangeMeasure / scale, 3), Self.fixed(r.percent, 3), r.status.rawValue,
                    Self.fixed(r.nearestDistanceMeters / 1000, 3), Self.fixed(r.farthestDistanceMeters / 1000, 3)]
        }
        return LookupCSV.render(header: Self.csvHeader, rows: rows)
    }

    /// One result's figures; areas as `area_km2`/`area_in_range_km2`, lines as `length_km`/`length_in_range_km`.
    func properties(_ r: RegionCoverage) -> [String: JSONValue] {
        var p: [String: JSONValue] = [
            "weapon": .string(r.weapon), "variant": .string(r.variant),
            "range_km": .number(r.parameters.rangeMeters / 1000),
            "min_range_km": r.parameters.minRangeMeters.map { .number($0 / 1000) } ?? .null,
            "tolerance_m": .number(r.parameters.toleranceMeters),
            "region_code": r.regionCode.map(JSONValue.string) ?? .null,
            "region_name": .string(r.regionName), "kind": .string(r.kind.rawValue),
            "percent": .number(r.percent), "status": .string(r.status.rawValue),
            "nearest_km": .number(r.nearestDistanceMeters / 1000),
            "farthest_km": .number(r.farthestDistanceMeters / 1000),
            "launch": .string(launchLabel),
        ]
        switch r.kind {
        case .area:
            p["area_km2"] = .number(r.totalMeasure / 1e6)
            p["area_in_range_km2"] = .number(r.inRangeMeasure / 1e6)
        case .line:
            p["length_km"] = .number(r.totalMeasure / 1e3)
            p["length_in_range_km"] = .number(r.inRangeMeasure / 1e3)
        }
        return p
    }

    /// `{"launch": …, "results": [ … ]}`, one result per line, keys sorted.
    func json() -> String {
        let head: [String: JSONValue] = ["launch": .string(launchLabel), "tolerance_m": .number(toleranceMeters),
                                         "tool_version": .string(Versions.tool)]
        var headText = JSONValue.object(head).jsonText
        headText.removeLast()   // the closing brace; "results" follows
        let lines = results.map { "    " + JSONValue.object(properties($0)).jsonText }
        return headText + ",\"results\":[\n" + lines.joined(separator: ",\n") + "\n]}"
    }

    /// The in-range part of each region as a feature (null geometry when nothing is in range).
    func geoJSON() -> String {
        let features = results.map { Feature(geometry: $0.inRangeGeometry, properties: .object(properties($0))) }
        return GeoJSONWriter().string(FeatureCollection(features: features))
    }
}
