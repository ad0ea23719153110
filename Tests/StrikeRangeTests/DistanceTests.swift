import Testing
@testable import StrikeRange

/// `Distance(parsing:)`: units from their definitions (international mile 1609.344 m, nautical mile 1852 m).
struct DistanceTests {
    @Test(arguments: [
        ("300km", 300_000.0), ("5000m", 5000), ("186mi", 186 * 1609.344), ("162nmi", 162 * 1852),
        ("1.5 km", 1500), ("1.5KM", 1500), ("  2 Nmi ", 3704), ("0m", 0), ("1e3m", 1000), ("2.5e1 km", 25_000),
    ] as [(String, Double)])
    func parsesNumberAndUnit(text: String, meters: Double) throws {
        #expect(try Distance(parsing: text).meters == meters)
    }

    @Test(arguments: [
        ("300", "the unit is missing"), ("-5km", "cannot be negative"), ("nan km", "finite"), ("inf m", "finite"),
        ("12 parsecs", "unknown unit 'parsecs'"), ("km", "not a number"), ("", "the unit is missing"),
        ("1,5km", "not a number"), ("5 k m", "not a number"),
    ] as [(String, String)])
    func rejectsWithAMessageNamingTheValueAndTheForms(text: String, reason: String) {
        #expect {
            try Distance(parsing: text)
        } throws: { error in
            let message = "\(error)"
            return message.contains("'\(text)'") && message.contains(reason)
                && message.contains("300km, 5000m, 186mi, 162nmi")
        }
    }

    /// Found while writing the `distance` fuzz contract (metres finite): 1e308 is a finite number, but 1e308 km
    /// overflowed to an infinite length. Fixture: Tests/Fuzz/regressions/distance/overflow-to-infinite-meters.txt.
    @Test(arguments: ["1e308km", "1.7e308 nmi", "2e305mi"])
    func overflowToInfiniteMetersIsAnError_fuzzDistance(text: String) {
        #expect(throws: DistanceParseError(text: text, reason: "the number is too large")) { try Distance(parsing: text) }
        #expect(throws: Never.self) { try Distance(parsing: "1.7e308 m") }
    }

    @Test func comparesByLength() throws {
        #expect(try Distance(parsing: "1nmi") > Distance(parsing: "1mi"))
        #expect(try Distance(parsing: "1mi") > Distance(parsing: "1km"))
    }
}
