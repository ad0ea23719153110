import Foundation
import Geodesy

/// An enclosure of a true distance, metres, with the launch point that realises the `upperMeters` end.
struct DistanceEnclosure: Sendable {
    var lowerMeters: Double
    var upperMeters: Double
    /// The launch point (on a chord, within `footOffsetMeters` of the true launch path) at exact geodesic
    /// distance `footDistanceMeters` from the query; nil when the query is inside a launch polygon.
    var foot: LonLat?
    var footDistanceMeters: Double
    var footOffsetMeters: Double
    /// Azimuth at the query of the geodesic towards the foot, degrees.
    var footAzimuthAtQueryDegrees: Double
    /// Index in `CertifiedLaunch.pieces` of the chord the foot is on, and its distance from the chord's
    /// start, metres; nil when the foot is a launch point or a vertex found outside any chord's search.
    var footPiece: Int? = nil
    var footAlongMeters: Double = 0
}

/// Geodesic distance from a point to the certifier's launch area, nearest and farthest, as rigorous
/// enclosures: block balls in Earth-centred space give lower bounds (a straight chord is never longer
/// than the geodesic), `geod_inverse` gives exact distances to chosen launch points, and along each chord
/// the distance is bounded by its convexity (below a quarter meridian: geodesic circles curve towards
/// the centre), its concavity (beyond a quarter meridian) or, in between, by being 1-Lipschitz.
/// Chords are bisected (with `GeodesicLine`) until the enclosure is `resolutionMeters` wide.
struct LaunchDistance: Sendable {
    let launch: CertifiedLaunch
    let geodesic: Geodesic
    let bounds: EllipsoidBounds
    let resolutionMeters: Double

    private struct Probe {
        var s: Double
        var point: LonLat
        var distance: Double
        var azimuthAtQuery: Double
        /// Rate of change of the distance along the chord, in [-1, 1].
        var slope: Double
    }

    private enum Shape { case convex, concave, unknown }

    /// Convex along a geodesic while every radius on it keeps geodesic circles curving towards the
    /// centre (lower curvature bound ≥ 0), concave while it keeps them curving away (upper bound ≤ 0).
    private func shape(_ lo: Double, _ hi: Double) -> Shape {
        guard let k = bounds.circleCurvatureBounds(radiusRange: max(lo, 1e-3), hi) else { return .unknown }
        if k.lower >= 0 { return .convex }
        if k.upper <= 0 { return .concave }
        return .unknown
    }

    private func probe(_ q: LonLat, _ p: LonLat, s: Double, chordAzimuthDegrees: Double) -> Probe {
        let inv = geodesic.inverse(q, p)
        let slope = inv.distanceMeters == 0 ? 0 : cos((inv.azimuth2Degrees - chordAzimuthDegrees) * .pi / 180)
        return Probe(s: s, point: p, distance: inv.distanceMeters, azimuthAtQuery: inv.azimuth1Degrees, slope: slope)
    }

    private func enclosure(at q: LonLat, _ p: Probe, offset: Double, piece: Int? = nil) -> DistanceEnclosure {
        DistanceEnclosure(lowerMeters: p.distance - offset, upperMeters: p.distance + offset, foot: p.point,
                          footDistanceMeters: p.distance, footOffsetMeters: offset, footAzimuthAtQueryDegrees: p.azimuthAtQuery,
                          footPiece: piece, footAlongMeters: p.s)
    }

    // MARK: nearest

    /// Lower bound of the geodesic distance from `q` to every point within 3-D distance `radius` of `c`:
    /// the larger of the 3-D distance and b × the angle at the Earth's centre (the nearest-point projection
    /// onto the inscribed sphere of radius b is 1-Lipschitz, so no surface path is shorter than b × angle;
    /// two points ≥ b from the centre and r apart subtend at most 2 asin(r / 2b)).
    func ballLowerBound(_ q: Vec3, _ c: Vec3, radius: Double) -> Double {
        let chord = q.distance(to: c) - radius
        let spread = 2 * asin(min(1, radius / (2 * bounds.b)))
        return max(chord, bounds.b * (q.angle(to: c) - spread))
    }

