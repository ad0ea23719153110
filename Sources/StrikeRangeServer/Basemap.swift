import Foundation
import GeoJSON
import Geometry
import StrikeRange

/// Basemap layers drawn from the data folder, prepared once: countries and admin-1 outlines as shipped,
/// borders, and the larger places as labels. No tiles, no network.
final class Basemap: @unchecked Sendable {
    static let layers = ["countries", "admin1", "borders", "places"]
    /// Places with at least this many people are labelled.
    static let minimumPopulation = 100_000

    private let catalog: DataCatalog
    private let lock = NSLock()
    private var cached: [String: Data] = [:]

    init(catalog: DataCatalog) { self.catalog = catalog }

    /// The layer's GeoJSON bytes, or nil for an unknown layer.
    /// - Throws: `DataError` when the data file cannot be read.
    func layer(_ name: String) throws -> Data? {
        guard Self.layers.contains(name) else { return nil }
        lock.lock(); defer { lock.unlock() }
        if let data = cached[name] { return data }
        let data: Data
        switch name {
        case "places":
            let features = try catalog.places().places.filter { $0.population >= Self.minimumPopulation }.map { place in
                Feature(geometry: place.geometry, properties: .object([
                    "name": .string(place.name), "country": .string(place.countryCode),
                    "population": .number(Double(place.population)),
                ]))
            }
            data = Data(GeoJSONWriter().string(FeatureCollection(features: features)).utf8)
        default:
            let file = ["countries": "countries.geojson", "admin1": "admin1.geojson", "borders": "borders.geojson"][name]!
            data = try Data(contentsOf: catalog.directory.file(file))
        }
        cached[name] = data
        return data
    }
}
