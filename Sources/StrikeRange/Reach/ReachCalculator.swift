import Foundation
import Geodesy
import Geometry

/// Which targets each weapon can reach from a launch area, by exact geodesic distance (WGS84).
///
/// Built from the launch area after `LaunchShaping` (`PreparedLaunch`) and the weapons to test. `Sendable`:
/// it holds the prepared launch and builds one `ReachEvaluator` (distance field + GEOS engine) per worker
/// thread on demand; `evaluate` spreads targets over `threadCount` threads and keeps input order.
public struct ReachCalculator: Sendable {
    public let prepared: PreparedLaunch
    /// The shaped launch geometry (lon/lat degrees).
    public var launch: Geometry { prepared.geometry }
    public let weapons: [RangeVariant]
    /// Worker threads for batches (default: every active core).
    public let threadCount: Int
    public let geodesic: Geodesic
    let evaluators: WorkerPool<ReachEvaluator>

    /// Error budget (m) of the distance field's geodesic pieces: distances are good to a few millimetres,
    /// whatever the verdict tolerance.
    public static let distanceToleranceMeters = 0.1
    /// Spacing (m) at which a polygon or line target's boundary is searched for its nearest point.
    public static let targetSpacingMeters = 100.0

    /// - Parameters:
    ///   - launch: the launch geometry (lon/lat degrees), already shaped.
    ///   - weapons: the ranges to test; at least one.
    ///   - threadCount: worker threads for batches, ≥ 1.
    /// - Throws: `StrikeRangeError` when the launch geometry is empty or no weapon is given.
    public init(launch: Geometry, weapons: [RangeVariant],
                threadCount: Int = ProcessInfo.processInfo.activeProcessorCount,
                geodesic: Geodesic = .wgs84) throws {
        guard !weapons.isEmpty else { throw StrikeRangeError("reach: give at least one weapon or range") }
        try self.init(launch: try PreparedLaunch(launch), weapons: weapons, threadCount: threadCount, geodesic: geodesic)
    }

    /// Same, from a launch area prepared once (`PreparedLaunch`).
    public init(launch: PreparedLaunch, weapons: [RangeVariant],
                threadCount: Int = ProcessInfo.processInfo.activeProcessorCount,
                geodesic: Geodesic = .wgs84) throws {
        guard !weapons.isEmpty else { throw StrikeRangeError("reach: give at least one weapon or range") }
        self.prepared = launch
        self.weapons = weapons
        self.threadCount = max(1, threadCount)
        self.geodesic = geodesic
        evaluators = WorkerPool {
            try ReachEvaluator(launch: launch, weapons: weapons,
                               fieldToleranceMeters: Self.distanceToleranceMeters,
                               targetSpacingMeters: Self.targetSpacingMeters, geodesic: geodesic)
        }
    }

    /// A new evaluator for the calling thread (not `Sendable`: keep it on one thread or task).
    public func makeEvaluator() throws -> ReachEvaluator {
        try ReachEvaluator(launch: prepared, weapons: weapons,
                           fieldToleranceMeters: Self.distanceToleranceMeters,
                           targetSpacingMeters: Self.targetSpacingMeters, geodesic: geodesic)
    }

    /// Exact results for a batch: `result[i]` holds one `ReachResult` per weapon for `targets[i]`, with
    /// `targetIndex = firstIndex + i`. Work is spread over `threadCount` threads; order is the input's.
    public func evaluate(_ targets: [ReachTarget], firstIndex: Int = 0) throws -> [[ReachResult]] {
        let slices = ParallelWork.slices(targets.count, threads: threadCount)
        let pool = evaluators
        let parts = try ParallelWork.map(count: slices.count, workers: threadCount, makeState: {}) { _, k in
            let evaluator = try pool.checkOut()
            defer { pool.checkIn(evaluator) }
            return try slices[k].map { try evaluator.evaluate(targets[$0], targetIndex: firstIndex + $0) }
        }
        return parts.flatMap { $0 }
    }

    /// Builds one evaluator per worker thread up front (in parallel), so batch timings and the first chunk
    /// do not pay for distance-field construction (a few hundred ms for a country).
    public func prepareWorkers() throws {
        try evaluators.prepare(threadCount)
    }

    /// Runs `body` with a pooled evaluator (one of the per-thread ones `evaluate` uses).
    func withEvaluator<T>(_ body: (ReachEvaluator) throws -> T) throws -> T {
        let evaluator = try evaluators.checkOut()
        defer { evaluators.checkIn(evaluator) }
        return try body(evaluator)
    }
}
