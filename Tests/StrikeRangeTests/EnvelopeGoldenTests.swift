import Foundation
import GeoJSON
import Geometry
import Testing
import StrikeRange

/// Golden envelope tests (Turf-style): each Fixtures/envelopes/in/NAME.geojson is built, checked by the
/// library's independent verifier and against its targets, and compared with out/NAME.geojson by
/// geodesic area and planar symmetric difference (never textually). out/ is also checked by a verifier
/// that is not our code: Scripts/validate/check-envelope-goldens.py (pyproj), run by Scripts/test.
///
/// Regenerate the expected outputs ON PURPOSE, after a deliberate change to the construction, with
///     STRIKERANGE_REGENERATE_GOLDENS=1 swift test --filter EnvelopeGoldenTests
/// (or Scripts/fixtures/regenerate-envelope-goldens, which also rewrites in/ and runs the pyproj check).
/// An out/ file is only rewritten after the verifier and the targets passed; review the diff before committing.
@Suite struct EnvelopeGoldenTests {
    static let regenerating = ProcessInfo.processInfo.environment["STRIKERANGE_REGENERATE_GOLDENS"] == "1"

    @Test func everyFixtureIsListed() throws {
        let folder = try EnvelopeGoldenFixture.bundleFolder()
        // While regenerating, out/ is being rewritten by the cases themselves.
        for side in Self.regenerating ? ["in"] : ["in", "out"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(side).path)
                .filter { $0.hasSuffix(".geojson") }.map { String($0.dropLast(".geojson".count)) }
            #expect(Set(files) == Set(EnvelopeGoldenFixture.names), "\(side)/ holds \(files.sorted())")
        }
    }

    @Test(arguments: EnvelopeGoldenFixture.names)
    func golden(_ name: String) throws {
        let fixture = try EnvelopeGoldenFixture.load(name)
        let envelope = try EnvelopeBuilder().build(launch: fixture.launch, parameters: fixture.parameters)
        let check = try EnvelopeCertifier().verify(envelope, launch: fixture.launch)
        #expect(check.passed, "\(name): achieved \(check.achievedErrorMeters) m at \(String(describing: check.worstPoint)), \(check.wrongSideCount) on the wrong side")
        #expect(envelope.geometry.polygons.allSatisfy { p in ([p.exterior] + p.holes).allSatisfy { $0.allSatisfy { abs($0.x) <= 180 && abs($0.y) <= 90 } } },
                "\(name): coordinates outside [-180, 180] × [-90, 90]")

        if let crosses = fixture.crossesAntimeridian {
            #expect(isCutAtAntimeridian(envelope.geometry) == crosses, "\(name): crosses ±180° should be \(crosses)")
        }

        let engine = GeometryEngine()
        let prepared = try engine.prepare(.multiPolygon(envelope.geometry))
        let inside = try prepared.coversPoints(x: fixture.reachable.map(\.x), y: fixture.reachable.map(\.y))
        for (target, covered) in zip(fixture.reachable, inside) {
            #expect(covered, "\(name): reachable target \(target.x), \(target.y) is outside the envelope")
        }
        let outside = try prepared.coversPoints(x: fixture.unreachable.map(\.x), y: fixture.unreachable.map(\.y))
        for (target, covered) in zip(fixture.unreachable, outside) {
            #expect(!covered, "\(name): unreachable target \(target.x), \(target.y) is inside the envelope")
        }

        if Self.regenerating {
            // Only a verified envelope that meets its targets becomes the new expectation.
            guard check.passed, inside.allSatisfy({ $0 }), !outside.contains(true) else { return }
            var verified = envelope
            verified.verification = check
            try fixture.writeExpected(verified)
            return
        }

        let expected = try fixture.expected()
        // What the writer wrote must still be a valid polygon (the 15,000 km envelope, closed at the north
        // pole, once came out with a spike along 90° N when the writer took a pole edge for a ±180° crossing).
        let validity = try engine.validity(.multiPolygon(expected))
        #expect(validity.isValid, "\(name): out/ is invalid: \(validity.reason ?? "") at \(String(describing: validity.location))")
        #expect(try engine.validity(.multiPolygon(envelope.geometry)).isValid, "\(name): the built envelope is invalid")
        let expectedArea = GeodesicMeasure().areaSquareMeters(.multiPolygon(expected))
        #expect(abs(envelope.areaSquareMeters / expectedArea - 1) <= 1e-6,
                "\(name): area \(envelope.areaSquareMeters) m², expected \(expectedArea) m²")
        let built = Geometry.multiPolygon(envelope.geometry), golden = Geometry.multiPolygon(expected)
        let symmetricDifference = planarAreaSquareDegrees(try engine.difference(built, golden))
            + planarAreaSquareDegrees(try engine.difference(golden, built))
        let relative = symmetricDifference / planarAreaSquareDegrees(golden)
        #expect(relative < 1e-6, "\(name): planar symmetric difference is \(relative) of the expected area")
    }
}
