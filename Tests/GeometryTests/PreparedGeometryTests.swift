import Testing
@testable import Geometry

@Suite struct PreparedGeometryTests {
    /// Grid with step 0.5 over [-1, 11]²: includes points outside, on the outer boundary, on the hole's
    /// boundary, inside the hole, in the notch and on the notch's edges.
    static let grid: (x: [Double], y: [Double]) = {
        var xs: [Double] = [], ys: [Double] = []
        for i in 0...24 { for j in 0...24 { xs.append(-1 + 0.5 * Double(i)); ys.append(-1 + 0.5 * Double(j)) } }
        return (xs, ys)
    }()

    @Test func preparedEqualsUnpreparedOnGrid() throws {
        let engine = GeometryEngine()
        let g = notchedPolygonWithHole
        let prepared = try engine.prepare(g)
        let (xs, ys) = Self.grid
        var containsCount = 0, coversCount = 0
        for k in xs.indices {
            let p: Geometry = .point(Point(x: xs[k], y: ys[k]))
            let contains = try engine.contains(g, p)
            let covers = try engine.covers(g, p)
            #expect(try prepared.contains(p) == contains, "contains at \(xs[k]), \(ys[k])")
            #expect(try prepared.covers(p) == covers, "covers at \(xs[k]), \(ys[k])")
            #expect(try prepared.intersects(p) == (try engine.intersects(g, p)), "intersects at \(xs[k]), \(ys[k])")
            if contains { containsCount += 1 }
            if covers { coversCount += 1 }
        }
        // The grid really hits the boundary (covers ≠ contains somewhere) and the inside: the test can fail.
        #expect(containsCount > 0 && coversCount > containsCount)
        // Batch calls give the per-point answers.
        let batchContains = try prepared.containsPoints(x: xs, y: ys)
        let batchCovers = try prepared.coversPoints(x: xs, y: ys)
        for k in xs.indices {
            let p: Geometry = .point(Point(x: xs[k], y: ys[k]))
            #expect(batchContains[k] == (try engine.contains(g, p)))
            #expect(batchCovers[k] == (try engine.covers(g, p)))
        }
    }

    @Test func preparedPredicatesOnNonPointGeometries() throws {
        let engine = GeometryEngine()
        let prepared = try engine.prepare(notchedPolygonWithHole)
        let others: [Geometry] = [
            square(x: 6, y: 1, side: 2), square(x: 2.5, y: 2.5, side: 1), square(x: 3, y: 3, side: 3),
            .lineString(LineString([c(-1, 5), c(11, 5)])), square(x: 20, y: 20, side: 1),
        ]
        for o in others {
            #expect(try prepared.contains(o) == (try engine.contains(notchedPolygonWithHole, o)))
            #expect(try prepared.covers(o) == (try engine.covers(notchedPolygonWithHole, o)))
            #expect(try prepared.intersects(o) == (try engine.intersects(notchedPolygonWithHole, o)))
        }
    }

    @Test func emptyPreparedContainsNothing() throws {
        let prepared = try GeometryEngine().prepare(.polygon(Polygon(exterior: [])))
        #expect(try prepared.containsPoints(x: [0, 1], y: [0, 1]) == [false, false])
    }

    @Test func preparedOutlivesItsEngineVariable() throws {
        // The prepared geometry keeps the engine (and the GEOS context) alive on its own.
        var prepared: PreparedGeometry?
        do {
            let engine = GeometryEngine()
            prepared = try engine.prepare(square(x: 0, y: 0, side: 1))
        }
        #expect(try prepared!.containsPoints(x: [0.5, 2], y: [0.5, 2]) == [true, false])
    }
}
