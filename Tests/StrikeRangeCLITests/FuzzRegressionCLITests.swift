import Foundation
import Testing

/// Issue 17 from the user's side: `strikerange envelope --from FILE --range 10km` on a launch GeoJSON with an
/// invalid UTF-8 byte inside an object key died by SIGILL. It must exit non-zero with a message naming the
/// byte, the line and the JSON path.
@Suite struct FuzzRegressionCLITests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/regressions/invalid-utf8-keys")

    /// Every fixture written by Scripts/fixtures/make-invalid-utf8-key-fixtures.py.
    static let fixtures: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".geojson") }.sorted()

    @Test func fixturesArePresent() { #expect(Self.fixtures.count == 52) }

    @Test(arguments: fixtures)
    func envelopeFromInvalidUTF8KeyExitsWithMessage_issue17(_ file: String) throws {
        let path = Self.folder.appendingPathComponent(file).path
        let result = try CLIRunner.run(["envelope", "--from", path, "--range", "10km"])
        #expect(!result.diedBySignal, "killed by signal \(result.status): \(result.stderr)")
        #expect(result.status != 0)
        #expect(result.stderr.contains("invalid UTF-8 at byte"), "\(result.stderr)")
        #expect(result.stderr.contains("(line "))
        #expect(result.stdout.isEmpty)
    }
}
