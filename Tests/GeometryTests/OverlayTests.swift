import Testing
@testable import Geometry

@Suite struct OverlayTests {
    // Two 2×2 squares overlapping in the unit square [1,2]×[1,2]: by hand, |A∪B| = 4 + 4 − 1 = 7,
    // |A∩B| = 1, |A∖B| = 3.
    let a = square(x: 0, y: 0, side: 2)
    let b = square(x: 1, y: 1, side: 2)

    @Test func unionArea() throws {
        let u = try GeometryEngine().union(a, b)
        #expect(abs(shoelaceArea(u) - 7) < 1e-12)
        #expect(u.polygons.count == 1)
    }

    @Test func intersectionArea() throws {
        let i = try GeometryEngine().intersection(a, b)
        #expect(abs(shoelaceArea(i) - 1) < 1e-12)
        #expect(i.boundingBox == BoundingBox(minX: 1, minY: 1, maxX: 2, maxY: 2))
    }

    @Test func differenceArea() throws {
        let d = try GeometryEngine().difference(a, b)
        #expect(abs(shoelaceArea(d) - 3) < 1e-12)
    }

    @Test func unaryUnionOfArrayAndOfCollection() throws {
        let engine = GeometryEngine()
        // Three unit squares in a row plus one overlapping the middle: union is the 3×1 strip, area 3.
        let parts = [square(x: 0, y: 0, side: 1), square(x: 1, y: 0, side: 1), square(x: 2, y: 0, side: 1),
                     square(x: 0.5, y: 0, side: 1)]
        let u1 = try engine.unaryUnion(parts)
        #expect(abs(shoelaceArea(u1) - 3) < 1e-12)
        #expect(u1.polygons.count == 1)
        let u2 = try engine.unaryUnion(.multiPolygon(MultiPolygon(parts.flatMap(\.polygons))))
        #expect(abs(shoelaceArea(u2) - 3) < 1e-12)
    }

    @Test func clipToRectangle() throws {
        let engine = GeometryEngine()
        // [0,4]² clipped to [1,2]×[1,3]: a 1×2 rectangle, area 2.
        let clipped = try engine.clip(square(x: 0, y: 0, side: 4), to: BoundingBox(minX: 1, minY: 1, maxX: 2, maxY: 3))
        #expect(abs(shoelaceArea(clipped) - 2) < 1e-12)
        #expect(clipped.boundingBox == BoundingBox(minX: 1, minY: 1, maxX: 2, maxY: 3))
        // A line crossing the box keeps only its inside part.
        let line: Geometry = .lineString(LineString([c(-1, 0.5), c(5, 0.5)]))
        let clippedLine = try engine.clip(line, to: BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1))
        #expect(clippedLine.lineStrings.map(\.coordinates) == [[c(0, 0.5), c(1, 0.5)]])
    }

    @Test func predicatesOnSquares() throws {
        let engine = GeometryEngine()
        #expect(try engine.intersects(a, b))
        #expect(try !engine.intersects(a, square(x: 5, y: 5, side: 1)))
        #expect(try engine.contains(a, .point(Point(x: 1, y: 1))))
        // On the boundary: covered, not contained.
        #expect(try !engine.contains(a, .point(Point(x: 0, y: 1))))
        #expect(try engine.covers(a, .point(Point(x: 0, y: 1))))
        #expect(try engine.intersects(a, box: BoundingBox(minX: 2, minY: 2, maxX: 3, maxY: 3)))  // touching corner
        #expect(try !engine.intersects(a, box: BoundingBox(minX: 2.5, minY: 2, maxX: 3, maxY: 3)))
    }
}
