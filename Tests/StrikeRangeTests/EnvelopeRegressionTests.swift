import Foundation
import Geodesy
import Geometry
import Testing
@testable import StrikeRange

/// Regressions of issue #9, each named after the defect. Membership is checked at points whose true
/// distance to the launch area is known from the construction of the test (far from the range boundary
/// compared with the 10 m tolerance), not from the builder's own distance code.
@Suite struct EnvelopeRegressionTests {
    let builder = EnvelopeBuilder()
    let engine = GeometryEngine()

    func covers(_ e: RangeEnvelope, _ lon: Double, _ lat: Double) throws -> Bool {
        try engine.covers(.multiPolygon(e.geometry), .point(Point(x: lon, y: lat)))
    }

    static func ring(_ c: [(Double, Double)]) -> [Coordinate] { c.map { Coordinate(x: $0.0, y: $0.1) } }
    static let outer = ring([(25.8, 47.3), (34.2, 47.3), (34.2, 52.7), (25.8, 52.7), (25.8, 47.3)])
    static let hole = ring([(27.9, 48.65), (27.9, 51.35), (32.1, 51.35), (32.1, 48.65), (27.9, 48.65)])

    /// The hole's western edge is the meridian 27.9° E; points due east of it at latitude 50° are
    /// `metres` into the hole (the nearest launch point is on that meridian for these small offsets).
    func intoHole(_ metres: Double) -> LonLat {
        Geodesic.wgs84.direct(from: LonLat(longitude: 27.9, latitude: 50), azimuthDegrees: 90, distanceMeters: metres).position
    }

    @Test func issue9_polygonWithHoleIsNotEmpty() throws {
        let launch = Geometry.polygon(Polygon(exterior: Self.outer, holes: [Self.hole]))
        let e = try builder.build(launch: launch, parameters: try RangeParameters(rangeMeters: 50_000))
        #expect(!e.geometry.polygons.isEmpty)
        #expect(try covers(e, 26.5, 48.0), "a point of the launch area itself")
        #expect(try covers(e, 33.5, 52.0))
        let near = intoHole(30_000), far = intoHole(80_000)
        #expect(try covers(e, near.longitude, near.latitude), "30 km into the hole is within 50 km")
        #expect(try !covers(e, far.longitude, far.latitude), "80 km into the hole is beyond 50 km")
        #expect(try !covers(e, 30, 50), "the hole's centre is about 140 km from the launch area")
        #expect(e.geometry.polygons.map(\.holes.count).reduce(0, +) == 1)
    }

    @Test func issue9_closedLineLoopKeepsItsInside() throws {
        let launch = Geometry.lineString(LineString(Self.outer))
        let e = try builder.build(launch: launch, parameters: try RangeParameters(rangeMeters: 50_000))
        #expect(try covers(e, 25.9, 50), "next to the line")
        #expect(try !covers(e, 30, 50), "the loop's centre is far from the line")
    }

    /// Two launch parts that together enclose a "sea" (the hole of the first test, reached only by
    /// the union): the sea beyond range must stay out, the launch parts must stay in.
    @Test func issue9_adjacentPartsEnclosingASea() throws {
        let u = Self.ring([(25.8, 47.3), (34.2, 47.3), (34.2, 52.7), (32.1, 52.7), (32.1, 48.65), (27.9, 48.65),
                           (27.9, 52.7), (25.8, 52.7), (25.8, 47.3)])
        let cap = Self.ring([(27.9, 51.35), (32.1, 51.35), (32.1, 52.7), (27.9, 52.7), (27.9, 51.35)])
        let launch = Geometry.geometryCollection(GeometryCollection([.polygon(Polygon(exterior: u)), .polygon(Polygon(exterior: cap))]))
        let e = try builder.build(launch: launch, parameters: try RangeParameters(rangeMeters: 50_000))
        #expect(try covers(e, 26.5, 48.0))
        #expect(try covers(e, 30, 52))
        #expect(try !covers(e, 30, 50))
    }

    @Test(arguments: [0.0, 45.0, -120.0])
    func issue9_pointAtTheNorthPoleIsACapNotItsComplement(_ longitude: Double) throws {
        let launch = Geometry.point(Point(x: longitude, y: 90))
        let e = try builder.build(launch: launch, parameters: try RangeParameters(rangeMeters: 1_000_000))
        #expect(try covers(e, 33, 85))
        #expect(try !covers(e, 0, 0))
        // A polar cap of radius 1,000 km: close to π r² (the ellipsoid changes it by well under 1 %).
        #expect(abs(e.areaSquareMeters / (Double.pi * 1e12) - 1) < 0.01, "area \(e.areaSquareMeters)")
    }

