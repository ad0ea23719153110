import Foundation

/// Interval rings (issue 16): `100km` (every 100 km up to the range) or `50km,150km,300km` (these distances).
/// Each ring is drawn as a certified envelope (or fan) of the same launch area at its distance.
public struct RangeRings: Sendable, Equatable {
    /// Ring distances, metres, ascending, each in (0, range].
    public let distancesMeters: [Double]

    /// Most rings one request may draw (each is a certified envelope).
    public static let maximumCount = 100

    /// - Parameters:
    ///   - text: one distance (an interval) or a comma-separated list of distances, each with a unit.
    ///   - rangeMeters: the largest range drawn; rings beyond it are refused.
    ///   - option: how messages name the setting (`--rings`, or a scenario field).
    /// - Throws: `StrikeRangeError` naming the option and value: a distance that cannot be read (with the accepted
    ///   forms), zero, beyond the range, repeated, or more than `maximumCount` rings.
    public init(parsing text: String, rangeMeters: Double, option: String = "--rings") throws(StrikeRangeError) {
        let parts = text.split(separator: ",").map { String($0).trimmingWhitespace() }
        var values = [Double]()
        for part in parts {
            do {
                values.append(try Distance(parsing: part).meters)
            } catch {
                throw StrikeRangeError("\(option) '\(text)': \(error); give an interval (100km: every 100 km up to the range) or a list (50km,150km,300km)")
            }
        }
        guard !values.isEmpty else {
            throw StrikeRangeError("\(option): no distance given; e.g. \(option) 100km or \(option) 50km,150km,300km")
        }
        let km = { (m: Double) in Self.kmText(m) }
        var distances: [Double]
        if values.count == 1 {
            let step = values[0]
            guard step > 0 else { throw StrikeRangeError("\(option) \(text): the interval must be above 0, e.g. 100km") }
            let count = Int((rangeMeters / step * (1 + 1e-12)).rounded(.down))
            guard count >= 1 else {
                throw StrikeRangeError("\(option) \(text): the interval \(km(step)) is beyond the range \(km(rangeMeters)), so there is no ring; give a shorter interval")
            }
            guard count <= Self.maximumCount else {
                throw StrikeRangeError("\(option) \(text): \(count) rings up to \(km(rangeMeters)); at most \(Self.maximumCount), give a longer interval")
            }
            distances = (1...count).map { Double($0) * step }
        } else {
            distances = values.sorted()
            if let zero = distances.first, zero <= 0 { throw StrikeRangeError("\(option) \(text): a ring at \(km(zero)) is no ring; give distances above 0") }
            if let beyond = distances.last, beyond > rangeMeters * (1 + 1e-12) {
                throw StrikeRangeError("\(option) \(text): the ring at \(km(beyond)) is beyond the range \(km(rangeMeters)); rings are drawn within range")
            }
            for (a, b) in zip(distances, distances.dropFirst()) where a == b {
                throw StrikeRangeError("\(option) \(text): \(km(a)) is given twice")
            }
            guard distances.count <= Self.maximumCount else {
                throw StrikeRangeError("\(option) \(text): \(distances.count) rings; at most \(Self.maximumCount)")
            }
        }
        distancesMeters = distances.map { min($0, rangeMeters) }
    }

    /// "100 km", "12.5 km".
    public static func kmText(_ meters: Double) -> String {
        let km = (meters / 1000 * 1000).rounded() / 1000
        return km == km.rounded() ? "\(Int(km)) km" : "\(km) km"
    }
}
