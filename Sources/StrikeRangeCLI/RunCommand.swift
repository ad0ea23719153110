import ArgumentParser
import Foundation
import StrikeRange

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario file: layers (GeoJSON, KML), coverage and reach tables, a map (SVG, PNG) and provenance.",
        discussion: """
            The output folder must be new, empty, or the folder of an earlier run (it holds a .strikerange-run \
            marker listing the files that run wrote); a rerun replaces only those files and never removes \
            anything else. A non-empty folder of other files is refused unless --force, which writes the run's \
            files next to them (still removing nothing). The folder is checked before the computation starts; \
            nothing is left behind on failure. A rerun writes byte-identical files. The scenario format is \
            described in Data/scenarios/README.md.
            Example:
              strikerange run Data/scenarios/atacms-bryansk.yaml --output out/atacms-bryansk
            """
    )

    @OptionGroup var data: DataOptions
    @Argument(help: "Scenario file (YAML or JSON).")
    var scenario: String
    @Option(name: [.customLong("output"), .customLong("out")], help: ArgumentHelp("Output folder: new, empty, or an earlier run's (only its files are replaced). --out is an alias.", valueName: "folder"))
    var outputFolder: String
    @Flag(help: "Write into a non-empty folder that is not an earlier run's, next to its files (none of them is removed or overwritten).")
    var force = false

    func run() throws {
        // Every mistake of the file in one run: the form's and the names' together.
        let (parsed, problems) = try ScenarioDecoder.decodeCollecting(contentsOf: scenario)
        let catalog = try data.catalog()
        let resolved = try ScenarioResolver.resolve(parsed, catalog: catalog, decodeProblems: problems)
        // Checked before the computation, so a long run cannot fail at its end for want of a folder.
        let folder = try OutputFolder(checking: outputFolder, willWrite: ScenarioOutputWriter.fileNames(for: parsed.outputs, inRange: parsed.inRange != nil), force: force)
        let text = String(decoding: FileManager.default.contents(atPath: scenario) ?? Data(), as: UTF8.self)
        for note in resolved.notes { FileHandle.standardError.write(Data("run: note: \(note)\n".utf8)) }
        let runner = ScenarioRunner(progress: { FileHandle.standardError.write(Data("run: \($0)\n".utf8)) })
        let result = try runner.run(resolved)
        try ScenarioOutputWriter().write(result, scenarioText: text, catalog: catalog, to: folder,
                                         warn: { FileHandle.standardError.write(Data("run: warning: \($0)\n".utf8)) })
        // The in_range: answer in one sentence per weapon variant (issue 12).
        for sentence in result.inRange?.summarySentences() ?? [] { FileHandle.standardError.write(Data("run: \(sentence)\n".utf8)) }
        FileHandle.standardError.write(Data("run: wrote \(outputFolder)\n".utf8))
    }
}
