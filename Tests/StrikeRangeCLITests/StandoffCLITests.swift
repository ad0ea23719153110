import Foundation
import Testing

/// Issue 10: `--standoff D` without `--standoff-from` keeps the points at least D inside the launch area's
/// own boundary, for every area. The geometry is checked against pyproj in Scripts/validate/check-standoff.py;
/// these pin the repro and the messages.
struct StandoffCLITests {
    func areaKm2(_ arguments: [String]) throws -> Double {
        let r = try CLIRunner.run(["envelope", "--range", "1km"] + arguments)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        let properties = try #require(features.first?["properties"] as? [String: Any])
        return try #require(properties["area_km2"] as? Double)
    }

    /// The repro: Chernihiv oblast had the same 32,725.7 km² with and without a 20 km standoff. A 20 km
    /// band along an ~1,300 km boundary is roughly 15,000 km²: the kept area must shrink by about that.
    @Test func standoffShrinksChernihivOblast() throws {
        let whole = try areaKm2(["--from", "region:UA-74"])
        let kept = try areaKm2(["--from", "region:UA-74", "--standoff", "20km"])
        #expect(kept < whole * 0.7 && kept > whole * 0.3, "kept \(kept) of \(whole) km²")
    }

    /// Two specifiers make one area with one boundary (GEOS has no boundary for a collection; this failed
    /// with a raw "IllegalArgumentException").
    @Test func twoSpecifiersMakeOneArea() throws {
        let r = try CLIRunner.run(["envelope", "--range", "1km", "--from", "region:UA-74", "--from", "region:UA-59", "--standoff", "20km"])
        #expect(r.status == 0 && !r.stderr.contains("Exception"), "\(r.stderr)")
    }

    /// A point has no inside: the message says so and what to give instead.
    @Test func pointLaunchNeedsStandoffFrom() throws {
        let r = try CLIRunner.run(["envelope", "--range", "1km", "--from", "50,30", "--standoff", "20km"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("no polygon") && r.stderr.contains("--standoff-from"), "\(r.stderr)")
        #expect(!r.stderr.contains("launch geometry is empty"))
    }
}
