import Foundation
import Testing
@testable import GeoJSON

/// Inputs that crashed the reader (issue 17) and the error locations the fix promises. The fixtures live in
/// Tests/Fuzz/regressions (shared with the CLI tests and the fuzz replay in Scripts/test).
@Suite struct FuzzRegressionTests {
    static let regressions = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/regressions")

    struct KeyFixture: CustomStringConvertible {
        var file: String, byteOffset: Int, line: Int, path: String
        var description: String { file }
    }

    /// Rows of invalid-utf8-keys/manifest.tsv, written by Scripts/fixtures/make-invalid-utf8-key-fixtures.py.
    static let invalidUTF8KeyFixtures: [KeyFixture] = {
        let manifest = regressions.appendingPathComponent("invalid-utf8-keys/manifest.tsv")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return KeyFixture(file: fields[0], byteOffset: Int(fields[1])!, line: Int(fields[2])!, path: fields.count > 3 ? fields[3] : "")
        }
    }()

    @Test func invalidUTF8KeyFixturesArePresent() {
        #expect(Self.invalidUTF8KeyFixtures.count == 52)
    }

    /// Issue 17: an invalid UTF-8 byte inside an object key indexed the token tape past its end (a trap).
    /// Now: `invalidUTF8` at the byte and line of the bad sequence, with the path of the object holding the key.
    @Test(arguments: invalidUTF8KeyFixtures)
    func invalidUTF8InsideObjectKeyIsTypedError_issue17(_ fixture: KeyFixture) throws {
        let bytes = Array(try Data(contentsOf: Self.regressions.appendingPathComponent("invalid-utf8-keys/\(fixture.file)")))
        let expected = GeoJSONError(.invalidUTF8, path: fixture.path, byteOffset: fixture.byteOffset, line: fixture.line)
        #expect(throws: expected) { try GeoJSONReader.read(bytes) }
        #expect(expected.description.contains("at byte \(fixture.byteOffset) (line \(fixture.line))"))
    }

    /// The exact input of the issue.
    @Test func invalidUTF8InsideKeyOfIssue17() {
        let bytes = Array(#"{"type": "Feature", "prope"#.utf8) + [0xFF] + Array(#"ties": 1}"#.utf8)
        #expect(throws: GeoJSONError(.invalidUTF8, path: "", byteOffset: 26, line: 1)) { try GeoJSONReader.read(bytes) }
    }

    /// An error inside or before a key belongs to the object, not to the previous member.
    @Test func errorBeforeOrInsideAKeyIsNotBlamedOnThePreviousKey() {
        let cases: [(text: String, path: String)] = [
            (#"{"properties": {"a": 1, x}}"#, "properties"),
            (#"{"properties": {"a": 1, "b"#, "properties"),
            (#"{"properties": {"a": 1, "b\q": 2}}"#, "properties"),
            ("{\"properties\": {\"a\": 1, \"b\u{01}\": 2}}", "properties"),
            (#"{"properties": {"a": 1, "b" 2}}"#, "properties.b"),   // the key is complete: its member is meant
            (#"{"properties": {"a": [1, 2, }}"#, "properties.a[2]"),
        ]
        for (text, path) in cases {
            #expect {
                try read(text)
            } throws: { error in
                guard let error = error as? GeoJSONError, case .invalidJSON = error.problem else { return false }
                return error.path == path && error.byteOffset != nil && error.line == 1
            }
        }
    }

    @Test func deepNestingInPropertiesUpToTheLimitIsRead() throws {
        let depth = JSONTokenizer.maximumDepth - 2  // the Feature object and properties take two levels
        let text = #"{"type":"Feature","geometry":null,"properties":{"v":"# + String(repeating: "[", count: depth - 1)
            + String(repeating: "]", count: depth - 1) + "}}"
        #expect(throws: Never.self) { try read(text) }
        let deeper = String(repeating: "[", count: JSONTokenizer.maximumDepth + 1)
        #expect {
            try read(deeper)
        } throws: { error in
            guard let error = error as? GeoJSONError, case .invalidJSON(let message) = error.problem else { return false }
            return message.contains("nesting deeper than \(JSONTokenizer.maximumDepth)")
        }
    }

    /// Found by the `json` harness: Foundation returned this 54-digit number as an NSDecimalNumber 6 ulps away from
    /// the correctly rounded double. Ours must be the correctly rounded value; the oracle is Python's
    /// `float("0.1345678111111111...")`, hex 0x1.139849de883fap-3.
    @Test func longFractionIsCorrectlyRounded_fuzzJSON() throws {
        let bytes = Array(try Data(contentsOf: Self.regressions.appendingPathComponent("json/long-fraction-foundation-decimal.json")))
        let expected = Double(sign: .plus, exponent: -3, significand: Double("0x1.139849de883fap0")!)
        #expect(try GeoJSONReader.readJSONValue(bytes) == .array([.number(expected)]))
    }

    /// Found by the `json` harness: Foundation drops a U+FEFF at the start of a string value; RFC 8259 makes it
    /// part of the string, so ours keeps it (and the escaped NUL later on).
    @Test func stringStartingWithBOMCharacterKeepsIt_fuzzJSON() throws {
        let bytes = Array(try Data(contentsOf: Self.regressions.appendingPathComponent("json/string-starting-with-bom-character.json")))
        let value = try GeoJSONReader.readJSONValue(bytes)
        #expect(value == .string("\u{FEFF}fud84af\"edt\u{0},falso,nules"))
    }

    /// Found by the `json` harness: Foundation also drops a U+FEFF that follows an escape sequence; ours keeps it.
    @Test func bomCharacterAfterEscapeIsKept_fuzzJSON() throws {
        let bytes = Array(try Data(contentsOf: Self.regressions.appendingPathComponent("json/bom-character-after-escape.json")))
        guard case .string(let text) = try GeoJSONReader.readJSONValue(bytes) else { Issue.record("expected a string"); return }
        #expect(text.unicodeScalars.map(\.value).split(separator: 0xD789).contains { $0.first == 0xFEFF })
    }

    /// Found by the `json` harness: Foundation read `BOM 1 NUL r` as the number 1 (it stops at the NUL); a raw NUL
    /// is never JSON, so ours rejects it at its byte.
    @Test func nulByteAfterBOMIsRejected_fuzzJSON() throws {
        let bytes = Array(try Data(contentsOf: Self.regressions.appendingPathComponent("json/nul-byte-after-bom.json")))
        #expect(bytes == [0xEF, 0xBB, 0xBF, 0x31, 0x00, 0x72])
        #expect {
            try GeoJSONReader.readJSONValue(bytes)
        } throws: { error in
            guard let error = error as? GeoJSONError, case .invalidJSON = error.problem else { return false }
            return error.byteOffset == 4 && error.line == 1
        }
    }

    @Test func byteOrderMarkAloneIsEmptyInput() {
        #expect(throws: GeoJSONError(.emptyInput, path: "")) { try GeoJSONReader.read([0xEF, 0xBB, 0xBF, 0x20]) }
    }

    @Test func numbersCutAtTheEndOfInputAreTruncated() {
        for text in ["-", "1.", "1e", "1e+", "[-", "{\"a\":-I"] {
            #expect {
                try read(text)
            } throws: { error in
                guard let error = error as? GeoJSONError, case .invalidJSON(let message) = error.problem else { return false }
                return message.contains("truncated") && error.byteOffset == text.utf8.count
            }
        }
    }
}
