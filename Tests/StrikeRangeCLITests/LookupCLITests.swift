import Foundation
import Testing
import TestSupport

/// The lookup commands, run as the built binary.
@Suite struct LookupCLITests {
    @Test func regionShowByNameCyrillicAndCodeAgree() throws {
        var outputs: [String] = []
        for query in ["Bryansk", "Брянская область", "RU-BRY"] {
            let result = try CLIRunner.run(["regions", "show", query])
            #expect(result.status == 0, "\(query): \(result.stderr)")
            #expect(result.stdout.contains("RU-BRY"))
            #expect(result.stdout.contains("km²"))
            outputs.append(result.stdout)
        }
        #expect(Set(outputs).count == 1, "the three queries printed different units")
    }

    @Test func regionShowJSONHasGeodesicArea() throws {
        let result = try CLIRunner.run(["regions", "show", "RU-BRY", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let area = try #require(object?["area_km2_geodesic"] as? Double)
        #expect(abs(area - 34_857) / 34_857 < 0.03)   // official area (Rosstat), within what NE 1:10m supports
    }

    @Test func regionsListCSV() throws {
        let result = try CLIRunner.run(["regions", "list", "--country", "UA", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("code,name") == true)
        #expect(lines.count >= 26)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("UA-") })
    }

    @Test func placesFind() throws {
        let result = try CLIRunner.run(["places", "find", "Kursk, RU", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(array?.first?["admin1_iso"] as? String == "RU-KRS")
        let table = try CLIRunner.run(["places", "find", "Oleksandrivka", "--limit", "3"])
        #expect(table.status == 0)
        #expect(table.stdout.split(separator: "\n").count == 5)   // header, rule, 3 rows
    }

    @Test func weaponsListAndShow() throws {
        let list = try CLIRunner.run(["weapons", "list", "--format", "json"])
        #expect(list.status == 0, "\(list.stderr)")
        let weapons = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect((weapons?.count ?? 0) > 5)
        let show = try CLIRunner.run(["weapons", "show", "mgm-140"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("sources:"))
        #expect(show.stdout.contains("km"))
    }

    @Test func unknownWeaponIsAnErrorOnStderr() throws {
        let result = try CLIRunner.run(["weapons", "show", "Iskandr"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Iskandr") && result.stderr.lowercased().contains("did you mean"))
    }

    @Test func borderTable() throws {
        let result = try CLIRunner.run(["border", "UA", "RU"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("km (geodesic"))
    }

    @Test(.enabled(if: OGRInfo.isInstalled))
    func borderGeoJSONOpensInOGR() throws {
        let result = try CLIRunner.run(["border", "RU", "UA", "--format", "geojson"])
        #expect(result.status == 0, "\(result.stderr)")
        _ = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("strikerange-border-\(UUID().uuidString).geojson")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let info = try OGRInfo.run(["-ro", "-al", "-so", file.path])
        #expect(info.isClean, "\(info.output)")
        #expect(info.output.contains("Line String"), "\(info.output)")
        #expect(info.output.contains("Feature Count: 1"))
    }

    @Test func missingDataFolderIsAClearError() throws {
        let result = try CLIRunner.run(["regions", "list", "--data", "/nonexistent/strikerange-data"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/strikerange-data"))
        #expect(result.stderr.contains("does not exist"))
        #expect(result.stderr.contains("STRIKERANGE_DATA"))
    }

    @Test func corruptDataFolderIsAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strikerange-corrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["weapons.json", "countries.geojson", "admin1.geojson", "places.geojson", "borders.geojson"] {
            try Data("{\"type\": \"FeatureCollection\", \"features\": [ {\"type\": ".utf8).write(to: folder.appendingPathComponent(name))
        }
        let result = try CLIRunner.run(["regions", "show", "RU-BRY", "--data", folder.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains(folder.appendingPathComponent("countries.geojson").path))
        #expect(result.stderr.contains("not valid GeoJSON"))
        let weapons = try CLIRunner.run(["weapons", "list"], environment: ["STRIKERANGE_DATA": folder.path])
        #expect(weapons.status != 0)
        #expect(weapons.stderr.contains("weapons.json"))
    }

    @Test func dataFoundFromAnotherDirectory() throws {
        // Run from / : the binary finds the repository's Data/ by walking up from its own folder.
        let result = try CLIRunner.run(["regions", "show", "UA-59"], currentDirectory: URL(fileURLWithPath: "/"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("UA-59"))
    }
}
