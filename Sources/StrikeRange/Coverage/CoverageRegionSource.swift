import Foundation
import GeoJSON
import Geometry

/// Where coverage regions come from: catalog codes and names, `border:A-B`, GeoJSON files, a country's
/// admin-1 units, or a file of named features.
public enum CoverageRegionSource {
    /// One region for one specifier: `RU-BRY`, `Bryansk`, `region:Kursk`, `country:BY`, `border:RU-BY`,
    /// `file:lines.geojson` or a path (all its features as one region, named after the file).
    /// Bare names are looked up among regions and countries only (a place is a point: it has no area).
    /// - Throws: `LookupError` (unknown region with suggestions, ambiguous name), `LocationSpecifierError`
    ///   (files), `StrikeRangeError` (a point or place, a region without area or length), `DataError`.
    public static func region(_ text: String, in catalog: DataCatalog) throws -> CoverageRegion {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw StrikeRangeError("regions: an empty region name; give codes or names separated by commas, e.g. RU-BRY,RU-KRS") }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("border:") || lower.hasPrefix("file:") || trimmed == "-" || LocationSpecifier.looksLikePath(trimmed) {
            let resolved = try LocationSpecifier.resolve(trimmed, in: catalog)
            let name = resolved.kind == .file ? (resolved.label as NSString).lastPathComponent : resolved.label
            return try CoverageRegion(name: name, code: resolved.code, geometry: resolved.geometry)
        }
        if lower.hasPrefix("point:") || lower.hasPrefix("place:") {
            throw StrikeRangeError("regions: '\(trimmed)' is a point; coverage needs an area (a region, country or polygon file) or a line (border:A-B, a line file)")
        }
        let regions = try catalog.regions()
        let region: Region
        if lower.hasPrefix("country:") {
            region = try regions.country(matching: String(trimmed.dropFirst("country:".count)))
        } else {
            let query = lower.hasPrefix("region:") ? String(trimmed.dropFirst("region:".count)) : trimmed
            // (Pattern-matching `catch LookupError.unknown(…)` crashes the 6.3 compiler: go through a Result.)
            let found = Result { () throws(LookupError) in try regions.region(matching: query) }
            switch found {
            case .success(let r): region = r
            case .failure(let error):
                guard case .unknown(let what, _, let suggestions) = error, suggestions.isEmpty else { throw error }
                throw LookupError.unknown(what: what, query: query, suggestions: codeSuggestions(for: query, in: regions))
            }
        }
        return try CoverageRegion(name: region.name, code: region.code, geometry: region.geometry)
    }

    /// Name suggestions miss mistyped codes ("RU-BRYX"): compare with every code too.
    static func codeSuggestions(for query: String, in regions: RegionCatalog) -> [String] {
        let candidates = (regions.admin1Units + regions.countries).map { (key: $0.code.uppercased(), label: "\($0.name) (\($0.code))") }
        return EditDistance.suggestions(for: query.uppercased(), among: candidates)
    }

    /// Every admin-1 unit of a country (alpha-2, alpha-3 or name), in data order.
    /// - Throws: `LookupError` for an unknown country; `StrikeRangeError` when the data has no units for it.
    public static func admin1Units(ofCountry query: String, in catalog: DataCatalog) throws -> [CoverageRegion] {
        let regions = try catalog.regions()
        let country = try regions.country(matching: query)
        let units = regions.admin1Units(inCountry: country.countryCode)
        guard !units.isEmpty else {
            throw StrikeRangeError("country \(country.code) \(country.name): the data has no admin-1 units for it; give --regions instead")
        }
        return try units.map { try CoverageRegion(name: $0.name, code: $0.code, geometry: $0.geometry) }
    }

    /// One region per feature of a GeoJSON file, named by its `name` property (else "feature N"), with
    /// `code` (or `iso_3166_2`) as its code when present.
    /// - Throws: `LocationSpecifierError` (missing, unreadable or non-GeoJSON file), `StrikeRangeError`
    ///   (no features, a feature without geometry, area or length — naming the feature).
    public static func regions(fromFile path: String) throws -> [CoverageRegion] {
        let expanded = (path as NSString).expandingTildeInPath
        guard FileManager.default.fileExists(atPath: expanded) else { throw LocationSpecifierError.fileNotFound(path: path) }
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: expanded))) } catch {
            throw LocationSpecifierError.unreadableFile(path: path, reason: error.localizedDescription)
        }
        let features: [Feature]
        do { features = try GeoJSONReader.readFeatures(bytes) } catch {
            throw LocationSpecifierError.notGeoJSON(path: path, reason: error.description)
        }
        guard !features.isEmpty else { throw StrikeRangeError("regions file \(path): no features; give a FeatureCollection with one feature per region") }
        return try features.enumerated().map { i, feature in
            let properties: [String: JSONValue]
            if case let .object(members) = feature.properties { properties = members } else { properties = [:] }
            func text(_ key: String) -> String? {
                if case let .string(s)? = properties[key], !s.isEmpty { return s }
                return nil
            }
            let name = text("name") ?? "feature \(i + 1)"
            guard let geometry = feature.geometry else {
                throw StrikeRangeError("regions file \(path): feature \(i + 1) ('\(name)') has no geometry")
            }
            return try CoverageRegion(name: name, code: text("code") ?? text("iso_3166_2"), geometry: geometry)
        }
    }
}
