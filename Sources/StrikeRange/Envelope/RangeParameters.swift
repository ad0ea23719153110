/// How the tolerance band is placed around the true range.
public enum Placement: String, Sendable, CaseIterable {
    /// Boundary distance within ±t of the range.
    case center
    /// Never understates reach: boundary distance in [R, R + t] (for the minimum range: [r − t, r]).
    case outer
    /// Never overstates reach: boundary distance in [R − t, R] (for the minimum range: [r, r + t]).
    case inner
}

/// A validated range request: maximum range, optional minimum range, tolerance and placement.
public struct RangeParameters: Sendable, Equatable {
    public let rangeMeters: Double
    public let minRangeMeters: Double?
    public let toleranceMeters: Double
    public let placement: Placement

    /// Smallest tolerance accepted: below a millimetre the lon/lat output (7 decimals ≈ 1 cm) cannot hold it.
    public static let minimumToleranceMeters = 0.001

    /// - Throws: `StrikeRangeError` naming the field and value when a range is not finite and positive,
    ///   the minimum is not below the maximum, or the tolerance is not at least 1 mm.
    public init(rangeMeters: Double, minRangeMeters: Double? = nil, toleranceMeters: Double = 10,
                placement: Placement = .center) throws(StrikeRangeError) {
        guard rangeMeters.isFinite, rangeMeters > 0 else {
            throw StrikeRangeError("range: \(rangeMeters) m is not a positive finite distance; give e.g. --range 300km")
        }
        if let minRangeMeters {
            guard minRangeMeters.isFinite, minRangeMeters >= 0 else {
                throw StrikeRangeError("min-range: \(minRangeMeters) m is not a finite distance ≥ 0")
            }
            guard minRangeMeters < rangeMeters else {
                throw StrikeRangeError("min-range: \(minRangeMeters) m is not below the range \(rangeMeters) m; the minimum range must be smaller than the maximum")
            }
        }
        guard toleranceMeters.isFinite, toleranceMeters >= Self.minimumToleranceMeters else {
            throw StrikeRangeError("tolerance: \(toleranceMeters) m is below the smallest supported tolerance of 1 mm (0.001 m)")
        }
        // Inner and outer move the construction's target by t/2 off the range, and it needs a band of its own
        // around that target: a range (or a gap between range and minimum) within about the tolerance leaves
        // no room, so it is refused here rather than built from a negative radius.
        let name = "--placement \(placement.rawValue)"
        let hint = "give a smaller --tolerance (e.g. --tolerance \(Self.trimmed(max(Self.minimumToleranceMeters, rangeMeters / 4)))m) or --placement center"
        if placement == .inner && rangeMeters <= toleranceMeters {
            throw StrikeRangeError("range: \(Self.meters(rangeMeters)) is not above the tolerance \(Self.meters(toleranceMeters)), which \(name) needs; \(hint)")
        }
        if let minRangeMeters, minRangeMeters > 0 {
            if placement == .outer && minRangeMeters < toleranceMeters {
                throw StrikeRangeError("min-range: \(Self.meters(minRangeMeters)) is below the tolerance \(Self.meters(toleranceMeters)), which \(name) needs for a minimum range; give a smaller --tolerance, --placement center, or leave the minimum range out")
            }
            if placement == .inner && rangeMeters - minRangeMeters <= 2 * toleranceMeters {
                throw StrikeRangeError("min-range: \(Self.meters(minRangeMeters)) is within twice the tolerance (\(Self.meters(2 * toleranceMeters))) of the range \(Self.meters(rangeMeters)), which \(name) needs between them; give a smaller --tolerance or --placement center")
            }
        }
        self.rangeMeters = rangeMeters
        self.minRangeMeters = (minRangeMeters ?? 0) > 0 ? minRangeMeters : nil
        self.toleranceMeters = toleranceMeters
        self.placement = placement
    }

    /// "3 m", "0.25 m", "12.5 km" for messages.
    static func meters(_ value: Double) -> String {
        value >= 10_000 ? "\(trimmed(value / 1000)) km" : "\(trimmed(value)) m"
    }

    /// At most three decimals, without trailing zeros.
    static func trimmed(_ value: Double) -> String {
        var text = format(value, 3)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The distance the construction aims at for the maximum-range boundary, so that its own
    /// error of at most ±t/2 lands inside the band the placement promises.
    var targetRangeMeters: Double {
        switch placement {
        case .center: rangeMeters
        case .outer: rangeMeters + toleranceMeters / 2
        case .inner: rangeMeters - toleranceMeters / 2
        }
    }

    /// Same for the minimum-range boundary: "outer" (never understate reach) pulls it inwards.
    var targetMinRangeMeters: Double? {
        guard let r = minRangeMeters else { return nil }
        switch placement {
        case .center: return r
        case .outer: return r - toleranceMeters / 2
        case .inner: return r + toleranceMeters / 2
        }
    }

    /// Half-width of the band the construction may use around its target.
    var constructionAllowanceMeters: Double {
        placement == .center ? toleranceMeters * 0.6 : toleranceMeters * 0.4
    }
}
