import Foundation
import Testing

/// `strikerange coverage` run as a user would (the built binary).
@Suite struct CoverageCLITests {
    /// CSV rows as dictionaries keyed by the header.
    func csvRows(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    @Test func atacmsFromUkraineCoversBryanskKurskBelgorod() throws {
        let r = try CLIRunner.run(["coverage", "--from", "UA", "--weapon", "atacms", "--regions", "RU-BRY,RU-KRS", "--regions", "RU-BEL", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows.map { $0["region_code"] } == ["RU-BRY", "RU-KRS", "RU-BEL"])
        #expect(rows.allSatisfy { $0["status"] == "full" && $0["weapon"] == "atacms" && Double($0["percent"] ?? "") == 100 }, "\(rows)")
    }

    @Test func countryRussiaHas83Rows() throws {
        let r = try CLIRunner.run(["coverage", "--from", "UA", "--weapon", "atacms", "--country", "RU", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows.count == 83)
        #expect(Set(rows.compactMap { $0["region_code"] }).count == 83)
        #expect(rows.filter { $0["status"] == "full" }.count >= 3)
        #expect(rows.contains { $0["region_code"] == "RU-MOS" && $0["status"] == "none" })
    }

    @Test func borderLineReportsLengthAndPercent() throws {
        let r = try CLIRunner.run(["coverage", "--from", "region:UA-74", "--weapon", "gmlrs", "--regions", "border:RU-BY", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 1)
        let row = results[0]
        #expect(row["kind"] as? String == "line")
        let length = try #require(row["length_m"] as? Double) / 1000, inRange = try #require(row["length_in_range_m"] as? Double) / 1000
        let percent = try #require(row["percent"] as? Double)
        #expect(length > 900 && length < 940, "\(length)")   // Natural Earth's RU-BY line
        #expect(inRange > 0 && inRange < length)
        #expect(abs(percent - 100 * inRange / length) < 0.001)   // percent has 3 decimals
        #expect(row["area_km2"] is NSNull)
    }

    @Test func tableIsSortedByWeaponThenPercent() throws {
        let r = try CLIRunner.run(["coverage", "--from", "region:UA-59", "--range", "150km", "--regions", "RU-BRY,RU-KRS,RU-BEL,RU-ORL"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").dropFirst(2)
        #expect(lines.count == 4)
        let percents = lines.compactMap { line in line.split(separator: " ").compactMap { Double($0) }.first }
        #expect(percents == percents.sorted(by: >), "\(r.stdout)")
    }

    @Test func geoJSONToFileHoldsInRangeParts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.geojson").path
        let r = try CLIRunner.run(["coverage", "--from", "region:UA-59", "--weapon", "gmlrs", "--regions", "RU-KRS,RU-MOS",
                                   "--format", "geojson", "--output", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(features.count == 2)
        let kursk = try #require(features.first?["properties"] as? [String: Any])
        #expect(kursk["status"] as? String == "partial")
        #expect((features[0]["geometry"] as? [String: Any])?["type"] as? String == "MultiPolygon")
        #expect(features[1]["geometry"] is NSNull)   // nothing of Moscow oblast is within 70 km
        let remaining = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(remaining == ["out.geojson"])          // no temporary file left behind
    }

    @Test func unknownRegionFailsWithSuggestions() throws {
        let r = try CLIRunner.run(["coverage", "--from", "UA", "--weapon", "atacms", "--regions", "RU-BRY,Bryanskk"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("unknown region or country 'Bryanskk'"), "\(r.stderr)")
        #expect(r.stderr.contains("RU-BRY"))
        #expect(r.stdout.isEmpty)
    }

    @Test func unknownWeaponFails() throws {
        let r = try CLIRunner.run(["coverage", "--from", "UA", "--weapon", "atakms", "--regions", "RU-BRY"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("unknown weapon 'atakms'") && r.stderr.contains("atacms"), "\(r.stderr)")
    }

    @Test(arguments: [[""], [","], [" , "]])
    func emptyRegionsListFails(_ regions: [String]) throws {
        let r = try CLIRunner.run(["coverage", "--from", "UA", "--weapon", "atacms", "--regions"] + regions)
        #expect(r.status != 0)
        #expect(r.stderr.contains("--regions: the list is empty"), "\(r.stderr)")
    }

    @Test func regionSourcesAreExclusive() throws {
        let r = try CLIRunner.run(["coverage", "--from", "UA", "--weapon", "atacms", "--regions", "RU-BRY", "--country", "RU"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("exactly one of --regions"), "\(r.stderr)")
        let none = try CLIRunner.run(["coverage", "--from", "UA", "--weapon", "atacms"])
        #expect(none.status != 0)
    }

    @Test func regionsFileNamesEachFeature() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("regions.geojson").path
        let text = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"near box"},"geometry":{"type":"Polygon","coordinates":[[[35.5,51.0],[36.0,51.0],[36.0,51.3],[35.5,51.3],[35.5,51.0]]]}},
            {"type":"Feature","properties":{"name":"far line"},"geometry":{"type":"LineString","coordinates":[[60.0,60.0],[61.0,60.0]]}}]}
            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["coverage", "--from", "UA", "--range", "100km", "--regions-file", path, "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows.map { $0["region_name"] } == ["near box", "far line"])
        #expect(rows.map { $0["kind"] } == ["area", "line"])
        #expect(rows.map { $0["status"] } == ["full", "none"])
    }
}
