import Geodesy
import Testing
@testable import StrikeRange

/// Specifier forms that need no data: coordinates, prefixes, paths.
@Suite struct SpecifierParsingTests {
    private func point(_ text: String) throws -> LonLat {
        guard case let .point(p) = try LocationSpecifier(parsing: text) else {
            Issue.record("'\(text)' did not parse as a point")
            return LonLat(longitude: .nan, latitude: .nan)
        }
        return p
    }

    @Test(arguments: [
        ("50.45,30.52", 50.45, 30.52),
        ("50.45, 30.52", 50.45, 30.52),
        (" 50.45 30.52 ", 50.45, 30.52),
        ("-33.9,-70.6", -33.9, -70.6),
        ("50.45N 30.52E", 50.45, 30.52),
        ("50.45S 30.52W", -50.45, -30.52),
        ("30.52E 50.45N", 50.45, 30.52),
        ("N50.45 E30.52", 50.45, 30.52),
        ("50.45 n, 30.52 e", 50.45, 30.52),
        ("point:50.45,30.52", 50.45, 30.52),
        ("90,180", 90.0, 180.0),
    ])
    func decimalDegrees(_ text: String, _ latitude: Double, _ longitude: Double) throws {
        let p = try point(text)
        #expect(abs(p.latitude - latitude) < 1e-12)
        #expect(abs(p.longitude - longitude) < 1e-12)
    }

    @Test(arguments: [
        ("50°27'N 30°31'E", 50 + 27.0 / 60, 30 + 31.0 / 60),
        ("50°27'13\"N 30°31'5\"E", 50 + 27.0 / 60 + 13.0 / 3600, 30 + 31.0 / 60 + 5.0 / 3600),
        ("50°27′13″N 30°31′5″E", 50 + 27.0 / 60 + 13.0 / 3600, 30 + 31.0 / 60 + 5.0 / 3600),
        ("50° 27' 13.5\" S, 30° 31' 5\" W", -(50 + 27.0 / 60 + 13.5 / 3600), -(30 + 31.0 / 60 + 5.0 / 3600)),
        ("50°27'13''N 30°31'5''E", 50 + 27.0 / 60 + 13.0 / 3600, 30 + 31.0 / 60 + 5.0 / 3600),
        ("50.5°N 30.25°E", 50.5, 30.25),
    ])
    func degreesMinutesSeconds(_ text: String, _ latitude: Double, _ longitude: Double) throws {
        let p = try point(text)
        #expect(abs(p.latitude - latitude) < 1e-12)
        #expect(abs(p.longitude - longitude) < 1e-12)
    }

    @Test func latitude91NamesTheValueAndTheRange() {
        #expect(throws: LocationSpecifierError.latitudeOutOfRange(91, text: "91,30")) { try LocationSpecifier(parsing: "91,30") }
        let message = String(describing: LocationSpecifierError.latitudeOutOfRange(91, text: "91,30"))
        #expect(message.contains("91") && message.contains("-90 to 90"))
        #expect(throws: LocationSpecifierError.latitudeOutOfRange(-91, text: "91S 30E")) { try LocationSpecifier(parsing: "91S 30E") }
    }

    @Test func longitudeOutOfRange() {
        #expect(throws: LocationSpecifierError.longitudeOutOfRange(181, text: "50,181")) { try LocationSpecifier(parsing: "50,181") }
    }

    @Test func oneNumberSaysLongitudeIsMissing() throws {
        #expect(throws: LocationSpecifierError.missingCoordinate(missing: "longitude", text: "50.45")) {
            try LocationSpecifier(parsing: "50.45")
        }
        let message = LocationSpecifierError.missingCoordinate(missing: "longitude", text: "50.45").description
        #expect(message.contains("longitude is missing"))
        #expect(message.contains("50.45,30.52") && message.contains("50.45N 30.52E"))   // shows accepted forms
        #expect(throws: LocationSpecifierError.missingCoordinate(missing: "latitude", text: "30.52E")) {
            try LocationSpecifier(parsing: "30.52E")
        }
    }

    @Test(arguments: ["50.45N 30.52N", "50,30,10", "50°61'N 30°E", "-50.45S 30E", "50.45x30.52", "point:Kyiv"])
    func malformedCoordinatesAreErrors(_ text: String) {
        #expect(throws: LocationSpecifierError.self) { try LocationSpecifier(parsing: text) }
    }

    @Test func prefixesAndNames() throws {
        #expect(try LocationSpecifier(parsing: "Kharkiv") == .name("Kharkiv"))
        #expect(try LocationSpecifier(parsing: "place:Kharkiv") == .place("Kharkiv"))
        #expect(try LocationSpecifier(parsing: "region: UA-63") == .region("UA-63"))
        #expect(try LocationSpecifier(parsing: "country:UA") == .country("UA"))
        #expect(try LocationSpecifier(parsing: "border:UA-RU") == .border("UA-RU"))
        #expect(try LocationSpecifier(parsing: "file:area.geojson") == .file("area.geojson"))
        #expect(try LocationSpecifier(parsing: "-") == .file("-"))
        #expect(try LocationSpecifier(parsing: "launch/area.geojson") == .file("launch/area.geojson"))
        #expect(try LocationSpecifier(parsing: "area.json") == .file("area.json"))
        #expect(try LocationSpecifier(parsing: "RU-BRY") == .name("RU-BRY"))
        #expect(try LocationSpecifier(parsing: "Брянская область") == .name("Брянская область"))
        #expect(throws: LocationSpecifierError.unknownPrefix("plase")) { try LocationSpecifier(parsing: "plase:Kharkiv") }
        #expect(throws: LocationSpecifierError.empty) { try LocationSpecifier(parsing: "  ") }
    }
}
