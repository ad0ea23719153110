#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geodesy

/// Raw offset curves of densified paths: every station moved by the range along the geodesic
/// perpendicular to its pieces, with arcs filled in at convex corners. The curves may cross themselves
/// at concave corners; the envelope builder resolves that by noding them and keeping the faces whose
/// exact distance to the launch area is within range. Vertices are exactly at the range from a station.
struct OffsetCurve {
    let geodesic: Geodesic
    let radiusMeters: Double
    /// Angular step on arcs at corners, from the chord formula for the allowance.
    let arcStepDegrees: Double

    init(geodesic: Geodesic, radiusMeters: Double, allowanceMeters: Double) {
        self.geodesic = geodesic
        self.radiusMeters = radiusMeters
        // Arc vertices lie on the circle, so the chord's sag alone must stay within the allowance.
        let step = 2 * acos(max(-1, 1 - 0.9 * allowanceMeters / radiusMeters)) * 180 / .pi
        arcStepDegrees = min(10, step)
    }

    private func offset(_ p: LonLat, _ azimuth: Double) -> LonLat {
        geodesic.direct(from: p, azimuthDegrees: azimuth, distanceMeters: radiusMeters, unrollLongitude: true).position
    }

    /// Appends the offset points around station `p` on its right-hand side, turning from
    /// `incoming` to `outgoing` (forward azimuths of the pieces before and after it).
    private func corner(_ p: LonLat, incoming: Double, outgoing: Double, into out: inout [LonLat]) {
        let turn = (outgoing - incoming).remainder(dividingBy: 360)   // > 0: right turn, < 0: left turn
        let from = incoming + 90
        if abs(turn) <= arcStepDegrees {
            // Nearly straight: one offset along the mean normal is within the allowance.
            out.append(offset(p, from + turn / 2))
        } else if turn > 0 {
            // Concave for the right side: the two offsets cross; the loop they make is inside the envelope.
            out.append(offset(p, from))
            out.append(offset(p, from + turn))
        } else {
            // Convex for the right side: an arc from one normal to the other.
            let steps = Int((abs(turn) / arcStepDegrees).rounded(.up))
            for k in 0...steps { out.append(offset(p, from + turn * Double(k) / Double(steps))) }
        }
    }

    /// Closed offset loop on the right of a closed ring (first == last). For rings oriented with the
    /// polygon's interior on the left this is the outward offset.
    func loop(ring: [LonLat]) -> [LonLat] {
        let n = ring.count - 1
        guard n >= 3 else { return [] }
        var forward = [Double](repeating: 0, count: n)   // azimuth of piece i→i+1 at i
        var arrive = [Double](repeating: 0, count: n)    // azimuth of piece i→i+1 at i+1
        for i in 0..<n {
            let inv = geodesic.inverse(ring[i], ring[i + 1])
            forward[i] = inv.azimuth1Degrees
            arrive[i] = inv.azimuth2Degrees
        }
        var out = [LonLat]()
        out.reserveCapacity(n + 16)
        for i in 0..<n {
            corner(ring[i], incoming: arrive[(i + n - 1) % n], outgoing: forward[i], into: &out)
        }
        if let first = out.first { out.append(first) }
        return LonLatFrame.unrollPath(out, near: ring[0].longitude)
    }

