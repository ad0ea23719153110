import Foundation
import Geodesy
import Geometry
import Testing
@testable import StrikeRange

/// Oracle figures from Scripts/fixtures/make-coverage-fixtures.py (geographiclib + pyproj): a point launch
/// at Kyiv and the lon/lat box 33..35 E, 50..51 N with a vertex every 0.01°.
enum CoverageOracle {
    static let nearestMeters = 175865.88512130152
    static let farthestMeters = 323300.2377444078
    static let areaSquareMeters = 15784437684.520088
    static let percentWithin200km = 15.156058950269536  // 1416516 grid points

    static let kyiv = Geometry.point(Point(x: 30.5234, y: 50.4501))

    static func box() throws -> CoverageRegion {
        let (w, e, s, n) = (33.0, 35.0, 50.0, 51.0)
        var ring = [Coordinate]()
        for ((x1, y1), (x2, y2)) in [((w, s), (e, s)), ((e, s), (e, n)), ((e, n), (w, n)), ((w, n), (w, s))] {
            let k = Int((max(abs(x2 - x1), abs(y2 - y1)) / 0.01).rounded())
            for i in 0..<k { ring.append(Coordinate(x: x1 + (x2 - x1) * Double(i) / Double(k), y: y1 + (y2 - y1) * Double(i) / Double(k))) }
        }
        ring.append(ring[0])
        return try CoverageRegion(name: "box", geometry: .polygon(Polygon(exterior: ring)))
    }
}

@Suite struct CoverageCalculatorTests {
    let calculator = CoverageCalculator(toleranceMeters: 1)

    func range(_ km: Double, min: Double? = nil) throws -> RangeVariant {
        RangeVariant(weaponID: "custom", kind: .custom,
                     parameters: try RangeParameters(rangeMeters: km * 1000, minRangeMeters: min.map { $0 * 1000 }, toleranceMeters: 1))
    }

    @Test func nearestFarthestAndAreaMatchGeographicLib() throws {
        let r = try calculator.compute(launch: CoverageOracle.kyiv, ranges: [range(400)], regions: [CoverageOracle.box()])[0]
        #expect(abs(r.nearestDistanceMeters - CoverageOracle.nearestMeters) < 1, "nearest \(r.nearestDistanceMeters)")
        #expect(abs(r.farthestDistanceMeters - CoverageOracle.farthestMeters) < 1, "farthest \(r.farthestDistanceMeters)")
        #expect(abs(r.totalMeasure / CoverageOracle.areaSquareMeters - 1) < 1e-9, "area \(r.totalMeasure)")
        #expect(r.status == .full && r.percent == 100)
    }

    @Test func partialPercentMatchesGridOracle() throws {
        let r = try calculator.compute(launch: CoverageOracle.kyiv, ranges: [range(200)], regions: [CoverageOracle.box()])[0]
        #expect(r.status == .partial)
        #expect(abs(r.percent - CoverageOracle.percentWithin200km) < 0.05, "ours \(r.percent) oracle \(CoverageOracle.percentWithin200km)")
        #expect(abs(r.inRangeMeasure - r.totalMeasure * r.percent / 100) < 1)
    }

    @Test func outOfRangeIsNoneWithoutOverlay() throws {
        let r = try calculator.compute(launch: CoverageOracle.kyiv, ranges: [range(150)], regions: [CoverageOracle.box()])[0]
        #expect(r.status == .none && r.inRangeMeasure == 0 && r.percent == 0)
    }

    @Test func regionInsideMinimumRangeIsNone() throws {
        // The whole box is 176–324 km from Kyiv: inside a 330 km minimum range of a point launch.
        let rs = try calculator.compute(launch: CoverageOracle.kyiv, ranges: [range(1000, min: 330), range(1000, min: 100)],
                                        regions: [CoverageOracle.box()])
        #expect(rs[0].status == .none, "\(rs[0].percent)")
        #expect(rs[1].status == .full, "\(rs[1].percent)")
    }

    @Test func atacmsFromUkraineCoversBryanskKurskBelgorodFully() throws {
        let catalog = try CatalogTestData.catalog()
        let ukraine = try catalog.regions().country(matching: "UA").geometry
        let regions = try ["RU-BRY", "RU-KRS", "RU-BEL"].map { try CoverageRegionSource.region($0, in: catalog) }
        let atacms = try catalog.weapons().weapon(matching: "atacms")
        let rs = try CoverageCalculator().compute(
            launch: ukraine,
            ranges: [RangeVariant(weaponID: atacms.id, kind: .nominal, parameters: try RangeParameters(rangeMeters: atacms.rangeMeters))],
            regions: regions)
        #expect(rs.map(\.regionCode) == ["RU-BRY", "RU-KRS", "RU-BEL"])
        for r in rs {
            #expect(r.status == .full, "\(r.regionCode ?? "") \(r.percent)")
            #expect(r.nearestDistanceMeters == 0)   // each borders Ukraine
            #expect(r.farthestDistanceMeters < 300_000)
        }
    }

    @Test func lineRegionReportsLength() throws {
        let catalog = try CatalogTestData.catalog()
        let border = try CoverageRegionSource.region("border:RU-BY", in: catalog)
        #expect(border.kind == .line)
        let chernihiv = try catalog.regions().region(matching: "UA-74").geometry
        let r = try CoverageCalculator().compute(launch: chernihiv, ranges: [range(70, min: 15)], regions: [border])[0]
        let length = try catalog.border(between: "RU", and: "BY").geodesicLengthMeters()
        #expect(abs(r.totalMeasure - length) < 1)
        #expect(r.status == .partial && r.percent > 1 && r.percent < 50, "\(r.percent)")
    }

    @Test func parallelEqualsSerialInInputOrder() throws {
        let catalog = try CatalogTestData.catalog()
        let regions = try ["RU-BRY", "RU-KRS", "RU-BEL", "RU-ORL", "RU-VOR"].map { try CoverageRegionSource.region($0, in: catalog) }
        let launch = try catalog.regions().region(matching: "UA-59").geometry
        let ranges = try [range(120), range(250)]
        let one = try CoverageCalculator(workerCount: 1).compute(launch: launch, ranges: ranges, regions: regions)
        let two = try CoverageCalculator(workerCount: 2).compute(launch: launch, ranges: ranges, regions: regions)
        #expect(one.map(\.regionIndex) == [0, 1, 2, 3, 4, 0, 1, 2, 3, 4])
        #expect(one.map(\.rangeIndex) == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
        #expect(one.map(\.percent) == two.map(\.percent))
        #expect(one.map(\.nearestDistanceMeters) == two.map(\.nearestDistanceMeters))
    }

    @Test func badRegionsAreReported() throws {
        let catalog = try CatalogTestData.catalog()
        let unknown = lookupError { _ = try CoverageRegionSource.region("RU-BRYX", in: catalog) }
        #expect(unknown?.isUnknown == true)
        #expect(unknown?.suggestions.contains { $0.contains("RU-BRY") } == true, "\(String(describing: unknown))")
        #expect(throws: StrikeRangeError.self) { _ = try CoverageRegionSource.region("point:50,30", in: catalog) }
        #expect(throws: StrikeRangeError.self) {
            _ = try CoverageCalculator().compute(launch: CoverageOracle.kyiv, ranges: [try range(100)], regions: [])
        }
    }
}
