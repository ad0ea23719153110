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

    public init(file: String, line: Int?, column: Int?, field: String, message: String) {
        self.file = file; self.line = line; self.column = column; self.field = field; self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return field.isEmpty ? "\(place): \(message)" : "\(place): field '\(field)': \(message)"
    }
}
