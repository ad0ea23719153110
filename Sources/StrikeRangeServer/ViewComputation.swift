import Foundation
import GeoJSON
import Geodesy
import Geometry
import StrikeRange

/// The computations behind the heavy endpoints, on top of `ScenarioRunner` and the scenario table providers
/// (the code `strikerange run` uses). Two stages are kept in a small LRU cache, so a click on the map (reach)
/// or a coverage table does not rebuild the envelopes the page already has:
/// the shaped launch area (exclusions, standoff) and the certified envelopes.
final class ViewComputation: @unchecked Sendable {
    let resolver: ViewResolver
    private let cache = StageCache(capacity: 24)
    /// Identical computations asked for at once run once: the others wait for it and read the cache.
    private let inFlight = InFlightKeys()

    init(resolver: ViewResolver) { self.resolver = resolver }

    /// Launch area after exclusions and standoff, with the resolved scenario.
    func launch(_ view: ViewRequest) throws -> (ResolvedScenario, PreparedLaunch) {
        let resolved = try resolver.resolve(view)
        var stripped = view
        stripped.weapons = []; stripped.regions = []; stripped.targets = []
        let key = "launch\n" + Self.key(stripped)
        return try inFlight.exclusive(key) {
            if let hit = cache.get(key) { return (resolved, hit.preparedLaunch) }
            var bare = resolved
            bare.variants = []; bare.regions = []; bare.targets = []
            let result = try Self.runner.run(bare)
            cache.put(key, result)
            return (resolved, result.preparedLaunch)
        }
    }

    /// Launch area and certified envelopes (no tables).
    func envelopes(_ view: ViewRequest) throws -> ScenarioResult {
        let resolved = try resolver.resolve(view)
        var stripped = view
        stripped.regions = []; stripped.targets = []
        let key = "envelopes\n" + Self.key(stripped)
        return try inFlight.exclusive(key) { () throws -> ScenarioResult in
            if var hit = cache.get(key) {
                hit.resolved = resolved
                return hit
            }
            var bare = resolved
            bare.regions = []; bare.targets = []
            var result = try Self.runner.run(bare)
            cache.put(key, result)
            result.resolved = resolved
            var launchKeyView = stripped
            launchKeyView.weapons = []
            cache.put("launch\n" + Self.key(launchKeyView), result)
            return result
        }
    }

    /// Everything a scenario run computes: envelopes, coverage of `regions`, reach of `targets`.
    func full(_ view: ViewRequest) throws -> ScenarioResult {
        let key = "full\n" + Self.key(view)
        return try inFlight.exclusive(key) { () throws -> ScenarioResult in
            if let hit = cache.get(key) { return hit }
            var result = try envelopes(view)
            let tolerance = result.resolved.scenario.toleranceMeters
            result.coverage = try CoverageLibraryTable().coverage(launch: result.preparedLaunch, envelopes: result.envelopes,
                                                                  regions: result.resolved.regions, toleranceMeters: tolerance)
            result.reach = result.resolved.targets.isEmpty ? [] : try ReachLibraryTable().reach(
                launch: result.preparedLaunch, variants: result.resolved.variants, targets: result.resolved.targets, toleranceMeters: tolerance)
            cache.put(key, result)
            return result
        }
    }

    /// The `inrange` report (JSON: totals per layer and weapon variant, summary, listed features in range) of the
    /// view's launch area and weapons, over airfields and places, optionally in `countries`, places of at least
    /// `minPopulation` people. Filters are checked as the command line checks them (named by query parameter).
    func inRange(_ view: ViewRequest, countries: [String], minPopulation: String?) throws -> String {
        let (resolved, launch) = try self.launch(view)
        let catalog = DataCatalog(directory: resolved.dataDirectory)
        let layers: [InRangeLayer] = [.airfields, .places]
        let filter = try InRangeFilter.resolve(countries: countries, admin1: [], types: [], militaryOnly: false,
                                               minPopulation: minPopulation, layers: layers, in: catalog,
                                               fieldName: { $0 == "min-population" ? "min_population" : $0 })
        let survey = try InRangeSurvey(calculator: try ReachCalculator(launch: launch, weapons: resolved.variants))
        let report = try survey.report(features: try filter.features(of: layers, in: catalog), layers: layers, filter: filter,
                                       inRangeOnly: true, regions: try catalog.regions())
        return InRangeOutput.json(report)
    }

