import Foundation
import Geodesy
import Geometry
import Testing
@testable import StrikeRange

/// Issue 12: `inrange` filters, their errors, and the survey's verdicts, distances and totals.
@Suite struct InRangeFilterTests {
    func resolve(countries: [String] = [], admin1: [String] = [], types: [String] = [], military: Bool = false,
                 minPopulation: String? = nil, layers: [InRangeLayer] = [.airfields, .places]) throws -> InRangeFilter {
        try InRangeFilter.resolve(countries: countries, admin1: admin1, types: types, militaryOnly: military,
                                  minPopulation: minPopulation, layers: layers, in: CatalogTestData.catalog())
    }

    func message(_ body: () throws -> Void) -> String {
        do { try body() } catch { return "\(error)" }
        return ""
    }

    @Test func namesAndCodesResolveToCodes() throws {
        let f = try resolve(countries: ["Russia", "RUS", "RU"], admin1: ["Bryansk", "ru-krs"], types: ["medium_airport", "small"],
                            minPopulation: "100,000")
        #expect(f.countryCodes == ["RU"])
        #expect(f.admin1Codes == ["RU-BRY", "RU-KRS"])
        #expect(f.airfieldTypes == ["medium", "small"])
        #expect(f.minPopulation == 100_000)
        // An admin-1 code only the airfield data knows (Germany has no admin-1 polygons here).
        #expect(try resolve(admin1: ["DE-RP"], layers: [.airfields]).admin1Codes == ["DE-RP"])
    }

    /// Every bad filter named in the issue: the message names the option and the value, and says what to do.
    @Test func badFiltersNameTheValue() throws {
        #expect(message { _ = try resolve(countries: ["Rusia"]) }.contains("--country 'Rusia'"))
        #expect(message { _ = try resolve(countries: ["Rusia"]) }.contains("Russia (RU)"))
        #expect(message { _ = try resolve(admin1: ["Bryanks"]) }.contains("Bryansk (RU-BRY)"))
        #expect(message { _ = try resolve(admin1: ["XX-ABC"]) }.contains("--admin1 'XX-ABC'"))
        #expect(message { _ = try resolve(types: ["airbase"]) }.contains("--type 'airbase': unknown airfield type; use one of large, medium"))
        #expect(message { _ = try resolve(minPopulation: "-5") }.contains("--min-population '-5': negative"))
        #expect(message { _ = try resolve(minPopulation: "lots") }.contains("--min-population 'lots': not a whole number"))
        #expect(message { _ = try resolve(military: true, layers: [.places]) }.contains("--military filters airfields"))
        #expect(message { _ = try resolve(types: ["large"], layers: [.places]) }.contains("--type filters airfields"))
        #expect(message { _ = try resolve(minPopulation: "10", layers: [.airfields]) }.contains("--min-population filters places"))
        #expect(message { _ = try InRangeLayer.parseList("airfields,tanks") }.contains("--what 'tanks'"))
        #expect(try InRangeLayer.parseList("cities, airports,places") == [.places, .airfields])
        // In a scenario the fields are named as the file names them.
        let scenario = message {
            _ = try InRangeFilter.resolve(countries: [], admin1: [], types: [], militaryOnly: false, minPopulation: "-1",
                                          layers: [.places], in: CatalogTestData.catalog(), fieldName: { "in_range.\($0)" })
        }
        #expect(scenario.contains("in_range.min-population '-1'"))
    }

    /// The filtered feature list equals a plain scan of the catalogs with the same rules, for seeded random
    /// filter combinations (countries, units, types, military, population thresholds).
    @Test func featuresEqualAPlainScan() throws {
        let catalog = try CatalogTestData.catalog()
        let places = try catalog.places().places, airfields = try catalog.airfields().airfields
        var rng = SeededGenerator(seed: 12)
        let countries = ["RU", "UA", "BY", "PL", "DE", "US", "KZ"], units = ["RU-BRY", "RU-KRS", "UA-63", "BY-MA", "RU-MOW"]
        for _ in 0..<12 {
            let cs = countries.filter { _ in rng.next() % 3 == 0 }
            let us = units.filter { _ in rng.next() % 4 == 0 }
            let ts = Airfield.types.filter { _ in rng.next() % 4 == 0 }
            let military = rng.next() % 2 == 0
            let minPop = [nil, 0, 1_000, 50_000, 1_000_000][Int(rng.next() % 5)]
            let f = try resolve(countries: cs, admin1: us, types: ts, military: military, minPopulation: minPop.map(String.init))
            let got = try f.features(of: [.airfields, .places], in: catalog).map { "\($0.layer.rawValue):\($0.id)" }
            var want = [String]()
            for a in airfields where (cs.isEmpty || cs.contains(a.countryCode)) && (us.isEmpty || us.contains(a.admin1Code ?? ""))
                && (ts.isEmpty || ts.contains(a.type)) && (!military || a.military) { want.append("airfields:\(a.ident)") }
            for p in places where (cs.isEmpty || cs.contains(p.countryCode)) && (us.isEmpty || us.contains(p.admin1Code ?? ""))
                && p.population >= (minPop ?? 0) { want.append("places:\(p.geonameID)") }
            #expect(got == want, "countries \(cs) units \(us) types \(ts) military \(military) min \(String(describing: minPop))")
        }
    }
}

