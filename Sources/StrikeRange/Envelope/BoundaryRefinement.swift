#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    /// For output already cut at ±180° and closed along ±90° whose corners were not placed by the
    /// construction (`StationDiscEnvelope`): vertices on the cut slide along it onto the range, edges along
    /// the cut or a pole are left alone (they are where the output was cut or closed, not range bounds),
    /// and chords across a corner where two range circles meet get the corner as a vertex. The offset
    /// construction places its cusps itself (`OffsetCurve`), so it leaves this off.
    var keepsFrameEdges = false
    static let maximumDepth = 6

    private func isFrameVertex(_ c: Coordinate) -> Bool { keepsFrameEdges && (abs(c.x) == 180 || abs(c.y) == 90) }
    private func isFrameEdge(_ a: Coordinate, _ b: Coordinate) -> Bool {
        keepsFrameEdges && ((abs(a.x) == 180 && a.x == b.x) || (abs(a.y) == 90 && a.y == b.y))
    }

    func refine(_ g: Geometry) -> Geometry {
        .multiPolygon(MultiPolygon(g.polygons.map { p in
            Polygon(exterior: refine(ring: p.exterior), holes: p.holes.map { refine(ring: $0) })
        }))
    }

    private func refine(ring unsnapped: [Coordinate]) -> [Coordinate] {
        guard unsnapped.count >= 2 else { return unsnapped }
        // Vertices made by noding where two chords cross are not on the range exactly; put them on it.
        var ring = unsnapped.map { c -> Coordinate in
            guard isFrameVertex(c) else { return snapped(c, thresholdMeters: allowanceMeters * 0.25) }
            return abs(c.y) == 90 ? c : snappedAlongMeridian(c, thresholdMeters: allowanceMeters * 0.25)
        }
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
        var feet = [found.point]
        var step = 0
        while best.error > thresholdMeters, step < 6, let azimuth = found.azimuthDegrees {
            current = geodesic.direct(from: found.point, azimuthDegrees: azimuth, distanceMeters: rangeMeters,
                                      unrollLongitude: true).position
            current.longitude = LonLatFrame.unroll(current.longitude, near: c.x)
            found = nearest(current)
            if feet.count < 2, geodesic.distanceMeters(found.point, feet[0]) > allowanceMeters { feet.append(found.point) }
            let error = abs(found.distanceMeters - rangeMeters)
            if error < best.error { best = (current, error) }
            step += 1
        }
        // Still off after alternating between two launch points: the point is at a corner where two range
        // circles meet; solve for that corner directly.
        if best.error > thresholdMeters, feet.count == 2,
           let corner = corner(of: feet[0], feet[1], near: best.point, maximumStepMeters: 50 * allowanceMeters + 1_000) {
            var q = corner
            q.longitude = LonLatFrame.unroll(q.longitude, near: c.x)
            let error = abs(nearest(q).distanceMeters - rangeMeters)
            if error < best.error { best = (q, error) }
        }
        return Coordinate(x: best.point.longitude, y: best.point.latitude)
    }

    /// A vertex where the output was cut at ±180° moved along that meridian onto the range (secant steps
    /// in latitude), so the cut stays where it is; the best position seen is kept.
    private func snappedAlongMeridian(_ c: Coordinate, thresholdMeters: Double) -> Coordinate {
        func excess(_ latitude: Double) -> Double { nearest(LonLat(longitude: c.x, latitude: latitude)).distanceMeters - rangeMeters }
        var x0 = c.y, f0 = excess(x0)
        var best = (latitude: x0, error: abs(f0))
        // A first step of the excess converted to degrees along the meridian (about 111 km per degree).
        var x1 = min(90, max(-90, x0 - f0 / 111_000)), f1 = excess(x1)
        for _ in 0..<8 {
            if abs(f1) < best.error { best = (x1, abs(f1)) }
            if best.error <= thresholdMeters || f1 == f0 { break }
            let next = min(90, max(-90, x1 - f1 * (x1 - x0) / (f1 - f0)))
            x0 = x1; f0 = f1
            x1 = next; f1 = excess(x1)
        }
        if abs(f1) < best.error { best = (x1, abs(f1)) }
        return Coordinate(x: c.x, y: best.latitude)
    }

    /// The point near `start` at the range from both `p` and `q`, by Newton's method in the local tangent
    /// plane: the gradient of the distance from a point is the unit vector of the arrival azimuth.
    /// Nil when the two circles meet at too shallow an angle for a stable solution.
    private func corner(of p: LonLat, _ q: LonLat, near start: LonLat, maximumStepMeters: Double) -> LonLat? {
        var x = start
        for _ in 0..<8 {
            let a = geodesic.inverse(p, x), b = geodesic.inverse(q, x)
            let fa = a.distanceMeters - rangeMeters, fb = b.distanceMeters - rangeMeters
            if abs(fa) < 1e-3 && abs(fb) < 1e-3 { return x }
            let ta = a.azimuth2Degrees * .pi / 180, tb = b.azimuth2Degrees * .pi / 180
            // Rows (east, north) of the two gradients; solve [ga; gb]·δ = −(fa, fb).
            let det = sin(ta) * cos(tb) - cos(ta) * sin(tb)
            guard abs(det) > 1e-6 else { return nil }
            let east = (-fa * cos(tb) + fb * cos(ta)) / det
            let north = (-fb * sin(ta) + fa * sin(tb)) / det
            let length = (east * east + north * north).squareRoot()
            guard length < maximumStepMeters else { return nil }
            x = geodesic.direct(from: x, azimuthDegrees: atan2(east, north) * 180 / .pi, distanceMeters: length,
                                unrollLongitude: true).position
        }
        return x
    }

    private func split(_ a: Coordinate, _ b: Coordinate, depth: Int, into out: inout [Coordinate]) {
        guard depth < Self.maximumDepth, !isFrameEdge(a, b) else { return }
        let mid = Coordinate(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
        let error = abs(nearest(LonLat(longitude: mid.x, latitude: mid.y)).distanceMeters - rangeMeters)
        var s: Coordinate
        if error > allowanceMeters * 0.75 {
            s = snapped(mid, thresholdMeters: allowanceMeters * 0.25)
        } else if keepsFrameEdges {
            s = mid
        } else {
            return
        }
        // A chord across a corner where two range circles meet keeps bulging however often it is halved:
        // each half's midpoint snaps onto one circle. The corner itself is the vertex that mends it.
        if keepsFrameEdges { s = mendingCorner(a, b, mid: mid, snapped: s) }
        guard s != mid else { return }
        split(a, s, depth: depth + 1, into: &out)
        out.append(s)
        split(s, b, depth: depth + 1, into: &out)
    }

    /// A chord whose ends have different nearest launch points may cross a corner, where the deviation
    /// peaks, perhaps near an end while the midpoint looks fine. Whether it does is settled by solving
    /// for the corner (`mendingCorner`): on a smooth stretch the two circles meet where the distance to
    /// the launch area is below the range, and the candidate is rejected.
    private func cornerFeet(_ a: Coordinate, _ b: Coordinate) -> (LonLat, LonLat)? {
        let footA = nearest(LonLat(longitude: a.x, latitude: a.y)).point
        let footB = nearest(LonLat(longitude: b.x, latitude: b.y)).point
        // Circles about feet nearer than this meet within the allowance of either circle's own arc.
        let negligible = (2 * min(rangeMeters, 2_000_000) * allowanceMeters).squareRoot()
        return geodesic.distanceMeters(footA, footB) > negligible ? (footA, footB) : nil
    }

    private func mendingCorner(_ a: Coordinate, _ b: Coordinate, mid: Coordinate, snapped s: Coordinate) -> Coordinate {
        if let (footA, footB) = cornerFeet(a, b),
           case let chord = geodesic.distanceMeters(LonLat(longitude: a.x, latitude: a.y), LonLat(longitude: b.x, latitude: b.y)),
           let c = corner(of: footA, footB, near: LonLat(longitude: mid.x, latitude: mid.y), maximumStepMeters: chord + 1_000) {
            let q = LonLat(longitude: LonLatFrame.unroll(c.longitude, near: mid.x), latitude: c.latitude)
            // The corner must lie on this chord's stretch, and not at one of its ends (already a vertex).
            let atAnEnd = [a, b].contains { geodesic.distanceMeters(q, LonLat(longitude: $0.x, latitude: $0.y)) < allowanceMeters }
            if !atAnEnd, abs(nearest(q).distanceMeters - rangeMeters) <= allowanceMeters * 0.25,
               geodesic.distanceMeters(q, LonLat(longitude: mid.x, latitude: mid.y)) < chord {
                return Coordinate(x: q.longitude, y: q.latitude)
            }
        }
        return s
    }
}