    /// Enclosure of the distance from `q` to the nearest launch point (0 inside a launch polygon).
    /// With `decidingAbove`, the search only proves whether the distance exceeds that value: the lower end
    /// may then stop just above it.
    func nearest(_ q: LonLat, decidingAbove ceiling: Double = .infinity) -> DistanceEnclosure {
        if launch.containsPoint(q) {
            return DistanceEnclosure(lowerMeters: 0, upperMeters: 0, foot: nil, footDistanceMeters: 0,
                                     footOffsetMeters: 0, footAzimuthAtQueryDegrees: 0)
        }
        var best = DistanceEnclosure(lowerMeters: .infinity, upperMeters: .infinity, foot: nil, footDistanceMeters: .infinity,
                                     footOffsetMeters: 0, footAzimuthAtQueryDegrees: 0)
        var lowest = Double.infinity
        for p in launch.points {
            let inv = geodesic.inverse(q, p)
            if inv.distanceMeters < best.upperMeters {
                best = DistanceEnclosure(lowerMeters: inv.distanceMeters, upperMeters: inv.distanceMeters, foot: p,
                                         footDistanceMeters: inv.distanceMeters, footOffsetMeters: 0,
                                         footAzimuthAtQueryDegrees: inv.azimuth1Degrees)
            }
            lowest = min(lowest, inv.distanceMeters)
        }
        if !launch.blocks.isEmpty {
            // Pieces in the order of their lower bounds, so the best distance tightens early and prunes the rest.
            let qE = bounds.ecef(q)
            // A first upper bound: the exact distance to the first vertex of the block nearest by its ball.
            let nearestBlock = launch.blocks.indices.min { qE.distance(to: launch.blocks[$0].centerECEF) < qE.distance(to: launch.blocks[$1].centerECEF) }!
            let anchor = launch.blocks[nearestBlock].anchor
            let first = geodesic.inverse(q, anchor)
            if first.distanceMeters < best.upperMeters {
                best = DistanceEnclosure(lowerMeters: first.distanceMeters, upperMeters: first.distanceMeters, foot: anchor,
                                         footDistanceMeters: first.distanceMeters, footOffsetMeters: 0,
                                         footAzimuthAtQueryDegrees: first.azimuth1Degrees)
            }
            var blockOrder = [(i: Int, lower: Double)]()
            var cutoff: Double { min(best.upperMeters, ceiling) }
            for superBlock in launch.superBlocks where ballLowerBound(qE, superBlock.centerECEF, radius: superBlock.radiusMeters) <= cutoff {
                for i in superBlock.range {
                    let lower = ballLowerBound(qE, launch.blocks[i].centerECEF, radius: launch.blocks[i].radiusMeters)
                    if lower <= cutoff { blockOrder.append((i, lower)) }
                }
            }
            // Blocks, then pieces, in the order of their lower bounds: the best distance tightens early.
            blockOrder.sort { $0.lower < $1.lower }
            var candidates = [(j: Int, lower: Double)]()
            for (i, blockLower) in blockOrder {
                if blockLower > cutoff { break }
                candidates.removeAll(keepingCapacity: true)
                for j in launch.blocks[i].range {
                    let piece = launch.pieces[j]
                    let lower = max(piece.lowerBoundMeters(from: qE),
                                    bounds.b * qE.angle(to: piece.startECEF) - piece.lengthMeters - piece.offsetMeters)
                    if lower <= cutoff { candidates.append((j, lower)) }
                }
                candidates.sort { $0.lower < $1.lower }
                for (j, lower) in candidates where lower <= cutoff {
                    nearestOnPiece(q, j, ceiling: ceiling, best: &best, lowest: &lowest)
                }
            }
        }
        // Whatever was skipped is farther than the best found or than the ceiling.
        best.lowerMeters = max(0, min(lowest, best.upperMeters, ceiling.nextUp))
        return best
    }

