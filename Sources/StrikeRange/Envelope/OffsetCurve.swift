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
