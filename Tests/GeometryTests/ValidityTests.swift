import Testing
@testable import Geometry

@Suite struct ValidityTests {
    let bowTie: Geometry = .polygon(Polygon(exterior: [c(0, 0), c(2, 2), c(2, 0), c(0, 2), c(0, 0)]))

    @Test func bowTieIsInvalidWithGEOSReasonAndLocation() throws {
        let engine = GeometryEngine()
        let v = try engine.validity(bowTie)
        #expect(!v.isValid)
        #expect(v.reason == "Self-intersection")
        // The two diagonals cross at (1, 1).
        #expect(v.location == c(1, 1))
    }

    @Test func makeValidSplitsBowTieIntoTwoTriangles() throws {
        let engine = GeometryEngine()
        let fixed = try engine.makeValid(bowTie)
        guard case .multiPolygon(let m) = fixed else {
            Issue.record("expected a multipolygon, got \(fixed)")
            return
        }
        #expect(m.polygons.count == 2)
        for p in m.polygons {
            #expect(p.exterior.count == 4)  // a triangle: 3 corners + closing point
            #expect(p.holes.isEmpty)
            // Each triangle has base 2 and height 1: area 1 by hand.
            #expect(abs(shoelaceArea(p) - 1) < 1e-12)
        }
        #expect(try engine.validity(fixed).isValid)
    }

    @Test func validPolygonIsValid() throws {
        let engine = GeometryEngine()
        #expect(try engine.validity(notchedPolygonWithHole) == Validity(isValid: true, reason: nil, location: nil))
    }
}
