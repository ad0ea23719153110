import Foundation
import Geodesy
import Geometry

/// How a consumer reads the edge between two consecutive vertices of a polygon.
public enum EdgeReading: String, Sendable, CaseIterable {
    /// A straight line in longitude/latitude (RFC 7946 §3.1.1; QGIS, GDAL, Leaflet, shapely), polygons cut at
    /// ±180° and closed along the pole. Every output is built and certified for this reading first.
    case lonlat
    /// The shorter great-circle arc between the vertices, treating longitude/latitude as spherical coordinates
    /// (PostGIS `geography`, BigQuery `GEOGRAPHY`, Snowflake, S2): no cut at ±180°, a pole inside as such.
    case geodesic

    /// What the output's `edges` field says.
    public var description: String {
        switch self {
        case .lonlat: return "straight in longitude/latitude between vertices (RFC 7946 reading), cut at ±180°"
        case .geodesic: return "great-circle arcs between vertices (PostGIS geography, BigQuery, S2 reading), not cut at ±180°, poles inside"
        }
    }
}

/// An envelope rewritten for engines that read edges as great-circle arcs (`EdgeReading.geodesic`).
///
/// The certified lon/lat envelope is taken apart at its artificial edges (the cuts along ±180° and the closures
/// along ±90°); its pieces are stitched back into loops that cross ±180° freely and wind around a pole when the
/// envelope holds one; every edge is then split until the great-circle arc between consecutive vertices stays
/// within `arcAllowanceMeters` of the lon/lat line the certifier measured. The new boundary therefore lies within
/// the measured arc deviation of the certified one, so the bound for this reading is the certified bound plus that
/// deviation (`arcDeviationMeters`), and points classified by the certifier keep their side.
///
/// The arc deviation of each final edge is measured at a quarter, a half and three quarters of it; for edges this
/// short (far below 1° of arc) the deviation is a parabola in the edge parameter to well under 1 %, so the larger
/// of the middle value and the quarter values divided by 0.75 bounds it.
public struct GeodesicEdgeRendition: Sendable {
    public let geodesic: Geodesic
    public init(geodesic: Geodesic = .wgs84) { self.geodesic = geodesic }

    public struct Result: Sendable {
        /// Polygons whose edges are meant as great-circle arcs: longitudes in [-180, 180], consecutive vertices
        /// less than 180° apart, exteriors counter-clockwise (interior on the left, as S2 and BigQuery's oriented
        /// reading want), holes clockwise.
        public var geometry: MultiPolygon
        /// Largest distance between an arc and the lon/lat edge it replaces, metres.
        public var arcDeviationMeters: Double
        public var vertexCount: Int
    }

    /// - Throws: `StrikeRangeError` when the envelope cannot be read that way: a part larger than a hemisphere
    ///   (those engines take the smaller side of a loop) or a boundary that runs along ±180° or through a pole.
    public func render(_ envelope: MultiPolygon, arcAllowanceMeters: Double) throws(StrikeRangeError) -> Result {
        let loops = try stitchedLoops(envelope)
        var exteriors = [(ring: [Coordinate], pieces: Set<Int>)]()
        var holes = [(ring: [Coordinate], pieces: Set<Int>)]()
        for loop in loops {
            let winding = loop.ring.last!.x - loop.ring.first!.x
            if abs(winding) > 180 {
                // Around a pole, interior on the left: eastward holds the north pole, westward the south.
                exteriors.append(loop)
            } else if LonLatFrame.signedArea2(loop.ring.map { LonLat(longitude: $0.x, latitude: $0.y) }) > 0 {
                exteriors.append(loop)
            } else {
                holes.append(loop)
            }
        }
        var holesOf = [[[Coordinate]]](repeating: [], count: exteriors.count)
        for hole in holes {
            guard let owner = exteriors.firstIndex(where: { !$0.pieces.isDisjoint(with: hole.pieces) }) else {
                // Its outer boundary was only cuts and closures: the envelope is the globe less holes.
                throw StrikeRangeError(Self.hemisphereMessage)
            }
            holesOf[owner].append(hole.ring)
        }
        for i in exteriors.indices {
            for j in exteriors.indices where j > i && !exteriors[i].pieces.isDisjoint(with: exteriors[j].pieces) {
                throw StrikeRangeError("--edges geodesic: the envelope is a band around the globe (two outer boundaries of one part), which great-circle engines cannot read as one polygon; use the default --edges lonlat")
            }
        }

        let measure = GeodesicMeasure(geodesic)
        // Half the ellipsoid's area: 2πa²(1 + (1 − e²) atanh(e) / e) / 2.
        let a = geodesic.ellipsoid.semiMajorAxisMeters, f = geodesic.ellipsoid.flattening
        let e = (f * (2 - f)).squareRoot()
        let hemisphere = Double.pi * a * a * (1 + (1 - e * e) * atanh(e) / e)
        for exterior in exteriors {
            // Those engines take the smaller side of every loop: each part must be less than a hemisphere.
            let part = measure.areaSquareMeters(.multiPolygon(MultiPolygon(exterior.pieces.sorted().map { envelope.polygons[$0] })))
            if part > hemisphere {
                throw StrikeRangeError(Self.hemisphereMessage)
            }
        }

        var deviation = 0.0
        var polygons = [Polygon]()
        var vertexCount = 0
        for (i, exterior) in exteriors.enumerated() {
            let outer = densified(exterior.ring, allowance: arcAllowanceMeters, deviation: &deviation)
            let inner = holesOf[i].map { densified($0, allowance: arcAllowanceMeters, deviation: &deviation) }
            let polygon = Polygon(exterior: outer, holes: inner)
            vertexCount += outer.count + inner.reduce(0) { $0 + $1.count }
            polygons.append(polygon)
        }
        return Result(geometry: MultiPolygon(polygons), arcDeviationMeters: deviation, vertexCount: vertexCount)
    }

