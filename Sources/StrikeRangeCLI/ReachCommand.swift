import ArgumentParser
import Foundation
import GeoJSON
import Geodesy
import Geometry
import StrikeRange

extension ReachFormat: ExpressibleByArgument {}

struct ReachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "Which targets each weapon can reach from a launch area, by exact geodesic distance.",
        discussion: """
            For each target and weapon: the geodesic distance (WGS84) from the nearest point of the launch area \
            (0 inside it), that launch point and the azimuth from it, the margin (range − distance) and a verdict: \
            in_range, out_of_range, inside_min_range (closer than the minimum range to every launch point) or \
            within_tolerance (|margin| below --tolerance). A polygon target stands for its point nearest to the \
            launch area. --targets reads a CSV (header with lat/latitude/y and lon/longitude/x, optional name; other \
            columns passed through) in chunks, or GeoJSON. --reverse gives, per target, the part of the launch area \
            that reaches it, with its area.
            Examples:
              strikerange reach --from UA --weapon atacms --target Moscow --target Kursk --target Bryansk
              strikerange reach --from region:UA-59 --standoff 20km --standoff-from border:UA-RU --weapon gmlrs --targets t.csv --format csv
              strikerange reach --from UA --weapon atacms --target Bryansk --reverse
              strikerange reach --from -33.92,18.42 --range 1500km --target "Windhoek=-22.56,17.08"
            """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var launchOptions: LaunchOptions
    @OptionGroup var weaponOptions: WeaponOptions
    // `.unconditionalSingleValue` so "-33.9,18.4" is a target, not an unknown option (see LaunchOptions).
    @Option(name: .customLong("target"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Target: lat,lon (e.g. -33.92,18.42), Name=lat,lon, place, region (its nearest point), file (repeatable).", valueName: "location"))
    var targetSpecifiers: [String] = []
    @Option(name: .customLong("targets"), help: ArgumentHelp("Targets file: CSV (name, lat, lon) or GeoJSON points/polygons.", valueName: "file"))
    var targetsFile: String?
    @Option(help: ArgumentHelp("Verdict tolerance (default 10m).", valueName: "distance"), transform: distanceArgument)
    var tolerance: Double = 10
    @Option(help: "Output format: table, csv, csv-wkt (CSV with a wkt column), json or geojson (default table; geojson with --reverse).")
    var format: ReachFormat?
    @Option(help: "Write here (atomically) instead of standard output; a .gpkg (GeoPackage: targets and launch area, QGIS styles, metadata) or .fgb (FlatGeobuf: targets) name writes GIS layers.")
    var output: String?
    @Flag(name: .customLong("skip-invalid"), help: "Skip invalid CSV rows (reported on standard error) instead of failing.")
    var skipInvalid = false
    @Flag(help: "For each target, the part of the launch area that reaches it (GeoJSON with area_km2).")
    var reverse = false
    @Flag(help: "With --format geojson: also a geodesic line from the nearest launch point to each target.")
    var lines = false
    @Option(help: ArgumentHelp("Also write the target and nearest launch point as decimal, dms or mgrs (columns target_coords, nearest_launch_coords).", valueName: "style"))
    var coords: CoordinateStyle?
    @Flag(name: .customLong("verdict-only"), help: "Fast verdicts for point targets from bracketing envelopes (exact distance only near the boundary); no distances.")
    var verdictOnly = false
    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?
    @Option(name: .customLong("chunk-rows"), help: ArgumentHelp("CSV rows per chunk.", visibility: .hidden))
    var chunkRows: Int = 65_536
    @Flag(help: ArgumentHelp("Print phase times (ms) to standard error.", visibility: .hidden))
    var timing = false

    func validate() throws {
        try LaunchOptions.rejectOptionsAsLocations([("--target", targetSpecifiers)])
        if targetSpecifiers.isEmpty == (targetsFile == nil) { throw ValidationError("give either --target SPEC (repeatable) or --targets FILE (not both)") }
        if reverse && (format ?? .geojson) != .geojson { throw ValidationError("--reverse writes GeoJSON; drop --format or use --format geojson") }
        if reverse && verdictOnly { throw ValidationError("--reverse and --verdict-only do not go together") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if chunkRows < 1 { throw ValidationError("--chunk-rows must be at least 1") }
        try LayerOutputPath.check(output, formatGiven: format?.rawValue, formats: ReachFormat.allCases.map(\.rawValue))
    }

    private func note(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
    private func ms(since t: UInt64) -> String { String(format: "%.1f", Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6) }

    func run() throws {
        let t0 = DispatchTime.now().uptimeNanoseconds
        if let output { try OutputFileCheck.check(output) }
        let catalog = try data.catalog()
        let reachWeapons = try weaponOptions.reachWeapons(in: catalog, toleranceMeters: tolerance)
        let (launch, label, shaping) = try launchOptions.resolve(in: catalog)
        let shaped = try PreparedLaunch(try shaping.apply(to: launch, toleranceMeters: tolerance))
        let fixedTargets = try targetSpecifiers.map { spec -> ReachTarget in
            let r = try Self.resolveTarget(spec, in: catalog)
            if let note = LocationSpecifier.targetNote(spec, resolved: r, in: catalog) { self.note("reach: \(note)") }
            return try ReachTarget(name: r.label, geometry: r.geometry).validated(source: "--target \(spec)")
        }
        let calculator = try ReachCalculator(launch: shaped, weapons: reachWeapons,
                                             threadCount: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        if !reverse { try calculator.prepareWorkers() }
        if timing { note("timing: setup_ms=\(ms(since: t0))") }

        if let output, GISLayers.isLayerFile(output) {
            try runLayers(calculator, fixedTargets: fixedTargets, label: label, catalog: catalog, output: output)
            if timing { note("timing: total_ms=\(ms(since: t0))") }
            return
        }
        let sink = try ReachSink(output: output)
        do {
            if reverse {
                try runReverse(calculator, targets: try fixedTargets.isEmpty ? readAllTargets() : fixedTargets, sink: sink)
            } else {
                try runForward(calculator, fixedTargets: fixedTargets, sink: sink)
            }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
        if timing { note("timing: total_ms=\(ms(since: t0))") }
    }

    /// See `LocationSpecifier.resolveTarget`: "Name=lat,lon" keeps the name; a city beats a region.
    static func resolveTarget(_ spec: String, in catalog: DataCatalog) throws -> ResolvedLocation {
        try LocationSpecifier.resolveTarget(spec, in: catalog)
    }

    private func isGeoJSONPath(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".geojson") || lower.hasSuffix(".json")
    }

    /// GeoJSON targets: one per feature (name from its `name` property, else its position).
    private func geoJSONTargets(_ path: String) throws -> [ReachTarget] {
        guard let data = FileManager.default.contents(atPath: path) else { throw StrikeRangeError("targets \(path): cannot read the file") }
        let features: [Feature]
        do { features = try GeoJSONReader.readFeatures([UInt8](data)) } catch {
            throw StrikeRangeError("targets \(path): not GeoJSON: \(error); expected a FeatureCollection of points or polygons, or a CSV with a .csv name")
        }
        let targets = try features.enumerated().compactMap { i, f -> ReachTarget? in
            guard let g = f.geometry else { return nil }
            var name = "feature \(i + 1)"
            if case .object(let p) = f.properties, case .string(let s)? = p["name"] { name = s }
            return try ReachTarget(name: name, geometry: g).validated(source: "\(path) (feature \(i + 1))")
        }
        if targets.isEmpty { throw StrikeRangeError("targets \(path): no features with a geometry") }
        return targets
    }

    private func readAllTargets() throws -> [ReachTarget] {
        guard let path = targetsFile else { return [] }
        if isGeoJSONPath(path) { return try geoJSONTargets(path) }
        let reader = try TargetCSVReader(path: path, skipInvalid: skipInvalid)
        var all = [ReachTarget]()
        while let chunk = try reader.nextChunk(maxRows: chunkRows) { all += chunk }
        if let summary = reader.skippedSummary { note("reach: \(summary)") }
        return all
    }

    /// `--output x.gpkg|x.fgb`: the launch area (GeoPackage only) and the target layer, appended chunk by chunk.
    private func runLayers(_ calculator: ReachCalculator, fixedTargets: [ReachTarget], label: String, catalog: DataCatalog,
                           output: String) throws {
        let file = try GISLayerFile(path: output)
        do {
            var sources = [String]()
            for weapon in try weaponOptions.catalogWeapons(in: catalog) {
                for s in weapon.sources.map(\.citation) where !sources.contains(s) { sources.append(s) }
            }
            if reverse {
                try file.add(try reverseFeatures(calculator, targets: try fixedTargets.isEmpty ? readAllTargets() : fixedTargets),
                             defaultLayer: "launch_part")
            } else {
                if !file.holdsOneLayer { try file.add([GISLayers.launchAreaFeature(calculator.launch, label: label)]) }
                try runForward(calculator, fixedTargets: fixedTargets, sink: nil, layerFile: file)
            }
            var metadata = GISLayers.metadata(title: "Reach from \(label)", launch: label, toleranceMeters: tolerance,
                                              achievedErrorsMeters: [], sources: sources)
            metadata.append(("distances", verdictOnly
                ? "verdicts from bracketing envelopes, exact geodesic distance only near the range boundary; no distances written"
                : "exact geodesic distances on WGS84 (GeographicLib's algorithms via PROJ); |margin| below tolerance_m is within_tolerance"))
            try file.finish(metadata: metadata)
        } catch {
            file.abandon()
            throw error
        }
    }

    private func runForward(_ calculator: ReachCalculator, fixedTargets: [ReachTarget], sink: ReachSink?,
                            layerFile: GISLayerFile? = nil) throws {
        var reader: TargetCSVReader?
        var pendingTargets: [ReachTarget]? = fixedTargets.isEmpty ? nil : fixedTargets
        if let path = targetsFile {
            if isGeoJSONPath(path) { pendingTargets = try geoJSONTargets(path) } else { reader = try TargetCSVReader(path: path, skipInvalid: skipInvalid) }
        }
        let fmt = format ?? .table
        var writer = ReachWriter(format: fmt, passthroughColumns: reader?.passthroughColumns ?? [], lines: lines,
                                 coords: coords.map { CoordinateFormatter(style: $0) })
        try sink?.write(writer.header())
        var layerOutput: (file: GISLayerFile, layer: ReachLayer, index: Int)?
        if let layerFile {
            let layer = ReachLayer(passthroughColumns: reader?.passthroughColumns ?? [], coords: coords != nil)
            layerOutput = (layerFile, layer, try layerFile.beginLayer(layer.schema, styledLike: ReachLayer.styleFeatures(weapons: calculator.weapons)))
        }
        let coordinateFormatter = coords.map { CoordinateFormatter(style: $0) }
        let classifiers = verdictOnly ? try calculator.weapons.indices.map { try ReachBatchClassifier(calculator: calculator, weaponIndex: $0) } : []
        var readNs: UInt64 = 0, classifyNs: UInt64 = 0, computeNs: UInt64 = 0, writeNs: UInt64 = 0, count = 0, exact = 0
        var lastProgress = Date()
        while true {
            var t = DispatchTime.now().uptimeNanoseconds
            let chunk: [ReachTarget]
            if let reader { guard let c = try reader.nextChunk(maxRows: chunkRows) else { break }; chunk = c }
            else { guard let c = pendingTargets else { break }; chunk = c; pendingTargets = nil }
            readNs += DispatchTime.now().uptimeNanoseconds - t
            t = DispatchTime.now().uptimeNanoseconds
            var rows = [ReachRow]()
            rows.reserveCapacity(chunk.count * calculator.weapons.count)
            if verdictOnly {
                var lon = [Double](), lat = [Double]()
                lon.reserveCapacity(chunk.count); lat.reserveCapacity(chunk.count)
                for target in chunk {
                    guard case .point(let p) = target.geometry, let c = p.coordinate else {
                        throw StrikeRangeError("--verdict-only takes point targets; \(target.name) is not a point")
                    }
                    lon.append(c.x); lat.append(c.y)
                }
                let tc = DispatchTime.now().uptimeNanoseconds
                let verdicts = try classifiers.map { try $0.classify(longitudes: lon, latitudes: lat) }
                classifyNs += DispatchTime.now().uptimeNanoseconds - tc
                exact += verdicts.reduce(0) { $0 + $1.statistics.exact }
                for (i, target) in chunk.enumerated() {
                    for (w, weapon) in calculator.weapons.enumerated() {
                        rows.append(ReachRow(target: target, weapon: weapon, result: nil, verdict: verdicts[w].verdicts[i],
                                             point: LonLat(longitude: lon[i], latitude: lat[i])))
                    }
                }
            } else {
                let results = try calculator.evaluate(chunk, firstIndex: count)
                for (i, target) in chunk.enumerated() {
                    for r in results[i] {
                        rows.append(ReachRow(target: target, weapon: calculator.weapons[r.weaponIndex], result: r, verdict: r.verdict, point: r.targetPoint))
                    }
                }
            }
            computeNs += DispatchTime.now().uptimeNanoseconds - t
            t = DispatchTime.now().uptimeNanoseconds
            if let layerOutput {
                let features = try rows.map { row in
                    let point = row.point ?? row.result?.targetPoint
                    let coordsText = coordinateFormatter.map { f in
                        (point.map { f.string($0) } ?? "", row.result.map { f.string($0.nearestLaunchPoint) } ?? "")
                    }
                    return try layerOutput.layer.row(name: row.target.name, point: point, passthrough: row.target.passthrough,
                                                     weapon: row.weapon, result: row.result, verdict: row.verdict, coordsText: coordsText)
                }
                try layerOutput.file.append(features, toLayer: layerOutput.index)
            } else if let sink, writer.format.isCSV {
                try sink.write { writer.appendCSV(rows, to: &$0) }
            } else {
                try sink?.write(writer.rows(rows))
            }
            writeNs += DispatchTime.now().uptimeNanoseconds - t
            count += chunk.count
            if reader != nil, Date().timeIntervalSince(lastProgress) > 2 {
                note("reach: \(count) targets done")
                lastProgress = Date()
            }
        }
        try sink?.write(writer.footer())
        if let summary = reader?.skippedSummary { note("reach: \(summary)") }
        if timing {
            note("timing: targets=\(count) read_ms=\(String(format: "%.1f", Double(readNs) / 1e6)) compute_ms=\(String(format: "%.1f", Double(computeNs) / 1e6)) classify_ms=\(String(format: "%.1f", Double(classifyNs) / 1e6)) write_ms=\(String(format: "%.1f", Double(writeNs) / 1e6)) exact=\(verdictOnly ? exact : count) threads=\(calculator.threadCount)")
        }
    }

    private func runReverse(_ calculator: ReachCalculator, targets: [ReachTarget], sink: ReachSink) throws {
        let features = try reverseFeatures(calculator, targets: targets)
        try GeoJSONWriter().writeFeatureCollection(features) { try sink.write($0) }
        try sink.write("\n")
    }

    /// Per target and weapon, the part of the launch area that reaches it.
    private func reverseFeatures(_ calculator: ReachCalculator, targets: [ReachTarget]) throws -> [Feature] {
        let evaluator = try calculator.makeEvaluator()
        var features = [Feature]()
        for (i, target) in targets.enumerated() {
            let results = try evaluator.evaluate(target, targetIndex: i)
            for r in results {
                let weapon = calculator.weapons[r.weaponIndex]
                let part = try ReverseReach.compute(launch: calculator.launch, target: r.targetPoint, parameters: weapon.parameters)
                features.append(Feature(geometry: part.geometry, properties: .object([
                    "name": .string(target.name), "weapon": .string(weapon.weaponID), "variant": .string(weapon.kind.rawValue),
                    "range_m": .number(weapon.parameters.rangeMeters),
                    "min_range_m": weapon.parameters.minRangeMeters.map(JSONValue.number) ?? .null,
                    "target_lat": .number(r.targetPoint.latitude), "target_lon": .number(r.targetPoint.longitude),
                    "area_km2": .number(part.areaSquareMeters / 1e6), "verdict": .string(r.verdict.rawValue),
                ])))
            }
        }
        return features
    }
}
