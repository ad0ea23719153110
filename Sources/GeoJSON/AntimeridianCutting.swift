import Geometry

/// Cuts geometry that crosses the antimeridian into parts within longitude [-180, 180] (RFC 7946 §3.1.9).
///
/// - An edge whose longitude jumps by more than 180° is taken to cross ±180° the short way; longitudes outside
///   [-180, 180] (unrolled, e.g. 170...190) are accepted too.
/// - Lines are split into a MultiLineString; polygons are split at each crossing and the pieces re-joined along
///   the cut meridian in order of latitude (no zero-width bridges, correct for concave shapes); holes go to the
///   part that contains them.
/// - A ring whose longitude winds ±360° encloses a pole (the one on the side of its mean latitude); it is closed
///   along latitude ±90° through the corners (±180, ±90), giving a proper polygon in [-180, 180].
/// - Points are wrapped into [-180, 180]. Geometry already within [-180, 180] without jumps is returned unchanged
///   (apart from exact ±180° normalization of nothing: it is untouched).
/// Results are planar in lon/lat degrees; polygon winding is RFC 7946 (exterior CCW, holes CW) when cut.
public func cutAtAntimeridian(_ geometry: Geometry) -> Geometry {
    switch geometry {
    case .point(let point):
        return .point(Point(point.coordinate.map(wrapped)))
    case .multiPoint(let multi):
        return .multiPoint(MultiPoint(multi.points.map { Point($0.coordinate.map(wrapped)) }))
    case .lineString(let line):
        let parts = cutLine(line.coordinates)
        return parts.count == 1 ? .lineString(LineString(parts[0])) : .multiLineString(MultiLineString(parts.map(LineString.init)))
    case .multiLineString(let multi):
        if multi.lineStrings.allSatisfy({ !needsCutting($0.coordinates) }) { return geometry }
        return .multiLineString(MultiLineString(multi.lineStrings.flatMap { cutLine($0.coordinates) }.map(LineString.init)))
    case .polygon(let polygon):
        if !polygonNeedsCutting(polygon) { return geometry }
        let parts = cutPolygon(polygon)
        return parts.count == 1 ? .polygon(parts[0]) : .multiPolygon(MultiPolygon(parts))
    case .multiPolygon(let multi):
        if !multi.polygons.contains(where: polygonNeedsCutting) { return geometry }
        return .multiPolygon(MultiPolygon(multi.polygons.flatMap { polygonNeedsCutting($0) ? cutPolygon($0) : [$0] }))
    case .geometryCollection(let collection):
        return .geometryCollection(GeometryCollection(collection.geometries.map(cutAtAntimeridian)))
    }
}

// MARK: - Detection

/// True when some longitude is outside [-180, 180] or some edge jumps by more than 180°. An edge from one
/// side of ±180° to the other (180 → -180, as in data already cut, e.g. Antarctica's edge along the pole) runs
/// along the antimeridian and is not a crossing; nor is an edge along latitude ±90 (a ring already closed
/// at a pole, e.g. -149.5 → 180 at 90° N: every point of it is the pole, so it cannot cross anything).
private func needsCutting(_ coordinates: [Coordinate]) -> Bool {
    var previous: Coordinate?
    for c in coordinates {
        if c.x < -180 || c.x > 180 { return true }
        if let p = previous, abs(c.x - p.x) > 180, !(abs(c.x) == 180 && abs(p.x) == 180),
           !(abs(c.y) == 90 && c.y == p.y) { return true }
        previous = c
    }
    return false
}

private func polygonNeedsCutting(_ polygon: Polygon) -> Bool {
    needsCutting(polygon.exterior) || polygon.holes.contains(where: needsCutting)
}

// MARK: - Longitude arithmetic

/// Longitude in [-180, 180] (180 stays 180, 540 becomes 180).
private func wrapped(_ c: Coordinate) -> Coordinate {
    guard c.x < -180 || c.x > 180 else { return c }
    var x = (c.x + 180).truncatingRemainder(dividingBy: 360)
    if x < 0 { x += 360 }
    x -= 180
    if x == -180 && c.x > 0 { x = 180 }
    return Coordinate(x: x, y: c.y, z: c.z)
}

/// Makes longitudes continuous: each step changes longitude by at most 180° (the short way).
private func unrolled(_ coordinates: [Coordinate]) -> [Coordinate] {
    guard var previous = coordinates.first?.x else { return coordinates }
    var result = coordinates
    for index in result.indices.dropFirst() {
        var x = result[index].x
        while x - previous > 180 { x -= 360 }
        while x - previous < -180 { x += 360 }
        result[index].x = x
        previous = x
    }
    return result
}

/// Index of the 360°-wide strip [-180 + 360k, 180 + 360k) holding `x` (180 itself belongs to the next strip,
/// matching the clipper's "on the line counts as right").
private func strip(_ x: Double) -> Int { Int(((x + 180) / 360).rounded(.down)) }

private func shifted(_ ring: [Coordinate], by dx: Double) -> [Coordinate] {
    dx == 0 ? ring : ring.map { Coordinate(x: $0.x + dx, y: $0.y, z: $0.z) }
}

// MARK: - Lines

