import Foundation
import Testing

/// `strikerange run` on bad scenarios: a clear message naming file, line and field, exit 1, and nothing written
/// (no output folder, no temporary sibling). The shipped scenario runs end to end in Scripts/validate/check-scenario.
struct RunCLITests {
    static let valid = """
        launch: [region:UA-59]
        weapons:
          - id: gmlrs
        regions: [RU-KRS]
        targets: ["place:Kursk, RU"]
        outputs: [csv]
        """

    func runBad(_ text: String, file: String = "bad.yaml") throws -> (CLIRunner.Result, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("run-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let scenario = dir.appendingPathComponent(file)
        try Data(text.utf8).write(to: scenario)
        let out = dir.appendingPathComponent("out")
        let result = try CLIRunner.run(["run", scenario.path, "--out", out.path])
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(left == [file], "nothing but the scenario may be left in \(dir.path): \(left)")
        try? FileManager.default.removeItem(at: dir)
        return (result, scenario)
    }

    @Test func unknownKeyNamesTheClosestKey() throws {
        let (r, path) = try runBad(Self.valid.replacingOccurrences(of: "targets:", with: "target:"))
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(path.path):5:1: field 'target': unknown key 'target' (did you mean 'targets'?)"))
    }

    @Test func missingRequiredField() throws {
        let (r, path) = try runBad("launch: [region:UA-59]\nregions: [RU-KRS]\n")
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(path.path):1:1: field 'weapons': required field is missing"))
    }

    @Test func wrongType() throws {
        let (r, path) = try runBad(Self.valid.replacingOccurrences(of: "regions: [RU-KRS]", with: "regions: {RU-KRS: 1}"))
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(path.path):4:10: field 'regions': expected a list"))
    }

    @Test func unknownWeapon() throws {
        let (r, path) = try runBad(Self.valid.replacingOccurrences(of: "id: gmlrs", with: "id: glmrs"))
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(path.path):3:9: field 'weapons[0].id': unknown weapon 'glmrs'"))
    }

    @Test func unknownRegion() throws {
        let (r, path) = try runBad(Self.valid.replacingOccurrences(of: "RU-KRS", with: "region:RU-KRZ"))
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(path.path):4:11: field 'regions[0]':"))
        #expect(r.stderr.contains("RU-KRZ"))
    }

    @Test func existingFolderSurvivesAFailure() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("run-cli-\(UUID().uuidString)")
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: out.appendingPathComponent("keep.txt"))
        let scenario = dir.appendingPathComponent("s.yaml")
        try Data("launch: [UA]\nweapons: [nosuchweapon]\n".utf8).write(to: scenario)
        let r = try CLIRunner.run(["run", scenario.path, "--out", out.path])
        #expect(r.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["keep.txt"])
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func smallScenarioWritesTheTables() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("run-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("s.yaml")
        try Data(Self.valid.utf8).write(to: scenario)
        let out = dir.appendingPathComponent("out")
        let r = try CLIRunner.run(["run", scenario.path, "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == [".strikerange-run", "coverage.csv", "provenance.json", "reach.csv"])
        let reach = try String(contentsOf: out.appendingPathComponent("reach.csv"), encoding: .utf8)
        // Kursk is about 120 km from Sumy oblast: out of GMLRS range (70-84 km).
        #expect(reach.contains("gmlrs,nominal") && reach.contains("out_of_range"))
    }
}
