import Geodesy
import Geometry

/// Last construction step: every output edge whose midpoint is off the range by more than the allowance
/// gets that midpoint moved onto the range (from its nearest launch point, along the same azimuth, out to
/// the range) and both halves are checked again. This mends what chords across cusps and noding left.
struct BoundaryRefinement {
    let geodesic: Geodesic
    let field: GeodesicDistanceField
    let rangeMeters: Double
    let allowanceMeters: Double
    static let maximumDepth = 6

    func refine(_ g: Geometry) -> Geometry {
        .multiPolygon(MultiPolygon(g.polygons.map { p in
            Polygon(exterior: refine(ring: p.exterior), holes: p.holes.map { refine(ring: $0) })
        }))
    }

    private func refine(ring: [Coordinate]) -> [Coordinate] {
        guard ring.count >= 2 else { return ring }
        var out = [ring[0]]
        out.reserveCapacity(ring.count)
        for i in 1..<ring.count {
            split(ring[i - 1], ring[i], depth: 0, into: &out)
            out.append(ring[i])
        }
        return out
    }

    private func split(_ a: Coordinate, _ b: Coordinate, depth: Int, into out: inout [Coordinate]) {
        guard depth < Self.maximumDepth else { return }
        let mid = LonLat(longitude: (a.x + b.x) / 2, latitude: (a.y + b.y) / 2)
        let nearest = field.nearest(mid)
        guard abs(nearest.distanceMeters - rangeMeters) > allowanceMeters, let azimuth = nearest.azimuthDegrees else { return }
        var snapped = geodesic.direct(from: nearest.point, azimuthDegrees: azimuth, distanceMeters: rangeMeters,
                                      unrollLongitude: true).position
        snapped.longitude = LonLatFrame.unroll(snapped.longitude, near: mid.longitude)
        let s = Coordinate(x: snapped.longitude, y: snapped.latitude)
        split(a, s, depth: depth + 1, into: &out)
        out.append(s)
        split(s, b, depth: depth + 1, into: &out)
    }
}
