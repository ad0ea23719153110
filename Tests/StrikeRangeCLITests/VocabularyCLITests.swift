import Foundation
import Testing

/// Issue 10: one vocabulary across commands: compass azimuths, fixed decimals.
struct VocabularyCLITests {
    /// Windhoek is just west of north of Cape Town: a compass bearing near 354°, not -6°.
    @Test func azimuthsAreCompassBearings() throws {
        let r = try CLIRunner.run(["reach", "--from", "-33.92,18.42", "--range", "1500km", "--target", "Windhoek=-22.56,17.08", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let azimuth = try #require(rows.first?["azimuth_deg"] as? Double)
        #expect(azimuth > 353 && azimuth < 355, "azimuth \(azimuth)")
    }

    /// Percentages and distances with fixed decimals in CSV, never 99.99999999999999.
    @Test func coverageCSVHasFixedDecimals() throws {
        let r = try CLIRunner.run(["coverage", "--from", "UA", "--range", "100km", "--regions", "UA-30,RU-BEL", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        let percentColumn = try #require(header.firstIndex(of: "percent"))
        for line in lines.dropFirst() {
            let percent = line.split(separator: ",", omittingEmptySubsequences: false)[percentColumn]
            #expect(percent.split(separator: ".").last?.count == 3, "\(line)")
        }
    }
}