    private func nearestOnPiece(_ q: LonLat, _ index: Int, ceiling: Double = .infinity,
                                best: inout DistanceEnclosure, lowest: inout Double) {
        let piece = launch.pieces[index]
        let a = probe(q, piece.start, s: 0, chordAzimuthDegrees: piece.startAzimuthDegrees)
        let b = probe(q, piece.end, s: piece.lengthMeters, chordAzimuthDegrees: piece.endAzimuthDegrees)
        var line: GeodesicLine?
        func lineOf() -> GeodesicLine {
            if let line { return line }
            let l = geodesic.line(from: piece.start, to: piece.end)
            line = l
            return l
        }
        let offset = piece.offsetMeters
        func visit(_ p0: Probe, _ p1: Probe, depth: Int) {
            for p in [p0, p1] where p.distance + offset < best.upperMeters { best = enclosure(at: q, p, offset: offset, piece: index) }
            let length = p1.s - p0.s
            let upper = min(p0.distance, p1.distance)
            var lower: Double
            switch shape(min(p0.distance, p1.distance) - length / 2, max(p0.distance, p1.distance) + length / 2) {
            case .convex:
                if p0.slope >= 0 { lower = p0.distance }
                else if p1.slope <= 0 { lower = p1.distance }
                else {
                    // Tangent lines at both ends lie below a convex function; their crossing bounds the minimum.
                    let s = ((p1.distance - p0.distance - p1.slope * length) / (p0.slope - p1.slope)).clamped(0, length)
                    lower = max(p0.distance + p0.slope * s, p1.distance + p1.slope * (s - length))
                }
            case .concave:
                lower = upper   // a concave function takes its minimum at an end
            case .unknown:
                lower = (p0.distance + p1.distance - length) / 2
            }
            lower = min(lower, upper)
            if lower - offset > min(best.upperMeters, ceiling) { return }
            if upper - lower <= resolutionMeters || depth >= 48 || length < 1e-6 {
                lowest = min(lowest, lower - offset)
                return
            }
            let s = (p0.s + p1.s) / 2
            let position = lineOf().position(distanceMeters: s, unrollLongitude: false)
            let mid = probe(q, position.position, s: s, chordAzimuthDegrees: position.azimuth2Degrees)
            if p0.distance <= p1.distance { visit(p0, mid, depth: depth + 1); visit(mid, p1, depth: depth + 1) }
            else { visit(mid, p1, depth: depth + 1); visit(p0, mid, depth: depth + 1) }
        }
        visit(a, b, depth: 0)
    }

    // MARK: farthest

