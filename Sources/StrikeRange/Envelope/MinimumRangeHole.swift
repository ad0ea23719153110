import Geodesy
import Geometry

/// The points a launch area cannot reach because of a minimum range r: those closer than r to every
/// point of the area, i.e. the intersection of the r-discs around its points. Only the area's extreme
/// stations can be farthest from a target, so the discs around the convex hull's vertices are
/// intersected first and the rest of the stations only trim what is left. Empty as soon as two stations
/// are more than 2r apart.
struct MinimumRangeHole {
    let geodesic: Geodesic
    let area: LaunchArea
    let radiusMeters: Double
    let allowanceMeters: Double
    let toleranceMeters: Double

    private func disc(_ center: LonLat, _ engine: GeometryEngine) throws -> Geometry {
        try GeodesicCircle(geodesic: geodesic, center: center, radiusMeters: radiusMeters, allowanceMeters: allowanceMeters)
            .disc().materialize(engine)
    }

    func region(_ engine: GeometryEngine) throws -> Geometry {
        let spacing = min(5_000, max(100, radiusMeters / 20))
        var stations = area.points
        for path in area.lines + area.rings {
            stations += PathDensifier.densify(path, toleranceMeters: toleranceMeters, maximumMeters: spacing)
        }
        guard let first = stations.first else { return .multiPolygon(MultiPolygon([])) }
        if stations.allSatisfy({ $0 == first }) { return try disc(first, engine) }

        let hull = try engine.convexHull(.multiPoint(MultiPoint(stations.map { Point(x: $0.longitude, y: $0.latitude) })))
        var extremes = [LonLat]()
        hull.forEachCoordinate { extremes.append(LonLat(longitude: $0.x, latitude: $0.y)) }
        // Two launch points more than 2r apart leave nothing that is within r of both.
        for i in extremes.indices {
            for j in extremes.indices where j > i {
                if geodesic.distanceMeters(extremes[i], extremes[j]) > 2 * radiusMeters + toleranceMeters {
                    return .multiPolygon(MultiPolygon([]))
                }
            }
        }
        var hole = try disc(extremes[0], engine)
        for p in extremes.dropFirst() {
            hole = .multiPolygon(LongitudeWrapping.polygonal(try engine.robustIntersection(hole, disc(p, engine))))
            if try engine.isEmpty(hole) { return hole }
        }
        // Stations off the lon/lat hull can still be farther on the ellipsoid: trim with any that are.
        var vertices = [LonLat]()
        hole.forEachCoordinate { vertices.append(LonLat(longitude: $0.x, latitude: $0.y)) }
        for s in stations {
            let farthest = vertices.reduce(0.0) { max($0, geodesic.distanceMeters(s, $1)) }
            if farthest > radiusMeters + allowanceMeters {
                hole = .multiPolygon(LongitudeWrapping.polygonal(try engine.robustIntersection(hole, disc(s, engine))))
                if try engine.isEmpty(hole) { return hole }
                vertices.removeAll()
                hole.forEachCoordinate { vertices.append(LonLat(longitude: $0.x, latitude: $0.y)) }
            }
        }
        return hole
    }
}
