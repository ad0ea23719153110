import Testing
@testable import Geodesy

/// `Geodesic.counting(into:)` (issue 15): every solve through the counting value and its lines is tallied,
/// nothing through the plain one, and workers sharing one counter lose no count.
struct GeodesicCallCounterTests {
    @Test func countsEachKindOfSolve() {
        let counter = GeodesicCallCounter()
        let g = Geodesic.wgs84.counting(into: counter)
        let a = LonLat(longitude: 30, latitude: 50), b = LonLat(longitude: 37, latitude: 55)
        _ = g.inverse(a, b)
        _ = g.distanceMeters(a, b)
        _ = g.direct(from: a, azimuthDegrees: 45, distanceMeters: 1_000)
        _ = g.directWithReducedLength(from: a, azimuthDegrees: 45, distanceMeters: 1_000)
        let line = g.line(from: a, to: b)
        for k in 0..<5 { _ = line.position(distanceMeters: Double(k) * 100) }
        _ = Geodesic.wgs84.inverse(a, b)   // not counted: the plain value carries no counter
        #expect(counter.counts == GeodesicCallCounts(inverse: 2, direct: 2, lineSolves: 1, linePositions: 5))
        #expect(counter.counts.inverseEquivalents == 2 + 1 + 0.5 * 2 + 0.2 * 5)
        // Counting changes no answer.
        #expect(g.inverse(a, b) == Geodesic.wgs84.inverse(a, b))
    }

    @Test func sharedCounterLosesNothingAcrossThreads() async {
        let counter = GeodesicCallCounter()
        let g = Geodesic.wgs84.counting(into: counter)
        await withTaskGroup(of: Void.self) { group in
            for t in 0..<4 {
                group.addTask {
                    for k in 0..<1_000 {
                        _ = g.inverse(LonLat(longitude: Double(t), latitude: 10), LonLat(longitude: Double(k % 90), latitude: 20))
                    }
                }
            }
        }
        #expect(counter.counts.inverse == 4_000)
    }
}
