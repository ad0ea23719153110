import Foundation
import Testing

/// `strikerange envelope` bad input (issue 4): each gives a clear message naming the field or value on
/// standard error, nothing on standard output, and a non-zero exit. Plus --output, --verify and --help.
@Suite struct EnvelopeCLITests {
    static let kyiv = "50.4501,30.5234"

    /// A temporary folder holding small launch files, removed by `cleanUp`.
    struct Files {
        let folder: URL
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("strikerange-envelope-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        func write(_ name: String, _ geometry: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data("{\"type\":\"FeatureCollection\",\"features\":[\(geometry.isEmpty ? "" : "{\"type\":\"Feature\",\"properties\":{},\"geometry\":\(geometry)}")]}".utf8).write(to: url)
            return url.path
        }
        func cleanUp() { try? FileManager.default.removeItem(at: folder) }

        static let box = #"{"type":"Polygon","coordinates":[[[30,50],[31,50],[31,51],[30,51],[30,50]]]}"#
        /// Edges (30,50)-(31,51) and (31,50)-(30,51) cross at (30.5, 50.5).
        static let bowTie = #"{"type":"Polygon","coordinates":[[[30,50],[31,51],[31,50],[30,51],[30,50]]]}"#
    }

    func expectFailure(_ arguments: [String], mentions needles: [String], _ note: Comment? = nil) throws {
        let result = try CLIRunner.run(["envelope"] + arguments)
        #expect(result.status != 0, "\(arguments) exited 0")
        #expect(result.stdout.isEmpty, "\(arguments) printed to stdout: \(result.stdout.prefix(200))")
        for needle in needles {
            #expect(result.stderr.contains(needle), "\(arguments): stderr lacks \"\(needle)\": \(result.stderr)")
        }
    }

    @Test(arguments: [
        // A leading '-' must reach the distance parser, not be taken for an option ("Missing value").
        (["--range", "-5km"], ["'-5km'", "cannot be negative"]),
        (["--range", "0km"], ["range", "0.0 m", "not a positive finite distance"]),
        (["--range", "nankm"], ["'nankm'", "must be finite"]),
        (["--range", "infkm"], ["'infkm'", "must be finite"]),
        (["--range", "100km", "--min-range", "100km"], ["min-range", "100000.0 m", "not below the range"]),
        (["--range", "100km", "--min-range", "-1km"], ["--min-range", "'-1km'", "cannot be negative"]),
        (["--range", "100km", "--tolerance", "0m"], ["tolerance: 0.0 m", "1 mm"]),
        (["--range", "100km", "--tolerance", "-1m"], ["--tolerance", "'-1m'", "cannot be negative"]),
        (["--range", "100km", "--tolerance", "0.0005m"], ["tolerance: 0.0005 m", "1 mm"]),
        // Millimetres are not a unit: the message names the unit and lists the accepted ones.
        (["--range", "100km", "--tolerance", "0.5mm"], ["'0.5mm'", "unknown unit 'mm'", "km, m, mi, nmi"]),
        (["--range", "300"], ["'300'", "the unit is missing", "300km"]),
        (["--weapon", "atacmz"], ["atacmz", "atacms"]),
        // Inner/outer placement needs room of about the tolerance (issue 9's property test: this trapped, exit 132).
        (["--range", "3m", "--placement", "inner"], ["range: 3 m", "tolerance 10 m", "--placement inner", "--tolerance 0.75m"]),
        (["--range", "100km", "--min-range", "5m", "--placement", "outer"], ["min-range: 5 m", "--placement outer"]),
        (["--range", "30m", "--min-range", "15m", "--placement", "inner"], ["min-range: 15 m", "twice the tolerance"]),
    ] as [([String], [String])])
    func badParameters(_ arguments: [String], _ needles: [String]) throws {
        try expectFailure(["--from", Self.kyiv] + arguments, mentions: needles)
    }

    @Test func emptyLaunchGeometry() throws {
        let files = try Files()
        defer { files.cleanUp() }
        try expectFailure(["--from", try files.write("none.geojson", ""), "--range", "10km"], mentions: ["none.geojson", "no geometry"])
        try expectFailure(["--from", try files.write("empty.geojson", #"{"type":"Polygon","coordinates":[]}"#), "--range", "10km"],
                          mentions: ["launch geometry is empty"])
    }

    @Test func selfIntersectingLaunchIsReportedThenRepairedOnRequest() throws {
        let files = try Files()
        defer { files.cleanUp() }
        let bowTie = try files.write("bowtie.geojson", Files.bowTie)
        try expectFailure(["--from", bowTie, "--range", "10km"], mentions: ["Self-intersection", "30.5, 50.5", "--make-valid"])
        let repaired = try CLIRunner.run(["envelope", "--from", bowTie, "--range", "10km", "--make-valid"])
        #expect(repaired.status == 0, "\(repaired.stderr)")
        let features = try Self.features(repaired.stdout)
        #expect(features.count == 1)
    }

    @Test func exclusionRemovingTheWholeLaunchArea() throws {
        let files = try Files()
        defer { files.cleanUp() }
        let box = try files.write("box.geojson", Files.box)
        try expectFailure(["--from", box, "--exclude", box, "--range", "10km"], mentions: ["nothing is left", "--exclude"])
    }

    @Test func outputIntoAMissingFolderFailsAndWritesNothing() throws {
        let files = try Files()
        defer { files.cleanUp() }
        let missing = files.folder.appendingPathComponent("missing")
        try expectFailure(["--from", Self.kyiv, "--range", "10km", "--output", missing.appendingPathComponent("e.geojson").path],
                          mentions: ["output", "does not exist"])
        #expect(!FileManager.default.fileExists(atPath: missing.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: files.folder.path).isEmpty)
    }

    @Test func outputFileHoldsValidGeoJSON() throws {
        let files = try Files()
        defer { files.cleanUp() }
        let path = files.folder.appendingPathComponent("kyiv.geojson").path
        let result = try CLIRunner.run(["envelope", "--from", Self.kyiv, "--range", "300km", "--output", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let features = try Self.features(text)
        let geometry = try #require(features.first?["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "MultiPolygon")
        let properties = try #require(features.first?["properties"] as? [String: Any])
        #expect(properties["range_m"] as? Double == 300_000)
        // No temporary file left beside it by the atomic write.
        #expect(try FileManager.default.contentsOfDirectory(atPath: files.folder.path) == ["kyiv.geojson"])
    }

    @Test(arguments: ["10m", "2m"])
    func verifyReportsAnAchievedErrorWithinTheTolerance(_ tolerance: String) throws {
        let result = try CLIRunner.run(["envelope", "--from", Self.kyiv, "--range", "300km", "--min-range", "70km",
                                        "--tolerance", tolerance, "--verify"])
        #expect(result.status == 0, "\(result.stderr)")
        let properties = try #require(try Self.features(result.stdout).first?["properties"] as? [String: Any])
        let achieved = try #require(properties["achieved_error_m"] as? Double)
        let bound = try #require(properties["tolerance_m"] as? Double)
        #expect(bound == Double(tolerance.dropLast()))
        #expect(achieved > 0 && achieved <= bound, "achieved \(achieved) m, tolerance \(bound) m")
        #expect(properties["verification_passed"] as? Bool == true)
    }

    @Test func helpNamesTheOptions() throws {
        let result = try CLIRunner.run(["envelope", "--help"])
        #expect(result.status == 0)
        for option in ["--from", "--weapon", "--range", "--min-range", "--tolerance", "--placement", "--verify", "--output", "--make-valid"] {
            #expect(result.stdout.contains(option), "help lacks \(option)")
        }
        #expect(result.stdout.contains("center") && result.stdout.contains("outer") && result.stdout.contains("inner"))
    }

    static func features(_ text: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "FeatureCollection")
        return try #require(object["features"] as? [[String: Any]])
    }
}
