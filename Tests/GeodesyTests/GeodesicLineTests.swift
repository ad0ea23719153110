import Foundation
import Testing
@testable import Geodesy

/// `geod_inverseline` / `geod_directline` + `geod_genposition`, checked against the inverse and direct
/// solutions, which are themselves checked against GeodSolve. Tolerances 1e-8 m and 1e-12°.
struct GeodesicLineTests {
    let g = Geodesic.wgs84
    let jfk = LonLat(longitude: -73.78, latitude: 40.64)
    let sin = LonLat(longitude: 103.99, latitude: 1.36)

    @Test func inverseLineHasTheInverseLengthAndEndsAtTheEnd() {
        let line = g.line(from: jfk, to: sin)
        // GeodSolve -i -p 9: 15347512.940512940
        #expect(abs(line.distanceMeters - 15_347_512.940512940) < 1e-8)
        let end = line.position(fraction: 1, unrollLongitude: false)
        #expect(abs(end.latitude - sin.latitude) < 1e-12 && abs(end.longitude - sin.longitude) < 1e-12)
        let inv = g.inverse(jfk, sin)
        #expect(angleDifferenceDegrees(end.azimuth2Degrees, inv.azimuth2Degrees) < 1e-11)
    }

    @Test func positionsEqualDirectSolutions() {
        let line = g.line(from: jfk, azimuthDegrees: 30, distanceMeters: 5e6)
        #expect(line.distanceMeters == 5e6)
        for s in stride(from: -1e6, through: 6e6, by: 7e5) {
            let p = line.position(distanceMeters: s, unrollLongitude: false)
            let d = g.direct(from: jfk, azimuthDegrees: 30, distanceMeters: s)
            #expect(abs(p.latitude - d.latitude) < 1e-12 && angleDifferenceDegrees(p.longitude, d.longitude) < 1e-12)
        }
    }

    @Test func densifiedRespectsSpacingAndUnrollsAcrossTheAntimeridian() {
        let a = LonLat(longitude: 170, latitude: 50), b = LonLat(longitude: -170, latitude: 55)
        let line = g.line(from: a, to: b)
        let points = line.densified(maximumSpacingMeters: 50_000)
        #expect(points.first == a)
        #expect(points.count == Int((line.distanceMeters / 50_000).rounded(.up)) + 1)
        #expect(abs(points.last!.longitude - 190) < 1e-9)  // unrolled: continuous from 170
        #expect(zip(points, points.dropFirst()).allSatisfy { $1.longitude > $0.longitude })
        for (p, q) in zip(points, points.dropFirst()) {
            #expect(g.distanceMeters(p, q) <= 50_000 + 1e-6)
        }
        let wrapped = line.densified(maximumSpacingMeters: 50_000, unrollLongitude: false)
        #expect(wrapped.allSatisfy { (-180...180).contains($0.longitude) })
        #expect(abs(wrapped.last!.longitude + 170) < 1e-9)
    }

    @Test func shortLineDensifiesToItsEnds() {
        let a = LonLat(longitude: 34, latitude: 53), b = LonLat(longitude: 34.001, latitude: 53)
        #expect(g.line(from: a, to: b).densified(maximumSpacingMeters: 1e6).count == 2)
    }
}
