import Foundation
import Testing
@testable import Geodesy

/// `Transformation` against PROJ's `cs2cs -f %.9f` (fixture: Scripts/fixtures/make-transformation-fixtures.sh).
/// cs2cs prints 1e-9 m; tolerances: 1e-6 m forward (same library, so agreement is expected at print
/// resolution), 1e-9° for the inverse (≈ 0.1 mm), round trips 1e-9°.
struct TransformationTests {
    struct Case { let crs: Substring; let lon, lat, x, y: Double }

    static func cases(_ crs: String) throws -> [Case] {
        try Fixture.rows("transformations.txt").filter { $0[0] == crs }.map {
            Case(crs: $0[0], lon: $0[1].double, lat: $0[2].double, x: $0[3].double, y: $0[4].double)
        }
    }

    @Test(arguments: ["EPSG:3857", "EPSG:32636"])
    func forwardMatchesCs2cs(crs: String) throws {
        let cases = try Self.cases(crs)
        #expect(cases.count > 50)
        let t = try Transformation(from: "EPSG:4326", to: crs)
        var xs = cases.map(\.lon), ys = cases.map(\.lat)
        try t.transform(x: &xs, y: &ys)
        for (i, c) in cases.enumerated() {
            #expect(abs(xs[i] - c.x) < 1e-6 && abs(ys[i] - c.y) < 1e-6, "\(crs) \(c.lon) \(c.lat): \(xs[i]) \(ys[i]) vs \(c.x) \(c.y)")
        }
    }

    @Test(arguments: ["EPSG:3857", "EPSG:32636"])
    func inverseMatchesCs2cs(crs: String) throws {
        let cases = try Self.cases(crs)
        let t = try Transformation(from: "EPSG:4326", to: crs)
        var xs = cases.map(\.x), ys = cases.map(\.y)
        try t.transform(x: &xs, y: &ys, direction: .inverse)
        for (i, c) in cases.enumerated() {
            #expect(abs(xs[i] - c.lon) < 1e-9 && abs(ys[i] - c.lat) < 1e-9, "\(crs) \(c.x) \(c.y): \(xs[i]) \(ys[i]) vs \(c.lon) \(c.lat)")
        }
    }

    @Test(arguments: ["EPSG:3857", "EPSG:32636"])
    func roundTripThroughTheReverseTransformation(crs: String) throws {
        let cases = try Self.cases(crs)
        let there = try Transformation(from: "EPSG:4326", to: crs), back = try Transformation(from: crs, to: "EPSG:4326")
        var xs = cases.map(\.lon), ys = cases.map(\.lat)
        try there.transform(x: &xs, y: &ys)
        try back.transform(x: &xs, y: &ys)
        for (i, c) in cases.enumerated() {
            #expect(abs(xs[i] - c.lon) < 1e-9 && abs(ys[i] - c.lat) < 1e-9)
        }
    }

    @Test func geographicIsLongitudeFirst() throws {
        // Moscow-ish: easting must come from the longitude; in lat/lon order it would be ~6.2e6.
        let p = try Transformation(from: "EPSG:4326", to: "EPSG:3857").transform(x: 37.6, y: 55.75)
        #expect(abs(p.x - 4_185_580.0) < 100)
    }

    @Test(arguments: ["EPSG:999999", "+proj=nonsense"])
    func unknownCRSCarriesProjText(crs: String) {
        #expect {
            try Transformation(from: "EPSG:4326", to: crs)
        } throws: { error in
            guard let e = error as? GeodesyError, e.kind == .proj else { return false }
            // PROJ's own log text, not only its error number ("Unknown error (code 4096)").
            return e.message.contains(crs) && e.message.contains("proj_create")
        }
    }

    @Test func unknownEPSGCodeSaysCrsNotFound() {
        #expect {
            try Transformation(from: "EPSG:999999", to: "EPSG:4326")
        } throws: { error in
            (error as? GeodesyError)?.message.contains("crs not found") == true
        }
    }

    @Test func failingPointThrowsWithProjText() throws {
        let t = try Transformation(from: "EPSG:4326", to: "EPSG:3857")
        var xs = [10.0, 10.0], ys = [45.0, 91.0]  // cs2cs: "*	* inf" and "webmerc: Invalid latitude"
        #expect {
            try t.transform(x: &xs, y: &ys)
        } throws: { error in
            guard let e = error as? GeodesyError, e.kind == .proj else { return false }
            return e.message.contains("index 1") && e.message.contains("Invalid latitude")
        }
        // The context's messages are cleared before the next call: a good call does not throw.
        #expect(throws: Never.self) { _ = try t.transform(x: 10, y: 45) }
    }

    @Test func mismatchedCountsAreRejected() throws {
        let t = try Transformation(from: "EPSG:4326", to: "EPSG:3857")
        var xs = [1.0, 2.0], ys = [1.0]
        #expect(throws: GeodesyError.self) { try t.transform(x: &xs, y: &ys) }
    }

    @Test func projVersionIsReported() {
        // The same release cs2cs reports ("Rel. 9.1.1, December 1st, 2022" on this machine's PROJ).
        let parts = ProjLibrary.version.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil }, "\(ProjLibrary.version)")
    }
}
