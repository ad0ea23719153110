import Testing
import Geometry

@Suite struct GeometryValueTests {
    @Test func boundingBoxes() {
        #expect(Geometry.point(Point(nil)).boundingBox == nil)
        #expect(BoundingBox(coordinates: [Coordinate]()) == nil)
        let g: Geometry = .geometryCollection(GeometryCollection([
            .point(Point(x: -3, y: 2)), .lineString(LineString([c(1, -1), c(4, 5)])),
        ]))
        let box = BoundingBox(minX: -3, minY: -1, maxX: 4, maxY: 5)
        #expect(g.boundingBox == box)
        #expect(BoundingBox(coordinates: [c(-3, 2), c(1, -1), c(4, 5)]) == box)
        let other = BoundingBox(minX: 4, minY: 5, maxX: 6, maxY: 7)
        #expect(box.intersects(other))  // shares the corner (4, 5)
        #expect(!box.intersects(BoundingBox(minX: 4.1, minY: 0, maxX: 6, maxY: 1)))
        #expect(box.union(other) == BoundingBox(minX: -3, minY: -1, maxX: 6, maxY: 7))
        #expect(box.contains(x: 4, y: 5) && !box.contains(x: 4.01, y: 5))
    }

    @Test func emptinessAndAccessors() {
        #expect(Geometry.multiPoint(MultiPoint([Point(nil)])).isEmpty)
        #expect(Geometry.geometryCollection(GeometryCollection([.polygon(Polygon(exterior: []))])).isEmpty)
        #expect(!notchedPolygonWithHole.isEmpty)
        #expect(notchedPolygonWithHole.coordinateCount == 13)
        let mixed: Geometry = .geometryCollection(GeometryCollection([
            notchedPolygonWithHole, .lineString(LineString([c(0, 0), c(1, 1)])),
            .multiPolygon(MultiPolygon([Polygon(exterior: []), Polygon(exterior: [c(0, 0), c(1, 0), c(0, 1), c(0, 0)])])),
        ]))
        #expect(mixed.polygons.count == 2)
        #expect(mixed.lineStrings.count == 1)
    }

    @Test func translateShiftsEveryX() {
        let g: Geometry = .multiPolygon(MultiPolygon([Polygon(exterior: [c(179, 0, 5), c(181, 0), c(181, 1), c(179, 0, 5)])]))
        let moved = Geometry.translate(g, dx: -360)
        #expect(moved == .multiPolygon(MultiPolygon([Polygon(exterior: [c(-181, 0, 5), c(-179, 0), c(-179, 1), c(-181, 0, 5)])])))
        #expect(moved.translated(dx: 360) == g)
        #expect(Geometry.point(Point(nil)).translated(dx: 1) == .point(Point(nil)))
    }
}
