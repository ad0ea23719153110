import ArgumentParser
import Foundation
import GeoJSON
import Geodesy
import Geometry
import StrikeRange

enum MeasureFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, geojson
}

/// `strikerange measure A B` (issue 16): distance and direction between two locations of any form.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Distance (km, mi, nmi) and initial/final azimuth between two locations, along the WGS84 geodesic.",
        discussion: """
            A and B are any point location: coordinates (negative values are fine), a place name, MGRS \
            (37UDB1234567890) or UTM ("37U 412345 5712345"), or a GeoJSON file holding one point. Azimuths are \
            degrees clockwise from true north, in [0, 360): the initial one is the direction of departure at A, \
            the final one the direction of travel on arrival at B (GeodSolve's azi2). `--format geojson` writes \
            the geodesic as a LineString with points every 10 km or less, cut at ±180° (RFC 7946).
            Examples:
              strikerange measure Kyiv Moscow
              strikerange measure 37UDB1234567890 "50.45N 30.52E" --format json
              strikerange measure -33.92,18.42 -22.56,17.08 --format geojson --output line.geojson
            """
    )

    @OptionGroup var data: DataOptions
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The two locations, A then B.", valueName: "A B"))
    var locations: [String] = []
    @Option(help: "Output format: text, json or geojson (default text).")
    var format: MeasureFormat = .text
    @Option(help: ArgumentHelp("How text and json write the two positions: decimal, dms or mgrs (default decimal).", valueName: "style"))
    var coords: CoordinateStyle = .decimal
    @Option(help: "Write here (atomically) instead of standard output.")
    var output: String?

    mutating func validate() throws {
        if let terminator = locations.firstIndex(of: "--") { locations.remove(at: terminator) }
        if let option = locations.first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("unknown option '\(option)'; see strikerange measure --help")
        }
        guard locations.count == 2 else {
            throw ValidationError("measure takes two locations, A and B (got \(locations.count)), e.g. strikerange measure Kyiv Moscow")
        }
    }

    func run() throws {
        if let output { try OutputFileCheck.check(output) }
        let catalog = try data.catalog()
        let ends = try locations.map { text -> (label: String, position: LonLat) in
            // A bare name that is both a place and a region ("Kyiv") means the place here: measure takes points.
            let specifier = try LocationSpecifier(parsing: text)
            var resolved: ResolvedLocation
            if case let .name(name) = specifier, let place = try? LocationSpecifier.place(name).resolve(in: catalog) {
                resolved = place
            } else {
                resolved = try specifier.resolve(in: catalog)
            }
            guard let p = Self.singlePoint(resolved.geometry) else {
                throw StrikeRangeError("'\(text)' is a \(resolved.kind.rawValue) (\(resolved.label)), not a point; measure takes two points "
                                      + "(for the distance from an area use: strikerange reach --from \(text) --range ... --target ...)")
            }
            return (resolved.label, p)
        }
        let m = PointToPoint(from: ends[0].position, to: ends[1].position)
        let formatter = CoordinateFormatter(style: coords)
        let km = m.distanceMeters / 1000, mi = m.distanceMeters / 1609.344, nmi = m.distanceMeters / 1852
        let azi1 = PointToPoint.bearing(m.initialAzimuthDegrees), azi2 = PointToPoint.bearing(m.finalAzimuthDegrees)
        let text: String
        switch format {
        case .text:
            text = """
                from             \(ends[0].label) (\(formatter.string(m.from)))
                to               \(ends[1].label) (\(formatter.string(m.to)))
                distance         \(Self.fixed(km, 3)) km = \(Self.fixed(mi, 3)) mi = \(Self.fixed(nmi, 3)) nmi
                initial azimuth  \(Self.fixed(azi1, 2))° true
                final azimuth    \(Self.fixed(azi2, 2))° true
                """ + "\n"
        case .json, .geojson:
            let properties: [String: JSONValue] = [
                "from": .string(ends[0].label), "to": .string(ends[1].label),
                "from_coords": .string(formatter.string(m.from)), "to_coords": .string(formatter.string(m.to)),
                "distance_m": .number(Self.rounded(m.distanceMeters, 4)), "distance_km": .number(Self.rounded(km, 6)),
                "distance_mi": .number(Self.rounded(mi, 6)), "distance_nmi": .number(Self.rounded(nmi, 6)),
                "initial_azimuth_deg": .number(Self.rounded(azi1, 7)), "final_azimuth_deg": .number(Self.rounded(azi2, 7)),
            ]
            if format == .json {
                text = GeoJSONWriter().string(Feature(geometry: nil, properties: .object(properties))) + "\n"
            } else {
                let feature = Feature(geometry: m.path(), properties: .object(properties.merging(["kind": .string("geodesic")]) { a, _ in a }))
                text = GeoJSONWriter().string(FeatureCollection(features: [feature])) + "\n"
            }
        }
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            print(text, terminator: "")
        }
    }

    static func singlePoint(_ g: Geometry) -> LonLat? {
        switch g {
        case .point(let p): return p.coordinate.map { LonLat(longitude: $0.x, latitude: $0.y) }
        case .multiPoint(let m) where m.points.count == 1: return singlePoint(.point(m.points[0]))
        case .geometryCollection(let c) where c.geometries.count == 1: return singlePoint(c.geometries[0])
        default: return nil
        }
    }

    static func fixed(_ v: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", v) }
    static func rounded(_ v: Double, _ decimals: Int) -> Double { (v * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals)) }
}
