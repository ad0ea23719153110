/// A non-negative length in metres, as read from user input such as `300km`, `5000m`, `186mi`, `162nmi`.
/// The parser is hand-written: Foundation's `MeasurementFormatter` formats but does not parse, and the forms are
/// few. The `distance` fuzz harness (Tests/Fuzz) checks that any text gives a finite distance or the typed error.
public struct Distance: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Metres, finite and ≥ 0.
    public var meters: Double

    public init(meters: Double) { self.meters = meters }

    /// Accepted units and their length in metres; mile = international statute mile, nmi = international nautical mile.
    public static let units: [(suffix: String, meters: Double)] = [
        ("km", 1000), ("m", 1), ("mi", 1609.344), ("nmi", 1852),
    ]
    /// One line listing the accepted forms, for error and help messages.
    public static let acceptedForms = "a non-negative number followed by a unit: 300km, 5000m, 186mi, 162nmi or 1.5 km "
        + "(units km, m, mi, nmi; case-insensitive; a space is allowed)"

    /// Parses a number followed by a unit (case-insensitive, optional space): `300km`, `1.5 km`, `186MI`.
    /// - Throws: `DistanceParseError` naming the value and listing the accepted forms when the unit is
    ///   missing or unknown, or the number is negative, NaN, infinite, not a number, or so large that the
    ///   length in metres would be infinite.
    public init(parsing text: String) throws(DistanceParseError) {
        let trimmed = text.trimmingWhitespace()
        // Split where the unit letters start: "1.5e3 km" must keep its exponent, so scan from the end.
        var unitStart = trimmed.lastIndex { !$0.isLetter }.map { trimmed.index(after: $0) } ?? trimmed.startIndex
        // "nankm", "infkm": the number is itself letters; take the longest known unit that leaves a number,
        // so the message says "must be finite" rather than "unknown unit 'nankm'".
        if !Self.units.contains(where: { $0.suffix == trimmed[unitStart...].lowercased() }),
           let suffix = Self.units.map(\.suffix).sorted(by: { $0.count > $1.count }).first(where: {
               trimmed.lowercased().hasSuffix($0) && Double(trimmed.dropLast($0.count).trimmingWhitespace()) != nil
           }) {
            unitStart = trimmed.index(trimmed.endIndex, offsetBy: -suffix.count)
        }
        let numberText = trimmed[..<unitStart].trimmingWhitespace()
        let unitText = trimmed[unitStart...].lowercased()
        guard !unitText.isEmpty else { throw DistanceParseError(text: text, reason: "the unit is missing") }
        guard let unit = Self.units.first(where: { $0.suffix == unitText }) else {
            throw DistanceParseError(text: text, reason: "unknown unit '\(trimmed[unitStart...])'")
        }
        guard !numberText.isEmpty, let value = Double(numberText) else {
            throw DistanceParseError(text: text, reason: "'\(numberText)' is not a number")
        }
        guard value.isFinite else { throw DistanceParseError(text: text, reason: "the number must be finite") }
        guard value >= 0 else { throw DistanceParseError(text: text, reason: "a distance cannot be negative") }
        // 1e308km is a finite number but not a finite length in metres.
        guard (value * unit.meters).isFinite else { throw DistanceParseError(text: text, reason: "the number is too large") }
        meters = value * unit.meters
    }

    public static func < (a: Distance, b: Distance) -> Bool { a.meters < b.meters }
    public var description: String { "\(meters)m" }
}

/// A distance that could not be read; the message names the value and lists the accepted forms.
public struct DistanceParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input as given.
    public let text: String
    public let reason: String
    public var description: String { "invalid distance '\(text)': \(reason); expected \(Distance.acceptedForms)" }
}

private extension StringProtocol {
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
