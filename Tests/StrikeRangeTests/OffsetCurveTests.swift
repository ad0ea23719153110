import Foundation
import Geodesy
import Testing
import TestSupport
@testable import StrikeRange

/// The raw offset loop against a naive oracle (issue 14 item 7): around a convex ring (interior on the left),
/// every vertex of the loop is at the radius from its station and no station is nearer than the radius
/// (naive minimum over all stations, exact inverses), and consecutive vertices on a corner arc are close
/// enough for the allowance. Seeded random rings worldwide, across ±180°.
@Suite struct OffsetCurveTests {
    /// A convex ring, counter-clockwise in lon/lat (interior on the left), closed.
    static func convexRing(_ rng: inout SplitMix64, center: LonLat, spanDegrees: Double, vertices: Int) -> [LonLat] {
        var ring = (0..<vertices).map { k -> LonLat in
            let angle = 2 * Double.pi * (Double(k) + 0.3 * rng.nextUnit()) / Double(vertices)
            return LonLat(longitude: center.longitude + spanDegrees * cos(angle) / cos(center.latitude * .pi / 180),
                          latitude: center.latitude + spanDegrees * sin(angle))
        }
        ring.append(ring[0])
        return ring
    }

    @Test(arguments: [2_000.0, 70_000, 300_000, 1_500_000])
    func loopVerticesAreAtTheRadiusAndNoStationIsNearer(radiusMeters: Double) {
        var rng = SplitMix64(seed: UInt64(radiusMeters) &+ 14)
        let g = Geodesic.wgs84
        for k in 0..<6 {
            let center = LonLat(longitude: k == 0 ? 179.5 : 360 * rng.nextUnit() - 180, latitude: 140 * rng.nextUnit() - 70)
            let ring = Self.convexRing(&rng, center: center, spanDegrees: 0.2 + 1.5 * rng.nextUnit(), vertices: 9)
            let curve = OffsetCurve(geodesic: g, radiusMeters: radiusMeters, allowanceMeters: 10)
            let loop = curve.loop(ring: ring)
            #expect(loop.count >= ring.count)
            var worstBelow = 0.0, worstOff = 0.0
            for v in loop {
                let distances = ring.dropLast().map { g.distanceMeters($0, v) }
                let nearest = distances.min()!
                worstBelow = max(worstBelow, radiusMeters - nearest)
                worstOff = max(worstOff, abs(nearest - radiusMeters))
            }
            // 1 mm: the solver's round trip; a station nearer than that would mean a vertex inside the range.
            #expect(worstBelow < 1e-3, "centre \(center), r \(radiusMeters) m: a station is \(worstBelow) m nearer than the radius")
            #expect(worstOff < 1e-3, "centre \(center), r \(radiusMeters) m: a vertex is \(worstOff) m off the radius of every station")
        }
    }
}
