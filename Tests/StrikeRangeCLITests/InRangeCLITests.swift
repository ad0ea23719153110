import Foundation
import Testing

/// Issue 12: `strikerange inrange` as a user runs it.
@Suite struct InRangeCLITests {
    /// Bad filters: exit 1, nothing on standard output, a message naming the option and the value.
    @Test(arguments: [
        (["--country", "Narnia"], "--country 'Narnia'"),
        (["--what", "airfields", "--type", "airbase"], "--type 'airbase': unknown airfield type"),
        (["--min-population", "-5"], "--min-population '-5': negative"),
        (["--min-population", "many"], "--min-population 'many': not a whole number"),
        (["--what", "places", "--military"], "--military filters airfields; add airfields to --what"),
        (["--what", "tanks"], "--what 'tanks': unknown layer"),
        (["--admin1", "Bryanks"], "did you mean: Bryansk (RU-BRY)?"),
    ])
    func badFilters(extra: [String], expected: String) throws {
        let r = try CLIRunner.run(["inrange", "--from", "region:UA-59", "--weapon", "gmlrs"] + extra)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(expected), "\(r.stderr)")
    }

    /// GMLRS from Sumy oblast: Kursk oblast's places in range, with totals and the notes; the JSON carries
    /// the same counts as its metadata, and every listed row is in range.
    @Test func sumyGmlrsKursk() throws {
        let args = ["inrange", "--from", "region:UA-59", "--weapon", "gmlrs", "--what", "places", "--admin1", "RU-KRS", "--in-range-only"]
        let table = try CLIRunner.run(args)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Within GMLRS range (70 km) of the launch area in RU-KRS:"))
        #expect(table.stdout.contains("GeoNames settlement figures"))
        let r = try CLIRunner.run(args + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(!features.isEmpty)
        #expect(features.allSatisfy { ($0["admin1_iso"] as? String) == "RU-KRS" && ($0["verdict"] as? String) == "in_range" })
        let totals = try #require((object["metadata"] as? [String: Any])?["totals"] as? [[String: Any]])
        let all = try #require(totals.first { ($0["level"] as? String) == "all" })
        #expect((all["in_range"] as? [String: Any])?["gmlrs"] as? Int == features.count)
        #expect(r.stderr.contains("inrange: Within GMLRS range"))
    }

    @Test func helpShowsTheDoneCriterionExample() throws {
        let r = try CLIRunner.run(["inrange", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("--military") && r.stdout.contains("--min-population") && r.stdout.contains("--in-range-only"))
    }
}
