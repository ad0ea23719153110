import Foundation
import GeoJSON
import Geodesy
import Geometry
import StrikeRange

/// JSON bodies of the API's answers, built from the library's values. Keys are snake_case with units,
/// as in the CLI's CSV and GeoJSON outputs.
enum APIPayloads {
    static func json(_ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// A text property of a feature.
    static func text(_ feature: Feature, _ key: String) -> String? {
        guard case .object(let properties) = feature.properties, case .string(let value)? = properties[key] else { return nil }
        return value
    }

    static func optional(_ value: Double?) -> Any { value.map { $0 as Any } ?? NSNull() }

    static func weapon(_ w: Weapon) -> [String: Any] {
        [
            "id": w.id, "name": w.name, "aliases": w.aliases, "platforms": w.platforms,
            "range_m": w.rangeMeters, "min_range_m": optional(w.minRangeMeters),
            "range_low_m": w.rangeLowMeters, "range_high_m": w.rangeHighMeters,
            "note": w.note.map { $0 as Any } ?? NSNull(), "unconfirmed": w.unconfirmed,
            "sources": w.sources.map(\.citation),
            "variants": w.variantRanges(spread: true).map { ["name": $0.kind.rawValue, "range_m": $0.rangeMeters] },
        ]
    }

    static func reachRow(_ r: ReachRow, tolerance: Double) -> [String: Any] {
        [
            "target": r.targetLabel, "target_lat": r.target.latitude, "target_lon": r.target.longitude,
            "weapon": r.weaponID, "variant": r.variant.rawValue, "range_m": r.rangeMeters, "min_range_m": optional(r.minRangeMeters),
            "distance_m": r.distanceMeters, "margin_m": r.marginMeters, "verdict": r.verdict.rawValue,
            "nearest_launch_lat": r.nearestLaunchPoint.latitude, "nearest_launch_lon": r.nearestLaunchPoint.longitude,
            "azimuth_deg": optional(r.azimuthDegrees), "tolerance_m": tolerance,
        ]
    }

    static func coverageRow(_ r: RegionCoverage) -> [String: Any] {
        [
            "region": r.regionCode.map { "\($0) \(r.regionName)" } ?? r.regionName, "region_code": r.regionCode ?? r.regionName,
            "weapon": r.weapon, "variant": r.variant.rawValue,
            "range_m": r.parameters.rangeMeters, "measure": r.kind == .area ? "area" : "length", "total": r.totalMeasure,
            "in_range": r.inRangeMeasure, "unit": r.kind == .area ? "m2" : "m", "percent": r.percent, "status": r.status.rawValue,
            "nearest_m": r.nearestDistanceMeters, "farthest_m": r.farthestDistanceMeters,
        ]
    }

    /// A GeoJSON FeatureCollection as a JSON object to embed (the writer's text is parsed back once).
    static func featureCollection(_ features: [Feature]) throws -> Any {
        let text = GeoJSONWriter().string(FeatureCollection(features: features))
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// Lookup answers for the search box: regions and countries, places, and a border, each with the
    /// prefixed specifier that picks it without ambiguity.
    static func lookup(_ query: String, catalog: DataCatalog, limit: Int) throws -> [String: Any] {
        var results = [[String: Any]]()
        let regions = try catalog.regions()
        for region in regions.regions(matching: query).prefix(limit) {
            let prefix = region.level == .country ? "country" : "region"
            let c = centroid(region.multiPolygon)
            results.append(["kind": prefix, "label": "\(region.code) \(region.name)", "specifier": "\(prefix):\(region.code)",
                            "code": region.code, "description": region.nameAndKind, "lat": c.latitude, "lon": c.longitude])
        }
        let places = try catalog.places()
        let found = (try? places.find(query, limit: limit) { try regions.country(matching: $0).countryCode }) ?? []
        for place in found {
            let short = "\(place.name), \(place.countryCode)"
            results.append(["kind": "place", "label": "\(place.name), \(place.admin1Code.map { "\($0), " } ?? "")\(place.countryCode)",
                            "specifier": "place:\(short)", "code": place.admin1Code.map { $0 as Any } ?? NSNull(),
                            "description": place.summary, "lat": place.location.latitude, "lon": place.location.longitude])
        }
        if let border = try? catalog.border(named: query) {
            results.append(["kind": "border", "label": border.name, "specifier": "border:\(border.codeA)-\(border.codeB)",
                            "code": "\(border.codeA)-\(border.codeB)", "description": "land border \(border.name)",
                            "lat": NSNull(), "lon": NSNull()])
        }
        var suggestions = [String]()
        if results.isEmpty {
            suggestions = Array(regions.suggestions(for: query).prefix(5)) + Array(places.suggestions(for: query).prefix(5))
        }
        return ["query": query, "results": Array(results.prefix(limit * 2)), "suggestions": suggestions]
    }

    /// Mean of the largest part's outer ring (only a map hint for zooming to a search result).
    static func centroid(_ m: MultiPolygon) -> LonLat {
        let rings = m.polygons.map(\.exterior)
        guard let ring = rings.max(by: { $0.count < $1.count }), !ring.isEmpty else {
            return LonLat(longitude: 0, latitude: 0)
        }
        let n = Double(ring.count)
        return LonLat(longitude: ring.reduce(0) { $0 + $1.x } / n, latitude: ring.reduce(0) { $0 + $1.y } / n)
    }
}
