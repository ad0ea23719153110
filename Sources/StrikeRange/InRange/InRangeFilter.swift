import Foundation

/// Which features of the chosen layers `inrange` considers, validated against the data catalog.
/// Every filter names the layer it applies to: country and admin-1 apply to both, type and military to
/// airfields, minimum population to places.
public struct InRangeFilter: Sendable, Equatable {
    /// ISO 3166-1 alpha-2 codes; empty = every country.
    public var countryCodes: [String] = []
    /// ISO 3166-2 codes; empty = every unit.
    public var admin1Codes: [String] = []
    /// Airfield types (`Airfield.types`); empty = every type.
    public var airfieldTypes: [String] = []
    /// Only airfields the data flags military.
    public var militaryOnly = false
    /// Only places with at least this GeoNames population.
    public var minPopulation: Int?

    public init() {}

    /// Parses and checks the filters as given on the command line or in a scenario.
    /// - Parameters:
    ///   - countries: codes or names ("RU", "Russia", "RUS"), resolved by the region catalog.
    ///   - admin1: ISO 3166-2 codes or names of admin-1 units ("RU-BRY", "Bryansk"); a code that only the
    ///     airfield data knows (admin-1 units outside `admin1.geojson`, e.g. "DE-RP") is taken as given.
    ///   - types: airfield types, short ("medium") or OurAirports' ("medium_airport").
    ///   - minPopulation: text, so that "-5", "1e5" and "100k" get a message naming them; "100000",
    ///     "100,000" and "100_000" are read.
    ///   - layers: the layers asked for; a filter for a layer not asked for is an error (it would do nothing).
    ///   - source: how the caller names the fields ("--country", or "in_range.country" in a scenario).
    /// - Throws: `LookupError` for an unknown country or unit (with suggestions); `StrikeRangeError` for
    ///   anything else, naming the field, the value and the fix.
    public static func resolve(countries: [String], admin1: [String], types: [String], militaryOnly: Bool,
                               minPopulation: String?, layers: [InRangeLayer], in catalog: DataCatalog,
                               fieldName: (String) -> String = { "--" + $0 }) throws -> InRangeFilter {
        var filter = InRangeFilter()
        let regions = try catalog.regions()
        for query in countries {
            let country: Region
            do { country = try regions.country(matching: query) } catch {
                throw StrikeRangeError("\(fieldName("country")) '\(query)': \(error.description)")
            }
            if !filter.countryCodes.contains(country.countryCode) { filter.countryCodes.append(country.countryCode) }
        }
        for query in admin1 {
            let trimmed = query.trimmingCharacters(in: .whitespaces)
            let upper = trimmed.uppercased()
            let code: String
            if let unit = regions.admin1Units.first(where: { $0.code == upper }) {
                code = unit.code
            } else if upper.range(of: #"^[A-Z]{2}-[A-Z0-9]{1,3}$"#, options: .regularExpression) != nil,
                      layers.contains(.airfields),
                      try catalog.airfields().airfields.contains(where: { $0.admin1Code == upper }) {
                code = upper
            } else {
                let hits = regions.regions(matching: trimmed).filter { $0.level == .admin1 }
                guard hits.count == 1 else {
                    let error: LookupError = hits.isEmpty
                        ? .unknown(what: "admin-1 unit", query: trimmed, suggestions: regions.suggestions(for: trimmed, among: regions.admin1Units))
                        : .ambiguous(what: "admin-1 unit", query: trimmed, candidates: hits.map(\.summary))
                    throw StrikeRangeError("\(fieldName("admin1")) '\(query)': \(error.description)")
                }
                code = hits[0].code
            }
            if !filter.admin1Codes.contains(code) { filter.admin1Codes.append(code) }
        }
        for query in types {
            let t = query.trimmingCharacters(in: .whitespaces).lowercased()
            let short = t.hasSuffix("_airport") ? String(t.dropLast("_airport".count)) : (t == "seaplane_base" ? "seaplane" : t)
            guard Airfield.types.contains(short) else {
                throw StrikeRangeError("\(fieldName("type")) '\(query)': unknown airfield type; use one of \(Airfield.types.joined(separator: ", "))")
            }
            if !filter.airfieldTypes.contains(short) { filter.airfieldTypes.append(short) }
        }
        filter.militaryOnly = militaryOnly
        if let text = minPopulation {
            let digits = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
            guard let n = Int(digits) else {
                throw StrikeRangeError("\(fieldName("min-population")) '\(text)': not a whole number of people; write e.g. 100000")
            }
            guard n >= 0 else {
                throw StrikeRangeError("\(fieldName("min-population")) '\(text)': negative; a population is 0 or more (e.g. 100000)")
            }
            filter.minPopulation = n
        }
        if !layers.contains(.airfields) {
            if !filter.airfieldTypes.isEmpty { throw StrikeRangeError("\(fieldName("type")) filters airfields; add airfields to \(fieldName("what"))") }
            if militaryOnly { throw StrikeRangeError("\(fieldName("military")) filters airfields; add airfields to \(fieldName("what"))") }
        }
        if !layers.contains(.places), filter.minPopulation != nil {
            throw StrikeRangeError("\(fieldName("min-population")) filters places; add places to \(fieldName("what"))")
        }
        return filter
    }

    /// Whether `feature` passes every filter that applies to its layer.
    public func admits(_ feature: InRangeFeature) -> Bool {
        if !countryCodes.isEmpty, !countryCodes.contains(feature.countryCode) { return false }
        if !admin1Codes.isEmpty, !admin1Codes.contains(feature.admin1Code ?? "") { return false }
        switch feature.layer {
        case .airfields:
            if !airfieldTypes.isEmpty, !airfieldTypes.contains(feature.type) { return false }
            if militaryOnly, feature.military != true { return false }
        case .places:
            if let minPopulation, (feature.population ?? 0) < minPopulation { return false }
        }
        return true
    }

    /// The features of `layers` this filter admits, in layer order, places most populous first and airfields
    /// in file order (by country and ident).
    /// - Throws: `DataError` when a data file is missing or invalid.
    public func features(of layers: [InRangeLayer], in catalog: DataCatalog) throws -> [InRangeFeature] {
        var out = [InRangeFeature]()
        // One name per unit in every layer: the region catalog's ("Bryansk"), GeoNames' only where it has none.
        let units = Dictionary(try catalog.regions().admin1Units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        for layer in layers {
            switch layer {
            case .places:
                for place in try catalog.places().places {
                    var f = InRangeFeature(place: place)
                    if let code = f.admin1Code, let name = units[code] { f.admin1Name = name }
                    if admits(f) { out.append(f) }
                }
            case .airfields:
                for airfield in try catalog.airfields().airfields {
                    let f = InRangeFeature(airfield: airfield, admin1Name: airfield.admin1Code.flatMap { units[$0] })
                    if admits(f) { out.append(f) }
                }
            }
        }
        return out
    }
}
