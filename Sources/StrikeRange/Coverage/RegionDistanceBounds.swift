import Geodesy
import Geometry

/// The nearest and farthest geodesic distance from a launch area A to a region R.
///
/// Both extremes of the distance to A over R are taken on R's boundary (for lines: on the line): the
/// nearest because a region meeting A is at 0 (tested separately) and otherwise the path from R's nearest
/// point towards A leaves R through its boundary; the farthest because the distance to A has no local
/// maximum inside R unless R holds a point ringed by A (a region in a hole of A), which this ignores.
/// The boundary is sampled every `sampleSpacingMeters` at most; the samples within half a spacing of the
/// extreme (the distance changes by at most the arc length) are refined by a golden-section search along
/// their two neighbouring pieces, so the figures are exact to about a metre, not to the spacing.
struct RegionDistanceBounds {
    var nearestMeters: Double
    var farthestMeters: Double

    static let sampleSpacingMeters = 1_000.0
    /// Most samples refined per extreme; ties beyond this change the result by less than the refinement gain.
    static let maximumRefinedSamples = 16

    static func measure(_ region: CoverageRegion, field: GeodesicDistanceField, intersectsLaunch: Bool,
                        toleranceMeters: Double, geodesic: Geodesic) -> RegionDistanceBounds {
        var paths = [[LonLat]]()
        var distances = [[Double]]()
        for path in region.boundaryPaths {
            let dense = PathDensifier.densify(path.map { LonLat(longitude: $0.x, latitude: $0.y) },
                                              toleranceMeters: toleranceMeters, maximumMeters: sampleSpacingMeters,
                                              geodesic: geodesic)
            paths.append(dense)
            distances.append(dense.map { field.nearest($0).distanceMeters })
        }
        let all = distances.enumerated().flatMap { p, ds in ds.enumerated().map { (p, $0.offset, $0.element) } }
        guard let low = all.map(\.2).min(), let high = all.map(\.2).max() else {
            return RegionDistanceBounds(nearestMeters: .infinity, farthestMeters: 0)
        }
        func refine(minimise: Bool) -> Double {
            let sign = minimise ? 1.0 : -1.0
            let best = minimise ? low : high
            let candidates = all.filter { sign * ($0.2 - best) < sampleSpacingMeters / 2 }
                .sorted { sign * $0.2 < sign * $1.2 }
                .prefix(maximumRefinedSamples)
            var result = best
            for (p, i, _) in candidates {
                let path = paths[p]
                for j in [i - 1, i + 1] where j >= 0 && j < path.count {
                    let value = goldenSection(from: path[i], to: path[j], sign: sign, field: field)
                    result = minimise ? min(result, value) : max(result, value)
                }
            }
            return result
        }
        return RegionDistanceBounds(nearestMeters: intersectsLaunch ? 0 : refine(minimise: true),
                                    farthestMeters: refine(minimise: false))
    }

    /// Extreme (minimum for sign 1, maximum for sign −1) of the distance to A along the lon/lat-straight
    /// piece a→b, by golden-section search (the distance is taken as unimodal along a piece ≤ 1 km).
    private static func goldenSection(from a: LonLat, to b: LonLat, sign: Double, field: GeodesicDistanceField) -> Double {
        func f(_ t: Double) -> Double {
            sign * field.nearest(LonLat(longitude: a.longitude + t * (b.longitude - a.longitude),
                                        latitude: a.latitude + t * (b.latitude - a.latitude))).distanceMeters
        }
        let ratio = (5.0.squareRoot() - 1) / 2
        var lo = 0.0, hi = 1.0
        var x1 = hi - ratio * (hi - lo), x2 = lo + ratio * (hi - lo)
        var f1 = f(x1), f2 = f(x2)
        var best = min(f(0), f(1), f1, f2)
        // 30 steps shrink a 1 km piece to under a millimetre.
        for _ in 0..<30 {
            if f1 < f2 {
                hi = x2; x2 = x1; f2 = f1
                x1 = hi - ratio * (hi - lo); f1 = f(x1)
                best = min(best, f1)
            } else {
                lo = x1; x1 = x2; f1 = f2
                x2 = lo + ratio * (hi - lo); f2 = f(x2)
                best = min(best, f2)
            }
        }
        return sign * best
    }
}
