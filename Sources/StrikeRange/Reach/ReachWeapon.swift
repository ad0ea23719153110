/// One range to test targets against: a catalog weapon variant ("atacms" "nominal") or a custom range.
public struct ReachWeapon: Sendable, Equatable {
    /// Catalog id, or "custom" for --range.
    public var id: String
    /// "nominal", "low", "high" (the reported spread) or "custom".
    public var variant: String
    public var parameters: RangeParameters

    public init(id: String, variant: String, parameters: RangeParameters) {
        self.id = id; self.variant = variant; self.parameters = parameters
    }

    /// A catalog weapon's variants (`Weapon.rangeVariants(spread:)`: the nominal range, and with `spread` the
    /// low and high reported maxima where they differ from it).
    /// - Throws: `StrikeRangeError` when the tolerance is invalid.
    public static func variants(of weapon: Weapon, spread: Bool, toleranceMeters: Double) throws(StrikeRangeError) -> [ReachWeapon] {
        var out = [ReachWeapon]()
        for variant in weapon.rangeVariants(spread: spread) {
            out.append(ReachWeapon(id: weapon.id, variant: variant.name, parameters: try RangeParameters(
                rangeMeters: variant.rangeMeters, minRangeMeters: weapon.minRangeMeters, toleranceMeters: toleranceMeters)))
        }
        return out
    }
}
