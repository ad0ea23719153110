import Foundation
import Testing
@testable import Geometry

@Suite struct ConstructiveTests {
    @Test func nodeTwoCrossingLines() throws {
        let engine = GeometryEngine()
        let lines: Geometry = .multiLineString(MultiLineString([
            LineString([c(0, 0), c(2, 2)]), LineString([c(0, 2), c(2, 0)]),
        ]))
        let noded = try engine.node(lines)
        // Each diagonal is split at (1, 1): four segments, each with (1, 1) as one end.
        #expect(noded.lineStrings.count == 4)
        for l in noded.lineStrings {
            #expect(l.coordinates.count == 2)
            #expect(l.coordinates.contains(c(1, 1)))
        }
        let ends = Set(noded.lineStrings.flatMap(\.coordinates).filter { $0 != c(1, 1) })
        #expect(ends == [c(0, 0), c(2, 2), c(0, 2), c(2, 0)])
    }

    @Test func polygonizeNodedGrid() throws {
        let engine = GeometryEngine()
        // Three horizontal and three vertical lines over [0,2]²: after noding, four unit-square faces.
        var lines: [LineString] = []
        for k in 0...2 {
            let v = Double(k)
            lines.append(LineString([c(0, v), c(2, v)]))
            lines.append(LineString([c(v, 0), c(v, 2)]))
        }
        let noded = try engine.node(.multiLineString(MultiLineString(lines)))
        let faces = try engine.polygonize([.multiLineString(noded)])
        #expect(faces.count == 4)
        for f in faces {
            #expect(abs(shoelaceArea(f) - 1) < 1e-12)
            #expect(f.holes.isEmpty)
        }
        let corners = Set(faces.compactMap { Geometry.polygon($0).boundingBox.map { c($0.minX, $0.minY) } })
        #expect(corners == [c(0, 0), c(1, 0), c(0, 1), c(1, 1)])
    }

    @Test func polygonizeUnnodedLinesFindsNothing() throws {
        // Crossing lines that are not noded enclose no face GEOS can see.
        let faces = try GeometryEngine().polygonize([
            .lineString(LineString([c(0, 0), c(2, 2)])), .lineString(LineString([c(0, 2), c(2, 0)])),
        ])
        #expect(faces.isEmpty)
    }

    @Test func setPrecisionSnapsToGrid() throws {
        let engine = GeometryEngine()
        let p = try engine.setPrecision(.point(Point(x: 1.23456, y: 7.891)), gridSize: 0.1)
        guard case .point(let snapped) = p, let s = snapped.coordinate else {
            Issue.record("expected a point, got \(p)")
            return
        }
        #expect(abs(s.x - 1.2) < 1e-12 && abs(s.y - 7.9) < 1e-12)
        // A sliver thinner than the grid collapses and is removed.
        let sliver: Geometry = .polygon(Polygon(exterior: [c(0, 0), c(10, 0), c(10, 0.01), c(0, 0.01), c(0, 0)]))
        #expect(try engine.setPrecision(sliver, gridSize: 1).isEmpty)
        // A polygon on the grid keeps its area (2 × 3 = 6).
        let snappedSquare = try engine.setPrecision(.polygon(Polygon(exterior: [c(0.02, 0), c(2, 0.01), c(2, 3), c(0, 2.98), c(0.02, 0)])), gridSize: 1)
        #expect(abs(shoelaceArea(snappedSquare) - 6) < 1e-12)
    }

    @Test func planarBufferOfPointApproximatesCircle() throws {
        let engine = GeometryEngine()
        let disc = try engine.planarBuffer(.point(Point(x: 0, y: 0)), distance: 1, quadrantSegments: 8)
        // Inscribed regular 32-gon of radius 1: area = 32/2 · sin(2π/32), by hand.
        let expected = 16 * sin(2 * Double.pi / 32)
        #expect(abs(shoelaceArea(disc) - expected) < 1e-9)
    }

    @Test func convexHullBoundaryLineMergeSimplifyPointOnSurface() throws {
        let engine = GeometryEngine()
        // The hull of the notched polygon fills the notch: the 10×10 square, area 100.
        let hull = try engine.convexHull(notchedPolygonWithHole)
        #expect(abs(shoelaceArea(hull) - 100) < 1e-12)
        // Boundary of a square is its ring as a line.
        let ring = try engine.boundary(square(x: 0, y: 0, side: 1))
        #expect(ring.lineStrings.count == 1 && ring.lineStrings[0].coordinates.count == 5)
        // Two touching lines merge into one.
        let merged = try engine.lineMerge(.multiLineString(MultiLineString([
            LineString([c(0, 0), c(1, 0)]), LineString([c(1, 0), c(2, 1)]),
        ])))
        #expect(merged.lineStrings.map(\.coordinates) == [[c(0, 0), c(1, 0), c(2, 1)]])
        // A nearly straight line loses its middle vertex at a generous tolerance.
        let simplified = try engine.simplifyPreservingTopology(.lineString(LineString([c(0, 0), c(1, 0.01), c(2, 0)])), tolerance: 0.1)
        #expect(simplified == .lineString(LineString([c(0, 0), c(2, 0)])))
        // A point on the surface is inside (not in the hole, not in the notch).
        let inside = try engine.pointOnSurface(notchedPolygonWithHole)
        #expect(try engine.contains(notchedPolygonWithHole, .point(inside)))
        #expect(try engine.pointOnSurface(.polygon(Polygon(exterior: []))) == Point(nil))
    }
}
