import Foundation
import Geodesy

/// The one way every command names a launch or target location.
///
/// Forms: coordinates (`50.45,30.52`, `50.45N 30.52E`, `50°27'13"N 30°31'5"E`), MGRS (`37UDB1234567890`) and
/// UTM (`37U 412345 5712345`) grid references (`GridReference`), a place name (`Kursk`, `Kursk, RU`),
/// a region or country code or name (`RU-BRY`, `Брянская область`, `UA`), `border:UA-RU`, a GeoJSON file path, or
/// `-` for GeoJSON on stdin. The prefixes `point:`, `mgrs:`, `utm:`, `place:`, `region:`, `country:`, `border:` and `file:` settle
/// ambiguity: without one, a name that is both a place and a region ("Kharkiv") is an error listing both.
public enum LocationSpecifier: Sendable, Hashable {
    case point(LonLat)
    case place(String)
    /// A region or a country.
    case region(String)
    case country(String)
    case border(String)
    /// A path; "-" is standard input.
    case file(String)
    /// An unprefixed name: a place, a region or a country, decided against the data.
    case name(String)

    /// Reads the form of `text` without touching the data (coordinates are parsed and checked here).
    /// - Throws: `LocationSpecifierError` for empty text, bad coordinates or an unknown prefix.
    public init(parsing text: String) throws(LocationSpecifierError) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .empty }
        if trimmed == "-" { self = .file("-"); return }

        if let colon = trimmed.firstIndex(of: ":") {
            let prefix = trimmed[..<colon].lowercased()
            let rest = String(trimmed[trimmed.index(after: colon)...]).trimmingWhitespace()
            switch prefix {
            case "point":
                let p = try CoordinateText.parse(rest)
                self = .point(LonLat(longitude: p.longitude, latitude: p.latitude)); return
            case "mgrs": self = .point(try GridReference.parseMGRS(rest)); return
            case "utm": self = .point(try GridReference.parseUTM(rest)); return
            case "place": self = try Self.nonEmpty(rest, LocationSpecifier.place); return
            case "region": self = try Self.nonEmpty(rest, LocationSpecifier.region); return
            case "country": self = try Self.nonEmpty(rest, LocationSpecifier.country); return
            case "border": self = try Self.nonEmpty(rest, LocationSpecifier.border); return
            case "file":
                let path = rest.hasPrefix("//") ? String(rest.dropFirst(2)) : rest   // file:///tmp/a.geojson
                self = try Self.nonEmpty(path, LocationSpecifier.file); return
            default:
                // "C:\…" or a name with a colon: only a bare word before the colon is taken as a prefix.
                if prefix.count > 1, prefix.allSatisfy({ $0.isLetter && $0.isASCII }), !rest.isEmpty {
                    if !CoordinateText.looksLikeCoordinates(trimmed), !Self.looksLikePath(trimmed) {
                        throw .unknownPrefix(String(trimmed[..<colon]))
                    }
                }
            }
        }
        // Grid references first: "37N 412345 5712345" would otherwise read as three latitude/longitude numbers.
        if GridReference.looksLikeMGRS(trimmed) {
            self = .point(try GridReference.parseMGRS(trimmed)); return
        }
        if GridReference.looksLikeUTM(trimmed) {
            self = .point(try GridReference.parseUTM(trimmed)); return
        }
        if CoordinateText.looksLikeCoordinates(trimmed) || (CoordinateText.startsWithNumber(trimmed) && !Self.looksLikePath(trimmed)) {
            let p = try CoordinateText.parse(trimmed)
            self = .point(LonLat(longitude: p.longitude, latitude: p.latitude))
        } else if Self.looksLikePath(trimmed) {
            self = .file(trimmed)
        } else {
            self = .name(trimmed)
        }
    }

    private static func nonEmpty(_ text: String, _ make: (String) -> LocationSpecifier) throws(LocationSpecifierError) -> LocationSpecifier {
        guard !text.isEmpty else { throw .empty }
        return make(text)
    }

    /// A path separator, a GeoJSON/JSON extension, or an existing regular file.
    static func looksLikePath(_ text: String) -> Bool {
        let lower = text.lowercased()
        if text.contains("/") || lower.hasSuffix(".geojson") || lower.hasSuffix(".json") { return true }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Parses and resolves in one step.
    /// - Throws: `LocationSpecifierError`, `LookupError` (unknown or ambiguous name, with suggestions or candidates)
    ///   or `DataError` (data folder problems).
    public static func resolve(_ text: String, in catalog: DataCatalog,
                               standardInput: () throws -> [UInt8] = LocationSpecifier.readStandardInput,
                               longEdges: LongEdgeReading = .reject) throws -> ResolvedLocation {
        try LocationSpecifier(parsing: text).resolve(in: catalog, standardInput: standardInput, longEdges: longEdges)
    }

    /// Everything on standard input.
    public static func readStandardInput() throws -> [UInt8] {
        [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
}
