import ArgumentParser

/// Output options shared by `geodesic inverse` and `geodesic direct`.
struct GeodesicOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Decimals to print (0...17). Default: full double precision (shortest round-trip form).",
                               valueName: "n"))
    var precision: Int?

    @Option(help: "text (space-separated numbers, as GeodSolve) or json (one JSON object per line).")
    var format: GeodesicFormat = .text

    // The old spelling, kept working: the other commands say --format json.
    @Flag(help: ArgumentHelp("Same as --format json.", visibility: .hidden))
    var json = false

    mutating func validate() throws {
        if let precision, !(0...17).contains(precision) {
            throw ValidationError("--precision \(precision) is out of range: use 0...17 decimals")
        }
    }

    func format(fieldNames: [String]) -> GeodesicLineFormat {
        GeodesicLineFormat(fieldNames: fieldNames, decimals: precision, json: json || format == .json)
    }
}

/// Output formats of the `geodesic` commands (issue 10: `--format` everywhere, not `--json` here only).
enum GeodesicFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}
