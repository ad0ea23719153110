/// The flat result of the byte-level JSON pass: one token per value or key, containers pointing past their
/// last descendant so the model builder can skip or look members up without re-scanning bytes.
struct JSONToken {
    enum Kind: UInt8 { case object, array, string, key, number, trueValue, falseValue, null }
    var kind: Kind
    /// Strings and keys: the bytes contain backslash escapes and must be decoded.
    var escaped: Bool
    /// Containers: number of elements (arrays) or members (objects).
    var count: Int32
    /// Strings and keys: byte offset after the opening quote. Others: offset of the first byte.
    var start: Int
    /// Strings and keys: byte offset of the closing quote. Containers: index of the first token after the container.
    var end: Int
    /// Numbers: the parsed value (may be non-finite for `1e999`, `NaN`, `Infinity`; the builder rejects those).
    var number: Double
}

extension JSONToken.Kind {
    /// The JSON type name used in `wrongType` errors.
    var jsonTypeName: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string, .key: "string"
        case .number: "number"
        case .trueValue, .falseValue: "boolean"
        case .null: "null"
        }
    }
}
