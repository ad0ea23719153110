import Foundation
import Geodesy
import Geometry

/// SplitMix64: a small seeded generator, so every certification draws the same points.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Points classified by their true distance to the launch area against the envelope: random over the
/// envelope's neighbourhood and the globe, and adversarial (inside every launch polygon and every hole,
/// near every launch vertex, at both poles, at antipodes, on both sides of ±180°). A point in range by more
/// than t that is outside, or out of range by more than t that is inside, is a failure. The random points
/// of the neighbourhood also give an independent Monte Carlo estimate of the envelope's area.
struct MembershipCertificate {
    let distance: LaunchDistance
    let output: CertifiedOutput
    let parameters: RangeParameters
    let geodesic: Geodesic
    let bounds: EllipsoidBounds
    let neighbourhoodSamples: Int
    let globeSamples: Int
    /// Launch vertices used as adversarial seeds, at most (evenly strided beyond that).
    let vertexLimit: Int
    let seed: UInt64

    struct Result {
        var sampleCount = 0
        var failures = 0
        var firstFailure: LonLat?
        var firstFailureNote = ""
        var area: AreaCheck?
    }

    enum Truth { case inRange, outOfRange, withinTolerance }

    /// Classification of `q` by its true distances, with the tolerance as the margin.
    func truth(_ q: LonLat) -> Truth {
        let t = parameters.toleranceMeters, range = parameters.rangeMeters
        let near = distance.nearest(q, decidingAbove: range + t)
        if near.lowerMeters > range + t { return .outOfRange }
        var farEnough = true
        if let r = parameters.minRangeMeters {
            let far = distance.farthest(q, enoughMeters: r + t)
            if far.upperMeters < r - t { return .outOfRange }
            farEnough = far.lowerMeters >= r + t
        }
        if near.upperMeters <= range - t && farEnough { return .inRange }
        return .withinTolerance
    }

    /// The latitude band and longitude interval (or the whole circle) that hold every point within range:
    /// a geodesic of length ≤ R from a launch point stays within R / (b²/a) radians of its latitude, and
    /// within that band crosses meridians at ≥ a cos φₘₐₓ per radian.
    func neighbourhood() -> (latitudes: ClosedRange<Double>, longitudes: ClosedRange<Double>?) {
        let vertices = distance.launch.vertices
        let reach = parameters.rangeMeters + 2 * parameters.toleranceMeters
        let dLat = reach / bounds.smallestRadiusMeters * 180 / .pi
        let lats = vertices.map(\.latitude)
        let lo = max(-90, (lats.min() ?? 0) - dLat), hi = min(90, (lats.max() ?? 0) + dLat)
        let maxAbs = max(abs(lo), abs(hi))
        guard maxAbs < 89.9, dLat < 60 else { return (lo...hi, nil) }
        let dLon = reach / (bounds.a * cos(maxAbs * .pi / 180)) * 180 / .pi
        let lons = vertices.map(\.longitude)
        let west = (lons.min() ?? 0) - dLon, east = (lons.max() ?? 0) + dLon
        if east - west >= 360 { return (lo...hi, nil) }
        return (lo...hi, west...east)
    }

