import Foundation
import GeoJSON

/// Plain JSON through our tokenizer and model builder, against Foundation's `JSONSerialization` as the oracle:
/// both accept or both reject, and accepted documents have equal values. The documented, deliberate differences
/// are excluded explicitly, each for one reason:
/// - `NaN`, `Infinity`, `-Infinity` and numbers that overflow a double: we tokenize them to report
///   `nonFiniteNumber` at their JSON path; whether Foundation accepts them does not matter.
/// - A UTF-8 byte order mark: we skip it (RFC 8259 §8.1 allows that); Foundation is given the text without it.
/// - Nesting deeper than `maximumDepth`: we refuse it (the model builder recurses per level); Foundation has its
///   own limit.
/// - A raw NUL byte, or a UTF-16 byte order mark: Foundation sniffs UTF-16/32 from NULs near the start and
///   may stop reading at a NUL (found by this harness: Tests/Fuzz/regressions/json/nul-byte-after-bom.json).
///   A raw NUL is never valid JSON (outside strings it is not a token, inside it must be escaped), so such
///   input must be rejected by us, and Foundation is not asked.
/// - `\uD800`-style lone surrogate escapes: we decode them to U+FFFD; Foundation may refuse them.
/// - U+FEFF inside strings and keys: Foundation drops it at the start of a string and right after an escape
///   sequence (found by this harness: Tests/Fuzz/regressions/json/string-starting-with-bom-character.json and
///   bom-character-after-escape.json); RFC 8259 keeps it and so do we, so U+FEFF is removed from every string
///   and key on both sides before comparing.
/// - A trailing comma before `]` or `}`: Foundation accepts it, RFC 8259 does not and neither do we; such input
///   must be accepted by us once the trailing commas are removed.
/// Booleans are compared as numbers because Foundation on Linux returns them as `NSNumber`. Foundation returns
/// numbers with many digits as `NSDecimalNumber`, whose `doubleValue` can be several ulps off (found by this
/// harness: Tests/Fuzz/regressions/json/long-fraction-foundation-decimal.json); its decimal text is compared instead.
let jsonDifferentialHarness = FuzzHarness(name: "json", maximumLengthBytes: 4096) { bytes in
    guard nestingDepth(bytes) < GeoJSONReader.maximumNestingDepth else { return }  // at our limit: see above
    let ours: Result<JSONValue, GeoJSONError> = Result { () throws(GeoJSONError) in try GeoJSONReader.readJSONValue(bytes) }
    if bytes.contains(0) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
        if case .success(let value) = ours { contractViolation("json", "accepted a NUL byte or UTF-16 text: \(value)") }
        return
    }
    if case .failure(let error) = ours, error.problem == .nonFiniteNumber { return }
    let foundationInput = Data(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes)
    let theirs = try? JSONSerialization.jsonObject(with: foundationInput, options: [.fragmentsAllowed])

    switch (ours, theirs) {
    case (.failure, nil):
        return
    case (.success(let value), let object?):
        if hasSurrogateEscape(bytes) { return }
        guard let expected = comparable(object) else {
            contractViolation("json", "Foundation returned a value of unknown type \(type(of: object))")
        }
        guard comparable(value).matches(expected) else {
            contractViolation("json", "values differ: ours \(value), Foundation \(object)")
        }
    case (.success(let value), nil):
        if hasSurrogateEscape(bytes) { return }
        contractViolation("json", "we accept what Foundation rejects: \(value)")
    case (.failure(let error), _?):
        if hasSurrogateEscape(bytes) { return }
        let cleaned = withoutTrailingCommas(bytes)
        if cleaned != bytes, (try? GeoJSONReader.readJSONValue(cleaned)) != nil { return }
        contractViolation("json", "we reject what Foundation accepts: \(error)")
    }
}

/// A JSON value in a form both sides can be compared in.
private indirect enum Comparable {
    case null, number(Double), string(String), array([Comparable]), object([String: Comparable])

    func matches(_ other: Comparable) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.number(let a), .number(let b)):
            // Foundation may go through Int64 or Decimal for integers; allow a few ulps.
            return a == b || abs(a - b) <= 4 * Double.ulpOfOne * max(abs(a), abs(b))
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.matches($1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { value.matches($0) } ?? false }
        default: return false
        }
    }
}

private func comparable(_ value: JSONValue) -> Comparable {
    switch value {
    case .null: .null
    case .bool(let flag): .number(flag ? 1 : 0)
    case .number(let number): .number(number)
    case .string(let text): .string(withoutBOMCharacters(text))
    case .array(let elements): .array(elements.map(comparable))
    case .object(let members):
        .object(Dictionary(members.map { (withoutBOMCharacters($0.key), comparable($0.value)) }, uniquingKeysWith: { first, _ in first }))
    }
}

private func comparable(_ object: Any) -> Comparable? {
    if object is NSNull { return .null }
    if let text = object as? String { return .string(withoutBOMCharacters(text)) }
    if let decimal = object as? NSDecimalNumber { return .number(Double(decimal.stringValue) ?? decimal.doubleValue) }
    if let number = object as? NSNumber { return .number(number.doubleValue) }
    if let members = object as? [String: Any] {
        var result: [String: Comparable] = [:]
        for (key, value) in members {
            guard let converted = comparable(value) else { return nil }
            result[withoutBOMCharacters(key)] = converted
        }
        return .object(result)
    }
    if let elements = object as? [Any] {
        var result: [Comparable] = []
        for element in elements {
            guard let converted = comparable(element) else { return nil }
            result.append(converted)
        }
        return .array(result)
    }
    return nil
}

/// Deepest nesting of `[`/`{` outside strings (an upper bound is enough: it only decides what to skip).
private func nestingDepth(_ bytes: [UInt8]) -> Int {
    var depth = 0, deepest = 0, inString = false, escaped = false
    for byte in bytes {
        if inString {
            if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
        } else if byte == UInt8(ascii: "\"") {
            inString = true
        } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
            depth += 1; deepest = max(deepest, depth)
        } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
            depth = max(0, depth - 1)
        }
    }
    return deepest
}

/// Any `\uD8xx`–`\uDFxx` escape (a surrogate, paired or not).
private func hasSurrogateEscape(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 4 else { return false }
    for index in 0..<(bytes.count - 3) where bytes[index] == UInt8(ascii: "\\") && bytes[index + 1] == UInt8(ascii: "u") {
        let high = bytes[index + 2] | 0x20, next = bytes[index + 3] | 0x20
        if high == UInt8(ascii: "d"), next >= UInt8(ascii: "8") && next <= UInt8(ascii: "9") || next >= UInt8(ascii: "a") && next <= UInt8(ascii: "f") {
            return true
        }
    }
    return false
}

/// The input with every `,` that is followed (after whitespace) by `]` or `}` outside strings removed.
private func withoutTrailingCommas(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = [], inString = false, escaped = false, pendingComma: Int?
    output.reserveCapacity(bytes.count)
    for byte in bytes {
        if inString {
            if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
        } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
            if let comma = pendingComma { output.remove(at: comma) }
        } else if byte == UInt8(ascii: ",") {
            pendingComma = output.count
            output.append(byte)
            continue
        } else if byte == UInt8(ascii: "\"") {
            inString = true
        }
        if !(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09) || inString { pendingComma = nil }
        output.append(byte)
    }
    return output
}

private func withoutBOMCharacters(_ text: String) -> String {
    guard text.unicodeScalars.contains("\u{FEFF}") else { return text }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.filter { $0 != "\u{FEFF}" })
    return String(scalars)
}
