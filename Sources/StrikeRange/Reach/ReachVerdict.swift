/// Whether a target can be hit by one weapon from the launch area.
public enum ReachVerdict: String, Sendable, Hashable, CaseIterable {
    /// Nearest launch distance ≤ range − tolerance, and (with a minimum range) some launch point at least
    /// minimum range + tolerance away.
    case inRange = "in_range"
    /// Nearest launch distance ≥ range + tolerance.
    case outOfRange = "out_of_range"
    /// Closer than the minimum range to EVERY launch point (farthest launch distance ≤ minimum − tolerance).
    case insideMinRange = "inside_min_range"
    /// |range − distance| or |farthest − minimum| below the tolerance: too close to call.
    case withinTolerance = "within_tolerance"
    /// In range, but its initial azimuth from the launch lies outside the fan's sector (a scenario's
    /// `sector:`), by more than the tolerance measured across the side.
    case outsideSector = "outside_sector"

    /// The verdict from exact distances.
    /// - Parameters:
    ///   - distanceMeters: geodesic distance from the target to the nearest point of the launch area (0 inside).
    ///   - farthestMeters: distance to the farthest launch point; only consulted when `minRangeMeters` is set.
    ///   - rangeMeters, minRangeMeters, toleranceMeters: the weapon's envelope; tolerance > 0.
    public static func classify(distanceMeters: Double, farthestMeters: () -> Double,
                                rangeMeters: Double, minRangeMeters: Double?, toleranceMeters: Double) -> ReachVerdict {
        let margin = rangeMeters - distanceMeters
        if abs(margin) < toleranceMeters { return .withinTolerance }
        if margin < 0 { return .outOfRange }
        guard let r = minRangeMeters, r > 0 else { return .inRange }
        let farthest = farthestMeters()
        if abs(farthest - r) < toleranceMeters { return .withinTolerance }
        return farthest < r ? .insideMinRange : .inRange
    }
}
