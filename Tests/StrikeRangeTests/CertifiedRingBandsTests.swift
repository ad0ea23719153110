import Foundation
import Geodesy
import Testing
@testable import StrikeRange

/// The certifier's banded point-in-ring test answers exactly as its plain crossing-number scan.
@Suite struct CertifiedRingBandsTests {
    @Test func bandedEqualsPlainScan() {
        var rng = SeededGenerator(seed: 17)
        for _ in 0..<20 {
            // A star-shaped ring with 40–400 vertices, sometimes across ±180° (unrolled past 180).
            let n = Int.random(in: 40...400, using: &rng)
            let lon0 = Double.random(in: -180...180, using: &rng), lat0 = Double.random(in: -70...70, using: &rng)
            var ring = (0..<n).map { k -> LonLat in
                let a = Double(k) / Double(n) * 2 * .pi, r = Double.random(in: 0.3...3, using: &rng)
                return LonLat(longitude: lon0 + r * cos(a), latitude: lat0 + r * sin(a))
            }
            ring.append(ring[0])
            let banded = CertifiedLaunch.RingBands(ring)
            for _ in 0..<500 {
                let q = LonLat(longitude: lon0 + Double.random(in: -4...4, using: &rng), latitude: lat0 + Double.random(in: -4...4, using: &rng))
                #expect(banded.contains(q) == CertifiedLaunch.ringContains(ring, q), "\(q)")
            }
        }
    }
}
