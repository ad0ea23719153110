import Foundation
import GeoJSON
import Geometry

/// Countries and admin-1 units, looked up by ISO code ("RU-BRY", "UA-59", "UA", "UKR") or by name in English,
/// Russian, Ukrainian or transliteration, ignoring case, diacritics, apostrophes and punctuation. A second, looser
/// pass ignores generic words (oblast, область, region, krai, republic…), so "Bryansk", "Bryansk Oblast",
/// "Брянская область" and "Bryanskaya oblast'" all find RU-BRY.
public struct RegionCatalog: Sendable {
    /// Countries in file order.
    public let countries: [Region]
    /// Admin-1 units in file order.
    public let admin1Units: [Region]

    /// `countries + admin1Units`; the indexes below point into it.
    private let all: [Region]
    private let codeIndex: [String: [Int]]
    /// Folded primary names; folded alternate names; either without generic words. Searched in that order.
    private let nameIndex: [String: [Int]]
    private let alternateIndex: [String: [Int]]
    private let looseIndex: [String: [Int]]
    /// `NameKey.skeleton` of the loose keys: the last pass.
    private let skeletonIndex: [String: [Int]]

    public init(countries: [Region], admin1Units: [Region]) {
        self.countries = countries
        self.admin1Units = admin1Units
        all = countries + admin1Units

        var codes: [String: [Int]] = [:], names: [String: [Int]] = [:], alternates: [String: [Int]] = [:]
        var loose: [String: [Int]] = [:], skeletons: [String: [Int]] = [:]
        func add(_ key: String, _ i: Int, to index: inout [String: [Int]]) {
            guard !key.isEmpty else { return }
            if !(index[key]?.contains(i) ?? false) { index[key, default: []].append(i) }
        }
        for (i, region) in all.enumerated() {
            add(region.code.uppercased(), i, to: &codes)
            if region.level == .country {
                for code in [region.alpha3].compactMap({ $0 }) + region.otherCodes { add(code.uppercased(), i, to: &codes) }
            }
            let primary = region.primaryNames
            for name in region.names {
                let folded = NameKey.fold(name)
                if primary.contains(name) { add(folded, i, to: &names) } else { add(folded, i, to: &alternates) }
                let stripped = NameKey.stripGeneric(fromFolded: folded)
                add(stripped, i, to: &loose)
                add(NameKey.skeleton(ofStripped: stripped), i, to: &skeletons)
            }
        }
        codeIndex = codes
        nameIndex = names
        alternateIndex = alternates
        looseIndex = loose
        skeletonIndex = skeletons
    }

    /// Loads `countries.geojson` and `admin1.geojson`.
    /// - Throws: `DataError` naming the file that is missing or invalid.
    public init(countriesURL: URL, admin1URL: URL) throws(DataError) {
        let countryFeatures = try DataFileReader.features(of: countriesURL)
        let admin1Features = try DataFileReader.features(of: admin1URL)
        let countries = try Self.countries(from: countryFeatures, url: countriesURL)
        var countryNames: [String: String] = [:]
        for country in countries where countryNames[country.countryCode] == nil || country.alpha3 == country.id {
            countryNames[country.countryCode] = country.name
        }
        let units = try Self.admin1Units(from: admin1Features, url: admin1URL, countryNames: countryNames)
        self.init(countries: countries, admin1Units: units)
    }

    // MARK: Lookup

    /// Every region `query` names, best pass only: code, then a region's own name, then an alternate name,
    /// then any name without generic words, then the coarse `NameKey.skeleton` of that (all folded).
    /// Empty when nothing matches. Used by `region(matching:)` and by the location specifier.
    public func regions(matching query: String) -> [Region] {
        match(query).regions
    }

    /// How a query matched: by code or full name (`exact`), or only once generic words were dropped.
    struct Match {
        var regions: [Region]
        var exact: Bool
    }

    /// The one region whose code is `query` (any case, surrounding spaces ignored), nil if none or several.
    func region(withCode query: String) -> Region? {
        guard let hits = codeIndex[query.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()] else { return nil }
        let preferred = preferMain(hits.map { all[$0] })
        return preferred.count == 1 ? preferred[0] : nil
    }

    func match(_ query: String) -> Match {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        if let hits = codeIndex[trimmed.uppercased()] { return Match(regions: preferMain(hits.map { all[$0] }), exact: true) }
        let folded = NameKey.fold(trimmed)
        if let hits = nameIndex[folded] ?? alternateIndex[folded] { return Match(regions: hits.map { all[$0] }, exact: true) }
        let stripped = NameKey.stripGeneric(fromFolded: folded)
        if let hits = looseIndex[stripped] ?? skeletonIndex[NameKey.skeleton(ofStripped: stripped)] {
            return Match(regions: hits.map { all[$0] }, exact: false)
        }
        return Match(regions: [], exact: false)
    }

    /// The one region `query` names.
    /// - Throws: `LookupError.ambiguous` listing the candidates with their codes; `.unknown` with the closest names.
    public func region(matching query: String) throws(LookupError) -> Region {
        try one(of: regions(matching: query), query: query, what: "region or country", pool: all)
    }

