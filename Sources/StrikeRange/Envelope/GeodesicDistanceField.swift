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
/// the lon/lat edge and the geodesic differ by under 2 % of the tolerance). Candidates come from a 3-D
/// k-d tree; each candidate piece is solved with `geod_inverse` and a Newton step on the foot of the
/// perpendicular. Not `Sendable` (it owns a GEOS engine for the inside test): one per thread or task.
public final class GeodesicDistanceField {
    let geodesic: Geodesic
    let area: LaunchArea
    private let starts: [LonLat]
    private let ends: [LonLat]
    /// Each piece's geodesic, solved the first time a query needs it (most pieces never are).
    private var lines: [GeodesicLine?]
    private var lineSolved: [Bool]
    private let maxHalfChordSquared: Double
    private let index: UnitVectorIndex
    private let midpoints: [UnitVector]
    private let startVectors: [UnitVector]
    private let endVectors: [UnitVector]
    /// Central angle of each piece's half chord.
    private let halfAngles: [Double]
    private let stationVectors: [UnitVector]
    private let stationIndex: UnitVectorIndex
    private let stations: [LonLat]
    private let engine: GeometryEngine
    private let inside: PreparedGeometry?
    /// Unit-sphere to metres, slightly generous so the prefilter never drops the true nearest piece.
    private static let earthRadiusLow = 6_335_000.0

    /// - Parameters:
    ///   - toleranceMeters: the error budget the distances serve; sets the densification.
    ///   - maximumPieceMeters: upper bound on a boundary piece's length.
    public init(area: LaunchArea, toleranceMeters: Double, maximumPieceMeters: Double = 5_000,
                geodesic: Geodesic = .wgs84) throws {
        self.geodesic = geodesic
        self.area = area
        let engine = GeometryEngine()
        self.engine = engine
        inside = try area.polygonalGeometry.map { try engine.prepare($0) }
        var vectors = [UnitVector](), stationList = [LonLat]()
        var starts = [LonLat](), ends = [LonLat](), lines = [GeodesicLine?]()
        var maxHalfChordSquared = 0.0
        func addPiece(_ a: LonLat, _ b: LonLat) {
            starts.append(a); ends.append(b)
            lines.append(nil)
            let ua = UnitVector(a), ub = UnitVector(b)
            vectors.append(UnitVector(x: (ua.x + ub.x) / 2, y: (ua.y + ub.y) / 2, z: (ua.z + ub.z) / 2))
            maxHalfChordSquared = max(maxHalfChordSquared, ua.squaredChord(ub) / 4)
        }
        for p in area.points { addPiece(p, p); stationList.append(p) }
        for path in area.lines + area.rings {
            let dense = PathDensifier.densify(path, toleranceMeters: toleranceMeters,
                                              maximumMeters: maximumPieceMeters)
            stationList += dense
            if dense.count == 1 { addPiece(dense[0], dense[0]) }
            for i in 1..<max(1, dense.count) { addPiece(dense[i - 1], dense[i]) }
        }
        self.starts = starts; self.ends = ends; self.lines = lines
        lineSolved = [Bool](repeating: false, count: starts.count)
        self.maxHalfChordSquared = maxHalfChordSquared
        index = UnitVectorIndex(vectors)
        midpoints = vectors
        startVectors = starts.map(UnitVector.init)
        endVectors = ends.map(UnitVector.init)
        halfAngles = zip(startVectors, endVectors).map { 2 * asin(min(1, $0.squaredChord($1).squareRoot() / 4)) }
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

    /// Like `nearestOnBoundary(_:)`, first evaluating piece `hint` (the answer to the previous, nearby
    /// query), whose distance then prunes the other candidates without sorting them. `hint` is updated.
    public func nearestOnBoundary(_ q: LonLat, hint: inout Int) -> NearestLaunchPoint {
        let uq = UnitVector(q)
        let halfChord = maxHalfChordSquared.squareRoot()
        var best = NearestLaunchPoint(distanceMeters: .infinity, point: q, azimuthDegrees: nil)
        var bestPiece = -1
        if hint >= 0 && hint < starts.count {
            best = pieceDistance(q, hint, uq)
            bestPiece = hint
        }
        // Every point of a piece is within its half chord of the piece's midpoint. Geodesic length per
        // radian of central angle varies by 1.0101× over WGS84 (b²/a to a²/b), so the geodesically nearest
        // piece has a midpoint within 1.0102 × (nearest midpoint + 2 half chords) in chord terms — or, with
        // a known distance, within the chord of that distance at the smallest radius, plus a half chord.
        let reach: Double
        if best.distanceMeters.isFinite {
            let angle = best.distanceMeters / 6_335_439 + 2 * asin(min(1, halfChord / 2))
            reach = 2 * sin(min(.pi / 2, angle / 2)) + 1e-9
        } else {
            reach = (index.nearestSquaredChord(uq).squareRoot() + 2 * halfChord) * 1.0102 + 1e-9
        }
        var candidates = [Int]()
        index.within(uq, radiusSquared: reach * reach, into: &candidates)
        for i in candidates where i != bestPiece {
            // The closest any point of piece i can be: its midpoint's angle less its half chord, at the
            // smallest radius of curvature.
            let midAngle = 2 * asin(min(1, midpoints[i].squaredChord(uq).squareRoot() / 2))
            if (midAngle - halfAngles[i]) * 6_335_439 > best.distanceMeters { continue }
            let r = pieceDistance(q, i, uq)
            if r.distanceMeters < best.distanceMeters { best = r; bestPiece = i }
        }
        hint = bestPiece
        return best
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

    private func pieceDistance(_ q: LonLat, _ i: Int, _ uq: UnitVector) -> NearestLaunchPoint {
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
        // Start Newton at the foot of the perpendicular on the 3-D chord: within metres on short pieces,
        // so one or two geodesic steps reach the foot to well under a millimetre.
        let ua = startVectors[i], ub = endVectors[i]
        let ex = ub.x - ua.x, ey = ub.y - ua.y, ez = ub.z - ua.z
        let e2 = ex * ex + ey * ey + ez * ez
        let t = e2 > 0 ? ((uq.x - ua.x) * ex + (uq.y - ua.y) * ey + (uq.z - ua.z) * ez) / e2 : 0
        var u = min(length, max(0, t * length))
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
