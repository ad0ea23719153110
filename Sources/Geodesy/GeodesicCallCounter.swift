import Foundation

/// How many geodesic problems were solved, by kind. Inverse-equivalents weigh each kind by its cost
/// relative to `geod_inverse` (measured with `Scripts/bench-geodesic`: inverse ≈ 0.75 µs, a line position
/// ≈ 0.14 µs on the 2-core reference machine), so a test can bound the work of an operation without timing it.
public struct GeodesicCallCounts: Sendable, Hashable, CustomStringConvertible {
    /// `geod_inverse` / `geod_geninverse`.
    public var inverse = 0
    /// `geod_direct` / `geod_gendirect`.
    public var direct = 0
    /// `geod_inverseline` / `geod_directline` (setting up a line costs about one inverse).
    public var lineSolves = 0
    /// `geod_genposition` on a line.
    public var linePositions = 0
    /// Distance queries answered (`GeodesicDistanceField` reports each one), for solves per query.
    public var distanceQueries = 0

    public init(inverse: Int = 0, direct: Int = 0, lineSolves: Int = 0, linePositions: Int = 0, distanceQueries: Int = 0) {
        self.inverse = inverse; self.direct = direct; self.lineSolves = lineSolves; self.linePositions = linePositions
        self.distanceQueries = distanceQueries
    }

    /// Cost in units of one inverse: inverse and line set-up 1, direct 0.5, line position 0.2.
    public var inverseEquivalents: Double {
        Double(inverse + lineSolves) + 0.5 * Double(direct) + 0.2 * Double(linePositions)
    }

    public static func - (l: Self, r: Self) -> Self {
        Self(inverse: l.inverse - r.inverse, direct: l.direct - r.direct,
             lineSolves: l.lineSolves - r.lineSolves, linePositions: l.linePositions - r.linePositions,
             distanceQueries: l.distanceQueries - r.distanceQueries)
    }
    public static func + (l: Self, r: Self) -> Self {
        Self(inverse: l.inverse + r.inverse, direct: l.direct + r.direct,
             lineSolves: l.lineSolves + r.lineSolves, linePositions: l.linePositions + r.linePositions,
             distanceQueries: l.distanceQueries + r.distanceQueries)
    }

    public var description: String {
        "inverse=\(inverse) direct=\(direct) line_solves=\(lineSolves) line_positions=\(linePositions) distance_queries=\(distanceQueries)"
    }
}

/// A tally of the solves made through every `Geodesic` (and `GeodesicLine`) that carries it
/// (`Geodesic.counting(into:)`). Thread-safe: workers of one operation may share it. A `Geodesic` without
/// a counter (the default) pays one nil check per call and nothing else; there is no global state.
public final class GeodesicCallCounter: @unchecked Sendable {
    public enum Kind: Sendable { case inverse, direct, lineSolve, linePosition, distanceQuery }
    // NSLock rather than Synchronization.Atomic: the package still supports macOS 13.
    private let lock = NSLock()
    private var tally = GeodesicCallCounts()

    public init() {}

    /// The counts so far.
    public var counts: GeodesicCallCounts {
        lock.lock(); defer { lock.unlock() }
        return tally
    }

    public func add(_ kind: Kind) {
        lock.lock()
        switch kind {
        case .inverse: tally.inverse += 1
        case .direct: tally.direct += 1
        case .lineSolve: tally.lineSolves += 1
        case .linePosition: tally.linePositions += 1
        case .distanceQuery: tally.distanceQueries += 1
        }
        lock.unlock()
    }
}
