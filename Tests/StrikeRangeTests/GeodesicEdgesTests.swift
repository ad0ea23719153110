import Foundation
import GeoJSON
import Geodesy
import Geometry
import Testing
@testable import StrikeRange

/// `--edges geodesic` (issue 11): envelopes rewritten for engines that read edges as great-circle arcs. Checked
/// against the geodesic solver directly: points along every arc (interpolated on the sphere, as PostGIS and S2 do)
/// lie within the stated bound of the range, loops cross ±180° instead of being cut, and a pole inside the range is
/// inside a loop that winds around it. Scripts/validate/check-postgis.py loads them into a real PostGIS.
@Suite struct GeodesicEdgesTests {
    let geodesic = Geodesic.wgs84

    /// A point at `fraction` of the great-circle arc a→b, lon/lat taken as spherical coordinates.
    func arcPoint(_ a: Coordinate, _ b: Coordinate, _ fraction: Double) -> LonLat {
        func unit(_ c: Coordinate) -> SIMD3<Double> {
            let lon = c.x * .pi / 180, lat = c.y * .pi / 180
            return SIMD3(cos(lat) * cos(lon), cos(lat) * sin(lon), sin(lat))
        }
        let ua = unit(a), ub = unit(b)
        let omega = acos(max(-1, min(1, (ua * ub).sum())))
        let p = omega < 1e-15 ? ua : (sin((1 - fraction) * omega) * ua + sin(fraction * omega) * ub) / sin(omega)
        return LonLat(longitude: atan2(p.y, p.x) * 180 / .pi, latitude: atan2(p.z, (p.x * p.x + p.y * p.y).squareRoot()) * 180 / .pi)
    }

    /// Seeded random point launches worldwide, half of them near a pole or ±180°: every vertex and random points
    /// on every arc are within the reported bound of the range; longitudes stay in [-180, 180] with no edge
    /// spanning 180° or more; a pole within range is wound around by an outer loop.
    @Test func randomPointLaunchesHoldTheirBoundAsArcs() throws {
        var rng = SeededGenerator(seed: 1111)
        for trial in 0..<14 {
            let lat: Double, lon: Double
            switch trial % 3 {
            case 0: lat = Double.random(in: -80...80, using: &rng); lon = Double.random(in: -180..<180, using: &rng)
            case 1: lat = Double.random(in: -80...80, using: &rng); lon = (Bool.random(using: &rng) ? 1 : -1) * Double.random(in: 176...180, using: &rng)
            default: lat = (Bool.random(using: &rng) ? 1 : -1) * Double.random(in: 75...90, using: &rng); lon = Double.random(in: -180..<180, using: &rng)
            }
            let center = LonLat(longitude: lon, latitude: lat)
            let range = Double.random(in: 200_000...2_000_000, using: &rng)
            let parameters = try RangeParameters(rangeMeters: range, toleranceMeters: 10)
            var envelope = try EnvelopeBuilder().build(launch: .point(Point(x: lon, y: lat)), parameters: parameters)
            envelope.verification = try EnvelopeCertifier().verify(envelope, launch: .point(Point(x: lon, y: lat)))
            let rewritten = try envelope.withGeodesicEdges()
            let check = try #require(rewritten.verification)
            #expect(check.passed, "trial \(trial) at \(lat),\(lon), \(range) m: \(check.failureSummary ?? "")")
            #expect(rewritten.edges == .geodesic && rewritten.areaSquareMeters == envelope.areaSquareMeters)
            let bound = check.achievedErrorMeters
            var worst = 0.0
            for polygon in rewritten.geometry.polygons {
                for ring in [polygon.exterior] + polygon.holes {
                    #expect(ring.first == ring.last)
                    for (a, b) in zip(ring, ring.dropFirst()) {
                        #expect(abs(a.x) <= 180 && abs(a.y) <= 90)
                        var dx = abs(b.x - a.x)
                        if dx > 180 { dx = 360 - dx }
                        #expect(dx < 90, "an edge spans \(dx)° of longitude")
                        for fraction in [0.0, Double.random(in: 0...1, using: &rng), 0.5] {
                            let d = geodesic.distanceMeters(center, arcPoint(a, b, fraction))
                            worst = max(worst, abs(d - range))
                        }
                    }
                }
            }
            #expect(worst <= bound + 1e-6, "trial \(trial) at \(lat),\(lon): an arc point is \(worst) m off the range, bound \(bound) m")
            // Which pole is within range: its loop must wind around it (net longitude change ±360° along the ring).
            for pole in [90.0, -90.0] where geodesic.distanceMeters(center, LonLat(longitude: 0, latitude: pole)) < range - 100 {
                let winds = rewritten.geometry.polygons.contains { polygon in
                    var turn = 0.0
                    for (a, b) in zip(polygon.exterior, polygon.exterior.dropFirst()) {
                        var dx = b.x - a.x
                        if dx > 180 { dx -= 360 } else if dx < -180 { dx += 360 }
                        turn += dx
                    }
                    return abs(abs(turn) - 360) < 1e-6 && polygon.exterior.allSatisfy { ($0.y > 0) == (pole > 0) }
                }
                #expect(winds, "trial \(trial) at \(lat),\(lon): no loop winds around the pole at \(pole)")
            }
        }
    }

