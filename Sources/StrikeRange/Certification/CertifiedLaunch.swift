import Foundation
import Geodesy
import Geometry

/// The launch area as the certifier reads it, on its own: points, paths and polygon rings whose edges are
/// straight in lon/lat (each edge taken the short way across ±180°, as the builder reads it), cut into
/// geodesic chords close enough to the lon/lat path that the difference is a stated `offsetMeters` per
/// piece. Shares nothing with the construction's `LaunchArea`.
struct CertifiedLaunch: Sendable {
    /// One chord of a launch path: every point of the lon/lat path between `start` and `end` is within
    /// `offsetMeters` of the geodesic from `start` to `end` and vice versa.
    struct Piece: Sendable {
        let start: LonLat
        let end: LonLat
        let lengthMeters: Double
        /// Forward azimuths of the chord at its start and its end, degrees.
        let startAzimuthDegrees: Double
        let endAzimuthDegrees: Double
        let offsetMeters: Double
        let startECEF: Vec3
        let endECEF: Vec3
        /// How far the chord may bulge from the straight 3-D segment between its ends: a geodesic's space
        /// curvature is a normal curvature of the ellipsoid, at most a/b², so the bulge is ≤ L² a/(8 b²).
        let bulgeMeters: Double

        /// Lower bound of the geodesic distance from `q` (Earth-centred, metres) to any point of the
        /// launch path this piece stands for: a geodesic is never shorter than the 3-D segment.
        func lowerBoundMeters(from q: Vec3) -> Double {
            let dx = endECEF.x - startECEF.x, dy = endECEF.y - startECEF.y, dz = endECEF.z - startECEF.z
            let qx = q.x - startECEF.x, qy = q.y - startECEF.y, qz = q.z - startECEF.z
            let dd = dx * dx + dy * dy + dz * dz
            let f = dd > 0 ? ((qx * dx + qy * dy + qz * dz) / dd).clamped(0, 1) : 0
            let ex = qx - f * dx, ey = qy - f * dy, ez = qz - f * dz
            return (ex * ex + ey * ey + ez * ez).squareRoot() - bulgeMeters - offsetMeters
        }
    }
    /// Consecutive pieces with a ball (Earth-centred, metres) holding every one of their points, and a
    /// representative vertex with a geodesic radius (path length bound) around it.
    struct Block: Sendable {
        let range: Range<Int>
        let centerECEF: Vec3
        let radiusMeters: Double
        let anchor: LonLat
        let geodesicRadiusMeters: Double
    }
    /// A launch polygon: its rings, unrolled so each ring is continuous in longitude.
    struct Area: Sendable {
        let exterior: [LonLat]
        let holes: [[LonLat]]
        /// Longitude and latitude extent of the exterior, for a quick rejection.
        let west: Double, east: Double, south: Double, north: Double
        /// Edge indexes by latitude band, so a crossing test reads only the edges at the query's latitude
        /// (a scan of every edge made certifying an 18,000-vertex standoff area take over a minute).
        let exteriorIndex: RingBands
        let holeIndexes: [RingBands]
        init(exterior: [LonLat], holes: [[LonLat]]) {
            self.exterior = exterior
            self.holes = holes
            exteriorIndex = RingBands(exterior)
            holeIndexes = holes.map(RingBands.init)
            west = exterior.map(\.longitude).min() ?? 0
            east = exterior.map(\.longitude).max() ?? 0
            south = exterior.map(\.latitude).min() ?? 0
            north = exterior.map(\.latitude).max() ?? 0
        }
        func mayContain(_ q: LonLat) -> Bool {
            guard q.latitude >= south, q.latitude <= north else { return false }
            if east - west >= 360 { return true }
            return [0.0, 360, -360, 720, -720].contains { q.longitude + $0 >= west && q.longitude + $0 <= east }
        }
    }

    /// Consecutive blocks with a ball holding all of theirs: the top of a two-level search.
    struct SuperBlock: Sendable {
        let range: Range<Int>
        let centerECEF: Vec3
        let radiusMeters: Double
    }

    let points: [LonLat]
    let pieces: [Piece]
    let blocks: [Block]
    let superBlocks: [SuperBlock]
    let areas: [Area]
    /// Every vertex of the input (points, path and ring vertices), for adversarial sampling.
    let vertices: [LonLat]

