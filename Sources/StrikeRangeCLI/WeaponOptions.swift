import ArgumentParser
import StrikeRange

/// Catalog weapons or a custom range, shared by `reach`, `inrange` and `coverage`: the options, their checks and
/// the weapon variants they name (`Weapon.variants(spread:toleranceMeters:)`, the one variant rule).
struct WeaponOptions: ParsableArguments {
    @Option(name: .customLong("weapon"), help: "Catalog weapon (id or alias, e.g. atacms, gmlrs), or all (every catalog weapon); repeatable.")
    var weapons: [String] = []
    @Flag(help: "With --weapon: also the low and high reported maxima.")
    var spread = false
    @Option(help: ArgumentHelp("Maximum range with a unit: 300km, 186mi, 162nmi, 5000m.", valueName: "distance"), transform: distanceArgument)
    var range: Double?
    @Option(name: .customLong("min-range"), help: ArgumentHelp("Minimum range with a unit.", valueName: "distance"), transform: distanceArgument)
    var minRange: Double?

    func validate() throws {
        if weapons.isEmpty == (range == nil) { throw ValidationError("give either --weapon ID (repeatable) or --range DISTANCE (not both)") }
        if !weapons.isEmpty && minRange != nil { throw ValidationError("--min-range goes with --range; a --weapon brings its own minimum range") }
        if spread && weapons.isEmpty { throw ValidationError("--spread needs --weapon (a catalog entry has the reported spread)") }
    }

    /// The catalog weapons the --weapon values name, in order; `all` (any case) stands for every catalog
    /// weapon, in catalog order (issue 15).
    func catalogWeapons(in catalog: DataCatalog) throws -> [Weapon] {
        try weapons.flatMap { query in
            query.trimmingCharacters(in: .whitespaces).lowercased() == "all"
                ? try catalog.weapons().weapons : [try catalog.weapons().weapon(matching: query)]
        }
    }

    /// Every variant of every --weapon, then the custom --range, in that order.
    func reachWeapons(in catalog: DataCatalog, toleranceMeters: Double) throws -> [RangeVariant] {
        var result = [RangeVariant]()
        let weapons = try catalogWeapons(in: catalog)
        for (index, weapon) in weapons.enumerated() {
            result += try weapon.variants(spread: spread, toleranceMeters: toleranceMeters, weaponIndex: index)
        }
        if let range {
            result.append(RangeVariant(weaponID: "custom", kind: .custom, parameters: try RangeParameters(
                rangeMeters: range, minRangeMeters: minRange, toleranceMeters: toleranceMeters), weaponIndex: weapons.count))
        }
        return result
    }
}
