import ArgumentParser
import Geometry
import StrikeRange

extension LongEdgeReading: ExpressibleByArgument {}

/// The launch area and its shaping, shared by `envelope`, `reach` and `coverage`.
struct LaunchOptions: ParsableArguments {
    // Locations parse `.unconditionalSingleValue`: "-33.9,18.4" (a southern latitude) is the option's value,
    // not an unknown option; without it half the globe needed --from=-33.9,18.4 and even that failed.
    @Option(name: .customLong("from"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Launch area: lat,lon (e.g. -33.92,18.42), place, region or country, border:A-B, file.geojson or - (repeatable).", valueName: "location"))
    var launchSpecifiers: [String] = []
    @Option(name: .customLong("exclude"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Area removed from the launch area (repeatable), e.g. territory a side does not control.", valueName: "location"))
    var exclusions: [String] = []
    // Distance options parse `.unconditional`ly: "-5km" is then a (negative) value for the distance parser to
    // reject by name, not a missing value.
    @Option(parsing: .unconditional, help: ArgumentHelp("Keep launch points at least this far (e.g. 20km) from the launch area's boundary or --standoff-from.", valueName: "distance"),
            transform: distanceArgument)
    var standoff: Double?
    @Option(name: .customLong("standoff-from"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Lines or areas the standoff is measured from (repeatable), e.g. border:UA-RU.", valueName: "location"))
    var standoffFrom: [String] = []
    @Flag(name: .customLong("make-valid"), help: "Repair an invalid launch polygon instead of reporting it.")
    var makeValid = false
    @Option(name: .customLong("long-edges"), help: ArgumentHelp(
        "How to read a file's edge spanning more than 180° of longitude: reject (default) or short-way (across ±180°).",
        discussion: "Edges are read as GeoJSON (RFC 7946) draws them: straight lines in longitude and latitude, cut at ±180°. "
            + "An edge whose ends are more than 180° of longitude apart is ambiguous (the long way round, or the short way across ±180°), "
            + "so it is an error naming the feature and vertex unless --long-edges short-way says how to read it."))
    var longEdges: LongEdgeReading = .reject

    func validate() throws {
        try Self.rejectOptionsAsLocations([("--from", launchSpecifiers), ("--exclude", exclusions), ("--standoff-from", standoffFrom)])
        if launchSpecifiers.isEmpty {
            throw ValidationError("give at least one --from (e.g. --from UA, --from region:UA-59 or --from \"50.45,30.52\")")
        }
        if !standoffFrom.isEmpty && standoff == nil {
            throw ValidationError("--standoff-from needs --standoff DISTANCE (e.g. --standoff 20km)")
        }
    }

    /// Location options take their next argument whatever it is (so "-33.9,18.4" works); a forgotten value
    /// then swallows the next option. Said here, instead of a puzzling error about that option's absence.
    static func rejectOptionsAsLocations(_ options: [(name: String, values: [String])]) throws {
        for (name, values) in options {
            if let value = values.first(where: { $0.hasPrefix("--") || ($0.hasPrefix("-") && $0.count > 1 && $0.dropFirst().first?.isLetter == true) }) {
                throw ValidationError("\(name) needs a location, but the next argument is the option '\(value)'; give e.g. \(name) UA, \(name) region:UA-59 or \(name) -33.92,18.42")
            }
        }
    }

    /// The specifiers resolved into one launch geometry, a label saying what they resolved to, and the
    /// shaping (exclusions, standoff) still to apply to it.
    func resolve(in catalog: DataCatalog) throws -> (launch: Geometry, label: String, shaping: LaunchShaping) {
        let resolved = try launchSpecifiers.map { try LocationSpecifier.resolve($0, in: catalog, longEdges: longEdges) }
        let launch = try PreparedLaunch.merging(resolved.map(\.geometry))
        let shaping = LaunchShaping(
            exclusions: try exclusions.map { try LocationSpecifier.resolve($0, in: catalog, longEdges: longEdges).geometry },
            standoffMeters: standoff,
            standoffFrom: standoffFrom.isEmpty ? nil : try standoffFrom.map { try LocationSpecifier.resolve($0, in: catalog, longEdges: longEdges).geometry },
            makeValid: makeValid)
        return (launch, resolved.map(\.label).joined(separator: " + "), shaping)
    }
}
