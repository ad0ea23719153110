import Geodesy
import Geometry

/// One row of `reach.csv`: a target against one weapon variant.
public struct ReachRow: Sendable {
    public var targetLabel: String
    public var target: LonLat
    public var weaponID: String
    public var variant: RangeVariant.Kind
    public var rangeMeters: Double
    public var minRangeMeters: Double?
    /// Exact geodesic distance from the launch area (0 inside).
    public var distanceMeters: Double
    public var nearestLaunchPoint: LonLat
    /// Azimuth from the nearest launch point towards the target; nil inside the launch area.
    public var azimuthDegrees: Double?
    /// range − distance; negative when out of range.
    public var marginMeters: Double { rangeMeters - distanceMeters }
    public var verdict: ReachVerdict
}

/// Computes the coverage table. The adapter point for the coverage library of issue #5: the runner only
/// talks to this protocol, so a table implementation can change without touching the writers.
public protocol CoverageTableProvider {
    func coverage(launch: PreparedLaunch, envelopes: [(RangeVariant, RangeEnvelope)], regions: [ResolvedLocation],
                  toleranceMeters: Double) throws -> [RegionCoverage]
}

/// Computes the reach table; the adapter point for the reach library of issue #5.
public protocol ReachTableProvider {
    func reach(launch: PreparedLaunch, variants: [RangeVariant], targets: [ResolvedLocation],
               toleranceMeters: Double) throws -> [ReachRow]
}
