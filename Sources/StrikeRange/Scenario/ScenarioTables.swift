import Geodesy
import Geometry

/// One row of `coverage.csv`: how much of a region one weapon variant covers.
public struct CoverageRow: Sendable {
    public var regionLabel: String
    public var regionCode: String
    public var weaponID: String
    public var variant: String
    public var rangeMeters: Double
    /// "area" (km²) for polygonal regions, "length" (km) for lines such as borders.
    public var measure: String
    /// Whole region: area in m² or length in m.
    public var total: Double
    /// Part within range: m² or m.
    public var inRange: Double
    /// "full", "partial" or "none".
    public var status: String
    public var nearestMeters: Double
    public var farthestMeters: Double
    /// The part of the region in range (for the coverage layer).
    public var inRangeGeometry: Geometry
    public var percent: Double { total > 0 ? inRange / total * 100 : 0 }
}

/// One row of `reach.csv`: a target against one weapon variant.
public struct ReachRow: Sendable {
    public var targetLabel: String
    public var target: LonLat
    public var weaponID: String
    public var variant: String
    public var rangeMeters: Double
    public var minRangeMeters: Double?
    /// Exact geodesic distance from the launch area (0 inside).
    public var distanceMeters: Double
    public var nearestLaunchPoint: LonLat
    /// Azimuth from the nearest launch point towards the target; nil inside the launch area.
    public var azimuthDegrees: Double?
    /// range − distance; negative when out of range.
    public var marginMeters: Double { rangeMeters - distanceMeters }
    /// `in_range`, `out_of_range`, `inside_min_range` or `within_tolerance`.
    public var verdict: String
}

/// Computes the coverage table. The adapter point for the coverage library of issue #5: the runner only
/// talks to this protocol, so a table implementation can change without touching the writers.
public protocol CoverageTableProvider {
    func coverage(launch: Geometry, envelopes: [(ScenarioWeaponVariant, RangeEnvelope)], regions: [ResolvedLocation],
                  toleranceMeters: Double) throws -> [CoverageRow]
}

/// Computes the reach table; the adapter point for the reach library of issue #5.
public protocol ReachTableProvider {
    func reach(launch: Geometry, variants: [ScenarioWeaponVariant], targets: [ResolvedLocation],
               toleranceMeters: Double) throws -> [ReachRow]
}
