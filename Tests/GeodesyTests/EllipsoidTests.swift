import Testing
@testable import Geodesy

/// Ellipsoids by parameters and by PROJ name (values from PROJ's table, `proj -le`, and the defining documents).
struct EllipsoidTests {
    @Test func wgs84Defaults() {
        #expect(Ellipsoid.wgs84.semiMajorAxisMeters == 6_378_137)
        #expect(Ellipsoid.wgs84.flattening == 1 / 298.257223563)
        #expect(Geodesic().ellipsoid == .wgs84)
    }

    @Test func grs80ByName() throws {
        let e = try Ellipsoid(named: "GRS80")
        #expect(e.semiMajorAxisMeters == 6_378_137)
        #expect(abs(e.flattening - 1 / 298.257222101) < 1e-18)
        #expect(e.name == "GRS80")
    }

    @Test func internationalByName() throws {
        let e = try Ellipsoid(named: "intl")
        #expect(e.semiMajorAxisMeters == 6_378_388)
        #expect(abs(e.flattening - 1 / 297.0) < 1e-18)
    }

    @Test func clarke1866GivenBySemiMinorAxis() throws {
        // PROJ lists clrk66 as a=6378206.4 b=6356583.8.
        let e = try Ellipsoid(named: "clrk66")
        #expect(abs(e.semiMinorAxisMeters - 6_356_583.8) < 1e-6)
    }

    @Test func wgs84ByNameEqualsDefault() throws {
        let e = try Ellipsoid(named: "WGS84")
        #expect(e.semiMajorAxisMeters == Ellipsoid.wgs84.semiMajorAxisMeters)
        #expect(abs(e.flattening - Ellipsoid.wgs84.flattening) < 1e-18)
        #expect(try Ellipsoid(named: "wgs84").name == "WGS84")
    }

    @Test func unknownNameSuggestsCloseOnes() {
        #expect {
            try Ellipsoid(named: "GRS81")
        } throws: { error in
            let e = error as? GeodesyError
            return e?.kind == .unknownEllipsoid && e!.message.contains("GRS81") && e!.message.contains("GRS80")
        }
    }

    @Test(arguments: [(0.0, 0.003), (-1.0, 0.003), (Double.nan, 0.003), (Double.infinity, 0.003)])
    func invalidSemiMajorAxisIsNamed(a: Double, f: Double) {
        #expect {
            try Ellipsoid(semiMajorAxisMeters: a, flattening: f)
        } throws: { error in
            let e = error as? GeodesyError
            return e?.kind == .invalidEllipsoid && e!.message.contains("semi-major axis \(a)")
        }
    }

    @Test(arguments: [1.0, 2.0, Double.nan, -Double.infinity])
    func invalidFlatteningIsNamed(f: Double) {
        #expect {
            try Ellipsoid(semiMajorAxisMeters: 6_378_137, flattening: f)
        } throws: { error in
            let e = error as? GeodesyError
            return e?.kind == .invalidEllipsoid && e!.message.contains("flattening \(f)")
        }
    }

    @Test func sphereAndCustomNameDefault() throws {
        let sphere = try Ellipsoid(semiMajorAxisMeters: 6_371_000, flattening: 0)
        #expect(sphere.name == "a=6371000.0,f=0.0")
        // On a sphere, a quarter meridian is π/2 · R.
        let d = Geodesic(sphere).inverse(latitude1: 0, longitude1: 0, latitude2: 90, longitude2: 0).distanceMeters
        #expect(abs(d - .pi / 2 * 6_371_000) < 1e-6)
    }
}
