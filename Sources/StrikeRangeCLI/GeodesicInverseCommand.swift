import ArgumentParser
import Foundation
import Geodesy

struct GeodesicInverseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inverse",
        abstract: "Distance and azimuths between two points (shortest geodesic on WGS84).",
        discussion: """
            Prints "distance_m azi1_deg azi2_deg": the distance in metres and the forward azimuths \
            (degrees clockwise from north) at both ends — azi2 is the direction of travel on arrival, \
            as GeographicLib's GeodSolve prints it, not PROJ geod's back azimuth.
            Without coordinates, reads one case "lat1 lon1 lat2 lon2" per line from stdin (degrees, \
            space-separated, like GeodSolve -i) and prints one line per case.
            Negative values are fine as coordinates: strikerange geodesic inverse -33.9 18.4 51.5 -0.1
            """
    )

    @Argument(parsing: .allUnrecognized,
              help: ArgumentHelp("Latitude, longitude of the start, then of the end, degrees (latitudes in [-90, 90]). "
                                 + "Omit all four to read cases from stdin.",
                                 valueName: "lat1 lon1 lat2 lon2"))
    var coordinates: [String] = []

    @OptionGroup var output: GeodesicOutputOptions
    @Flag(help: "With stdin cases: print to stderr the time spent solving alone, apart from reading and writing text (for benchmarks).")
    var timing = false

    mutating func validate() throws {
        // `.allUnrecognized` (needed so "-33.9" is a value, not an option) also captures a "--" terminator.
        if let terminator = coordinates.firstIndex(of: "--") { coordinates.remove(at: terminator) }
        _ = try parsedCase()
    }

    func run() throws {
        let geodesic = Geodesic.wgs84
        let format = output.format(fieldNames: ["distance_m", "azi1_deg", "azi2_deg"])
        if let c = try parsedCase() {
            let r = geodesic.inverse(latitude1: c[0], longitude1: c[1], latitude2: c[2], longitude2: c[3])
            var out = GeodesicOutputBuffer()
            format.write(r.distanceMeters, r.azimuth1Degrees, r.azimuth2Degrees, to: &out)
            out.flush()
            return
        }
        // The solve's share is what a benchmark compares with a solver's; text I/O dominates a stream
        // (issue 15). Two clock reads per case (about 50 ns) are counted in the solve time.
        var solveNanoseconds: UInt64 = 0, cases = 0
        let started = DispatchTime.now().uptimeNanoseconds
        try GeodesicStream.run(fieldCount: 4, expecting: "lat1 lon1 lat2 lon2") { f, line in
            guard (-90...90).contains(f[0]), (-90...90).contains(f[2]) else {
                throw GeodesicStreamError.invalid("latitudes must be in [-90, 90]")
            }
            let t0 = timing ? DispatchTime.now().uptimeNanoseconds : 0
            let r = geodesic.inverse(latitude1: f[0], longitude1: f[1], latitude2: f[2], longitude2: f[3])
            if timing {
                solveNanoseconds += DispatchTime.now().uptimeNanoseconds - t0
                cases += 1
            }
            format.write(r.distanceMeters, r.azimuth1Degrees, r.azimuth2Degrees, to: &line)
        }
        if timing {
            let totalMs = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6, solveMs = Double(solveNanoseconds) / 1e6
            let perCase = cases > 0 ? solveMs * 1000 / Double(cases) : 0
            FileHandle.standardError.write(Data(String(format: "timing: cases=%d total_ms=%.1f solve_ms=%.1f solve_us_per_case=%.3f io_ms=%.1f\n",
                                                       cases, totalMs, solveMs, perCase, totalMs - solveMs).utf8))
        }
    }

    /// The four positional values, validated; nil when there are none (stdin mode).
    private func parsedCase() throws -> [Double]? {
        if coordinates.isEmpty { return nil }
        guard coordinates.count == 4 else {
            throw ValidationError("expected 4 values (lat1 lon1 lat2 lon2) or none to read stdin, got \(coordinates.count): \(coordinates.joined(separator: " "))")
        }
        let names = ["lat1", "lon1", "lat2", "lon2"]
        return try zip(names, coordinates).map { name, text in
            try GeodesicArgument.degrees(text, name: name, latitude: name.hasPrefix("lat"))
        }
    }
}