    /// The one country `query` names (ISO alpha-2 or alpha-3, or a name).
    /// - Throws: as `region(matching:)`, considering countries only.
    public func country(matching query: String) throws(LookupError) -> Region {
        try one(of: regions(matching: query).filter { $0.level == .country }, query: query, what: "country", pool: countries)
    }

    /// Admin-1 units of a country given by ISO alpha-2 or alpha-3 code, in file order.
    public func admin1Units(inCountry code: String) -> [Region] {
        let upper = code.uppercased()
        return admin1Units.filter { $0.countryCode == upper || $0.alpha3 == upper }
    }

    /// Closest names to `query` among `pool`, as "Name (CODE)".
    public func suggestions(for query: String, among pool: [Region]? = nil) -> [String] {
        var candidates: [(key: String, label: String)] = []
        for region in pool ?? all {
            // One label per region, whichever of its names came close: "Bryansk (RU-BRY)".
            for name in region.names {
                candidates.append((NameKey.stripped(name), "\(region.name) (\(region.code))"))
            }
        }
        return EditDistance.suggestions(for: NameKey.stripped(query), among: candidates)
    }

    private func one(of hits: [Region], query: String, what: String, pool: [Region]) throws(LookupError) -> Region {
        if hits.count == 1 { return hits[0] }
        if hits.isEmpty {
            throw LookupError.unknown(what: what, query: query, suggestions: suggestions(for: query, among: pool))
        }
        throw LookupError.ambiguous(what: what, query: query, candidates: hits.map(\.summary))
    }

    /// Several countries share an alpha-2 in Natural Earth (Australia and its island territories):
    /// the feature whose own code is the country's ISO alpha-3 wins.
    private func preferMain(_ hits: [Region]) -> [Region] {
        guard hits.count > 1 else { return hits }
        let main = hits.filter { $0.level == .country && $0.isMainFeature }
        return main.count == 1 ? main : hits
    }

    // MARK: Reading

    static func countries(from features: [Feature], url: URL) throws(DataError) -> [Region] {
        var regions: [Region] = []
        regions.reserveCapacity(features.count)
        for (i, feature) in features.enumerated() {
            let p = FeatureProperties(feature.properties)
            guard let adm0 = p.string("adm0_a3") ?? p.string("iso_a3"), let name = p.string("name_en") ?? p.string("name") else {
                throw DataError(.invalidFile, path: url.path, message: "data file \(url.path): features[\(i)] has no adm0_a3 or name")
            }
            guard let multiPolygon = feature.geometry?.catalogMultiPolygon else {
                throw DataError(.invalidFile, path: url.path, message: "data file \(url.path): features[\(i)] (\(name)) has no polygon geometry")
            }
            let iso3 = p.string("iso_a3")
            let code = p.string("iso_a2") ?? adm0
            var alternates: [String] = []
            for extra in [p.string("name"), p.string("name_long"), p.string("formal_en")].compactMap({ $0 }) where extra != name {
                alternates.append(extra)
            }
            alternates += p.strings("alt_names")
            regions.append(Region(
                level: .country, code: code, alpha3: adm0, name: name,
                nameRussian: p.string("name_ru"), nameUkrainian: p.string("name_uk"), alternateNames: alternates,
                type: p.string("type"), countryCode: code, countryName: name, multiPolygon: multiPolygon,
                isMainFeature: iso3 == nil || iso3 == adm0, otherCodes: iso3.map { $0 == adm0 ? [] : [$0] } ?? []))
        }
        return regions
    }

    static func admin1Units(from features: [Feature], url: URL, countryNames: [String: String]) throws(DataError) -> [Region] {
        var regions: [Region] = []
        regions.reserveCapacity(features.count)
        for (i, feature) in features.enumerated() {
            let p = FeatureProperties(feature.properties)
            guard let code = p.string("iso_3166_2"), let name = p.string("name_en") ?? p.string("name") else {
                throw DataError(.invalidFile, path: url.path, message: "data file \(url.path): features[\(i)] has no iso_3166_2 or name")
            }
            guard let multiPolygon = feature.geometry?.catalogMultiPolygon else {
                throw DataError(.invalidFile, path: url.path, message: "data file \(url.path): features[\(i)] (\(code)) has no polygon geometry")
            }
            let countryCode = p.string("iso_a2") ?? String(code.prefix { $0 != "-" })
            var alternates: [String] = []
            if let other = p.string("name"), other != name { alternates.append(other) }
            alternates += p.strings("alt_names")
            regions.append(Region(
                level: .admin1, code: code, alpha3: p.string("adm0_a3"), name: name,
                nameRussian: p.string("name_ru"), nameUkrainian: p.string("name_uk"), localName: p.string("gn_name"),
                alternateNames: alternates,
                type: p.string("type"), countryCode: countryCode,
                countryName: p.string("country") ?? countryNames[countryCode] ?? countryCode,
                multiPolygon: multiPolygon, isMainFeature: true))
        }
        return regions
    }
}
