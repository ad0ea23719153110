import Foundation
import Geodesy
import Geometry

/// Range fans from a launch line (issue 16): a coast, a border or a ship's track with an azimuth sector.
///
/// What is built: the set of points x for which SOME launch point p on the line (any point of any part, the
/// line's edges read as straight in lon/lat as RFC 7946 draws them) has r ≤ d(p, x) ≤ R and an initial geodesic
/// azimuth from p to x (measured at p, degrees true, clockwise) in the sector. The minimum range is per launch
/// point: x nearer than r to one launch point still qualifies through another one at r or more, so it only cuts
/// what no launch point reaches at r..R inside the sector. Points in the launch geometry count as lines of one
/// vertex.
///
/// How: the line is densified into stations; every station's fan ring is sampled at one shared set of radial
/// distances and arc azimuths (refined until every straight lon/lat edge of every station's ring is within the
/// chord limit of the true curve), so that vertex k of consecutive rings is the same boundary point carried along
/// the line. The union of the stations' fans and of the quadrilaterals swept by each ring edge between
/// consecutive stations is the fan of the whole line (a point reached from a launch point between two stations
/// is inside one of the two fans or crossed by the moving boundary); the stations are bisected until the middle
/// station's ring is within the chord limit of the swept quadrilaterals' sides. Topology is done in the launch
/// area's unrolled lon/lat frame (GEOS overlay), then cut at ±180°. Certified by `LineFanCertifier`.
///
/// Limits: ranges up to `FanBuilder.maximumRangeMeters`; a fan containing a pole, or a launch line within a
/// degree of one, is refused (the lon/lat frame cannot hold it). Areas are refused: their boundary as a line is
/// the natural reading, and the user can give it so.
public struct LineFanBuilder: Sendable {
    public let geodesic: Geodesic
    public init(geodesic: Geodesic = .wgs84) { self.geodesic = geodesic }

    /// - Throws: `StrikeRangeError` for an area launch, a range beyond 10,000 km, a fan reaching a pole, or
    ///   the overlay's error.
    public func build(launch: PreparedLaunch, parameters: RangeParameters, sector: RangeSector, option: String = "--sector") throws -> RangeEnvelope {
        guard parameters.rangeMeters <= FanBuilder.maximumRangeMeters else {
            throw StrikeRangeError("\(option): fans are drawn up to 10,000 km (a quarter meridian), not \(Int(parameters.rangeMeters / 1000)) km; beyond it the radial geodesics stop being the shortest paths")
        }
        let area = launch.area
        guard area.rings.isEmpty else {
            throw StrikeRangeError("\(option): range fans are drawn from points and lines, not from areas; for a fan from every point of an area's boundary give the boundary as a line (a GeoJSON LineString), or leave the sector out for a full envelope")
        }
        let chordLimit = parameters.toleranceMeters * (parameters.placement == .center ? 0.25 : 0.15)
        let far = parameters.targetRangeMeters, near = parameters.targetMinRangeMeters
        let spacing = min(10_000, max(1_000, parameters.rangeMeters / 20))
        var chains = area.lines.map { PathDensifier.densify($0, toleranceMeters: chordLimit, maximumMeters: spacing) } + area.points.map { [$0] }
        for c in chains.joined() {
            guard abs(c.latitude) < 89 else {
                throw StrikeRangeError("\(option): the launch point \(c.latitude),\(c.longitude) is within a degree of a pole; fans are not drawn from there")
            }
            for pole in [90.0, -90.0] {
                let r = geodesic.inverse(c, LonLat(longitude: 0, latitude: pole))
                // Any azimuth from the launch point leads to the pole along the meridian; the fan holds the pole
                // when that meridian's azimuth is in the sector and the pole within range.
                if r.distanceMeters <= far + parameters.toleranceMeters, sector.contains(pole > 0 ? 0 : 180) {
                    throw StrikeRangeError("\(option): the fan from \(c.latitude),\(c.longitude) reaches the \(pole > 0 ? "North" : "South") Pole; fans containing a pole are not supported (shorten the range or turn the sector away from the pole)")
                }
            }
        }
        var shape = FanShape(geodesic: geodesic, sector: sector, farMeters: far, nearMeters: near, chordLimitMeters: chordLimit)
        shape.refine(centers: Array(chains.joined()))
        chains = chains.map { refineStations($0, shape: shape, limitMeters: chordLimit) }
        shape.refine(centers: Array(chains.joined()))

        var parts = [Geometry]()
        for chain in chains {
            let rings = chain.map { shape.ring(center: $0) }
            for ring in rings { parts.append(.polygon(Polygon(exterior: LonLatFrame.coordinates(Self.closedCounterClockwise(ring))))) }
            for (a, b) in zip(rings, rings.dropFirst()) {
                for k in 0..<a.count {
                    let k1 = (k + 1) % a.count
                    if let quad = Self.convexHull([a[k], a[k1], b[k1], b[k]]) { parts.append(.polygon(Polygon(exterior: LonLatFrame.coordinates(quad)))) }
                }
            }
        }
        let engine = GeometryEngine()
        let union = Geometry.multiPolygon(LongitudeWrapping.polygonal(try engine.robustUnaryUnion(parts)))
        let filled = fillingThinHoles(union, thicknessMeters: chordLimit)
        let multi = LongitudeWrapping.polygonal(try LongitudeWrapping.wrap(filled, engine))
        let vertexCount = multi.polygons.reduce(0) { $0 + $1.exterior.count + $1.holes.reduce(0) { $0 + $1.count } }
        return RangeEnvelope(geometry: multi, parameters: parameters, ellipsoid: geodesic.ellipsoid, vertexCount: vertexCount, verification: nil)
    }

