import Foundation
import StrikeRange
import GeoJSON

/// Text renderings shared by the lookup commands (regions, places, weapons, border).
enum LookupTable {
    /// Columns padded to their widest cell (in characters), two spaces apart; header underlined.
    static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return rightAligned.contains(i) ? pad + cell : (i == cells.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ")
        }
        var out = [line(header), line(widths.map { String(repeating: "-", count: $0) })]
        out += rows.map(line)
        return out.joined(separator: "\n")
    }

    /// "key: value" lines with the keys padded, for one record.
    static func record(_ pairs: [(String, String)]) -> String {
        let width = pairs.map(\.0.count).max() ?? 0
        return pairs.map { key, value in key + ":" + String(repeating: " ", count: width - key.count + 1) + value }
            .joined(separator: "\n")
    }
}

enum LookupCSV {
    /// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF-free (LF) lines.
    static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(CSVText.line).joined(separator: "\n")
    }
}

enum LookupJSON {
    /// Pretty, key-sorted JSON (stable, diffable).
    static func render<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Formatting of numbers for people: fixed decimals, grouped thousands, independent of the locale.
enum LookupNumber {
    static func grouped(_ value: Double, decimals: Int = 0) -> String {
        let text = String(format: "%.\(decimals)f", value)
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        let negative = integer.hasPrefix("-")
        if negative { integer.removeFirst() }
        var out = ""
        for (i, c) in integer.enumerated() {
            if i > 0, (integer.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (negative ? "-" : "") + out + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// Rounded to `decimals` for machine output (JSON, CSV, GeoJSON properties).
    static func rounded(_ value: Double, decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }
}

/// Writes GeoJSON to stdout with the project's writer.
enum LookupGeoJSON {
    static func print(_ collection: FeatureCollection) {
        Swift.print(GeoJSONWriter().string(collection))
    }
}
