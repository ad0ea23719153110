import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 10: `run --output DIR` never removes anything it did not write, and every output path is checked
/// before any computation starts.
struct OutputFolderCLITests {
    /// A small scenario (a point launch, one explicit weapon): a few seconds in a debug build.
    static let scenario = """
        launch: ["50.45,30.52"]
        weapons:
          - name: "Test 50"
            range: 50km
        regions: [UA-32]
        targets: ["49.8,30.1"]
        outputs: [csv]
        """

    /// A fresh folder holding the scenario file; removed by the caller.
    func workspace() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("out-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(Self.scenario.utf8).write(to: dir.appendingPathComponent("s.yaml"))
        return dir
    }

    /// Every file under `dir` (relative path → content), to compare a folder before and after.
    func snapshot(_ dir: URL) throws -> [String: Data] {
        var result = [String: Data]()
        let fm = FileManager.default
        for relative in try fm.subpathsOfDirectory(atPath: dir.path) {
            var isDirectory: ObjCBool = false
            let path = dir.appendingPathComponent(relative).path
            if fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = fm.contents(atPath: path)
            } else {
                result[relative + "/"] = Data()
            }
        }
        return result
    }

    /// `dir/mine` holding a user's files: `important.txt` and `sub/data.csv`.
    func foreignFolder(in dir: URL) throws -> URL {
        let out = dir.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: out.appendingPathComponent("important.txt"))
        try Data("a,b\n".utf8).write(to: out.appendingPathComponent("sub/data.csv"))
        return out
    }

    /// A folder with foreign files and a nested folder: refused with a message naming it, nothing touched,
    /// no temporary folder left beside it.
    @Test func foreignFolderIsRefusedAndUntouched() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try foreignFolder(in: dir)
        let before = try snapshot(out)
        let r = try CLIRunner.run(["run", dir.appendingPathComponent("s.yaml").path, "--out", out.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains(out.path) && r.stderr.contains("not empty") && r.stderr.contains("--force"), "\(r.stderr)")
        #expect(!r.stderr.contains("run: envelope"), "the folder must be refused before the computation: \(r.stderr)")
        #expect(try snapshot(out) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["mine", "s.yaml"])
    }

    /// --force writes the run's files next to foreign ones and removes none of them.
    @Test func forceWritesBesideForeignFiles() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try foreignFolder(in: dir)
        let before = try snapshot(out)
        let r = try CLIRunner.run(["run", dir.appendingPathComponent("s.yaml").path, "--output", out.path, "--force"])
        #expect(r.status == 0, "\(r.stderr)")
        let after = try snapshot(out)
        for (path, data) in before { #expect(after[path] == data, "\(path) changed or vanished") }
        #expect(Set(after.keys).isSuperset(of: [".strikerange-run", "coverage.csv", "reach.csv", "provenance.json"]))
    }

    /// --force never overwrites a foreign file that has the name of one of the run's outputs.
    @Test func forceDoesNotOverwriteAForeignFileOfTheSameName() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("my own reach table".utf8).write(to: out.appendingPathComponent("reach.csv"))
        let r = try CLIRunner.run(["run", dir.appendingPathComponent("s.yaml").path, "--output", out.path, "--force"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("reach.csv") && r.stderr.contains("not written by strikerange"), "\(r.stderr)")
        #expect(try snapshot(out) == ["reach.csv": Data("my own reach table".utf8)])
    }

    /// A rerun into an earlier run's folder replaces only that run's files: a file the user added since is
    /// kept, and an output the new run no longer writes is removed.
    @Test func rerunReplacesOnlyItsOwnFiles() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let scenario = dir.appendingPathComponent("s.yaml").path
        var r = try CLIRunner.run(["run", scenario, "--output", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let first = try snapshot(out)
        #expect(Set(first.keys) == [".strikerange-run", "coverage.csv", "reach.csv", "provenance.json"])
        try Data("notes".utf8).write(to: out.appendingPathComponent("notes.txt"))
        try Data(Self.scenario.replacingOccurrences(of: "[csv]", with: "[geojson]").utf8).write(to: URL(fileURLWithPath: scenario))
        r = try CLIRunner.run(["run", scenario, "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let second = try snapshot(out)
        #expect(Set(second.keys) == [".strikerange-run", "layers.geojson", "notes.txt", "provenance.json"])
        #expect(second["notes.txt"] == Data("notes".utf8))
        let marker = String(decoding: second[".strikerange-run"] ?? Data(), as: UTF8.self)
        #expect(marker.contains("layers.geojson") && !marker.contains("notes.txt") && !marker.contains("reach.csv"))
    }

    /// An empty existing folder is used as it is.
    @Test func emptyFolderIsUsed() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let r = try CLIRunner.run(["run", dir.appendingPathComponent("s.yaml").path, "--output", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).contains("reach.csv"))
    }

    /// A file where the folder should go: refused, the file unchanged.
    @Test func fileInTheWay() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try Data("a file".utf8).write(to: out)
        let r = try CLIRunner.run(["run", dir.appendingPathComponent("s.yaml").path, "--output", out.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains(out.path) && r.stderr.contains("a file is in the way"), "\(r.stderr)")
        #expect(FileManager.default.contents(atPath: out.path) == Data("a file".utf8))
    }

    /// A folder that cannot be created: under a regular file, and under /proc (where even root cannot
    /// create files). Refused before the computation, naming the path.
    @Test func unwritableParent() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocker = dir.appendingPathComponent("plain.txt")
        try Data("x".utf8).write(to: blocker)
        var r = try CLIRunner.run(["run", dir.appendingPathComponent("s.yaml").path, "--output", blocker.path + "/out"])
        #expect(r.status != 0 && r.stderr.contains("is a file, not a folder") && !r.stderr.contains("run: envelope"), "\(r.stderr)")
        r = try CLIRunner.run(["run", dir.appendingPathComponent("s.yaml").path, "--output", "/proc/strikerange-out"])
        #expect(r.status != 0 && r.stderr.contains("/proc/strikerange-out") && r.stderr.contains("cannot create"), "\(r.stderr)")
    }

    /// A read-only parent folder, by permission bits. Root ignores them, so this runs only as another user.
    @Test(.enabled(if: getuid() != 0, "root writes through permission bits; unwritableParent covers /proc instead"))
    func readOnlyParent() throws {
        let dir = try workspace()
        defer {
            chmod(dir.appendingPathComponent("ro").path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        let ro = dir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: ro, withIntermediateDirectories: true)
        chmod(ro.path, 0o555)
        let r = try CLIRunner.run(["run", dir.appendingPathComponent("s.yaml").path, "--output", ro.path + "/out"])
        #expect(r.status != 0 && r.stderr.contains("cannot create"), "\(r.stderr)")
    }

    /// envelope, reach, coverage and map check `--output` before anything else: with an output path that is
    /// a folder AND a launch area that does not exist, the output is what gets reported.
    @Test func outputFileIsCheckedFirst() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let commands: [[String]] = [
            ["envelope", "--from", "nosuchplaceanywhere", "--range", "10km"],
            ["reach", "--from", "nosuchplaceanywhere", "--range", "10km", "--target", "50,30"],
            ["coverage", "--from", "nosuchplaceanywhere", "--range", "10km", "--regions", "UA-32"],
        ]
        for command in commands {
            let r = try CLIRunner.run(command + ["--output", dir.path])
            #expect(r.status != 0)
            #expect(r.stderr.contains("--output \(dir.path): is a folder") && !r.stderr.contains("nosuchplace"), "\(command[0]): \(r.stderr)")
            let proc = try CLIRunner.run(command + ["--output", "/proc/x.geojson"])
            #expect(proc.stderr.contains("--output /proc/x.geojson: cannot create a file"), "\(command[0]): \(proc.stderr)")
            let missing = try CLIRunner.run(command + ["--output", dir.path + "/no/such/x.geojson"])
            #expect(missing.stderr.contains("does not exist"), "\(command[0]): \(missing.stderr)")
        }
        let map = try CLIRunner.run(["map", dir.appendingPathComponent("none.geojson").path, "--output", "/proc/m.svg"])
        #expect(map.status != 0 && map.stderr.contains("--output /proc/m.svg: cannot create a file"), "\(map.stderr)")
    }
}
