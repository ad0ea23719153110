import Foundation
import Testing

/// Issue 10: negative latitudes and longitudes parse wherever a location is accepted, with or without `=`.
struct CoordinateCLITests {
    /// Cape Town (-33.92, 18.42) to a point 48 km north-east: the same answer whichever way it is written.
    @Test func negativeCoordinatesParseEverywhere() throws {
        let spellings: [[String]] = [
            ["--from", "-33.92,18.42", "--target", "-33.5,18.6"],
            ["--from=-33.92,18.42", "--target=-33.5,18.6"],
            ["--target", "-33.5,18.6", "--from", "-33.92,18.42"],
        ]
        var distances = [Double]()
        for spelling in spellings {
            let r = try CLIRunner.run(["reach", "--range", "100km", "--format", "json"] + spelling)
            #expect(r.status == 0, "\(spelling): \(r.stderr)")
            let rows = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
            distances.append(try #require(rows.first?["distance_m"] as? Double))
        }
        #expect(distances.count == 3 && Set(distances).count == 1)
        // 0.42° of latitude and 0.18° of longitude at 34° S: about 49.5 km.
        #expect(abs(distances[0] - 49_500) < 1_500)
    }

    @Test func negativeLongitudeAndExclusionsAndStandoffFrom() throws {
        var r = try CLIRunner.run(["envelope", "--from", "40.4,-3.7", "--range", "10km"])
        #expect(r.status == 0 && r.stdout.contains("\"area_km2\""), "\(r.stderr)")
        r = try CLIRunner.run(["envelope", "--from", "-12.05,-77.04", "--from", "-12.1,-77.0", "--exclude", "-12.1,-77.0",
                               "--standoff", "1km", "--standoff-from", "-12.0,-77.1", "--range", "10km"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// Locations take the next argument whatever it is; a forgotten value is said as such.
    @Test func forgottenLocationValueIsNamed() throws {
        let r = try CLIRunner.run(["envelope", "--from", "--range", "1km"])
        #expect(r.status != 0 && r.stderr.contains("--from needs a location") && r.stderr.contains("'--range'"), "\(r.stderr)")
    }

    /// `--help` shows how to write a southern latitude.
    @Test func helpShowsANegativeCoordinate() throws {
        for command in ["envelope", "reach"] {
            let r = try CLIRunner.run([command, "--help"])
            #expect(r.stdout.contains("-33.92,18.42"), "\(command) --help")
        }
    }
}