    /// Enclosure of the distance from `q` to the farthest launch point. When `enoughMeters` is given the
    /// search stops as soon as the lower end reaches it (the caller only needs to know that).
    func farthest(_ q: LonLat, enoughMeters: Double = .infinity) -> DistanceEnclosure {
        var best = DistanceEnclosure(lowerMeters: -.infinity, upperMeters: -.infinity, foot: nil, footDistanceMeters: -.infinity,
                                     footOffsetMeters: 0, footAzimuthAtQueryDegrees: 0)
        var highest = -Double.infinity
        for p in launch.points {
            let inv = geodesic.inverse(q, p)
            if inv.distanceMeters > best.lowerMeters {
                best = DistanceEnclosure(lowerMeters: inv.distanceMeters, upperMeters: inv.distanceMeters, foot: p,
                                         footDistanceMeters: inv.distanceMeters, footOffsetMeters: 0,
                                         footAzimuthAtQueryDegrees: inv.azimuth1Degrees)
            }
            highest = max(highest, inv.distanceMeters)
        }
        // Inside a launch polygon the distance has no local maximum except on q's cut locus, near its
        // antipode: when the antipode is in the launch area, it is a launch point.
        let antipode = LonLat(longitude: q.longitude + 180, latitude: -q.latitude)
        if launch.containsPoint(antipode) {
            let d = geodesic.inverse(q, antipode)
            if d.distanceMeters > best.lowerMeters {
                best = DistanceEnclosure(lowerMeters: d.distanceMeters, upperMeters: d.distanceMeters, foot: antipode,
                                         footDistanceMeters: d.distanceMeters, footOffsetMeters: 0, footAzimuthAtQueryDegrees: d.azimuth1Degrees)
            }
            // The cut locus is a short arc of the antipodal parallel; nothing on the globe is farther than half a meridian.
            highest = max(highest, bounds.conjugateSafeMeters + 40_000)
        }
        if best.lowerMeters >= enoughMeters { best.upperMeters = .infinity; return best }
        if !launch.blocks.isEmpty {
            let order = launch.blocks.indices.map { i -> (i: Int, upper: Double) in
                let blk = launch.blocks[i]
                return (i, geodesic.distanceMeters(q, blk.anchor) + blk.geodesicRadiusMeters)
            }.sorted { $0.upper > $1.upper }
            for (i, blockUpper) in order {
                if blockUpper < best.lowerMeters { break }
                for j in launch.blocks[i].range {
                    farthestOnPiece(q, launch.pieces[j], best: &best, highest: &highest)
                    if best.lowerMeters >= enoughMeters { best.upperMeters = .infinity; return best }
                }
            }
        }
        best.upperMeters = max(highest, best.lowerMeters)
        return best
    }

    private func farthestOnPiece(_ q: LonLat, _ piece: CertifiedLaunch.Piece, best: inout DistanceEnclosure, highest: inout Double) {
        let a = probe(q, piece.start, s: 0, chordAzimuthDegrees: piece.startAzimuthDegrees)
        let b = probe(q, piece.end, s: piece.lengthMeters, chordAzimuthDegrees: piece.endAzimuthDegrees)
        var line: GeodesicLine?
        let offset = piece.offsetMeters
        func visit(_ p0: Probe, _ p1: Probe, depth: Int) {
            for p in [p0, p1] where p.distance - offset > best.lowerMeters {
                var e = enclosure(at: q, p, offset: offset)
                e.upperMeters = max(e.upperMeters, best.upperMeters)
                best = e
            }
            let length = p1.s - p0.s
            let lower = max(p0.distance, p1.distance)
            var upper: Double
            switch shape(min(p0.distance, p1.distance) - length / 2, max(p0.distance, p1.distance) + length / 2) {
            case .convex:
                upper = lower   // a convex function takes its maximum at an end
            case .concave:
                if p0.slope <= 0 { upper = p0.distance }
                else if p1.slope >= 0 { upper = p1.distance }
                else {
                    // Tangent lines lie above a concave function; their crossing bounds the maximum.
                    let s = ((p1.distance - p0.distance - p1.slope * length) / (p0.slope - p1.slope)).clamped(0, length)
                    upper = min(p0.distance + p0.slope * s, p1.distance + p1.slope * (s - length))
                }
            case .unknown:
                upper = (p0.distance + p1.distance + length) / 2
            }
            upper = max(upper, lower)
            if upper + offset < best.lowerMeters { return }
            if upper - lower <= resolutionMeters || depth >= 48 || length < 1e-6 {
                highest = max(highest, upper + offset)
                return
            }
            if line == nil { line = geodesic.line(from: piece.start, to: piece.end) }
            let s = (p0.s + p1.s) / 2
            let position = line!.position(distanceMeters: s, unrollLongitude: false)
            let mid = probe(q, position.position, s: s, chordAzimuthDegrees: position.azimuth2Degrees)
            visit(p0, mid, depth: depth + 1)
            visit(mid, p1, depth: depth + 1)
        }
        visit(a, b, depth: 0)
    }
}

extension Double {
    /// The value limited to [lo, hi].
    func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(Swift.max(self, lo), hi) }
}