    /// The stations with more inserted (by lon/lat bisection of each piece) until the ring of the middle of every
    /// piece is within `limitMeters` of the straight sides of the quadrilaterals swept between its ends.
    func refineStations(_ chain: [LonLat], shape: FanShape, limitMeters: Double) -> [LonLat] {
        guard chain.count >= 2 else { return chain }
        var out = [chain[0]]
        func refine(_ a: LonLat, _ ra: [LonLat], _ b: LonLat, _ rb: [LonLat], depth: Int) {
            let m = LonLat(longitude: (a.longitude + b.longitude) / 2, latitude: (a.latitude + b.latitude) / 2)
            let rm = shape.ring(center: m)
            var worst = 0.0
            for k in 0..<rm.count {
                let mid = LonLat(longitude: (ra[k].longitude + rb[k].longitude) / 2, latitude: (ra[k].latitude + rb[k].latitude) / 2)
                worst = max(worst, Self.localMeters(rm[k], mid))
            }
            if worst > limitMeters && depth < 24 {
                refine(a, ra, m, rm, depth: depth + 1)
                out.append(m)
                refine(m, rm, b, rb, depth: depth + 1)
            }
        }
        var previous = shape.ring(center: chain[0])
        for i in 1..<chain.count {
            let next = shape.ring(center: chain[i])
            refine(chain[i - 1], previous, chain[i], next, depth: 0)
            out.append(chain[i])
            previous = next
        }
        return out
    }

    /// Holes thinner than `thicknessMeters` (twice the area over the perimeter) are overlay crumbs between
    /// swept pieces, not places out of reach: filled. Wider holes (a short line's minimum-range gap) stay.
    private func fillingThinHoles(_ g: Geometry, thicknessMeters: Double) -> Geometry {
        // Local flat measure: the geodesic one of a crumb a few nanodegrees wide can come out as the rest of the
        // globe (orientation lost in rounding), which kept such crumbs as holes.
        func isThin(_ ring: [Coordinate]) -> Bool {
            let points = ring.map(LonLatFrame.lonLat)
            guard let first = points.first else { return true }
            let metersPerDegreeX = 111_320 * cos(first.latitude * .pi / 180), metersPerDegreeY = 110_574.0
            let area = abs(LonLatFrame.signedArea2(points)) / 2 * metersPerDegreeX * metersPerDegreeY
            var perimeter = 0.0
            for (a, b) in zip(points, points.dropFirst()) { perimeter += Self.localMeters(a, b) }
            return perimeter == 0 || 2 * area / perimeter < thicknessMeters
        }
        let polygons = g.polygons.map { p in Polygon(exterior: p.exterior, holes: p.holes.filter { !isThin($0) }) }
        return .multiPolygon(MultiPolygon(polygons.filter { !isThin($0.exterior) }))
    }

    /// Metres between two nearby positions (local flat approximation; a refinement criterion, not a result).
    static func localMeters(_ a: LonLat, _ b: LonLat) -> Double {
        let dy = (a.latitude - b.latitude) * 111_132
        let dx = (a.longitude - b.longitude) * 111_320 * cos((a.latitude + b.latitude) / 2 * .pi / 180)
        return (dx * dx + dy * dy).squareRoot()
    }

    static func closedCounterClockwise(_ ring: [LonLat]) -> [LonLat] {
        let closed = ring + [ring[0]]
        return LonLatFrame.signedArea2(closed) < 0 ? closed.reversed() : closed
    }

    /// Closed counter-clockwise convex hull of the points, nil when it has (next to) no area. A quadrilateral
    /// swept by a short edge over a short step is a near-parallelogram, so its hull is the swept region.
    static func convexHull(_ points: [LonLat]) -> [LonLat]? {
        let sorted = points.sorted { ($0.longitude, $0.latitude) < ($1.longitude, $1.latitude) }
        func cross(_ o: LonLat, _ a: LonLat, _ b: LonLat) -> Double {
            (a.longitude - o.longitude) * (b.latitude - o.latitude) - (a.latitude - o.latitude) * (b.longitude - o.longitude)
        }
        var lower = [LonLat](), upper = [LonLat]()
        for p in sorted {
            while lower.count >= 2 && cross(lower[lower.count - 2], lower[lower.count - 1], p) <= 0 { lower.removeLast() }
            lower.append(p)
        }
        for p in sorted.reversed() {
            while upper.count >= 2 && cross(upper[upper.count - 2], upper[upper.count - 1], p) <= 0 { upper.removeLast() }
            upper.append(p)
        }
        let hull = Array(lower.dropLast()) + Array(upper.dropLast())
        guard hull.count >= 3 else { return nil }
        let closed = hull + [hull[0]]
        // Below about 1e-14 square degrees (a millimetre by a metre) the piece adds nothing and only troubles overlay.
        guard LonLatFrame.signedArea2(closed) > 2e-14 else { return nil }
        return closed
    }
}

