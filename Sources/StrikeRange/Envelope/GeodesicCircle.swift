#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geodesy
import Geometry

/// The geodesic circle {X : distance(center, X) = radius} as a lon/lat ring whose straight edges stay
/// within an allowance of the true circle, and the disc it bounds as a `GlobeRegion`.
struct GeodesicCircle {
    let geodesic: Geodesic
    let center: LonLat
    let radiusMeters: Double
    /// Largest admissible |distance − radius| at any point of the ring's edges.
    let allowanceMeters: Double

    /// Beyond this radius points are found from the antipode (see `antipodalRing`).
    static let antipodalThresholdMeters = 9_000_000.0

    /// The disc of points within the radius.
    func disc() -> GlobeRegion {
        if radiusMeters >= geodesic.maximumDistanceMeters { return .globe }
        if radiusMeters > Self.antipodalThresholdMeters {
            guard let ring = antipodalRing() else { return .globe }
            return GlobeRegion.bounded(by: ring, center: center)
        }
        return GlobeRegion.bounded(by: ring(), center: center)
    }

    /// Whether the circle comes near a pole or is large, where the lon/lat picture bends and the
    /// closed-form vertex count is not trusted.
    var needsAdaptiveSampling: Bool {
        let poleGapMeters = (90 - abs(center.latitude)) * 111_000
        if radiusMeters > 2_000_000 || poleGapMeters < radiusMeters + 1_500_000 { return true }
        // A straight lon/lat edge of length L bows away from the geodesic by about L²·tan|φ|/(8a);
        // the closed form ignores that, so it is only used while the bow is a small part of the allowance.
        let n = 2 * Double.pi / (2 * acos(max(-1, 1 - 1.8 * allowanceMeters / radiusMeters)))
        let edgeMeters = 2 * Double.pi * radiusMeters / n
        let highestLatitude = min(89.9, abs(center.latitude) + radiusMeters / 111_000)
        let bowMeters = edgeMeters * edgeMeters * tan(highestLatitude * .pi / 180) / (8 * 6_378_137)
        return bowMeters > 0.15 * allowanceMeters
    }

    /// Closed ring (first == last), unrolled longitudes, in increasing azimuth order (clockwise on the map).
    func ring() -> [LonLat] {
        needsAdaptiveSampling ? adaptiveRing() : mirroredRing()
    }

    /// Longitudes made continuous along the ring, so a ring around a pole ends 360° from where it began.
    private func continuous(_ ring: [LonLat]) -> [LonLat] {
        LonLatFrame.unrollPath(ring, near: ring.first?.longitude ?? center.longitude)
    }