    /// - Parameters:
    ///   - chordOffsetMeters: the largest distance allowed between a lon/lat path and its chord.
    ///   - maximumPieceMeters: longest chord, so per-piece bounds stay tight.
    init(_ geometry: Geometry, geodesic: Geodesic, bounds: EllipsoidBounds, chordOffsetMeters: Double,
         maximumPieceMeters: Double = 5_000) {
        var points = [LonLat](), paths = [[LonLat]](), areas = [Area]()
        func unrolled(_ cs: [Coordinate]) -> [LonLat] {
            var out = [LonLat]()
            out.reserveCapacity(cs.count)
            for c in cs {
                var x = c.x
                if let last = out.last {
                    // The short way: an edge never spans more than 180° of longitude.
                    while x - last.longitude > 180 { x -= 360 }
                    while x - last.longitude < -180 { x += 360 }
                }
                out.append(LonLat(longitude: x, latitude: c.y))
            }
            return out
        }
        func add(_ g: Geometry) {
            switch g {
            case .point(let p): if let c = p.coordinate { points.append(LonLat(longitude: c.x, latitude: c.y)) }
            case .multiPoint(let m): for p in m.points { add(.point(p)) }
            case .lineString(let l):
                let path = unrolled(l.coordinates)
                if path.count == 1 { points.append(path[0]) } else if path.count > 1 { paths.append(path) }
            case .multiLineString(let m): for l in m.lineStrings { add(.lineString(l)) }
            case .polygon(let p):
                guard p.exterior.count >= 2 else { return }
                let area = Area(exterior: unrolled(p.exterior), holes: p.holes.filter { $0.count >= 2 }.map(unrolled))
                areas.append(area)
                paths.append(area.exterior)
                paths += area.holes
            case .multiPolygon(let m): for p in m.polygons { add(.polygon(p)) }
            case .geometryCollection(let c): for g in c.geometries { add(g) }
            }
        }
        add(geometry)

        var pieces = [Piece]()
        for path in paths {
            for i in 1..<path.count {
                let a = path[i - 1], b = path[i]
                if a == b { continue }
                let dl = b.longitude - a.longitude, dp = b.latitude - a.latitude
                let kappa = bounds.lonLatCurvatureBound(deltaLongitude: dl, deltaLatitude: dp,
                                                        latitudeRange: min(a.latitude, b.latitude), max(a.latitude, b.latitude))
                // A curve of curvature ≤ κ stays within κ L²/8 of its chord of length L (with the ellipsoid's
                // margin taken in κ): pieces no longer than √(8 offset / κ).
                let length = geodesic.distanceMeters(a, b)
                var spacing = maximumPieceMeters
                if kappa > 0 { spacing = min(spacing, (8 * chordOffsetMeters / kappa).squareRoot()) }
                // The bound on κ is for the whole edge; the piece count follows from the edge length with a margin.
                let count = max(1, Int((length * 1.01 / spacing).rounded(.up)))
                var previous = a
                for k in 1...count {
                    let f = Double(k) / Double(count)
                    let p = k == count ? b : LonLat(longitude: a.longitude + f * dl, latitude: a.latitude + f * dp)
                    let inv = geodesic.inverse(previous, p)
                    let l = inv.distanceMeters
                    let offset = kappa.isFinite ? kappa * l * l / 8 * 1.05 + 1e-9 : l
                    pieces.append(Piece(start: previous, end: p, lengthMeters: l,
                                        startAzimuthDegrees: inv.azimuth1Degrees, endAzimuthDegrees: inv.azimuth2Degrees,
                                        offsetMeters: offset, startECEF: bounds.ecef(previous), endECEF: bounds.ecef(p),
                                        bulgeMeters: l * l / (8 * bounds.smallestRadiusMeters) * 1.01 + 1e-9))
                    previous = p
                }
            }
        }
        var blocks = [Block]()
        let blockSize = 16
        var i = 0
        while i < pieces.count {
            let r = i..<min(pieces.count, i + blockSize)
            let center = pieces[r.lowerBound].startECEF
            var radius = 0.0, pathLength = 0.0
            for j in r {
                let p = pieces[j]
                // Every point of piece j is within its length (plus offset) of its start, in 3-D as on the surface.
                radius = max(radius, p.startECEF.distance(to: center) + p.lengthMeters + p.offsetMeters)
                pathLength += p.lengthMeters
            }
            let maxOffset = pieces[r].map(\.offsetMeters).max() ?? 0
            blocks.append(Block(range: r, centerECEF: center, radiusMeters: radius * (1 + 1e-12) + 1e-6,
                                anchor: pieces[r.lowerBound].start, geodesicRadiusMeters: pathLength + maxOffset))
            i = r.upperBound
        }
        var superBlocks = [SuperBlock]()
        i = 0
        while i < blocks.count {
            let r = i..<min(blocks.count, i + blockSize)
            let center = blocks[r.lowerBound].centerECEF
            let radius = blocks[r].map { $0.centerECEF.distance(to: center) + $0.radiusMeters }.max() ?? 0
            superBlocks.append(SuperBlock(range: r, centerECEF: center, radiusMeters: radius * (1 + 1e-12) + 1e-6))
            i = r.upperBound
        }
        self.points = points
        self.pieces = pieces
        self.blocks = blocks
        self.superBlocks = superBlocks
        self.areas = areas
        self.vertices = points + paths.flatMap { $0 }
    }

