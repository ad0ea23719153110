import Foundation
import Geodesy
import Geometry

/// The envelope as the certifier reads it: rings in lon/lat, edges straight in lon/lat (RFC 7946), longitudes
/// in [-180, 180]. Membership is by crossing number over every ring (exteriors and holes alike), so a
/// point is inside when an odd number of rings surround it, which is what a valid MultiPolygon means.
/// Points exactly on ±180° or ±90° are never asked: the certifier moves them a few millimetres inwards.
struct CertifiedOutput: Sendable {
    let rings: [[Coordinate]]
    /// Whether each ring is a hole of its polygon.
    let isHole: [Bool]

    init(_ geometry: MultiPolygon) {
        var rings = [[Coordinate]](), isHole = [Bool]()
        for p in geometry.polygons where p.exterior.count >= 4 {
            rings.append(p.exterior); isHole.append(false)
            for h in p.holes where h.count >= 4 { rings.append(h); isHole.append(true) }
        }
        self.rings = rings
        self.isHole = isHole
    }

    func contains(_ q: LonLat) -> Bool {
        let x = q.longitude, y = q.latitude
        var inside = false
        for ring in rings {
            var j = ring.count - 1
            for i in 0..<ring.count {
                let a = ring[i], b = ring[j]
                if (a.y > y) != (b.y > y) {
                    let xCross = a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x)
                    if x < xCross { inside.toggle() }
                }
                j = i
            }
        }
        return inside
    }

    /// Whether the edge a→b is where the output was cut at ±180° or closed along a pole, not a range bound.
    static func isCutOrClosure(_ a: Coordinate, _ b: Coordinate) -> Bool {
        (abs(a.x) == 180 && a.x == b.x) || (abs(a.y) == 90 && a.y == b.y)
    }

    /// Geodesic area of the region bounded by lon/lat-straight edges, and the length of its range-bound
    /// edges. Each edge is split into pieces of at most 0.05° in both coordinates, so the geodesic through
    /// their ends follows the lon/lat line closely, and `geod_polygon` measures every ring oriented with its
    /// lon/lat interior on the left: that area is the signed area modulo the ellipsoid's total area.
    /// Exteriors add and holes subtract.
    func areaSquareMeters(_ geodesic: Geodesic, bounds: EllipsoidBounds) -> (area: Double, perimeterMeters: Double) {
        let e = bounds.e2.squareRoot()
        let globe = 2 * Double.pi * bounds.a * bounds.a * (1 + (1 - bounds.e2) / e * atanh(e))
        var area = 0.0, perimeter = 0.0
        for (index, ring) in rings.enumerated() {
            var dense = [LonLat]()
            let ordered = Self.planarSignedArea(ring) >= 0 ? ring : ring.reversed()
            for (a, b) in zip(ordered, ordered.dropFirst()) {
                let n = max(1, Int((max(abs(b.x - a.x), abs(b.y - a.y)) / 0.05).rounded(.up)))
                for k in 0..<n {
                    let f = Double(k) / Double(n)
                    dense.append(LonLat(longitude: a.x + f * (b.x - a.x), latitude: a.y + f * (b.y - a.y)))
                }
            }
            var left = geodesic.ringMeasure(dense).signedAreaSquareMeters
            if left < 0 { left += globe }
            // The whole globe and nothing have the same signed area (0 modulo the total): the lon/lat area tells.
            let planar = abs(Self.planarSignedArea(ring))
            if left < 1e-9 * globe && planar > 1 { left = globe }
            if left > (1 - 1e-9) * globe && planar < 1 { left = 0 }
            area += isHole[index] ? -left : left
            for (a, b) in zip(ring, ring.dropFirst()) where !Self.isCutOrClosure(a, b) {
                perimeter += geodesic.distanceMeters(LonLat(longitude: a.x, latitude: a.y), LonLat(longitude: b.x, latitude: b.y))
            }
        }
        return (area, perimeter)
    }

    static func planarSignedArea(_ ring: [Coordinate]) -> Double {
        var sum = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) { sum += a.x * b.y - b.x * a.y }
        return sum / 2
    }
}
