import Foundation
import Testing
import TestSupport

/// Issues 11 and 12 (outputs branch): `--output x.gpkg|x.fgb` and `--format csv-wkt` on reach, coverage and
/// inrange, read back by GDAL's own `ogrinfo` (gdal-bin), which shares no code with the writer.
@Suite struct LayerOutputCLITests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("layer-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `ogrinfo -ro arguments…`: stdout and stderr together.
    static func ogrinfo(_ arguments: [String]) throws -> String { try OGRInfo.run(["-ro"] + arguments).output }

    /// Reach targets written one row per chunk (`--chunk-rows 1`) end up in one layer, with the CSV's figures
    /// as typed fields; the passthrough column keeps its long name as alias.
    @Test func reachGeoPackageStreamsChunks() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let targets = dir.appendingPathComponent("t.csv")
        try "name,lat,lon,a_long_passthrough\nBryansk,53.2434,34.3654,x\nMoscow,55.7558,37.6173,y\nKursk,51.7304,36.1926,z\n"
            .write(to: targets, atomically: true, encoding: .utf8)
        let gpkg = dir.appendingPathComponent("r.gpkg").path
        let args = ["reach", "--from", "UA", "--weapon", "atacms", "--targets", targets.path, "--chunk-rows", "1"]
        let r = try CLIRunner.run(args + ["--output", gpkg])
        #expect(r.status == 0, "\(r.stderr)")
        let info = try Self.ogrinfo(["-al", gpkg, "target"])
        #expect(info.contains("Feature Count: 3"), "\(info.prefix(2000))")
        #expect(info.contains("reachable (Integer(Boolean)) = 1"))
        #expect(info.contains("a_long_pas (String) = x"))
        let csv = try CLIRunner.run(args + ["--format", "csv"])
        let moscow = try #require(csv.stdout.split(separator: "\n").first { $0.hasPrefix("Moscow") })
        let distance = String(moscow.split(separator: ",", omittingEmptySubsequences: false)[8])   // name, lat, lon, passthrough, weapon, variant, range, min range, distance
        // The CSV's fixed decimals ("…050") read as a number, as ogrinfo prints a Real (%.15g: no trailing zeros).
        let metres = try #require(Double(distance))
        #expect(info.contains("distance_m (Real) = \(metres)"), "Moscow \(distance) m")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".r.gpkg.\(ProcessInfo.processInfo.processIdentifier).tmp.gpkg").path))
    }

    /// A FlatGeobuf is one file (GDAL makes a folder of a name without .fgb: the temporary keeps the extension).
    @Test func inRangeFlatGeobufIsAFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("i.fgb").path
        let r = try CLIRunner.run(["inrange", "--from", "region:UA-59", "--weapon", "gmlrs", "--what", "places", "--admin1", "RU-KRS",
                                   "--output", path])
        #expect(r.status == 0, "\(r.stderr)")
        var isFolder: ObjCBool = true
        #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue)
        #expect(try Self.ogrinfo(["-so", path]).contains("1: in_range (Point)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["i.fgb"])
    }

    /// A name whose extension says no format, without --format, is refused before computing and writes nothing;
    /// a layer file with --format is refused too.
    @Test(arguments: [
        (["reach", "--from", "UA", "--weapon", "atacms", "--target", "Moscow"], "x.gkpg", [String](), "unknown extension .gkpg"),
        (["coverage", "--from", "UA", "--weapon", "atacms", "--regions", "RU-BRY"], "x.shp", [], "unknown extension .shp"),
        (["inrange", "--from", "UA", "--weapon", "atacms", "--country", "RU"], "x.gpkg", ["--format", "csv"], "drop --format csv"),
        (["envelope", "--from", "UA", "--weapon", "atacms"], "x.gpkg", ["--format", "csv-wkt"], "drop --format csv-wkt"),
    ])
    func refusedOutputNames(command: [String], name: String, extra: [String], expected: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(command + extra + ["--output", dir.appendingPathComponent(name).path])
        #expect(r.status != 0)
        #expect(r.stderr.contains(expected), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// The WKT column is lon lat with the coordinates of the lat/lon columns.
    @Test func reachCSVWKTIsLonLat() throws {
        let r = try CLIRunner.run(["reach", "--from", "UA", "--weapon", "atacms", "--target", "Depot=53.2434,34.3654", "--format", "csv-wkt"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasSuffix(",wkt") == true)
        #expect(lines.count == 2 && lines[1].hasPrefix("Depot,53.24340000,34.36540000,") && lines[1].hasSuffix(",POINT (34.3654 53.2434)"), "\(r.stdout)")
    }

    /// Coverage reads its weapons through the shared WeaponOptions: `all` and the messages are as before.
    @Test func coverageWeaponOptions() throws {
        let spread = try CLIRunner.run(["coverage", "--from", "UA", "--spread", "--range", "300km", "--regions", "RU-BRY"])
        #expect(spread.status != 0 && spread.stderr.contains("--spread needs --weapon (a catalog entry has the reported spread)"), "\(spread.stderr)")
        let both = try CLIRunner.run(["coverage", "--from", "UA", "--weapon", "atacms", "--range", "300km", "--regions", "RU-BRY"])
        #expect(both.status != 0 && both.stderr.contains("give either --weapon ID (repeatable) or --range DISTANCE (not both)"))
        let minRange = try CLIRunner.run(["coverage", "--from", "UA", "--weapon", "atacms", "--min-range", "10km", "--regions", "RU-BRY"])
        #expect(minRange.status != 0 && minRange.stderr.contains("--min-range goes with --range"))
        let all = try CLIRunner.run(["reach", "--from", "UA", "--weapon", "all", "--target", "Moscow", "--format", "csv"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.split(separator: "\n").count > 5, "reach --weapon all lists every catalog weapon: \(all.stdout)")
    }
}
