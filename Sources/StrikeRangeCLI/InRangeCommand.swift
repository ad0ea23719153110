import ArgumentParser
import Foundation
import Geometry
import StrikeRange

extension InRangeFormat: ExpressibleByArgument {}

/// `strikerange inrange`: which places and airfields a weapon reaches from a launch area, with totals.
struct InRangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inrange",
        abstract: "Which places and airfields are within range: listed, counted per country and admin-1 unit, with population.",
        discussion: """
            For each GeoNames place and OurAirports airfield that passes the filters: name, codes, country and admin-1 unit, \
            the exact geodesic distance from the launch area and its nearest launch point, and per weapon variant the margin \
            (range − distance) and the verdict (as `reach`). Totals per country and admin-1 unit: counts in range and, for places, \
            the population in range. Filters: --country and --admin1 (both layers), --type and --military (airfields), \
            --min-population (places). Population is GeoNames' settlement figure, not a gridded estimate of people; the \
            airfield data is OurAirports as of \(Airfield.dataDate), and a listed airfield is not a claim about what is stationed there.
            Examples:
              strikerange inrange --from UA --weapon atacms --country RU --what airfields --military --what places --min-population 100000 --in-range-only
              strikerange inrange --from UA --weapon atacms --what airfields --country RU --military
              strikerange inrange --from region:UA-59 --weapon gmlrs --what places --admin1 RU-KRS --format csv
            """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var launchOptions: LaunchOptions
    @OptionGroup var weaponOptions: WeaponOptions
    @Option(name: .customLong("what"), help: ArgumentHelp("Layers: airfields, places, or both (comma-separated or repeated; default both).", valueName: "layers"))
    var what: [String] = []
    @Option(help: ArgumentHelp("Only features in this country: code or name (repeatable).", valueName: "country"))
    var country: [String] = []
    @Option(help: ArgumentHelp("Only features in this admin-1 unit: ISO 3166-2 code or name (repeatable).", valueName: "unit"))
    var admin1: [String] = []
    @Option(name: .customLong("type"), help: ArgumentHelp("Airfields of this type: \(Airfield.types.joined(separator: ", ")) (repeatable).", valueName: "type"))
    var types: [String] = []
    @Flag(help: "Only airfields the data flags military (a name rule; see Data/SOURCES.md).")
    var military = false
    // `.unconditional` so that "-5" reaches the filter and gets a message naming it.
    @Option(name: .customLong("min-population"), parsing: .unconditional, help: ArgumentHelp("Only places with at least this GeoNames population.", valueName: "people"))
    var minPopulation: String?
    @Flag(name: .customLong("in-range-only"), help: "List only features in range (or within tolerance) of some weapon variant.")
    var inRangeOnly = false
    @Option(help: ArgumentHelp("Verdict tolerance (default 10m).", valueName: "distance"), transform: distanceArgument)
    var tolerance: Double = 10
    @Option(help: "Output format: table, csv, csv-wkt (CSV with a wkt column), json or geojson (default table).")
    var format: InRangeFormat?
    @Option(help: "Write here (atomically) instead of standard output; a .gpkg (GeoPackage: launch area and in_range layer, QGIS styles, metadata) or .fgb (FlatGeobuf: in_range) name writes GIS layers.")
    var output: String?
    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?
    @Flag(help: ArgumentHelp("Print phase times (ms) to standard error.", visibility: .hidden))
    var timing = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        try LayerOutputPath.check(output, formatGiven: format?.rawValue, formats: InRangeFormat.allCases.map(\.rawValue))
    }

    private func note(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
    private func ms(since t: UInt64) -> String { String(format: "%.1f", Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6) }

    func run() throws {
        let t0 = DispatchTime.now().uptimeNanoseconds
        if let output { try OutputFileCheck.check(output) }
        let catalog = try data.catalog()
        let layers = try what.isEmpty ? [.airfields, .places] : what.flatMap { try InRangeLayer.parseList($0) }
            .reduce(into: [InRangeLayer]()) { if !$0.contains($1) { $0.append($1) } }
        let filter = try InRangeFilter.resolve(countries: country, admin1: admin1, types: types, militaryOnly: military,
                                               minPopulation: minPopulation, layers: layers, in: catalog)
        let reachWeapons = try weaponOptions.reachWeapons(in: catalog, toleranceMeters: tolerance)
        let features = try filter.features(of: layers, in: catalog)
        let (launch, label, shaping) = try launchOptions.resolve(in: catalog)
        let shaped = try shaping.apply(to: launch, toleranceMeters: tolerance)
        let calculator = try ReachCalculator(launch: try PreparedLaunch(shaped), weapons: reachWeapons,
                                             threadCount: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let survey = try InRangeSurvey(calculator: calculator)
        if timing { note("timing: setup_ms=\(ms(since: t0)) features=\(features.count)") }
        let t1 = DispatchTime.now().uptimeNanoseconds
        let report = try survey.report(features: features, layers: layers, filter: filter, inRangeOnly: inRangeOnly,
                                       regions: try catalog.regions())
        if timing { note("timing: report_ms=\(ms(since: t1)) classify_ms=\(String(format: "%.3f", report.classifyMilliseconds)) classified=\(report.classified) exact_for_verdicts=\(report.exactForVerdicts) listed=\(report.rows.count)") }
        if features.isEmpty { note("inrange: no feature passes the filters (\(layers.map(\.rawValue).joined(separator: ", ")))") }
        if let output, GISLayers.isLayerFile(output) {
            try writeLayers(report, launch: shaped, label: label, catalog: catalog, to: output)
            for s in report.summarySentences() { note("inrange: \(s)") }
            if timing { note("timing: total_ms=\(ms(since: t0))") }
            return
        }
        let format = self.format ?? .table
        let text = InRangeOutput.text(report, format: format)
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if format != .table { for s in report.summarySentences() { note("inrange: \(s)") } }
        if timing { note("timing: total_ms=\(ms(since: t0))") }
    }

    /// `--output x.gpkg|x.fgb`: the launch area (GeoPackage only) and the `in_range` layer of `run` (distance,
    /// reachable per the first variant, the caveat of each source in its own field).
    private func writeLayers(_ report: InRangeReport, launch: Geometry, label: String, catalog: DataCatalog, to output: String) throws {
        let file = try GISLayerFile(path: output)
        do {
            if !file.holdsOneLayer { try file.add([GISLayers.launchAreaFeature(launch, label: label)]) }
            try file.add(ScenarioLayers.inRangeFeatures(report, labelPlaces: 10), defaultLayer: "in_range")
            var sources = [String]()
            for w in try weaponOptions.catalogWeapons(in: catalog) { for s in w.sources.map(\.citation) where !sources.contains(s) { sources.append(s) } }
            if report.layers.contains(.places) { sources.append("GeoNames (CC BY 4.0): " + InRangeReport.populationNote) }
            if report.layers.contains(.airfields) { sources.append("OurAirports (public domain) \(Airfield.dataDate): " + InRangeReport.airfieldNote) }
            var metadata = GISLayers.metadata(title: "In range from \(label)", launch: label, toleranceMeters: tolerance,
                                              achievedErrorsMeters: [], sources: sources)
            metadata.append(("summary", report.summarySentences().joined(separator: " ")))
            metadata.append(("weapons", report.weapons.map { "\(InRangeOutput.label($0)) \(FixedDecimals.text($0.parameters.rangeMeters, FixedDecimals.meters)) m" }.joined(separator: "; ")))
            try file.finish(metadata: metadata)
        } catch {
            file.abandon()
            throw error
        }
    }
}
