import Foundation
import Geometry
@testable import StrikeRange

/// Seeded random launches worldwide for the certifier's property test (issue 9), by category, each with the
/// ranges that make it interesting: cheap ones (points, small extents, short ranges) and expensive ones
/// (long ranges from areas) in separate categories so the test can spend its budget on each knowingly.
struct RandomLaunch {
    enum Category: String, CaseIterable {
        /// A point anywhere, 1 m to 20,000 km (up to just below half a meridian).
        case point
        /// A point at or within 5° of a pole, and lines or small polygons above 80° of latitude, 1 m to 1,500 km.
        case polar
        /// An open line of 2 to 5 vertices, 0.001° to 2° across, 1 m to 1,000 km.
        case line
        /// A closed line (a loop: its inside is not launch area), 0.005° to 0.5° across, 1 m to 100 km.
        case loop
        /// A star-shaped polygon, 0.005° to 0.5° across, with one or two star-shaped holes, 1 m to 200 km.
        case holedPolygon
        /// Two or three separate polygons (a multi-part area) or lines, 1 m to 800 km.
        case multiPart
        /// A polygon, line or point cut at ±180° (parts on both sides), up to 0.5° across, 1 m to 500 km.
        case antimeridian
        /// A line or polygon, 1,000 km to 19,500 km: the expensive category.
        case longRangeArea
    }

    let category: Category
    let geometry: Geometry
    let rangeMeters: Double
    let minRangeMeters: Double?

    static func logUniform(_ lo: Double, _ hi: Double, using rng: inout SeededGenerator) -> Double {
        exp(Double.random(in: log(lo)...log(hi), using: &rng))
    }

    /// Wraps a longitude into [-180, 180].
    static func wrapped(_ x: Double) -> Double {
        x > 180 ? x - 360 : (x < -180 ? x + 360 : x)
    }

    /// A star-shaped ring around (lon, lat): `count` vertices at increasing angles, radii (degrees of
    /// latitude) in [0.6, 1] × `radius`, stretched in longitude by 1/cos(lat). Counter-clockwise unless
    /// `clockwise`. Never crosses ±180° or a pole for the centres the callers pick.
    static func starRing(lon: Double, lat: Double, radius: Double, count: Int, clockwise: Bool = false,
                         using rng: inout SeededGenerator) -> [Coordinate] {
        let stretch = 1 / max(0.1, cos(lat * .pi / 180))
        var ring = (0..<count).map { k -> Coordinate in
            let angle = (Double(k) + Double.random(in: 0.1...0.9, using: &rng)) * 2 * .pi / Double(count)
            let r = radius * Double.random(in: 0.6...1, using: &rng)
            return Coordinate(x: lon + r * stretch * cos(angle), y: lat + r * sin(angle))
        }
        if clockwise { ring.reverse() }
        ring.append(ring[0])
        return ring
    }

    static func randomLatitude(maxAbs: Double, using rng: inout SeededGenerator) -> Double {
        asin(Double.random(in: -sin(maxAbs * .pi / 180)...sin(maxAbs * .pi / 180), using: &rng)) * 180 / .pi
    }

