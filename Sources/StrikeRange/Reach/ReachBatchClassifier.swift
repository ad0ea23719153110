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
    let pool: ReachWorkerPool<ClassifierWorker>

    /// Envelope offset in tolerances (see the type's comment).
    static let bandTolerances = 3.0

    /// Builds the bracketing envelopes for `calculator.weapons[weaponIndex]` (a few hundred ms for a country).
    /// - Throws: envelope construction errors.
    public init(calculator: ReachCalculator, weaponIndex: Int, builder: EnvelopeBuilder = EnvelopeBuilder()) throws {
        self.calculator = calculator
        self.weaponIndex = weaponIndex
        let p = calculator.weapons[weaponIndex].parameters
        let t = p.toleranceMeters, band = Self.bandTolerances * t
        let launch = calculator.launch
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
        let shapes = (inner, outerNoHole, innerNoHole, outer)
        pool = ReachWorkerPool { try ClassifierWorker(shapes) }
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
        let slices = ReachParallel.ranges(longitudes.count, threads: calculator.threadCount)
        let pool = self.pool, calculator = self.calculator, weaponIndex = self.weaponIndex
        let parts = try ReachParallel.map(slices: slices.count, threads: calculator.threadCount) { k in
            let worker = try pool.checkOut()
            defer { pool.checkIn(worker) }
            let range = slices[k]
            return try worker.classify(x: Array(longitudes[range]), y: Array(latitudes[range]),
                                       calculator: calculator, weaponIndex: weaponIndex)
        }
        var stats = Statistics(points: longitudes.count)
        var verdicts = [ReachVerdict]()
        verdicts.reserveCapacity(longitudes.count)
        for part in parts { verdicts += part.verdicts; stats.exact += part.exact }
        return (verdicts, stats)
    }
}

/// One thread's prepared envelopes (and, lazily, its exact evaluator). Not `Sendable`.
final class ClassifierWorker {
    let engine: GeometryEngine
    let inner: PreparedGeometry?
    let outerNoHole: PreparedGeometry
    let innerNoHole: PreparedGeometry?
    let outer: PreparedGeometry?

    init(_ shapes: (MultiPolygon?, MultiPolygon, MultiPolygon?, MultiPolygon?)) throws {
        let engine = GeometryEngine()
        self.engine = engine
        inner = try shapes.0.map { try engine.prepare(.multiPolygon($0)) }
        outerNoHole = try engine.prepare(.multiPolygon(shapes.1))
        innerNoHole = try shapes.2.map { try engine.prepare(.multiPolygon($0)) }
        outer = try shapes.3.map { try engine.prepare(.multiPolygon($0)) }
    }

    func classify(x: [Double], y: [Double], calculator: ReachCalculator, weaponIndex: Int) throws -> (verdicts: [ReachVerdict], exact: Int) {
        // The outer test first, on every point; the others only on the points it covers (often half or less).
        let inOuterNoHole = try outerNoHole.coversPoints(x: x, y: y)
        let covered = x.indices.filter { inOuterNoHole[$0] }
        let cx = covered.map { x[$0] }, cy = covered.map { y[$0] }
        func spread(_ sub: [Bool]?) -> [Bool] {
            var full = [Bool](repeating: false, count: x.count)
            if let sub { for (k, i) in covered.enumerated() { full[i] = sub[k] } }
            return full
        }
        let inInner = spread(try inner?.coversPoints(x: cx, y: cy))
        let hasMinimum = calculator.weapons[weaponIndex].parameters.minRangeMeters != nil
        let inInnerNoHole = hasMinimum ? spread(try innerNoHole?.coversPoints(x: cx, y: cy)) : inInner
        // Without an outer hole (minimum range ≤ 3t) nothing is certainly inside the minimum range.
        let inOuter = hasMinimum ? (try outer.map { spread(try $0.coversPoints(x: cx, y: cy)) } ?? inOuterNoHole) : inOuterNoHole
        var verdicts = [ReachVerdict](repeating: .withinTolerance, count: x.count)
        var band = [Int]()
        for i in x.indices {
            if inInner[i] { verdicts[i] = .inRange }
            else if !inOuterNoHole[i] { verdicts[i] = .outOfRange }
            else if hasMinimum && inInnerNoHole[i] && !inOuter[i] { verdicts[i] = .insideMinRange }
            else { band.append(i) }
        }
        if !band.isEmpty {
            try calculator.withEvaluator { evaluator in
                for i in band {
                    let target = ReachTarget(name: "", point: LonLat(longitude: x[i], latitude: y[i]))
                    verdicts[i] = try evaluator.evaluate(target)[weaponIndex].verdict
                }
            }
        }
        return (verdicts, band.count)
    }
}
