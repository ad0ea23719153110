import Geodesy

/// One place or airfield, as `inrange` lists it.
public struct InRangeFeature: Sendable, Hashable {
    public var layer: InRangeLayer
    /// GeoNames id ("703448") or OurAirports ident ("RU-0240", "UUBP").
    public var id: String
    public var name: String
    /// Airfields: `Airfield.types`; places: "place".
    public var type: String
    public var icao: String?
    public var iata: String?
    /// Airfields: the military flag of the data (documented name rule); places: nil.
    public var military: Bool?
    /// ISO 3166-1 alpha-2, ISO 3166-2 and the admin-1 unit's name when known.
    public var countryCode: String
    public var admin1Code: String?
    public var admin1Name: String?
    /// GeoNames settlement population (places only).
    public var population: Int?
    public var location: LonLat

    public init(place: Place) {
        layer = .places; id = String(place.geonameID); name = place.name; type = "place"
        icao = nil; iata = nil; military = nil
        countryCode = place.countryCode; admin1Code = place.admin1Code; admin1Name = place.admin1Name
        population = place.population; location = place.location
    }

    public init(airfield: Airfield, admin1Name: String?) {
        layer = .airfields; id = airfield.ident; name = airfield.name; type = airfield.type
        icao = airfield.icao; iata = airfield.iata; military = airfield.military
        countryCode = airfield.countryCode; admin1Code = airfield.admin1Code; self.admin1Name = admin1Name
        population = nil; location = airfield.location
    }

    /// "UUBP/BZK", "RU-0240", or the GeoNames id: the codes a reader can look the feature up by.
    public var codes: String {
        switch layer {
        case .places: return "geonames:\(id)"
        case .airfields:
            var all = [String]()
            for c in [icao, iata].compactMap({ $0 }) where !all.contains(c) { all.append(c) }
            if !all.contains(id) { all.insert(id, at: 0) }
            return all.joined(separator: "/")
        }
    }
}
