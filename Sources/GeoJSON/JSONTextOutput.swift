/// Appends JSON text to a byte buffer: escaped strings, sorted-key objects, coordinate numbers rounded to a
/// number of decimals, other numbers in shortest round-trip form.
struct JSONTextOutput {
    var bytes: [UInt8] = []

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20:
                append("\\u00")
                bytes.append(hexDigit(byte >> 4))
                bytes.append(hexDigit(byte & 0xF))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A number with full precision: integers without ".0", others in Swift's shortest round-trip form.
    /// Non-finite values (not representable in JSON) are written as null.
    mutating func appendNumber(_ value: Double) {
        guard value.isFinite else { append("null"); return }
        if value == value.rounded(), abs(value) < 1e15 {
            appendInteger(Int64(value))
        } else {
            bytes.append(contentsOf: "\(value)".utf8)
        }
    }

    /// A number rounded to `decimals` places, trailing zeros trimmed, -0 written as 0.
    mutating func appendNumber(_ value: Double, decimals: Int) {
        guard value.isFinite else { append("null"); return }
        let scale = powersOfTen[decimals]
        let scaled = (value * scale).rounded()
        if scaled == 0 { bytes.append(UInt8(ascii: "0")); return }
        guard abs(scaled) < 9e15 else { appendNumber(value); return }
        let magnitude = UInt64(abs(scaled))
        let divisor = UInt64(scale)
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        appendInteger(Int64(magnitude / divisor))
        var fraction = magnitude % divisor
        guard fraction != 0 else { return }
        var width = decimals
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        bytes.append(UInt8(ascii: "."))
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var index = width - 1
        while fraction > 0 {
            digits[index] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
            index -= 1
        }
        bytes.append(contentsOf: digits)
    }

    mutating func appendInteger(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude == 0 { bytes.append(UInt8(ascii: "0")); return }
        var digits: [UInt8] = []
        while magnitude > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes.append(contentsOf: digits.reversed())
    }

    /// Any JSON value, object keys sorted (byte order of their UTF-8) for stable, diffable output.
    mutating func appendValue(_ value: JSONValue) {
        switch value {
        case .null: append("null")
        case .bool(let flag): flag ? append("true") : append("false")
        case .number(let number): appendNumber(number)
        case .string(let text): appendString(text)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendValue(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted(by: utf8Less).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendString(key)
                bytes.append(UInt8(ascii: ":"))
                appendValue(members[key]!)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Key order independent of locale and Unicode normalization: plain UTF-8 byte order.
func utf8Less(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

private func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 48 + nibble : 87 + nibble }

extension JSONValue {
    /// Compact JSON text, keys sorted, numbers at full precision.
    public var jsonText: String {
        var output = JSONTextOutput()
        output.appendValue(self)
        return output.text
    }
}
