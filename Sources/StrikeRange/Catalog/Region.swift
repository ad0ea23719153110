import Geodesy
import Geometry

/// A country (`Data/countries.geojson`) or a first-level administrative unit (`Data/admin1.geojson`).
public struct Region: Sendable, Identifiable {
    public enum Level: String, Sendable, Hashable, Codable {
        case country
        case admin1
    }

    public let level: Level
    /// ISO 3166-2 for admin-1 units ("RU-BRY", "UA-59"); ISO 3166-1 alpha-2 for countries ("UA"), or Natural
    /// Earth's three-letter code for territories without one ("ESB").
    public let code: String
    /// Countries: Natural Earth's `adm0_a3`/ISO alpha-3 ("UKR"); admin-1 units: the country's.
    public let alpha3: String?
    /// English name.
    public let name: String
    public let nameRussian: String?
    public let nameUkrainian: String?
    /// GeoNames' name, a local transliteration ("Bryanskaya oblast'"); nil for countries.
    public let localName: String?
    /// Further names (`alt_names`: other languages and spellings). They rank below the names above:
    /// "Kyiv" is the city's own name (UA-30) and only an alternate of the oblast (UA-32).
    public let alternateNames: [String]
    /// As in the data: "Oblast", "Republic", "Sovereign country"…
    public let type: String?
    /// ISO 3166-1 alpha-2 of the country (the region's own code for a country).
    public let countryCode: String
    public let countryName: String
    /// Always a MultiPolygon, lon/lat WGS84.
    public let multiPolygon: MultiPolygon
    /// False for Natural Earth's side features that repeat a country's alpha-2 (Coral Sea Is. "AU").
    let isMainFeature: Bool
    /// Further codes it answers to (ISO alpha-3 where it differs from `alpha3`: "PSE" for "PSX").
    let otherCodes: [String]

    init(level: Level, code: String, alpha3: String?, name: String, nameRussian: String?, nameUkrainian: String?,
         localName: String? = nil, alternateNames: [String], type: String?, countryCode: String, countryName: String, multiPolygon: MultiPolygon,
         isMainFeature: Bool = true, otherCodes: [String] = []) {
        self.level = level; self.code = code; self.alpha3 = alpha3; self.name = name
        self.nameRussian = nameRussian; self.nameUkrainian = nameUkrainian; self.localName = localName; self.alternateNames = alternateNames
        self.type = type; self.countryCode = countryCode; self.countryName = countryName
        self.multiPolygon = multiPolygon; self.isMainFeature = isMainFeature; self.otherCodes = otherCodes
    }

    /// Unique within a catalog: alpha-3 for countries, ISO 3166-2 for admin-1 units.
    public var id: String { level == .country ? (alpha3 ?? code) : code }
    public var geometry: Geometry { .multiPolygon(multiPolygon) }

    /// Its own names: English, Russian, Ukrainian, local (in that order, no repeats).
    public var primaryNames: [String] {
        var all = [name]
        for n in [nameRussian, nameUkrainian, localName].compactMap({ $0 }) where !all.contains(n) { all.append(n) }
        return all
    }

    /// Every name the region answers to: `primaryNames`, then `alternateNames`.
    public var names: [String] {
        var all = primaryNames
        for n in alternateNames where !all.contains(n) { all.append(n) }
        return all
    }

    /// Geodesic area of the geometry, square metres (Geodesy: `geod_polygon_*`), holes subtracted.
    public func geodesicAreaSquareMeters(on geodesic: Geodesic = .wgs84) -> Double {
        GeodesicMeasure(geodesic).areaSquareMeters(.multiPolygon(multiPolygon))
    }

    /// "RU-BRY  Bryansk (Administrative region of Russia)" — how candidates are listed in errors.
    public var summary: String { "\(code)  \(nameAndKind)" }

    /// "Bryansk (Administrative region of Russia)", "Ukraine (country)".
    public var nameAndKind: String {
        switch level {
        case .country: return "\(name) (country)"
        case .admin1: return "\(name) (\(type ?? "admin-1 unit") of \(countryName))"
        }
    }
}
