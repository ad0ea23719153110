#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geodesy
import Geometry

/// The nearest point of a launch area to a query and the geodesic distance to it.
public struct NearestLaunchPoint: Sendable, Hashable {
    /// 0 when the query is inside the launch area.
    public var distanceMeters: Double
    /// The nearest point of the launch area (the query itself when inside).
    public var point: LonLat
    /// Forward azimuth at `point` of the geodesic towards the query; nil when the query is inside.
    public var azimuthDegrees: Double?
}

/// Exact geodesic distance from any point to a launch area A: 0 inside A's polygons, else the minimum over
/// A's points and densified boundary pieces (each treated as a geodesic segment, pieces short enough that
/// the lon/lat edge and the geodesic differ by under 2 % of the tolerance).
///
/// The search is a branch-and-bound whose cost does not grow with the distance. Consecutive pieces form
/// runs of at most 150 km around an anchor station. Runs are ordered by a free lower bound (Earth-centred
/// chord and inscribed-sphere angle); a run is opened with one inverse solve from its anchor, which gives
/// an upper bound (the anchor is a launch point) and, by comparison with a sphere (`AnchorComparison`), a
/// lower bound for every piece of the run that is tight to under a metre. Only pieces whose lower bound
/// beats the best distance found are solved exactly (foot of the perpendicular by Newton steps on the
/// along-track component, started from the comparison foot). Typical cost: 2–4 run openings and one or
/// two exact pieces per query, from 10 km to 3,000 km. Not `Sendable` (it owns a GEOS engine for the
/// inside test and caches lines and runs): one per thread or task.
public final class GeodesicDistanceField {
    let geodesic: Geodesic
    let area: LaunchArea
    private let ellipsoid: Ellipsoid
    private let starts: [LonLat]
    private let ends: [LonLat]
    /// Each piece's geodesic, solved the first time a query needs it (most pieces never are).
    private var lines: [GeodesicLine?]
    private var lineSolved: [Bool]
    /// Upper bound of each piece's geodesic length (Schur, from its Earth-centred chord).
    private let pieceLengthUpper: [Double]
    private let startECEF: [SIMD3<Double>]
    private let endECEF: [SIMD3<Double>]

    private struct Run {
        var pieces: Range<Int>
        var anchor: LonLat
        /// Ball (Earth-centred, metres) holding every point of the run's pieces.
        var center: SIMD3<Double>
        var radius: Double
        /// Index of the run's first block (`blockCenter`, `blockCosSin`).
        var firstBlock = 0
    }
    private let runs: [Run]
    private let runOfPiece: [Int32]
    /// Groups of consecutive runs with a ball holding them, so a query skips most runs in one test.
    private let groups: [(runs: Range<Int>, center: SIMD3<Double>, radius: Double)]
    /// Per piece, filled when its run is first opened: comparison-sphere ends (anchor frame) and half-width.
    private var barStart: [SIMD3<Double>]
    private var barEnd: [SIMD3<Double>]
    private var halfWidth: [Double]
    /// Per run, the largest half-width of its pieces.
    private var runHalfWidth: [Double]
    /// Blocks of up to `blockSize` consecutive pieces of a run (block k holds pieces k·blockSize…): a cap on
    /// the comparison sphere holding them (centre; cosine and sine of its angular radius).
    private static let blockSize = 8
    private var blockCenter: [SIMD3<Double>]
    private var blockCosSin: [(cos: Double, sin: Double)]
    private var runPrepared: [Bool]
    /// Whether every station of the run is within `AnchorComparison.maximumRunMeters` of its anchor.
    private var runComparable: [Bool]
    private let sphereRadius: Double

    private let stationVectors: [UnitVector]
    private let stationIndex: UnitVectorIndex
    private let stations: [LonLat]
    private let engine: GeometryEngine
    private let inside: PreparedGeometry?

