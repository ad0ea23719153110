import Foundation
import Geodesy
import Geometry
import Testing
@testable import StrikeRange

/// Range fans, sectors and interval rings (issue 16). The fans are checked against the geodesic solver directly
/// (distance and azimuth of every output vertex, classification of random points); the certifier is fed wrong
/// fans and must fail them. Scripts/validate/check-fans.py repeats the checks with pyproj and shapely.
@Suite struct RangeFanTests {
    let geodesic = Geodesic.wgs84

    @Test(arguments: [
        ("30..120", 30.0, 90.0), ("300..60", 300.0, 120.0), ("300 .. 60", 300.0, 120.0), ("30°..150°", 30.0, 120.0),
        ("0..359", 0.0, 359.0), ("350-10", 350.0, 20.0),
    ])
    func sectorsParse(text: String, start: Double, width: Double) throws {
        let s = try RangeSector(parsing: text)
        #expect(abs(s.startDegrees - start) < 1e-12 && abs(s.widthDegrees - width) < 1e-12)
    }

    @Test(arguments: [("30..30", "no width"), ("0..360", "no width"), ("abc", "'abc'"), ("-30..120", "-30"), ("30..400", "400"), ("nan..30", "nan")])
    func badSectorsSayWhy(text: String, needle: String) {
        #expect { _ = try RangeSector(parsing: text) } throws: { "\($0)".contains(needle) && "\($0)".contains("--sector") }
    }

    @Test func bearingAndWidth() throws {
        let s = try RangeSector(bearingDegrees: 10, widthDegrees: 120)
        #expect(s.startDegrees == 310 && s.widthDegrees == 120 && s.bearingDegrees == 10)
        #expect(s.contains(0) && s.contains(310) && s.contains(70) && !s.contains(71) && !s.contains(180))
        for (b, w) in [(75.0, 0.0), (75, 360), (75, .nan), (.nan, 90), (400, 90), (-1, 90)] {
            #expect(throws: StrikeRangeError.self) { _ = try RangeSector(bearingDegrees: b, widthDegrees: w) }
        }
    }

    @Test func ringsParse() throws {
        #expect(try RangeRings(parsing: "100km", rangeMeters: 300_000).distancesMeters == [100_000, 200_000, 300_000])
        #expect(try RangeRings(parsing: "70km", rangeMeters: 300_000).distancesMeters == [70_000, 140_000, 210_000, 280_000])
        #expect(try RangeRings(parsing: "150km, 50km,300km", rangeMeters: 300_000).distancesMeters == [50_000, 150_000, 300_000])
        for (text, needle) in [("0km", "above 0"), ("400km", "beyond the range"), ("100", "unit"), ("1m", "at most 100"),
                               ("50km,50km", "twice"), ("50km,400km", "beyond the range")] {
            #expect { _ = try RangeRings(parsing: text, rangeMeters: 300_000) } throws: { "\($0)".contains(needle) && "\($0)".contains("--rings") }
        }
    }

    /// Seeded random fans worldwide: every output vertex is within the tolerance of the true boundary, points
    /// well inside/outside (by the solver's own distance and azimuth) are classified right, and the certifier passes.
    @Test func randomFansAreRightAndCertified() throws {
        var rng = SeededGenerator(seed: 1616)
        let certifier = FanCertifier()
        for _ in 0..<8 {
            let center = LonLat(longitude: Double.random(in: -180..<180, using: &rng), latitude: Double.random(in: -80...80, using: &rng))
            let sector = try RangeSector(bearingDegrees: Double.random(in: 0..<360, using: &rng), widthDegrees: Double.random(in: 1...350, using: &rng))
            let range = Double.random(in: 10_000...600_000, using: &rng)
            let minimum: Double? = Bool.random(using: &rng) ? range * Double.random(in: 0.05...0.8, using: &rng) : nil
            // 25 m: the certifier samples every t/2, so a finer tolerance only costs time here (check-fans.py uses 10 m and 1 m).
            let parameters = try RangeParameters(rangeMeters: range, minRangeMeters: minimum, toleranceMeters: 25)
            let fan = try FanBuilder().build(center: center, parameters: parameters, sector: sector)
            let check = certifier.verify(fan, center: center, sector: sector)
            #expect(check.passed, "\(center) \(sector) \(range): \(check.failureSummary ?? "")")
            #expect(check.achievedErrorMeters <= 25 && check.membershipSampleCount > 1000)
            for polygon in fan.geometry.polygons {
                for c in polygon.exterior where abs(c.x) != 180 {
                    let d = certifier.boundaryDistance(LonLat(longitude: c.x, latitude: c.y), center: center, parameters: parameters, sector: sector)
                    #expect(d <= 25, "vertex \(c) is \(d) m off the fan boundary")
                }
            }
        }
    }

