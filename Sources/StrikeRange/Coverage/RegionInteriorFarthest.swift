#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geodesy
import Geometry

/// The farthest distance to the launch area over the inside of a polygonal region, not only its boundary.
///
/// The distance to A can peak inside a region: in a region ringed by launch parts (a sea or a unit
/// enclosed by the launch countries, a region in a hole of A) or around the far side of the globe. Taking
/// the boundary's maximum there said "farthest 0.0 km, 100 % full" for a region only half in range (#9).
///
/// Method: branch and bound over lon/lat cells of the region's bounding box. The distance is 1-Lipschitz
/// in geodesic length, and every point of a cell is reached from its centre by a meridian then a parallel
/// no longer than `halfExtentMeters`, so max over a cell ≤ d(centre) + that bound. Starting from the
/// boundary's maximum, cells whose bound cannot beat the best value by more than `slackMeters` are
/// dropped, the others split in four; centres inside the region raise the best value. The result is
/// within `slackMeters` below the true maximum; if the evaluation budget runs out, the largest remaining
/// bound is returned instead, which over-states the farthest point (never under-states it).
///
/// Pruning by direction: at an inner local maximum x the distance falls in every direction, so the
/// directions from x to its nearest launch points cannot all lie within less than a half-turn. A cell
/// from all of whose points the whole launch area is seen within less than 180° of azimuth holds no
/// local maximum, and its maximum over the region is on the region's boundary: the cell is dropped.
/// This keeps regions that merely face the launch area (most of them) at a few dozen evaluations.
struct RegionInteriorFarthest {
    let field: GeodesicDistanceField
    let ellipsoid: Ellipsoid
    /// Launch vertices as unit vectors (spherical directions suffice with the margin below).
    let launchDirections: [(x: Double, y: Double, z: Double)]
    var slackMeters: Double
    /// Distance evaluations allowed per region before settling for the upper bound.
    var maximumEvaluations = 20_000

    /// Largest metres per degree along any meridian or parallel: the greatest radius of curvature of the
    /// ellipsoid is the polar one, a²/b.
    var metresPerDegreeBound: Double {
        ellipsoid.semiMajorAxisMeters / (1 - ellipsoid.flattening) * .pi / 180
    }

    struct Cell {
        var box: BoundingBox
        var centreDistanceMeters: Double
        var upperMeters: Double
    }

    init(field: GeodesicDistanceField, ellipsoid: Ellipsoid, slackMeters: Double) {
        self.field = field
        self.ellipsoid = ellipsoid
        self.slackMeters = slackMeters
        let area = field.area
        launchDirections = (area.points + area.lines.flatMap { $0 } + area.rings.flatMap { $0 }).map(Self.unitVector)
    }

    static func unitVector(_ p: LonLat) -> (x: Double, y: Double, z: Double) {
        let lat = p.latitude * .pi / 180, lon = p.longitude * .pi / 180
        return (cos(lat) * cos(lon), cos(lat) * sin(lon), sin(lat))
    }

    /// Spherical azimuths differ from the ellipsoid's by well under a degree; edges between launch
    /// vertices are short, so their directions lie between their ends' up to a small bow.
    static let azimuthMarginDegrees = 3.0

    /// Whether every point of the cell sees all launch vertices within less than a half-turn of azimuth.
    func seesLaunchWithinHalfTurn(_ c: Cell) -> Bool {
        let earthRadius = ellipsoid.semiMajorAxisMeters * (1 - ellipsoid.flattening / 3)
        let h = halfExtentMeters(c.box)
        let nearestFromCell = c.centreDistanceMeters - h
        guard nearestFromCell > 0, nearestFromCell < Double.pi * earthRadius * 0.98 else { return false }
        // How far the azimuth to a launch point can turn when the viewpoint moves by h.
        let turn = asin(min(1, h / (earthRadius * sin(min(nearestFromCell / earthRadius, Double.pi / 2))))) * 180 / .pi
        let centre = Self.unitVector(LonLat(longitude: (c.box.minX + c.box.maxX) / 2, latitude: (c.box.minY + c.box.maxY) / 2))
        // Local east and north at the centre.
        let eastNorm = (centre.x * centre.x + centre.y * centre.y).squareRoot()
        guard eastNorm > 1e-9 else { return false }
        let east = (x: -centre.y / eastNorm, y: centre.x / eastNorm, z: 0.0)
        let north = (x: -centre.z * centre.x / eastNorm, y: -centre.z * centre.y / eastNorm, z: eastNorm)
        var azimuths = launchDirections.map { v -> Double in
            let e = v.x * east.x + v.y * east.y
            let n = v.x * north.x + v.y * north.y + v.z * north.z
            return atan2(e, n) * 180 / .pi
        }
        guard !azimuths.isEmpty else { return false }
        azimuths.sort()
        var largestGap = azimuths[0] + 360 - azimuths[azimuths.count - 1]
        for i in 1..<azimuths.count { largestGap = max(largestGap, azimuths[i] - azimuths[i - 1]) }
        return 360 - largestGap + 2 * turn + Self.azimuthMarginDegrees < 180
    }

