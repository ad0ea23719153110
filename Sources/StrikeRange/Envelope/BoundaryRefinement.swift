import Geodesy
import Geometry

/// Last construction step: every output edge whose midpoint is off the range by more than the allowance
/// gets that midpoint moved onto the range (from its nearest launch point, along the same azimuth, out to
/// the range) and both halves are checked again; vertices off the range are moved onto it the same way.
/// This mends what chords across cusps and noding left.
struct BoundaryRefinement {
    // Queries walk along the boundary, so the previous answer's piece seeds the next search. Points on an
    // envelope's boundary are never inside the launch area, so the inside test is skipped.
    final class Hint { var piece = -1 }
    let hint = Hint()
    private func nearest(_ q: LonLat) -> NearestLaunchPoint { field.nearestOnBoundary(q, hint: &hint.piece) }

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

    private func refine(ring unsnapped: [Coordinate]) -> [Coordinate] {
        guard unsnapped.count >= 2 else { return unsnapped }
        // Vertices made by noding where two chords cross are not on the range exactly; put them on it.
        var ring = unsnapped.map { snapped($0, thresholdMeters: allowanceMeters * 0.25) }
        ring[ring.count - 1] = ring[0]
        var out = [ring[0]]
        out.reserveCapacity(ring.count)
        for i in 1..<ring.count {
            split(ring[i - 1], ring[i], depth: 0, into: &out)
            out.append(ring[i])
        }
        return out
    }

    /// `c` moved onto the range: from its nearest launch point, along the same azimuth, out to the range.
    /// At a cusp two launch points are nearly equally near and one move can bring the point closer to the
    /// other, so the move is repeated (alternating between them converges on the cusp) and the best
    /// position seen is kept, never one worse than where it started.
    private func snapped(_ c: Coordinate, thresholdMeters: Double) -> Coordinate {
        var current = LonLat(longitude: c.x, latitude: c.y)
        var found = nearest(current)
        var best = (point: current, error: abs(found.distanceMeters - rangeMeters))
        var step = 0
        while best.error > thresholdMeters, step < 6, let azimuth = found.azimuthDegrees {
            current = geodesic.direct(from: found.point, azimuthDegrees: azimuth, distanceMeters: rangeMeters,
                                      unrollLongitude: true).position
            current.longitude = LonLatFrame.unroll(current.longitude, near: c.x)
            found = nearest(current)
            let error = abs(found.distanceMeters - rangeMeters)
            if error < best.error { best = (current, error) }
            step += 1
        }
        return Coordinate(x: best.point.longitude, y: best.point.latitude)
    }

    private func split(_ a: Coordinate, _ b: Coordinate, depth: Int, into out: inout [Coordinate]) {
        guard depth < Self.maximumDepth else { return }
        let mid = Coordinate(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
        let error = abs(nearest(LonLat(longitude: mid.x, latitude: mid.y)).distanceMeters - rangeMeters)
        guard error > allowanceMeters * 0.75 else { return }
        let s = snapped(mid, thresholdMeters: allowanceMeters * 0.25)
        guard s != mid else { return }
        split(a, s, depth: depth + 1, into: &out)
        out.append(s)
        split(s, b, depth: depth + 1, into: &out)
    }
}
