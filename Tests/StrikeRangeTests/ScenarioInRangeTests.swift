import Testing
@testable import StrikeRange

/// Issue 12: the `in_range:` section of a scenario, decoded strictly and checked against the data with the
/// line of the offending value.
struct ScenarioInRangeTests {
    let head = "launch: [region:UA-59]\nweapons: [gmlrs]\n"

    func decodeError(_ text: String) -> ScenarioError? {
        do { _ = try ScenarioDecoder.decode(text, file: "bad.yaml"); return nil } catch { return error }
    }

    func resolveError(_ text: String) throws -> ScenarioError? {
        let scenario = try ScenarioDecoder.decode(text, file: "bad.yaml")
        let catalog = try CatalogTestData.catalog()
        do { _ = try ScenarioResolver.resolve(scenario, catalog: catalog); return nil } catch { return error }
    }

    @Test func decodesEveryFieldWithDefaults() throws {
        let s = try ScenarioDecoder.decode(head + "in_range:\n  country: RU\n  military: true\n  min_population: 100000\n", file: "ok.yaml")
        let section = try #require(s.inRange)
        #expect(section.layers == [.airfields, .places])
        #expect(section.countries.map(\.value) == ["RU"] && section.militaryOnly && section.minPopulation?.value == "100000")
        #expect(section.inRangeOnly && section.labelPlaces == 8)
        let r = try ScenarioResolver.resolve(s, catalog: try CatalogTestData.catalog())
        #expect(r.inRange?.filter.countryCodes == ["RU"] && r.inRange?.filter.minPopulation == 100_000)
        #expect(try ScenarioResolver.resolve(try ScenarioDecoder.decode(head, file: "ok.yaml"), catalog: try CatalogTestData.catalog()).inRange == nil)
    }

    @Test func unknownKeyAndBadLayerAreDecodeErrors() throws {
        let key = try #require(decodeError(head + "in_range:\n  contry: RU\n"))
        #expect(key.line == 4 && key.description.contains("did you mean 'country'"))
        let layer = try #require(decodeError(head + "in_range:\n  layers: [airfields, tanks]\n"))
        #expect(layer.line == 4 && layer.description.contains("unknown layer 'tanks'"))
        let label = try #require(decodeError(head + "in_range:\n  label_places: -2\n"))
        #expect(label.field == "in_range.label_places")
    }

    @Test func badFiltersPointAtTheirLine() throws {
        let country = try #require(try resolveError(head + "in_range:\n  country: [RU, Narnia]\n"))
        #expect(country.line == 4 && country.description.contains("in_range.country 'Narnia': unknown country"))
        let population = try #require(try resolveError(head + "in_range:\n  layers: places\n  min_population: -5\n"))
        #expect(population.line == 5 && population.description.contains("in_range.min_population '-5': negative"))
        let type = try #require(try resolveError(head + "in_range:\n  type: [airbase]\n"))
        #expect(type.description.contains("in_range.type 'airbase': unknown airfield type"))
        let military = try #require(try resolveError(head + "in_range:\n  layers: [places]\n  military: true\n"))
        #expect(military.description.contains("in_range.military filters airfields; add airfields to in_range.layers"))
    }
}
