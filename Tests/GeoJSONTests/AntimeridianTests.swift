import Testing
import Geometry
@testable import GeoJSON

@Suite struct AntimeridianTests {
    func written(_ geometry: Geometry, name: String) throws -> Geometry {
        let text = GeoJSONWriter().string(geometry)
        let gdal = try ogrinfo(text, name: name)
        #expect(gdal.isClean, "\(gdal.output)")
        guard case .geometry(let reread) = try read(text) else { Issue.record("\(text)"); return geometry }
        for c in allCoordinates(reread) {
            #expect(c.x >= -180 && c.x <= 180)
        }
        return reread
    }

    func parts(_ geometry: Geometry) -> [Polygon] {
        switch geometry {
        case .polygon(let p): [p]
        case .multiPolygon(let m): m.polygons
        default: []
        }
    }

    func expectRFC7946Winding(_ polygons: [Polygon]) {
        for p in polygons {
            #expect(shoelace(p.exterior) > 0)
            for h in p.holes { #expect(shoelace(h) < 0) }
        }
    }

    @Test func unrolledPolygonBecomesTwoParts() throws {
        let box = Polygon(exterior: ring([(170, -10), (190, -10), (190, 10), (170, 10), (170, -10)]))
        let result = try written(.polygon(box), name: "unrolled")
        let polygons = parts(result)
        #expect(polygons.count == 2)
        guard case .multiPolygon = result else { Issue.record("expected MultiPolygon"); return }
        #expect(abs(polygons.map(polygonArea).reduce(0, +) - polygonArea(box)) < 1e-9)
        expectRFC7946Winding(polygons)
        // One part east of 170°E, one west of 170°W.
        #expect(Set(polygons.map { $0.exterior.allSatisfy { $0.x >= 170 } }) == [true, false])
    }

    @Test func jumpingPolygonBecomesTwoParts() throws {
        let text = #"{"type":"Polygon","coordinates":[[[170,-10],[-170,-10],[-170,10],[170,10],[170,-10]]]}"#
        guard case .geometry(let input) = try read(text) else { Issue.record(); return }
        let polygons = parts(try written(input, name: "jumping"))
        #expect(polygons.count == 2)
        #expect(abs(polygons.map(polygonArea).reduce(0, +) - 400) < 1e-9)
        expectRFC7946Winding(polygons)
    }

    /// A "C" opening west whose arms both cross 180°: the west side must come out as two separate arms,
    /// not one polygon joined by a zero-width bridge along the meridian.
    @Test func concaveShapeHasNoBridges() throws {
        let shape = Polygon(exterior: ring([(175, 0), (185, 0), (185, 30), (175, 30), (175, 20), (182, 20), (182, 10), (175, 10), (175, 0)]))
        let polygons = parts(try written(.polygon(shape), name: "concave"))
        #expect(polygons.count == 3)
        #expect(abs(polygons.map(polygonArea).reduce(0, +) - polygonArea(shape)) < 1e-9)
        for p in polygons { #expect(polygonArea(p) > 1) }
        expectRFC7946Winding(polygons)
    }

    @Test func holesGoToThePartContainingThem() throws {
        let shape = Polygon(
            exterior: ring([(170, -10), (190, -10), (190, 10), (170, 10), (170, -10)]),
            holes: [
                ring([(175, -2), (185, -2), (185, 2), (175, 2), (175, -2)]),       // crosses 180
                ring([(172, -5), (174, -5), (174, 5), (172, 5), (172, -5)]),       // west part
                ring([(-175, -5), (-173, -5), (-173, 5), (-175, 5), (-175, -5)]), // east part, jump form
            ])
        let polygons = parts(try written(.polygon(shape), name: "holes"))
        #expect(polygons.count == 2)
        #expect(polygons.map(\.holes.count).sorted() == [1, 1])
        let expectedArea = 400.0 - 40 - 20 - 20
        #expect(abs(polygons.map(polygonArea).reduce(0, +) - expectedArea) < 1e-9)
        expectRFC7946Winding(polygons)
    }

    @Test func lineCrossingBecomesMultiLineString() throws {
        let line = LineString(ring([(170, 0), (-170, 10)]))
        let result = try written(.lineString(line), name: "line")
        guard case .multiLineString(let multi) = result else { Issue.record("\(result)"); return }
        #expect(multi.lineStrings.count == 2)
        #expect(multi.lineStrings[0].coordinates == ring([(170, 0), (180, 5)]))
        #expect(multi.lineStrings[1].coordinates == ring([(-180, 5), (-170, 10)]))
        let unrolled = try written(.lineString(LineString(ring([(160, 0), (200, 0), (220, 10)]))), name: "line2")
        guard case .multiLineString(let multi2) = unrolled else { Issue.record("\(unrolled)"); return }
        #expect(multi2.lineStrings.map(\.coordinates) == [ring([(160, 0), (180, 0)]), ring([(-180, 0), (-160, 0), (-140, 10)])])
    }

    @Test(arguments: [80.0, -80.0])
    func ringAroundPoleClosedAlongPole(latitude: Double) throws {
        // Longitudes -175, -165, ..., 175: the closing edge jumps 175 → -175 and the ring winds 360°.
        let circle = stride(from: -175.0, through: 175, by: 10).map { Coordinate(x: $0, y: latitude) }
        let result = try written(.polygon(Polygon(exterior: circle + [circle[0]])), name: "pole")
        guard case .polygon(let polygon) = result else { Issue.record("\(result)"); return }
        let pole = latitude > 0 ? 90.0 : -90
        #expect(polygon.exterior.contains(Coordinate(x: 180, y: pole)))
        #expect(polygon.exterior.contains(Coordinate(x: -180, y: pole)))
        #expect(polygon.exterior.first == polygon.exterior.last)
        // The cap between the circle and the pole: 360° × 10°.
        #expect(abs(polygonArea(polygon) - 3600) < 1e-9)
        expectRFC7946Winding([polygon])
    }

    @Test func geometryInsideRangeIsUntouched() throws {
        let fiji = try GeoJSONReader.readFeatureCollection(try Fixtures.bytes("countries_fiji"))
        for feature in fiji.features {
            let geometry = try #require(feature.geometry)
            #expect(cutAtAntimeridian(geometry) == geometry)
        }
    }
}

@Suite struct AntimeridianBoundaryTests {
    /// Data already cut (Natural Earth's Antarctica) has an edge 180 → -180 along the pole: not a crossing.
    @Test func edgeAlongAntimeridianAndPoleIsUntouched() {
        let antarcticaLike = Polygon(exterior: ring([(-180, -80), (0, -70), (180, -80), (180, -90), (-180, -90), (-180, -80)]))
        #expect(cutAtAntimeridian(.polygon(antarcticaLike)) == .polygon(antarcticaLike))
    }

    @Test func pointsAreWrapped() throws {
        #expect(cutAtAntimeridian(.point(Point(x: 190, y: 1))) == .point(Point(x: -170, y: 1)))
        #expect(cutAtAntimeridian(.point(Point(x: -540, y: 1))) == .point(Point(x: -180, y: 1)))
        #expect(cutAtAntimeridian(.point(Point(x: 180, y: 1))) == .point(Point(x: 180, y: 1)))
    }
}
