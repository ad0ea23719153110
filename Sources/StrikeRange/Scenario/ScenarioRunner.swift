import Geometry

/// Everything a scenario computes, before anything is written.
public struct ScenarioResult: Sendable {
    public var resolved: ResolvedScenario
    /// The launch area after exclusions and standoff, prepared once for every stage.
    public var preparedLaunch: PreparedLaunch
    /// The launch area after exclusions and standoff (lon/lat degrees).
    public var launch: Geometry { preparedLaunch.geometry }
    /// One per weapon variant, in scenario order, each with its verification.
    public var envelopes: [(RangeVariant, RangeEnvelope)]
    public var coverage: [RegionCoverage]
    public var reach: [ReachRow]
    /// Places and airfields within range (`in_range:`); nil when the scenario has no such section.
    public var inRange: InRangeReport? = nil
    /// Interval rings (issue 16), largest first per weapon.
    public var rings: [ScenarioRing] = []
}

/// Runs a resolved scenario: shapes the launch area, builds and verifies every envelope, then asks the
/// table providers for coverage and reach.
public struct ScenarioRunner {
    public var coverageTable: any CoverageTableProvider
    public var reachTable: any ReachTableProvider
    /// Called with a short progress line (stderr in the CLI).
    public var progress: (String) -> Void

    public init(coverageTable: any CoverageTableProvider = CoverageLibraryTable(),
                reachTable: any ReachTableProvider = ReachLibraryTable(),
                progress: @escaping (String) -> Void = { _ in }) {
        self.coverageTable = coverageTable; self.reachTable = reachTable; self.progress = progress
    }

    /// The `in_range:` report: every weapon variant of the scenario, the same launch area, `inrange`'s survey.
    static func inRange(_ section: ResolvedInRange, launch: PreparedLaunch, variants: [RangeVariant],
                        catalogDirectory: DataDirectory) throws -> InRangeReport {
        let catalog = DataCatalog(directory: catalogDirectory)
        let survey = try InRangeSurvey(calculator: try ReachCalculator(launch: launch, weapons: variants))
        return try survey.report(features: try section.filter.features(of: section.layers, in: catalog), layers: section.layers,
                                 filter: section.filter, inRangeOnly: section.inRangeOnly, regions: try catalog.regions())
    }

    /// - Throws: `StrikeRangeError` or geometry errors from shaping, building or measuring.
    public func run(_ resolved: ResolvedScenario) throws -> ScenarioResult {
        let scenario = resolved.scenario
        let merged = try PreparedLaunch.merging(resolved.launchParts.map(\.geometry))
        let builder = EnvelopeBuilder()
        let shaping = LaunchShaping(exclusions: resolved.exclusions.map(\.geometry), standoffMeters: scenario.standoffMeters,
                                    standoffFrom: resolved.standoffFrom.isEmpty ? nil : resolved.standoffFrom.map(\.geometry),
                                    makeValid: scenario.makeValid, terms: .scenario)
        let launch = try PreparedLaunch(try shaping.apply(to: merged, toleranceMeters: scenario.toleranceMeters, builder: builder))
        let figures = RangeFigureBuilder()
        var envelopes = [(RangeVariant, RangeEnvelope)]()
        var rings = [ScenarioRing]()
        for variant in resolved.variants {
            progress("envelope \(variant.weaponID) \(variant.kind.rawValue)")
            let figure = scenario.figures[variant.weaponIndex]
            let envelope = try figures.build(launch: launch, sector: figure?.sector, parameters: variant.parameters,
                                             option: "weapons[\(variant.weaponIndex)].sector")
            envelopes.append((variant, envelope))
            rings += try ringsOf(variant, figure: figure, launch: launch, scenario: scenario, builder: figures)
        }
        progress("coverage of \(resolved.regions.count) regions")
        let coverage = try coverageTable.coverage(launch: launch, envelopes: envelopes, regions: resolved.regions,
                                                  toleranceMeters: scenario.toleranceMeters)
        progress("reach of \(resolved.targets.count) targets")
        let reach = try reachTable.reach(launch: launch, variants: resolved.variants, targets: resolved.targets,
                                         toleranceMeters: scenario.toleranceMeters)
        var result = ScenarioResult(resolved: resolved, preparedLaunch: launch, envelopes: envelopes, coverage: coverage,
                                    reach: Self.applyingSectors(reach, resolved: resolved, launch: launch.geometry), rings: rings)
        if let section = resolved.inRange {
            progress("in range: \(section.layers.map(\.rawValue).joined(separator: " and "))")
            result.inRange = try Self.inRange(section, launch: launch, variants: resolved.variants,
                                              catalogDirectory: resolved.dataDirectory)
        }
        return result
    }
}