/// One shared sampling of a fan's boundary for many launch points: radial distances for the two sides and
/// azimuths for the arcs, so that vertex k of every station's ring is the same boundary point.
struct FanShape: Sendable {
    let geodesic: Geodesic
    let sector: RangeSector
    let farMeters: Double
    let nearMeters: Double?
    let chordLimitMeters: Double
    /// From the sector's start clockwise to its end.
    private(set) var azimuths: [Double]
    /// From the near end of a side (the minimum range or 0) to the far one.
    private(set) var distances: [Double]

    init(geodesic: Geodesic, sector: RangeSector, farMeters: Double, nearMeters: Double?, chordLimitMeters: Double) {
        self.geodesic = geodesic
        self.sector = sector
        self.farMeters = farMeters
        self.nearMeters = nearMeters
        self.chordLimitMeters = chordLimitMeters
        let n = max(2, Int((sector.widthDegrees / 2).rounded(.up)))
        azimuths = (0...n).map { sector.startDegrees + sector.widthDegrees * Double($0) / Double(n) }
        let s0 = nearMeters ?? 0
        let m = max(1, Int(((farMeters - s0) / 100_000).rounded(.up)))
        distances = (0...m).map { s0 + (farMeters - s0) * Double($0) / Double(m) }
    }

    /// Bisects the arc azimuths and side distances until, for every center, the lon/lat midpoint of each ring
    /// edge is within the chord limit of the curve (arcs: |distance − radius|; sides: distance × sin of the
    /// azimuth offset).
    mutating func refine(centers: [LonLat]) {
        let half = chordLimitMeters
        let radii = [farMeters] + (nearMeters.map { [$0] } ?? [])
        azimuths = Self.bisected(azimuths) { a, b in
            for c in centers {
                for radius in radii {
                    let pa = point(c, a, radius), pb = point(c, b, radius)
                    let mid = LonLat(longitude: (pa.longitude + pb.longitude) / 2, latitude: (pa.latitude + pb.latitude) / 2)
                    if abs(geodesic.inverse(c, mid).distanceMeters - radius) > half { return true }
                }
            }
            return false
        }
        distances = Self.bisected(distances) { a, b in
            if b - a > 100_000 { return true }
            for c in centers {
                for azimuth in [sector.startDegrees, sector.startDegrees + sector.widthDegrees] {
                    let pa = point(c, azimuth, a), pb = point(c, azimuth, b)
                    let mid = LonLat(longitude: (pa.longitude + pb.longitude) / 2, latitude: (pa.latitude + pb.latitude) / 2)
                    let r = geodesic.inverse(c, mid)
                    if r.distanceMeters * abs(sin((r.azimuth1Degrees - azimuth) * .pi / 180)) > half { return true }
                }
            }
            return false
        }
    }

    /// `values` with midpoints inserted, depth first, until `isCoarse` holds for no neighbouring pair (at most 30
    /// halvings of an original interval).
    static func bisected(_ values: [Double], isCoarse: (Double, Double) -> Bool) -> [Double] {
        var out = [values[0]]
        func split(_ a: Double, _ b: Double, depth: Int) {
            guard depth < 30 && isCoarse(a, b) else { return }
            let m = (a + b) / 2
            split(a, m, depth: depth + 1)
            out.append(m)
            split(m, b, depth: depth + 1)
        }
        for (a, b) in zip(values, values.dropFirst()) {
            split(a, b, depth: 0)
            out.append(b)
        }
        return out
    }

    private func point(_ c: LonLat, _ azimuth: Double, _ s: Double) -> LonLat {
        s == 0 ? c : geodesic.direct(from: c, azimuthDegrees: azimuth, distanceMeters: s, unrollLongitude: true).position
    }

    /// The open ring (first vertex not repeated) of the fan from `center`, longitudes continuous from the
    /// center's: the start side outwards, the far arc, the end side inwards, the near arc back (or the center).
    func ring(center c: LonLat) -> [LonLat] {
        let start = sector.startDegrees, end = sector.startDegrees + sector.widthDegrees
        var ring = distances.map { point(c, start, $0) }
        ring += azimuths.dropFirst().dropLast().map { point(c, $0, farMeters) }
        ring += distances.reversed().map { point(c, end, $0) }
        if let nearMeters {
            ring += azimuths.reversed().dropFirst().dropLast().map { point(c, $0, nearMeters) }
        } else {
            ring.removeLast()  // the center again
        }
        return ring
    }
}