    static let hemisphereMessage = "--edges geodesic: a part of the envelope covers more than a hemisphere; engines that read edges as great-circle arcs take the smaller side of every loop, so it cannot be written for them; use the default --edges lonlat"

    // MARK: - Rejoining at ±180° and the poles

    private struct Chain {
        var points: [Coordinate]
        var piece: Int
    }

    /// Every boundary of the envelope as a closed loop in one unrolled longitude frame (first == last for an
    /// ordinary loop; last = first ± 360° for a loop around a pole), with the pieces it was made from.
    private func stitchedLoops(_ envelope: MultiPolygon) throws(StrikeRangeError) -> [(ring: [Coordinate], pieces: Set<Int>)] {
        var loops = [(ring: [Coordinate], pieces: Set<Int>)]()
        var chains = [Chain]()
        for (piece, polygon) in envelope.polygons.enumerated() {
            for (k, raw) in ([polygon.exterior] + polygon.holes).enumerated() where raw.count >= 4 {
                // Interior on the left of every ring, so chains keep that meaning once stitched.
                var ring = raw
                let area = CertifiedOutput.planarSignedArea(ring)
                if (k == 0) != (area > 0) { ring.reverse() }
                // Artificial: the cuts along ±180°, the closures along ±90°, and any edge to a pole (a polar cap can
                // come in two halves split along a meridian from the pole). A range boundary meets a pole only when
                // the pole lies exactly at the range, which has measure zero.
                let artificial = (0..<(ring.count - 1)).map {
                    CertifiedOutput.isCutOrClosure(ring[$0], ring[$0 + 1]) || abs(ring[$0].y) == 90 || abs(ring[$0 + 1].y) == 90
                }
                guard let firstCut = artificial.firstIndex(of: true) else {
                    loops.append((ring, [piece]))
                    continue
                }
                if k == 0 && !artificial.contains(false) {
                    // The whole globe's frame: the envelope is the globe less its holes, far beyond a hemisphere.
                    throw StrikeRangeError(Self.hemisphereMessage)
                }
                // Walk once around, starting after an artificial edge, collecting runs of real edges.
                let n = ring.count - 1
                var current = [Coordinate]()
                for step in 1...n {
                    let e = (firstCut + step) % n
                    if artificial[e] {
                        if current.count >= 2 { chains.append(Chain(points: current, piece: piece)) }
                        current = []
                    } else {
                        if current.isEmpty { current.append(ring[e]) }
                        current.append(ring[e + 1])
                    }
                }
                if current.count >= 2 { chains.append(Chain(points: current, piece: piece)) }
            }
        }

        var used = [Bool](repeating: false, count: chains.count)
        /// The chain that starts where `end` is on the globe: the same point, or its twin across ±180°.
        func next(after end: Coordinate) throws(StrikeRangeError) -> Int {
            var best: Int?, bestGap = Double.infinity
            for (i, chain) in chains.enumerated() {
                let start = chain.points[0]
                var dx = abs(start.x - end.x)
                if abs(end.x) == 180 && start.x == -end.x { dx = 0 }
                let gap = max(dx, abs(start.y - end.y))
                if gap < bestGap { bestGap = gap; best = i }
            }
            guard let best, bestGap < 1e-9 else {
                throw StrikeRangeError("--edges geodesic: no piece continues the envelope's boundary at \(end.y),\(end.x) (a boundary along ±180° or through a pole); use the default --edges lonlat")
            }
            return best
        }
        for startIndex in chains.indices where !used[startIndex] {
            var ring = [Coordinate]()
            var pieces = Set<Int>()
            var index = startIndex
            var shift = 0.0
            while true {
                guard !used[index] else {
                    throw StrikeRangeError("--edges geodesic: the envelope's pieces at ±180° do not join into closed loops; use the default --edges lonlat")
                }
                used[index] = true
                pieces.insert(chains[index].piece)
                var points = chains[index].points.map { Coordinate(x: $0.x + shift, y: $0.y) }
                if let last = ring.last, let first = points.first {
                    // The same crossing point written once, on the side the loop arrives from.
                    shift += last.x - first.x
                    points = chains[index].points.dropFirst().map { Coordinate(x: $0.x + shift, y: $0.y) }
                }
                ring += points
                let following = try next(after: chains[index].points.last!)
                if following == startIndex {
                    let first = ring[0], end = ring[ring.count - 1]
                    // Close: the end is the start point moved by a multiple of 360°.
                    let turns = ((end.x - first.x) / 360).rounded()
                    ring[ring.count - 1] = Coordinate(x: first.x + 360 * turns, y: first.y)
                    break
                }
                index = following
            }
            loops.append((ring, pieces))
        }
        return loops
    }

