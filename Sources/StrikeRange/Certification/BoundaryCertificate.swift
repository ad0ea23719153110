import Foundation
import Geodesy
import Geometry

/// Certifies every range-bound edge of an envelope: for every point of every edge (straight in lon/lat),
/// the distance to the launch area is within the placement's band of the range, with a bound that holds
/// between samples, not only at them.
///
/// Derivation. Let p(u) run along an edge by arc length u over a piece of length h (bounded above from the
/// geodesic chord c between the piece's ends: a curve of geodesic curvature ≤ κₚ is at most
/// c(1 + κₚ²c²/6) long), and let d(u) be the distance from p(u) to the nearest launch point. For one launch
/// point x, g(u) = dist(x, p(u)) has
///     g″ = sin²θ · κ꜀(g) + κₚ · n,   |n| ≤ 1,
/// where θ is the angle between the edge and the direction away from x, κ꜀(ρ) the geodesic curvature of
/// the circle of radius ρ around x and κₚ the edge's own geodesic curvature (`EllipsoidBounds` bounds both;
/// κ꜀ by Riccati comparison with spheres of the ellipsoid's extreme Gaussian curvatures, valid below π b).
/// With K⁺ = max(0, sup κ꜀) + κₚ over the radii met on the piece:
/// - Lower side: d = minₓ g is semiconcave with d″ ≤ K⁺, so d(u) ≥ min(d(0), d(h)) − K⁺h²/8.
/// - Upper side: d(u) ≤ g_a(u) for the foot a of the first sample and ≤ g_b(u) for the foot b of the
///   second; each is at most its Taylor parabola with curvature K⁺ and the slope measured at the sample
///   (the cosine of the angle between the edge and the geodesic from the foot). The larger of min(two
///   parabolas) over [0, h] is at 0, h or where they cross, which is a single point (their difference is
///   linear in u).
/// - Always: d is 1-Lipschitz, so d(u) ∈ [(d(0) + d(h) − h)/2, (d(0) + d(h) + h)/2], and d ≥ 0.
/// - Upper side, when both samples' feet lie on the same launch chord G (a geodesic of length L) and the
///   range is short (the case the point-foot parabolas handle worst: their curvature is about 1/d): in
///   Fermi coordinates (t along G, σ signed distance from it) the metric is dσ² + J² dt² with
///   cos(σ/b) ≤ J ≤ 1 (Gaussian curvature ≤ 1/b²), and the level curves of σ have geodesic curvature
///   ≤ tan(|σ|/b)/b (Riccati comparison). So along the edge |σ″| ≤ K_F = tan(S/b)/b + κₚ while
///   |σ| ≤ S = max(d_a, d_b) + h, and |σ(u)| ≤ max(d_a, d_b) + K_F h²/8 (d_a, d_b the exact distances to
///   the feet: σ at a sample is at most that). This is the distance to a point of G, hence a bound of d,
///   when the foot's t stays in [0, L]: t moves at most 1/c per metre of edge (c = cos(S/b)) and each
///   sample's own foot is within d/c of its probe (a shorter path in the metric dσ² + c² dt² than the
///   geodesic to the probe), so it suffices that every probe ± d/c, widened by h/(2c), lies in [0, L].
///   Used for S ≤ `chordChartReachMeters`, where the tube around a chord is embedded (far below the
///   focal distance π b/2 and the chords' length below π b).
/// The farthest distance (minimum range) is the mirror image: semiconvex with d″ ≥ −K⁻,
/// K⁻ = max(0, −inf κ꜀) + κₚ. Sample distances are themselves enclosures (`LaunchDistance`), and the
/// foot's own offset from the true launch path is added. A piece whose bound is not inside the band, or
/// that is much looser than its samples, is halved; `achievedErrorMeters` is the largest bound over all
/// final pieces, so it holds for every point of every edge. Edges along ±180° and ±90° that the output
/// was cut or closed along are not range bounds and are skipped here; membership checks both sides of them.
struct BoundaryCertificate {
    let distance: LaunchDistance
    let geodesic: Geodesic
    let bounds: EllipsoidBounds
    let parameters: RangeParameters
    /// A piece is halved while its bound exceeds the larger of its two samples' deviations by more than this.
    let tightnessMeters: Double
    /// Pieces shorter than this are not halved further (their bound is then final, pass or fail).
    let shortestPieceMeters: Double

