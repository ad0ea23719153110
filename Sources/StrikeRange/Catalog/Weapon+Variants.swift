extension Weapon {
    /// One reported maximum range of a weapon: "nominal", or with the spread "low" and "high".
    public struct RangeVariant: Sendable, Equatable {
        public var name: String
        public var rangeMeters: Double
    }

    /// The one rule for a weapon's variants, used by `envelope`, `reach`, `coverage` and `run`: the nominal
    /// range, and with `spread` the low and high reported maxima, each only where it differs from the
    /// nominal one (issue 10: `envelope --spread` wrote a "high" envelope identical to the nominal one,
    /// which `run` left out).
    public func rangeVariants(spread: Bool) -> [RangeVariant] {
        var out = [RangeVariant(name: "nominal", rangeMeters: rangeMeters)]
        guard spread else { return out }
        if rangeLowMeters != rangeMeters { out.append(RangeVariant(name: "low", rangeMeters: rangeLowMeters)) }
        if rangeHighMeters != rangeMeters { out.append(RangeVariant(name: "high", rangeMeters: rangeHighMeters)) }
        return out
    }
}
