import ArgumentParser
import Foundation
import GeoJSON
import Geodesy
import Geometry
import StrikeRange

extension Placement: ExpressibleByArgument {}
extension EdgeReading: ExpressibleByArgument {}

/// Output forms of `envelope` besides the GIS layer files chosen by --output's extension.
enum EnvelopeFormat: String, ExpressibleByArgument, CaseIterable {
    case geojson
    /// One row per envelope: its properties as columns, then its geometry as well-known text (`wkt`).
    case csvWKT = "csv-wkt"
}

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
            Range fans and interval rings (one launch point; MGRS and UTM are accepted wherever a location is):
              strikerange envelope --from 37UDB1234567890 --range 300km --sector 30..150 --rings 100km
              strikerange envelope --from "50.45N 30.52E" --range 300km --bearing 75 --width 90 --min-range 70km --radials
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
    @Option(help: "Output format: geojson (default) or csv-wkt (one row per envelope: its figures as columns, the geometry as a wkt column, for spreadsheets and chart tools).")
    var format: EnvelopeFormat?
    @Flag(help: "Print construction and verification times (ms) to standard error.")
    var timing = false
    @Option(help: ArgumentHelp("How the output's edges are meant to be read: lonlat (straight in lon/lat, RFC 7946, cut at ±180°; for GIS files and web maps) or geodesic (great-circle arcs, not cut, poles inside; for PostGIS geography, BigQuery, S2). The bound is certified for the reading chosen.", valueName: "reading"))
    var edges: EdgeReading = .lonlat
    // ---- issue 16: range fans and interval rings ----
    @Option(help: ArgumentHelp("Range fan: the azimuth sector FROM..TO, degrees true, clockwise (e.g. 30..120; 300..60 crosses north). One launch point only.", valueName: "from..to"))
    var sector: String?
    // `.unconditional`: "--bearing -10" is then a value for RangeSector to reject by name, not a missing value.
    @Option(parsing: .unconditional, help: ArgumentHelp("Range fan: centre bearing, degrees true (0 to 360); with --width.", valueName: "degrees"))
    var bearing: Double?
    @Option(parsing: .unconditional, help: ArgumentHelp("Range fan: sector width, degrees (above 0, below 360); with --bearing.", valueName: "degrees"))
    var width: Double?
    @Flag(help: "With a fan: also its two side radials as lines.")
    var radials = false
    @Option(help: ArgumentHelp("Interval rings, each a certified envelope (or fan): 100km (every 100 km up to the range) or 50km,150km,300km.", valueName: "distances"))
    var rings: String?
    // ---- end issue 16 ----
    @Option(name: .customLong("repeat"), help: ArgumentHelp("Build each envelope this many times and report the median (benchmarks).", visibility: .hidden))
    var repeatCount: Int = 1

    func validate() throws {
        if (weapon == nil) == (range == nil) { throw ValidationError("give either --weapon ID or --range DISTANCE (not both)") }
        if weapon != nil && minRange != nil { throw ValidationError("--min-range goes with --range; a --weapon brings its own minimum range") }
        if spread && weapon == nil { throw ValidationError("--spread needs --weapon (a catalog entry has the reported spread)") }
        if repeatCount < 1 { throw ValidationError("--repeat must be at least 1") }
        if sector != nil && (bearing != nil || width != nil) { throw ValidationError("give either --sector FROM..TO or --bearing B --width W (not both)") }
        if (bearing == nil) != (width == nil) { throw ValidationError("--bearing and --width go together (e.g. --bearing 75 --width 90), or use --sector 30..120") }
        if radials && sector == nil && bearing == nil { throw ValidationError("--radials draws a fan's sides; give --sector or --bearing and --width") }
        _ = try rangeSector()
    }

    /// The fan's sector from --sector or --bearing/--width; nil for a full envelope.
    func rangeSector() throws -> RangeSector? {
        if let sector { return try RangeSector(parsing: sector) }
        if let bearing, let width { return try RangeSector(bearingDegrees: bearing, widthDegrees: width) }
        return nil
    }

    func run() throws {
        if let output {
            try OutputFileCheck.check(output)
            let lower = output.lowercased()
            if let format, GISLayers.isLayerFile(output) {
                throw ValidationError("--output \(output) writes GIS layers (by its extension); drop --format \(format.rawValue), or name a .\(format == .csvWKT ? "csv" : "geojson") file")
            }
            guard GISLayers.isLayerFile(output) || lower.hasSuffix(".geojson") || lower.hasSuffix(".json") || format != nil else {
                throw ValidationError("--output \(output): name a .geojson (or .json), .gpkg (GeoPackage) or .fgb (FlatGeobuf) file, or give --format (geojson, csv-wkt)")
            }
        }
        let fanSector = try rangeSector()
        let catalog = try data.catalog()
        let (launch, label, shaping) = try launchOptions.resolve(in: catalog)

        var requests = [RangeVariant]()
        if let weaponQuery = weapon {
            requests = try catalog.weapons().weapon(matching: weaponQuery)
                .variants(spread: spread, toleranceMeters: tolerance, placement: placement)
        } else if let range {
            requests.append(RangeVariant(weaponID: "custom", kind: .custom, parameters: try RangeParameters(
                rangeMeters: range, minRangeMeters: minRange, toleranceMeters: tolerance, placement: placement)))
        }

        let builder = EnvelopeBuilder()
        let shaped = try shaping.apply(to: launch, toleranceMeters: tolerance, builder: builder)
        let prepared = try PreparedLaunch(shaped)
        let figures = RangeFigureBuilder(thoroughness: verify ? .thorough : .standard)
        if fanSector != nil { _ = try RangeFigureBuilder.fanLaunch(shaped) }
        // Parsed before any envelope is built, so a bad --rings fails at once.
        let ringSet = try rings.map { try RangeRings(parsing: $0, rangeMeters: requests.map(\.rangeMeters).max() ?? 0) }
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
                if fanSector != nil {
                    built = try figures.buildUnverified(launch: prepared, sector: fanSector, parameters: requests[i].parameters)
                } else {
                    built = try builder.build(launch: prepared, parameters: requests[i].parameters)
                }
                buildTimes.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            }
            guard var envelope = built else { preconditionFailure("validate() keeps --repeat at least 1") }
            let t1 = DispatchTime.now().uptimeNanoseconds
            let check = try fanSector.map { try figures.certify(envelope, launch: shaped, sector: $0) }
                ?? verifier.verify(envelope, launch: shaped)
            if timing {
                let verifyMs = Double(DispatchTime.now().uptimeNanoseconds - t1) / 1e6
                let median = buildTimes.sorted()[buildTimes.count / 2]
                FileHandle.standardError.write(Data("timing: \(request.weaponID) \(request.kind.rawValue) build_ms=\(String(format: "%.3f", median)) verify_ms=\(String(format: "%.1f", verifyMs)) vertices=\(envelope.vertexCount) achieved_error_m=\(String(format: "%.3f", check.achievedErrorMeters))\n".utf8))
                // Cost model (issue 15): one more build and certification, counted (not timed).
                let buildCalls = GeodesicCallCounter(), verifyCalls = GeodesicCallCounter()
                _ = try EnvelopeBuilder(geodesic: builder.geodesic.counting(into: buildCalls)).build(launch: prepared, parameters: requests[i].parameters)
                _ = try EnvelopeCertifier(geodesic: Geodesic.wgs84.counting(into: verifyCalls), thoroughness: verify ? .thorough : .standard)
                    .verify(envelope, launch: shaped)
                note(costModel: "build", buildCalls.counts, vertices: envelope.vertexCount)
                note(costModel: "verify", verifyCalls.counts, vertices: envelope.vertexCount)
            }
            envelope.verification = check
            if edges == .geodesic { envelope = try envelope.withGeodesicEdges() }
            let certified = envelope.verification ?? check
            achievedErrors.append(certified.achievedErrorMeters)
            if let failure = certified.failureSummary {
                broken.append("\(request.weaponID) \(request.kind.rawValue): \(failure) (tolerance \(tolerance) m, placement \(placement.rawValue))")
            }
            var feature = envelope.feature(for: EnvelopeRequest(
                launch: shaped, launchLabel: label, weapon: request.weaponID, variant: request.kind.rawValue,
                parameters: requests[i].parameters, sources: request.sources))
            if let fanSector, case .object(var p) = feature.properties {
                p.merge(RangeFigureBuilder.sectorProperties(fanSector)) { _, new in new }
                feature.properties = .object(p)
            }
            features.append(feature)
            let elapsed = Date().timeIntervalSince(started)
            if elapsed > 1 {
                FileHandle.standardError.write(Data("envelope \(i + 1)/\(requests.count): \(request.weaponID) \(request.kind.rawValue) done, \(String(format: "%.1f", elapsed)) s\n".utf8))
            }
        }
        // Interval rings: largest first, so a GIS drawing in file order paints the smaller bands over the larger.
        for distance in (ringSet?.distancesMeters ?? []).reversed() {
            let ringParameters = try RangeParameters(rangeMeters: distance, toleranceMeters: tolerance, placement: placement)
            var ring = try figures.build(launch: prepared, sector: fanSector, parameters: ringParameters)
            if edges == .geodesic { ring = try ring.withGeodesicEdges() }
            if let check = ring.verification, let failure = check.failureSummary {
                broken.append("ring \(RangeRings.kmText(distance)): \(failure) (tolerance \(tolerance) m)")
            }
            var feature = ring.feature(for: EnvelopeRequest(launch: shaped, launchLabel: label, weapon: requests[0].weaponID, variant: "ring",
                                                            parameters: ringParameters, sources: requests[0].sources))
            if case .object(var p) = feature.properties {
                p.merge(figures.ringProperties(distanceMeters: distance, ring: ring, launch: shaped, sector: fanSector)) { _, new in new }
                if let fanSector { p.merge(RangeFigureBuilder.sectorProperties(fanSector)) { _, new in new } }
                feature.properties = .object(p)
            }
            features.append(feature)
        }
        if radials, let fanSector {
            let radialLines = try figures.radials(launch: shaped, rangeMeters: requests.map(\.rangeMeters).max() ?? 0, sector: fanSector, toleranceMeters: tolerance)
            for (azimuth, line) in radialLines {
                features.append(Feature(geometry: line, properties: .object([
                    "kind": .string("radial"), "azimuth_deg": .number(azimuth), "weapon": .string(requests[0].weaponID),
                    "range_m": .number(requests.map(\.rangeMeters).max() ?? 0), "launch": .string(label)])))
            }
        }
        if verify && !broken.isEmpty {
            throw StrikeRangeError("verification failed: " + broken.joined(separator: "; "))
        }
        let text: String
        if format == .csvWKT {
            let wkt = WKTColumn()
            text = try wkt.csv(features)
            if let note = wkt.note { FileHandle.standardError.write(Data("envelope: \(note)\n".utf8)) }
        } else {
            text = GeoJSONWriter(cutsAtAntimeridian: edges == .lonlat).string(FeatureCollection(features: features))
        }
        if let output, GISLayers.isLayerFile(output) {
            var sources = [String]()
            for r in requests { for s in r.sources where !sources.contains(s) { sources.append(s) } }
            try GISLayers.write(features, defaultLayer: "envelope",
                                metadata: GISLayers.metadata(title: "Range envelopes from \(label)", launch: label, toleranceMeters: tolerance,
                                                             achievedErrorsMeters: achievedErrors, sources: sources, edges: edges), to: output)
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