    struct Result {
        var achievedErrorMeters = 0.0
        var worstPoint: LonLat?
        var wrongSideCount = 0
        var failedPieces = 0
        var sampleCount = 0
    }

    private struct Sample {
        let f: Double
        let point: LonLat
        let nearest: DistanceEnclosure
        let farthest: DistanceEnclosure?
    }

    private enum Kind { case maximum, minimum }

    /// Largest S (metres) for which the Fermi-coordinate bound along one launch chord is used.
    static let chordChartReachMeters = 100_000.0

    /// Upper bound of the nearest distance over the piece from the distance to the launch chord both
    /// samples' feet lie on (see the type's comment); nil when they are not on one chord well inside it.
    private func chordUpperBound(_ e0: DistanceEnclosure, _ e1: DistanceEnclosure, h: Double, kappaPath: Double) -> Double? {
        guard let j = e0.footPiece, e1.footPiece == j, h.isFinite, kappaPath.isFinite else { return nil }
        let d0 = e0.footDistanceMeters, d1 = e1.footDistanceMeters
        let reach = max(d0, d1) + h
        guard reach <= Self.chordChartReachMeters else { return nil }
        let c = cos(reach / bounds.b)
        let first = min(e0.footAlongMeters - d0 / c, e1.footAlongMeters - d1 / c) - h / (2 * c)
        let last = max(e0.footAlongMeters + d0 / c, e1.footAlongMeters + d1 / c) + h / (2 * c)
        guard first >= 0, last <= distance.launch.pieces[j].lengthMeters else { return nil }
        let k = tan(reach / bounds.b) / bounds.b + kappaPath
        return max(d0, d1) + k * h * h / 8 + max(e0.footOffsetMeters, e1.footOffsetMeters)
    }

    func certify(_ rings: [[Coordinate]]) -> Result {
        var result = Result()
        // An edge that two rings share in opposite directions is a seam inside the region (two parts drawn
        // side by side), not a boundary of it: membership still checks both sides.
        // Coordinates are compared at 1e-9° (0.1 mm): the two copies may differ in their last bits.
        struct Key: Hashable {
            let ax: Int64, ay: Int64, bx: Int64, by: Int64
            init(_ a: Coordinate, _ b: Coordinate) {
                ax = Int64((a.x * 1e9).rounded()); ay = Int64((a.y * 1e9).rounded())
                bx = Int64((b.x * 1e9).rounded()); by = Int64((b.y * 1e9).rounded())
            }
        }
        var directed = Set<Key>()
        for ring in rings { for (a, b) in zip(ring, ring.dropFirst()) { directed.insert(Key(a, b)) } }
        for ring in rings where ring.count >= 2 {
            var vertexSamples = [Int: Sample]()
            func vertexSample(_ i: Int, _ f: Double, _ a: Coordinate, _ b: Coordinate) -> Sample {
                if let s = vertexSamples[i] { return Sample(f: f, point: s.point, nearest: s.nearest, farthest: s.farthest) }
                let s = sample(f: f, a, b)
                vertexSamples[i] = s
                result.sampleCount += 1
                return s
            }
            for i in 0..<(ring.count - 1) {
                let a = ring[i], b = ring[i + 1]
                if CertifiedOutput.isCutOrClosure(a, b) || (a.x == b.x && a.y == b.y) { continue }
                if directed.contains(Key(b, a)) { continue }
                let s0 = vertexSample(i, 0, a, b)
                let s1 = vertexSample(i + 1 == ring.count - 1 ? 0 : i + 1, 1, a, b)
                certifyPiece(s0, s1, a, b, depth: 0, result: &result)
            }
        }
        return result
    }

    private func sample(f: Double, _ a: Coordinate, _ b: Coordinate) -> Sample {
        let p = LonLat(longitude: a.x + f * (b.x - a.x), latitude: a.y + f * (b.y - a.y))
        let far = parameters.minRangeMeters == nil ? nil : distance.farthest(p)
        return Sample(f: f, point: p, nearest: distance.nearest(p), farthest: far)
    }

