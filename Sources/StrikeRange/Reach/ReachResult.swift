import Geodesy

/// The answer for one target and one weapon.
public struct ReachResult: Sendable, Hashable {
    /// Index of the target in the input (0-based) and of the weapon in the calculator's list.
    public var targetIndex: Int
    public var weaponIndex: Int
    /// The point that stands for the target: the target itself, or a polygon's point nearest to the launch area.
    public var targetPoint: LonLat
    /// Exact geodesic distance (m) from the launch area to `targetPoint`; 0 inside the launch area.
    public var distanceMeters: Double
    /// The nearest launch point (the target point itself when inside the launch area).
    public var nearestLaunchPoint: LonLat
    /// Forward azimuth (degrees, clockwise from north, [0, 360): a compass bearing) at the nearest launch point towards the target;
    /// nil when the target is inside the launch area.
    public var azimuthDegrees: Double?
    /// range − distance (m); negative when out of range.
    public var marginMeters: Double
    /// Distance (m) to the farthest launch point; only computed when the weapon has a minimum range.
    public var farthestMeters: Double?
    public var verdict: ReachVerdict
}