    static func make(_ category: Category, using rng: inout SeededGenerator) -> RandomLaunch {
        var range: Double
        let geometry: Geometry
        switch category {
        case .point:
            let lat = randomLatitude(maxAbs: 90, using: &rng)
            geometry = .point(Point(x: Double.random(in: -180...180, using: &rng), y: lat))
            range = logUniform(1, 20_000_000, using: &rng)
        case .polar:
            let sign: Double = Bool.random(using: &rng) ? 1 : -1
            let lon = Double.random(in: -180...180, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: geometry = .point(Point(x: lon, y: 90 * sign))
            case 1: geometry = .point(Point(x: lon, y: sign * Double.random(in: 85..<90, using: &rng)))
            case 2:
                let n = Int.random(in: 2...4, using: &rng)
                geometry = .lineString(LineString((0..<n).map { k in
                    Coordinate(x: wrapped(lon + Double(k) * Double.random(in: 1...40, using: &rng)),
                               y: sign * Double.random(in: 80...89.9, using: &rng))
                }))
            default:
                let ring = starRing(lon: max(-170, min(170, lon)), lat: sign * Double.random(in: 80...84, using: &rng),
                                    radius: logUniform(0.01, 0.5, using: &rng), count: Int.random(in: 3...7, using: &rng), using: &rng)
                geometry = .polygon(Polygon(exterior: ring))
            }
            range = logUniform(1, 1_500_000, using: &rng)
        case .line:
            let lat = randomLatitude(maxAbs: 75, using: &rng), lon = Double.random(in: -170...170, using: &rng)
            let extent = logUniform(0.001, 2, using: &rng)
            let n = Int.random(in: 2...5, using: &rng)
            geometry = .lineString(LineString((0..<n).map { _ in
                Coordinate(x: lon + Double.random(in: -extent...extent, using: &rng), y: lat + Double.random(in: -extent...extent, using: &rng))
            }))
            range = logUniform(1, 1_000_000, using: &rng)
        case .loop:
            let lat = randomLatitude(maxAbs: 70, using: &rng), lon = Double.random(in: -170...170, using: &rng)
            let ring = starRing(lon: lon, lat: lat, radius: logUniform(0.005, 0.5, using: &rng), count: Int.random(in: 3...8, using: &rng), using: &rng)
            geometry = .lineString(LineString(ring))
            range = logUniform(1, 100_000, using: &rng)
        case .holedPolygon:
            let lat = randomLatitude(maxAbs: 70, using: &rng), lon = Double.random(in: -170...170, using: &rng)
            let radius = logUniform(0.005, 0.5, using: &rng)
            // With 8 or more vertices at radii ≥ 0.6 and angular gaps ≤ 81°, every exterior edge stays more
            // than 0.45 × radius from the centre: the holes (out to 0.25 and 0.31…0.39) are inside and apart.
            let exterior = starRing(lon: lon, lat: lat, radius: radius, count: Int.random(in: 8...12, using: &rng), using: &rng)
            var holes = [starRing(lon: lon, lat: lat, radius: 0.25 * radius, count: Int.random(in: 3...6, using: &rng), clockwise: true, using: &rng)]
            if Bool.random(using: &rng) {
                holes.append(starRing(lon: lon + 0.35 * radius / max(0.1, cos(lat * .pi / 180)), lat: lat, radius: 0.04 * radius,
                                      count: 3, clockwise: true, using: &rng))
            }
            geometry = .polygon(Polygon(exterior: exterior, holes: holes))
            range = logUniform(1, 200_000, using: &rng)
        case .multiPart:
            let lat = randomLatitude(maxAbs: 70, using: &rng), lon = Double.random(in: -165...165, using: &rng)
            let radius = logUniform(0.005, 1, using: &rng)
            let parts = Int.random(in: 2...3, using: &rng)
            let centres = (0..<parts).map { k in (lon + Double(k) * 3 * radius / max(0.1, cos(lat * .pi / 180)), lat + Double(k) * radius) }
            if Bool.random(using: &rng) {
                geometry = .multiPolygon(MultiPolygon(centres.map { c in
                    Polygon(exterior: starRing(lon: c.0, lat: c.1, radius: radius, count: Int.random(in: 3...6, using: &rng), using: &rng))
                }))
            } else {
                geometry = .multiLineString(MultiLineString(centres.map { c in
                    LineString([Coordinate(x: c.0 - radius, y: c.1), Coordinate(x: c.0 + radius, y: c.1 + Double.random(in: -radius...radius, using: &rng))])
                }))
            }
            range = logUniform(1, 800_000, using: &rng)
        case .antimeridian:
            let lat = randomLatitude(maxAbs: 75, using: &rng)
            let west = logUniform(0.001, 0.5, using: &rng), east = logUniform(0.001, 0.5, using: &rng)
            let half = logUniform(0.001, 0.5, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0:
                // Two rectangles sharing the ±180° meridian: one area cut there.
                func rect(_ x0: Double, _ x1: Double) -> Polygon {
                    Polygon(exterior: [Coordinate(x: x0, y: lat - half), Coordinate(x: x1, y: lat - half), Coordinate(x: x1, y: lat + half),
                                       Coordinate(x: x0, y: lat + half), Coordinate(x: x0, y: lat - half)])
                }
                geometry = .multiPolygon(MultiPolygon([rect(180 - west, 180), rect(-180, -180 + east)]))
            case 1:
                geometry = .multiLineString(MultiLineString([
                    LineString([Coordinate(x: 180 - west, y: lat - half), Coordinate(x: 180, y: lat)]),
                    LineString([Coordinate(x: -180, y: lat), Coordinate(x: -180 + east, y: lat + half)]),
                ]))
            default:
                geometry = .point(Point(x: Bool.random(using: &rng) ? 180 - west / 1000 : -180 + east / 1000, y: lat))
            }
            range = logUniform(1, 500_000, using: &rng)
        case .longRangeArea:
            let lat = randomLatitude(maxAbs: 80, using: &rng), lon = Double.random(in: -170...170, using: &rng)
            let radius = logUniform(0.01, 2, using: &rng)
            if Bool.random(using: &rng) {
                geometry = .polygon(Polygon(exterior: starRing(lon: lon, lat: lat, radius: radius, count: Int.random(in: 3...6, using: &rng), using: &rng)))
            } else {
                geometry = .lineString(LineString([Coordinate(x: lon - radius, y: lat), Coordinate(x: lon + radius, y: lat + radius / 2)]))
            }
            range = logUniform(1_000_000, 19_500_000, using: &rng)
        }
        range = range.rounded(.down) < 1 ? 1 : range
        // One launch in five has a minimum range, 5 % to 70 % of the range.
        let minimum: Double? = Double.random(in: 0..<1, using: &rng) < 0.2 ? range * Double.random(in: 0.05...0.7, using: &rng) : nil
        return RandomLaunch(category: category, geometry: geometry, rangeMeters: range, minRangeMeters: minimum)
    }
}