    /// Evenly spaced azimuths with the count from the chord formula, vertices pushed out by half the sag so
    /// edges straddle the circle, and the circle's mirror symmetry about the centre's meridian used to
    /// solve only half of it. Only every k-th vertex (knots at most 5° of azimuth apart) is solved exactly:
    /// with the reduced length m12 each knot also gives the circle's tangent there (the circle crosses every
    /// radial geodesic at right angles, Gauss's lemma), and the vertices between knots follow a cubic
    /// Hermite curve in lon/lat, which departs from the circle by about r·h⁴/384 (8 cm at 300 km).
    func mirroredRing() -> [LonLat] {
        let sagMeters = 1.8 * allowanceMeters
        let step = 2 * acos(max(-1, 1 - sagMeters / radiusMeters))
        let wanted = max(16, Int((2 * .pi / step).rounded(.up)))
        let k = max(1, Int((Self.maximumKnotSpacingRadians / (2 * .pi / Double(wanted))).rounded(.down)))
        // Half the vertex count is a multiple of k, so knots fall on azimuths 0° and 180° for the mirror.
        let n = Int((Double(wanted) / Double(2 * k)).rounded(.up)) * 2 * k
        let actualSag = radiusMeters * (1 - cos(.pi / Double(n)))
        let vertexRadius = radiusMeters + actualSag / 2
        let half = n / 2
        let knotCount = half / k
        let e2 = geodesic.ellipsoid.flattening * (2 - geodesic.ellipsoid.flattening)
        let a = geodesic.ellipsoid.semiMajorAxisMeters
        var knots = [LonLat](), slopes = [(longitude: Double, latitude: Double)]()
        knots.reserveCapacity(knotCount + 1)
        slopes.reserveCapacity(knotCount + 1)
        for j in 0...knotCount {
            let azimuth = Double(j * k) * 360 / Double(n)
            let (end, m12) = geodesic.directWithReducedLength(from: center, azimuthDegrees: azimuth, distanceMeters: vertexRadius)
            // The end point moves at m12 metres per radian of azimuth, at right angles to the arrival
            // direction (to its right as the azimuth grows): east m12·cos(azi2), north −m12·sin(azi2).
            let phi = end.latitude * .pi / 180
            let w2 = 1 - e2 * sin(phi) * sin(phi)
            let meridionalRadius = a * (1 - e2) / (w2 * w2.squareRoot())
            let parallelRadius = a / w2.squareRoot() * cos(phi)
            let arrival = end.azimuth2Degrees * .pi / 180
            knots.append(end.position)
            slopes.append((longitude: m12 * cos(arrival) / parallelRadius * 180 / .pi,
                           latitude: -m12 * sin(arrival) / meridionalRadius * 180 / .pi))
        }
        // Azimuth 0 and 180 lie on the centre's meridian; fix their longitude exactly.
        knots[0].longitude = center.longitude
        knots[knotCount].longitude = center.longitude
        let h = Double(k) * 2 * .pi / Double(n)
        var east = [LonLat]()
        east.reserveCapacity(half + 1)
        east.append(knots[0])
        for j in 0..<knotCount {
            let p0 = knots[j], p1 = knots[j + 1], m0 = slopes[j], m1 = slopes[j + 1]
            for i in 1..<k {
                let t = Double(i) / Double(k)
                let t2 = t * t, t3 = t2 * t
                let h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t, h01 = -2 * t3 + 3 * t2, h11 = t3 - t2
                east.append(LonLat(longitude: h00 * p0.longitude + h10 * h * m0.longitude + h01 * p1.longitude + h11 * h * m1.longitude,
                                   latitude: h00 * p0.latitude + h10 * h * m0.latitude + h01 * p1.latitude + h11 * h * m1.latitude))
            }
            east.append(p1)
        }
        var ring = east
        ring.reserveCapacity(n + 1)
        for i in stride(from: half - 1, through: 0, by: -1) {
            let p = east[i]
            ring.append(LonLat(longitude: 2 * center.longitude - p.longitude, latitude: p.latitude))
        }
        return ring
    }

    /// Largest azimuth step between exactly solved vertices of `mirroredRing` (5°).
    static let maximumKnotSpacingRadians = 5 * Double.pi / 180

    /// Bisection in azimuth until every edge's lon/lat midpoint is within the allowance of the radius.
    func adaptiveRing() -> [LonLat] {
        continuous(sampledRing { azimuth in
            geodesic.direct(from: center, azimuthDegrees: azimuth, distanceMeters: radiusMeters, unrollLongitude: true).position
        })
    }

    /// 64 evenly spaced azimuths, each gap bisected until its lon/lat midpoint is within the allowance.
    private func sampledRing(_ point: (Double) -> LonLat) -> [LonLat] {
        let start = 64
        var ring = [point(0)]
        var previous = (azimuth: 0.0, point: ring[0])
        for k in 1...start {
            let azimuth = Double(k) * 360 / Double(start)
            let next = point(azimuth)
            refine(from: previous, to: (azimuth, next), depth: 0, point: point, into: &ring)
            ring.append(next)
            previous = (azimuth, next)
        }
        return ring
    }