    @Test func issue9_pointAtTheSouthPole() throws {
        let e = try builder.build(launch: .point(Point(x: 0, y: -90)), parameters: try RangeParameters(rangeMeters: 1_000_000))
        #expect(try covers(e, 100, -85))
        #expect(try !covers(e, 100, 85))
        #expect(abs(e.areaSquareMeters / (Double.pi * 1e12) - 1) < 0.01)
    }

    /// Ranges just below half a meridian from an equatorial point used to run for ever: the antipodal
    /// root finder crawled along the cut locus. Bounded work is asserted through the vertex count.
    @Test(arguments: [20_002_800.0, 20_003_000.0, 20_003_500.0, 20_003_900.0])
    func issue9_nearlyAntipodalRangeFinishes(_ range: Double) throws {
        let e = try builder.build(launch: .point(Point(x: 0, y: 0)), parameters: try RangeParameters(rangeMeters: range))
        #expect(e.vertexCount < 2_000, "vertices \(e.vertexCount)")
        #expect(try covers(e, 90, 45))
        // The antipode is about 20,003.93 km away: out of range.
        #expect(try !covers(e, 180, 0) && !covers(e, -180, 0))
        let globe = 510_065_621_724_088.5
        #expect(e.areaSquareMeters < globe && e.areaSquareMeters > globe - 1e11)
    }

    /// A region enclosed by the launch area: its farthest point is inside it, not on its boundary, so
    /// the boundary-only maximum said "farthest 0.0 km, full" (#9).
    @Test func issue9_coverageOfARegionEnclosedByTheLaunchArea() throws {
        let launch = Geometry.polygon(Polygon(exterior: Self.outer, holes: [Self.hole]))
        let sea = try CoverageRegion(name: "enclosed", geometry: .polygon(Polygon(exterior: Self.hole)))
        let r = try CoverageCalculator(toleranceMeters: 10).compute(
            launch: launch, ranges: [RangeVariant(weaponID: "custom", kind: .custom, parameters: try RangeParameters(rangeMeters: 100_000))],
            regions: [sea])[0]
        // Every point of the region is within half the meridian arc between its north and south edges
        // of one of them (the meridian is a geodesic), and its centre is over 140 km from every edge.
        let g = Geodesic.wgs84
        let halfArc = g.distanceMeters(LonLat(longitude: 30, latitude: 48.65), LonLat(longitude: 30, latitude: 51.35)) / 2
        #expect(r.farthestDistanceMeters > 140_000 && r.farthestDistanceMeters <= halfArc + 10, "farthest \(r.farthestDistanceMeters)")
        #expect(r.status == .partial)
        #expect(r.percent > 50 && r.percent < 99)
    }

    /// Line and area launches whose envelope holds a pole, or reaches beyond a hemisphere, were refused
    /// (#9); they are built from range discs and refined like every other envelope. Checked here with the
    /// verifier and at points whose distance is clear from the geometry of the case.
    @Test func issue9_lineLaunchWhoseEnvelopeHoldsTheNorthPole() throws {
        let launch = Geometry.lineString(LineString([Coordinate(x: 20, y: 84), Coordinate(x: 40, y: 85)]))
        let p = try RangeParameters(rangeMeters: 700_000)
        let e = try builder.build(launch: launch, parameters: p)
        let v = try EnvelopeCertifier().verify(e, launch: launch)
        #expect(v.passed, "achieved \(v.achievedErrorMeters) at \(String(describing: v.worstPoint))")
        #expect(try covers(e, 0, 89.9), "the pole is about 550 km from the line")
        #expect(try covers(e, -140, 89), "over the pole: about 557 + 111 km from (40, 85)")
        #expect(try !covers(e, 30, 70), "well over 1,400 km south of the line")
    }

    @Test func issue9_areaLaunchBeyondAHemisphere() throws {
        let box = Self.ring([(30, 50), (31, 50), (31, 51), (30, 51), (30, 50)])
        let launch = Geometry.polygon(Polygon(exterior: box))
        let e = try builder.build(launch: launch, parameters: try RangeParameters(rangeMeters: 12_000_000))
        let v = try EnvelopeCertifier().verify(e, launch: launch)
        #expect(v.passed, "achieved \(v.achievedErrorMeters) at \(String(describing: v.worstPoint))")
        #expect(try covers(e, 30.5, 50.5) && covers(e, 30, -10) && covers(e, -100, 60))
        // The antipode of the box's centre is about 20,000 km away.
        #expect(try !covers(e, -149.5, -50.5))
    }
}
