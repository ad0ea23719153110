import Foundation
import Testing
@testable import Geodesy

/// `geod_direct` / `geod_gendirect` against `GeodSolve [-u] -p 9` (fixture: Scripts/fixtures/make-geodesic-fixtures.py).
/// GeodSolve prints latitudes, longitudes and azimuths to 1e-14°. Tolerances, for every kind of case:
/// end point 1e-12° in latitude and in longitude × cos(latitude) (≈ 0.1 µm on the ground; near a pole the
/// longitude hardly means anything, so it is weighed by cos lat), azimuth 1e-11°.
/// Measured worst (GEODESY_REPORT_ERRORS=1): 7.1e-15° for both.
struct GeodesicDirectTests {
    struct Case: CustomTestStringConvertible {
        let category: Substring
        let unroll: Bool
        let lat1, lon1, azi1, s12, lat2, lon2, azi2: Double
        var testDescription: String { "\(category) unroll=\(unroll) \(lat1) \(lon1) \(azi1) \(s12)" }
    }

    static let cases: [Case] = {
        (try? Fixture.rows("geodesic-direct.txt"))?.map { f in
            Case(category: f[0], unroll: f[1] == "1", lat1: f[2].double, lon1: f[3].double, azi1: f[4].double,
                 s12: f[5].double, lat2: f[6].double, lon2: f[7].double, azi2: f[8].double)
        } ?? []
    }()

    static let positionToleranceDegrees = 1e-12
    static let azimuthToleranceDegrees = 1e-11

    @Test func fixtureCoversEveryCategoryWithOverAThousandCases() {
        #expect(Self.cases.count >= 1000)
        #expect(Set(Self.cases.map(\.category)) == ["random", "antipodal", "short", "nearpole", "oppositepoles", "meridional", "equatorial", "unrolled"])
    }

    @Test func matchesGeodSolve() {
        let g = Geodesic.wgs84
        var worst: [Substring: (position: Double, azimuth: Double)] = [:]
        for c in Self.cases {
            let r = g.direct(latitude: c.lat1, longitude: c.lon1, azimuthDegrees: c.azi1, distanceMeters: c.s12,
                             unrollLongitude: c.unroll)
            let dLon = c.unroll ? abs(r.longitude - c.lon2) : angleDifferenceDegrees(r.longitude, c.lon2)
            let posErr = max(abs(r.latitude - c.lat2), dLon * cos(c.lat2 * .pi / 180))
            let aziErr = angleDifferenceDegrees(r.azimuth2Degrees, c.azi2)
            #expect(posErr <= Self.positionToleranceDegrees, "end point off by \(posErr)°: \(c.testDescription)")
            #expect(aziErr <= Self.azimuthToleranceDegrees, "azimuth off by \(aziErr)°: \(c.testDescription)")
            if c.unroll { #expect(abs(r.longitude - c.lon2) < 1e-9, "unrolled longitude \(r.longitude) vs \(c.lon2)") }
            let w = worst[c.category, default: (0, 0)]
            worst[c.category] = (max(w.position, posErr), max(w.azimuth, aziErr))
        }
        if ProcessInfo.processInfo.environment["GEODESY_REPORT_ERRORS"] != nil {
            for (k, v) in worst.sorted(by: { $0.key < $1.key }) { print("direct \(k): position \(v.position)°, azimuth \(v.azimuth)°") }
        }
    }

    @Test func unrolledLongitudeCountsTurnsAroundTheGlobe() {
        // An equatorial geodesic of 1.5 circumferences eastwards: unrolled it ends 540° east, reduced at −180.
        let g = Geodesic.wgs84
        let circumference = 2 * Double.pi * Ellipsoid.wgs84.semiMajorAxisMeters
        let unrolled = g.direct(latitude: 0, longitude: 0, azimuthDegrees: 90, distanceMeters: 1.5 * circumference, unrollLongitude: true)
        let reduced = g.direct(latitude: 0, longitude: 0, azimuthDegrees: 90, distanceMeters: 1.5 * circumference)
        #expect(abs(unrolled.longitude - 540) < 1e-9)
        #expect(abs(abs(reduced.longitude) - 180) < 1e-9)
    }
}
