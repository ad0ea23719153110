import ArgumentParser
import Foundation
import GeoJSON
import Geometry
import StrikeRange

/// Output forms of `coverage`.
enum CoverageFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, geojson
}

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "How much of each region is within range of a launch area: area (or length) in range, percent, nearest and farthest distance.",
        discussion: """
            Per region × weapon: the geodesic area in range (km²; for line regions such as border:RU-BY the length \
            in km), its percent of the region, full|partial|none (full: the part out of range is below a millionth \
            of the region; none: the part in range is), and the geodesic distance from the launch area to the \
            region's nearest and farthest point. The table is sorted by weapon, then percent (descending); CSV, JSON \
            and GeoJSON keep the input order with full-precision numbers. GeoJSON holds the in-range part of each \
            region as a feature.
            Examples:
              strikerange coverage --from UA --weapon atacms --regions RU-BRY,RU-KRS,RU-BEL
              strikerange coverage --from UA --weapon atacms --weapon gmlrs --country RU --format csv
              strikerange coverage --from region:UA-74 --weapon gmlrs --regions border:RU-BY
              strikerange coverage --from UA --weapon all --country RU
            """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var launchOptions: LaunchOptions
    @Option(name: .customLong("weapon"), help: "Catalog weapon (id or alias, e.g. atacms, gmlrs), or all (every catalog weapon); repeatable.")
    var weapons: [String] = []
    @Flag(help: "With --weapon: also the low and high reported maxima.")
    var spread = false
    @Option(help: ArgumentHelp("Maximum range with a unit: 300km, 186mi, 162nmi, 5000m.", valueName: "distance"), transform: distanceArgument)
    var range: Double?
    @Option(name: .customLong("min-range"), help: ArgumentHelp("Minimum range with a unit.", valueName: "distance"), transform: distanceArgument)
    var minRange: Double?
    @Option(name: .customLong("regions"), help: "Regions, comma-separated and/or repeated: codes or names (RU-BRY, Kursk), border:A-B, GeoJSON files.")
    var regionLists: [String] = []
    @Option(help: "All admin-1 units of this country (e.g. RU).")
    var country: String?
    @Option(name: .customLong("regions-file"), help: "GeoJSON file, one region per feature, named by its `name` property.")
    var regionsFile: String?
    @Option(help: ArgumentHelp("Error bound of the envelopes and distances (default 10m; at least 1mm).", valueName: "distance"), transform: distanceArgument)
    var tolerance: Double = 10
    @Option(help: "table, csv, json or geojson.")
    var format: CoverageFormat = .table
    @Option(help: "Write the output here (atomically) instead of standard output.")
    var output: String?
    @Option(name: .customLong("workers"), help: ArgumentHelp("Worker threads (default: every core).", visibility: .hidden))
    var workers: Int?

    func validate() throws {
        if weapons.isEmpty == (range == nil) { throw ValidationError("give either --weapon ID (repeatable) or --range DISTANCE (not both)") }
        if !weapons.isEmpty && minRange != nil { throw ValidationError("--min-range goes with --range; a --weapon brings its own minimum range") }
        if spread && weapons.isEmpty { throw ValidationError("--spread needs --weapon (a catalog entry has the reported spread)") }
        let sources = [!regionLists.isEmpty, country != nil, regionsFile != nil].filter { $0 }.count
        if sources != 1 { throw ValidationError("give exactly one of --regions LIST, --country CC or --regions-file FILE") }
        if !regionLists.isEmpty && regionSpecifiers.isEmpty {
            throw ValidationError("--regions: the list is empty; give codes or names separated by commas, e.g. --regions RU-BRY,RU-KRS")
        }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
    }

    /// Every --regions value split at commas, blanks dropped.
    var regionSpecifiers: [String] {
        regionLists.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        if let output { try OutputFileCheck.check(output) }
        let catalog = try data.catalog()
        let (launch, label, shaping) = try launchOptions.resolve(in: catalog)

        var ranges = [CoverageRange]()
        // `all` (any case) stands for every catalog weapon, in catalog order (issue 15).
        let chosen = try weapons.flatMap { query in
            query.trimmingCharacters(in: .whitespaces).lowercased() == "all"
                ? try catalog.weapons().weapons : [try catalog.weapons().weapon(matching: query)]
        }
        for w in chosen {
            for variant in w.rangeVariants(spread: spread) {
                ranges.append(CoverageRange(weapon: w.id, variant: variant.name, parameters: try RangeParameters(
                    rangeMeters: variant.rangeMeters, minRangeMeters: w.minRangeMeters, toleranceMeters: tolerance)))
            }
        }
        if let range {
            ranges.append(CoverageRange(weapon: "custom", variant: "custom", parameters: try RangeParameters(
                rangeMeters: range, minRangeMeters: minRange, toleranceMeters: tolerance)))
        }

        let regions: [CoverageRegion]
        if let country {
            regions = try CoverageRegionSource.admin1Units(ofCountry: country, in: catalog)
        } else if let regionsFile {
            regions = try CoverageRegionSource.regions(fromFile: regionsFile)
        } else {
            regions = try regionSpecifiers.map { try CoverageRegionSource.region($0, in: catalog) }
        }

        let shaped = try shaping.apply(to: launch, toleranceMeters: tolerance)

        let bar = CoverageProgressBar()
        let calculator = CoverageCalculator(toleranceMeters: tolerance, keepsGeometry: format == .geojson, workerCount: workers)
        let results = try calculator.compute(launch: shaped, ranges: ranges, regions: regions) { bar.update($0) }
        bar.finish()

        let report = CoverageReport(launchLabel: label, toleranceMeters: tolerance, results: results)
        let text: String
        switch format {
        case .table: text = report.table()
        case .csv: text = report.csv()
        case .json: text = report.json()
        case .geojson: text = report.geoJSON()
        }
        if let output {
            try AtomicFile.write(text + "\n", to: output)
        } else {
            print(text)
        }
    }
}