@Suite struct InRangeSurveyTests {
    /// Verdicts from the bracketing envelopes equal the exact ones, distances equal `reach`'s, and the
    /// totals add up, for seeded random points around a small launch area and two variants.
    @Test func classifierEqualsExactAndTotalsAddUp() throws {
        let square = Polygon(exterior: [Coordinate(x: 30, y: 50), Coordinate(x: 31, y: 50), Coordinate(x: 31, y: 50.6),
                                        Coordinate(x: 30, y: 50.6), Coordinate(x: 30, y: 50)])
        let weapons = [RangeVariant(weaponID: "w", kind: .nominal, parameters: try RangeParameters(rangeMeters: 150_000, toleranceMeters: 10)),
                       RangeVariant(weaponID: "w", kind: .low, parameters: try RangeParameters(rangeMeters: 120_000, minRangeMeters: 20_000, toleranceMeters: 10))]
        let calculator = try ReachCalculator(launch: .polygon(square), weapons: weapons, threadCount: 2)
        let survey = try InRangeSurvey(calculator: calculator)
        var rng = SeededGenerator(seed: 1212)
        var features = [InRangeFeature]()
        for i in 0..<400 {
            let lon = 27 + Double(rng.next() % 100_000) / 100_000 * 7, lat = 48.5 + Double(rng.next() % 100_000) / 100_000 * 3.6
            let place = Place(geonameID: i, name: "p\(i)", asciiName: nil, countryCode: i % 3 == 0 ? "AA" : "BB",
                              admin1Code: "X-\(i % 5)", admin1Name: nil, population: 1_000 + i, nameRussian: nil, nameUkrainian: nil,
                              alternateNames: [], location: LonLat(longitude: lon, latitude: lat))
            features.append(InRangeFeature(place: place))
        }
        let report = try survey.report(features: features, layers: [.places], filter: InRangeFilter(), inRangeOnly: false, regions: nil)
        #expect(report.rows.count == features.count)
        let exact = try calculator.evaluate(report.rows.map { ReachTarget(name: $0.feature.name, point: $0.feature.location) })
        for (row, results) in zip(report.rows, exact) {
            #expect(row.verdicts == results.map(\.verdict), "\(row.feature.location)")
            #expect(abs(row.distanceMeters - results[0].distanceMeters) < 1e-6)
            #expect(row.marginsMeters == weapons.map { $0.parameters.rangeMeters - results[0].distanceMeters })
        }
        // Totals: per country, per unit and overall, counts and population sums of in_range rows.
        for w in weapons.indices {
            let inRange = report.rows.filter { $0.verdicts[w] == .inRange }
            let all = report.overall(.places)
            #expect(all.inRange[w] == inRange.count)
            #expect(all.populationInRange[w] == inRange.reduce(0) { $0 + ($1.feature.population ?? 0) })
            for level in [InRangeTotal.Level.country, .admin1] {
                let groups = report.totals.filter { $0.level == level }
                #expect(groups.reduce(0) { $0 + $1.inRange[w] } == inRange.count)
                #expect(groups.reduce(0) { $0 + $1.listed } == features.count)
            }
        }
        #expect(report.rows.contains { $0.verdicts[0] == .inRange } && report.rows.contains { $0.verdicts[0] == .outOfRange })
        // --in-range-only keeps exactly the rows in range (or within tolerance) of some variant.
        let only = try survey.report(features: features, layers: [.places], filter: InRangeFilter(), inRangeOnly: true, regions: nil)
        #expect(Set(only.rows.map(\.feature.id)) == Set(report.rows.filter(\.isListedInRange).map(\.feature.id)))
    }

    /// The honesty notes reach every format.
    @Test func everyFormatSaysWhatTheFiguresAre() throws {
        let calculator = try ReachCalculator(launch: .point(Point(x: 30, y: 50)), weapons: [
            RangeVariant(weaponID: "w", kind: .nominal, parameters: try RangeParameters(rangeMeters: 100_000))], threadCount: 1)
        let survey = try InRangeSurvey(calculator: calculator)
        let airfield = Airfield(ident: "XX-1", name: "Test Air Base", type: "medium", icao: nil, iata: nil, countryCode: "UA",
                                admin1Code: "UA-30", military: true, location: LonLat(longitude: 30.5, latitude: 50.2))
        let place = Place(geonameID: 1, name: "Town, \"Old\"", asciiName: nil, countryCode: "UA", admin1Code: "UA-30", admin1Name: nil,
                          population: 2_500_000, nameRussian: nil, nameUkrainian: nil, alternateNames: [], location: LonLat(longitude: 30.1, latitude: 50.1))
        let report = try survey.report(features: [InRangeFeature(airfield: airfield, admin1Name: nil), InRangeFeature(place: place)],
                                       layers: [.airfields, .places], filter: InRangeFilter(), inRangeOnly: false, regions: nil)
        for format in InRangeFormat.allCases {
            let text = InRangeOutput.text(report, format: format)
            #expect(text.contains("GeoNames settlement"), "\(format)")
            #expect(text.contains("2022-10-11") && text.contains("not a claim about what is stationed there"), "\(format)")
        }
        #expect(report.summarySentences() == ["Within W range (100 km) of the launch area: 1 airfield and 1 place with 2.5 million people (GeoNames settlement population)."])
        let csv = InRangeOutput.csv(report)
        #expect(csv.contains("\"Town, \"\"Old\"\"\""))
        #expect(try JSONSerialization.jsonObject(with: Data(InRangeOutput.json(report).utf8)) is [String: Any])
        #expect(try JSONSerialization.jsonObject(with: Data(InRangeOutput.geojson(report).utf8)) is [String: Any])
    }
}
