import Foundation
import Geodesy
import Testing
@testable import StrikeRange

/// MGRS and UTM (issue 16). Expected strings and positions are from the `mgrs` package (GEOTRANS), not from
/// this code; Scripts/validate/check-mgrs.py compares thousands of seeded points with it.
@Suite struct GridReferenceTests {
    let projector = UTMProjector()

    @Test(arguments: [
        (50.45, 30.52, 5, "36U UA 23940 91604"),
        (59.9, 5.0, 5, "32V KM 76306 47034"),      // Norway: zone 32 widened west to 3°E
        (78.0, 15.0, 5, "33X WG 00000 58369"),     // Svalbard: zone 33 is 9°E–21°E
        (-33.9, 18.4, 2, "34H BH 59 45"),
        (-79.9, -179.9, 3, "01C DM 432 281"),
        (83.9, 41.9, 4, "37X EP 3439 1779"),
        (0.0, 0.0, 5, "31N AA 66021 00000"),
    ])
    func writesAsGeotrans(latitude: Double, longitude: Double, pairs: Int, expected: String) throws {
        let text = try GridReference.mgrs(LonLat(longitude: longitude, latitude: latitude), digitPairs: pairs, projector: projector)
        #expect(text == expected)
    }

    @Test(arguments: [
        ("37UDB1234567890", 55.64895888654771, 37.60710440164302),
        ("32V KM 76306 47034", 59.90000385075135, 4.999996581934589),
        ("33xwg0000058369", 77.99999923093948, 15.00002154260938),
        ("34HBH5945", -33.903477196099416, 18.398994570726373),
    ])
    func readsAsGeotrans(text: String, latitude: Double, longitude: Double) throws {
        let p = try GridReference.parseMGRS(text, projector: projector)
        // 1e-8° ≈ 1 mm: PROJ's and GEOTRANS's transverse Mercator series agree to well below that.
        #expect(abs(p.latitude - latitude) < 1e-8 && abs(p.longitude - longitude) < 1e-8, "\(text): \(p)")
    }

    /// Seeded random points in the UTM area: writing then reading gives the centre of the 1 m square that holds
    /// the point (at most 0.71 m away), and of the 100 km square (at most 71 km) with no digits.
    @Test func roundTripsWorldwide() throws {
        var rng = SeededGenerator(seed: 16)
        for _ in 0..<500 {
            let p = LonLat(longitude: Double.random(in: -180..<180, using: &rng), latitude: Double.random(in: -80..<84, using: &rng))
            for pairs in [5, 0] {
                let text = try #require(try GridReference.mgrs(p, digitPairs: pairs, projector: projector))
                let back = try GridReference.parseMGRS(text, projector: projector)
                let d = Geodesic.wgs84.distanceMeters(p, back)
                #expect(d <= (pairs == 5 ? 0.71 : 71_000), "\(p) → \(text) → \(back): \(d) m")
            }
        }
    }

    @Test func polarAreasHaveNoMGRS() throws {
        #expect(try GridReference.mgrs(LonLat(longitude: 10, latitude: 84.5), projector: projector) == nil)
        #expect(try GridReference.mgrs(LonLat(longitude: 10, latitude: -80.5), projector: projector) == nil)
    }

    @Test(arguments: [
        ("37TDB1234567890", "band T"), ("37UDB123456789", "odd count"), ("37UDI12345678", "row letter I"),
        ("37USB1234", "column letter S"), ("32XMH1234", "32X does not exist"), ("37YDB12", "polar"),
        ("99UDB12", "zone 99"), ("37UDBX12", "3 letters"), ("37IDB12", "band letter I"),
    ])
    func badMGRSSaysWhy(text: String, needle: String) {
        #expect {
            _ = try LocationSpecifier(parsing: text)
        } throws: { error in
            let message = "\(error)"
            return message.contains(text) && message.contains(needle) && message.contains("MGRS")
        }
    }

    @Test func utmReadsAndChecksTheBand() throws {
        guard case let .point(p) = try LocationSpecifier(parsing: "37U 412345 5712345") else { Issue.record("not a point"); return }
        let t = try Transformation(from: "EPSG:4326", to: "EPSG:32637")
        let back = try t.transform(x: p.longitude, y: p.latitude)
        #expect(abs(back.x - 412345) < 1e-6 && abs(back.y - 5712345) < 1e-6)
        // Hemisphere-style "N" is band N (0°–8°N): refused, with the band that fits.
        #expect {
            _ = try LocationSpecifier(parsing: "37N 412345 5712345")
        } throws: { "\($0)".contains("the band is U") }
        guard case let .point(q) = try LocationSpecifier(parsing: "utm:21H 373251mE 6172321mN") else { Issue.record("not a point"); return }
        #expect(q.latitude < -34 && q.latitude > -35 && q.longitude < -57 && q.longitude > -59)   // Montevideo area
    }

    @Test func coordinatesStillReadAsCoordinates() throws {
        guard case let .point(p) = try LocationSpecifier(parsing: "50N 30E") else { Issue.record("not a point"); return }
        #expect(p.latitude == 50 && p.longitude == 30)
    }

    @Test func formatterStyles() {
        let p = LonLat(longitude: -30.52, latitude: 50.45)
        #expect(CoordinateFormatter(style: .decimal).string(p) == "50.45000,-30.52000")
        #expect(CoordinateFormatter(style: .dms).string(p) == "50°27'00.0\"N 30°31'12.0\"W")
        #expect(CoordinateFormatter(style: .dms).string(LonLat(longitude: 0.99999999, latitude: 0)) == "0°00'00.0\"N 1°00'00.0\"E")
        #expect(CoordinateFormatter(style: .mgrs).string(LonLat(longitude: 30.52, latitude: 50.45)) == "36U UA 23940 91604")
    }
}