private func cutLine(_ coordinates: [Coordinate]) -> [[Coordinate]] {
    guard needsCutting(coordinates) else { return [coordinates] }
    let line = unrolled(coordinates)
    var parts: [[Coordinate]] = []
    var current: [Coordinate] = []
    var currentStrip = strip(line[0].x)
    current.append(line[0])
    for index in line.indices.dropFirst() {
        let a = line[index - 1], b = line[index]
        let nextStrip = strip(b.x)
        if nextStrip != currentStrip {
            // Steps are at most 180°, so exactly one meridian 180 + 360k lies between the strips.
            let meridian = Double(max(currentStrip, nextStrip)) * 360 - 180
            let t = (meridian - a.x) / (b.x - a.x)
            var z: Double?
            if let az = a.z, let bz = b.z { z = az + t * (bz - az) }
            let y = a.y + t * (b.y - a.y)
            current.append(Coordinate(x: meridian, y: y, z: z))
            parts.append(finishLinePart(current, strip: currentStrip))
            current = [Coordinate(x: meridian, y: y, z: z)]
            currentStrip = nextStrip
        }
        if let last = current.last, last.x == b.x, last.y == b.y { continue }
        current.append(b)
    }
    parts.append(finishLinePart(current, strip: currentStrip))
    return parts.filter { $0.count >= 2 }
}

/// Shifts a line part from its strip into [-180, 180]; a meridian end point keeps the side it belongs to.
private func finishLinePart(_ part: [Coordinate], strip: Int) -> [Coordinate] {
    let west = Double(strip) * 360 - 180, east = west + 360
    var deduplicated: [Coordinate] = []
    for c in part {
        // Points on the strip's west meridian are written as -180, on its east meridian as 180.
        let x = c.x == east ? 180 : (c.x == west ? -180 : c.x - Double(strip) * 360)
        let moved = Coordinate(x: x, y: c.y, z: c.z)
        if let last = deduplicated.last, last.x == moved.x, last.y == moved.y { continue }
        deduplicated.append(moved)
    }
    return deduplicated
}

// MARK: - Polygons

private func cutPolygon(_ polygon: Polygon) -> [Polygon] {
    guard polygon.exterior.count >= 4 else { return [polygon] }
    var exterior = unrolled(polygon.exterior)
    let winding = exterior[exterior.count - 1].x - exterior[0].x  // 0 or ±360 (×k for spirals)
    if abs(winding) >= 180 {
        exterior = closedAroundPole(exterior, winding: winding)
    } else {
        exterior[exterior.count - 1] = exterior[0]
    }
    let minX = exterior.map(\.x).min()!, maxX = exterior.map(\.x).max()!
    let centerX = (minX + maxX) / 2
    // Holes unrolled on their own, then moved by whole turns next to the exterior.
    let holes = polygon.holes.filter { $0.count >= 4 }.map { hole -> [Coordinate] in
        var ring = unrolled(hole)
        ring[ring.count - 1] = ring[0]
        let holeCenter = (ring.map(\.x).min()! + ring.map(\.x).max()!) / 2
        return shifted(ring, by: ((centerX - holeCenter) / 360).rounded() * 360)
    }
    let oriented = orientedForRFC7946(Polygon(exterior: exterior, holes: holes))

    var parts: [Polygon] = []
    for k in strip(minX)...strip(maxX) {
        let west = Double(k) * 360 - 180, east = west + 360
        var pieces = [oriented]
        if minX < west {
            pieces = pieces.flatMap { HalfPlaneClipper(lineX: west, keepRight: true).clip($0) }
        }
        if maxX > east {
            pieces = pieces.flatMap { HalfPlaneClipper(lineX: east, keepRight: false).clip($0) }
        }
        let dx = -Double(k) * 360
        parts += pieces.map { Polygon(exterior: shifted($0.exterior, by: dx), holes: $0.holes.map { shifted($0, by: dx) }) }
    }
    return parts
}

/// Turns a ring winding ±360° in longitude into a planar ring: it starts where it crosses a meridian
/// 180 + 360k, runs once around, and returns along the enclosed pole's latitude (±90).
private func closedAroundPole(_ ring: [Coordinate], winding: Double) -> [Coordinate] {
    let open = Array(ring.dropLast())
    let meanLatitude = open.reduce(0) { $0 + $1.y } / Double(open.count)
    let poleLatitude: Double = meanLatitude >= 0 ? 90 : -90
    // Rotate to start on a meridian 180 + 360k (there is one: the ring spans 360°).
    var startPoint = open[0]
    var rotated = open
    for index in open.indices {
        let a = open[index]
        let b = index + 1 < open.count ? open[index + 1] : Coordinate(x: open[0].x + winding, y: open[0].y, z: open[0].z)
        if (a.x + 180).truncatingRemainder(dividingBy: 360) == 0 {
            startPoint = a
            rotated = Array(open[index...]) + open[..<index].map { Coordinate(x: $0.x + winding, y: $0.y, z: $0.z) }
            break
        }
        if strip(a.x) != strip(b.x) {
            let meridian = Double(max(strip(a.x), strip(b.x))) * 360 - 180
            let t = (meridian - a.x) / (b.x - a.x)
            var z: Double?
            if let az = a.z, let bz = b.z { z = az + t * (bz - az) }
            startPoint = Coordinate(x: meridian, y: a.y + t * (b.y - a.y), z: z)
            let after = index + 1 < open.count
                ? Array(open[(index + 1)...]) + open[...index].map { Coordinate(x: $0.x + winding, y: $0.y, z: $0.z) }
                : open.map { Coordinate(x: $0.x + winding, y: $0.y, z: $0.z) }
            rotated = [startPoint] + after
            break
        }
    }
    let endX = startPoint.x + winding
    var closed = rotated
    closed.append(Coordinate(x: endX, y: startPoint.y, z: startPoint.z))
    closed.append(Coordinate(x: endX, y: poleLatitude))
    closed.append(Coordinate(x: startPoint.x, y: poleLatitude))
    closed.append(startPoint)
    return closed
}
