import Foundation
import GeoJSON
import Geodesy
import Geometry
import StrikeRange

enum ReachFormat: String, CaseIterable, Sendable {
    case table, csv, json, geojson
    /// CSV plus a last column `wkt` (the target point as well-known text), for spreadsheets and chart tools.
    case csvWKT = "csv-wkt"

    var isCSV: Bool { self == .csv || self == .csvWKT }
}

/// One output row: a target, a weapon, and either the exact result or (with --verdict-only) a verdict.
struct ReachRow {
    var target: ReachTarget
    var weapon: RangeVariant
    var result: ReachResult?
    var verdict: ReachVerdict
    var point: LonLat?
}

/// Where output goes: standard output, or a temporary file renamed over --output at the end (atomic).
final class ReachSink {
    private let handle: FileHandle
    /// The --output file being written (`AtomicFile`); nil for standard output.
    private let file: AtomicFile.Pending?
    private var pending = [UInt8]()

    init(output: String?) throws {
        if let output {
            let file = try AtomicFile.Pending(path: output)
            guard FileManager.default.createFile(atPath: file.temporaryPath, contents: nil),
                  let h = FileHandle(forWritingAtPath: file.temporaryPath) else {
                throw StrikeRangeError("output \(output): cannot create a file in that folder")
            }
            handle = h; self.file = file
        } else {
            handle = .standardOutput; file = nil
        }
    }

    func write(_ s: String) throws {
        pending += s.utf8
        if pending.count > 1 << 20 { try flush() }
    }

    /// Appends through `fill` straight into the output buffer (no intermediate String).
    func write(_ fill: (inout [UInt8]) -> Void) throws {
        fill(&pending)
        if pending.count > 1 << 20 { try flush() }
    }

    func flush() throws {
        if !pending.isEmpty { try handle.write(contentsOf: pending); pending.removeAll(keepingCapacity: true) }
    }

    /// Flushes and, for --output, moves the finished file into place.
    func finish() throws {
        try flush()
        guard let file else { return }
        try handle.close()
        try file.commit()
    }

    /// Removes a half-written temporary file after a failure.
    func abandon() {
        guard let file else { return }
        try? handle.close()
        file.abandon()
    }
}

/// Text for each format; rows arrive in input order, chunk by chunk.
struct ReachWriter {
    var format: ReachFormat
    var passthroughColumns: [String]
    var lines: Bool
    /// `--coords`: target and nearest launch point also written in this style (columns `target_coords`,
    /// `nearest_launch_coords`; the table's nearest_launch column uses it).
    var coords: CoordinateFormatter?
    private var tableRows: [[String]] = []
    private let wkt = WKTColumn()
    private var first = true

    init(format: ReachFormat, passthroughColumns: [String], lines: Bool, coords: CoordinateFormatter? = nil) {
        self.format = format; self.passthroughColumns = passthroughColumns; self.lines = lines; self.coords = coords
    }

    private func coordsText(_ p: LonLat?) -> String { p.map { coords?.string($0) ?? "" } ?? "" }
    private var coordsColumns: [String] { coords == nil ? [] : ["target_coords", "nearest_launch_coords"] }

    static func number(_ v: Double?, _ decimals: Int) -> String { FixedDecimals.text(v, decimals) }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    func header() -> String {
        switch format {
        case .csv, .csvWKT:
            return CSVText.line(ReachColumns.leading + passthroughColumns + ReachColumns.trailing + coordsColumns
                                + (format == .csvWKT ? [WKTColumn.name] : [])) + "\n"
        case .json: return "["
        case .geojson: return "{\"type\":\"FeatureCollection\",\"features\":["
        case .table: return ""
        }
    }

