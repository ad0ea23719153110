import Foundation
import GeoJSON
import Geodesy
import Geometry
import StrikeRange

enum ReachFormat: String, CaseIterable, Sendable {
    case table, csv, json, geojson
}

/// One output row: a target, a weapon, and either the exact result or (with --verdict-only) a verdict.
struct ReachRow {
    var target: ReachTarget
    var weapon: ReachWeapon
    var result: ReachResult?
    var verdict: ReachVerdict
    var point: LonLat?
}

/// Where output goes: standard output, or a temporary file renamed over --output at the end (atomic).
final class ReachSink {
    private let handle: FileHandle
    private let temporary: String?
    private let destination: String?
    private var pending = [UInt8]()

    init(output: String?) throws {
        if let output {
            let tmp = output + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
            guard FileManager.default.createFile(atPath: tmp, contents: nil), let h = FileHandle(forWritingAtPath: tmp) else {
                throw StrikeRangeError("output \(output): cannot create a file in that folder")
            }
            handle = h; temporary = tmp; destination = output
        } else {
            handle = .standardOutput; temporary = nil; destination = nil
        }
    }

    func write(_ s: String) throws {
        pending += s.utf8
        if pending.count > 1 << 20 { try flush() }
    }

    func flush() throws {
        if !pending.isEmpty { try handle.write(contentsOf: pending); pending.removeAll(keepingCapacity: true) }
    }

    /// Flushes and, for --output, moves the finished file into place.
    func finish() throws {
        try flush()
        guard let temporary, let destination else { return }
        try handle.close()
        if rename(temporary, destination) != 0 {
            throw StrikeRangeError("--output \(destination): cannot move the finished file into place (\(String(cString: strerror(errno))))")
        }
    }

    /// Removes a half-written temporary file after a failure.
    func abandon() {
        guard let temporary else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
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
    private var first = true

    init(format: ReachFormat, passthroughColumns: [String], lines: Bool, coords: CoordinateFormatter? = nil) {
        self.format = format; self.passthroughColumns = passthroughColumns; self.lines = lines; self.coords = coords
    }

    private func coordsText(_ p: LonLat?) -> String { p.map { coords?.string($0) ?? "" } ?? "" }
    private var coordsColumns: [String] { coords == nil ? [] : ["target_coords", "nearest_launch_coords"] }

    static func number(_ v: Double?, _ decimals: Int) -> String {
        guard let v, v.isFinite else { return "" }
        return fixed(v, decimals)
    }

    private static let powersOfTen: [Double] = (0...15).map { var p = 1.0; for _ in 0..<$0 { p *= 10 }; return p }

    /// `v` rounded to `decimals` places (as "%.Nf" would print it, half away from zero); String(format:)
    /// made writing a million rows take seconds.
    static func fixed(_ v: Double, _ decimals: Int) -> String {
        let scaled = (abs(v) * powersOfTen[decimals]).rounded()
        guard scaled < 9e15 else { return String(format: "%.\(decimals)f", v) }
        var n = UInt64(scaled)
        var digits = [UInt8](repeating: 0, count: 24)
        var i = digits.count
        var written = 0
        repeat {
            if written == decimals && decimals > 0 { i -= 1; digits[i] = UInt8(ascii: ".") }
            i -= 1; digits[i] = UInt8(ascii: "0") + UInt8(n % 10)
            n /= 10; written += 1
        } while n > 0 || written <= decimals
        if v < 0 && scaled > 0 { i -= 1; digits[i] = UInt8(ascii: "-") }
        return String(decoding: digits[i...], as: UTF8.self)
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

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
        case .csv:
            return (["name", "lat", "lon"] + passthroughColumns + ["weapon", "variant", "range_m", "min_range_m", "distance_m",
                    "margin_m", "verdict", "nearest_launch_lat", "nearest_launch_lon", "azimuth_deg"] + coordsColumns)
                .map(Self.csvField).joined(separator: ",") + "\n"
        case .json: return "["
        case .geojson: return "{\"type\":\"FeatureCollection\",\"features\":["
        case .table: return ""
        }
    }

