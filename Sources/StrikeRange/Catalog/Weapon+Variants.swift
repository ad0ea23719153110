extension Weapon {
    /// The one rule for a weapon's variants, used by `envelope`, `reach`, `inrange`, `coverage`, `run` and
    /// `serve`: the nominal range, and with `spread` the low and high reported maxima, each only where it
    /// differs from the nominal one (issue 10: `envelope --spread` wrote a "high" envelope identical to the
    /// nominal one, which `run` left out).
    public func variantRanges(spread: Bool) -> [(kind: RangeVariant.Kind, rangeMeters: Double)] {
        var out: [(kind: RangeVariant.Kind, rangeMeters: Double)] = [(.nominal, rangeMeters)]
        guard spread else { return out }
        if rangeLowMeters != rangeMeters { out.append((.low, rangeLowMeters)) }
        if rangeHighMeters != rangeMeters { out.append((.high, rangeHighMeters)) }
        return out
    }

    /// This weapon's variants (`variantRanges(spread:)`) with the request's tolerance and placement.
    /// - Parameter weaponIndex: position of the weapon in the request (one colour per weapon).
    /// - Throws: `StrikeRangeError` when the tolerance (or a catalog range) is invalid.
    public func variants(spread: Bool, toleranceMeters: Double, placement: Placement = .center,
                         weaponIndex: Int = 0) throws(StrikeRangeError) -> [RangeVariant] {
        var out = [RangeVariant]()
        for (kind, range) in variantRanges(spread: spread) {
            let parameters = try RangeParameters(rangeMeters: range, minRangeMeters: minRangeMeters,
                                                 toleranceMeters: toleranceMeters, placement: placement)
            out.append(RangeVariant(weaponID: id, weaponName: name, kind: kind, parameters: parameters,
                                    sources: sources.map(\.citation), weaponIndex: weaponIndex))
        }
        return out
    }
}