    func certify() -> Result {
        var result = Result()
        var rng = SeededGenerator(seed: seed)
        let t = parameters.toleranceMeters
        func check(_ raw: LonLat, _ note: String, known: Truth? = nil) {
            // Away from the cut and the poles by a few millimetres: the output is not asked on its own seams.
            let q = LonLat(longitude: wrapped(raw.longitude).clamped(-179.999_999_9, 179.999_999_9),
                           latitude: raw.latitude.clamped(-89.999_999_9, 89.999_999_9))
            result.sampleCount += 1
            let truth = known ?? truth(q)
            let inside = output.contains(q)
            let wrong = (truth == .inRange && !inside) || (truth == .outOfRange && inside)
            if wrong {
                result.failures += 1
                if result.firstFailure == nil {
                    result.firstFailure = q
                    result.firstFailureNote = "\(note) point \(q.latitude),\(q.longitude) is \(truth == .inRange ? "in range but outside" : "out of range but inside") the envelope"
                }
            }
        }

        // Random over the neighbourhood, uniform by area; also the Monte Carlo area estimate.
        let box = neighbourhood()
        let sinLo = sin(box.latitudes.lowerBound * .pi / 180), sinHi = sin(box.latitudes.upperBound * .pi / 180)
        let lonRange = box.longitudes ?? -180...180
        var weightIn = 0.0, weightAll = 0.0, weightUnsure = 0.0
        for _ in 0..<neighbourhoodSamples {
            let lat = asin(Double.random(in: sinLo...sinHi, using: &rng)) * 180 / .pi
            let lon = Double.random(in: lonRange, using: &rng)
            let q = LonLat(longitude: wrapped(lon), latitude: lat)
            // Sampling uniform in sin φ is uniform on a sphere; the ellipsoid's area element differs by M N.
            let w = areaWeight(lat)
            weightAll += w
            let truth = truth(q)
            switch truth {
            case .inRange: weightIn += w
            case .withinTolerance: weightUnsure += w
            case .outOfRange: break
            }
            check(q, "random", known: truth)
        }
        if neighbourhoodSamples > 0 {
            result.area = areaCheck(box: box, weightIn: weightIn, weightUnsure: weightUnsure, weightAll: weightAll)
        }
        for _ in 0..<globeSamples {
            let lat = asin(Double.random(in: -1...1, using: &rng)) * 180 / .pi
            check(LonLat(longitude: Double.random(in: -180...180, using: &rng), latitude: lat), "random (globe)")
        }

        // Inside every launch polygon and every hole of it.
        for area in distance.launch.areas {
            for q in interiorPoints(of: area.exterior, rng: &rng) where distance.launch.containsPoint(q) { check(q, "inside the launch area") }
            for hole in area.holes {
                for q in interiorPoints(of: hole, rng: &rng) where !distance.launch.containsPoint(q) { check(q, "inside a hole of the launch area") }
            }
        }
        // Near every launch vertex, and just inside / outside the range from it.
        let vertices = strided(distance.launch.vertices, limit: vertexLimit)
        let range = parameters.rangeMeters
        for v in vertices {
            check(v, "launch vertex")
            for azimuth in stride(from: 0.0, to: 360, by: 90) {
                check(geodesic.direct(from: v, azimuthDegrees: azimuth + 45, distanceMeters: 1).position, "near a launch vertex")
                for d in [range - 2 * t, range + 2 * t] where d > 0 {
                    check(geodesic.direct(from: v, azimuthDegrees: azimuth, distanceMeters: d).position, "range ± 2t from a launch vertex")
                }
                if let r = parameters.minRangeMeters {
                    for d in [r - 2 * t, r + 2 * t] where d > 0 {
                        check(geodesic.direct(from: v, azimuthDegrees: azimuth, distanceMeters: d).position, "minimum range ± 2t from a launch vertex")
                    }
                }
            }
            check(LonLat(longitude: v.longitude + 180, latitude: -v.latitude), "antipode of a launch vertex")
        }
        // Both poles, at a few longitudes.
        for lon in stride(from: -180.0, to: 180, by: 45) {
            check(LonLat(longitude: lon, latitude: 90), "north pole")
            check(LonLat(longitude: lon, latitude: -90), "south pole")
        }
        // Both sides of ±180°: along a latitude grid, at the launch's latitudes and along every cut edge.
        var latitudes = Array(stride(from: -89.5, through: 89.5, by: 1.0))
        latitudes += vertices.map(\.latitude)
        for ring in output.rings {
            for (a, b) in zip(ring, ring.dropFirst()) where abs(a.x) == 180 && a.x == b.x {
                for f in [0.01, 0.25, 0.5, 0.75, 0.99] { latitudes.append(a.y + f * (b.y - a.y)) }
            }
        }
        for lat in latitudes {
            check(LonLat(longitude: 180, latitude: lat), "east of −180°")
            check(LonLat(longitude: -180, latitude: lat), "west of 180°")
        }
        return result
    }

