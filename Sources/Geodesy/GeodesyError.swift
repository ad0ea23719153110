/// Errors thrown by the Geodesy module. The message carries PROJ's own text where PROJ produced one.
public struct GeodesyError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case invalidEllipsoid
        case unknownEllipsoid
        case invalidArgument
        case proj
    }
    public let kind: Kind
    public let message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    public var description: String { message }
}
