import Foundation
import Geodesy
import Geometry
import Testing
import TestSupport
@testable import StrikeRange

@Suite struct ReachVerdictTests {
    let p1 = LonLat(longitude: 30, latitude: 50), p2 = LonLat(longitude: 34, latitude: 50)

    /// Target 20 km from one launch point (inside its 100 km minimum range) but about 270 km from the
    /// other: reachable from the second, so in range.
    @Test func withinMinimumOfOnePartButReachableFromAnother() throws {
        let launch = Geometry.multiPoint(MultiPoint([Point(x: p1.longitude, y: p1.latitude), Point(x: p2.longitude, y: p2.latitude)]))
        let weapon = RangeVariant(weaponID: "test", kind: .custom, parameters: try RangeParameters(rangeMeters: 500_000, minRangeMeters: 100_000))
        let calculator = try ReachCalculator(launch: launch, weapons: [weapon], threadCount: 1)
        let target = Geodesic.wgs84.direct(from: p1, azimuthDegrees: 200, distanceMeters: 20_000)
        let r = try calculator.evaluate([ReachTarget(name: "t", point: LonLat(longitude: target.longitude, latitude: target.latitude))])[0][0]
        // Oracle: the distances to both launch points straight from geod_inverse.
        #expect(abs(r.distanceMeters - 20_000) < 0.01)
        #expect(try #require(r.farthestMeters) > 250_000)
        #expect(r.verdict == .inRange)
    }

    /// A 10 km square launch area and a target 30 km from it: within 100 km of every launch point.
    @Test func withinMinimumOfAllLaunchPoints() throws {
        let square = Polygon(exterior: [Coordinate(x: 30, y: 50), Coordinate(x: 30.14, y: 50), Coordinate(x: 30.14, y: 50.09),
                                        Coordinate(x: 30, y: 50.09), Coordinate(x: 30, y: 50)])
        let weapon = RangeVariant(weaponID: "test", kind: .custom, parameters: try RangeParameters(rangeMeters: 500_000, minRangeMeters: 100_000))
        let calculator = try ReachCalculator(launch: .polygon(square), weapons: [weapon], threadCount: 1)
        let target = LonLat(longitude: 30.07, latitude: 50.36)
        let r = try calculator.evaluate([ReachTarget(name: "t", point: target)])[0][0]
        let farthestCorner = [LonLat(longitude: 30, latitude: 50), LonLat(longitude: 30.14, latitude: 50)]
            .map { Geodesic.wgs84.distanceMeters($0, target) }.max()!
        #expect(abs(try #require(r.farthestMeters) - farthestCorner) < 0.01)
        #expect(r.verdict == .insideMinRange)
        #expect(r.marginMeters > 0)
    }

    @Test func toleranceBandAndInside() throws {
        let weapon = RangeVariant(weaponID: "test", kind: .custom, parameters: try RangeParameters(rangeMeters: 100_000, toleranceMeters: 10))
        let calculator = try ReachCalculator(launch: .point(Point(x: p1.longitude, y: p1.latitude)), weapons: [weapon], threadCount: 1)
        func at(_ d: Double) -> ReachTarget {
            let p = Geodesic.wgs84.direct(from: p1, azimuthDegrees: 45, distanceMeters: d)
            return ReachTarget(name: "\(d)", point: LonLat(longitude: p.longitude, latitude: p.latitude))
        }
        let v = try calculator.evaluate([at(99_980), at(99_995), at(100_005), at(100_020)]).map { $0[0].verdict }
        #expect(v == [.inRange, .withinTolerance, .withinTolerance, .outOfRange])
        let az = try calculator.evaluate([at(50_000)])[0][0].azimuthDegrees
        #expect(abs(try #require(az) - 45) < 1e-6)
    }

