import Geometry

/// How much of a region lies in range.
public enum CoverageStatus: String, Sendable, Hashable, CaseIterable {
    /// The part out of range is empty or negligible (see `CoverageCalculator.negligibleFraction`).
    case full
    case partial
    /// The part in range is empty or negligible.
    case none
}

/// The coverage of one region by one range.
public struct RegionCoverage: Sendable {
    /// Position of the region in the calculator's input.
    public var regionIndex: Int
    public var regionName: String
    public var regionCode: String?
    public var kind: CoverageRegion.Kind
    /// Position of the range in the calculator's input.
    public var rangeIndex: Int
    public var weapon: String
    public var variant: RangeVariant.Kind
    public var parameters: RangeParameters
    /// Geodesic area (m², `.area`) or length (m, `.line`) of the whole region.
    public var totalMeasure: Double
    /// Same unit: the part of the region inside the range envelope.
    public var inRangeMeasure: Double
    /// 100 · inRange / total, in [0, 100].
    public var percent: Double
    public var status: CoverageStatus
    /// Geodesic distance (m) from the launch area to the region's nearest point; 0 when they intersect.
    public var nearestDistanceMeters: Double
    /// Geodesic distance (m) from the launch area to the region's farthest point (max over the region of
    /// the distance to the launch area).
    public var farthestDistanceMeters: Double
    /// The in-range part in lon/lat, kept only when the calculator was asked for geometry; nil when empty.
    public var inRangeGeometry: Geometry?
}
