import ArgumentParser
import StrikeRange

struct GeodesicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geodesic",
        abstract: "Solve geodesic problems on WGS84 (inverse, direct, polygon area).",
        subcommands: [GeodesicInverseCommand.self, GeodesicDirectCommand.self, GeodesicAreaCommand.self]
    )
}
