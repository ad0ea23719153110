import Foundation
import Testing

/// Issue 10: targets keep the name given; coordinates label themselves in full; a scenario's `regions:`
/// resolves among regions only.
struct TargetNamesCLITests {
    func rows(_ arguments: [String]) throws -> [[String: Any]] {
        let r = try CLIRunner.run(["reach", "--from", "UA", "--range", "300km", "--format", "json"] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    @Test func commandLineNames() throws {
        let r = try rows(["--target", "HQ=50.2,36.9", "--target", "45.306,34.1", "--target", "Windhoek=-22.56,17.08"])
        #expect(r.map { $0["name"] as? String } == ["HQ", "45.306,34.1", "Windhoek"])
    }

    /// "Kursk" is a city and an oblast: the target is the city, and stderr says how to get the oblast.
    @Test func cityOverRegionIsSaid() throws {
        let r = try CLIRunner.run(["reach", "--from", "UA", "--range", "300km", "--target", "Kursk"])
        #expect(r.status == 0 && r.stderr.contains("region:RU-KRS"), "\(r.stderr)")
    }

    @Test func geoJSONNameProperty() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("names-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("t.geojson").path
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Depot 7"},"geometry":{"type":"Point","coordinates":[36.9,50.2]}},{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[37,50.3]}}]}"#.utf8).write(to: URL(fileURLWithPath: path))
        let r = try rows(["--targets", path])
        #expect(r.map { $0["name"] as? String } == ["Depot 7", "feature 2"])
    }

    /// Sevastopol and Rostov are both a city and a region: in `regions:` only the region can be meant.
    @Test func scenarioRegionsResolveAmongRegions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("names-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("s.yaml")
        try Data("""
            launch: ["44.6,33.5"]
            weapons:
              - name: T
                range: 30km
            regions: [Sevastopol]
            targets: ["45.306,34.1", "Base=44.9,34.1"]
            outputs: [csv]
            """.utf8).write(to: scenario)
        let r = try CLIRunner.run(["run", scenario.path, "--output", dir.appendingPathComponent("out").path])
        #expect(r.status == 0, "\(r.stderr)")
        let reach = try String(contentsOf: dir.appendingPathComponent("out/reach.csv"), encoding: .utf8)
        #expect(reach.contains("\"45.306,34.1\",") && reach.contains("\nBase,"), "\(reach)")
        let coverage = try String(contentsOf: dir.appendingPathComponent("out/coverage.csv"), encoding: .utf8)
        #expect(coverage.contains("Sevastopol"), "\(coverage)")
    }
}
