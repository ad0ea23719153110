import Foundation
import Geodesy

/// Streams targets from a CSV file in chunks, so a file of any size never sits in memory.
///
/// The header row is required and matched case-insensitively: latitude `lat`/`latitude`/`y`, longitude
/// `lon`/`lng`/`long`/`longitude`/`x`, optional `name`. Other columns are passed through in order.
/// Fields may be double-quoted (RFC 4180, `""` for a quote) but may not span lines.
/// Row numbers in messages count data rows from 1 (the header is not a row); the file line is also given.
///
/// Hand-written rather than SwiftCSV (which holds the whole file in memory) or CSV.swift: the work here is the
/// header aliases, the numeric and range checks and messages naming row, line and value, which a library would
/// not do; the field splitting it would replace is 20 lines. The `csv` fuzz harness (Tests/Fuzz) checks that any
/// bytes give valid targets or a `StrikeRangeError`; a library oracle was not added (optional in issue 17).
public final class TargetCSVReader {
    public let path: String
    /// Names of the passed-through columns, in file order.
    public private(set) var passthroughColumns: [String] = []
    /// Skip bad rows instead of failing; they are listed in `skipped`.
    public let skipInvalid: Bool
    /// Data rows skipped as invalid (1-based) with the reason, in file order.
    public private(set) var skipped: [(row: Int, reason: String)] = []
    /// Valid data rows read so far.
    public private(set) var rowsRead = 0

    private let handle: FileHandle
    private var buffer = [UInt8]()
    private var bufferStart = 0
    private var atEnd = false
    private var row = 0
    private var latColumn = 0, lonColumn = 0
    private var nameColumn: Int?
    private var passthroughIndices: [Int] = []

    public static let latitudeNames = ["lat", "latitude", "y"]
    public static let longitudeNames = ["lon", "lng", "long", "longitude", "x"]