    /// The certifier is fed wrong fans (a longer range, a wider and a turned sector, a missing minimum range,
    /// nothing) and must fail each.
    @Test func certifierRejectsWrongFans() throws {
        let center = LonLat(longitude: 37.6, latitude: 55.6)
        let sector = try RangeSector(parsing: "30..150")
        let parameters = try RangeParameters(rangeMeters: 300_000, minRangeMeters: 50_000, toleranceMeters: 50)
        let builder = FanBuilder(), certifier = FanCertifier()
        #expect(certifier.verify(try builder.build(center: center, parameters: parameters, sector: sector), center: center, sector: sector).passed)
        let wrong: [(String, MultiPolygon)] = [
            ("range 1 % long", try builder.build(center: center, parameters: RangeParameters(rangeMeters: 303_000, minRangeMeters: 50_000, toleranceMeters: 50), sector: sector).geometry),
            ("sector 1° wider", try builder.build(center: center, parameters: parameters, sector: RangeSector(parsing: "30..151")).geometry),
            ("sector turned 5°", try builder.build(center: center, parameters: parameters, sector: RangeSector(parsing: "35..155")).geometry),
            ("no minimum range", try builder.build(center: center, parameters: RangeParameters(rangeMeters: 300_000, toleranceMeters: 50), sector: sector).geometry),
            ("empty", MultiPolygon([])),
        ]
        for (name, geometry) in wrong {
            let check = certifier.verify(geometry, parameters: parameters, center: center, sector: sector)
            #expect(!check.passed, "\(name) passed")
        }
    }

    @Test func fanAcrossTheAntimeridianIsCut() throws {
        let center = LonLat(longitude: 179.5, latitude: -17)
        let fan = try FanBuilder().build(center: center, parameters: RangeParameters(rangeMeters: 500_000, toleranceMeters: 50), sector: RangeSector(parsing: "45..135"))
        #expect(fan.geometry.polygons.count == 2)
        #expect(fan.geometry.polygons.allSatisfy { $0.exterior.allSatisfy { (-180...180).contains($0.x) } })
        #expect(FanCertifier().verify(fan, center: center, sector: try RangeSector(parsing: "45..135")).passed)
    }

    @Test func fansNeedOnePointAndAModestRange() throws {
        let line = Geometry.lineString(LineString([Coordinate(x: 30, y: 50), Coordinate(x: 31, y: 50)]))
        #expect(try RangeFigureBuilder.fanLaunch(line) == .lines)
        let area = Geometry.polygon(Polygon(exterior: [Coordinate(x: 30, y: 50), Coordinate(x: 31, y: 50), Coordinate(x: 31, y: 51), Coordinate(x: 30, y: 50)]))
        #expect { _ = try RangeFigureBuilder.fanLaunch(area) } throws: { "\($0)".contains("not from areas") && "\($0)".contains("boundary as a line") }
        #expect(throws: StrikeRangeError.self) {
            _ = try FanBuilder().build(center: LonLat(longitude: 0, latitude: 0), parameters: RangeParameters(rangeMeters: 12_000_000), sector: RangeSector(parsing: "0..90"))
        }
    }

    @Test func scenarioWeaponTakesSectorAndRings() throws {
        let s = try ScenarioDecoder.decode("""
            launch: 37UDB1234567890
            weapons:
              - name: System 300
                range: 300km
                sector: 30..150
                rings: [100km, 200km]
              - id: atacms
                rings: 100km
            """, file: "s.yaml")
        #expect(s.figures[0]?.sector == (try RangeSector(parsing: "30..150")))
        #expect(s.figures[0]?.rings?.value == "100km,200km")
        #expect(s.figures[1]?.rings?.value == "100km" && s.figures[1]?.sector == nil)
        #expect {
            _ = try ScenarioDecoder.decode("launch: 50,30\nweapons:\n  - name: x\n    range: 300km\n    sector: 30..30\n", file: "s.yaml")
        } throws: { "\($0)".contains("s.yaml:5") && "\($0)".contains("weapons[0].sector") && "\($0)".contains("no width") }
    }
}
