import Foundation
import Geodesy
import Geometry
import Testing
@testable import StrikeRange

@Suite struct EnvelopeTests {
    let builder = EnvelopeBuilder()
    let verifier = EnvelopeCertifier()
    static let kyiv = Geometry.point(Point(x: 30.5234, y: 50.4501))

    func buildVerified(_ launch: Geometry, _ p: RangeParameters) throws -> (RangeEnvelope, EnvelopeVerification) {
        let e = try builder.build(launch: launch, parameters: p)
        let v = try verifier.verify(e, launch: launch)
        return (e, v)
    }

    @Test func kyiv300kmIsWithinTolerance() throws {
        let (e, v) = try buildVerified(Self.kyiv, try RangeParameters(rangeMeters: 300_000))
        #expect(v.passed, "achieved \(v.achievedErrorMeters) m")
        #expect(v.achievedErrorMeters <= 10)
        // Geodesic disc of 300 km: area close to π r² (ellipsoidal correction is tiny at this size).
        #expect(abs(e.areaSquareMeters / (Double.pi * 300_000 * 300_000) - 1) < 0.01)
        print("kyiv 300km vertices \(e.vertexCount) achieved \(v.achievedErrorMeters)")
    }

    @Test(arguments: [Placement.center, .outer, .inner])
    func placementBands(_ placement: Placement) throws {
        let (_, v) = try buildVerified(Self.kyiv, try RangeParameters(rangeMeters: 300_000, placement: placement))
        #expect(v.passed, "\(placement): achieved \(v.achievedErrorMeters) m, wrong side \(v.wrongSideCount)")
        #expect(v.wrongSideCount == 0)
    }

    @Test func annulusForPointWithMinimumRange() throws {
        let (e, v) = try buildVerified(Self.kyiv, try RangeParameters(rangeMeters: 300_000, minRangeMeters: 70_000))
        #expect(v.passed, "achieved \(v.achievedErrorMeters)")
        #expect(e.geometry.polygons.count == 1)
        #expect(e.geometry.polygons[0].holes.count == 1)
    }

    @Test func poleEnvelopeClosesAlongLatitude90() throws {
        let launch = Geometry.point(Point(x: 10, y: 89.5))
        let (e, v) = try buildVerified(launch, try RangeParameters(rangeMeters: 500_000))
        #expect(v.passed, "achieved \(v.achievedErrorMeters)")
        let ys = e.geometry.polygons.flatMap { $0.exterior.map(\.y) }
        #expect(ys.contains(90))
        // Cap area of a 500 km radius around (almost) the pole: about π r².
        #expect(abs(e.areaSquareMeters / (Double.pi * 500_000 * 500_000) - 1) < 0.02)
    }

    @Test(arguments: [15_000_000.0, 19_990_000.0])
    func hugeRanges(_ range: Double) throws {
        let (e, v) = try buildVerified(Self.kyiv, try RangeParameters(rangeMeters: range))
        #expect(v.passed, "\(range): achieved \(v.achievedErrorMeters)")
        #expect(e.areaSquareMeters > 0)
        print("huge \(range) area \(e.areaSquareMeters) vertices \(e.vertexCount)")
    }

    @Test func globe() throws {
        let (e, v) = try buildVerified(Self.kyiv, try RangeParameters(rangeMeters: 25_000_000))
        #expect(v.passed)
        #expect(abs(e.areaSquareMeters - 510_065_621_724_088.5) < 1e6, "area \(e.areaSquareMeters)")
    }

    @Test func lineLaunch() throws {
        let line = Geometry.lineString(LineString([Coordinate(x: 33, y: 52), Coordinate(x: 35, y: 51.5), Coordinate(x: 36, y: 50.5), Coordinate(x: 38, y: 50)]))
        let (e, v) = try buildVerified(line, try RangeParameters(rangeMeters: 165_000))
        #expect(v.passed, "achieved \(v.achievedErrorMeters) at \(String(describing: v.worstPoint))")
        print("line vertices \(e.vertexCount) achieved \(v.achievedErrorMeters)")
    }

    @Test func polygonLaunch() throws {
        let square = Geometry.polygon(Polygon(exterior: [Coordinate(x: 30, y: 49), Coordinate(x: 34, y: 49), Coordinate(x: 34, y: 51), Coordinate(x: 32, y: 50), Coordinate(x: 30, y: 51), Coordinate(x: 30, y: 49)]))
        let (e, v) = try buildVerified(square, try RangeParameters(rangeMeters: 300_000))
        #expect(v.passed, "achieved \(v.achievedErrorMeters) at \(String(describing: v.worstPoint))")
        print("polygon vertices \(e.vertexCount) achieved \(v.achievedErrorMeters)")
    }

    @Test func antimeridianCrossing() throws {
        let petropavlovsk = Geometry.point(Point(x: 158.65, y: 53.02))
        let (e, v) = try buildVerified(petropavlovsk, try RangeParameters(rangeMeters: 2_000_000))
        #expect(v.passed, "achieved \(v.achievedErrorMeters)")
        #expect(e.geometry.polygons.count == 2)
        #expect(e.geometry.polygons.allSatisfy { $0.exterior.allSatisfy { abs($0.x) <= 180 } })
    }

    @Test func partsFarApartInLongitude() throws {
        let two = Geometry.multiPolygon(MultiPolygon([
            Polygon(exterior: [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 1), Coordinate(x: 0, y: 0)]),
            Polygon(exterior: [Coordinate(x: 90, y: 0), Coordinate(x: 91, y: 0), Coordinate(x: 91, y: 1), Coordinate(x: 90, y: 1), Coordinate(x: 90, y: 0)]),
        ]))
        let (e, v) = try buildVerified(two, try RangeParameters(rangeMeters: 100_000))
        #expect(v.passed, "achieved \(v.achievedErrorMeters)")
        #expect(e.geometry.polygons.count == 2)
    }
}