    /// - Parameters:
    ///   - toleranceMeters: the error budget the distances serve; sets the densification.
    ///   - maximumPieceMeters: upper bound on a boundary piece's length.
    public init(area: LaunchArea, toleranceMeters: Double, maximumPieceMeters: Double = 5_000,
                geodesic: Geodesic = .wgs84) throws {
        self.geodesic = geodesic
        self.area = area
        ellipsoid = geodesic.ellipsoid
        let engine = GeometryEngine()
        self.engine = engine
        inside = try area.polygonalGeometry.map { try engine.prepare($0) }
        var stationList = [LonLat]()
        var starts = [LonLat](), ends = [LonLat]()
        var runs = [Run]()
        let e = geodesic.ellipsoid
        var startECEF = [SIMD3<Double>](), endECEF = [SIMD3<Double>](), lengths = [Double]()
        func addPiece(_ a: LonLat, _ b: LonLat) {
            starts.append(a); ends.append(b)
            let ea = AnchorComparison.ecef(a, e), eb = AnchorComparison.ecef(b, e)
            startECEF.append(ea); endECEF.append(eb)
            lengths.append(a == b ? 0 : AnchorComparison.geodesicLengthUpperBound(chordMeters: AnchorComparison.length(eb - ea), e))
        }
        /// Cuts pieces [first, last) of one path into runs of at most ~100 km of path length.
        func addRuns(_ first: Int, _ last: Int) {
            var i = first
            while i < last {
                var j = i, pathMeters = 0.0
                while j < last && (j == i || (pathMeters + lengths[j] <= 100_000 && j - i < 128)) {
                    pathMeters += lengths[j]; j += 1
                }
                let mid = (i + j) / 2
                var center = SIMD3<Double>(repeating: 0)
                for k in i..<j { center += startECEF[k] + endECEF[k] }
                center /= Double(2 * (j - i))
                var radius = 0.0
                for k in i..<j {
                    // Every point of a piece is within half its length of one of its ends.
                    radius = max(radius, max(AnchorComparison.length(startECEF[k] - center),
                                             AnchorComparison.length(endECEF[k] - center)) + lengths[k] / 2)
                }
                runs.append(Run(pieces: i..<j, anchor: starts[mid], center: center, radius: radius * (1 + 1e-12) + 1e-6))
                i = j
            }
        }
        for p in area.points {
            stationList.append(p)
            addPiece(p, p)
            addRuns(starts.count - 1, starts.count)
        }
        for path in area.lines + area.rings {
            let dense = PathDensifier.densify(path, toleranceMeters: toleranceMeters,
                                              maximumMeters: maximumPieceMeters)
            stationList += dense
            let first = starts.count
            if dense.count == 1 { addPiece(dense[0], dense[0]) }
            for i in 1..<max(1, dense.count) { addPiece(dense[i - 1], dense[i]) }
            addRuns(first, starts.count)
        }
        self.starts = starts; self.ends = ends
        lines = [GeodesicLine?](repeating: nil, count: starts.count)
        lineSolved = [Bool](repeating: false, count: starts.count)
        pieceLengthUpper = lengths
        self.startECEF = startECEF; self.endECEF = endECEF
        var blockCount = 0
        for r in runs.indices { runs[r].firstBlock = blockCount; blockCount += (runs[r].pieces.count + Self.blockSize - 1) / Self.blockSize }
        self.runs = runs
        var runOfPiece = [Int32](repeating: 0, count: starts.count)
        for (r, run) in runs.enumerated() { for i in run.pieces { runOfPiece[i] = Int32(r) } }
        self.runOfPiece = runOfPiece
        var groups = [(runs: Range<Int>, center: SIMD3<Double>, radius: Double)]()
        var g = 0
        while g < runs.count {
            let end = min(runs.count, g + 16)
            var center = SIMD3<Double>(repeating: 0)
            for r in g..<end { center += runs[r].center }
            center /= Double(end - g)
            var radius = 0.0
            for r in g..<end { radius = max(radius, AnchorComparison.length(runs[r].center - center) + runs[r].radius) }
            groups.append((g..<end, center, radius * (1 + 1e-12) + 1e-6))
            g = end
        }
        self.groups = groups
        barStart = [SIMD3<Double>](repeating: .zero, count: starts.count)
        barEnd = barStart
        halfWidth = [Double](repeating: .infinity, count: starts.count)
        runPrepared = [Bool](repeating: false, count: runs.count)
        blockCenter = [SIMD3<Double>](repeating: .zero, count: blockCount)
        blockCosSin = [(cos: Double, sin: Double)](repeating: (-1, 0), count: blockCount)
        runHalfWidth = [Double](repeating: .infinity, count: runs.count)
        runComparable = [Bool](repeating: false, count: runs.count)
        sphereRadius = AnchorComparison.sphereRadiusMeters(e)
        stations = stationList
        stationVectors = stationList.map(UnitVector.init)
        stationIndex = UnitVectorIndex(stationVectors)
    }

