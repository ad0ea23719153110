import Foundation
import GeoJSON

/// Typed, tolerant reads of a feature's properties: a missing, null or wrongly typed optional
/// property reads as nil (the data grows fields over time; older folders must still load).
struct FeatureProperties {
    let members: [String: JSONValue]

    init(_ value: JSONValue) {
        if case let .object(members) = value { self.members = members } else { self.members = [:] }
    }

    /// A non-empty string, with NE's "-99" (no value) read as nil.
    func string(_ key: String) -> String? {
        guard case let .string(text)? = members[key] else { return nil }
        // Foundation's trimming is slow and the data is almost always clean: trim only when needed.
        let trimmed = (text.first?.isWhitespace ?? false) || (text.last?.isWhitespace ?? false)
            ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text
        return trimmed.isEmpty || trimmed == "-99" ? nil : trimmed
    }

    func number(_ key: String) -> Double? {
        switch members[key] {
        case let .number(value)?: return value
        case let .string(text)?: return Double(text)
        default: return nil
        }
    }

    /// An array of strings, or a single string split on commas; missing reads as empty.
    func strings(_ key: String) -> [String] {
        switch members[key] {
        case let .array(items)?:
            return items.compactMap { if case let .string(s) = $0, !s.isEmpty { return s } else { return nil } }
        case let .string(text)?:
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        default:
            return []
        }
    }
}
