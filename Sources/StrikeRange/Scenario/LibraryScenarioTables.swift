import Geodesy
import Geometry

/// The coverage table from the coverage library (`CoverageCalculator`), reusing the scenario's envelopes.
public struct CoverageLibraryTable: CoverageTableProvider {
    public init() {}

    public func coverage(launch: PreparedLaunch, envelopes: [(RangeVariant, RangeEnvelope)], regions: [ResolvedLocation],
                         toleranceMeters: Double) throws -> [RegionCoverage] {
        // `regions:` is optional in a scenario: no regions, no coverage rows (the calculator itself rejects
        // an empty list, which is a mistake on the command line).
        guard !regions.isEmpty else { return [] }
        // The envelopes' own parameters: the figures the tables describe are the ones drawn.
        let ranges = envelopes.map { variant, envelope in
            var range = variant
            range.parameters = envelope.parameters
            return range
        }
        let coverageRegions = try regions.map { try CoverageRegion(name: $0.name, code: $0.code, geometry: $0.geometry) }
        let results = try CoverageCalculator(toleranceMeters: toleranceMeters, keepsGeometry: true)
            .compute(launch: launch, ranges: ranges, envelopes: envelopes.map(\.1.geometry), regions: coverageRegions)
        return results
    }
}

/// The reach table from the reach library (`ReachCalculator`): exact distances and verdicts.
public struct ReachLibraryTable: ReachTableProvider {
    public init() {}

    public func reach(launch: PreparedLaunch, variants: [RangeVariant], targets: [ResolvedLocation],
                      toleranceMeters: Double) throws -> [ReachRow] {
        let results = try ReachCalculator(launch: launch, weapons: variants)
            .evaluate(targets.map { ReachTarget(name: $0.label, geometry: $0.geometry) })
        return results.flatMap { perTarget in
            perTarget.map { r in
                let v = variants[r.weaponIndex]
                return ReachRow(targetLabel: targets[r.targetIndex].label, target: r.targetPoint, weaponID: v.weaponID,
                                variant: v.kind, rangeMeters: v.rangeMeters, minRangeMeters: v.minRangeMeters,
                                distanceMeters: r.distanceMeters, nearestLaunchPoint: r.nearestLaunchPoint,
                                azimuthDegrees: r.azimuthDegrees, verdict: r.verdict)
            }
        }
    }
}