    /// Points inside a ring (by the launch's own crossing test): the vertex centroid and points a little
    /// inside the middle of some of its edges, on whichever side is inside.
    private func interiorPoints(of ring: [LonLat], rng: inout SeededGenerator) -> [LonLat] {
        guard ring.count >= 4 else { return [] }
        var out = [LonLat]()
        let n = ring.count - 1
        let centroid = LonLat(longitude: ring.dropLast().map(\.longitude).reduce(0, +) / Double(n),
                              latitude: ring.dropLast().map(\.latitude).reduce(0, +) / Double(n))
        if CertifiedLaunch.ringContains(ring, centroid) { out.append(centroid) }
        let edges = strided(Array(0..<n), limit: 12)
        for i in edges {
            let a = ring[i], b = ring[i + 1]
            let mid = LonLat(longitude: (a.longitude + b.longitude) / 2, latitude: (a.latitude + b.latitude) / 2)
            let dx = b.longitude - a.longitude, dy = b.latitude - a.latitude
            let norm = (dx * dx + dy * dy).squareRoot()
            guard norm > 0 else { continue }
            for step in [1e-5, 1e-3, 0.1 * norm] {
                for side in [1.0, -1.0] {
                    let q = LonLat(longitude: mid.longitude - side * dy / norm * step, latitude: mid.latitude + side * dx / norm * step)
                    if CertifiedLaunch.ringContains(ring, q) { out.append(q); break }
                }
            }
        }
        return out
    }

    /// Ellipsoidal area element relative to sampling uniform in sin φ: M N (the cos φ cancels).
    private func areaWeight(_ latitudeDegrees: Double) -> Double {
        let s = sin(latitudeDegrees * .pi / 180)
        let w2 = 1 - bounds.e2 * s * s
        return bounds.a * bounds.a * (1 - bounds.e2) / (w2 * w2)
    }

    /// Area of the ellipsoid between the equator and latitude φ (signed), square metres.
    private func zoneArea(_ latitudeDegrees: Double) -> Double {
        let e = bounds.e2.squareRoot(), s = sin(latitudeDegrees * .pi / 180)
        return 2 * Double.pi * bounds.b * bounds.b * (s / (2 * (1 - bounds.e2 * s * s)) + log((1 + e * s) / (1 - e * s)) / (4 * e))
    }

    private func areaCheck(box: (latitudes: ClosedRange<Double>, longitudes: ClosedRange<Double>?),
                           weightIn: Double, weightUnsure: Double, weightAll: Double) -> AreaCheck {
        let lonSpan = box.longitudes.map { $0.upperBound - $0.lowerBound } ?? 360
        let boxArea = (zoneArea(box.latitudes.upperBound) - zoneArea(box.latitudes.lowerBound)) * lonSpan / 360
        let share = (weightIn + weightUnsure / 2) / weightAll
        let estimate = boxArea * share
        // The share's Wilson score interval at 4σ (unlike share ± 4σ it does not collapse to nothing when no
        // or every sample hits: an envelope of a few samples' worth in a wide box); the unsure points
        // (within t of a bound) count half ± half; plus one sample's worth of area for the discreteness.
        let n = Double(neighbourhoodSamples), z = 4.0
        let centre = (share + z * z / (2 * n)) / (1 + z * z / n)
        let halfWidth = z * (share * (1 - share) / n + z * z / (4 * n * n)).squareRoot() / (1 + z * z / n)
        let shareError = max(share - (centre - halfWidth), centre + halfWidth - share)
        let estimateError = boxArea * shareError + boxArea * (weightUnsure / weightAll) / 2 + boxArea / n
        let measured = output.areaSquareMeters(geodesic, bounds: bounds)
        // A boundary within t of the true one moves the area by at most about perimeter × t.
        let allowed = estimateError + 1.5 * measured.perimeterMeters * parameters.toleranceMeters
        return AreaCheck(outputSquareMeters: measured.area, estimateSquareMeters: estimate,
                         allowedDifferenceSquareMeters: allowed,
                         passed: abs(measured.area - estimate) <= allowed)
    }
}

/// Longitude reduced to [-180, 180].
func wrapped(_ longitude: Double) -> Double {
    var x = longitude.truncatingRemainder(dividingBy: 360)
    if x > 180 { x -= 360 } else if x < -180 { x += 360 }
    return x
}

/// At most `limit` elements, evenly strided, first and last kept.
func strided<T>(_ items: [T], limit: Int) -> [T] {
    guard items.count > limit, limit > 1 else { return items }
    return (0..<limit).map { items[$0 * (items.count - 1) / (limit - 1)] }
}
