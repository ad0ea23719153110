/// One range to test regions against: a catalog weapon variant (or a hand-given range) and its parameters.
public struct CoverageRange: Sendable {
    /// Weapon id, or "custom" for a hand-given range.
    public var weapon: String
    /// "nominal", "low" or "high" for catalog spreads, "custom" otherwise.
    public var variant: String
    public var parameters: RangeParameters
    public init(weapon: String, variant: String, parameters: RangeParameters) {
        self.weapon = weapon; self.variant = variant; self.parameters = parameters
    }
}
