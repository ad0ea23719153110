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

    /// An upper bound of a point's distance to the launch area (e.g. to its nearest station), used to
    /// skip arcs that lie wholly inside the envelope; nil to generate every arc. The second argument is
    /// the bound that would suffice: an implementation may return any value below it without searching.
    let upperDistance: ((LonLat, Double) -> Double)?
    let allowanceMeters: Double

    init(geodesic: Geodesic, radiusMeters: Double, allowanceMeters: Double, upperDistance: ((LonLat, Double) -> Double)? = nil) {
        self.geodesic = geodesic
        self.radiusMeters = radiusMeters
        self.allowanceMeters = allowanceMeters
        self.upperDistance = upperDistance
        // Arc vertices lie on the circle, so the chord's sag alone must stay under the refinement threshold (0.75 of the allowance).
        let step = 2 * acos(max(-1, 1 - 0.7 * allowanceMeters / radiusMeters)) * 180 / .pi
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
            // Convex for the right side: an arc from one normal to the other. Every arc point is within
            // R·|turn|/2 of the arc's middle point, so if that middle point is closer than the range by
            // more than this, the whole arc is inside the envelope and its middle point stands for it.
            let middle = offset(p, from + turn / 2)
            let needed = radiusMeters - allowanceMeters - radiusMeters * abs(turn) * .pi / 360
            if let upperDistance, upperDistance(middle, needed) < needed {
                out.append(middle)
                return
            }
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
    /// concave cusp: the run is replaced by that crossing, if the crossing is checked to lie on the range.
    /// Otherwise the run is kept whole and its crossings are resolved by noding and face classification.
    /// (Shortening a run to its two ends was tried and is unsound: the chord between them can cut
    /// across the true boundary, leaving vertices hundreds of metres off.)
    func pruned(_ loop: [LonLat], isInterior: (LonLat) -> Bool, isOnBoundary: (LonLat) -> Bool) -> [[LonLat]] {
        guard loop.count > 8 else { return [loop] }
        let closedFlags = loop.map(isInterior)
        guard closedFlags.contains(false) else { return [] }
        // Start in the middle of the longest stretch of survivors, far from any cusp, so that the seam
        // where the path closes is plain boundary.
        let start = Self.middleOfLongestStretch(closedFlags.dropLast().map { !$0 })
        var pieces = [[LonLat]]()
        // Work on the loop as an open path that starts and ends at the same surviving point.
        let n = loop.count - 1
        let path = (0...n).map { loop[(start + $0) % n] }
        let interior = (0...n).map { closedFlags[(start + $0) % n] }
        var out = [LonLat]()
        // For each emitted point, the path index it stands at (a crossing stands where its cut begins).
        var outIndex = [Int]()
        out.reserveCapacity(n / 4)
        outIndex.reserveCapacity(n / 4)
        var k = 0
        while k <= n {
            guard interior[k] else { out.append(path[k]); outIndex.append(k); k += 1; continue }
            var j = k
            while j + 1 <= n && interior[j + 1] { j += 1 }
            // The flag has a margin, so the true cusp is just before the run and just after it: look for
            // the crossing of the chain entering the run with the chain leaving it, around both ends.
            if let cut = crossing(path, runStart: k, runEnd: j, isOnBoundary: isOnBoundary), cut.firstRemoved > 0 {
                // Drop what was already emitted past the crossing, then resume after it.
                while let last = outIndex.last, last >= cut.firstRemoved, out.count > 1 {
                    out.removeLast(); outIndex.removeLast()
                }
                out.append(cut.point); outIndex.append(cut.firstRemoved)
                k = cut.resume
            } else if j - k + 1 <= 2 * Self.stubLength {
                out += path[k...j]
                outIndex += Array(k...j)
                k = j + 1
            } else {
                // A long run whose ends cross other parts of the loop: cut it out, leaving a stub on each
                // side long enough to reach those crossings; noding finds them and polygonize drops the
                // dangling stub ends.
                out += path[k..<(k + Self.stubLength)]
                pieces.append(out)
                out = Array(path[(j + 1 - Self.stubLength)...j])
                outIndex = Array((j + 1 - Self.stubLength)...j)
                k = j + 1
            }
        }
        if pieces.isEmpty {
            if out.first != out.last, let first = out.first { out.append(first) }
        } else {
            // The path began at a survivor, so the last piece runs on into the first.
            pieces[0] = out + pieces[0].dropFirst()
            out = []
        }
        if !out.isEmpty { pieces.append(out) }
        return pieces.filter { $0.count >= 2 }.map { LonLatFrame.unrollPath($0, near: $0[0].longitude) }
    }

    private static func middleOfLongestStretch(_ flags: [Bool]) -> Int {
        let n = flags.count
        var best = (start: 0, length: 0)
        guard let first = flags.firstIndex(of: false) else { return 0 }
        var k = 0
        while k < n {
            let i = (first + k) % n
            guard flags[i] else { k += 1; continue }
            var length = 0
            while length < n && flags[(i + length) % n] { length += 1 }
            if length > best.length { best = (i, length) }
            k += length
        }
        return (best.start + best.length / 2) % n
    }

    /// Interior points kept past each end of a cut run: far enough to reach the cusp it ends at.
    static let stubLength = 400

    /// The crossing of segment (a, a+1), entering the run, with segment (b, b+1), leaving it, nearest
    /// to the run; `firstRemoved` = a + 1 and `resume` = b + 1 index the path.
    private func crossing(_ path: [LonLat], runStart: Int, runEnd: Int, isOnBoundary: (LonLat) -> Bool)
        -> (point: LonLat, firstRemoved: Int, resume: Int)? {
        for window in [8, 48] {
            let aLow = max(0, runStart - window), aHigh = min(runEnd, runStart + window)
            let bLow = max(runStart, runEnd - window), bHigh = min(path.count - 2, runEnd + window)
            guard aLow <= aHigh, bLow <= bHigh else { continue }
            var best: (point: LonLat, firstRemoved: Int, resume: Int)?
            for a in stride(from: aHigh, through: aLow, by: -1) {
                for b in bLow...bHigh where b > a + 1 {
                    guard let x = Self.segmentIntersection(path[a], path[a + 1], path[b], path[b + 1]) else { continue }
                    // Prefer the crossing that removes the least.
                    if best == nil || (b - a) < (best!.resume - best!.firstRemoved + 1) {
                        best = (x, a + 1, b + 1)
                    }
                }
            }
            if let best, isOnBoundary(best.point) { return best }
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
