import ArgumentParser

/// Output options shared by `geodesic inverse` and `geodesic direct`.
struct GeodesicOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Decimals to print (0...17). Default: full double precision (shortest round-trip form).",
                               valueName: "n"))
    var precision: Int?

    @Flag(help: "Print one JSON object per line instead of space-separated numbers.")
    var json = false

    mutating func validate() throws {
        if let precision, !(0...17).contains(precision) {
            throw ValidationError("--precision \(precision) is out of range: use 0...17 decimals")
        }
    }

    func format(fieldNames: [String]) -> GeodesicLineFormat {
        GeodesicLineFormat(fieldNames: fieldNames, decimals: precision, json: json)
    }
}
