import Testing
@testable import StrikeRange

/// Checks against the shipped data keep the line and field of the offending value.
struct ScenarioResolverTests {
    func resolveError(_ text: String) throws -> ScenarioError? {
        let scenario = try ScenarioDecoder.decode(text, file: "bad.yaml")
        let catalog = try CatalogTestData.catalog()
        do { _ = try ScenarioResolver.resolve(scenario, catalog: catalog); return nil } catch { return error }
    }

    @Test func unknownWeaponNamesLineFieldAndSuggestion() throws {
        let e = try #require(try resolveError("launch: [region:UA-59]\nweapons:\n  - id: atacms\n  - id: gmlsr\n"))
        #expect(e.line == 4 && e.field == "weapons[1].id")
        #expect(e.message.contains("unknown weapon 'gmlsr'"))
        #expect(e.message.contains("gmlrs"))
    }

    @Test func unknownRegionNamesLineAndField() throws {
        let e = try #require(try resolveError("launch: [region:UA-59]\nweapons: [gmlrs]\nregions:\n  - RU-BRY\n  - region:RU-XYZ\n"))
        #expect(e.line == 5 && e.field == "regions[1]")
        #expect(e.description.hasPrefix("bad.yaml:5:"))
    }

    @Test func spreadAddsTheReportedLowRange() throws {
        let s = try ScenarioDecoder.decode("launch: [region:UA-59]\nweapons:\n  - id: atacms\n    spread: true\n  - gmlrs\n", file: "ok.yaml")
        let r = try ScenarioResolver.resolve(s, catalog: try CatalogTestData.catalog())
        let atacms = try CatalogTestData.catalog().weapons().weapon(matching: "atacms")
        #expect(r.variants.first?.rangeMeters == atacms.rangeMeters)
        #expect(r.variants.contains { $0.weaponID == "atacms" && $0.kind == .low && $0.rangeMeters == atacms.rangeLowMeters })
        #expect(r.variants.filter { $0.weaponID == "gmlrs" }.map(\.kind) == [.nominal])
        #expect(Set(r.variants.map(\.weaponIndex)) == [0, 1])
    }
}
