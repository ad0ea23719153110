import ArgumentParser
import StrikeRange

/// Catalog weapons or a custom range, shared by `reach` and `inrange`: the options, their checks and the
/// weapon variants they name (`ReachWeapon.variants`, the one variant rule).
struct WeaponOptions: ParsableArguments {
    @Option(name: .customLong("weapon"), help: "Catalog weapon id or alias (repeatable).")
    var weapons: [String] = []
    @Flag(help: "With --weapon: also the low and high reported maxima.")
    var spread = false
    @Option(help: ArgumentHelp("Maximum range with a unit: 300km, 186mi.", valueName: "distance"), transform: distanceArgument)
    var range: Double?
    @Option(name: .customLong("min-range"), help: ArgumentHelp("Minimum range with a unit.", valueName: "distance"), transform: distanceArgument)
    var minRange: Double?

    func validate() throws {
        if weapons.isEmpty == (range == nil) { throw ValidationError("give either --weapon ID (repeatable) or --range DISTANCE (not both)") }
        if !weapons.isEmpty && minRange != nil { throw ValidationError("--min-range goes with --range; a --weapon brings its own minimum range") }
        if spread && weapons.isEmpty { throw ValidationError("--spread needs --weapon") }
    }

    /// Every variant of every --weapon, then the custom --range, in that order.
    func reachWeapons(in catalog: DataCatalog, toleranceMeters: Double) throws -> [ReachWeapon] {
        var result = [ReachWeapon]()
        for query in weapons {
            result += try ReachWeapon.variants(of: catalog.weapons().weapon(matching: query), spread: spread, toleranceMeters: toleranceMeters)
        }
        if let range {
            result.append(ReachWeapon(id: "custom", variant: "custom", parameters: try RangeParameters(
                rangeMeters: range, minRangeMeters: minRange, toleranceMeters: toleranceMeters)))
        }
        return result
    }
}
