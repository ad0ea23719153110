import Geometry

/// Point-in-polygon for many points against one fixed MultiPolygon (planar lon/lat), pure Swift and `Sendable`.
///
/// Edges are bucketed into horizontal rows; a point counts the crossings of a ray to +x with the edges of
/// its row (even-odd over every ring, holes included, half-open in y so shared vertices count once).
/// Used for batch classification because GEOS 3.11's prepared covers needs a new point geometry per query
/// (10× slower); points exactly on an edge may go either way, which the band logic of
/// `ReachBatchClassifier` tolerates by construction.
public struct PolygonRowIndex: Sendable {
    private let minX, maxX, minY, maxY: Double
    private let rowScale: Double
    private let rowCount: Int
    private let rowStart: [Int32]
    /// Per edge in row order: x1, y1, x2, y2.
    private let edges: [Double]

    public init(_ polygon: MultiPolygon) {
        var segs = [(Double, Double, Double, Double)]()
        var lox = Double.infinity, hix = -Double.infinity, loy = Double.infinity, hiy = -Double.infinity
        for p in polygon.polygons {
            for ring in [p.exterior] + p.holes where ring.count >= 2 {
                for i in 1..<ring.count {
                    let a = ring[i - 1], b = ring[i]
                    lox = min(lox, a.x, b.x); hix = max(hix, a.x, b.x); loy = min(loy, a.y, b.y); hiy = max(hiy, a.y, b.y)
                    if a.y != b.y { segs.append((a.x, a.y, b.x, b.y)) }
                }
            }
        }
        minX = lox; maxX = hix; minY = loy; maxY = hiy
        let rows = max(1, min(1 << 16, segs.count / 2))
        rowCount = rows
        rowScale = hiy > loy ? Double(rows) / (hiy - loy) : 0
        var buckets = [[Int]](repeating: [], count: rows)
        for (k, s) in segs.enumerated() {
            let r0 = Self.row(min(s.1, s.3), loy, rowScale, rows), r1 = Self.row(max(s.1, s.3), loy, rowScale, rows)
            for r in r0...r1 { buckets[r].append(k) }
        }
        var start = [Int32](), flat = [Double]()
        start.reserveCapacity(rows + 1)
        for b in buckets {
            start.append(Int32(flat.count / 4))
            for k in b { let s = segs[k]; flat += [s.0, s.1, s.2, s.3] }
        }
        start.append(Int32(flat.count / 4))
        rowStart = start; edges = flat
    }

    private static func row(_ y: Double, _ minY: Double, _ scale: Double, _ rows: Int) -> Int {
        min(rows - 1, max(0, Int((y - minY) * scale)))
    }

    /// Whether (x, y) lies inside (on an edge: either answer). NaN gives false.
    public func contains(x: Double, y: Double) -> Bool {
        guard x >= minX, x <= maxX, y >= minY, y <= maxY else { return false }
        let r = Self.row(y, minY, rowScale, rowCount)
        var inside = false
        edges.withUnsafeBufferPointer { e in
            var i = Int(rowStart[r]) * 4
            let end = Int(rowStart[r + 1]) * 4
            while i < end {
                if PlanarRing.crossesRay(x1: e[i], y1: e[i + 1], x2: e[i + 2], y2: e[i + 3], x: x, y: y) { inside.toggle() }
                i += 4
            }
        }
        return inside
    }
}