    /// Reach rows of the view's targets (the envelopes are not needed, only the shaped launch area).
    func reach(_ view: ViewRequest) throws -> (ResolvedScenario, Geometry, [ReachRow]) {
        let (resolved, launch) = try self.launch(view)
        let rows = try ReachLibraryTable().reach(launch: launch, variants: resolved.variants, targets: resolved.targets,
                                                 toleranceMeters: resolved.scenario.toleranceMeters)
        return (resolved, launch.geometry, rows)
    }

    /// For each reach row, the part of the launch area within range of its target.
    func reverse(_ resolved: ResolvedScenario, launch: Geometry, rows: [ReachRow]) throws -> [Feature] {
        try rows.map { row in
            let parameters = try RangeParameters(rangeMeters: row.rangeMeters, minRangeMeters: row.minRangeMeters,
                                                 toleranceMeters: resolved.scenario.toleranceMeters)
            let part = try ReverseReach.compute(launch: launch, target: row.target, parameters: parameters)
            let variant = resolved.variants.first { $0.weaponID == row.weaponID && $0.kind == row.variant }
            let color = LayerPalette.weapon(variant?.weaponIndex ?? 0)
            return Feature(geometry: part.geometry, properties: .object([
                "layer": .string("reverse"), "name": .string(row.targetLabel), "weapon": .string(row.weaponID),
                "variant": .string(row.variant.rawValue), "range_m": .number(row.rangeMeters),
                "min_range_m": row.minRangeMeters.map(JSONValue.number) ?? .null,
                "target_lat": .number(row.target.latitude), "target_lon": .number(row.target.longitude),
                "area_km2": .number((part.areaSquareMeters / 1e5).rounded() / 10), "verdict": .string(row.verdict.rawValue),
                "fill": .string(color), "stroke": .string(color), "fill-opacity": .number(0.35),
            ]))
        }
    }

    /// The runner of `strikerange run`, computing no tables (the endpoints ask for the ones they need).
    private static var runner: ScenarioRunner { ScenarioRunner(coverageTable: NoTables(), reachTable: NoTables()) }

    /// The view's text plus its inline geometry: equal keys mean equal computations.
    private static func key(_ view: ViewRequest) -> String {
        var key = ScenarioText.yaml(view)
        for location in view.launch + view.exclude + view.standoffFrom {
            if case .geojson(let bytes, _) = location { key += "\n" + String(decoding: bytes, as: UTF8.self) }
        }
        return key
    }
}

/// The stages compute no tables (the endpoints ask for the ones they need).
private struct NoTables: CoverageTableProvider, ReachTableProvider {
    func coverage(launch: PreparedLaunch, envelopes: [(RangeVariant, RangeEnvelope)], regions: [ResolvedLocation],
                  toleranceMeters: Double) throws -> [RegionCoverage] { [] }
    func reach(launch: PreparedLaunch, variants: [RangeVariant], targets: [ResolvedLocation],
               toleranceMeters: Double) throws -> [ReachRow] { [] }
}

/// Keys being computed; a second caller for the same key waits until the first is done (then finds its result
/// in the cache, or computes itself if the first failed).
final class InFlightKeys: @unchecked Sendable {
    private let condition = NSCondition()
    private var running: Set<String> = []

    func exclusive<T>(_ key: String, _ body: () throws -> T) rethrows -> T {
        condition.lock()
        while running.contains(key) { condition.wait() }
        running.insert(key)
        condition.unlock()
        defer {
            condition.lock()
            running.remove(key)
            condition.broadcast()
            condition.unlock()
        }
        return try body()
    }
}

/// Least-recently-used results, bounded so memory does not grow with the number of views seen.
final class StageCache: @unchecked Sendable {
    private let capacity: Int
    private let lock = NSLock()
    private var entries: [String: ScenarioResult] = [:]
    private var order: [String] = []

    init(capacity: Int) { self.capacity = capacity }

    func get(_ key: String) -> ScenarioResult? {
        lock.lock(); defer { lock.unlock() }
        guard let value = entries[key] else { return nil }
        order.removeAll { $0 == key }
        order.append(key)
        return value
    }

    func put(_ key: String, _ value: ScenarioResult) {
        lock.lock(); defer { lock.unlock() }
        if entries.updateValue(value, forKey: key) == nil { order.append(key) }
        while order.count > capacity { entries[order.removeFirst()] = nil }
    }
}