    /// The `.csv` rows of `rows(_:)` (the columns of `ReachColumns`, in its order and decimals), byte for byte,
    /// appended to `out` without a String per field: writing a million rows took about 2 s through Strings (issue 15).
    func appendCSV(_ rows: [ReachRow], to out: inout [UInt8]) {
        let comma = UInt8(ascii: ",")
        for row in rows {
            let r = row.result
            let p = row.weapon.parameters
            let point = row.point ?? r?.targetPoint
            Self.appendField(row.target.name, &out); out.append(comma)
            let deg = FixedDecimals.coordinateDegrees, m = FixedDecimals.meters
            Self.appendNumber(point?.latitude, deg, &out); out.append(comma)
            Self.appendNumber(point?.longitude, deg, &out); out.append(comma)
            for field in row.target.passthrough { Self.appendField(field, &out); out.append(comma) }
            Self.appendField(row.weapon.weaponID, &out); out.append(comma)
            Self.appendField(row.weapon.kind.rawValue, &out); out.append(comma)
            Self.appendNumber(p.rangeMeters, m, &out); out.append(comma)
            Self.appendNumber(p.minRangeMeters, m, &out); out.append(comma)
            Self.appendNumber(r?.distanceMeters, m, &out); out.append(comma)
            Self.appendNumber(r?.marginMeters, m, &out); out.append(comma)
            Self.appendField(row.verdict.rawValue, &out); out.append(comma)
            Self.appendNumber(r?.nearestLaunchPoint.latitude, deg, &out); out.append(comma)
            Self.appendNumber(r?.nearestLaunchPoint.longitude, deg, &out); out.append(comma)
            Self.appendNumber(r?.azimuthDegrees, FixedDecimals.azimuthDegrees, &out)
            if coords != nil {
                out.append(comma); Self.appendField(coordsText(point), &out)
                out.append(comma); Self.appendField(coordsText(r?.nearestLaunchPoint), &out)
            }
            if format == .csvWKT { out.append(comma); Self.appendField(wktText(point), &out) }
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// The target point as WKT ("" when there is none; GEOS cannot fail on a finite point).
    private func wktText(_ p: LonLat?) -> String {
        p.flatMap { try? wkt.text(.point(Point(x: $0.longitude, y: $0.latitude))) } ?? ""
    }

    static func appendField(_ s: String, _ out: inout [UInt8]) { CSVText.append(field: s, to: &out) }

    static func appendNumber(_ v: Double?, _ decimals: Int, _ out: inout [UInt8]) { FixedDecimals.append(v, decimals, to: &out) }

    mutating func rows(_ rows: [ReachRow]) -> String {
        var out = ""
        for row in rows {
            let r = row.result
            let p = row.weapon.parameters
            let point = row.point ?? r?.targetPoint
            switch format {
            case .table:
                tableRows.append([row.target.name, row.weapon.isMain ? row.weapon.weaponID : "\(row.weapon.weaponID) \(row.weapon.kind.rawValue)",
                                  Self.number(r.map { $0.distanceMeters / 1000 }, 3), Self.number(r.map { $0.marginMeters / 1000 }, 3),
                                  row.verdict.rawValue,
                                  coords == nil ? r.map { "\(Self.number($0.nearestLaunchPoint.latitude, 5)),\(Self.number($0.nearestLaunchPoint.longitude, 5))" } ?? ""
                                      : coordsText(r?.nearestLaunchPoint),
                                  Self.number(r?.azimuthDegrees, 2)] + (coords == nil ? [] : [coordsText(point)]))
            case .csv, .csvWKT:
                let fields = ReachColumns.leadingValues(name: row.target.name, point: point) + row.target.passthrough
                    + ReachColumns.trailingValues(weapon: row.weapon.weaponID, variant: row.weapon.kind.rawValue, rangeMeters: p.rangeMeters,
                                                  minRangeMeters: p.minRangeMeters, distanceMeters: r?.distanceMeters,
                                                  marginMeters: r?.marginMeters, verdict: row.verdict.rawValue,
                                                  nearestLaunchPoint: r?.nearestLaunchPoint, azimuthDegrees: r?.azimuthDegrees)
                    + (coords == nil ? [] : [coordsText(point), coordsText(r?.nearestLaunchPoint)])
                    + (format == .csvWKT ? [wktText(point)] : [])
                out += CSVText.line(fields) + "\n"
            case .json, .geojson:
                var props: [(String, String)] = [
                    ("name", Self.jsonString(row.target.name)), ("weapon", Self.jsonString(row.weapon.weaponID)),
                    ("variant", Self.jsonString(row.weapon.kind.rawValue)), ("range_m", Self.json(p.rangeMeters, 3)),
                    ("min_range_m", Self.json(p.minRangeMeters, 3)), ("tolerance_m", Self.json(p.toleranceMeters, 3)),
                    ("distance_m", Self.json(r?.distanceMeters, FixedDecimals.meters)), ("margin_m", Self.json(r?.marginMeters, FixedDecimals.meters)),
                    ("verdict", Self.jsonString(row.verdict.rawValue)),
                    ("nearest_launch_lat", Self.json(r?.nearestLaunchPoint.latitude, FixedDecimals.coordinateDegrees)),
                    ("nearest_launch_lon", Self.json(r?.nearestLaunchPoint.longitude, FixedDecimals.coordinateDegrees)),
                    ("azimuth_deg", Self.json(r?.azimuthDegrees, FixedDecimals.azimuthDegrees)),
                ]
                if coords != nil {
                    props += [("target_coords", Self.jsonString(coordsText(point))),
                              ("nearest_launch_coords", Self.jsonString(coordsText(r?.nearestLaunchPoint)))]
                }
                if format == .json {
                    props += [("lat", Self.json(point?.latitude, FixedDecimals.coordinateDegrees)), ("lon", Self.json(point?.longitude, FixedDecimals.coordinateDegrees))]
                }
                for (k, v) in zip(passthroughColumns, row.target.passthrough) { props.append((k, Self.jsonString(v))) }
                props.sort { $0.0 < $1.0 }
                let object = "{" + props.map { "\(Self.jsonString($0.0)):\($0.1)" }.joined(separator: ",") + "}"
                if format == .json {
                    out += (first ? "\n" : ",\n") + object
                } else {
                    let coords = point.map { "[\(Self.number($0.longitude, 7)),\(Self.number($0.latitude, 7))]" }
                    let geometry = coords.map { "{\"coordinates\":\($0),\"type\":\"Point\"}" } ?? "null"
                    out += (first ? "\n" : ",\n") + "{\"geometry\":\(geometry),\"properties\":\(object),\"type\":\"Feature\"}"
                    if lines, let r, r.distanceMeters > 0 {
                        out += ",\n{\"geometry\":\(Self.geodesicLine(from: r.nearestLaunchPoint, to: r.targetPoint)),\"properties\":{\"kind\":\"nearest_launch_line\",\"name\":\(Self.jsonString(row.target.name)),\"weapon\":\(Self.jsonString(row.weapon.weaponID))},\"type\":\"Feature\"}"
                    }
                }
                first = false
            }
        }
        return out
    }

    static func json(_ v: Double?, _ decimals: Int) -> String {
        guard let v, v.isFinite else { return "null" }
        return FixedDecimals.text(v, decimals)
    }

    /// The geodesic from the nearest launch point to the target, sampled every ≤ 10 km (lon/lat straight edges in between).
    static func geodesicLine(from a: LonLat, to b: LonLat) -> String {
        let line = Geodesic.wgs84.line(from: a, to: b)
        let n = max(1, Int((line.distanceMeters / 10_000).rounded(.up)))
        var points = [String]()
        for k in 0...n {
            let p = line.position(distanceMeters: line.distanceMeters * Double(k) / Double(n), unrollLongitude: true)
            points.append("[\(number(p.longitude, 7)),\(number(p.latitude, 7))]")
        }
        return "{\"coordinates\":[\(points.joined(separator: ","))],\"type\":\"LineString\"}"
    }

    mutating func footer() -> String {
        switch format {
        case .csv, .csvWKT: return ""
        case .json: return first ? "]\n" : "\n]\n"
        case .geojson: return first ? "]}\n" : "\n]}\n"
        case .table:
            let head = ["target", "weapon", "distance_km", "margin_km", "verdict", "nearest_launch", "azimuth_deg"]
                + (coords == nil ? [] : ["target_coords"])
            let all = [head] + tableRows
            let widths = head.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
            func line(_ r: [String]) -> String {
                r.enumerated().map { c, s in c == r.count - 1 ? s : s.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                    .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            }
            return ([line(head), line(widths.map { String(repeating: "-", count: $0) })] + tableRows.map(line)).joined(separator: "\n") + "\n"
        }
    }
}
