import Foundation
import Geodesy
import Geometry

/// Certifies a range fan from a launch line (issue 16) without `LineFanBuilder`'s code: it reads the launch
/// geometry itself and decides membership with its own geodesic solutions.
///
/// *The true fan* is every x for which some launch point p has r ≤ d(p, x) ≤ R with initial azimuth from p in
/// the sector. For one p, φ(p, x) is x's signed distance to p's point fan (negative inside), as `FanCertifier`
/// measures it; g(x) = min over p of φ(p, x) is ≤ 0 exactly on the line fan, and for x outside equals its distance
/// to it. g is found over stations every `stationSpacing` metres along each launch edge (straight in lon/lat),
/// then by golden-section search along the line around every local minimum within the Lipschitz slack of the
/// best (the search assumes φ is unimodal between neighbouring stations, which holds when the stations are
/// closer than the scale on which the fan's geometry turns: a kilometre or less).
///
/// *Boundary*: every range-bound edge is sampled every `t/2` (`t/4` thorough; half that for the `outer` and
/// `inner` placements). At an outside sample (g > 0) the distance to the true boundary is g. At an inside sample
/// the certifier looks for a point outside the true fan along the edge's normal (either side) at |g| + t/8,
/// + t/4, + t/2, + t, 2t: the boundary lies between, so the bound is that distance. The achieved error is the
/// largest bound plus half the sample spacing. Only launch stations that can matter near an edge are searched
/// (φ at the edge's midpoint within the edge's length, the probes and the slack of the best).
/// *Membership*: seeded random points near the fan and over the globe, classified by g; one more than `t`
/// inside the true fan but outside the output, or the reverse, fails.
public struct LineFanCertifier: Sendable {
    public let geodesic: Geodesic
    public let thoroughness: EnvelopeCertifier.Thoroughness
    public let seed: UInt64

    public init(geodesic: Geodesic = .wgs84, thoroughness: EnvelopeCertifier.Thoroughness = .standard, seed: UInt64 = 0x5EED_F116) {
        self.geodesic = geodesic
        self.thoroughness = thoroughness
        self.seed = seed
    }

    public func verify(_ fan: RangeEnvelope, launch: Geometry, sector: RangeSector) -> EnvelopeVerification {
        verify(fan.geometry, parameters: fan.parameters, launch: launch, sector: sector)
    }