    /// Number of boundary pieces the field searches.
    public var pieceCount: Int { starts.count }

    /// Whether `q` lies in A's polygonal part (boundary included).
    public func isInside(_ q: LonLat) -> Bool {
        guard let inside else { return false }
        let lon = LonLatFrame.unroll(q.longitude, near: area.referenceLongitude)
        for candidate in [lon, lon - 360, lon + 360] {
            if (try? inside.covers(.point(Point(x: candidate, y: q.latitude)))) == true { return true }
        }
        return false
    }

    /// The nearest point of A to `q` and the exact geodesic distance to it (0 inside A).
    public func nearest(_ q: LonLat) -> NearestLaunchPoint {
        if isInside(q) { return NearestLaunchPoint(distanceMeters: 0, point: q, azimuthDegrees: nil) }
        return nearestOnBoundary(q)
    }

    /// Like `nearest` but ignoring A's interior: the distance to A's points, lines and boundaries.
    public func nearestOnBoundary(_ q: LonLat) -> NearestLaunchPoint {
        var hint = -1
        return nearestOnBoundary(q, hint: &hint)
    }

    /// Like `nearestOnBoundary(_:)`, first opening the run of piece `hint` (the answer to the previous,
    /// nearby query), whose distance then prunes the other runs early. `hint` is updated.
    public func nearestOnBoundary(_ q: LonLat, hint: inout Int) -> NearestLaunchPoint {
        geodesic.counter?.add(.distanceQuery)
        let qE = AnchorComparison.ecef(q, ellipsoid)
        var search = Search(query: q)
        var opened = -1
        if hint >= 0 && hint < starts.count {
            opened = Int(runOfPiece[hint])
            open(opened, &search)
            settle(&search, below: .infinity)
        }
        // Without a hint, first the run whose ball is nearest in space: its anchor bounds the rest.
        if opened < 0 {
            var nearestGroup = -1, nearestChord = Double.infinity
            for (k, group) in groups.enumerated() {
                let chord = AnchorComparison.length(qE - group.center) - group.radius
                if chord < nearestChord { nearestChord = chord; nearestGroup = k }
            }
            guard nearestGroup >= 0 else { return search.best }
            nearestChord = .infinity
            for r in groups[nearestGroup].runs {
                let chord = AnchorComparison.length(qE - runs[r].center) - runs[r].radius
                if chord < nearestChord { nearestChord = chord; opened = r }
            }
            open(opened, &search)
            settle(&search, below: .infinity)
        }
        // The other runs whose free lower bound beats the best distance, nearest first; each opening
        // tightens the best distance. The straight chord is tested first (one square root), the
        // inscribed-sphere angle only for what passes.
        runOrder.removeAll(keepingCapacity: true)
        for group in groups where AnchorComparison.length(qE - group.center) - group.radius < search.bestMeters
            && AnchorComparison.ballLowerBoundMeters(qE, center: group.center, radius: group.radius, ellipsoid) < search.bestMeters {
            for r in group.runs where r != opened && AnchorComparison.length(qE - runs[r].center) - runs[r].radius < search.bestMeters {
                let lower = AnchorComparison.ballLowerBoundMeters(qE, center: runs[r].center, radius: runs[r].radius, ellipsoid)
                if lower < search.bestMeters { runOrder.append((lower, r)) }
            }
        }
        if runOrder.count > 1 { runOrder.sort { $0.lower < $1.lower } }
        for (k, entry) in runOrder.enumerated() {
            if entry.lower >= search.bestMeters { break }
            open(entry.run, &search)
            // Settle the pieces that beat the next run's bound before opening it.
            settle(&search, below: k + 1 < runOrder.count ? runOrder[k + 1].lower : .infinity)
        }
        settle(&search, below: .infinity)
        hint = search.bestPiece
        return search.best
    }

    private struct Search {
        let query: LonLat
        var best: NearestLaunchPoint
        var bestPiece = -1
        /// Pieces not yet solved exactly: lower bound, piece, comparison foot fraction.
        var pending: [(lower: Double, piece: Int, fraction: Double)] = []
        init(query: LonLat) {
            self.query = query
            best = NearestLaunchPoint(distanceMeters: .infinity, point: query, azimuthDegrees: nil)
        }
        var bestMeters: Double { best.distanceMeters }
    }
    private var runOrder = [(lower: Double, run: Int)]()

