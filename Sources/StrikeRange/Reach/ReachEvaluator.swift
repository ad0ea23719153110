import Geodesy
import Geometry

/// Exact reach answers for one thread: owns a `GeodesicDistanceField` and a `GeometryEngine`, neither of
/// which is `Sendable`. Make one per thread or task with `ReachCalculator.makeEvaluator()`.
public final class ReachEvaluator {
    public let weapons: [RangeVariant]
    let field: GeodesicDistanceField
    let engine: GeometryEngine
    let launch: Geometry
    let geodesic: Geodesic
    /// Target boundaries are densified to this spacing (m) when a polygon or line stands for a target.
    let targetSpacingMeters: Double

    init(launch: PreparedLaunch, weapons: [RangeVariant], fieldToleranceMeters: Double,
         targetSpacingMeters: Double, geodesic: Geodesic) throws {
        self.launch = launch.geometry
        self.weapons = weapons
        self.geodesic = geodesic
        self.targetSpacingMeters = targetSpacingMeters
        field = try launch.distanceField(toleranceMeters: fieldToleranceMeters, geodesic: geodesic)
        engine = GeometryEngine()
    }

    /// One result per weapon for `target`, `targetIndex` copied into each.
    /// - Throws: `StrikeRangeError` for an empty target geometry; `GeometryError` from the overlap test.
    public func evaluate(_ target: ReachTarget, targetIndex: Int = 0) throws -> [ReachResult] {
        let nearest = try nearestPoint(of: target)
        let needsFarthest = weapons.contains { $0.parameters.minRangeMeters != nil }
        var farthest: Double?
        func farthestOnce() -> Double {
            if let farthest { return farthest }
            let value = field.farthestDistanceMeters(nearest.target)
            farthest = value
            return value
        }
        return weapons.enumerated().map { w, weapon in
            let p = weapon.parameters
            let verdict = ReachVerdict.classify(
                distanceMeters: nearest.launch.distanceMeters, farthestMeters: farthestOnce,
                rangeMeters: p.rangeMeters, minRangeMeters: p.minRangeMeters, toleranceMeters: p.toleranceMeters)
            return ReachResult(
                targetIndex: targetIndex, weaponIndex: w, targetPoint: nearest.target,
                distanceMeters: nearest.launch.distanceMeters, nearestLaunchPoint: Self.wrapped(nearest.launch.point),
                azimuthDegrees: nearest.launch.azimuthDegrees.map(Self.compassDegrees), marginMeters: p.rangeMeters - nearest.launch.distanceMeters,
                farthestMeters: needsFarthest && p.minRangeMeters != nil ? farthestOnce() : nil, verdict: verdict)
        }
    }

    /// A geodesic azimuth in (-180, 180] as a compass bearing in [0, 360), the way people read a heading
    /// (issue 10: "-6.29" for a target just west of north).
    static func compassDegrees(_ azimuth: Double) -> Double {
        let bearing = azimuth < 0 ? azimuth + 360 : azimuth
        return bearing >= 360 ? 0 : bearing
    }

    /// Exact nearest launch point to a lon/lat point (0 inside the launch area).
    public func nearest(_ point: LonLat) -> NearestLaunchPoint { field.nearest(point) }

    /// Distance (m) from a point to the farthest point of the launch area.
    public func farthestDistanceMeters(_ point: LonLat) -> Double { field.farthestDistanceMeters(point) }

    /// The point standing for the target and its nearest launch point. A point target is itself; a polygon
    /// or line overlapping the launch area gives a point of the overlap (distance 0); otherwise its
    /// boundary, densified to `targetSpacingMeters`, is searched for the point nearest to the launch area.
    func nearestPoint(of target: ReachTarget) throws -> (target: LonLat, launch: NearestLaunchPoint) {
        if let p = target.pointCoordinate { return (p, field.nearest(p)) }
        var paths = [[LonLat]]()
        Self.collectPaths(target.geometry, into: &paths)
        guard !paths.isEmpty else {
            throw StrikeRangeError("target \(target.name): the geometry has no coordinates")
        }
        if try engine.intersects(target.geometry, launch) {
            let overlap = try engine.intersection(target.geometry, launch)
            if let c = try engine.pointOnSurface(overlap).coordinate {
                let p = LonLat(longitude: c.x, latitude: c.y)
                return (p, NearestLaunchPoint(distanceMeters: 0, point: p, azimuthDegrees: nil))
            }
        }
        var best: (target: LonLat, launch: NearestLaunchPoint)?
        for path in paths {
            let dense = PathDensifier.densify(path, toleranceMeters: 1e9, maximumMeters: targetSpacingMeters)
            for p in dense {
                let n = field.nearest(p)
                if best == nil || n.distanceMeters < best!.launch.distanceMeters { best = (p, n) }
            }
        }
        return best!
    }

    private static func collectPaths(_ g: Geometry, into out: inout [[LonLat]]) {
        func path(_ cs: [Coordinate]) -> [LonLat] { cs.map { LonLat(longitude: $0.x, latitude: $0.y) } }
        switch g {
        case .point(let p): if let c = p.coordinate { out.append(path([c])) }
        case .multiPoint(let m): for p in m.points { if let c = p.coordinate { out.append(path([c])) } }
        case .lineString(let l): if !l.coordinates.isEmpty { out.append(path(l.coordinates)) }
        case .multiLineString(let m): for l in m.lineStrings where !l.coordinates.isEmpty { out.append(path(l.coordinates)) }
        case .polygon(let p): for r in [p.exterior] + p.holes where !r.isEmpty { out.append(path(r)) }
        case .multiPolygon(let m): for p in m.polygons { for r in [p.exterior] + p.holes where !r.isEmpty { out.append(path(r)) } }
        case .geometryCollection(let c): for g in c.geometries { collectPaths(g, into: &out) }
        }
    }

    /// Launch points come back in the field's unrolled frame; output longitudes are in [-180, 180].
    static func wrapped(_ p: LonLat) -> LonLat {
        var lon = p.longitude.truncatingRemainder(dividingBy: 360)
        if lon > 180 { lon -= 360 } else if lon < -180 { lon += 360 }
        return LonLat(longitude: lon, latitude: p.latitude)
    }
}