    // MARK: - Arcs

    /// The ring with every edge split until the great-circle arc between consecutive vertices lies within
    /// `allowance` metres of the lon/lat line; longitudes wrapped into [-180, 180]; closed (last == first).
    private func densified(_ ring: [Coordinate], allowance: Double, deviation: inout Double) -> [Coordinate] {
        var out = [Coordinate]()
        out.reserveCapacity(ring.count)
        for i in 0..<(ring.count - 1) {
            out.append(ring[i])
            split(ring[i], ring[i + 1], allowance: allowance, depth: 0, into: &out, deviation: &deviation)
        }
        out = out.map { Coordinate(x: Self.wrapped($0.x), y: $0.y) }
        out.append(out[0])
        return out
    }

    private func split(_ a: Coordinate, _ b: Coordinate, allowance: Double, depth: Int, into out: inout [Coordinate], deviation: inout Double) {
        let middle = arcOffset(a, b, 0.5)
        // Edges over 0.5° are split regardless, so the parabola model of the deviation holds.
        let long = abs(b.x - a.x) > 0.5 || abs(b.y - a.y) > 0.5
        if depth < 40 && (long || middle > allowance / 2) {
            let m = Coordinate(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
            split(a, m, allowance: allowance, depth: depth + 1, into: &out, deviation: &deviation)
            out.append(m)
            split(m, b, allowance: allowance, depth: depth + 1, into: &out, deviation: &deviation)
            return
        }
        let bound = max(middle, arcOffset(a, b, 0.25) / 0.75, arcOffset(a, b, 0.75) / 0.75)
        deviation = max(deviation, bound)
    }

    /// Distance, metres, between the point at `fraction` of the lon/lat line a→b and the point at the same
    /// fraction of the great-circle arc a→b (an upper bound of the arc point's distance to the line).
    private func arcOffset(_ a: Coordinate, _ b: Coordinate, _ fraction: Double) -> Double {
        let onLine = LonLat(longitude: a.x + fraction * (b.x - a.x), latitude: a.y + fraction * (b.y - a.y))
        let ua = Self.unit(a), ub = Self.unit(b)
        let dot = max(-1, min(1, ua.0 * ub.0 + ua.1 * ub.1 + ua.2 * ub.2))
        let omega = acos(dot)
        guard omega > 1e-15 else { return 0 }
        let s = sin(omega)
        let wa = sin((1 - fraction) * omega) / s, wb = sin(fraction * omega) / s
        let x = wa * ua.0 + wb * ub.0, y = wa * ua.1 + wb * ub.1, z = wa * ua.2 + wb * ub.2
        let onArc = LonLat(longitude: atan2(y, x) * 180 / .pi, latitude: atan2(z, (x * x + y * y).squareRoot()) * 180 / .pi)
        return geodesic.distanceMeters(onLine, onArc)
    }

    private static func unit(_ c: Coordinate) -> (Double, Double, Double) {
        let lon = c.x * .pi / 180, lat = c.y * .pi / 180
        return (cos(lat) * cos(lon), cos(lat) * sin(lon), sin(lat))
    }

    static func wrapped(_ longitude: Double) -> Double {
        var x = longitude - 360 * (longitude / 360).rounded()
        if x == -180 && longitude > 0 { x = 180 }
        return x
    }
}

extension RangeEnvelope {
    /// The certified envelope rewritten for engines that read edges as great-circle arcs
    /// (`GeodesicEdgeRendition`). Its verification's bound grows by the measured arc deviation, which is kept
    /// within half of what the tolerance leaves after the certified bound, so a certified envelope stays within it.
    /// - Throws: `StrikeRangeError` when the envelope was not certified or cannot be read that way.
    public func withGeodesicEdges(geodesic: Geodesic = .wgs84) throws(StrikeRangeError) -> RangeEnvelope {
        guard var check = verification else {
            throw StrikeRangeError("--edges geodesic: the envelope must be certified before its edges are rewritten")
        }
        guard edges == .lonlat else { return self }
        let t = parameters.toleranceMeters
        let allowance = max(0.01 * t, (t - check.achievedErrorMeters) / 2)
        let rendition = try GeodesicEdgeRendition(geodesic: geodesic).render(geometry, arcAllowanceMeters: allowance)
        check.achievedErrorMeters += rendition.arcDeviationMeters
        check.boundaryPassed = check.boundaryPassed && check.achievedErrorMeters <= t
        check.passed = check.passed && check.boundaryPassed
        var out = self
        out.lonLatGeometry = geometry
        out.geometry = rendition.geometry
        out.vertexCount = rendition.vertexCount
        out.verification = check
        out.edges = .geodesic
        return out
    }
}