    /// Solves the anchor→query inverse of run `r`: an upper bound, and a lower bound for each of its pieces.
    private func open(_ r: Int, _ search: inout Search) {
        let run = runs[r]
        prepare(r)
        let q = search.query
        let inv = geodesic.inverse(run.anchor, q)
        if inv.distanceMeters < search.bestMeters {
            search.best = NearestLaunchPoint(distanceMeters: inv.distanceMeters, point: run.anchor, azimuthDegrees: inv.azimuth1Degrees)
            search.bestPiece = run.pieces.lowerBound + run.pieces.count / 2
        }
        if runComparable[r] && inv.distanceMeters <= AnchorComparison.maximumQueryMeters {
            let w = AnchorComparison.unitVector(distanceMeters: inv.distanceMeters, azimuthDegrees: inv.azimuth1Degrees, sphereRadius: sphereRadius)
            // The pieces at the station nearest in comparison first, solved exactly if they can win: the
            // best distance is then within metres of the answer before the other pieces are filtered.
            let blocks = blockRange(of: run)
            var nearestBlock = blocks.lowerBound, nearestBlockDot = -2.0
            for k in blocks {
                let d = AnchorComparison.dot(w, blockCenter[k])
                if d > nearestBlockDot { nearestBlockDot = d; nearestBlock = k }
            }
            var nearest = run.pieces.lowerBound, nearestDot = -2.0
            for i in pieces(ofBlock: nearestBlock, in: run) {
                let d = AnchorComparison.dot(w, barStart[i])
                if d > nearestDot { nearestDot = d; nearest = i }
            }
            consider(nearest, w, &search)
            if nearest > run.pieces.lowerBound { consider(nearest - 1, w, &search) }
            settle(&search, below: .infinity)
            // Then cheap exact filters: a block whose cap is farther than T from w, and a piece whose arc
            // is (the angle from w to an arc is below T iff w is within T of an end, or w projects inside
            // the arc and is within T of its great circle, |w·n̂| < sin T). T covers the best distance plus
            // the run's widest half-width; exact angles only for what passes.
            let reachAngle = (search.bestMeters + runHalfWidth[r]) / sphereRadius
            let (sinReach, cosReach) = reachAngle < .pi / 2 ? (sin(reachAngle), cos(reachAngle)) : (2.0, -2.0)
            for k in blocks {
                // Outside angle T + R of the cap's centre: cos(T + R) = cos T cos R − sin T sin R.
                let cap = blockCosSin[k]
                if sinReach <= 1 && cap.cos > 0 && AnchorComparison.dot(w, blockCenter[k]) < cosReach * cap.cos - sinReach * cap.sin { continue }
                for i in pieces(ofBlock: k, in: run) where i != nearest && i != nearest - 1 {
                    let u = barStart[i], v = barEnd[i]
                    if AnchorComparison.dot(w, u) <= cosReach && AnchorComparison.dot(w, v) <= cosReach {
                        let n = AnchorComparison.cross(u, v)
                        let nn = AnchorComparison.length(n)
                        guard nn > 1e-15, abs(AnchorComparison.dot(w, n)) < sinReach * nn,
                              AnchorComparison.dot(AnchorComparison.cross(u, w), n) >= 0,
                              AnchorComparison.dot(AnchorComparison.cross(w, v), n) >= 0 else { continue }
                    }
                    consider(i, w, &search)
                }
            }
        } else {
            // Beyond the comparison's reach (or a run too spread out): Earth-centred chords only.
            let qE = AnchorComparison.ecef(q, ellipsoid)
            for i in run.pieces {
                let near = min(AnchorComparison.length(qE - startECEF[i]), AnchorComparison.length(qE - endECEF[i]))
                let lower = near - pieceLengthUpper[i] / 2
                if lower < search.bestMeters { search.pending.append((lower, i, 0.5)) }
            }
        }
    }

    /// The blocks of a run: its pieces in groups of `blockSize` from its first, numbered from `firstBlock`.
    private func blockRange(of run: Run) -> Range<Int> {
        run.firstBlock ..< run.firstBlock + (run.pieces.count + Self.blockSize - 1) / Self.blockSize
    }
    private func pieces(ofBlock k: Int, in run: Run) -> Range<Int> {
        let first = run.pieces.lowerBound + (k - run.firstBlock) * Self.blockSize
        return first ..< min(run.pieces.upperBound, first + Self.blockSize)
    }

