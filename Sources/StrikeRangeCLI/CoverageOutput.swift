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
            return [r.weapon, r.variant.rawValue, r.regionCode ?? "", r.regionName,
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

    /// The columns every command shares (`CoverageColumns`): metres, km², fixed decimals.
    func csv() -> String {
        ([CSVText.line(CoverageColumns.names)] + results.map { CSVText.line(CoverageColumns.cells($0).map(\.csvText)) })
            .joined(separator: "\n")
    }

    /// `csv()` with a last column `wkt`: the in-range part of each region ("" when nothing is in range).
    func csv(wkt: WKTColumn) throws -> String {
        try ([CSVText.line(CoverageColumns.names + [WKTColumn.name])] + results.map {
            CSVText.line(CoverageColumns.cells($0).map(\.csvText) + [try wkt.text($0.inRangeGeometry)])
        }).joined(separator: "\n")
    }

    /// One result's figures under the shared column names, plus the launch and tolerance.
    func properties(_ r: RegionCoverage) -> [String: JSONValue] {
        var p = CoverageColumns.jsonProperties(CoverageColumns.cells(r))
        p["tolerance_m"] = .number(r.parameters.toleranceMeters)
        p["launch"] = .string(launchLabel)
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
