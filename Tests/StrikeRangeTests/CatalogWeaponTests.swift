import Testing
@testable import StrikeRange

@Suite struct CatalogWeaponTests {
    @Test func everyAliasResolvesToItsWeapon() throws {
        let catalog = try CatalogTestData.catalog().weapons()
        #expect(!catalog.weapons.isEmpty)
        for weapon in catalog.weapons {
            for name in [weapon.id, weapon.name] + weapon.aliases {
                for spelling in [name, name.uppercased(), name.lowercased(), name.replacingOccurrences(of: "-", with: " ")] {
                    let found = try catalog.weapon(matching: spelling)
                    #expect(found.id == weapon.id, "'\(spelling)' → \(found.id), expected \(weapon.id)")
                }
            }
        }
    }

    @Test func weaponsAreSane() throws {
        for weapon in try CatalogTestData.catalog().weapons().weapons {
            #expect(weapon.rangeMeters > 0, "\(weapon.id)")
            #expect(weapon.rangeLowMeters <= weapon.rangeHighMeters, "\(weapon.id)")
            if let minimum = weapon.minRangeMeters { #expect(minimum < weapon.rangeMeters, "\(weapon.id)") }
        }
    }

    @Test(arguments: ["ATACMS", "atacms", "MGM-140", "mgm140"])
    func atacmsSpellings(_ query: String) throws {
        let weapon = try CatalogTestData.catalog().weapons().weapon(matching: query)
        #expect(weapon.name.uppercased().contains("ATACMS"))
    }

    @Test func blockIAIsAnATACMS() throws {
        let weapon = try CatalogTestData.catalog().weapons().weapon(matching: "Block IA")
        #expect(weapon.name.uppercased().contains("ATACMS") || weapon.aliases.contains { $0.uppercased().contains("ATACMS") })
    }

    @Test func unknownSuggestsClosest() throws {
        let catalog = try CatalogTestData.catalog().weapons()
        let error = try #require(lookupError { _ = try catalog.weapon(matching: "Iskandr") })
        #expect(error.suggestions.contains { $0.lowercased().contains("iskander") }, "\(error.suggestions)")
    }

    @Test func synthetic() throws {
        let w = Weapon(id: "x-1", name: "X One", aliases: ["XO-1"], rangeMeters: 1000, rangeLowMeters: 900, rangeHighMeters: 1100)
        let y = Weapon(id: "y", name: "Y", aliases: ["XO-1"], rangeMeters: 1000, rangeLowMeters: 900, rangeHighMeters: 1100)
        let catalog = WeaponCatalog(weapons: [w, y])
        #expect(try catalog.weapon(matching: "x one").id == "x-1")
        #expect(throws: LookupError.self) { try catalog.weapon(matching: "xo1") }   // ambiguous alias
    }
}