    /// Queues piece `i` (of an opened run; `w` the query on the comparison sphere) if its bound beats the best.
    private func consider(_ i: Int, _ w: SIMD3<Double>, _ search: inout Search) {
        let (angle, fraction) = AnchorComparison.angleToArc(w, barStart[i], barEnd[i])
        // 1 µm below the bound absorbs rounding in it.
        let lower = sphereRadius * angle - halfWidth[i] - 1e-6
        if lower < search.bestMeters { search.pending.append((lower, i, fraction)) }
    }

    /// Solves exactly, in the order of their lower bounds, the pending pieces whose bound is below both the
    /// best distance and `ceiling` (the next unopened run's bound); the others stay pending.
    private func settle(_ search: inout Search, below ceiling: Double) {
        guard !search.pending.isEmpty else { return }
        search.pending.sort { $0.lower > $1.lower }   // smallest last, popped first
        while let last = search.pending.last, last.lower < min(search.bestMeters, ceiling) {
            search.pending.removeLast()
            let r = pieceDistance(search.query, last.piece, startFraction: last.fraction)
            if r.distanceMeters < search.bestMeters { search.best = r; search.bestPiece = last.piece }
        }
        if ceiling == .infinity { search.pending.removeAll() }
    }

    /// Comparison-sphere coordinates of run `r`'s stations: one inverse from the anchor per station, once.
    private func prepare(_ r: Int) {
        guard !runPrepared[r] else { return }
        runPrepared[r] = true
        let run = runs[r]
        var comparable = true
        var previousEnd: (LonLat, SIMD3<Double>)?
        var widest = 0.0
        for i in run.pieces {
            let a = starts[i], b = ends[i]
            let u: SIMD3<Double>
            if let (p, bar) = previousEnd, p == a { u = bar } else {
                let inv = geodesic.inverse(run.anchor, a)
                comparable = comparable && inv.distanceMeters <= AnchorComparison.maximumRunMeters
                u = AnchorComparison.unitVector(distanceMeters: inv.distanceMeters, azimuthDegrees: inv.azimuth1Degrees, sphereRadius: sphereRadius)
            }
            let v: SIMD3<Double>
            if a == b { v = u } else {
                let inv = geodesic.inverse(run.anchor, b)
                comparable = comparable && inv.distanceMeters <= AnchorComparison.maximumRunMeters
                v = AnchorComparison.unitVector(distanceMeters: inv.distanceMeters, azimuthDegrees: inv.azimuth1Degrees, sphereRadius: sphereRadius)
            }
            barStart[i] = u; barEnd[i] = v
            halfWidth[i] = a == b ? 0 : AnchorComparison.halfWidthMeters(lengthMeters: pieceLengthUpper[i],
                                                                         comparisonChordMeters: sphereRadius * AnchorComparison.angle(u, v))
            previousEnd = (b, v)
            widest = max(widest, halfWidth[i])
        }
        runHalfWidth[r] = widest
        for k in blockRange(of: run) {
            let members = pieces(ofBlock: k, in: run)
            var sum = SIMD3<Double>(repeating: 0)
            for i in members { sum += barStart[i] + barEnd[i] }
            let norm = AnchorComparison.length(sum)
            guard norm > 0 else { blockCosSin[k] = (-1, 0); continue }
            let center = sum / norm
            var radius = 0.0
            for i in members { radius = max(radius, AnchorComparison.angle(center, barStart[i]), AnchorComparison.angle(center, barEnd[i])) }
            // Caps are convex, so the arcs between stations inside stay inside; a little generous for rounding.
            radius = radius * (1 + 1e-9) + 1e-12
            blockCenter[k] = center
            blockCosSin[k] = radius < .pi / 2 ? (cos(radius), sin(radius)) : (-1, 0)
        }
        runComparable[r] = comparable && !halfWidth[run.pieces].contains { !$0.isFinite }
    }

    /// The station nearest in 3-D and the geodesic distance to it: an upper bound of the distance to A.
    public func nearestStation(_ q: LonLat) -> (index: Int, distanceMeters: Double) {
        let nearest = stationIndex.nearest(UnitVector(q))
        guard nearest.index >= 0 else { return (-1, .infinity) }
        return (nearest.index, geodesic.distanceMeters(stations[nearest.index], q))
    }