    private func band(_ kind: Kind) -> (lo: Double, hi: Double) {
        let t = parameters.toleranceMeters, slack = 0.001
        switch (parameters.placement, kind) {
        case (.center, _): return (-t, t)
        case (.outer, .maximum), (.inner, .minimum): return (-slack, t)
        case (.outer, .minimum), (.inner, .maximum): return (-t, slack)
        }
    }

    private func target(_ kind: Kind) -> Double {
        kind == .maximum ? parameters.rangeMeters : (parameters.minRangeMeters ?? 0)
    }

    private func sampleError(_ s: Sample) -> Double {
        var e = max(abs(s.nearest.lowerMeters - parameters.rangeMeters), abs(s.nearest.upperMeters - parameters.rangeMeters))
        if let f = s.farthest, let r = parameters.minRangeMeters {
            e = min(e, max(abs(f.lowerMeters - r), abs(f.upperMeters - r)))
        }
        return e
    }

    /// Whether the sample itself is certainly outside the band of every bound: halving cannot help then.
    private func violates(_ s: Sample) -> Bool {
        let maxBand = band(.maximum), r = parameters.rangeMeters
        var inside = s.nearest.upperMeters - r >= maxBand.lo && s.nearest.lowerMeters - r <= maxBand.hi
        if let f = s.farthest, let minimum = parameters.minRangeMeters {
            let minBand = band(.minimum)
            inside = inside || (f.upperMeters - minimum >= minBand.lo && f.lowerMeters - minimum <= minBand.hi)
        }
        return !inside
    }

    private func certifyPiece(_ s0: Sample, _ s1: Sample, _ a: Coordinate, _ b: Coordinate, depth: Int, result: inout Result) {
        if violates(s0) || violates(s1) {
            let worse = sampleError(s0) >= sampleError(s1) ? s0 : s1
            if sampleError(worse) > result.achievedErrorMeters {
                result.achievedErrorMeters = sampleError(worse)
                result.worstPoint = worse.point
            }
            result.failedPieces += 1
            if sampleError(worse) <= parameters.toleranceMeters { result.wrongSideCount += 1 }
            return
        }
        let chord = geodesic.distanceMeters(s0.point, s1.point)
        let dLon = b.x - a.x, dLat = b.y - a.y
        let kappaPath = bounds.lonLatCurvatureBound(deltaLongitude: dLon, deltaLatitude: dLat,
                                                    latitudeRange: min(s0.point.latitude, s1.point.latitude),
                                                    max(s0.point.latitude, s1.point.latitude))
        let h = kappaPath.isFinite ? chord * (1 + kappaPath * kappaPath * chord * chord / 6) + 1e-9 : .infinity

        var kinds: [(Kind, lo: Double, hi: Double)] = []
        let maxBounds = enclosureOverPiece(.maximum, s0.nearest, s1.nearest, s0, s1, h: h, kappaPath: kappaPath, dLon: dLon, dLat: dLat)
        kinds.append((.maximum, maxBounds.lo - target(.maximum), maxBounds.hi - target(.maximum)))
        if let f0 = s0.farthest, let f1 = s1.farthest {
            let minBounds = enclosureOverPiece(.minimum, f0, f1, s0, s1, h: h, kappaPath: kappaPath, dLon: dLon, dLat: dLat)
            kinds.append((.minimum, minBounds.lo - target(.minimum), minBounds.hi - target(.minimum)))
        }
        var bestError = Double.infinity, bestOK = false
        for (kind, lo, hi) in kinds {
            let band = band(kind)
            let ok = lo >= band.lo && hi <= band.hi
            let error = max(abs(lo), abs(hi))
            if (ok && !bestOK) || (ok == bestOK && error < bestError) { bestError = error; bestOK = ok }
        }
        let sampleWorst = max(sampleError(s0), sampleError(s1))
        let loose = bestError > sampleWorst + tightnessMeters
        if (!bestOK || loose) && h > shortestPieceMeters && depth < 40 {
            let mid = sample(f: (s0.f + s1.f) / 2, a, b)
            result.sampleCount += 1
            certifyPiece(s0, mid, a, b, depth: depth + 1, result: &result)
            certifyPiece(mid, s1, a, b, depth: depth + 1, result: &result)
            return
        }
        if bestError > result.achievedErrorMeters {
            result.achievedErrorMeters = bestError
            result.worstPoint = sampleError(s0) >= sampleError(s1) ? s0.point : s1.point
        }
        if !bestOK {
            result.failedPieces += 1
            if bestError <= parameters.toleranceMeters { result.wrongSideCount += 1 }
        }
    }

