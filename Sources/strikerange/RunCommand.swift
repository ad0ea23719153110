import ArgumentParser
import Foundation
import StrikeRange

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario file: layers (GeoJSON, KML), coverage and reach tables, a map (SVG, PNG) and provenance.",
        discussion: """
            The output folder is written atomically: nothing is left behind on failure, and an existing folder is \
            replaced only after everything succeeded. A rerun writes byte-identical files. The scenario format is \
            described in Data/scenarios/README.md.
            Example:
              strikerange run Data/scenarios/atacms-bryansk.yaml --out out/atacms-bryansk
            """
    )

    @OptionGroup var data: DataOptions
    @Argument(help: "Scenario file (YAML or JSON).")
    var scenario: String
    @Option(name: .customLong("out"), help: "Output folder (created or replaced).")
    var outputFolder: String

    func run() throws {
        let parsed = try ScenarioDecoder.decode(contentsOf: scenario)
        let text = String(decoding: FileManager.default.contents(atPath: scenario) ?? Data(), as: UTF8.self)
        let catalog = try data.catalog()
        let resolved = try ScenarioResolver.resolve(parsed, catalog: catalog)
        let runner = ScenarioRunner(progress: { FileHandle.standardError.write(Data("run: \($0)\n".utf8)) })
        let result = try runner.run(resolved)
        try ScenarioOutputWriter().write(result, scenarioText: text, catalog: catalog, to: outputFolder)
        FileHandle.standardError.write(Data("run: wrote \(outputFolder)\n".utf8))
    }
}
