import Foundation
import Geodesy
import Geometry
import Testing
@testable import StrikeRange

/// Range fans from a launch line (issue 16): seeded random lines worldwide are built by `LineFanBuilder` and
/// checked both ways against the certifier's membership function (points well inside the true line fan are in
/// the output, points well outside are not) and by the certifier as a whole; the certifier is fed wrong fans (a
/// point fan from one end, a shrunk fan, a turned sector, nothing) and must fail each.
/// Scripts/validate/check-line-fans.py repeats the checks with pyproj.
@Suite struct LineFanTests {
    let geodesic = Geodesic.wgs84

    func line(_ points: [(Double, Double)]) -> Geometry {
        .lineString(LineString(points.map { Coordinate(x: $0.0, y: $0.1) }))
    }

    /// A random track of 2–4 legs of 10–80 km from a random start between 65°S and 65°N.
    func randomTrack(_ rng: inout SeededGenerator) -> Geometry {
        var p = LonLat(longitude: Double.random(in: -180..<180, using: &rng), latitude: Double.random(in: -65...65, using: &rng))
        var points = [(p.longitude, p.latitude)]
        for _ in 0..<Int.random(in: 2...4, using: &rng) {
            p = geodesic.direct(from: p, azimuthDegrees: Double.random(in: 0..<360, using: &rng), distanceMeters: Double.random(in: 10_000...80_000, using: &rng)).position
            points.append((p.longitude, p.latitude))
        }
        return line(points)
    }

    @Test func randomLineFansAreRightBothWaysAndCertified() throws {
        var rng = SeededGenerator(seed: 1617)
        for _ in 0..<4 {
            let launch = randomTrack(&rng)
            let sector = try RangeSector(bearingDegrees: Double.random(in: 0..<360, using: &rng), widthDegrees: Double.random(in: 5...300, using: &rng))
            let range = Double.random(in: 20_000...300_000, using: &rng)
            let minimum: Double? = Bool.random(using: &rng) ? range * Double.random(in: 0.1...0.6, using: &rng) : nil
            let parameters = try RangeParameters(rangeMeters: range, minRangeMeters: minimum, toleranceMeters: 100)
            let fan = try LineFanBuilder().build(launch: try PreparedLaunch(launch), parameters: parameters, sector: sector)
            let check = LineFanCertifier().verify(fan, launch: launch, sector: sector)
            #expect(check.passed, "\(launch) \(sector) \(range) \(minimum ?? 0): \(check.failureSummary ?? "")")
            #expect(check.achievedErrorMeters <= 100 && check.membershipSampleCount > 300)

            // Both ways, on points of our own: all round random launch points along the line, out to 1.2 times the range.
            let field = LineFanField(geodesic: geodesic, launch: launch, parameters: parameters, sector: sector)
            let output = CertifiedOutput(fan.geometry)
            let stations = field.stations.flatMap { $0 }
            var inside = 0, outside = 0
            for _ in 0..<300 {
                let from = stations[Int.random(in: 0..<stations.count, using: &rng)]
                let p = geodesic.direct(from: from, azimuthDegrees: Double.random(in: 0..<360, using: &rng),
                                        distanceMeters: Double.random(in: 0...(1.2 * range), using: &rng)).position
                let g = field.g(p)
                guard abs(g) > 100 else { continue }
                #expect((g < 0) == output.contains(p), "\(p): g = \(g) m")
                if g < 0 { inside += 1 } else { outside += 1 }
            }
            #expect(inside > 30 && outside > 30)
        }
    }

    /// The line fan contains every station's point fan and reaches beyond the fan of either end.
    @Test func lineFanHoldsItsEndsFansAndMore() throws {
        let launch = line([(31, 44), (32, 44.6), (33.5, 44.5)])
        let sector = try RangeSector(parsing: "30..120")
        let parameters = try RangeParameters(rangeMeters: 300_000, toleranceMeters: 50)
        let fan = try LineFanBuilder().build(launch: try PreparedLaunch(launch), parameters: parameters, sector: sector)
        let engine = GeometryEngine()
        for end in [LonLat(longitude: 31, latitude: 44), LonLat(longitude: 33.5, latitude: 44.5)] {
            let pointFan = try FanBuilder().build(center: end, parameters: parameters, sector: sector)
            let outside = try engine.difference(.multiPolygon(pointFan.geometry), .multiPolygon(fan.geometry))
            // What a point fan has beyond the line fan is at most a tolerance-wide sliver.
            #expect(GeodesicMeasure(geodesic).areaSquareMeters(outside) < 2 * 50 * 1_000_000, "\(end)")
            #expect(fan.areaSquareMeters > 1.2 * pointFan.areaSquareMeters)
        }
    }

