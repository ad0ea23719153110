import ArgumentParser
import Foundation
import GeoJSON
import Geodesy
import Geometry
import StrikeRange

extension Placement: ExpressibleByArgument {}

/// Reads a distance with its unit, with the parser's own message on error.
func distanceArgument(_ text: String) throws -> Double { try Distance(parsing: text).meters }

struct EnvelopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "envelope",
        abstract: "The geodesic range envelope of a launch area, as GeoJSON, with a checked error bound.",
        discussion: """
            Every point whose geodesic distance (WGS84) to the launch area is within range, minus, with a \
            minimum range, the points closer than it to every launch point. Each feature reports the achieved \
            error certified by an independent verifier (`achieved_error_m`, an upper bound of the distance error \
            over every point of every edge), which also classifies points by their true distance and checks \
            the area. With --verify it looks harder (more points, tighter bounds) and the command fails \
            (exit 1) if the envelope is not certified.
            Examples:
              strikerange envelope --from UA --weapon atacms --verify
              strikerange envelope --from "50.45N 30.52E" --range 300km --output kyiv.geojson
              strikerange envelope --from -33.92,18.42 --range 300km --output cape-town.geojson
              strikerange envelope --from region:UA-59 --weapon gmlrs --standoff 20km --standoff-from border:UA-RU
            """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var launchOptions: LaunchOptions
    @Option(help: "Catalog weapon (id or alias, e.g. atacms, gmlrs): its minimum and nominal maximum range.")
    var weapon: String?
    @Flag(help: "With --weapon: also envelopes for the low and high reported maxima.")
    var spread = false
    @Option(parsing: .unconditional, help: ArgumentHelp("Maximum range with a unit: 300km, 186mi, 162nmi, 5000m.", valueName: "distance"), transform: distanceArgument)
    var range: Double?
    @Option(name: .customLong("min-range"), parsing: .unconditional, help: ArgumentHelp("Minimum range with a unit.", valueName: "distance"), transform: distanceArgument)
    var minRange: Double?
    @Option(parsing: .unconditional, help: ArgumentHelp("Error bound for the boundary (default 10m; at least 1mm).", valueName: "distance"), transform: distanceArgument)
    var tolerance: Double = 10
    @Option(help: "center (±tolerance), outer (never understates reach) or inner (never overstates it).")
    var placement: Placement = .center
    @Flag(help: "Certify thoroughly and fail (exit 1) if the envelope is not certified.")
    var verify = false
    @Option(help: "Write the envelopes here (atomically) instead of standard output: GeoJSON, or a GeoPackage (.gpkg, QGIS styles and metadata included) or FlatGeobuf (.fgb) by the extension.")
    var output: String?
    @Flag(help: "Print construction and verification times (ms) to standard error.")
    var timing = false
    @Option(name: .customLong("repeat"), help: ArgumentHelp("Build each envelope this many times and report the median (benchmarks).", visibility: .hidden))
    var repeatCount: Int = 1

    func validate() throws {
        if (weapon == nil) == (range == nil) { throw ValidationError("give either --weapon ID or --range DISTANCE (not both)") }
        if weapon != nil && minRange != nil { throw ValidationError("--min-range goes with --range; a --weapon brings its own minimum range") }
        if spread && weapon == nil { throw ValidationError("--spread needs --weapon (a catalog entry has the reported spread)") }
        if repeatCount < 1 { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        if let output {
            try OutputFileCheck.check(output)
            let lower = output.lowercased()
            guard GISLayers.isLayerFile(output) || lower.hasSuffix(".geojson") || lower.hasSuffix(".json") else {
                throw ValidationError("--output \(output): name a .geojson (or .json), .gpkg (GeoPackage) or .fgb (FlatGeobuf) file")
            }
        }
        let catalog = try data.catalog()
        let (launch, label, shaping) = try launchOptions.resolve(in: catalog)

        var requests = [(weapon: String, variant: String, range: Double, minimum: Double?, sources: [String])]()
        if let weaponQuery = weapon {
            let w = try catalog.weapons().weapon(matching: weaponQuery)
            let sources = w.sources.map(\.citation)
            for variant in w.rangeVariants(spread: spread) {
                requests.append((w.id, variant.name, variant.rangeMeters, w.minRangeMeters, sources))
            }
        } else if let range {
            requests.append(("custom", "custom", range, minRange, []))
        }
        let parameters = try requests.map {
            try RangeParameters(rangeMeters: $0.range, minRangeMeters: $0.minimum, toleranceMeters: tolerance, placement: placement)
        }

        let builder = EnvelopeBuilder()
        let shaped = try shaping.apply(to: launch, toleranceMeters: tolerance, builder: builder)
        let verifier = EnvelopeCertifier(thoroughness: verify ? .thorough : .standard)

        var features = [Feature]()
        var broken = [String]()
        var achievedErrors = [Double]()
        let started = Date()
        for (i, request) in requests.enumerated() {
            var buildTimes = [Double]()
            var built: RangeEnvelope?
            for _ in 0..<repeatCount {
                let t0 = DispatchTime.now().uptimeNanoseconds
                built = try builder.build(launch: shaped, parameters: parameters[i])
                buildTimes.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            }
            guard var envelope = built else { preconditionFailure("validate() keeps --repeat at least 1") }
            let t1 = DispatchTime.now().uptimeNanoseconds
            let check = try verifier.verify(envelope, launch: shaped)
            if timing {
                let verifyMs = Double(DispatchTime.now().uptimeNanoseconds - t1) / 1e6
                let median = buildTimes.sorted()[buildTimes.count / 2]
                FileHandle.standardError.write(Data("timing: \(request.weapon) \(request.variant) build_ms=\(String(format: "%.3f", median)) verify_ms=\(String(format: "%.1f", verifyMs)) vertices=\(envelope.vertexCount) achieved_error_m=\(String(format: "%.3f", check.achievedErrorMeters))\n".utf8))
                // Cost model (issue 15): one more build and certification, counted (not timed).
                let buildCalls = GeodesicCallCounter(), verifyCalls = GeodesicCallCounter()
                _ = try EnvelopeBuilder(geodesic: builder.geodesic.counting(into: buildCalls)).build(launch: shaped, parameters: parameters[i])
                _ = try EnvelopeCertifier(geodesic: Geodesic.wgs84.counting(into: verifyCalls), thoroughness: verify ? .thorough : .standard)
                    .verify(envelope, launch: shaped)
                note(costModel: "build", buildCalls.counts, vertices: envelope.vertexCount)
                note(costModel: "verify", verifyCalls.counts, vertices: envelope.vertexCount)
            }
            envelope.verification = check
            achievedErrors.append(check.achievedErrorMeters)
            if let failure = check.failureSummary {
                broken.append("\(request.weapon) \(request.variant): \(failure) (tolerance \(tolerance) m, placement \(placement.rawValue))")
            }
            features.append(envelope.feature(for: EnvelopeRequest(
                launch: shaped, launchLabel: label, weapon: request.weapon, variant: request.variant,
                parameters: parameters[i], sources: request.sources)))
            let elapsed = Date().timeIntervalSince(started)
            if elapsed > 1 {
                FileHandle.standardError.write(Data("envelope \(i + 1)/\(requests.count): \(request.weapon) \(request.variant) done, \(String(format: "%.1f", elapsed)) s\n".utf8))
            }
        }
        if verify && !broken.isEmpty {
            throw StrikeRangeError("verification failed: " + broken.joined(separator: "; "))
        }
        let text = GeoJSONWriter().string(FeatureCollection(features: features))
        if let output, GISLayers.isLayerFile(output) {
            var sources = [String]()
            for r in requests { for s in r.sources where !sources.contains(s) { sources.append(s) } }
            try GISLayers.write(features, defaultLayer: "envelope",
                                metadata: GISLayers.metadata(title: "Range envelopes from \(label)", launch: label, toleranceMeters: tolerance,
                                                             achievedErrorsMeters: achievedErrors, sources: sources), to: output)
        } else if let output {
            try AtomicFile.write(text + "\n", to: output)
        } else {
            print(text)
        }
    }

    private func note(costModel step: String, _ c: GeodesicCallCounts, vertices: Int) {
        let perVertex = c.inverseEquivalents / Double(max(1, vertices))
        let perQuery = c.distanceQueries > 0 ? String(format: " per_query=%.2f", c.inverseEquivalents / Double(c.distanceQueries)) : ""
        FileHandle.standardError.write(Data("cost: \(step) \(c) inverse_equivalents=\(String(format: "%.0f", c.inverseEquivalents)) per_vertex=\(String(format: "%.1f", perVertex))\(perQuery)\n".utf8))
    }
}
