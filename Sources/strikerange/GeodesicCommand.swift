import ArgumentParser
import StrikeRange

struct GeodesicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geodesic",
        abstract: "Solve geodesic problems on WGS84 (inverse, direct, polygon area).",
        // `area` (polygon area) is added here by its own file later.
        subcommands: [GeodesicInverseCommand.self, GeodesicDirectCommand.self]
    )
}
