import ArgumentParser
import Foundation
import GeoJSON
import Geometry
import StrikeRange

/// Output forms of `coverage`.
enum CoverageFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, geojson
    /// CSV plus a last column `wkt`: the part of the region in range, as well-known text.
    case csvWKT = "csv-wkt"
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
    @OptionGroup var weaponOptions: WeaponOptions
    @Option(name: .customLong("regions"), help: "Regions, comma-separated and/or repeated: codes or names (RU-BRY, Kursk), border:A-B, GeoJSON files.")
    var regionLists: [String] = []
    @Option(help: "All admin-1 units of this country (e.g. RU).")
    var country: String?
    @Option(name: .customLong("regions-file"), help: "GeoJSON file, one region per feature, named by its `name` property.")
    var regionsFile: String?
    @Option(help: ArgumentHelp("Error bound of the envelopes and distances (default 10m; at least 1mm).", valueName: "distance"), transform: distanceArgument)
    var tolerance: Double = 10
    @Option(help: "table, csv, csv-wkt (CSV with the in-range part as a wkt column), json or geojson (default table).")
    var format: CoverageFormat?
    @Option(help: "Write the output here (atomically) instead of standard output; a .gpkg (GeoPackage: launch area, envelopes, coverage; QGIS styles, metadata) or .fgb (FlatGeobuf: coverage) name writes GIS layers.")
    var output: String?
    @Option(name: .customLong("workers"), help: ArgumentHelp("Worker threads (default: every core).", visibility: .hidden))
    var workers: Int?

    func validate() throws {
        let sources = [!regionLists.isEmpty, country != nil, regionsFile != nil].filter { $0 }.count
        if sources != 1 { throw ValidationError("give exactly one of --regions LIST, --country CC or --regions-file FILE") }
        if !regionLists.isEmpty && regionSpecifiers.isEmpty {
            throw ValidationError("--regions: the list is empty; give codes or names separated by commas, e.g. --regions RU-BRY,RU-KRS")
        }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
        try LayerOutputPath.check(output, formatGiven: format?.rawValue, formats: CoverageFormat.allCases.map(\.rawValue))
    }

    /// Every --regions value split at commas, blanks dropped.
    var regionSpecifiers: [String] {
        regionLists.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        if let output { try OutputFileCheck.check(output) }
        let catalog = try data.catalog()
        let (launch, label, shaping) = try launchOptions.resolve(in: catalog)

        let ranges = try weaponOptions.reachWeapons(in: catalog, toleranceMeters: tolerance)

        let regions: [CoverageRegion]
        if let country {
            regions = try CoverageRegionSource.admin1Units(ofCountry: country, in: catalog)
        } else if let regionsFile {
            regions = try CoverageRegionSource.regions(fromFile: regionsFile)
        } else {
            regions = try regionSpecifiers.map { try CoverageRegionSource.region($0, in: catalog) }
        }

        let shaped = try PreparedLaunch(try shaping.apply(to: launch, toleranceMeters: tolerance))

        let bar = CoverageProgressBar()
        let layerOutput = output.map(GISLayers.isLayerFile) ?? false
        let calculator = CoverageCalculator(toleranceMeters: tolerance, keepsGeometry: format == .geojson || format == .csvWKT || layerOutput, workerCount: workers)
        if let output, layerOutput {
            try writeLayers(calculator, launch: shaped, label: label, ranges: ranges, regions: regions, catalog: catalog, to: output)
            return
        }
        let results = try calculator.compute(launch: shaped, ranges: ranges, regions: regions) { bar.update($0) }
        bar.finish()

        let report = CoverageReport(launchLabel: label, toleranceMeters: tolerance, results: results)
        let text: String
        switch format ?? .table {
        case .table: text = report.table()
        case .csv: text = report.csv()
        case .csvWKT:
            let wkt = WKTColumn()
            text = try report.csv(wkt: wkt)
            if let note = wkt.note { FileHandle.standardError.write(Data("coverage: \(note)\n".utf8)) }
        case .json: text = report.json()
        case .geojson: text = report.geoJSON()
        }
        if let output {
            try AtomicFile.write(text + "\n", to: output)
        } else {
            print(text)
        }
    }

    /// `--output x.gpkg|x.fgb`: the launch area and the certified envelopes (GeoPackage only), and the
    /// in-range part of each region per weapon variant with the coverage columns as typed fields.
    private func writeLayers(_ calculator: CoverageCalculator, launch: PreparedLaunch, label: String, ranges: [RangeVariant],
                             regions: [CoverageRegion], catalog: DataCatalog, to output: String) throws {
        var weaponOrder = [String]()
        for r in ranges where !weaponOrder.contains(r.weaponID) { weaponOrder.append(r.weaponID) }
        let certified = try RangeFigureBuilder().buildEnvelopes(launch: launch, parameters: ranges.map(\.parameters), workers: workers)
        let envelopes = certified.map(\.geometry)
        let achievedErrors = certified.compactMap { $0.verification?.achievedErrorMeters }
        let envelopeFeatures = zip(ranges, certified).map { r, envelope in
            let feature = envelope.feature(for: EnvelopeRequest(launch: launch.geometry, launchLabel: label, weapon: r.weaponID, variant: r.kind.rawValue,
                                                                parameters: r.parameters, sources: r.sources))
            return GISLayers.envelopeFeature(feature, weaponIndex: weaponOrder.firstIndex(of: r.weaponID) ?? 0, isMain: r.isMain)
        }
        let results = try calculator.compute(launch: launch, ranges: ranges, envelopes: envelopes, regions: regions)
        let report = CoverageReport(launchLabel: label, toleranceMeters: tolerance, results: results)
        let coverage = results.map { r in
            var p = report.properties(r)
            p["name"] = .string("\(r.regionName) — \(r.weapon) \(r.variant.rawValue)")
            return GISLayers.coverageFeature(geometry: r.inRangeGeometry, properties: p, weaponIndex: weaponOrder.firstIndex(of: r.weapon) ?? 0)
        }
        let file = try GISLayerFile(path: output)
        do {
            if !file.holdsOneLayer { try file.add([GISLayers.launchAreaFeature(launch.geometry, label: label)] + envelopeFeatures) }
            try file.add(coverage, defaultLayer: "coverage")
            var sources = [String]()
            for r in ranges { for s in r.sources where !sources.contains(s) { sources.append(s) } }
            try file.finish(metadata: GISLayers.metadata(title: "Coverage from \(label)", launch: label, toleranceMeters: tolerance,
                                                         achievedErrorsMeters: achievedErrors, sources: sources))
        } catch {
            file.abandon()
            throw error
        }
    }
}
