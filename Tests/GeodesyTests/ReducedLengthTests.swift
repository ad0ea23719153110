import Testing
@testable import Geodesy

/// `directWithReducedLength` against GeographicLib's own GeodSolve (`-f` prints m12), including a
/// 19,000 km geodesic past the antipodal region where m12 turns small.
@Suite struct ReducedLengthTests {
    @Test func matchesGeodSolve() throws {
        let rows = try Fixture.rows("reduced-length.txt")
        #expect(rows.count == 4)
        for r in rows {
            let (end, m12) = Geodesic.wgs84.directWithReducedLength(
                from: LonLat(longitude: r[1].double, latitude: r[0].double), azimuthDegrees: r[2].double, distanceMeters: r[6].double)
            #expect(abs(end.latitude - r[3].double) < 1e-9)
            #expect(angleDifferenceDegrees(end.longitude, r[4].double) < 1e-9)
            #expect(angleDifferenceDegrees(end.azimuth2Degrees, r[5].double) < 1e-9)
            #expect(abs(m12 - r[8].double) < 1e-6, "m12 \(m12) vs \(r[8])")
        }
    }
}