    func refine(from a: (azimuth: Double, point: LonLat), to b: (azimuth: Double, point: LonLat), depth: Int,
                        point: (Double) -> LonLat, into ring: inout [LonLat]) {
        let mid = LonLat(longitude: (a.point.longitude + b.point.longitude) / 2, latitude: (a.point.latitude + b.point.latitude) / 2)
        let d = geodesic.distanceMeters(center, mid)
        guard abs(d - radiusMeters) > allowanceMeters * 0.9, depth < 24 else { return }
        let azimuth = (a.azimuth + b.azimuth) / 2
        let m = point(azimuth)
        refine(from: a, to: (azimuth, m), depth: depth + 1, point: point, into: &ring)
        ring.append(m)
        refine(from: (azimuth, m), to: b, depth: depth + 1, point: point, into: &ring)
    }

    /// For radii beyond a hemisphere the geodesic from the centre may pass its cut locus before reaching
    /// the radius, so `geod_direct` from the centre is not the shortest path. Instead walk out from the
    /// antipode along each azimuth and solve distance(center, X) = radius for the walk length.
    /// Returns nil when nothing is beyond the radius (the disc is the globe).
    func antipodalRing() -> [LonLat]? {
        let antipode = LonLat(longitude: center.longitude + 180, latitude: -center.latitude)
        let farthest = geodesic.distanceMeters(center, antipode)
        if farthest <= radiusMeters + allowanceMeters { return nil }
        func walk(_ s: Double, _ azimuth: Double) -> (point: LonLat, excessMeters: Double) {
            let x = geodesic.direct(from: antipode, azimuthDegrees: azimuth, distanceMeters: s, unrollLongitude: true).position
            return (x, geodesic.distanceMeters(center, x) - radiusMeters)
        }
        // Solve distance(center, X(s)) = radius for the walk length s by a bracketed secant (Illinois).
        // A plain fixed-point step "one metre of distance per metre walked" crawls where the distance
        // falls only quadratically, along the equator near an equatorial centre's antipode (the cut locus):
        // 30 such steps left points hundreds of metres off, and the ring's bisection then never met its
        // allowance and ran for ever (#9, `--from 0,0 --range 20003000m`).
        func point(_ azimuth: Double) -> LonLat {
            // distance is 1-Lipschitz, so the root lies at or beyond the excess at the antipode.
            var low = (s: 0.0, excess: farthest - radiusMeters)
            var high = (s: low.excess, excess: 0.0)
            var best = walk(high.s, azimuth)
            high.excess = best.excessMeters
            while high.excess > 0 && high.s < geodesic.maximumDistanceMeters {
                low = high
                high.s = min(2 * high.s + 1, geodesic.maximumDistanceMeters)
                best = walk(high.s, azimuth)
                high.excess = best.excessMeters
            }
            var lastMovedLow = false, lastMovedHigh = false
            for _ in 0..<100 where abs(best.excessMeters) >= 1e-4 && high.s - low.s > 1e-7 {
                var fLow = low.excess, fHigh = high.excess
                if lastMovedLow { fHigh /= 2 }
                if lastMovedHigh { fLow /= 2 }
                var s = low.s + (high.s - low.s) * fLow / (fLow - fHigh)
                if !(s > low.s && s < high.s) { s = (low.s + high.s) / 2 }
                best = walk(s, azimuth)
                if best.excessMeters > 0 {
                    low = (s, best.excessMeters); lastMovedLow = true; lastMovedHigh = false
                } else {
                    high = (s, best.excessMeters); lastMovedHigh = true; lastMovedLow = false
                }
            }
            return best.point
        }
        return continuous(sampledRing(point))
    }
}

extension Geodesic {
    /// The greatest geodesic distance between two points of the ellipsoid: half a meridian (for an oblate
    /// ellipsoid the shortest path between antipodal equatorial points runs over a pole).
    public var maximumDistanceMeters: Double {
        inverse(latitude1: 0, longitude1: 0, latitude2: 0, longitude2: 180).distanceMeters
    }
}
