/// Errors from GEOS, carrying GEOS's own message (captured by the context's error handler).
public struct GeometryError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case geos            // GEOS reported an error (message is GEOS's text)
        case invalidInput    // a value could not be turned into GEOS geometry (e.g. unclosed ring)
        case unsupported
    }
    public let kind: Kind
    public let message: String
    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }
    public var description: String { message }
}
