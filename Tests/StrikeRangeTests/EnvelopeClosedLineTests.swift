import Foundation
import Geodesy
import Geometry
import Testing
@testable import StrikeRange

/// Issue 10 regression: the envelope of a closed line (an area's own boundary, from which a standoff is
/// measured) is the band along it. The builder classified the band by a point of its filled exterior (the
/// middle of the hole, far out of range) and dropped it whole, so `--standoff` did nothing for most areas.
struct EnvelopeClosedLineTests {
    /// A ~111 km square ring near the equator, 10 km range: a band of about perimeter × 20 km, with the
    /// centre outside it and points 5 km either side of an edge inside it (geodesic checks, pyproj-free:
    /// the distances are from our Geodesic, which tests against GeodSolve elsewhere).
    @Test func bandAlongAClosedRing() throws {
        let ring = [(30.0, 0.0), (31.0, 0.0), (31.0, 1.0), (30.0, 1.0), (30.0, 0.0)].map { Coordinate(x: $0.0, y: $0.1) }
        let parameters = try RangeParameters(rangeMeters: 10_000, toleranceMeters: 10)
        let envelope = try EnvelopeBuilder().build(launch: .lineString(LineString(ring)), parameters: parameters)
        let perimeterMeters = 4 * 111_000.0
        let areaRatio = envelope.areaSquareMeters / (perimeterMeters * 20_000)
        #expect(areaRatio > 0.9 && areaRatio < 1.15, "band area \(envelope.areaSquareMeters / 1e6) km²")
        let engine = GeometryEngine()
        let band = Geometry.multiPolygon(envelope.geometry)
        func inside(_ lon: Double, _ lat: Double) throws -> Bool { try engine.contains(band, .point(Point(x: lon, y: lat))) }
        #expect(try !inside(30.5, 0.5), "the middle of the ring is 55 km from it")
        #expect(try inside(30.5, 0.045) && inside(30.5, -0.045), "5 km either side of the southern edge")
    }
}
