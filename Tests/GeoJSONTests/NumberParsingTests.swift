import Testing
@testable import GeoJSON

/// The tokenizer's number fast path against the standard library's correctly rounded `Double(String)`.
@Suite struct NumberParsingTests {
    func parse(_ text: String) throws -> Double {
        var tokenizer = JSONTokenizer(bytes: Array("[\(text)]".utf8))
        let tokens = try tokenizer.run()
        return tokens[1].number
    }

    @Test func randomDecimalsMatchStandardLibrary() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...20, using: &generator)
            var text = Bool.random(using: &generator) ? "-" : ""
            let integerDigits = Int.random(in: 1...digits, using: &generator)
            text += String(Int.random(in: 1...9, using: &generator))
            for _ in 1..<integerDigits { text += String(Int.random(in: 0...9, using: &generator)) }
            if integerDigits < digits {
                text += "."
                for _ in integerDigits..<digits { text += String(Int.random(in: 0...9, using: &generator)) }
            }
            if Bool.random(using: &generator) { text += "e\(Int.random(in: -30...30, using: &generator))" }
            let expected = try #require(Double(text))
            #expect(try parse(text).bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test func shortestRepresentationsRoundTrip() throws {
        for _ in 0..<20_000 {
            let value = Double(bitPattern: UInt64.random(in: 0...UInt64.max))
            guard value.isFinite else { continue }
            #expect(try parse("\(value)").bitPattern == value.bitPattern, "\(value)")
        }
    }

    @Test func edgeCases() throws {
        #expect(try parse("0") == 0)
        #expect(try parse("-0").sign == .minus)
        #expect(try parse("0.000123") == 0.000123)
        #expect(try parse("1e999") == .infinity)
        #expect(try parse("-1e999") == -.infinity)
        #expect(try parse("1e-999") == 0)
        #expect(try parse("9007199254740993") == 9007199254740992)
        #expect(try parse("123456789012345678901234567890") == 123456789012345678901234567890.0)
        for bad in ["01", "1.", ".5", "+1", "1e", "--1", "0x10"] {
            #expect(throws: GeoJSONError.self, "\(bad)") { try parse(bad) }
        }
    }

    @Test func deepNestingIsRejectedNotCrashing() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: GeoJSONError.self) { try GeoJSONReader.read(Array(text.utf8)) }
    }
}
