import Testing
import TestSupport
@testable import Geometry

/// Every kind, empty and not, with holes, with Z, nested collections.
/// Computed, not a global `let`: LeakSanitizer cannot see the spare-bit-tagged pointers of an `indirect enum`
/// held by a global at exit and would report the boxes as leaked.
var roundTripSamples: [Geometry] { [
    .point(Point(nil)),
    .point(Point(x: 1.5, y: -2.25)),
    .point(Point(c(1, 2, 3))),
    .lineString(LineString([])),
    .lineString(LineString([c(0, 0), c(1, 1), c(2, 0.5)])),
    .lineString(LineString([c(0, 0, 1), c(1, 1, 2)])),
    .polygon(Polygon(exterior: [])),
    .polygon(Polygon(exterior: [c(0, 0), c(10, 0), c(10, 10), c(0, 10), c(0, 0)],
                     holes: [[c(2, 2), c(2, 4), c(4, 4), c(4, 2), c(2, 2)], [c(6, 6), c(6, 8), c(8, 8), c(6, 6)]])),
    .multiPoint(MultiPoint([])),
    .multiPoint(MultiPoint([Point(x: 0, y: 0), Point(x: 3, y: 4)])),
    .multiLineString(MultiLineString([])),
    .multiLineString(MultiLineString([LineString([c(0, 0), c(1, 0)]), LineString([c(2, 2), c(3, 3), c(4, 2)])])),
    .multiPolygon(MultiPolygon([])),
    .multiPolygon(MultiPolygon([
        Polygon(exterior: [c(0, 0), c(1, 0), c(1, 1), c(0, 0)]),
        Polygon(exterior: [c(5, 5), c(9, 5), c(9, 9), c(5, 9), c(5, 5)], holes: [[c(6, 6), c(6, 7), c(7, 7), c(6, 6)]]),
    ])),
    .geometryCollection(GeometryCollection([])),
    .geometryCollection(GeometryCollection([
        .point(Point(x: 1, y: 1)),
        .lineString(LineString([c(0, 0), c(1, 1)])),
        .polygon(Polygon(exterior: [c(0, 0), c(1, 0), c(1, 1), c(0, 0)])),
        .geometryCollection(GeometryCollection([.multiPoint(MultiPoint([Point(x: 7, y: 8)]))])),
    ])),
] }

@Suite struct RoundTripTests {
    @Test(arguments: roundTripSamples)
    func swiftToGEOSAndBack(_ g: Geometry) throws {
        let engine = GeometryEngine()
        let h = try engine.context.makeHandle(g)
        #expect(try engine.context.swiftGeometry(h) == g)
        // GEOS agrees about emptiness with the pure-Swift rule.
        #expect(try engine.isEmpty(g) == g.isEmpty)
    }

    @Test(arguments: roundTripSamples)
    func throughWKT(_ g: Geometry) throws {
        let engine = GeometryEngine()
        let text = try engine.wkt(g)
        #expect(try engine.geometry(wkt: text) == g, "WKT was \(text)")
    }

    @Test(arguments: roundTripSamples)
    func throughWKB(_ g: Geometry) throws {
        let engine = GeometryEngine()
        let bytes = try engine.wkb(g)
        #expect(try engine.geometry(wkb: bytes) == g)
    }

    /// Hand-written WKT parses to the hand-built value: the conversion is checked against text we wrote,
    /// not only against itself.
    @Test func handWrittenWKTParsesToExpectedValue() throws {
        let engine = GeometryEngine()
        let g = try engine.geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))")
        #expect(g == .polygon(Polygon(exterior: [c(0, 0), c(10, 0), c(10, 10), c(0, 10), c(0, 0)],
                                      holes: [[c(2, 2), c(2, 4), c(4, 4), c(4, 2), c(2, 2)]])))
        #expect(try engine.geometry(wkt: "POINT Z (1 2 3)") == .point(Point(c(1, 2, 3))))
        #expect(try engine.geometry(wkt: "MULTIPOLYGON EMPTY") == .multiPolygon(MultiPolygon([])))
        #expect(try engine.wkt(.lineString(LineString([c(0, 0), c(1.5, 2)]))) == "LINESTRING (0 0, 1.5 2)")
    }

    @Test func wktRoundingPrecision() throws {
        let engine = GeometryEngine()
        let p: Geometry = .point(Point(x: 1.23456789, y: -9.87654321))
        #expect(try engine.wkt(p, precision: 3) == "POINT (1.235 -9.877)")
        // The writer is reused: a later call without precision must be back at full precision.
        #expect(try engine.geometry(wkt: try engine.wkt(p)) == p)
    }

    /// Binary64 values survive WKB exactly (no decimal formatting on the way).
    @Test func wkbIsBitExact() throws {
        let engine = GeometryEngine()
        var rng = SplitMix64(seed: 7)
        let coords = (0..<1000).map { _ in c(Double.random(in: -180...180, using: &rng), Double.random(in: -90...90, using: &rng)) }
        let g: Geometry = .lineString(LineString(coords))
        #expect(try engine.geometry(wkb: try engine.wkb(g)) == g)
    }

    @Test func invalidInputIsRejectedBeforeGEOS() {
        let engine = GeometryEngine()
        let unclosed: Geometry = .polygon(Polygon(exterior: [c(0, 0), c(1, 0), c(1, 1), c(0, 1)]))
        #expect(caughtError { try engine.wkt(unclosed) }?.kind == .invalidInput)
        let onePoint: Geometry = .lineString(LineString([c(0, 0)]))
        #expect(caughtError { try engine.wkt(onePoint) }?.kind == .invalidInput)
    }
}
