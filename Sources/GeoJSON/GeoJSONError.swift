/// A reader error: what is wrong and where, as a JSON path such as `features[3].geometry.coordinates[0][2]`.
public struct GeoJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        case emptyInput
        case invalidUTF8
        case invalidJSON(String)          // includes truncated input; the string says what and at which byte
        case wrongType(expected: String, found: String)
        case missingMember(String)
        case unknownType(String)
        case badPositionLength(Int)
        case nonFiniteNumber
        case longitudeOutOfRange(Double)
        case latitudeOutOfRange(Double)
        case unclosedRing
        case tooFewRingPositions(Int)
    }
    public let problem: Problem
    /// "" for the root.
    public let path: String
    public init(_ problem: Problem, path: String) { self.problem = problem; self.path = path }
    public var description: String { fatalError("unimplemented") }
}
