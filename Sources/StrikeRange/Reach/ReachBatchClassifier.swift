import Foundation
import Geodesy
import Geometry

/// Fast in/out verdicts for large batches of points and one weapon, from prebuilt envelopes.
///
/// Two envelopes bracket the range boundary: an inner one at range − 3t (minimum range + 3t) and an outer
/// one at range + 3t (minimum range − 3t), each built with tolerance t, so their boundaries are at least
/// 2t inside / outside the true one. A point covered by the inner envelope is `in_range`; one outside the
/// outer envelope's maximum-range region is `out_of_range`; one inside the inner maximum-range region but
/// in the outer envelope's minimum-range hole is `inside_min_range`. Only points in the band between the
/// envelopes get the exact distance (`ReachEvaluator`), so every verdict equals the exact one.
public struct ReachBatchClassifier: Sendable {
    public let calculator: ReachCalculator
    public let weaponIndex: Int
    /// Covered ⇒ in range. Nil when range − 3t leaves nothing (every point then goes to the exact path).
    let inner: MultiPolygon?
    /// Not covered ⇒ out of range (maximum-range region only, no hole).
    let outerNoHole: MultiPolygon
    /// With a minimum range: the inner maximum-range region without a hole, and the outer envelope with
    /// its (smaller) hole; covered by the first and not by the second ⇒ inside the minimum range.
    let innerNoHole: MultiPolygon?
    let outer: MultiPolygon?
    let innerIndex: PolygonRowIndex?, outerNoHoleIndex: PolygonRowIndex
    let innerNoHoleIndex: PolygonRowIndex?, outerIndex: PolygonRowIndex?

    /// Envelope offset in tolerances (see the type's comment).
    static let bandTolerances = 3.0

    /// Builds the bracketing envelopes for `calculator.weapons[weaponIndex]` (a few hundred ms for a country).
    /// - Throws: envelope construction errors.
    public init(calculator: ReachCalculator, weaponIndex: Int, builder: EnvelopeBuilder = EnvelopeBuilder()) throws {
        self.calculator = calculator
        self.weaponIndex = weaponIndex
        let p = calculator.weapons[weaponIndex].parameters
        let t = p.toleranceMeters, band = Self.bandTolerances * t
        let launch = calculator.prepared
        func envelope(_ range: Double, _ minimum: Double?) throws -> MultiPolygon? {
            guard range > 0 else { return nil }
            let m = (minimum ?? 0) > 0 ? minimum : nil
            if let m, m >= range { return nil }
            return try builder.build(launch: launch, parameters: RangeParameters(
                rangeMeters: range, minRangeMeters: m, toleranceMeters: t)).geometry
        }
        outerNoHole = try envelope(p.rangeMeters + band, nil)!
        if let r = p.minRangeMeters {
            inner = try envelope(p.rangeMeters - band, r + band)
            innerNoHole = try envelope(p.rangeMeters - band, nil)
            outer = r - band > 0 ? try envelope(p.rangeMeters + band, r - band) : nil
        } else {
            inner = try envelope(p.rangeMeters - band, nil)
            innerNoHole = nil
            outer = nil
        }
        innerIndex = inner.map(PolygonRowIndex.init)
        outerNoHoleIndex = PolygonRowIndex(outerNoHole)
        innerNoHoleIndex = innerNoHole.map(PolygonRowIndex.init)
        outerIndex = outer.map(PolygonRowIndex.init)
    }

    /// Counts of a batch classification: how many points needed the exact distance.
    public struct Statistics: Sendable {
        public var points = 0
        public var exact = 0
    }

    /// Verdicts for points given as longitude/latitude arrays (degrees, same count), in input order,
    /// spread over the calculator's threads.
    public func classify(longitudes: [Double], latitudes: [Double]) throws -> (verdicts: [ReachVerdict], statistics: Statistics) {
        precondition(longitudes.count == latitudes.count, "longitudes and latitudes must have the same count")
        let slices = ParallelWork.slices(longitudes.count, threads: calculator.threadCount)
        let parts = try ParallelWork.map(count: slices.count, workers: calculator.threadCount, makeState: {}) { _, k in
            try classifySlice(longitudes, latitudes, slices[k])
        }
        var stats = Statistics(points: longitudes.count)
        var verdicts = [ReachVerdict]()
        verdicts.reserveCapacity(longitudes.count)
        for part in parts { verdicts += part.verdicts; stats.exact += part.exact }
        return (verdicts, stats)
    }

    /// The envelope verdict for one point, nil when it lies in the band between the envelopes.
    public func envelopeVerdict(longitude x: Double, latitude y: Double) -> ReachVerdict? {
        guard outerNoHoleIndex.contains(x: x, y: y) else { return .outOfRange }
        if innerIndex?.contains(x: x, y: y) == true { return .inRange }
        if let innerNoHoleIndex, innerNoHoleIndex.contains(x: x, y: y) {
            // Without an outer hole (minimum range ≤ 3t) nothing is certainly inside the minimum range.
            if let outerIndex, !outerIndex.contains(x: x, y: y) { return .insideMinRange }
        }
        return nil
    }

    private func classifySlice(_ x: [Double], _ y: [Double], _ range: Range<Int>) throws -> (verdicts: [ReachVerdict], exact: Int) {
        var verdicts = [ReachVerdict](repeating: .withinTolerance, count: range.count)
        var band = [Int]()
        for (k, i) in range.enumerated() {
            if let v = envelopeVerdict(longitude: x[i], latitude: y[i]) { verdicts[k] = v } else { band.append(k) }
        }
        if !band.isEmpty {
            let weaponIndex = self.weaponIndex
            try calculator.withEvaluator { evaluator in
                for k in band {
                    let i = range.lowerBound + k
                    verdicts[k] = try evaluator.evaluate(ReachTarget(name: "", point: LonLat(longitude: x[i], latitude: y[i])))[weaponIndex].verdict
                }
            }
        }
        return (verdicts, band.count)
    }
}