    /// An area launch crossing nothing special keeps its shape: the same number of outer loops and holes.
    @Test func areaLaunchKeepsItsLoops() throws {
        let square = Geometry.polygon(Polygon(exterior: [
            Coordinate(x: 30, y: 50), Coordinate(x: 32, y: 50), Coordinate(x: 32, y: 51), Coordinate(x: 30, y: 51), Coordinate(x: 30, y: 50)]))
        let parameters = try RangeParameters(rangeMeters: 100_000, minRangeMeters: 20_000, toleranceMeters: 10)
        var envelope = try EnvelopeBuilder().build(launch: square, parameters: parameters)
        envelope.verification = try EnvelopeCertifier().verify(envelope, launch: square)
        let rewritten = try envelope.withGeodesicEdges()
        #expect(rewritten.geometry.polygons.count == envelope.geometry.polygons.count)
        #expect(rewritten.geometry.polygons.map(\.holes.count) == envelope.geometry.polygons.map(\.holes.count))
        #expect(rewritten.verification?.passed == true)
    }

    @Test func uncertifiedOrHugeEnvelopesAreRefusedByName() throws {
        let point = Geometry.point(Point(x: 10, y: 10))
        let near = try EnvelopeBuilder().build(launch: point, parameters: try RangeParameters(rangeMeters: 100_000, toleranceMeters: 10))
        #expect { _ = try near.withGeodesicEdges() } throws: { "\($0)".contains("certified") && "\($0)".contains("--edges geodesic") }
        var huge = try EnvelopeBuilder().build(launch: point, parameters: try RangeParameters(rangeMeters: 12_000_000, toleranceMeters: 10))
        huge.verification = try EnvelopeCertifier().verify(huge, launch: point)
        #expect { _ = try huge.withGeodesicEdges() } throws: { "\($0)".contains("hemisphere") && "\($0)".contains("--edges lonlat") }
    }

    /// The writer keeps great-circle geometry as it is: not cut at ±180°, winding kept.
    @Test func writerLeavesGeodesicGeometryUncut() throws {
        let ring = [Coordinate(x: 179, y: 10), Coordinate(x: -179, y: 10), Coordinate(x: -179, y: 11), Coordinate(x: 179, y: 11), Coordinate(x: 179, y: 10)]
        let geometry = Geometry.polygon(Polygon(exterior: ring))
        let cut = GeoJSONWriter().string(geometry)
        let kept = GeoJSONWriter(cutsAtAntimeridian: false).string(geometry)
        #expect(cut.contains("MultiPolygon") && !kept.contains("MultiPolygon") && kept.contains("-179"))
    }
}