    var isEmpty: Bool { points.isEmpty && pieces.isEmpty }

    /// Whether `q` is inside a launch polygon (in its exterior ring and in none of its holes), by crossing
    /// number in lon/lat with each ring's own unrolled longitudes; the query is tried at λ and λ ± 360°.
    func containsPoint(_ q: LonLat) -> Bool {
        for area in areas where area.mayContain(q) && area.exteriorIndex.contains(q) {
            if !area.holeIndexes.contains(where: { $0.contains(q) }) { return true }
        }
        return false
    }

    /// A ring's edges bucketed by latitude band; `contains` gives the same answer as `ringContains`.
    struct RingBands: Sendable {
        let ring: [LonLat]
        let south: Double, bandHeight: Double
        let bands: [[Int32]]

        init(_ ring: [LonLat]) {
            self.ring = ring
            let south = ring.map(\.latitude).min() ?? 0, north = ring.map(\.latitude).max() ?? 0
            let count = max(1, min(4_096, ring.count / 8))
            self.south = south
            bandHeight = max((north - south) / Double(count), 1e-12)
            var bands = [[Int32]](repeating: [], count: count)
            if ring.count >= 3 {
                var j = ring.count - 1
                for i in 0..<ring.count {
                    let low = min(ring[i].latitude, ring[j].latitude), high = max(ring[i].latitude, ring[j].latitude)
                    let first = max(0, min(count - 1, Int((low - south) / bandHeight)))
                    let last = max(0, min(count - 1, Int((high - south) / bandHeight)))
                    for b in first...last { bands[b].append(Int32(i)) }
                    j = i
                }
            }
            self.bands = bands
        }

        func contains(_ q: LonLat) -> Bool {
            guard ring.count >= 3 else { return false }
            let band = Int((q.latitude - south) / bandHeight)
            guard band >= 0, band < bands.count || q.latitude == south + bandHeight * Double(bands.count) else { return false }
            let edges = bands[min(band, bands.count - 1)]
            for shift in [0.0, 360, -360, 720, -720] {
                let x = q.longitude + shift, y = q.latitude
                if x < -900 || x > 900 { continue }
                var inside = false
                for e in edges {
                    let i = Int(e), a = ring[i], b = ring[i == 0 ? ring.count - 1 : i - 1]
                    if (a.latitude > y) != (b.latitude > y) {
                        let xCross = a.longitude + (y - a.latitude) / (b.latitude - a.latitude) * (b.longitude - a.longitude)
                        if x < xCross { inside.toggle() }
                    }
                }
                if inside { return true }
            }
            return false
        }
    }

    static func ringContains(_ ring: [LonLat], _ q: LonLat) -> Bool {
        guard ring.count >= 3 else { return false }
        for shift in [0.0, 360, -360, 720, -720] {
            let x = q.longitude + shift, y = q.latitude
            if x < -900 || x > 900 { continue }
            var inside = false
            var j = ring.count - 1
            for i in 0..<ring.count {
                let a = ring[i], b = ring[j]
                if (a.latitude > y) != (b.latitude > y) {
                    let xCross = a.longitude + (y - a.latitude) / (b.latitude - a.latitude) * (b.longitude - a.longitude)
                    if x < xCross { inside.toggle() }
                }
                j = i
            }
            if inside { return true }
        }
        return false
    }
}

/// An Earth-centred position, metres (plain fields: fast in debug builds too).
struct Vec3: Sendable {
    var x: Double, y: Double, z: Double
    @inline(__always) func distance(to o: Vec3) -> Double {
        let dx = x - o.x, dy = y - o.y, dz = z - o.z
        return (dx * dx + dy * dy + dz * dz).squareRoot()
    }
    /// Angle at the Earth's centre between the two positions, radians.
    @inline(__always) func angle(to o: Vec3) -> Double {
        let cx = y * o.z - z * o.y, cy = z * o.x - x * o.z, cz = x * o.y - y * o.x
        return atan2((cx * cx + cy * cy + cz * cz).squareRoot(), x * o.x + y * o.y + z * o.z)
    }
}
