/// Decodes the bytes of a JSON string body (between the quotes; already validated by the tokenizer).
/// Lone UTF-16 surrogates in `\u` escapes become U+FFFD.
func decodeJSONString(_ bytes: [UInt8], from start: Int, to end: Int, escaped: Bool) -> String {
    guard escaped else { return String(decoding: bytes[start..<end], as: UTF8.self) }
    var output: [UInt8] = []
    output.reserveCapacity(end - start)
    var index = start
    while index < end {
        let byte = bytes[index]
        guard byte == UInt8(ascii: "\\") else {
            output.append(byte)
            index += 1
            continue
        }
        let escape = bytes[index + 1]
        index += 2
        switch escape {
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = readHex4(bytes, at: index)
            index += 4
            if (0xD800...0xDBFF).contains(scalar), index + 6 <= end,
               bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let low = readHex4(bytes, at: index + 2)
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
            }
            let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            output.append(contentsOf: UTF8.encode(character)!)
        default: output.append(escape)  // \" \\ \/
        }
    }
    return String(decoding: output, as: UTF8.self)
}

private func readHex4(_ bytes: [UInt8], at index: Int) -> UInt32 {
    var value: UInt32 = 0
    for offset in 0..<4 { value = value << 4 | (hexValue(bytes[index + offset]) ?? 0) }
    return value
}

/// True when the string token's bytes equal `literal` (compares decoded text when escaped).
func jsonStringEquals(_ bytes: [UInt8], _ token: JSONToken, _ literal: StaticString) -> Bool {
    if token.escaped {
        return decodeJSONString(bytes, from: token.start, to: token.end, escaped: true) == literal.description
    }
    let count = literal.utf8CodeUnitCount
    guard token.end - token.start == count else { return false }
    return literal.withUTF8Buffer { text in
        var index = token.start
        for byte in text {
            if bytes[index] != byte { return false }
            index += 1
        }
        return true
    }
}