    /// Opens the file and reads its header.
    /// - Throws: `StrikeRangeError` when the file cannot be opened, is empty, or lacks a latitude or
    ///   longitude column (the message names the accepted column names and the ones found).
    public init(path: String, skipInvalid: Bool = false) throws {
        self.path = path
        self.skipInvalid = skipInvalid
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StrikeRangeError("targets \(path): cannot open the file for reading")
        }
        self.handle = handle
        guard let header = try nextLine() else {
            throw StrikeRangeError("targets \(path): the file is empty; expected a header line with name, lat, lon columns and one row per target")
        }
        // A binary file (an executable, a zip, a spreadsheet saved as .xlsx) is reported, not echoed: its
        // bytes in a message would garble the terminal.
        if header.contains(0) || buffer[bufferStart...].prefix(4096).contains(0) {
            throw StrikeRangeError("targets \(path): this is a binary file, not a text CSV; expected a header line with name, lat, lon columns (export spreadsheets as CSV UTF-8)")
        }
        guard String(validating: header, as: UTF8.self) != nil else {
            throw StrikeRangeError("targets \(path): line 1 (the header) is not valid UTF-8; save the file as CSV UTF-8")
        }
        let names = Self.fields(header).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func find(_ accepted: [String]) -> Int? { names.firstIndex { accepted.contains($0) } }
        guard let lat = find(Self.latitudeNames), let lon = find(Self.longitudeNames) else {
            let missing = [find(Self.latitudeNames) == nil ? "latitude (lat, latitude or y)" : nil,
                           find(Self.longitudeNames) == nil ? "longitude (lon, lng, long, longitude or x)" : nil]
                .compactMap { $0 }.joined(separator: " and ")
            throw StrikeRangeError("targets \(path): missing \(missing) column; expected columns name, lat, lon (header found: \(names.joined(separator: ", ")))")
        }
        latColumn = lat; lonColumn = lon
        nameColumn = find(["name"])
        let original = Self.fields(header).map { $0.trimmingCharacters(in: .whitespaces) }
        passthroughIndices = original.indices.filter { $0 != lat && $0 != lon && $0 != nameColumn }
        passthroughColumns = passthroughIndices.map { original[$0] }
    }

    deinit { try? handle.close() }

    /// Up to `maxRows` valid targets, or nil at the end of the file.
    /// - Throws: `StrikeRangeError` naming the row, line and value of the first bad row (unless `skipInvalid`),
    ///   or, at the end, when the file had a header but no valid rows.
    public func nextChunk(maxRows: Int = 65_536) throws -> [ReachTarget]? {
        var out = [ReachTarget]()
        out.reserveCapacity(min(maxRows, 65_536))
        while out.count < maxRows, let line = try nextLine() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            row += 1
            do {
                out.append(try parse(line))
                rowsRead += 1
            } catch let error as StrikeRangeError {
                guard skipInvalid else { throw error }
                skipped.append((row, error.message))
            }
        }
        if out.isEmpty {
            if rowsRead == 0 {
                let detail = skipped.isEmpty ? "it has a header but no rows" : "all \(skipped.count) rows are invalid"
                throw StrikeRangeError("targets \(path): no targets: \(detail)")
            }
            return nil
        }
        return out
    }

    /// "N rows skipped (rows 3, 7, 12, …): first reason", or nil when nothing was skipped.
    public var skippedSummary: String? {
        guard let first = skipped.first else { return nil }
        let rows = skipped.prefix(5).map { String($0.row) }.joined(separator: ", ") + (skipped.count > 5 ? ", …" : "")
        return "\(skipped.count) invalid row\(skipped.count == 1 ? "" : "s") skipped (row\(skipped.count == 1 ? "" : "s") \(rows)); first: \(first.reason)"
    }

    private func parse(_ line: ArraySlice<UInt8>) throws -> ReachTarget {
        if let target = parseSimple(line) { return target }
        let where_ = "targets \(path): row \(row) (line \(row + 1))"
        // Decoding would silently turn bad bytes into U+FFFD in the target's name.
        guard String(validating: line, as: UTF8.self) != nil else {
            let offset = Self.firstInvalidUTF8Offset(line)
            throw StrikeRangeError("\(where_): not valid UTF-8 (byte \(offset + 1) of the line); save the file as CSV UTF-8, or pass --skip-invalid to skip such rows")
        }
        let f = Self.fields(line)
        guard f.count > max(latColumn, lonColumn) else {
            throw StrikeRangeError("\(where_): \(f.count) field\(f.count == 1 ? "" : "s"), expected at least \(max(latColumn, lonColumn) + 1)")
        }
        let latText = f[latColumn].trimmingCharacters(in: .whitespaces)
        let lonText = f[lonColumn].trimmingCharacters(in: .whitespaces)
        guard let lat = Double(latText), lat.isFinite else {
            throw StrikeRangeError("\(where_): latitude \"\(latText)\" is not a number")
        }
        guard let lon = Double(lonText), lon.isFinite else {
            throw StrikeRangeError("\(where_): longitude \"\(lonText)\" is not a number")
        }
        guard (-90...90).contains(lat) else {
            throw StrikeRangeError("\(where_): latitude \(latText) is outside [-90, 90]")
        }
        guard (-180...180).contains(lon) else {
            throw StrikeRangeError("\(where_): longitude \(lonText) is outside [-180, 180]")
        }
        let name = nameColumn.flatMap { $0 < f.count ? f[$0] : nil } ?? String(row)
        let extra = passthroughIndices.map { $0 < f.count ? f[$0] : "" }
        return ReachTarget(name: name, point: LonLat(longitude: lon, latitude: lat), passthrough: extra)
    }

    /// The common row (ASCII, no quotes, valid coordinates) without a String per field or Foundation
    /// trimming: nil sends the row through `parse`'s general path, which gives the same target or the
    /// error. Reading a million rows took about 2 s before (issue 15).
    private func parseSimple(_ line: ArraySlice<UInt8>) -> ReachTarget? {
        var commas = [Int]()
        commas.reserveCapacity(8)
        for i in line.indices {
            let c = line[i]
            if c >= 0x80 || c == 0x22 { return nil }
            if c == 0x2C { commas.append(i) }
        }
        func field(_ k: Int) -> ArraySlice<UInt8>? {
            guard k <= commas.count else { return nil }
            let from = k == 0 ? line.startIndex : commas[k - 1] + 1
            let to = k == commas.count ? line.endIndex : commas[k]
            return line[from..<to]
        }
        func number(_ k: Int) -> Double? {
            guard var f = field(k) else { return nil }
            // .whitespaces on ASCII text: space and tab.
            while let c = f.first, c == 0x20 || c == 0x09 { f = f.dropFirst() }
            while let c = f.last, c == 0x20 || c == 0x09 { f = f.dropLast() }
            return Double(String(decoding: f, as: UTF8.self))
        }
        guard let lat = number(latColumn), lat.isFinite, (-90...90).contains(lat),
              let lon = number(lonColumn), lon.isFinite, (-180...180).contains(lon) else { return nil }
        let name = nameColumn.flatMap { field($0) }.map { String(decoding: $0, as: UTF8.self) } ?? String(row)
        let extra = passthroughIndices.map { field($0).map { String(decoding: $0, as: UTF8.self) } ?? "" }
        return ReachTarget(name: name, point: LonLat(longitude: lon, latitude: lat), passthrough: extra)
    }

    /// Offset of the first byte where `bytes` stop being valid UTF-8 (its count if they are valid).
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var length = bytes.count
        // The longest valid prefix, found by shrinking: lines are short, and this runs only on an error.
        while length > 0, String(validating: bytes.prefix(length), as: UTF8.self) == nil { length -= 1 }
        return length
    }

    /// The next line without its terminator (LF or CRLF), or nil at the end; reads 1 MiB at a time.
    private func nextLine() throws -> ArraySlice<UInt8>? {
        while true {
            if let nl = buffer[bufferStart...].firstIndex(of: 0x0A) {
                var end = nl
                if end > bufferStart, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[bufferStart..<end]
                bufferStart = nl + 1
                return line
            }
            if atEnd {
                guard bufferStart < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[bufferStart..<end]
                bufferStart = buffer.count
                return line
            }
            // Compact, then refill.
            if bufferStart > 0 { buffer.removeSubrange(0..<bufferStart); bufferStart = 0 }
            let data = try handle.read(upToCount: 1 << 20) ?? Data()
            if data.isEmpty { atEnd = true } else { buffer += data }
        }
    }

    /// Splits one CSV line; quoted fields may hold commas and doubled quotes.
    static func fields<C: Collection>(_ line: C) -> [String] where C.Element == UInt8 {
        var out = [String](), field = [UInt8](), quoted = false
        var it = line.makeIterator(), pending: UInt8? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == 0x22 {
                    if let n = it.next() {
                        if n == 0x22 { field.append(0x22) } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == 0x22 && field.allSatisfy({ $0 == 0x20 }) {
                quoted = true; field.removeAll()
            } else if c == 0x2C {
                out.append(String(decoding: field, as: UTF8.self)); field.removeAll()
            } else { field.append(c) }
        }
        out.append(String(decoding: field, as: UTF8.self))
        return out
    }
}
