import Geodesy
import Geometry

/// The nearest and farthest geodesic distance from a launch area A to a region R.
///
/// Both extremes of the distance to A over R are taken on R's boundary (for lines: on the line): the
/// nearest because a region meeting A is at 0 (tested separately) and otherwise the path from R's nearest
/// point towards A leaves R through its boundary; the farthest because the distance to A has no local
/// maximum inside R unless R holds a point ringed by A (a region in a hole of A, or enclosed by launch
/// parts); `RegionInteriorFarthest` searches the inside for that case.
/// The boundary is sampled every `sampleSpacingMeters` at most; the samples within half a spacing of the
/// extreme (the distance changes by at most the arc length) are refined by a golden-section search along
/// their two neighbouring pieces, so the figures are exact to about a metre, not to the spacing.
struct RegionDistanceBounds {
    var nearestMeters: Double
    var farthestMeters: Double

    static let sampleSpacingMeters = 1_000.0
    /// Most samples refined per extreme; ties beyond this change the result by less than the refinement gain.
    static let maximumRefinedSamples = 6

    /// Exact evaluations are spaced this many samples apart first; the rest are evaluated only where the
    /// Lipschitz bound (the distance to A changes by at most the arc length) lets them beat the extremes.
    static let coarseStride = 32
    /// Bound on the geodesic length of one densified piece (the densifier keeps pieces ≤ the spacing; the
    /// margin covers lon/lat interpolation not being uniform in geodesic length).
    static let pieceBoundMeters = sampleSpacingMeters * 1.05

    static func measure(_ region: CoverageRegion, field: GeodesicDistanceField, intersectsLaunch: Bool,
                        toleranceMeters: Double, geodesic: Geodesic) -> RegionDistanceBounds {
        var paths = [[LonLat]]()
        for path in region.boundaryPaths {
            paths.append(PathDensifier.densify(path.map { LonLat(longitude: $0.x, latitude: $0.y) },
                                               toleranceMeters: toleranceMeters, maximumMeters: sampleSpacingMeters))
        }
        // Coarse pass, then bounds for every sample from its two coarse neighbours.
        var values = paths.map { [Double?](repeating: nil, count: $0.count) }
        var lower = paths.map { [Double](repeating: 0, count: $0.count) }
        var upper = paths.map { [Double](repeating: 0, count: $0.count) }
        for (p, path) in paths.enumerated() where !path.isEmpty {
            var anchors = Array(stride(from: 0, to: path.count, by: coarseStride))
            if anchors.last != path.count - 1 { anchors.append(path.count - 1) }
            for i in anchors { values[p][i] = field.nearest(path[i]).distanceMeters }
            var a = 0
            for j in path.indices {
                while a + 1 < anchors.count && anchors[a + 1] <= j { a += 1 }
                let left = anchors[a], right = anchors[min(a + 1, anchors.count - 1)]
                var lo = 0.0, hi = Double.infinity
                for anchor in [left, right] {
                    let d = values[p][anchor]!, slack = Double(abs(j - anchor)) * pieceBoundMeters
                    lo = max(lo, d - slack); hi = min(hi, d + slack)
                }
                lower[p][j] = lo; upper[p][j] = hi
            }
        }
        let order = paths.indices.flatMap { p in paths[p].indices.map { (p, $0) } }
        guard !order.isEmpty else { return RegionDistanceBounds(nearestMeters: .infinity, farthestMeters: 0) }
        let margin = sampleSpacingMeters / 2

        /// Every sample that may lie within `margin` of the extreme is evaluated; returns the extreme and them.
        func extreme(minimise: Bool) -> (value: Double, near: [(Int, Int, Double)]) {
            let sign = minimise ? 1.0 : -1.0
            var best = Double.infinity   // in signed form: minimise sign·d
            for (p, i) in order { if let d = values[p][i] { best = min(best, sign * d) } }
            let bound = { (p: Int, i: Int) in minimise ? lower[p][i] : -upper[p][i] }
            for (p, i) in order.sorted(by: { bound($0.0, $0.1) < bound($1.0, $1.1) }) {
                if bound(p, i) >= best + margin { break }
                if values[p][i] == nil { values[p][i] = field.nearest(paths[p][i]).distanceMeters }
                best = min(best, sign * values[p][i]!)
            }
            let near = order.compactMap { p, i -> (Int, Int, Double)? in
                guard let d = values[p][i], sign * d < best + margin else { return nil }
                return (p, i, d)
            }
            return (sign * best, near)
        }

        func refine(minimise: Bool) -> Double {
            let sign = minimise ? 1.0 : -1.0
            let (best, near) = extreme(minimise: minimise)
            var result = best
            for (p, i, _) in near.sorted(by: { sign * $0.2 < sign * $1.2 }).prefix(maximumRefinedSamples) {
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
        // 24 steps shrink a 1 km piece to under 1 cm.
        for _ in 0..<24 {
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
