import Testing
@testable import StrikeRange

/// Issue 10: one weapon-variant rule for every command; a spread end equal to the nominal range is no variant.
struct WeaponVariantTests {
    @Test func spreadAddsOnlyDifferentEnds() {
        let both = Weapon(id: "w", name: "W", rangeMeters: 300_000, rangeLowMeters: 290_000, rangeHighMeters: 310_000)
        #expect(both.rangeVariants(spread: false).map(\.name) == ["nominal"])
        #expect(both.rangeVariants(spread: true).map(\.name) == ["nominal", "low", "high"])
        #expect(both.rangeVariants(spread: true).map(\.rangeMeters) == [300_000, 290_000, 310_000])
        let highIsNominal = Weapon(id: "w", name: "W", rangeMeters: 300_000, rangeLowMeters: 290_000, rangeHighMeters: 300_000)
        #expect(highIsNominal.rangeVariants(spread: true).map(\.name) == ["nominal", "low"])
    }

    /// Every command's weapon list comes from the same rule: reach's variants equal the rule's.
    @Test func reachUsesTheRule() throws {
        for weapon in try CatalogTestData.catalog().weapons().weapons {
            let reach = try ReachWeapon.variants(of: weapon, spread: true, toleranceMeters: 10)
            #expect(reach.map(\.variant) == weapon.rangeVariants(spread: true).map(\.name), "\(weapon.id)")
        }
    }
}
