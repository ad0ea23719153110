import Geodesy
import Geometry

/// The coverage table from the coverage library (`CoverageCalculator`), reusing the scenario's envelopes.
public struct CoverageLibraryTable: CoverageTableProvider {
    public init() {}

    public func coverage(launch: Geometry, envelopes: [(ScenarioWeaponVariant, RangeEnvelope)], regions: [ResolvedLocation],
                         toleranceMeters: Double) throws -> [CoverageRow] {
        let ranges = envelopes.map { CoverageRange(weapon: $0.0.weaponID, variant: $0.0.variant, parameters: $0.1.parameters) }
        let coverageRegions = try regions.map { try CoverageRegion(name: $0.label, code: $0.code, geometry: $0.geometry) }
        let results = try CoverageCalculator(toleranceMeters: toleranceMeters, keepsGeometry: true)
            .compute(launch: launch, ranges: ranges, envelopes: envelopes.map(\.1.geometry), regions: coverageRegions)
        return results.map { r in
            let region = regions[r.regionIndex]
            let variant = envelopes[r.rangeIndex].0
            return CoverageRow(regionLabel: region.label, regionCode: region.code ?? region.label, weaponID: variant.weaponID,
                               variant: variant.variant, rangeMeters: variant.rangeMeters,
                               measure: r.kind == .line ? "length" : "area", total: r.totalMeasure, inRange: r.inRangeMeasure,
                               status: r.status.rawValue, nearestMeters: r.nearestDistanceMeters,
                               farthestMeters: r.farthestDistanceMeters,
                               inRangeGeometry: r.inRangeGeometry ?? .multiPolygon(MultiPolygon([])))
        }
    }
}

/// Minimal reach used until the reach library lands: exact geodesic distance from the launch area
/// (`GeodesicDistanceField.nearest`); a polygon target uses its nearest vertex.
public struct BuiltinReachTable: ReachTableProvider {
    public init() {}

    public func reach(launch: Geometry, variants: [ScenarioWeaponVariant], targets: [ResolvedLocation],
                      toleranceMeters: Double) throws -> [ReachRow] {
        let field = try GeodesicDistanceField(area: try LaunchArea(launch), toleranceMeters: toleranceMeters)
        var rows = [ReachRow]()
        for target in targets {
            var best: (q: LonLat, n: NearestLaunchPoint)?
            target.geometry.forEachCoordinate { c in
                let q = LonLat(longitude: c.x, latitude: c.y)
                let n = field.nearest(q)
                if best == nil || n.distanceMeters < best!.n.distanceMeters { best = (q, n) }
            }
            guard let (q, nearest) = best else {
                throw StrikeRangeError("target \(target.label): empty geometry")
            }
            let farthest = field.farthestDistanceMeters(q)
            for v in variants {
                let margin = v.rangeMeters - nearest.distanceMeters
                let verdict: String
                if abs(margin) < toleranceMeters {
                    verdict = "within_tolerance"
                } else if margin < 0 {
                    verdict = "out_of_range"
                } else if let minimum = v.minRangeMeters, farthest < minimum {
                    verdict = "inside_min_range"
                } else {
                    verdict = "in_range"
                }
                rows.append(ReachRow(targetLabel: target.label, target: q, weaponID: v.weaponID, variant: v.variant,
                                     rangeMeters: v.rangeMeters, minRangeMeters: v.minRangeMeters,
                                     distanceMeters: nearest.distanceMeters, nearestLaunchPoint: nearest.point,
                                     azimuthDegrees: nearest.azimuthDegrees, verdict: verdict))
            }
        }
        return rows
    }
}
