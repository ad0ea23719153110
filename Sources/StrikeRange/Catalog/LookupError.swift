import Foundation

/// A name, code or identifier that matched nothing, or more than one thing.
public enum LookupError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// Nothing matched `query`. `what` is "weapon", "region", "place"…; `suggestions` are the closest known names.
    case unknown(what: String, query: String, suggestions: [String])
    /// `query` matched several things; `candidates` describe each with what to type to pick it.
    case ambiguous(what: String, query: String, candidates: [String])
    /// Both countries are known but the data has no land border between them.
    case noBorder(String, String)

    public var description: String {
        switch self {
        case let .unknown(what, query, suggestions):
            var text = "unknown \(what) '\(query)'"
            if !suggestions.isEmpty {
                text += "; did you mean: " + suggestions.joined(separator: ", ") + "?"
            }
            return text
        case let .ambiguous(what, query, candidates):
            return "'\(query)' matches more than one \(what):\n"
                + candidates.map { "  \($0)" }.joined(separator: "\n")
                + "\nGive the code or the prefixed form shown at the start of a line instead."
        case let .noBorder(a, b):
            return "the data has no land border between \(a) and \(b)"
        }
    }
    public var errorDescription: String? { description }
}
