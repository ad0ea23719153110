import Geometry

/// Clips polygons to one side of the vertical line x = `lineX` without zero-width bridges: each ring is split
/// where it crosses the line, and the kept arcs are re-joined along the line in order of y (the walk direction
/// follows from the rings' orientation). Input rings must be oriented: exteriors counter-clockwise, holes
/// clockwise. Vertices exactly on the line count as being on the right side (a consistent perturbation).
struct HalfPlaneClipper {
    let lineX: Double
    /// Keep x >= lineX (true) or x < lineX (false).
    let keepRight: Bool

    private func isRight(_ c: Coordinate) -> Bool { c.x >= lineX }

    private func crossing(_ a: Coordinate, _ b: Coordinate) -> Coordinate {
        // Interpolate from the left endpoint so both directions give bit-identical points.
        let (p, q) = a.x < b.x ? (a, b) : (b, a)
        let t = (lineX - p.x) / (q.x - p.x)
        var z: Double?
        if let pz = p.z, let qz = q.z { z = pz + t * (qz - pz) }
        return Coordinate(x: lineX, y: p.y + t * (q.y - p.y), z: z)
    }

    /// Polygons (oriented) → clipped polygons (oriented).
    func clip(_ polygon: Polygon) -> [Polygon] {
        let rings = [polygon.exterior] + polygon.holes
        var arcs: [[Coordinate]] = []
        var keptExteriors: [[Coordinate]] = []
        var keptHoles: [[Coordinate]] = []
        for (ringIndex, ring) in rings.enumerated() where ring.count >= 4 {
            let ringArcs = split(ring)
            if let ringArcs {
                arcs += ringArcs
            } else if isRight(ring[0]) == keepRight {
                if ringIndex == 0 { keptExteriors.append(ring) } else { keptHoles.append(ring) }
            }
        }
        var exteriors = keptExteriors + join(arcs)
        exteriors = exteriors.filter { ring in abs(signedArea(ofRing: ring)) > 0 }
        var polygons = exteriors.map { Polygon(exterior: $0) }
        for hole in keptHoles {
            // A hole belongs to the piece that contains it (test a vertex not on the cut line).
            let probe = hole.first { $0.x != lineX } ?? hole[0]
            if let owner = polygons.indices.first(where: { ringContains(polygons[$0].exterior, probe) }) {
                polygons[owner].holes.append(hole)
            }
        }
        return polygons
    }

    /// The arcs of `ring` on the kept side, each starting and ending on the line; nil if the ring never crosses.
    private func split(_ ring: [Coordinate]) -> [[Coordinate]]? {
        let vertexCount = ring.count - 1  // closed ring: last == first
        // Begin with an edge entering the kept side, so every arc is built whole.
        guard let start = (0..<vertexCount).first(where: {
            isRight(ring[$0]) != keepRight && isRight(ring[$0 + 1]) == keepRight
        }) else {
            return nil
        }
        var arcs: [[Coordinate]] = []
        var current: [Coordinate] = []
        // Walk every edge once, beginning with the first crossing edge.
        for step in 0..<vertexCount {
            let a = ring[(start + step) % vertexCount], b = ring[(start + step + 1) % vertexCount]
            let aKept = isRight(a) == keepRight, bKept = isRight(b) == keepRight
            if aKept != bKept {
                let point = crossing(a, b)
                if bKept {
                    current = [point]
                    appendDistinct(&current, b)
                } else {
                    appendDistinct(&current, point)
                    if !current.isEmpty { arcs.append(current) }
                    current = []
                }
            } else if bKept {
                appendDistinct(&current, b)
            }
        }
        return arcs
    }

    /// Joins arcs into closed rings, walking along the line from each arc's exit to the next entry.
    private func join(_ arcs: [[Coordinate]]) -> [[Coordinate]] {
        guard !arcs.isEmpty else { return [] }
        // Keeping the left side, the kept region's boundary runs up the line (+y); keeping the right, down.
        let direction: Double = keepRight ? -1 : 1
        var used = [Bool](repeating: false, count: arcs.count)
        var nextArc = [Int](repeating: -1, count: arcs.count)
        let exitOrder = arcs.indices.sorted { direction * arcs[$0].last!.y < direction * arcs[$1].last!.y }
        var entryTaken = [Bool](repeating: false, count: arcs.count)
        for exitIndex in exitOrder {
            let exitY = direction * arcs[exitIndex].last!.y
            var best = -1
            for candidate in arcs.indices where !entryTaken[candidate] {
                let entryY = direction * arcs[candidate].first!.y
                guard entryY >= exitY else { continue }
                if best < 0 || entryY < direction * arcs[best].first!.y { best = candidate }
            }
            if best < 0 {  // degenerate input: close the arc on itself
                best = exitIndex
            }
            entryTaken[best] = true
            nextArc[exitIndex] = best
        }
        var rings: [[Coordinate]] = []
        for first in arcs.indices where !used[first] {
            var ring: [Coordinate] = []
            var index = first
            while !used[index] {
                used[index] = true
                for c in arcs[index] { appendDistinct(&ring, c) }
                index = nextArc[index]
                if index < 0 { break }
            }
            guard let head = ring.first else { continue }
            appendDistinct(&ring, head)
            if ring.count >= 4 { rings.append(ring) }
        }
        return rings
    }
}

private func appendDistinct(_ ring: inout [Coordinate], _ c: Coordinate) {
    if let last = ring.last, last.x == c.x, last.y == c.y { return }
    ring.append(c)
}

/// Even-odd point-in-ring test (planar).
func ringContains(_ ring: [Coordinate], _ point: Coordinate) -> Bool {
    var inside = false
    var j = ring.count - 1
    for i in 0..<ring.count {
        let a = ring[i], b = ring[j]
        if (a.y > point.y) != (b.y > point.y),
           point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x {
            inside.toggle()
        }
        j = i
    }
    return inside
}
