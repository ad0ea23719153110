import Foundation
import GeoJSON
import Geodesy
import Geometry

/// Populated places by name (any of their names, folded like region names), most populous first.
public struct PlaceCatalog: Sendable {
    /// Most populous first.
    public let places: [Place]
    /// Folded name → indices into `places`, ascending (so most populous first).
    private let nameIndex: [String: [Int]]
    /// Country codes present in the data, for telling "Kursk RU" from a two-word name.
    private let countryCodes: Set<String>

    public init(places unsorted: [Place]) {
        let places = unsorted.enumerated().sorted {
            ($0.element.population, $1.offset) > ($1.element.population, $0.offset)
        }.map(\.element)
        self.places = places
        var index: [String: [Int]] = [:]
        index.reserveCapacity(places.count * 3)
        for (i, place) in places.enumerated() {
            for name in place.names {
                let key = NameKey.fold(name)
                guard !key.isEmpty else { continue }
                if index[key]?.last != i { index[key, default: []].append(i) }
            }
        }
        nameIndex = index
        countryCodes = Set(places.map(\.countryCode))
    }

    /// Loads `places.geojson` (GeoNames properties; Point geometry).
    /// - Throws: `DataError` naming the file when it is missing or invalid.
    public init(contentsOf url: URL) throws(DataError) {
        let features = try DataFileReader.features(of: url)
        var places: [Place] = []
        places.reserveCapacity(features.count)
        for (i, feature) in features.enumerated() {
            let p = FeatureProperties(feature.properties)
            guard case let .point(point)? = feature.geometry, let c = point.coordinate,
                  let name = p.string("name"), let country = p.string("country") else {
                throw DataError(.invalidFile, path: url.path,
                                message: "data file \(url.path): features[\(i)] needs a Point geometry, a name and a country")
            }
            places.append(Place(
                geonameID: p.number("geonameid").map { Int($0) } ?? -(i + 1),
                name: name, asciiName: p.string("asciiname"), countryCode: country.uppercased(),
                admin1Code: p.string("admin1_iso"), admin1Name: p.string("admin1"),
                population: p.number("population").map { Int($0) } ?? 0,
                nameRussian: p.string("name_ru"), nameUkrainian: p.string("name_uk"),
                alternateNames: p.strings("alt_names"),
                location: LonLat(longitude: c.x, latitude: c.y)))
        }
        self.init(places: places)
    }

    /// Places named `name` (any spelling the data has; case, diacritics and punctuation ignored), optionally
    /// in one country (ISO alpha-2), most populous first, at most `limit`.
    public func places(named name: String, country: String? = nil, limit: Int? = nil) -> [Place] {
        guard let hits = nameIndex[NameKey.fold(name)] else { return [] }
        let upper = country?.uppercased()
        var found: [Place] = []
        for i in hits {
            let place = places[i]
            if let upper, place.countryCode != upper { continue }
            found.append(place)
            if let limit, found.count >= limit { break }
        }
        return found
    }

    /// Splits "Kursk, RU", "Kursk RU" or "Kursk, Russia" into a name and a country part; "Kursk" has none.
    /// A trailing word counts as a country only when it is a two-letter code present in the data,
    /// and the whole text is not itself a place name.
    public func splitCountry(_ query: String) -> (name: String, country: String?) {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        if let comma = trimmed.lastIndex(of: ",") {
            let name = trimmed[..<comma].trimmingCharacters(in: .whitespaces)
            let country = trimmed[trimmed.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, !country.isEmpty { return (name, country) }
        }
        if nameIndex[NameKey.fold(trimmed)] == nil, let space = trimmed.lastIndex(of: " ") {
            let last = trimmed[trimmed.index(after: space)...]
            if last.count == 2, countryCodes.contains(last.uppercased()) {
                return (trimmed[..<space].trimmingCharacters(in: .whitespaces), last.uppercased())
            }
        }
        return (trimmed, nil)
    }

    /// Places matching a free-text query ("Kursk", "Kursk, RU", "Kursk RU"), most populous first.
    /// - Parameters:
    ///   - country: a country filter given separately (overrides one in the text). A code, or a name
    ///     resolved by `countryCode`.
    ///   - countryCode: turns a country name or alpha-3 code into alpha-2 (the region catalog's job); called only
    ///     for such a country, so the countries need not be loaded for "Kursk" or "Kursk RU". Without it only
    ///     alpha-2 codes are understood.
    /// - Throws: `LookupError.unknown` with the closest names when nothing matches; what `countryCode` throws.
    public func find(_ query: String, country: String? = nil, limit: Int? = nil,
                     countryCode: ((String) throws -> String)? = nil) throws -> [Place] {
        let split = splitCountry(query)
        var countryText = country ?? split.country
        if let text = countryText, !(text.count == 2 && countryCodes.contains(text.uppercased())) {
            if let countryCode { countryText = try countryCode(text) }
        }
        let found = places(named: split.name, country: countryText, limit: limit)
        if !found.isEmpty { return found }
        var what = "place"
        if let countryText { what += " in \(countryText.uppercased())" }
        throw LookupError.unknown(what: what, query: split.name, suggestions: suggestions(for: split.name, country: countryText))
    }

    /// The most populous place matching `query` (see `find`).
    public func place(matching query: String, countryCode: ((String) throws -> String)? = nil) throws -> Place {
        try find(query, limit: 1, countryCode: countryCode)[0]
    }

    /// Closest names to `name`, as "Name, CC", nearest first.
    public func suggestions(for name: String, country: String? = nil) -> [String] {
        let upper = country?.uppercased()
        var ranked: [(rank: Int, key: String, label: String)] = []
        ranked.reserveCapacity(nameIndex.count)
        for (key, hits) in nameIndex {
            guard let first = hits.first(where: { upper == nil || places[$0].countryCode == upper }) else { continue }
            ranked.append((first, key, "\(places[first].name), \(places[first].countryCode)"))
        }
        // Dictionary order is random: rank by population (then key) so ties break the same way on every run.
        ranked.sort { ($0.rank, $0.key) < ($1.rank, $1.key) }
        let candidates = ranked.map { (key: $0.key, label: $0.label) }
        return EditDistance.suggestions(for: NameKey.fold(name), among: candidates)
    }
}