    /// Bounds [lo, hi] of the nearest (`.maximum`) or farthest (`.minimum`) distance over the piece.
    private func enclosureOverPiece(_ kind: Kind, _ e0: DistanceEnclosure, _ e1: DistanceEnclosure,
                                    _ s0: Sample, _ s1: Sample, h: Double, kappaPath: Double,
                                    dLon: Double, dLat: Double) -> (lo: Double, hi: Double) {
        // Always true: 1-Lipschitz.
        var lo = (e0.lowerMeters + e1.lowerMeters - h) / 2
        var hi = (e0.upperMeters + e1.upperMeters + h) / 2
        guard h.isFinite else { return (lo, hi) }
        if kind == .maximum {
            lo = max(lo, 0)
            if let chord = chordUpperBound(e0, e1, h: h, kappaPath: kappaPath) { hi = min(hi, chord) }
        }
        let radiusLow = min(e0.lowerMeters, e1.lowerMeters) - h, radiusHigh = max(e0.upperMeters, e1.upperMeters) + h
        guard let circle = bounds.circleCurvatureBounds(radiusRange: radiusLow, radiusHigh) else { return (lo, hi) }
        let kUp = max(0, circle.upper) + kappaPath      // d″ ≤ kUp for the nearest distance
        let kDown = max(0, -circle.lower) + kappaPath   // d″ ≥ −kDown for the farthest distance
        // Slopes at the samples of the distance from their feet, along the edge (forward).
        func slope(_ e: DistanceEnclosure, _ s: Sample) -> Double? {
            guard e.foot != nil, abs(s.point.latitude) < 89.999_999, e.footDistanceMeters > 0 else { return nil }
            let edgeAzimuth = bounds.azimuthDegrees(latitudeDegrees: s.point.latitude, deltaLongitude: dLon, deltaLatitude: dLat)
            // Moving along the edge, the distance from the foot grows at the cosine of the angle between the
            // edge and the direction pointing away from the foot (the azimuth towards the foot + 180°).
            return -cos((edgeAzimuth - e.footAzimuthAtQueryDegrees) * .pi / 180)
        }
        switch kind {
        case .maximum:
            lo = max(lo, min(e0.lowerMeters, e1.lowerMeters) - kUp * h * h / 8)
            if let sA = slope(e0, s0), let sB = slope(e1, s1) {
                let a0 = e0.footDistanceMeters + e0.footOffsetMeters, b0 = e1.footDistanceMeters + e1.footOffsetMeters
                var top = max(a0, b0)
                let denominator = sA - sB + kUp * h
                if denominator != 0 {
                    let u = -(a0 - b0 + sB * h - kUp * h * h / 2) / denominator
                    if u > 0 && u < h { top = max(top, a0 + sA * u + kUp * u * u / 2) }
                }
                hi = min(hi, top)
            }
        case .minimum:
            hi = min(hi, max(e0.upperMeters, e1.upperMeters) + kDown * h * h / 8)
            if let sA = slope(e0, s0), let sB = slope(e1, s1) {
                let a0 = e0.footDistanceMeters - e0.footOffsetMeters, b0 = e1.footDistanceMeters - e1.footOffsetMeters
                var bottom = min(a0, b0)
                let denominator = sA - sB - kDown * h
                if denominator != 0 {
                    let u = -(a0 - b0 + sB * h + kDown * h * h / 2) / denominator
                    if u > 0 && u < h { bottom = min(bottom, a0 + sA * u - kDown * u * u / 2) }
                }
                lo = max(lo, bottom)
            }
        }
        return (lo, hi)
    }
}
