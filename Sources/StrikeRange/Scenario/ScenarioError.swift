/// A scenario file that cannot be used: the file, the line and column (1-based) and the field, then why.
/// Printed as `FILE:LINE:COLUMN: field 'weapons[1].id': unknown weapon 'atacmz'; did you mean atacms?`.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based; nil when the problem is the whole file (empty, unreadable).
    public let line: Int?
    public let column: Int?
    /// Dotted path of the field (`weapons[1].range`); empty for the document itself.
    public let field: String
    public let message: String
    /// Further problems found in the same pass (the resolver reports every entry that does not resolve
    /// at once, so fixing a scenario does not take one rerun per mistake).
    public let more: [ScenarioError]

    public init(file: String, line: Int?, column: Int?, field: String, message: String, more: [ScenarioError] = []) {
        self.file = file; self.line = line; self.column = column; self.field = field; self.message = message
        self.more = more
    }

    /// One error holding all of `errors` (which must not be empty), in order.
    static func combining(_ errors: [ScenarioError]) -> ScenarioError {
        let first = errors[0]
        return ScenarioError(file: first.file, line: first.line, column: first.column, field: first.field,
                             message: first.message, more: Array(errors.dropFirst()))
    }

    /// `errors` sorted by line and column, so a combined report reads top to bottom.
    static func inFileOrder(_ errors: [ScenarioError]) -> [ScenarioError] {
        errors.enumerated().sorted { ($0.element.line ?? 0, $0.element.column ?? 0, $0.offset) < ($1.element.line ?? 0, $1.element.column ?? 0, $1.offset) }
            .map(\.element)
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        let head = field.isEmpty ? "\(place): \(message)" : "\(place): field '\(field)': \(message)"
        guard !more.isEmpty else { return head }
        return ([head] + more.map(\.description)).joined(separator: "\n") + "\n\(more.count + 1) problems in \(file)"
    }
}