    func halfExtentMeters(_ box: BoundingBox) -> Double {
        // Parallels shrink with cos φ: the widest parallel of the cell is the one nearest the equator.
        let lowestAbsLatitude = box.minY <= 0 && box.maxY >= 0 ? 0 : min(abs(box.minY), abs(box.maxY))
        let parallelFactor = cos(lowestAbsLatitude * .pi / 180)
        return metresPerDegreeBound * ((box.maxY - box.minY) / 2 + (box.maxX - box.minX) / 2 * parallelFactor)
    }

    /// - Parameters:
    ///   - region: the region, prepared (covers/intersects tests only).
    ///   - box: its bounding box in lon/lat degrees.
    ///   - boundaryFarthestMeters: the maximum already found along its boundary.
    func farthest(region: PreparedGeometry, box: BoundingBox, boundaryFarthestMeters: Double) throws -> Double {
        var best = boundaryFarthestMeters
        var evaluations = 0
        func cell(_ b: BoundingBox) -> Cell {
            evaluations += 1
            let d = field.nearest(LonLat(longitude: (b.minX + b.maxX) / 2, latitude: (b.minY + b.maxY) / 2)).distanceMeters
            return Cell(box: b, centreDistanceMeters: d, upperMeters: d + halfExtentMeters(b))
        }
        func raise(with c: Cell) throws {
            guard c.centreDistanceMeters > best else { return }
            let centre = Point(x: (c.box.minX + c.box.maxX) / 2, y: (c.box.minY + c.box.maxY) / 2)
            if try region.covers(.point(centre)) { best = c.centreDistanceMeters }
        }
        // A first grid of about 4 × 4 cells, square in degrees.
        let side = max(box.maxX - box.minX, box.maxY - box.minY) / 4
        guard side > 0 else { return best }
        var cells = [Cell]()
        var y = box.minY
        while y < box.maxY {
            var x = box.minX
            while x < box.maxX {
                let c = cell(BoundingBox(minX: x, minY: y, maxX: min(x + side, box.maxX), maxY: min(y + side, box.maxY)))
                try raise(with: c)
                cells.append(c)
                x += side
            }
            y += side
        }
        while true {
            cells.removeAll { $0.upperMeters <= best + slackMeters || seesLaunchWithinHalfTurn($0) }
            if cells.isEmpty { return best }
            if evaluations >= maximumEvaluations { return max(best, cells.map(\.upperMeters).max() ?? best) }
            var next = [Cell]()
            for c in cells {
                let b = c.box, midX = (b.minX + b.maxX) / 2, midY = (b.minY + b.maxY) / 2
                for child in [BoundingBox(minX: b.minX, minY: b.minY, maxX: midX, maxY: midY),
                              BoundingBox(minX: midX, minY: b.minY, maxX: b.maxX, maxY: midY),
                              BoundingBox(minX: b.minX, minY: midY, maxX: midX, maxY: b.maxY),
                              BoundingBox(minX: midX, minY: midY, maxX: b.maxX, maxY: b.maxY)] {
                    let k = cell(child)
                    guard k.upperMeters > best + slackMeters, !seesLaunchWithinHalfTurn(k),
                          try region.intersects(.polygon(child.polygon)) else { continue }
                    try raise(with: k)
                    next.append(k)
                }
            }
            cells = next
        }
    }
}
