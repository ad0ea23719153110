import Geodesy
import Geometry

/// What an independent check of an envelope's boundary found.
public struct EnvelopeVerification: Sendable, Equatable {
    /// Largest |distance − bound| over every sample, metres: the figure reported as `achieved_error_m`.
    public var achievedErrorMeters: Double
    /// Samples on the side of the bound that the placement forbids (e.g. inside R for `outer`) by more than 1 mm.
    public var wrongSideCount: Int
    public var sampleCount: Int
    /// Where the largest deviation was found.
    public var worstPoint: LonLat?
    /// Whether every sample is within the tolerance band of the placement.
    public var passed: Bool
}

/// Checks an envelope without trusting its construction: it densifies the launch area on its own,
/// builds its own index, and measures with `geod_inverse` the true distance from every output vertex
/// and from points along every output edge (straight in lon/lat) to the launch area.
public struct EnvelopeVerifier: Sendable {
    public let geodesic: Geodesic
    /// Points tested inside each edge, besides its vertices.
    public let samplesPerEdge: Int

    public init(geodesic: Geodesic = .wgs84, samplesPerEdge: Int = 3) {
        self.geodesic = geodesic
        self.samplesPerEdge = samplesPerEdge
    }

    public func verify(_ envelope: RangeEnvelope, launch: Geometry) throws -> EnvelopeVerification {
        let p = envelope.parameters
        let area = try LaunchArea(launch)
        // Finer than the construction's own densification, so the check is the stricter of the two.
        let field = try GeodesicDistanceField(area: area, toleranceMeters: p.toleranceMeters / 4,
                                              maximumPieceMeters: 2_000, geodesic: geodesic)
        var worst = 0.0, worstPoint: LonLat?
        var wrong = 0, count = 0
        let t = p.toleranceMeters
        let slack = 0.001

        var hint = -1
        func check(_ q: LonLat) {
            count += 1
            // Samples walk along the rings: the previous sample's piece seeds the search (only a speed-up;
            // the inside test still runs, so a boundary point inside the launch area shows as distance 0).
            let d = field.isInside(q) ? 0 : field.nearestOnBoundary(q, hint: &hint).distanceMeters
            var deviation = d - p.rangeMeters          // > 0: beyond the maximum range
            var isMinimumBound = false
            if let r = p.minRangeMeters, abs(deviation) > t {
                let dmax = field.farthestDistanceMeters(q)
                if abs(dmax - r) < abs(deviation) { deviation = dmax - r; isMinimumBound = true }
            }
            if abs(deviation) > worst { worst = abs(deviation); worstPoint = q }
            switch p.placement {
            case .center: break
            case .outer: if isMinimumBound ? deviation > slack : deviation < -slack { wrong += 1 }
            case .inner: if isMinimumBound ? deviation < -slack : deviation > slack { wrong += 1 }
            }
        }

        for polygon in envelope.geometry.polygons {
            for ring in [polygon.exterior] + polygon.holes {
                guard ring.count >= 2 else { continue }
                for i in 0..<(ring.count - 1) {
                    let a = ring[i], b = ring[i + 1]
                    // Edges along ±180° or ±90° are where the output was cut or closed, not range bounds.
                    if Self.isArtificial(a, b) { continue }
                    if !Self.isArtificialVertex(a) { check(LonLat(longitude: a.x, latitude: a.y)) }
                    for k in 1...max(1, samplesPerEdge) {
                        let f = Double(k) / Double(samplesPerEdge + 1)
                        check(LonLat(longitude: a.x + f * (b.x - a.x), latitude: a.y + f * (b.y - a.y)))
                    }
                }
            }
        }
        let band: Bool
        switch p.placement {
        case .center: band = worst <= t
        case .outer, .inner: band = worst <= t && wrong == 0
        }
        return EnvelopeVerification(achievedErrorMeters: worst, wrongSideCount: wrong, sampleCount: count,
                                    worstPoint: worstPoint, passed: band)
    }

    static func isArtificial(_ a: Coordinate, _ b: Coordinate) -> Bool {
        (abs(a.x) == 180 && a.x == b.x) || (abs(a.y) == 90 && a.y == b.y)
    }
    static func isArtificialVertex(_ a: Coordinate) -> Bool { abs(a.x) == 180 || abs(a.y) == 90 }
}
