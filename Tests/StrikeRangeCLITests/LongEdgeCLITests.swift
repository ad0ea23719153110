import Foundation
import Testing

/// Input edges spanning more than 180° of longitude (#9): an error naming the feature and vertex,
/// unless `--long-edges short-way` says how to read them; pole edges (Antarctica's outline) pass.
@Suite struct LongEdgeCLITests {
    @Test func longEdgeIsRejectedWithFeatureAndVertex() throws {
        let files = try EnvelopeCLITests.Files()
        defer { files.cleanUp() }
        let path = try files.write("chukotka.geojson", #"{"type":"LineString","coordinates":[[170,65],[179.5,66],[-179.5,66],[-175,65]]}"#)
        let rejected = try CLIRunner.run(["envelope", "--from", path, "--range", "100km"])
        #expect(rejected.status != 0)
        #expect(rejected.stdout.isEmpty)
        for needle in ["feature 0", "vertex 1", "179.5", "-179.5", "more than 180°", "--long-edges short-way"] {
            #expect(rejected.stderr.contains(needle), "stderr lacks \(needle): \(rejected.stderr)")
        }
        let read = try CLIRunner.run(["envelope", "--from", path, "--range", "100km", "--long-edges", "short-way"])
        #expect(read.status == 0, "\(read.stderr)")
        // Read across ±180°, the envelope reaches both sides of the antimeridian near 66° N.
        #expect(read.stdout.contains("[180,") || read.stdout.contains("[-180,"))
    }

    @Test func edgeAlongThePoleIsAccepted() throws {
        let files = try EnvelopeCLITests.Files()
        defer { files.cleanUp() }
        let cap = #"{"type":"Polygon","coordinates":[[[-180,80],[0,80],[180,80],[180,90],[-180,90],[-180,80]]]}"#
        let path = try files.write("cap.geojson", cap)
        let result = try CLIRunner.run(["envelope", "--from", path, "--range", "10km"])
        #expect(!result.stderr.contains("more than 180°"), "\(result.stderr)")
    }
}
