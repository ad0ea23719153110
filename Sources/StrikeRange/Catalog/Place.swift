import Geodesy
import Geometry

/// A named populated place from GeoNames (`Data/places.geojson`).
public struct Place: Sendable, Hashable, Identifiable {
    public let geonameID: Int
    public let name: String
    /// GeoNames' ASCII spelling, when the data has it.
    public let asciiName: String?
    /// ISO 3166-1 alpha-2.
    public let countryCode: String
    /// ISO 3166-2 of the admin-1 unit as GeoNames records it (not point-in-polygon: suburbs on a boundary line
    /// and simplified coasts would put some places in the neighbour).
    public let admin1Code: String?
    public let admin1Name: String?
    public let population: Int
    public let nameRussian: String?
    public let nameUkrainian: String?
    public let alternateNames: [String]
    /// WGS84 position.
    public let location: LonLat

    public var id: Int { geonameID }
    public var geometry: Geometry { .point(Point(x: location.longitude, y: location.latitude)) }

    /// Every name the place answers to.
    public var names: [String] {
        var all = [name]
        for n in [asciiName, nameRussian, nameUkrainian].compactMap({ $0 }) + alternateNames where !all.contains(n) { all.append(n) }
        return all
    }

    /// "Kharkiv, UA-63, UA (population 1,430,885)" — how a place is listed in errors and labels.
    public var summary: String {
        let area = admin1Code.map { "\($0), " } ?? ""
        return "\(name), \(area)\(countryCode) (population \(population.formatted(groupingSeparator: ",")))"
    }
}

extension Int {
    /// Digits grouped by threes with `groupingSeparator`, independent of the locale (stable output).
    func formatted(groupingSeparator: String) -> String {
        let digits = String(magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += groupingSeparator }
            out.append(c)
        }
        return self < 0 ? "-" + out : out
    }
}
