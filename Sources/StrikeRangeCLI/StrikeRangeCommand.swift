import ArgumentParser
import StrikeRange

@main
struct StrikeRangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strikerange",
        abstract: "What can a weapon with a published range reach from a launch area? Geodesic answers on WGS84.",
        version: Versions.tool,
        subcommands: [
            RunCommand.self, EnvelopeCommand.self, ReachCommand.self, CoverageCommand.self, MapCommand.self,
            InRangeCommand.self,
            RegionsCommand.self, PlacesCommand.self, WeaponsCommand.self, BorderCommand.self,
            GeodesicCommand.self, VersionCommand.self,
            ServeCommand.self,  // issue 13
            MeasureCommand.self,   // issue 16
        ]
    )
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the tool, PROJ and GEOS versions.")
    func run() throws {
        print("strikerange \(Versions.tool)")
        print("PROJ \(Versions.proj)")
        print("GEOS \(Versions.geos)")
    }
}
