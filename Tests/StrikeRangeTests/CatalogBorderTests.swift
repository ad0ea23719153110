import Testing
@testable import StrikeRange

@Suite struct CatalogBorderTests {
    /// The data's `length_km` was computed by the data build with an independent geodesic library (pyproj /
    /// GeographicLib); Geodesy's length over the same vertices must agree within 0.1 %.
    @Test func ukraineRussiaLengthFromGeodesy() throws {
        let border = try CatalogTestData.catalog().border(between: "UA", and: "RU")
        let stated = try #require(border.statedLengthKilometers)
        let km = border.geodesicLengthMeters() / 1000
        #expect(abs(km - stated) / stated < 0.001, "Geodesy \(km) km vs data \(stated) km")
        #expect(km > 1000 && km < 2500)
    }

    @Test(arguments: [("UA", "RU"), ("RU", "UA"), ("UKR", "RUS"), ("Ukraine", "Russia"), ("Україна", "Россия")])
    func eitherOrderAnyName(_ a: String, _ b: String) throws {
        let border = try CatalogTestData.catalog().border(between: a, and: b)
        #expect(Set([border.alpha3A, border.alpha3B]) == ["UKR", "RUS"])
    }

    @Test(arguments: ["UA-RU", "UA RU", "RU-UA", "UA,RU", "UKR-RUS", "Ukraine - Russia", "Ukraine Russia"])
    func oneTextForms(_ text: String) throws {
        let border = try CatalogTestData.catalog().border(named: text)
        #expect(Set([border.alpha3A, border.alpha3B]) == ["UKR", "RUS"])
    }

    @Test func noBorderBetweenNonNeighbours() throws {
        let catalog = try CatalogTestData.catalog()
        #expect(throws: LookupError.self) { try catalog.border(between: "UA", and: "FR") }
        #expect(throws: LookupError.self) { try catalog.border(named: "UA") }
    }
}