    /// Geodesic distance from station `index` to `q`.
    public func stationDistanceMeters(_ index: Int, _ q: LonLat) -> Double {
        geodesic.distanceMeters(stations[index], q)
    }

    /// Like `isCertainlyWithin(_:of:)`, first trying `hint` (the station that settled the previous,
    /// nearby query): along an offset loop one station usually settles a long run of points, and one
    /// inverse is much cheaper than a tree search. `hint` is updated to the station found.
    public func isCertainlyWithin(_ meters: Double, of q: LonLat, hint: inout Int) -> Bool {
        if hint >= 0 && hint < stations.count && geodesic.distanceMeters(stations[hint], q) < meters { return true }
        let nearest = stationIndex.nearest(UnitVector(q))
        guard nearest.index >= 0 else { return false }
        hint = nearest.index
        // The central angle times the ellipsoid's least (b²/a) and greatest (a²/b) radius of curvature
        // brackets the geodesic length; the inverse is solved only when the bracket straddles `meters`.
        let angle = 2 * asin(min(1, nearest.squaredChord.squareRoot() / 2))
        if angle * 6_399_594 < meters { return true }
        if angle * 6_335_439 >= meters { return false }
        return geodesic.distanceMeters(stations[nearest.index], q) < meters
    }

    /// Whether `q` is certainly closer than `meters` to A: the geodesic distance to the station nearest
    /// in 3-D is an upper bound of the distance to A.
    public func isCertainlyWithin(_ meters: Double, of q: LonLat) -> Bool {
        var hint = -1
        return isCertainlyWithin(meters, of: q, hint: &hint)
    }

    /// Distance from `q` to the farthest point of A (A's farthest point is a boundary station or point).
    /// On a sphere the farthest station minimises the dot product; candidates within a margin are solved exactly.
    public func farthestDistanceMeters(_ q: LonLat) -> Double {
        let uq = UnitVector(q)
        var minDot = Double.infinity
        for v in stationVectors { minDot = min(minDot, uq.dot(v)) }
        // The ellipsoid differs from the sphere by < 0.7 %; take every station within that margin in angle.
        let angleFar = acos(max(-1, min(1, minDot)))
        let threshold = cos(max(0, angleFar * 0.985 - 1e-4))
        var best = 0.0
        for (i, v) in stationVectors.enumerated() where uq.dot(v) <= threshold {
            best = max(best, geodesic.distanceMeters(stations[i], q))
        }
        return best
    }

    /// Exact distance from `q` to piece `i`: Newton steps on the along-track component of the geodesic from
    /// the current foot to `q`, from `startFraction` of the piece (the comparison foot, usually within metres).
    private func pieceDistance(_ q: LonLat, _ i: Int, startFraction: Double) -> NearestLaunchPoint {
        let a = starts[i]
        if !lineSolved[i] {
            lines[i] = a == ends[i] ? nil : geodesic.line(from: a, to: ends[i])
            lineSolved[i] = true
        }
        guard let line = lines[i] else {
            let inv = geodesic.inverse(a, q)
            return NearestLaunchPoint(distanceMeters: inv.distanceMeters, point: a, azimuthDegrees: inv.azimuth1Degrees)
        }
        let length = line.distanceMeters
        var u = min(length, max(0, startFraction * length))
        var foot = line.position(distanceMeters: u, unrollLongitude: false)
        var inv = geodesic.inverse(latitude1: foot.latitude, longitude1: foot.longitude, latitude2: q.latitude, longitude2: q.longitude)
        for _ in 0..<6 {
            // Along-track component of the geodesic to q at the current foot.
            let along = inv.distanceMeters * cos((inv.azimuth1Degrees - foot.azimuth2Degrees) * .pi / 180)
            let next = min(length, max(0, u + along))
            if abs(next - u) < 1e-4 { break }
            u = next
            foot = line.position(distanceMeters: u, unrollLongitude: false)
            inv = geodesic.inverse(latitude1: foot.latitude, longitude1: foot.longitude, latitude2: q.latitude, longitude2: q.longitude)
        }
        return NearestLaunchPoint(distanceMeters: inv.distanceMeters,
                                  point: LonLat(longitude: foot.longitude, latitude: foot.latitude),
                                  azimuthDegrees: inv.azimuth1Degrees)
    }
}