    mutating func rows(_ rows: [ReachRow]) -> String {
        var out = ""
        for row in rows {
            let r = row.result
            let p = row.weapon.parameters
            let point = row.point ?? r?.targetPoint
            switch format {
            case .table:
                tableRows.append([row.target.name, row.weapon.variant == "nominal" || row.weapon.variant == "custom" ? row.weapon.id : "\(row.weapon.id) \(row.weapon.variant)",
                                  Self.number(r.map { $0.distanceMeters / 1000 }, 3), Self.number(r.map { $0.marginMeters / 1000 }, 3),
                                  row.verdict.rawValue,
                                  coords == nil ? r.map { "\(Self.number($0.nearestLaunchPoint.latitude, 5)),\(Self.number($0.nearestLaunchPoint.longitude, 5))" } ?? ""
                                      : coordsText(r?.nearestLaunchPoint),
                                  Self.number(r?.azimuthDegrees, 2)] + (coords == nil ? [] : [coordsText(point)]))
            case .csv:
                let fields = [row.target.name, Self.number(point?.latitude, 8), Self.number(point?.longitude, 8)] + row.target.passthrough
                    + [row.weapon.id, row.weapon.variant, Self.number(p.rangeMeters, 3), Self.number(p.minRangeMeters, 3),
                       Self.number(r?.distanceMeters, 4), Self.number(r?.marginMeters, 4), row.verdict.rawValue,
                       Self.number(r?.nearestLaunchPoint.latitude, 8), Self.number(r?.nearestLaunchPoint.longitude, 8), Self.number(r?.azimuthDegrees, 6)]
                    + (coords == nil ? [] : [coordsText(point), coordsText(r?.nearestLaunchPoint)])
                out += fields.map(Self.csvField).joined(separator: ",") + "\n"
            case .json, .geojson:
                var props: [(String, String)] = [
                    ("name", Self.jsonString(row.target.name)), ("weapon", Self.jsonString(row.weapon.id)),
                    ("variant", Self.jsonString(row.weapon.variant)), ("range_m", Self.json(p.rangeMeters, 3)),
                    ("min_range_m", Self.json(p.minRangeMeters, 3)), ("tolerance_m", Self.json(p.toleranceMeters, 3)),
                    ("distance_m", Self.json(r?.distanceMeters, 4)), ("margin_m", Self.json(r?.marginMeters, 4)),
                    ("verdict", Self.jsonString(row.verdict.rawValue)),
                    ("nearest_launch_lat", Self.json(r?.nearestLaunchPoint.latitude, 9)),
                    ("nearest_launch_lon", Self.json(r?.nearestLaunchPoint.longitude, 9)),
                    ("azimuth_deg", Self.json(r?.azimuthDegrees, 7)),
                ]
                if coords != nil {
                    props += [("target_coords", Self.jsonString(coordsText(point))),
                              ("nearest_launch_coords", Self.jsonString(coordsText(r?.nearestLaunchPoint)))]
                }
                if format == .json {
                    props += [("lat", Self.json(point?.latitude, 9)), ("lon", Self.json(point?.longitude, 9))]
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
                        out += ",\n{\"geometry\":\(Self.geodesicLine(from: r.nearestLaunchPoint, to: r.targetPoint)),\"properties\":{\"kind\":\"nearest_launch_line\",\"name\":\(Self.jsonString(row.target.name)),\"weapon\":\(Self.jsonString(row.weapon.id))},\"type\":\"Feature\"}"
                    }
                }
                first = false
            }
        }
        return out
    }

    static func json(_ v: Double?, _ decimals: Int) -> String {
        guard let v, v.isFinite else { return "null" }
        return fixed(v, decimals)
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
        case .csv: return ""
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