    @Test func certifierRejectsWrongLineFans() throws {
        let launch = line([(31, 44), (32, 44.6), (33.5, 44.5)])
        let sector = try RangeSector(parsing: "30..120")
        let parameters = try RangeParameters(rangeMeters: 200_000, minRangeMeters: 40_000, toleranceMeters: 100)
        let builder = LineFanBuilder(), certifier = LineFanCertifier()
        let right = try builder.build(launch: try PreparedLaunch(launch), parameters: parameters, sector: sector)
        #expect(certifier.verify(right, launch: launch, sector: sector).passed)
        // Shrunk by 1 % towards each part's mean vertex in lon/lat: the boundary moves inwards by up to a few km.
        let shrunk = MultiPolygon(right.geometry.polygons.map { p in
            let n = Double(p.exterior.count)
            let cx = p.exterior.map(\.x).reduce(0, +) / n, cy = p.exterior.map(\.y).reduce(0, +) / n
            return Polygon(exterior: p.exterior.map { Coordinate(x: cx + 0.99 * ($0.x - cx), y: cy + 0.99 * ($0.y - cy)) })
        })
        let wrong: [(String, MultiPolygon)] = [
            ("the point fan of one end", try FanBuilder().build(center: LonLat(longitude: 31, latitude: 44), parameters: parameters, sector: sector).geometry),
            ("shrunk by 1 %", shrunk),
            ("range 1 % long", try builder.build(launch: try PreparedLaunch(launch), parameters: RangeParameters(rangeMeters: 202_000, minRangeMeters: 40_000, toleranceMeters: 100), sector: sector).geometry),
            ("sector turned 3°", try builder.build(launch: try PreparedLaunch(launch), parameters: parameters, sector: RangeSector(parsing: "33..123")).geometry),
            ("no minimum range", try builder.build(launch: try PreparedLaunch(launch), parameters: RangeParameters(rangeMeters: 200_000, toleranceMeters: 100), sector: sector).geometry),
            ("empty", MultiPolygon([])),
        ]
        for (name, geometry) in wrong {
            let check = certifier.verify(geometry, parameters: parameters, launch: launch, sector: sector)
            #expect(!check.passed, "\(name) passed")
        }
    }

    @Test func lineAcrossTheAntimeridianIsCut() throws {
        let launch = Geometry.multiLineString(MultiLineString([
            LineString([Coordinate(x: 179.2, y: 60), Coordinate(x: 180, y: 60.3)]),
            LineString([Coordinate(x: -180, y: 60.3), Coordinate(x: -179.4, y: 60.6)]),
        ]))
        let sector = try RangeSector(parsing: "45..135")
        let fan = try LineFanBuilder().build(launch: try PreparedLaunch(launch), parameters: RangeParameters(rangeMeters: 250_000, toleranceMeters: 100), sector: sector)
        #expect(fan.geometry.polygons.count >= 2)
        #expect(fan.geometry.polygons.allSatisfy { $0.exterior.allSatisfy { (-180...180).contains($0.x) } })
        #expect(LineFanCertifier().verify(fan, launch: launch, sector: sector).passed)
    }

    @Test func areasAndPolesAreRefusedClearly() throws {
        let parameters = try RangeParameters(rangeMeters: 300_000, toleranceMeters: 100)
        let area = Geometry.polygon(Polygon(exterior: [Coordinate(x: 30, y: 50), Coordinate(x: 31, y: 50), Coordinate(x: 31, y: 51), Coordinate(x: 30, y: 50)]))
        #expect { _ = try LineFanBuilder().build(launch: try PreparedLaunch(area), parameters: parameters, sector: RangeSector(parsing: "0..90")) } throws: {
            "\($0)".contains("boundary as a line")
        }
        let arctic = line([(10, 87), (20, 87.5)])
        #expect { _ = try LineFanBuilder().build(launch: try PreparedLaunch(arctic), parameters: parameters, sector: RangeSector(parsing: "300..60")) } throws: {
            "\($0)".contains("North Pole")
        }
    }
}