    /// The loop with runs of points known to be inside the envelope removed. Such points (offsets of
    /// stations in bays and wiggles, closer than the range to another station) cannot be on the envelope's
    /// boundary. Around a run, the offset curve coming in and the one going out cross at the envelope's
    /// concave cusp: the run is replaced by that crossing. Where no crossing is found near the run's ends
    /// the run shrinks to its two ends, or is kept whole when those are far apart, so the shortcut never
    /// spans a stretch where the envelope could bend away; the crossings left are resolved by noding
    /// and face classification.
    func pruned(_ loop: [LonLat], isInterior: (LonLat) -> Bool) -> [LonLat] {
        guard loop.count > 8 else { return loop }
        let interior = loop.map(isInterior)
        guard interior.contains(false) else { return [] }
        // Start at a surviving point so that every run has a survivor on both sides.
        let start = interior.firstIndex(of: false)!
        let n = loop.count - 1                      // the loop is closed: loop[n] == loop[0]
        func at(_ k: Int) -> Int { (start + k) % n }
        var out = [LonLat]()
        out.reserveCapacity(n / 4)
        var k = 0
        while k < n {
            let i = at(k)
            guard interior[i] else { out.append(loop[i]); k += 1; continue }
            var runEnd = k
            while runEnd + 1 < n && interior[at(runEnd + 1)] { runEnd += 1 }
            let run = (k...runEnd).map { loop[at($0)] }
            let before = out.last!, after = loop[at(runEnd + 1)]
            if let cusp = Self.crossing(before: before, run: run, after: after) {
                out += cusp
            } else if run.count > 2, geodesic.distanceMeters(run[0], run[run.count - 1]) < radiusMeters / 8 {
                // Keep the run's two ends: the loop still crosses itself there and noding resolves it.
                out += [run[0], run[run.count - 1]]
            } else {
                out += run
            }
            k = runEnd + 1
        }
        out.append(out[0])
        return LonLatFrame.unrollPath(out, near: out[0].longitude)
    }

    /// The first crossing of the chain going into the run from `before` with the chain coming out of it
    /// to `after`, as the points to put in the run's place (planar in lon/lat; pieces are short).
    private static func crossing(before: LonLat, run: [LonLat], after: LonLat) -> [LonLat]? {
        let forward = [before] + run
        let backward = run + [after]
        // The crossing is near the run's ends: the curve entering it and the curve leaving it.
        let window = 48
        for a in 0..<min(window, forward.count - 1) {
            for b in stride(from: backward.count - 2, through: max(0, backward.count - 1 - window), by: -1) where b + 1 > a {
                if let x = segmentIntersection(forward[a], forward[a + 1], backward[b], backward[b + 1]) {
                    // Keep the pieces of the two chains that lie outside the crossing.
                    return Array(forward[1..<(a + 1)]) + [x] + Array(backward[(b + 1)..<(backward.count - 1)])
                }
            }
        }
        return nil
    }

    private static func segmentIntersection(_ p: LonLat, _ p2: LonLat, _ q: LonLat, _ q2: LonLat) -> LonLat? {
        let rx = p2.longitude - p.longitude, ry = p2.latitude - p.latitude
        let sx = q2.longitude - q.longitude, sy = q2.latitude - q.latitude
        let denominator = rx * sy - ry * sx
        guard denominator != 0 else { return nil }
        let qpx = q.longitude - p.longitude, qpy = q.latitude - p.latitude
        let t = (qpx * sy - qpy * sx) / denominator
        let u = (qpx * ry - qpy * rx) / denominator
        guard t > 0, t < 1, u > 0, u < 1 else { return nil }
        return LonLat(longitude: p.longitude + t * rx, latitude: p.latitude + t * ry)
    }

    /// Closed loop around an open path: its right side forward, a round cap, its left side back, a cap.
    func loop(line: [LonLat]) -> [LonLat] {
        guard line.count >= 2 else { return [] }
        let reversed = Array(line.reversed())
        var out = [LonLat]()
        for path in [line, reversed] {
            let n = path.count
            var forward = [Double](), arrive = [Double]()
            for i in 0..<(n - 1) {
                let inv = geodesic.inverse(path[i], path[i + 1])
                forward.append(inv.azimuth1Degrees)
                arrive.append(inv.azimuth2Degrees)
            }
            // A round cap at the path's start: a half turn from its left normal, round the back, to its right.
            let steps = max(2, Int((180 / arcStepDegrees).rounded(.up)))
            for k in 0...steps { out.append(offset(path[0], forward[0] - 90 - 180 * Double(k) / Double(steps))) }
            for i in 1..<(n - 1) { corner(path[i], incoming: arrive[i - 1], outgoing: forward[i], into: &out) }
            // The path's end is the reverse pass's start: its cap continues from here.
        }
        if let first = out.first { out.append(first) }
        return LonLatFrame.unrollPath(out, near: line[0].longitude)
    }
}