    /// A polygon target stands for its point nearest to the launch area: a 0.2°-wide box whose west edge
    /// is 1° east of a launch point is as far as that edge's nearest point.
    @Test func polygonTargetUsesItsNearestPoint() throws {
        let weapon = RangeVariant(weaponID: "test", kind: .custom, parameters: try RangeParameters(rangeMeters: 300_000))
        let calculator = try ReachCalculator(launch: .point(Point(x: 30, y: 50)), weapons: [weapon], threadCount: 1)
        let box = Polygon(exterior: [Coordinate(x: 31, y: 49.5), Coordinate(x: 31.2, y: 49.5), Coordinate(x: 31.2, y: 50.5),
                                     Coordinate(x: 31, y: 50.5), Coordinate(x: 31, y: 49.5)])
        let r = try calculator.evaluate([ReachTarget(name: "box", geometry: .polygon(box))])[0][0]
        // Brute force over the west edge at 1e-4° steps (oracle: geod_inverse on each sample).
        var best = Double.infinity
        for k in 0...10_000 {
            best = min(best, Geodesic.wgs84.distanceMeters(LonLat(longitude: 30, latitude: 50), LonLat(longitude: 31, latitude: 49.5 + Double(k) * 1e-4)))
        }
        #expect(abs(r.distanceMeters - best) < 0.5)
        #expect(abs(r.targetPoint.longitude - 31) < 1e-9)
    }
}

@Suite struct ReachBatchClassifierTests {
    /// Every verdict of the envelope-bracketed batch classifier equals the exact one (outside the tolerance
    /// band by construction, and inside it because band points take the exact path). 100,000 targets in a
    /// release build, 10,000 in debug (the exact reference and the envelopes take about a minute for 20,000 there).
    @Test func fastClassificationAgreesWithExactDistances() throws {
        #if DEBUG
        let count = 10_000
        #else
        let count = 100_000
        #endif
        let catalog = try CatalogTestData.catalog()
        let ukraine = try catalog.regions().country(matching: "UA").geometry
        let weapon = RangeVariant(weaponID: "atacms", kind: .nominal, parameters: try RangeParameters(rangeMeters: 300_000, toleranceMeters: 10))
        let calculator = try ReachCalculator(launch: ukraine, weapons: [weapon])
        var rng = SplitMix64(seed: 5)
        var lon = [Double](), lat = [Double]()
        for _ in 0..<count {
            lat.append(44 + 16 * rng.nextUnit())
            lon.append(22 + 28 * rng.nextUnit())
        }
        let fast = try ReachBatchClassifier(calculator: calculator, weaponIndex: 0).classify(longitudes: lon, latitudes: lat)
        let exact = try calculator.evaluate(lon.indices.map { ReachTarget(name: "", point: LonLat(longitude: lon[$0], latitude: lat[$0])) })
        var disagreements = 0, outsideBand = 0
        for i in 0..<count {
            let e = exact[i][0]
            guard abs(e.marginMeters) >= weapon.parameters.toleranceMeters else { continue }
            outsideBand += 1
            if fast.verdicts[i] != e.verdict { disagreements += 1 }
        }
        #expect(disagreements == 0)
        #expect(outsideBand > count * 99 / 100)
        // The band between the bracketing envelopes is thin: few points need the exact path.
        #expect(fast.statistics.exact < count / 100)
        let counts = Dictionary(grouping: fast.verdicts, by: { $0 }).mapValues(\.count)
        #expect((counts[.inRange] ?? 0) > count / 10 && (counts[.outOfRange] ?? 0) > count / 10)
    }
}

@Suite struct PolygonRowIndexTests {
    /// The row index answers as GEOS's prepared covers does (oracle: GEOSPreparedCovers_r) on the Ukraine
    /// 300 km envelope for 50,000 random points, except for points within 1e-9° of an edge.
    @Test func agreesWithPreparedCovers() throws {
        let ukraine = try CatalogTestData.catalog().regions().country(matching: "UA").geometry
        let envelope = try EnvelopeBuilder().build(launch: ukraine, parameters: RangeParameters(rangeMeters: 300_000)).geometry
        let index = PolygonRowIndex(envelope)
        var rng = SplitMix64(seed: 9)
        var x = [Double](), y = [Double]()
        for _ in 0..<50_000 { y.append(40 + 24 * rng.nextUnit()); x.append(15 + 40 * rng.nextUnit()) }
        let engine = GeometryEngine()
        let geos = try engine.prepare(.multiPolygon(envelope)).coversPoints(x: x, y: y)
        let ours = x.indices.map { index.contains(x: x[$0], y: y[$0]) }
        #expect(zip(geos, ours).filter { $0 != $1 }.count == 0)
        #expect(geos.filter { $0 }.count > 10_000)
    }
}
