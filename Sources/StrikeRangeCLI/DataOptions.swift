import ArgumentParser
import StrikeRange

/// `--data DIR`, shared by every command that reads the shipped data.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp(
        "Data folder (weapons.json, countries/admin1/places/borders.geojson).",
        discussion: "Default: $STRIKERANGE_DATA, then Data/ beside the executable or in share/strikerange, then the repository.",
        valueName: "DIR"))
    var dataDirectory: String?

    /// The catalog over the chosen folder; nothing is read until a catalog is asked for.
    /// - Throws: `DataError` naming the folder and how to fix it.
    func catalog() throws -> DataCatalog {
        try DataCatalog(explicitPath: dataDirectory)
    }
}
