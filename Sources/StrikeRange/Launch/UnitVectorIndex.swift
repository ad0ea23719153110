#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geodesy

/// A point on the unit sphere (geocentric direction of a lon/lat), used only to prefilter candidates.
struct UnitVector: Sendable {
    var x: Double, y: Double, z: Double
    init(_ p: LonLat) {
        let lat = p.latitude * .pi / 180, lon = p.longitude * .pi / 180
        let c = cos(lat)
        x = c * cos(lon); y = c * sin(lon); z = sin(lat)
    }
    init(x: Double, y: Double, z: Double) { self.x = x; self.y = y; self.z = z }
    func squaredChord(_ o: UnitVector) -> Double {
        let dx = x - o.x, dy = y - o.y, dz = z - o.z
        return dx * dx + dy * dy + dz * dz
    }
    func dot(_ o: UnitVector) -> Double { x * o.x + y * o.y + z * o.z }
}

/// A static 3-D k-d tree over unit vectors: nearest neighbour and all-within-radius queries.
/// Pure Swift and read-only after construction, so one tree can serve many threads. Nodes are stored in
/// tree order (x, y, z interleaved) so a search walks contiguous memory.
struct UnitVectorIndex: Sendable {
    /// Tree-ordered coordinates, three per node.
    private let xyz: [Double]
    /// Item index of each node.
    private let ids: [Int32]

    init(_ vectors: [UnitVector]) {
        var order = (0..<vectors.count).map { Int32($0) }
        Self.build(&order, vectors, 0, vectors.count, depth: 0)
        var xyz = [Double]()
        xyz.reserveCapacity(order.count * 3)
        for i in order { let v = vectors[Int(i)]; xyz += [v.x, v.y, v.z] }
        self.xyz = xyz
        ids = order
    }

    private static func coordinate(_ v: UnitVector, _ axis: Int) -> Double { axis == 0 ? v.x : axis == 1 ? v.y : v.z }

    private static func build(_ order: inout [Int32], _ vectors: [UnitVector], _ lo: Int, _ hi: Int, depth: Int) {
        guard hi - lo > 1 else { return }
        let axis = depth % 3
        let mid = (lo + hi) / 2
        // Quickselect the median along the axis.
        var l = lo, r = hi - 1
        while l < r {
            let pivot = coordinate(vectors[Int(order[(l + r) / 2])], axis)
            var i = l, j = r
            while i <= j {
                while coordinate(vectors[Int(order[i])], axis) < pivot { i += 1 }
                while coordinate(vectors[Int(order[j])], axis) > pivot { j -= 1 }
                if i <= j { order.swapAt(i, j); i += 1; j -= 1 }
            }
            if mid <= j { r = j } else if mid >= i { l = i } else { break }
        }
        build(&order, vectors, lo, mid, depth: depth + 1)
        build(&order, vectors, mid + 1, hi, depth: depth + 1)
    }

    /// Squared chord to the nearest item, or infinity when empty.
    func nearestSquaredChord(_ q: UnitVector) -> Double { nearest(q).squaredChord }

    /// The nearest item (index −1 when empty) and its squared chord.
    func nearest(_ q: UnitVector) -> (index: Int, squaredChord: Double) {
        var bestNode = -1, best = Double.infinity
        xyz.withUnsafeBufferPointer { p in
            Self.nearest(p, (q.x, q.y, q.z), 0, ids.count, 0, &bestNode, &best)
        }
        return bestNode < 0 ? (-1, .infinity) : (Int(ids[bestNode]), best)
    }

    private static func nearest(_ p: UnsafeBufferPointer<Double>, _ q: (Double, Double, Double), _ lo: Int, _ hi: Int,
                                _ depth: Int, _ bestNode: inout Int, _ best: inout Double) {
        guard lo < hi else { return }
        let mid = (lo + hi) >> 1
        let b = mid * 3
        let dx = p[b] - q.0, dy = p[b + 1] - q.1, dz = p[b + 2] - q.2
        let d2 = dx * dx + dy * dy + dz * dz
        if d2 < best { best = d2; bestNode = mid }
        let axis = depth % 3
        let delta = axis == 0 ? -dx : axis == 1 ? -dy : -dz
        if delta < 0 {
            nearest(p, q, lo, mid, depth + 1, &bestNode, &best)
            if delta * delta < best { nearest(p, q, mid + 1, hi, depth + 1, &bestNode, &best) }
        } else {
            nearest(p, q, mid + 1, hi, depth + 1, &bestNode, &best)
            if delta * delta < best { nearest(p, q, lo, mid, depth + 1, &bestNode, &best) }
        }
    }

    /// Indices of items whose squared chord to `q` is at most `radiusSquared`.
    func within(_ q: UnitVector, radiusSquared: Double, into out: inout [Int]) {
        let ids = self.ids
        xyz.withUnsafeBufferPointer { p in
            Self.within(p, ids, (q.x, q.y, q.z), radiusSquared, 0, ids.count, 0, &out)
        }
    }

    private static func within(_ p: UnsafeBufferPointer<Double>, _ ids: [Int32], _ q: (Double, Double, Double), _ r2: Double,
                               _ lo: Int, _ hi: Int, _ depth: Int, _ out: inout [Int]) {
        guard lo < hi else { return }
        let mid = (lo + hi) >> 1
        let b = mid * 3
        let dx = p[b] - q.0, dy = p[b + 1] - q.1, dz = p[b + 2] - q.2
        if dx * dx + dy * dy + dz * dz <= r2 { out.append(Int(ids[mid])) }
        let axis = depth % 3
        let delta = axis == 0 ? -dx : axis == 1 ? -dy : -dz
        if delta <= 0 || delta * delta <= r2 { within(p, ids, q, r2, lo, mid, depth + 1, &out) }
        if delta >= 0 || delta * delta <= r2 { within(p, ids, q, r2, mid + 1, hi, depth + 1, &out) }
    }
}
