import Testing
@testable import StrikeRange

/// Issues 10 and 14: one weapon-variant rule and one variant type for every command; a spread end equal to
/// the nominal range is no variant.
struct WeaponVariantTests {
    @Test func spreadAddsOnlyDifferentEnds() {
        let both = Weapon(id: "w", name: "W", rangeMeters: 300_000, rangeLowMeters: 290_000, rangeHighMeters: 310_000)
        #expect(both.variantRanges(spread: false).map(\.kind) == [.nominal])
        #expect(both.variantRanges(spread: true).map(\.kind) == [.nominal, .low, .high])
        #expect(both.variantRanges(spread: true).map(\.rangeMeters) == [300_000, 290_000, 310_000])
        let highIsNominal = Weapon(id: "w", name: "W", rangeMeters: 300_000, rangeLowMeters: 290_000, rangeHighMeters: 300_000)
        #expect(highIsNominal.variantRanges(spread: true).map(\.kind) == [.nominal, .low])
    }

    /// The variants every command uses come from the rule and carry the weapon's identity, minimum range,
    /// sources and the request's tolerance, placement and weapon position.
    @Test func variantsFollowTheRule() throws {
        for (index, weapon) in try CatalogTestData.catalog().weapons().weapons.enumerated() {
            let variants = try weapon.variants(spread: true, toleranceMeters: 25, placement: .outer, weaponIndex: index)
            #expect(variants.map(\.kind) == weapon.variantRanges(spread: true).map(\.kind), "\(weapon.id)")
            #expect(variants.map(\.rangeMeters) == weapon.variantRanges(spread: true).map(\.rangeMeters), "\(weapon.id)")
            for v in variants {
                #expect(v.weaponID == weapon.id && v.weaponName == weapon.name && v.weaponIndex == index)
                #expect(v.minRangeMeters == weapon.minRangeMeters.flatMap { $0 > 0 ? $0 : nil })
                #expect(v.parameters.toleranceMeters == 25 && v.parameters.placement == .outer)
                #expect(v.sources == weapon.sources.map(\.citation))
                #expect(v.isMain == (v.kind == .nominal))
            }
        }
    }

    @Test func badToleranceIsRefused() {
        let w = Weapon(id: "w", name: "W", rangeMeters: 300_000, rangeLowMeters: 290_000, rangeHighMeters: 310_000)
        #expect(throws: StrikeRangeError.self) { try w.variants(spread: true, toleranceMeters: 0) }
    }
}
