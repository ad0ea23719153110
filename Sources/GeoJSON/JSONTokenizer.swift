/// Byte-level JSON pass (RFC 8259): validates syntax and UTF-8, parses numbers, and records a `JSONToken` tape.
/// Iterative (explicit container stack), so deeply nested input cannot overflow the call stack.
/// Accepts the non-JSON tokens `NaN`, `Infinity` and `-Infinity` as non-finite numbers so that the builder can
/// report them as `nonFiniteNumber` at their JSON path instead of a bare syntax error.
struct JSONTokenizer {
    let bytes: [UInt8]
    private(set) var tokens: [JSONToken] = []
    private var position = 0
    /// Token indices of the open containers, innermost last.
    private var openContainers: [Int] = []
    /// For each open container: token index of its current key (objects), or -1 while no key is complete
    /// (before the first key, and while a key is being read: an error inside a key is reported at the
    /// enclosing object's path, neither a stale previous key nor a key token that does not exist yet).
    private var currentKeys: [Int] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 6 + 16)
    }

    /// Tokenizes the whole input. Throws `emptyInput`, `invalidUTF8` or `invalidJSON` with byte offset and line.
    mutating func run() throws(GeoJSONError) -> [JSONToken] {
        // A UTF-8 byte order mark is tolerated (RFC 8259 §8.1 allows ignoring it).
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        if position == bytes.count { throw GeoJSONError(.emptyInput, path: "") }
        try parseDocument()
        skipWhitespace()
        if position != bytes.count {
            throw syntaxError("unexpected content after the end of the document")
        }
        return tokens
    }

    // MARK: - Structure

    private mutating func parseDocument() throws(GeoJSONError) {
        valueLoop: while true {
            // A value is expected here.
            skipWhitespace()
            guard position < bytes.count else { throw truncated("a value") }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "{"):
                try openContainer(.object)
                skipWhitespace()
                guard position < bytes.count else { throw truncated("a key or '}'") }
                if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    closeContainer()
                } else {
                    try parseKeyAndColon()
                    continue valueLoop
                }
            case UInt8(ascii: "["):
                try openContainer(.array)
                skipWhitespace()
                guard position < bytes.count else { throw truncated("a value or ']'") }
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    closeContainer()
                } else {
                    continue valueLoop
                }
            case UInt8(ascii: "\""):
                try parseString(kind: .string)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try parseNumber()
            case UInt8(ascii: "t"): try parseLiteral("true", kind: .trueValue, number: 0)
            case UInt8(ascii: "f"): try parseLiteral("false", kind: .falseValue, number: 0)
            case UInt8(ascii: "n"): try parseLiteral("null", kind: .null, number: 0)
            case UInt8(ascii: "N"): try parseLiteral("NaN", kind: .number, number: .nan)
            case UInt8(ascii: "I"): try parseLiteral("Infinity", kind: .number, number: .infinity)
            default:
                throw try unexpectedByte(expecting: "a value")
            }

            // A value just completed: count it, then consume separators and closers.
            while true {
                guard let top = openContainers.last else { return }
                // `count` is 32-bit to keep tokens small; more elements need a > 4 GiB document.
                guard tokens[top].count < Int32.max else { throw syntaxError("more than \(Int32.max) elements in one container") }
                tokens[top].count += 1
                skipWhitespace()
                guard position < bytes.count else {
                    throw truncated(tokens[top].kind == .object ? "',' or '}'" : "',' or ']'")
                }
                let separator = bytes[position]
                if tokens[top].kind == .object {
                    if separator == UInt8(ascii: ",") {
                        position += 1
                        skipWhitespace()
                        try parseKeyAndColon()
                        continue valueLoop
                    } else if separator == UInt8(ascii: "}") {
                        position += 1
                        closeContainer()
                    } else {
                        throw try unexpectedByte(expecting: "',' or '}'")
                    }
                } else {
                    if separator == UInt8(ascii: ",") {
                        position += 1
                        continue valueLoop
                    } else if separator == UInt8(ascii: "]") {
                        position += 1
                        closeContainer()
                    } else {
                        throw try unexpectedByte(expecting: "',' or ']'")
                    }
                }
            }
        }
    }

    /// Deeper documents are rejected: the model builder recurses per level (GeoJSON itself needs 5).
    static let maximumDepth = 512

    private mutating func openContainer(_ kind: JSONToken.Kind) throws(GeoJSONError) {
        guard openContainers.count < Self.maximumDepth else {
            throw syntaxError("nesting deeper than \(Self.maximumDepth) levels")
        }
        openContainers.append(tokens.count)
        currentKeys.append(-1)
        tokens.append(JSONToken(kind: kind, escaped: false, count: 0, start: position, end: 0, number: 0))
        position += 1
    }

    /// Pops the innermost container; the caller then counts it as a completed value of its parent.
    private mutating func closeContainer() {
        let index = openContainers.removeLast()
        currentKeys.removeLast()
        tokens[index].end = tokens.count
        // The loop after a value increments the parent's count; a closed container is such a value.
        // `parseDocument` falls through to that loop after this returns.
    }

    private mutating func parseKeyAndColon() throws(GeoJSONError) {
        // The key token exists only once its closing quote is read; until then the path is the object's
        // (after `{"a": 1, ` an error belongs to the object, not to the previous member "a").
        currentKeys[currentKeys.count - 1] = -1
        guard position < bytes.count else { throw truncated("a key") }
        guard bytes[position] == UInt8(ascii: "\"") else { throw try unexpectedByte(expecting: "a string key") }
        try parseString(kind: .key)
        currentKeys[currentKeys.count - 1] = tokens.count - 1
        skipWhitespace()
        guard position < bytes.count else { throw truncated("':'") }
        guard bytes[position] == UInt8(ascii: ":") else { throw try unexpectedByte(expecting: "':'") }
        position += 1
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            // space, \t, \n, \r
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    // MARK: - Scalars

    private mutating func parseLiteral(_ literal: String, kind: JSONToken.Kind, number: Double) throws(GeoJSONError) {
        let start = position
        for expected in literal.utf8 {
            guard position < bytes.count else { throw truncated("'\(literal)'") }
            guard bytes[position] == expected else { throw try unexpectedByte(expecting: "'\(literal)'") }
            position += 1
        }
        tokens.append(JSONToken(kind: kind, escaped: false, count: 0, start: start, end: position, number: number))
    }

    private mutating func parseString(kind: JSONToken.Kind) throws(GeoJSONError) {
        position += 1  // opening quote
        let start = position
        var escaped = false
        while true {
            guard position < bytes.count else { throw truncated("the end of a string ('\"')") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                try skipEscape()
            } else if byte < 0x20 {
                throw syntaxError("control character 0x\(String(byte, radix: 16)) inside a string")
            } else if byte < 0x80 {
                position += 1
            } else {
                try skipUTF8Sequence()
            }
        }
        tokens.append(JSONToken(kind: kind, escaped: escaped, count: 0, start: start, end: position, number: 0))
        position += 1  // closing quote
    }

    private mutating func skipEscape() throws(GeoJSONError) {
        position += 1
        guard position < bytes.count else { throw truncated("an escape character") }
        switch bytes[position] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 1
        case UInt8(ascii: "u"):
            position += 1
            for _ in 0..<4 {
                guard position < bytes.count else { throw truncated("4 hex digits after \\u") }
                guard hexValue(bytes[position]) != nil else { throw syntaxError("invalid hex digit in \\u escape") }
                position += 1
            }
        default:
            throw syntaxError("invalid escape sequence")
        }
    }

    /// Validates one multi-byte UTF-8 sequence (no overlongs, no surrogates, at most U+10FFFF) and skips it.
    private mutating func skipUTF8Sequence() throws(GeoJSONError) {
        let lead = bytes[position]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF  // bounds of the second byte
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw invalidUTF8(at: position)
        }
        for offset in 1..<length {
            let index = position + offset
            guard index < bytes.count else { throw invalidUTF8(at: position) }
            let byte = bytes[index]
            let (lo, hi) = offset == 1 ? (low, high) : (0x80, 0xBF)
            guard byte >= lo && byte <= hi else { throw invalidUTF8(at: position) }
        }
        position += length
    }

    private mutating func parseNumber() throws(GeoJSONError) {
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "I") {
                try parseLiteral("Infinity", kind: .number, number: -.infinity)
                tokens[tokens.count - 1].start = start
                return
            }
        }
        guard position < bytes.count else { throw truncated("a digit") }
        guard isDigit(bytes[position]) else { throw try unexpectedByte(expecting: "a digit") }

        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent10 = 0
        var inexact = false  // more than 19 significant digits: use the slow path
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) { throw syntaxError("leading zero in a number") }
        } else {
            while position < bytes.count, isDigit(bytes[position]) {
                if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[position] &- 48)
                    significantDigits += 1
                } else {
                    exponent10 += 1
                    inexact = true
                }
                position += 1
            }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count else { throw truncated("a digit after '.'") }
            guard isDigit(bytes[position]) else { throw try unexpectedByte(expecting: "a digit after '.'") }
            while position < bytes.count, isDigit(bytes[position]) {
                let digit = bytes[position] &- 48
                if mantissa == 0 && digit == 0 {
                    exponent10 -= 1  // leading zeros of the fraction are not significant
                } else if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    significantDigits += 1
                    exponent10 -= 1
                } else {
                    inexact = true
                }
                position += 1
            }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            guard position < bytes.count else { throw truncated("an exponent") }
            var exponentNegative = false
            if bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                exponentNegative = bytes[position] == UInt8(ascii: "-")
                position += 1
            }
            guard position < bytes.count else { throw truncated("exponent digits") }
            guard isDigit(bytes[position]) else { throw try unexpectedByte(expecting: "exponent digits") }
            var exponent = 0
            while position < bytes.count, isDigit(bytes[position]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[position] &- 48) }
                position += 1
            }
            exponent10 += exponentNegative ? -exponent : exponent
        }

        var value: Double
        // Clinger's fast path: mantissa and 10^|e| both exact in a double, so one rounding gives the
        // correctly rounded result.
        if !inexact && mantissa <= (1 << 53) && exponent10 >= -22 && exponent10 <= 22 {
            value = Double(mantissa)
            if exponent10 < 0 { value /= powersOfTen[-exponent10] } else { value *= powersOfTen[exponent10] }
            if negative { value = -value }
        } else if mantissa == 0 && !inexact {
            value = negative ? -0.0 : 0.0
        } else {
            // Rare: long mantissas or large exponents. The standard library parses correctly rounded;
            // overflow (e.g. 1e999) becomes infinity and is reported by the builder as nonFiniteNumber.
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            guard let parsed = Double(text) else { throw syntaxError("unparseable number \(text)") }
            value = parsed
        }
        tokens.append(JSONToken(kind: .number, escaped: false, count: 0, start: start, end: position, number: value))
    }

    // MARK: - Errors

    private func truncated(_ expected: String) -> GeoJSONError {
        let (line, column) = lineAndColumn(of: bytes.count)
        return GeoJSONError(
            .invalidJSON("truncated JSON: input ends at byte \(bytes.count) (line \(line), column \(column)) while expecting \(expected)"),
            path: openPath(), byteOffset: bytes.count, line: line)
    }

    private func syntaxError(_ message: String) -> GeoJSONError {
        let (line, column) = lineAndColumn(of: position)
        return GeoJSONError(.invalidJSON("\(message) at byte \(position) (line \(line), column \(column))"),
                            path: openPath(), byteOffset: position, line: line)
    }

    private func invalidUTF8(at offset: Int) -> GeoJSONError {
        GeoJSONError(.invalidUTF8, path: openPath(), byteOffset: offset, line: lineAndColumn(of: offset).line)
    }

    /// An unexpected byte; a byte that does not start valid UTF-8 is reported as `invalidUTF8`.
    private mutating func unexpectedByte(expecting expected: String) throws(GeoJSONError) -> GeoJSONError {
        let byte = bytes[position]
        if byte >= 0x80 {
            let saved = position
            do { try skipUTF8Sequence() } catch { return error }
            position = saved
        }
        let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        return syntaxError("unexpected \(shown), expected \(expected)")
    }

    private func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    /// The JSON path of the value being parsed when an error happened, from the open containers.
    private func openPath() -> String {
        var components: [JSONPathComponent] = []
        for (depth, containerIndex) in openContainers.enumerated() {
            let container = tokens[containerIndex]
            if container.kind == .array {
                components.append(.index(Int(container.count)))
            } else if currentKeys[depth] >= 0 {
                let key = tokens[currentKeys[depth]]
                components.append(.key(decodeJSONString(bytes, from: key.start, to: key.end, escaped: key.escaped)))
            }
        }
        return components.rendered
    }
}

@inline(__always)
private func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - 48)
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - 87)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - 55)
    default: nil
    }
}

/// 10^0 ... 10^22, all exact in a double.
let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]
