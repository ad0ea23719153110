import Geometry

/// Planar signed area (shoelace) of a ring in its own units (degrees² for lon/lat); positive when
/// counter-clockwise. Works for closed or open rings.
public func signedArea(ofRing ring: [Coordinate]) -> Double {
    guard ring.count >= 3 else { return 0 }
    var twiceArea = 0.0
    // Relative to the first vertex, to keep precision for rings far from the origin.
    let x0 = ring[0].x, y0 = ring[0].y
    for index in 1..<(ring.count - 1) {
        let a = ring[index], b = ring[index + 1]
        twiceArea += (a.x - x0) * (b.y - y0) - (b.x - x0) * (a.y - y0)
    }
    return twiceArea / 2
}

/// RFC 7946 §3.1.6 winding: exterior counter-clockwise, holes clockwise (rings reversed when needed).
func orientedForRFC7946(_ polygon: Polygon) -> Polygon {
    var result = polygon
    if signedArea(ofRing: result.exterior) < 0 { result.exterior.reverse() }
    for index in result.holes.indices where signedArea(ofRing: result.holes[index]) > 0 {
        result.holes[index].reverse()
    }
    return result
}

/// Applies RFC 7946 winding to every polygon in `geometry`.
func orientedForRFC7946(_ geometry: Geometry) -> Geometry {
    switch geometry {
    case .polygon(let polygon): .polygon(orientedForRFC7946(polygon))
    case .multiPolygon(let multi): .multiPolygon(MultiPolygon(multi.polygons.map { orientedForRFC7946($0) }))
    case .geometryCollection(let collection):
        .geometryCollection(GeometryCollection(collection.geometries.map { orientedForRFC7946($0) }))
    default: geometry
    }
}

/// Planar area (degrees²) of a polygon: exterior minus holes.
public func planarArea(of polygon: Polygon) -> Double {
    abs(signedArea(ofRing: polygon.exterior)) - polygon.holes.reduce(0) { $0 + abs(signedArea(ofRing: $1)) }
}
