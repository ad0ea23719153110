/// A reader error: what is wrong and where, as a JSON path such as `features[3].geometry.coordinates[0][2]`.
public struct GeoJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        case emptyInput
        case invalidUTF8
        case invalidJSON(String)          // includes truncated input; the string says what and at which byte
        case wrongType(expected: String, found: String)
        case missingMember(String)
        case unknownType(String)
        case badPositionLength(Int)
        case nonFiniteNumber
        case longitudeOutOfRange(Double)
        case latitudeOutOfRange(Double)
        case unclosedRing
        case tooFewRingPositions(Int)
    }
    public let problem: Problem
    /// "" for the root.
    public let path: String
    /// Zero-based byte offset into the input for byte-level problems (`invalidUTF8`, `invalidJSON`); nil otherwise.
    public let byteOffset: Int?
    /// One-based line of `byteOffset`, when known.
    public let line: Int?

    public init(_ problem: Problem, path: String) {
        self.init(problem, path: path, byteOffset: nil, line: nil)
    }

    public init(_ problem: Problem, path: String, byteOffset: Int?, line: Int?) {
        self.problem = problem; self.path = path; self.byteOffset = byteOffset; self.line = line
    }

    public var description: String {
        let whatHappened: String
        switch problem {
        case .emptyInput: whatHappened = "empty input: no JSON value (only whitespace or nothing)"
        case .invalidUTF8: whatHappened = "invalid UTF-8"
        case .invalidJSON(let message): whatHappened = "invalid JSON: \(message)"
        case .wrongType(let expected, let found): whatHappened = "wrong type: expected \(expected), found \(found)"
        case .missingMember(let name): whatHappened = "missing member \"\(name)\""
        case .unknownType(let name): whatHappened = "unknown GeoJSON type \"\(name)\""
        case .badPositionLength(let count):
            whatHappened = "a position must have 2 or 3 numbers, found \(count)"
        case .nonFiniteNumber: whatHappened = "number is NaN or infinite (or overflows a double)"
        case .longitudeOutOfRange(let value): whatHappened = "longitude \(value) outside [-180, 180]"
        case .latitudeOutOfRange(let value): whatHappened = "latitude \(value) outside [-90, 90]"
        case .unclosedRing: whatHappened = "linear ring is not closed (first position differs from last)"
        case .tooFewRingPositions(let count):
            whatHappened = "linear ring needs at least 4 positions, found \(count)"
        }
        var text = whatHappened
        // invalidJSON messages already say where; other byte-level problems get the offset appended.
        if let byteOffset, !isInvalidJSON {
            text += " at byte \(byteOffset)"
            if let line { text += " (line \(line))" }
        }
        text += path.isEmpty ? " (JSON path: document root)" : " (JSON path: \(path))"
        return text
    }

    private var isInvalidJSON: Bool {
        if case .invalidJSON = problem { return true }
        return false
    }
}