    /// Certifies any MultiPolygon as the fan of `launch` (points and lines), `parameters` and `sector`.
    public func verify(_ geometry: MultiPolygon, parameters: RangeParameters, launch: Geometry, sector: RangeSector) -> EnvelopeVerification {
        let t = parameters.toleranceMeters
        let thorough = thoroughness == .thorough
        let output = CertifiedOutput(geometry)
        let field = LineFanField(geodesic: geodesic, launch: launch, parameters: parameters, sector: sector)

        // Boundary, edge by edge on both cores.
        let stepMeters = t / (thorough ? 4 : 2) / (parameters.placement == .center ? 1 : 2)
        var edgeList = [(Coordinate, Coordinate)]()
        for ring in output.rings {
            for i in 0..<(ring.count - 1) where !CertifiedOutput.isCutOrClosure(ring[i], ring[i + 1]) { edgeList.append((ring[i], ring[i + 1])) }
        }
        let edges = edgeList
        let ladder = [t / 8, t / 4, t / 2, t]
        let results = (try? ParallelWork.map(count: edges.count, workers: ParallelWork.defaultWorkers, makeState: { () }, job: { _, i -> (Double, LonLat?, Int) in
            let (a, b) = edges[i]
            let pa = LonLat(longitude: a.x, latitude: a.y), pb = LonLat(longitude: b.x, latitude: b.y)
            let edge = geodesic.inverse(pa, pb)
            let mid = LonLat(longitude: (a.x + b.x) / 2, latitude: (a.y + b.y) / 2)
            let candidates = field.candidates(near: mid, radiusMeters: edge.distanceMeters / 2 + 2 * t + stepMeters)
            let n = max(1, Int((edge.distanceMeters / stepMeters).rounded(.up)))
            var worst = 0.0, worstPoint: LonLat?
            for k in 0...n {
                let f = Double(k) / Double(n)
                let x = LonLat(longitude: a.x + f * (b.x - a.x), latitude: a.y + f * (b.y - a.y))
                let g = field.g(x, candidates: candidates)
                var bound = g
                if g <= 0 {
                    // Inside: the true boundary is no farther than the nearest point found outside.
                    bound = 2 * t + abs(g)
                    let normal = edge.azimuth1Degrees + 90
                    probing: for extra in ladder {
                        let e = abs(g) + extra
                        for side in [normal, normal + 180] {
                            let y = geodesic.direct(from: x, azimuthDegrees: side, distanceMeters: e).position
                            if field.g(y, candidates: candidates) > 0 { bound = e; break probing }
                        }
                    }
                }
                if bound > worst { worst = bound; worstPoint = x }
            }
            return (worst, worstPoint, n + 1)
        })) ?? []
        var worst = 0.0, worstPoint: LonLat?, samples = 0
        for r in results {
            samples += r.2
            if r.0 > worst { worst = r.0; worstPoint = r.1 }
        }
        let achieved = worst + stepMeters / 2

        // Membership.
        var rng = SeededGenerator(seed: seed)
        let neighbourhood = thorough ? 5_000 : 600, globe = thorough ? 1_000 : 100
        var tested = 0, failures = 0
        var firstFailure: String?
        let margin = min(60, (360 - sector.widthDegrees) / 2)
        let stations = field.stations.flatMap { $0 }
        for i in 0..<(neighbourhood + globe) where !stations.isEmpty {
            let p: LonLat
            if i < neighbourhood {
                let from = stations[Int.random(in: 0..<stations.count, using: &rng)]
                let azimuth = sector.startDegrees - margin + Double.random(in: 0...(sector.widthDegrees + 2 * margin), using: &rng)
                let s = Double.random(in: 0...(1.3 * parameters.rangeMeters), using: &rng)
                p = geodesic.direct(from: from, azimuthDegrees: azimuth, distanceMeters: s).position
            } else {
                let z = Double.random(in: -1...1, using: &rng)
                p = LonLat(longitude: Double.random(in: -180..<180, using: &rng), latitude: asin(z) * 180 / .pi)
            }
            guard abs(p.latitude) < 89.999_999, abs(p.longitude) < 179.999_999 else { continue }
            let g = field.g(p, candidates: nil)
            guard abs(g) > t else { continue }
            tested += 1
            let inFan = g < 0
            if inFan != output.contains(p) {
                failures += 1
                if firstFailure == nil {
                    firstFailure = "\(p.latitude),\(p.longitude) is \(inFan ? "in the line fan (\(String(format: "%.1f", -g)) m inside one launch point's fan) but outside the output" : "outside the line fan (\(String(format: "%.1f", g)) m from it) but inside the output")"
                }
            }
        }
        let boundaryOK = achieved <= t && samples > 0
        return EnvelopeVerification(achievedErrorMeters: achieved, wrongSideCount: 0, sampleCount: samples, worstPoint: worstPoint,
                                    membershipSampleCount: tested, membershipFailures: failures, firstMembershipFailure: firstFailure,
                                    areaCheck: nil, passed: boundaryOK && failures == 0, boundaryPassed: boundaryOK)
    }
}

/// g(x) of `LineFanCertifier`: the least signed distance from x to the point fan of any launch point.
struct LineFanField: Sendable {
    let geodesic: Geodesic
    let parameters: RangeParameters
    let sector: RangeSector
    /// Launch stations per part, each part's longitudes continuous (a point is a part of one station).
    let stations: [[LonLat]]
    let stationSpacingMeters: Double
    /// Bound on how fast φ(p, x) changes as p moves, per metre: 1 for the distance; the sides also turn with the
    /// meridians' convergence (R·tan φ / a) and the geodesics' spread.
    let lipschitz: Double

    init(geodesic: Geodesic, launch: Geometry, parameters: RangeParameters, sector: RangeSector) {
        self.geodesic = geodesic
        self.parameters = parameters
        self.sector = sector
        let spacing = min(1_000, max(100, parameters.rangeMeters / 300))
        stationSpacingMeters = spacing
        var parts = [[LonLat]]()
        func add(_ g: Geometry) {
            switch g {
            case .point(let p): if let c = p.coordinate { parts.append([LonLat(longitude: c.x, latitude: c.y)]) }
            case .multiPoint(let m): for p in m.points { add(.point(p)) }
            case .lineString(let l): parts.append(Self.stations(l.coordinates, spacingMeters: spacing, geodesic: geodesic))
            case .multiLineString(let m): for l in m.lineStrings { add(.lineString(l)) }
            case .polygon, .multiPolygon: break
            case .geometryCollection(let c): for g in c.geometries { add(g) }
            }
        }
        add(launch)
        stations = parts.filter { !$0.isEmpty }
        let maxLatitude = stations.joined().map { abs($0.latitude) }.max() ?? 0
        lipschitz = min(50, 1.5 + parameters.rangeMeters / 6_371_000 * tan(min(89, maxLatitude) * .pi / 180) * 1.5)
    }

