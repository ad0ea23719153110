import Foundation
import Geodesy
import Testing
import TestSupport
@testable import StrikeRange

/// The k-d tree on unit vectors against the naive answer: every station's squared chord, the least taken
/// (issue 14 item 7). Random stations worldwide (clustered and spread, duplicates, poles, ±180°) and random
/// queries, seeded.
@Suite struct UnitVectorIndexTests {
    static func randomLonLat(_ rng: inout SplitMix64) -> LonLat {
        // Uniform on the sphere: latitude from the arcsine of a uniform z.
        LonLat(longitude: 360 * rng.nextUnit() - 180, latitude: asin(2 * rng.nextUnit() - 1) * 180 / .pi)
    }

    static func stations(_ rng: inout SplitMix64, count: Int) -> [UnitVector] {
        var out = [UnitVector]()
        let center = randomLonLat(&rng)
        for k in 0..<count {
            switch k % 5 {
            case 0: out.append(UnitVector(randomLonLat(&rng)))   // spread over the globe
            case 1: out.append(UnitVector(LonLat(longitude: center.longitude + rng.nextUnit() - 0.5,
                                                 latitude: max(-90, min(90, center.latitude + rng.nextUnit() - 0.5)))))
            case 2: out.append(UnitVector(LonLat(longitude: rng.nextUnit() < 0.5 ? 180 : -180, latitude: 180 * rng.nextUnit() - 90)))
            case 3: out.append(UnitVector(LonLat(longitude: 360 * rng.nextUnit() - 180, latitude: rng.nextUnit() < 0.5 ? 90 : -90)))
            default: out.append(out[Int(rng.nextUnit() * Double(out.count))])   // a duplicate
            }
        }
        return out
    }

    @Test(arguments: [1, 2, 7, 64, 1_000])
    func nearestEqualsTheNaiveMinimum(count: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        for _ in 0..<5 {
            let vectors = Self.stations(&rng, count: count)
            let index = UnitVectorIndex(vectors)
            for _ in 0..<200 {
                let q = UnitVector(Self.randomLonLat(&rng))
                let naive = vectors.map { $0.squaredChord(q) }.min()!
                let found = index.nearest(q)
                #expect(found.index >= 0 && found.index < count)
                #expect(found.squaredChord == naive, "nearest \(found.squaredChord), naive \(naive)")
                #expect(vectors[found.index].squaredChord(q) == found.squaredChord)
            }
        }
    }

    @Test func withinEqualsTheNaiveSelection() {
        var rng = SplitMix64(seed: 99)
        let vectors = Self.stations(&rng, count: 2_000)
        let index = UnitVectorIndex(vectors)
        for radius in [0.0, 1e-6, 0.01, 0.3, 2.0, 4.0] {   // squared chords: 4 is the whole sphere
            for _ in 0..<50 {
                let q = UnitVector(Self.randomLonLat(&rng))
                var found = [Int]()
                index.within(q, radiusSquared: radius, into: &found)
                let naive = vectors.indices.filter { vectors[$0].squaredChord(q) <= radius }
                #expect(found.sorted() == naive, "radius² \(radius): \(found.count) found, \(naive.count) naive")
            }
        }
    }

    @Test func emptyIndexFindsNothing() {
        let index = UnitVectorIndex([])
        #expect(index.nearest(UnitVector(LonLat(longitude: 0, latitude: 0))).index < 0)
        var found = [Int]()
        index.within(UnitVector(LonLat(longitude: 0, latitude: 0)), radiusSquared: 4, into: &found)
        #expect(found.isEmpty)
    }
}
