import Geodesy
import Geometry
import Testing
@testable import StrikeRange

/// Issue 14: the launch area is prepared once (`PreparedLaunch`) and launch parts are merged one way.
struct PreparedLaunchTests {
    func square(_ lon: Double, _ lat: Double, _ size: Double = 1) -> Geometry {
        .polygon(Polygon(exterior: [Coordinate(x: lon, y: lat), Coordinate(x: lon + size, y: lat), Coordinate(x: lon + size, y: lat + size),
                                    Coordinate(x: lon, y: lat + size), Coordinate(x: lon, y: lat)]))
    }

    /// Adjacent parts become one polygon without the shared edge, whether they come from `--from` or `launch:`.
    @Test func adjacentPartsMergeIntoOneArea() throws {
        let merged = try PreparedLaunch.merging([square(30, 50), square(31, 50)])
        #expect(merged.polygons.count == 1)
        let measure = GeodesicMeasure()
        let parts = measure.areaSquareMeters(square(30, 50)) + measure.areaSquareMeters(square(31, 50))
        #expect(abs(measure.areaSquareMeters(merged) - parts) < 1e-6 * parts)
        #expect(try PreparedLaunch.merging([square(30, 50)]) == square(30, 50))
        #expect(throws: StrikeRangeError.self) { try PreparedLaunch.merging([]) }
    }

    /// A part GEOS cannot union stays as given, so that shaping names the invalid geometry (not a bare
    /// topology error from the merge).
    @Test func anInvalidPartIsLeftForShapingToReport() throws {
        let bowtie = Geometry.polygon(Polygon(exterior: [Coordinate(x: 30, y: 50), Coordinate(x: 31, y: 51), Coordinate(x: 31, y: 50),
                                                         Coordinate(x: 30, y: 51), Coordinate(x: 30, y: 50)]))
        let merged = try PreparedLaunch.merging([bowtie, square(40, 50)])
        #expect { _ = try LaunchShaping().apply(to: merged, toleranceMeters: 10) } throws: { "\($0)".contains("invalid geometry") }
    }

    /// Building from a prepared launch area gives exactly what building from the plain geometry gives, for
    /// seeded random areas, lines and points worldwide.
    @Test func preparedEqualsUnprepared() throws {
        var rng = SeededGenerator(seed: 1414)
        let builder = EnvelopeBuilder()
        for _ in 0..<6 {
            let lon = Double.random(in: -179...178, using: &rng), lat = Double.random(in: -70...70, using: &rng)
            let launch: Geometry
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: launch = square(lon, lat, Double.random(in: 0.1...1.5, using: &rng))
            case 1: launch = .lineString(LineString([Coordinate(x: lon, y: lat), Coordinate(x: lon + 0.8, y: lat + 0.3)]))
            default: launch = .point(Point(x: lon, y: lat))
            }
            let parameters = try RangeParameters(rangeMeters: Double.random(in: 20_000...400_000, using: &rng),
                                                 minRangeMeters: Bool.random(using: &rng) ? 5_000 : nil, toleranceMeters: 50)
            let prepared = try PreparedLaunch(launch)
            #expect(prepared.geometry == launch)
            #expect(try builder.build(launch: prepared, parameters: parameters).geometry
                    == builder.build(launch: launch, parameters: parameters).geometry, "\(launch)")
        }
    }

    @Test func emptyLaunchIsRefused() {
        #expect(throws: StrikeRangeError.self) { try PreparedLaunch(.geometryCollection(GeometryCollection([]))) }
    }
}
