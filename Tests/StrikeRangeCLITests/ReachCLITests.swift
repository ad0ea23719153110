import Foundation
import Testing

@Suite struct ReachCLITests {
    func json(_ stdout: String) throws -> [[String: Any]] {
        try #require(JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [[String: Any]])
    }

    func temporaryFile(_ text: String, _ name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reach-cli-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Issue 5's headline: Moscow is about 453 km from Ukraine, out of ATACMS range; Kursk and Bryansk in range.
    @Test func atacmsFromUkraine() throws {
        let r = try CLIRunner.run(["reach", "--from", "UA", "--weapon", "atacms", "--target", "Moscow", "--target", "Kursk",
                                   "--target", "Bryansk", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try json(r.stdout)
        #expect(rows.map { $0["verdict"] as? String } == ["out_of_range", "in_range", "in_range"])
        let moscow = try #require(rows.first?["distance_m"] as? Double)
        #expect(abs(moscow - 453_000) < 1_500)
        let table = try CLIRunner.run(["reach", "--from", "UA", "--weapon", "atacms", "--target", "Moscow"])
        #expect(table.stdout.contains("out_of_range") && table.stdout.contains("distance_km"))
    }

    /// City to city (a point launch area) against GeodSolve (Scripts/fixtures/make-reach-fixtures.sh): within 1 mm.
    @Test func kharkivBelgorodMatchesGeodSolve() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/reach-kharkiv-belgorod.txt")
        let f = try String(contentsOf: fixture, encoding: .utf8).split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let r = try CLIRunner.run(["reach", "--from", "place:Kharkiv", "--range", "300km", "--target", "Belgorod", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require(try json(r.stdout).first)
        #expect(abs(try #require(row["distance_m"] as? Double) - f[6]) < 0.001)
        #expect(abs(try #require(row["azimuth_deg"] as? Double) - f[4]) < 1e-6)
    }

    @Test func csvStreamingKeepsOrderAndPassesColumnsThrough() throws {
        var text = "id,name,lat,lon\n"
        for i in 0..<50 { text += "\(i),t\(i),\(48 + Double(i) * 0.2),\(36 + Double(i % 7))\n" }
        let path = try temporaryFile(text, "order.csv")
        let r = try CLIRunner.run(["reach", "--from", "UA", "--range", "300km", "--targets", path, "--format", "csv", "--chunk-rows", "7", "--threads", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("name,lat,lon,id,weapon") == true)
        #expect(lines.count == 51)
        #expect(lines.dropFirst().map { $0.split(separator: ",")[3] } == (0..<50).map { Substring("\($0)") })
    }

    @Test func badInputs() throws {
        let missing = try temporaryFile("name,lat\nA,50\n", "missing.csv")
        var r = try CLIRunner.run(["reach", "--from", "UA", "--range", "300km", "--targets", missing])
        #expect(r.status != 0 && r.stderr.contains("missing longitude") && r.stderr.contains("name, lat, lon"))

        var text = "name,lat,lon\n"
        for i in 1...9 { text += i == 7 ? "bad,fifty,30\n" : "p\(i),50.\(i),30\n" }
        let row7 = try temporaryFile(text, "row7.csv")
        r = try CLIRunner.run(["reach", "--from", "UA", "--range", "300km", "--targets", row7, "--format", "csv"])
        #expect(r.status != 0 && r.stderr.contains("row 7") && r.stderr.contains("fifty"))
        r = try CLIRunner.run(["reach", "--from", "UA", "--range", "300km", "--targets", row7, "--format", "csv", "--skip-invalid"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").count == 9)  // header + 8 valid rows
        #expect(r.stderr.contains("1 invalid row skipped") && r.stderr.contains("row 7"))

        let empty = try temporaryFile("", "empty.csv")
        r = try CLIRunner.run(["reach", "--from", "UA", "--range", "300km", "--targets", empty])
        #expect(r.status != 0 && r.stderr.contains("empty"))

        let badLat = try temporaryFile("name,lat,lon\nA,91,30\n", "lat.csv")
        r = try CLIRunner.run(["reach", "--from", "UA", "--range", "300km", "--targets", badLat])
        #expect(r.status != 0 && r.stderr.contains("outside [-90, 90]"))

        r = try CLIRunner.run(["reach", "--from", "UA", "--range", "300km", "--target", "region:XX-NOPE"])
        #expect(r.status != 0 && r.stderr.contains("XX-NOPE"))

        r = try CLIRunner.run(["reach", "--from", "UA", "--weapon", "atacmz", "--target", "Kursk"])
        #expect(r.status != 0 && r.stderr.contains("atacms"))
    }

    @Test func reverseGivesTheLaunchAreaThatReachesTheTarget() throws {
        let r = try CLIRunner.run(["reach", "--from", "UA", "--weapon", "atacms", "--target", "Bryansk", "--reverse"])
        #expect(r.status == 0, "\(r.stderr)")
        let fc = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let f = try #require((fc["features"] as? [[String: Any]])?.first)
        let props = try #require(f["properties"] as? [String: Any])
        let area = try #require(props["area_km2"] as? Double)
        // Part of Ukraine within 300 km of Bryansk: well above zero, well below Ukraine's ~600,000 km².
        #expect(area > 10_000 && area < 200_000)
    }
}
