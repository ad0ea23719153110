import Geodesy
import Geometry

/// Minimal coverage used until the coverage library lands: area (or length) in range is the geodesic
/// measure of region ∩ envelope; nearest and farthest distances are the exact distance field evaluated at
/// the region's vertices (0 when the region meets the launch area), so they are exact at vertices and
/// can overstate the nearest distance by at most the data's vertex spacing.
public struct BuiltinCoverageTable: CoverageTableProvider {
    public init() {}

    public func coverage(launch: Geometry, envelopes: [(ScenarioWeaponVariant, RangeEnvelope)], regions: [ResolvedLocation],
                         toleranceMeters: Double) throws -> [CoverageRow] {
        let engine = GeometryEngine()
        let measure = GeodesicMeasure()
        let field = try GeodesicDistanceField(area: try LaunchArea(launch), toleranceMeters: toleranceMeters)
        var rows = [CoverageRow]()
        for region in regions {
            let isLine: Bool
            switch region.geometry {
            case .lineString, .multiLineString: isLine = true
            default: isLine = false
            }
            let total = isLine ? measure.lengthMeters(region.geometry) : measure.areaSquareMeters(region.geometry)
            var nearest = Double.infinity, farthest = 0.0
            region.geometry.forEachCoordinate { c in
                let d = field.nearest(LonLat(longitude: c.x, latitude: c.y)).distanceMeters
                nearest = min(nearest, d); farthest = max(farthest, d)
            }
            if try engine.intersects(region.geometry, launch) { nearest = 0 }
            for (variant, envelope) in envelopes {
                let part = try engine.intersection(region.geometry, .multiPolygon(envelope.geometry))
                let inRange = isLine ? measure.lengthMeters(part) : measure.areaSquareMeters(part)
                let share = total > 0 ? inRange / total : 0
                let status = share >= 0.99995 ? "full" : (inRange > 0 ? "partial" : "none")
                rows.append(CoverageRow(regionLabel: region.label, regionCode: region.code ?? region.label, weaponID: variant.weaponID,
                                        variant: variant.variant, rangeMeters: variant.rangeMeters, measure: isLine ? "length" : "area",
                                        total: total, inRange: inRange, status: status, nearestMeters: nearest,
                                        farthestMeters: farthest, inRangeGeometry: part))
            }
        }
        return rows
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
