import ArgumentParser
import StrikeRange

/// Checks for the positional numbers of `geodesic inverse|direct`.
enum GeodesicArgument {
    /// A finite number of degrees; latitudes also within [-90, 90].
    static func degrees(_ text: String, name: String, latitude: Bool) throws -> Double {
        guard let value = Double(text), value.isFinite else {
            throw ValidationError("\(name) '\(text)' is not a finite number of degrees")
        }
        if latitude && !(-90...90).contains(value) {
            throw ValidationError("\(name) \(text) is out of range: latitudes must be in [-90, 90]")
        }
        return value
    }
}

/// `--range 300km` style options elsewhere in the CLI read a `Distance` through this conformance.
/// (ArgumentParser shows a generic message when this returns nil; commands wanting the detailed reason
/// use `Distance(parsing:)` in a transform or in `validate()`.)
extension Distance: ExpressibleByArgument {
    public init?(argument: String) {
        guard let d = try? Distance(parsing: argument) else { return nil }
        self = d
    }
}
