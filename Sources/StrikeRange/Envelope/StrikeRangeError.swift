/// Errors from envelope, reach and coverage computations: each names the field and the value.
public struct StrikeRangeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
