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

    /// The nominal entry of a catalog weapon, and with `spread` its low and high reported maxima.
    /// - Throws: `StrikeRangeError` when the tolerance is invalid.
    public static func variants(of weapon: Weapon, spread: Bool, toleranceMeters: Double) throws(StrikeRangeError) -> [ReachWeapon] {
        var out = [ReachWeapon(id: weapon.id, variant: "nominal", parameters: try RangeParameters(
            rangeMeters: weapon.rangeMeters, minRangeMeters: weapon.minRangeMeters, toleranceMeters: toleranceMeters))]
        if spread {
            out.append(ReachWeapon(id: weapon.id, variant: "low", parameters: try RangeParameters(
                rangeMeters: weapon.rangeLowMeters, minRangeMeters: weapon.minRangeMeters, toleranceMeters: toleranceMeters)))
            out.append(ReachWeapon(id: weapon.id, variant: "high", parameters: try RangeParameters(
                rangeMeters: weapon.rangeHighMeters, minRangeMeters: weapon.minRangeMeters, toleranceMeters: toleranceMeters)))
        }
        return out
    }
}
