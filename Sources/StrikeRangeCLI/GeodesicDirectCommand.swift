import ArgumentParser
import Geodesy
import StrikeRange

struct GeodesicDirectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "direct",
        abstract: "The point reached from a start along an azimuth after a distance (geodesic on WGS84).",
        discussion: """
            Prints "lat2 lon2 azi2_deg": the end point in degrees and the forward azimuth there.
            DISTANCE needs a unit: 300km, 5000m, 186mi, 162nmi, 1.5 km.
            Without arguments, reads one case "lat lon azimuth_deg distance_m" per line from stdin \
            (degrees and METRES, space-separated, like GeodSolve) and prints one line per case.
            """
    )

    @Argument(parsing: .allUnrecognized,
              help: ArgumentHelp("Latitude and longitude of the start (degrees), azimuth (degrees clockwise from north) "
                                 + "and distance with its unit. Omit all four to read cases from stdin.",
                                 valueName: "lat lon azimuth distance"))
    var values: [String] = []

    @OptionGroup var output: GeodesicOutputOptions

    mutating func validate() throws {
        // `.allUnrecognized` (needed so "-33.9" is a value, not an option) also captures a "--" terminator.
        if let terminator = values.firstIndex(of: "--") { values.remove(at: terminator) }
        _ = try parsedCase()
    }

    func run() throws {
        let geodesic = Geodesic.wgs84
        let format = output.format(fieldNames: ["lat2", "lon2", "azi2_deg"])
        if let c = try parsedCase() {
            let r = geodesic.direct(latitude: c.lat, longitude: c.lon, azimuthDegrees: c.azimuth, distanceMeters: c.distance.meters)
            var out = GeodesicOutputBuffer()
            format.write(r.latitude, r.longitude, r.azimuth2Degrees, to: &out)
            out.flush()
            return
        }
        try GeodesicStream.run(fieldCount: 4, expecting: "lat lon azimuth_deg distance_m") { f, line in
            guard (-90...90).contains(f[0]) else { throw GeodesicStreamError.invalid("latitude must be in [-90, 90]") }
            let r = geodesic.direct(latitude: f[0], longitude: f[1], azimuthDegrees: f[2], distanceMeters: f[3])
            format.write(r.latitude, r.longitude, r.azimuth2Degrees, to: &line)
        }
    }

    private func parsedCase() throws -> (lat: Double, lon: Double, azimuth: Double, distance: Distance)? {
        if values.isEmpty { return nil }
        guard values.count == 4 else {
            throw ValidationError("expected 4 values (lat lon azimuth distance) or none to read stdin, got \(values.count): \(values.joined(separator: " "))")
        }
        let distance: Distance
        do { distance = try Distance(parsing: values[3]) } catch { throw ValidationError(error.description) }
        return (try GeodesicArgument.degrees(values[0], name: "lat", latitude: true),
                try GeodesicArgument.degrees(values[1], name: "lon", latitude: false),
                try GeodesicArgument.degrees(values[2], name: "azimuth", latitude: false),
                distance)
    }
}
