import Foundation
import Testing

/// Issue 10: each message names the input and the value, says what is expected and how to fix it, in
/// command-line terms on the command line and in scenario terms in a scenario.
struct MessagesCLITests {
    func temporaryFile(_ bytes: [UInt8], _ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msg-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func temporaryFile(_ text: String, _ name: String) throws -> String { try temporaryFile(Array(text.utf8), name) }

    static let bowTie = #"{"type":"Feature","properties":{"name":"bow"},"geometry":{"type":"Polygon","coordinates":[[[30,50],[31,51],[31,50],[30,51],[30,50]]]}}"#

    /// `--from /dev/null` used to say "You don't have permission" (as root).
    @Test func devNullIsEmptyNotForbidden() throws {
        let r = try CLIRunner.run(["envelope", "--from", "/dev/null", "--range", "1km"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("/dev/null") && r.stderr.contains("empty") && !r.stderr.contains("permission"), "\(r.stderr)")
    }

    /// A bow-tie target polygon: the file and the target named, the place, a fix; no raw GEOS text.
    @Test func selfIntersectingTargetPolygon() throws {
        let path = try temporaryFile(Self.bowTie, "bow.geojson")
        for arguments in [["--target", path], ["--targets", path]] {
            let r = try CLIRunner.run(["reach", "--from", "UA", "--range", "300km"] + arguments)
            #expect(r.status != 0)
            #expect(r.stderr.contains(path) && r.stderr.contains("Self-intersection") && r.stderr.contains("fix the polygon"), "\(arguments): \(r.stderr)")
            #expect(!r.stderr.contains("TopologyException"), "\(r.stderr)")
        }
    }

    /// A binary file as --targets is reported, its bytes not echoed.
    @Test func binaryTargetsFileIsNotEchoed() throws {
        var bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0x0A]
        bytes += (0..<200).map { UInt8($0) }
        for name in ["targets.csv", "targets.bin", "targets.geojson"] {
            let path = try temporaryFile(bytes, name)
            let r = try CLIRunner.run(["reach", "--from", "UA", "--range", "300km", "--targets", path])
            #expect(r.status != 0)
            #expect(r.stderr.contains(path), "\(name): \(r.stderr)")
            #expect(!r.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } && !r.stderr.contains("ELF"), "\(name): \(r.stderr.debugDescription)")
        }
    }

    /// Bad UTF-8 in a targets CSV is an error naming the line, or a skipped and counted row; never U+FFFD.
    @Test func badUTF8InTargetsCSV() throws {
        let path = try temporaryFile(Array("name,lat,lon\nok,50,30\n".utf8) + [0x4B, 0x79, 0xFF, 0x69, 0x76] + Array(",50.45,30.52\n".utf8), "bad.csv")
        var r = try CLIRunner.run(["reach", "--from", "UA", "--range", "300km", "--targets", path, "--format", "csv"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("row 2 (line 3)") && r.stderr.contains("UTF-8"), "\(r.stderr)")
        r = try CLIRunner.run(["reach", "--from", "UA", "--range", "300km", "--targets", path, "--format", "csv", "--skip-invalid"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("1 invalid row skipped"), "\(r.stderr)")
        #expect(!r.stdout.contains("\u{FFFD}") && r.stdout.split(separator: "\n").count == 2)
    }

    /// The `\r` progress bar is for terminals only; the tests' pipes get plain lines or nothing.
    @Test func noCarriageReturnsOffATerminal() throws {
        let r = try CLIRunner.run(["coverage", "--from", "UA", "--weapon", "atacms", "--country", "BY", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("\r"), "\(r.stderr.debugDescription)")
    }

    func runScenario(_ text: String, extraFiles: [String: String] = [:]) throws -> (CLIRunner.Result, String) {
        let path = try temporaryFile(text, "s.yaml")
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        for (name, content) in extraFiles { try Data(content.utf8).write(to: dir.appendingPathComponent(name)) }
        return (try CLIRunner.run(["run", path, "--output", dir.appendingPathComponent("out").path]), path)
    }

    /// A scenario's messages use its keys: make_valid, weapons[0].range, weapons[0].min_range.
    @Test func scenarioErrorsInScenarioTerms() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msg-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let bow = dir.appendingPathComponent("bow.geojson")
        try Data(Self.bowTie.utf8).write(to: bow)
        var (r, path) = try runScenario("launch: [\"\(bow.path)\"]\nweapons:\n  - name: T\n    range: 50km\noutputs: [csv]\n")
        #expect(r.status != 0 && r.stderr.contains("make_valid: true") && !r.stderr.contains("--make-valid"), "\(r.stderr)")

        (r, path) = try runScenario("launch: [\"50,30\"]\nweapons:\n  - name: Zero\n    range: 0km\noutputs: [csv]\n")
        #expect(r.status != 0 && r.stderr.contains("\(path):4:12: field 'weapons[0].range'") && !r.stderr.contains("--range"), "\(r.stderr)")

        (r, path) = try runScenario("launch: [\"50,30\"]\nweapons:\n  - name: T\n    range: 50km\n    min_range: 60km\noutputs: [csv]\n")
        #expect(r.status != 0 && r.stderr.contains("\(path):5:16: field 'weapons[0].min_range'") && !r.stderr.contains("weapons[0].name"), "\(r.stderr)")
    }

    /// Every entry that does not resolve is reported in one run.
    @Test func allScenarioErrorsAtOnce() throws {
        let (r, path) = try runScenario("""
            launch: [region:UA-59, nosuchland]
            weapons:
              - id: glmrs
            regions: [RU-KRZ]
            targets: ["place:Nowhereville"]
            outputs: [csv]
            """)
        #expect(r.status != 0)
        for expected in ["\(path):1:24: field 'launch[1]'", "\(path):3:9: field 'weapons[0].id'", "\(path):4:11: field 'regions[0]'",
                         "\(path):5:11: field 'targets[0]'", "4 problems"] {
            #expect(r.stderr.contains(expected), "missing \(expected) in \(r.stderr)")
        }
    }

    /// Mistakes of form (a bad range, an unknown key) and of names (an unknown region) come in the same run.
    @Test func formAndNameErrorsTogether() throws {
        let (r, path) = try runScenario("""
            launch: [region:UA-59]
            weapons:
              - name: Zero
                range: 0km
            regions: [RU-KRZ]
            colour: red
            outputs: [csv]
            """)
        #expect(r.status != 0)
        for expected in ["\(path):4:12: field 'weapons[0].range'", "\(path):5:11: field 'regions[0]'", "\(path):6:1: field 'colour'", "3 problems"] {
            #expect(r.stderr.contains(expected), "missing \(expected) in \(r.stderr)")
        }
    }
}