    private static func stations(_ line: [Coordinate], spacingMeters: Double, geodesic: Geodesic) -> [LonLat] {
        guard var previous = line.first.map({ LonLat(longitude: $0.x, latitude: $0.y) }) else { return [] }
        var out = [previous]
        for c in line.dropFirst() {
            // Each edge the short way in longitude, as the launch reader reads it.
            let lon = previous.longitude + (c.x - previous.longitude).remainder(dividingBy: 360)
            let next = LonLat(longitude: lon, latitude: c.y)
            let n = max(1, Int((geodesic.distanceMeters(previous, next) / spacingMeters).rounded(.up)))
            for k in 1...n {
                let f = Double(k) / Double(n)
                out.append(LonLat(longitude: previous.longitude + f * (next.longitude - previous.longitude),
                                  latitude: previous.latitude + f * (next.latitude - previous.latitude)))
            }
            previous = next
        }
        return out
    }

    /// φ(p, x): x's signed distance to p's point fan, negative inside.
    func phi(_ p: LonLat, _ x: LonLat) -> Double {
        let r = geodesic.inverse(p, x)
        let d = FanCertifier.boundaryDistance(distanceMeters: r.distanceMeters, azimuthDegrees: r.azimuth1Degrees, parameters: parameters, sector: sector)
        let inside = r.distanceMeters <= parameters.rangeMeters && r.distanceMeters >= (parameters.minRangeMeters ?? 0) && sector.contains(r.azimuth1Degrees)
        return inside ? -d : d
    }

    /// Station indices per part worth searching for points within `radiusMeters` of `x`.
    func candidates(near x: LonLat, radiusMeters: Double) -> [[Int]] {
        let values = stations.map { $0.map { phi($0, x) } }
        let best = values.joined().min() ?? .infinity
        let slack = 2 * radiusMeters + 2 * lipschitz * stationSpacingMeters
        return values.map { part in
            var keep = Set<Int>()
            for (j, v) in part.enumerated() where v <= best + slack {
                keep.insert(j)
                if j > 0 { keep.insert(j - 1) }
                if j + 1 < part.count { keep.insert(j + 1) }
            }
            return keep.sorted()
        }
    }

    /// g(x) over the given stations (all when nil).
    func g(_ x: LonLat, candidates: [[Int]]?) -> Double {
        var best = Double.infinity
        var minima = [(part: Int, index: Int, value: Double)]()
        for (partIndex, part) in stations.enumerated() {
            let indices = candidates?[partIndex] ?? Array(part.indices)
            guard !indices.isEmpty else { continue }
            var values = [Int: Double]()
            for j in indices { values[j] = phi(part[j], x) }
            for j in indices {
                let v = values[j]!
                best = min(best, v)
                if v <= (values[j - 1] ?? .infinity) && v <= (values[j + 1] ?? .infinity) { minima.append((partIndex, j, v)) }
            }
        }
        guard best > 0 else { return best }
        let slack = lipschitz * stationSpacingMeters
        for m in minima where m.value <= best + slack {
            let part = stations[m.part]
            guard part.count > 1 else { continue }
            best = min(best, searchAlong(part, from: max(0, m.index - 1), to: min(part.count - 1, m.index + 1), x))
            if best <= 0 { return best }
        }
        return best
    }

    /// Golden-section minimum of φ along the part between station indices `lo` and `hi` (positions by lon/lat
    /// interpolation between stations, as the launch edges are drawn).
    private func searchAlong(_ part: [LonLat], from lo: Int, to hi: Int, _ x: LonLat) -> Double {
        func position(_ u: Double) -> LonLat {
            let j = min(part.count - 2, max(0, Int(u.rounded(.down))))
            let f = u - Double(j)
            return LonLat(longitude: part[j].longitude + f * (part[j + 1].longitude - part[j].longitude),
                          latitude: part[j].latitude + f * (part[j + 1].latitude - part[j].latitude))
        }
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = Double(lo), b = Double(hi)
        var c = b - ratio * (b - a), d = a + ratio * (b - a)
        var fc = phi(position(c), x), fd = phi(position(d), x)
        var best = min(fc, fd)
        // Until the bracket is a hundredth of the tolerance long along the line.
        let stop = parameters.toleranceMeters / 100 / stationSpacingMeters
        while b - a > stop && best > 0 {
            if fc < fd {
                b = d; d = c; fd = fc
                c = b - ratio * (b - a); fc = phi(position(c), x)
            } else {
                a = c; c = d; fc = fd
                d = a + ratio * (b - a); fd = phi(position(d), x)
            }
            best = min(best, fc, fd)
        }
        return best
    }
}
