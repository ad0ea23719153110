import Foundation
import Testing

/// `strikerange geodesic inverse|direct`, run as the built binary. Expected numbers are GeodSolve's
/// (`GeodSolve -i -p 9` / `GeodSolve -p 9`, GeographicLib 2.1.2), compared at 1e-8 m and 1e-11°.
struct GeodesicCLITests {
    /// Fields of each output line as numbers.
    static func numbers(_ text: String) -> [[Double]] {
        text.split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }
    }

    @Test func inverseFromArgumentsPrintsDistanceAndForwardAzimuths() throws {
        let r = try CLIRunner.run(["geodesic", "inverse", "40.64", "-73.78", "1.36", "103.99"])
        #expect(r.status == 0, "\(r.stderr)")
        let v = try #require(Self.numbers(r.stdout).first)
        // GeodSolve -i -p 9: 3.30577347801761 177.48784020815515 15347512.940512940
        #expect(v.count == 3)
        #expect(abs(v[0] - 15_347_512.940512940) < 1e-8)
        #expect(abs(v[1] - 3.30577347801761) < 1e-11)
        #expect(abs(v[2] - 177.48784020815515) < 1e-11)
    }

    @Test func inverseStreamsStdinOneLinePerCase() throws {
        let input = "40.64 -73.78 1.36 103.99\n-33.9 18.4 51.5 -0.1\n0 0 0.5 179.7\n89.999 10 -89.999 -170\r\n53.25 34.37 53.25 34.37001"
        // GeodSolve -i -p 9 (azi1 azi2 s12), reordered to s12 azi1 azi2.
        let expected: [[Double]] = [
            [15347512.940512940, 3.30577347801761, 177.48784020815515],
            [9631973.173935279, -11.46362239592039, -15.35055198813857],
            [19944127.420750458, 15.55688279349054, 164.44251389085494],
            [20003931.458625447, -0.0, -180.0],
            [0.667487822, 89.99999599373093, 90.00000400626907],
        ]
        let r = try CLIRunner.run(["geodesic", "inverse"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        let got = Self.numbers(r.stdout)
        #expect(got.count == expected.count)
        for (g, e) in zip(got, expected) {
            #expect(abs(g[0] - e[0]) < 1e-8, "\(g) vs \(e)")
            #expect(abs(remainder(g[1] - e[1], 360)) < 1e-11 && abs(remainder(g[2] - e[2], 360)) < 1e-11, "\(g) vs \(e)")
        }
    }

    /// `--timing` (for Scripts/bench-geodesic) leaves stdout as it was and counts every case on stderr.
    @Test func timingLeavesTheAnswersAlone() throws {
        let input = "40.64 -73.78 1.36 103.99\n-33.9 18.4 51.5 -0.1\n0 0 0.5 179.7\n"
        let plain = try CLIRunner.run(["geodesic", "inverse"], stdin: input)
        let timed = try CLIRunner.run(["geodesic", "inverse", "--timing"], stdin: input)
        #expect(timed.status == 0 && timed.stdout == plain.stdout, "\(timed.stderr)")
        #expect(timed.stderr.contains("timing: cases=3 ") && timed.stderr.contains("solve_us_per_case="), "\(timed.stderr)")
        #expect(plain.stderr.isEmpty)
    }

    @Test func fullPrecisionRoundTripsAndPrecisionOptionRounds() throws {
        let full = try CLIRunner.run(["geodesic", "inverse", "40.64", "-73.78", "1.36", "103.99"])
        #expect(full.stdout == "15347512.94051294 3.3057734780176125 177.48784020815515\n")
        let short = try CLIRunner.run(["geodesic", "inverse", "--precision", "3", "40.64", "-73.78", "1.36", "103.99"])
        #expect(short.stdout == "15347512.941 3.306 177.488\n")
        let zero = try CLIRunner.run(["geodesic", "direct", "--precision", "0", "--", "-10", "179.9", "90", "50km"])
        #expect(zero.stdout == "-10 -180 90\n")
    }

    @Test func jsonLines() throws {
        let r = try CLIRunner.run(["geodesic", "inverse", "--json", "--precision", "2"], stdin: "0 0 0 1\n0 0 1 0\n")
        #expect(r.stdout == """
            {"distance_m":111319.49,"azi1_deg":90.00,"azi2_deg":90.00}
            {"distance_m":110574.39,"azi1_deg":0.00,"azi2_deg":0.00}

            """)
        let d = try CLIRunner.run(["geodesic", "direct", "--format", "json", "53.25", "34.37", "0", "300nmi"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(d.stdout.utf8)) as? [String: Double])
        // GeodSolve -p 9: 53.25 34.37 0 555600 -> 58.24025781961345 34.37000000000000 0.00000000000000
        #expect(abs(object["lat2"]! - 58.24025781961345) < 1e-11 && abs(object["lon2"]! - 34.37) < 1e-11)
        #expect(object["azi2_deg"] == 0)
    }

    @Test func directFromArgumentsNeedsAUnitAndMatchesGeodSolve() throws {
        let r = try CLIRunner.run(["geodesic", "direct", "40.64", "-73.78", "45", "10000km"])
        #expect(r.status == 0, "\(r.stderr)")
        let v = try #require(Self.numbers(r.stdout).first)
        // GeodSolve -p 9: 32.62110046372580 49.05248709295982 140.40598587680074
        #expect(abs(v[0] - 32.62110046372580) < 1e-11 && abs(v[1] - 49.05248709295982) < 1e-11)
        #expect(abs(v[2] - 140.40598587680074) < 1e-11)
    }

    @Test func directStdinDistancesAreMetres() throws {
        let r = try CLIRunner.run(["geodesic", "direct"], stdin: "53.25 34.37 270 300000\n-10 179.9 90 50000\n")
        let got = Self.numbers(r.stdout)
        let expected: [[Double]] = [[53.16538412556930, 29.88143783574397, -93.59515547605980],
                                    [-9.99968760574106, -179.64395970291315, 89.92081024970226]]
        #expect(got.count == 2)
        for (g, e) in zip(got, expected) { #expect(zip(g, e).allSatisfy { abs($0 - $1) < 1e-11 }, "\(g) vs \(e)") }
    }

    @Test func badStdinLineNamesLineNumberAndContent() throws {
        let r = try CLIRunner.run(["geodesic", "inverse"], stdin: "1 2 3 4\n1 2 x 4\n5 6 7 8\n")
        #expect(r.status != 0)
        #expect(r.stderr.contains("line 2") && r.stderr.contains("\"1 2 x 4\""), "\(r.stderr)")
        #expect(Self.numbers(r.stdout).count == 1)  // the good line before it was answered
        let lat = try CLIRunner.run(["geodesic", "inverse"], stdin: "95 0 0 0\n")
        #expect(lat.status != 0 && lat.stderr.contains("line 1") && lat.stderr.contains("[-90, 90]"), "\(lat.stderr)")
        let extra = try CLIRunner.run(["geodesic", "direct"], stdin: "1 2 3 4 5\n")
        #expect(extra.status != 0 && extra.stderr.contains("line 1"), "\(extra.stderr)")
    }

    @Test func badArgumentsAreExplainedWithNonZeroExit() throws {
        let lat = try CLIRunner.run(["geodesic", "inverse", "91", "0", "0", "0"])
        #expect(lat.status != 0 && lat.stderr.contains("lat1 91 is out of range"), "\(lat.stderr)")
        let unit = try CLIRunner.run(["geodesic", "direct", "53", "34", "90", "300"])
        #expect(unit.status != 0 && unit.stderr.contains("invalid distance '300'") && unit.stderr.contains("300km, 5000m"), "\(unit.stderr)")
        let count = try CLIRunner.run(["geodesic", "inverse", "1", "2", "3"])
        #expect(count.status != 0 && count.stderr.contains("expected 4 values"), "\(count.stderr)")
        let precision = try CLIRunner.run(["geodesic", "inverse", "--precision", "40"], stdin: "")
        #expect(precision.status != 0 && precision.stderr.contains("--precision 40"), "\(precision.stderr)")
    }

    @Test func emptyStdinPrintsNothing() throws {
        let r = try CLIRunner.run(["geodesic", "inverse"], stdin: "")
        #expect(r.status == 0 && r.stdout.isEmpty)
    }

    @Test func inverseHelpIsPinned() throws {
        let r = try CLIRunner.run(["geodesic", "inverse", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            OVERVIEW: Distance and azimuths between two points (shortest geodesic on
            WGS84).

            Prints "distance_m azi1_deg azi2_deg": the distance in metres and the forward
            azimuths (degrees clockwise from north) at both ends — azi2 is the direction of
            travel on arrival, as GeographicLib's GeodSolve prints it, not PROJ geod's back
            azimuth.
            Without coordinates, reads one case "lat1 lon1 lat2 lon2" per line from stdin
            (degrees, space-separated, like GeodSolve -i) and prints one line per case.
            Negative values are fine as coordinates: strikerange geodesic inverse -33.9
            18.4 51.5 -0.1

            USAGE: strikerange geodesic inverse [<lat1 lon1 lat2 lon2> ...] [--precision <n>] [--format <format>] [--timing]

            ARGUMENTS:
              <lat1 lon1 lat2 lon2>   Latitude, longitude of the start, then of the end,
                                      degrees (latitudes in [-90, 90]). Omit all four to
                                      read cases from stdin.

            OPTIONS:
              --precision <n>         Decimals to print (0...17). Default: full double
                                      precision (shortest round-trip form).
              --format <format>       text (space-separated numbers, as GeodSolve) or json
                                      (one JSON object per line). (values: text, json;
                                      default: text)
              --timing                With stdin cases: print to stderr the time spent
                                      solving alone, apart from reading and writing text
                                      (for benchmarks).
              --version               Show the version.
              -h, --help              Show help information.


            """)
    }

    @Test func geodesicListsItsSubcommands() throws {
        let r = try CLIRunner.run(["geodesic", "--help"])
        #expect(r.stdout.contains("inverse") && r.stdout.contains("direct"))
    }
}
