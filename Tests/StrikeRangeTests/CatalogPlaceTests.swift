import Testing
@testable import StrikeRange

@Suite struct CatalogPlaceTests {
    @Test(arguments: ["Kursk", "Kursk, RU", "Kursk RU", "kursk ru", "Kursk, Russia", "Курск"])
    func kursk(_ query: String) throws {
        let catalog = try CatalogTestData.catalog()
        let regions = try catalog.regions()
        let place = try catalog.places().place(matching: query) { (text) throws(LookupError) in
            try regions.country(matching: text).countryCode
        }
        #expect(place.name == "Kursk")
        #expect(place.countryCode == "RU")
        #expect(place.admin1Code == "RU-KRS")   // GeoNames' admin-1, carried from the data
        #expect(abs(place.location.latitude - 51.73) < 0.05 && abs(place.location.longitude - 36.19) < 0.05)
    }

    @Test func countryFilterExcludes() throws {
        let places = try CatalogTestData.catalog().places()
        #expect(places.places(named: "Kursk", country: "UA").isEmpty)
        #expect(throws: LookupError.self) { try places.find("Kursk, UA") }
        #expect(try places.find("Kharkiv", country: "UA").first?.admin1Code == "UA-63")
    }

    @Test func repeatedNamesMostPopulousFirst() throws {
        let places = try CatalogTestData.catalog().places()
        for name in ["Alexandria", "Oleksandrivka", "Ivanivka"] {
            let hits = places.places(named: name)
            #expect(hits.count >= 2, "\(name)")
            #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.population >= $1.population }, "\(name)")
        }
        #expect(places.places(named: "Alexandria").first?.countryCode == "EG")
        #expect(places.places(named: "Alexandria", limit: 1).count == 1)
    }

    @Test func typoSuggestsPlace() throws {
        let places = try CatalogTestData.catalog().places()
        let error = try #require(lookupError { _ = try places.find("Kurskk") })
        #expect(error.suggestions.contains("Kursk, RU"), "suggestions: \(error.suggestions)")
    }

    @Test func splitCountryKeepsMultiWordNames() throws {
        let places = try CatalogTestData.catalog().places()
        #expect(places.splitCountry("Kursk RU") == ("Kursk", "RU"))
        #expect(places.splitCountry("Kursk, Russia") == ("Kursk", "Russia"))
        #expect(places.splitCountry("Krasnyy Yar") == ("Krasnyy Yar", nil))
        #expect(places.splitCountry("Rio de Janeiro").country == nil)
    }
}
