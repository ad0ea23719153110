import Geometry

/// A scenario checked against the data: every specifier, weapon and region resolved.
public struct ResolvedScenario: Sendable {
    public var scenario: Scenario
    /// The launch areas as given, one per `launch` entry.
    public var launchParts: [ResolvedLocation]
    public var exclusions: [ResolvedLocation]
    public var standoffFrom: [ResolvedLocation]
    public var variants: [RangeVariant]
    public var regions: [ResolvedLocation]
    public var targets: [ResolvedLocation]
    /// Catalog data files the scenario read (for provenance hashes).
    public var dataDirectory: DataDirectory
    /// How ambiguous entries were read ("'Kursk' is taken as the place …"), with file, line and field, for stderr.
    public var notes: [String] = []
    /// The `in_range:` section, checked; nil when the scenario has none.
    public var inRange: ResolvedInRange? = nil
    public var launchLabel: String { launchParts.map(\.label).joined(separator: " + ") }
}

/// Checks a parsed scenario against the data catalog; every failure keeps the file, line and field.
public enum ScenarioResolver {
    /// - Parameter decodeProblems: what `ScenarioDecoder.decodeCollecting` found in the file; reported with the
    ///   resolver's own problems, in file order, so one run names every mistake.
    /// - Throws: `ScenarioError` for an unknown weapon, region, place or any specifier that does not resolve.
    public static func resolve(_ scenario: Scenario, catalog: DataCatalog, decodeProblems: [ScenarioError] = []) throws(ScenarioError) -> ResolvedScenario {
        func fail(_ mark: ScenarioSourceMark, _ error: any Error) -> ScenarioError {
            ScenarioError(file: scenario.file, line: mark.line, column: mark.column, field: mark.field, message: "\(error)")
        }
        var problems = decodeProblems
        func locations(_ list: [Marked<String>],
                       _ resolve: (String, DataCatalog) throws -> ResolvedLocation = { try LocationSpecifier.resolve($0, in: $1) }) -> [ResolvedLocation] {
            var result = [ResolvedLocation]()
            for item in list {
                do { result.append(try resolve(item.value, catalog)) } catch { problems.append(fail(item.mark, error)) }
            }
            return result
        }
        var variants = [RangeVariant]()
        for (index, weapon) in scenario.weapons.enumerated() {
            switch weapon {
            case let .catalog(id, spread):
                let entry: Weapon
                do { entry = try catalog.weapons().weapon(matching: id.value) } catch { problems.append(fail(id.mark, error)); continue }
                do {
                    variants += try entry.variants(spread: spread ?? scenario.spread, toleranceMeters: scenario.toleranceMeters,
                                                   placement: scenario.placement, weaponIndex: index)
                } catch { problems.append(fail(id.mark, error)); continue }
            case let .explicit(name, range, minimum, source):
                do {
                    let parameters = try RangeParameters(rangeMeters: range, minRangeMeters: minimum,
                                                         toleranceMeters: scenario.toleranceMeters, placement: scenario.placement)
                    variants.append(RangeVariant(weaponID: name.value, kind: .custom, parameters: parameters,
                                                 sources: source.map { [$0] } ?? [], weaponIndex: index))
                } catch { problems.append(fail(name.mark, error)); continue }
            }
        }
        let resolved = ResolvedScenario(
            scenario: scenario,
            launchParts: locations(scenario.launch),
            exclusions: locations(scenario.exclude),
            standoffFrom: locations(scenario.standoffFrom),
            variants: variants,
            // Each list resolves by its kind: `regions:` among regions only, `targets:` preferring places.
            regions: locations(scenario.regions, LocationSpecifier.resolveRegion),
            targets: locations(scenario.targets, LocationSpecifier.resolveTarget),
            dataDirectory: catalog.directory)
        var resolvedWithNotes = resolved
        for (item, target) in zip(scenario.targets, resolved.targets) {
            guard let note = LocationSpecifier.targetNote(item.value, resolved: target, in: catalog) else { continue }
            let place = [scenario.file, item.mark.line.map(String.init)].compactMap { $0 }.joined(separator: ":")
            resolvedWithNotes.notes.append("\(place): field '\(item.mark.field)': \(note)")
        }
        if let section = scenario.inRange {
            // Each value alone first, so that a problem points at its own line; messages name the field
            // as the file does ("in_range.country 'Narnia': unknown country …").
            let name: (String) -> String = { "in_range.\($0 == "min-population" ? "min_population" : ($0 == "what" ? "layers" : $0))" }
            func check(_ item: Marked<String>?, countries: [String] = [], admin1: [String] = [], types: [String] = []) {
                do {
                    _ = try InRangeFilter.resolve(countries: countries, admin1: admin1, types: types, militaryOnly: false,
                                                  minPopulation: item.flatMap { countries.isEmpty && admin1.isEmpty && types.isEmpty ? $0.value : nil },
                                                  layers: section.layers, in: catalog, fieldName: name)
                } catch {
                    let mark = item?.mark ?? section.mark
                    problems.append(ScenarioError(file: scenario.file, line: mark.line, column: mark.column, field: "", message: "\(error)"))
                }
            }
            for item in section.countries { check(item, countries: [item.value]) }
            for item in section.admin1 { check(item, admin1: [item.value]) }
            for item in section.types { check(item, types: [item.value]) }
            if let item = section.minPopulation { check(item) }
            if problems.isEmpty {
                do {
                    let filter = try InRangeFilter.resolve(
                        countries: section.countries.map(\.value), admin1: section.admin1.map(\.value), types: section.types.map(\.value),
                        militaryOnly: section.militaryOnly, minPopulation: section.minPopulation?.value, layers: section.layers,
                        in: catalog, fieldName: name)
                    resolvedWithNotes.inRange = ResolvedInRange(layers: section.layers, filter: filter, inRangeOnly: section.inRangeOnly,
                                                                  labelPlaces: section.labelPlaces)
                } catch {
                    problems.append(ScenarioError(file: scenario.file, line: section.mark.line, column: section.mark.column, field: "", message: "\(error)"))
                }
            }
        }
        if !problems.isEmpty {
            throw ScenarioError.combining(ScenarioError.inFileOrder(problems))
        }
        return resolvedWithNotes
    }
}
