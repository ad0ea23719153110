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
/// closer than the scale on which the fan's geometry turns: a kilometre or less), and by bisection between every
/// pair of stations that the Lipschitz bound cannot rule out (a narrow dip, as at a sharp vertex of a border).
///
/// *Boundary*: every range-bound edge is sampled every `t/2` (`t/4` thorough; half that for the `outer` and
/// `inner` placements). At an outside sample (g > 0) the distance to the true boundary is g. At an inside sample
/// the certifier looks for a point outside the true fan along the edge's normal (either side, then every 30° for
/// a sharp inward corner) at |g| + t/8, + t/4, + t/2, + t (at most 2t): the boundary lies between, so the bound is
/// that distance. The achieved error is the
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
            var walk = LineFanEdgeWalk(field: field, mid: mid, midAlongMeters: edge.distanceMeters / 2)
            let n = max(1, Int((edge.distanceMeters / stepMeters).rounded(.up)))
            var worst = 0.0, worstPoint: LonLat?
            for k in 0...n {
                let f = Double(k) / Double(n)
                let x = LonLat(longitude: a.x + f * (b.x - a.x), latitude: a.y + f * (b.y - a.y))
                let g = walk.g(x, alongMeters: f * edge.distanceMeters)
                var bound = g
                if g <= 0 {
                    // Inside: the true boundary is no farther than the nearest point found outside.
                    bound = 2 * t + abs(g)
                    let normal = edge.azimuth1Degrees + 90
                    // Probes reach at most 2t (the walk's candidates hold every station that matters that far).
                    probing: for extra in ladder where abs(g) + extra <= 2 * t {
                        let e = abs(g) + extra
                        // Across the edge first; at a sharp inward corner of the fan both normals lead back
                        // inside, so then all round.
                        for side in [normal, normal + 180] + stride(from: 15.0, to: 360, by: 30).map({ normal + $0 }) {
                            let y = geodesic.direct(from: x, azimuthDegrees: side, distanceMeters: e).position
                            if walk.isOutside(y, distanceMeters: e) { bound = e; break probing }
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
            let g = field.g(p)
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
    /// All stations in one array, with their part and their index in it.
    let flat: [LonLat]
    let part: [Int]
    let local: [Int]

    init(geodesic: Geodesic, launch: Geometry, parameters: RangeParameters, sector: RangeSector) {
        self.geodesic = geodesic
        self.parameters = parameters
        self.sector = sector
        let spacing = min(500, max(100, parameters.rangeMeters / 600))
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
        var flat = [LonLat](), part = [Int](), local = [Int]()
        for (p, stations) in stations.enumerated() {
            for (j, s) in stations.enumerated() { flat.append(s); part.append(p); local.append(j) }
        }
        self.flat = flat; self.part = part; self.local = local
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

    /// Stations per screening block: a block is skipped when its middle station's φ, less the Lipschitz bound
    /// times the block's half length, is above what matters.
    static let blockSize = 16

    /// φ(·, x) of every station (flat order), exact for the stations in blocks that can be within `margin` of the
    /// least, a lower bound above the least plus `margin` for the others.
    func screenedValues(_ x: LonLat, margin: Double) -> [Double] {
        var values = [Double](repeating: .infinity, count: flat.count)
        var centres = [(start: Int, end: Int, value: Double)]()
        var start = 0
        while start < flat.count {
            var end = min(start + Self.blockSize, flat.count)
            if let cut = (start..<end).first(where: { $0 > start && part[$0] != part[start] }) { end = cut }
            let centre = (start + end - 1) / 2
            let v = phi(flat[centre], x)
            values[centre] = v
            centres.append((start, end, v))
            start = end
        }
        let least = centres.map(\.value).min() ?? .infinity
        let halfBlockMeters = Double(Self.blockSize / 2 + 1) * stationSpacingMeters
        for block in centres {
            let bound = block.value - lipschitz * halfBlockMeters
            if bound > least + margin {
                for i in block.start..<block.end where values[i] == .infinity { values[i] = bound }
            } else {
                for i in block.start..<block.end where values[i] == .infinity { values[i] = phi(flat[i], x) }
            }
        }
        return values
    }

    /// Flat station indices next to `i` on its part.
    func neighbours(_ i: Int) -> [Int] {
        [i - 1, i + 1].filter { $0 >= 0 && $0 < flat.count && part[$0] == part[i] }
    }

    /// g(x): the least φ over the stations, then golden-section search around every local minimum within the
    /// slack of the least.
    func g(_ x: LonLat) -> Double {
        let slack = lipschitz * stationSpacingMeters / 2
        let values = screenedValues(x, margin: 2 * slack)
        var best = values.min() ?? .infinity
        guard best > 0 else { return best }
        for i in values.indices where values[i] <= best + slack {
            let around = neighbours(i)
            guard !around.isEmpty, around.allSatisfy({ values[$0] >= values[i] }) else { continue }
            let stations = self.stations[part[i]]
            best = min(best, searchAlong(stations, from: max(0, local[i] - 1), to: min(stations.count - 1, local[i] + 1), x))
            if best <= 0 { return best }
        }
        // Narrow dips are looked for only where the least found would decide something (above half the
        // tolerance): in a wide smooth bowl the bisection would otherwise run deep for every pair.
        guard best > parameters.toleranceMeters / 2 else { return best }
        for i in values.indices where values[i] < best + slack && i + 1 < flat.count && part[i + 1] == part[i] {
            best = dipSearch(stations[part[i]], local[i], values[i], values[i + 1], x, best: best, floor: 0)
            if best <= 0 { return best }
        }
        for i in values.indices where values[i] < best + slack && i > 0 && part[i - 1] == part[i] && values[i - 1] >= best + slack {
            best = dipSearch(stations[part[i]], local[i - 1], values[i - 1], values[i], x, best: best, floor: 0)
            if best <= 0 { return best }
        }
        return best
    }

    /// The least φ between stations `j` and `j + 1` of a part (values `fa`, `fb` there), or `best` when nothing
    /// lower can be there: bisection pruned by the Lipschitz bound (the least of φ on a piece of length L with
    /// end values f0, f1 is at least (f0 + f1 − K·L) / 2). Catches a narrow dip between two stations that are not
    /// local minima, as where a sharp vertex of a border points at x. Stops once `best` is at most `floor`.
    func dipSearch(_ part: [LonLat], _ j: Int, _ fa: Double, _ fb: Double, _ x: LonLat, best start: Double, floor: Double) -> Double {
        var best = start
        let resolution = parameters.toleranceMeters / 20
        func position(_ u: Double) -> LonLat {
            let k = min(part.count - 2, max(0, Int(u.rounded(.down))))
            let f = u - Double(k)
            return LonLat(longitude: part[k].longitude + f * (part[k + 1].longitude - part[k].longitude),
                          latitude: part[k].latitude + f * (part[k + 1].latitude - part[k].latitude))
        }
        func search(_ u0: Double, _ u1: Double, _ f0: Double, _ f1: Double, _ lengthMeters: Double, depth: Int) {
            guard best > floor, depth < 40, (f0 + f1 - lipschitz * lengthMeters) / 2 < best - resolution else { return }
            let um = (u0 + u1) / 2
            let fm = phi(position(um), x)
            best = min(best, fm)
            if f0 <= f1 {
                search(u0, um, f0, fm, lengthMeters / 2, depth: depth + 1); search(um, u1, fm, f1, lengthMeters / 2, depth: depth + 1)
            } else {
                search(um, u1, fm, f1, lengthMeters / 2, depth: depth + 1); search(u0, um, f0, fm, lengthMeters / 2, depth: depth + 1)
            }
        }
        search(Double(j), Double(j + 1), fa, fb, stationSpacingMeters, depth: 0)
        return best
    }

    /// Golden-section minimum of φ along the part between station indices `lo` and `hi` (positions by lon/lat
    /// interpolation between stations, as the launch edges are drawn).
    func searchAlong(_ part: [LonLat], from lo: Int, to hi: Int, _ x: LonLat) -> Double {
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

/// g along one output edge, sample after sample: φ of a station changes by at most the distance the sample
/// moved, so a station is solved again only when its last value, less that distance, could still be within the
/// slack of the best (the slack covers a dip between stations: half the Lipschitz bound times the spacing).
struct LineFanEdgeWalk {
    let field: LineFanField
    private let flat: [LonLat]
    private let part: [Int]
    private let local: [Int]
    private var value: [Double]
    private var at: [Double]
    private var evaluatedAt: [Int]
    private var counter = 0
    private var currentAlong = 0.0
    private var bestStation = 0
    private let slack: Double

    /// Stations that can matter anywhere on the edge or for a probe up to twice the tolerance off it.
    private var candidates: [Int] = []

    init(field: LineFanField, mid: LonLat, midAlongMeters: Double) {
        self.field = field
        flat = field.flat; part = field.part; local = field.local
        slack = field.lipschitz * field.stationSpacingMeters / 2
        // A station more than an edge length plus the probes and the slack above the best at the middle is above
        // the best everywhere on the edge, and positive at every probe.
        let margin = 2 * midAlongMeters + 3 * field.parameters.toleranceMeters + 2 * slack
        let initial = field.screenedValues(mid, margin: margin)
        value = initial
        at = Array(repeating: midAlongMeters, count: flat.count)
        evaluatedAt = Array(repeating: 0, count: flat.count)
        bestStation = initial.indices.min { initial[$0] < initial[$1] } ?? 0
        let limit = max(initial.min() ?? 0, 0) + margin
        candidates = initial.indices.filter { initial[$0] <= limit }
    }

    private func neighbours(_ i: Int) -> [Int] { field.neighbours(i) }

    /// g(x) for the next sample, `alongMeters` along the edge from its start.
    mutating func g(_ x: LonLat, alongMeters along: Double) -> Double {
        counter += 1
        currentAlong = along
        guard !flat.isEmpty else { return .infinity }
        var best = Double.infinity
        func evaluate(_ i: Int) {
            if evaluatedAt[i] != counter { value[i] = field.phi(flat[i], x); at[i] = along; evaluatedAt[i] = counter }
            if value[i] < best { best = value[i]; bestStation = i }
        }
        let guess = bestStation
        evaluate(guess)
        for j in neighbours(guess) { evaluate(j) }
        var changed = true
        while changed {
            changed = false
            for i in candidates where evaluatedAt[i] != counter && value[i] - abs(along - at[i]) <= best + slack {
                evaluate(i); changed = true
            }
        }
        guard best > 0 else { return best }
        for i in candidates where evaluatedAt[i] == counter && value[i] <= best + slack {
            let around = neighbours(i)
            guard !around.isEmpty, around.allSatisfy({ evaluatedAt[$0] != counter || value[$0] >= value[i] }) else { continue }
            let stations = field.stations[part[i]]
            best = min(best, field.searchAlong(stations, from: max(0, local[i] - 1), to: min(stations.count - 1, local[i] + 1), x))
            if best <= 0 { return best }
        }
        // Narrow dips between stations (a pair can dip below the best only if one end is within the slack of it),
        // looked for where the least found would decide the bound (above half the tolerance).
        guard best > field.parameters.toleranceMeters / 2 else { return best }
        var pairs = Set<Int>()
        for i in candidates where evaluatedAt[i] == counter && value[i] < best + slack {
            for j in neighbours(i) { pairs.insert(min(i, j)) }
        }
        for i in pairs.sorted() {
            evaluate(i); evaluate(i + 1)
            best = min(best, field.dipSearch(field.stations[part[i]], local[i], value[i], value[i + 1], x, best: best, floor: 0))
            if best <= 0 { return best }
        }
        return best
    }

    /// Whether y, `distanceMeters` from the last sample, is outside the line fan (g(y) > 0).
    func isOutside(_ y: LonLat, distanceMeters e: Double) -> Bool {
        var values = [Int: Double]()
        for i in candidates where value[i] - abs(currentAlong - at[i]) - e <= slack {
            let v = field.phi(flat[i], y)
            if v <= 0 { return false }
            values[i] = v
        }
        for (i, v) in values where v <= slack {
            guard neighbours(i).allSatisfy({ (values[$0] ?? .infinity) >= v }) else { continue }
            let stations = field.stations[part[i]]
            if field.searchAlong(stations, from: max(0, local[i] - 1), to: min(stations.count - 1, local[i] + 1), y) <= 0 { return false }
        }
        // Between stations, by the Lipschitz bound (a pair with both ends above the slack cannot reach 0), where
        // the least found is above half the tolerance.
        guard (values.values.min() ?? .infinity) > field.parameters.toleranceMeters / 2 else { return true }
        for (i, v) in values where v <= slack {
            for j in neighbours(i) {
                let w = values[j] ?? field.phi(flat[j], y)
                let lo = min(i, j)
                let (f0, f1) = lo == i ? (v, w) : (w, v)
                if field.dipSearch(field.stations[part[lo]], local[lo], f0, f1, y, best: .infinity, floor: 0) <= 0 { return false }
            }
        }
        return true
    }
}
