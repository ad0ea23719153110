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
/// Pure Swift and read-only after construction, so one tree can serve many threads.
struct UnitVectorIndex: Sendable {
    private var order: [Int32]          // permutation of item indices, arranged as an implicit tree
    private var xs: [Double], ys: [Double], zs: [Double]

    init(_ vectors: [UnitVector]) {
        let n = vectors.count
        xs = vectors.map(\.x); ys = vectors.map(\.y); zs = vectors.map(\.z)
        order = (0..<n).map { Int32($0) }
        build(0, n, depth: 0)
    }

    private func coordinate(_ i: Int32, _ axis: Int) -> Double {
        switch axis { case 0: xs[Int(i)]; case 1: ys[Int(i)]; default: zs[Int(i)] }
    }

    private mutating func build(_ lo: Int, _ hi: Int, depth: Int) {
        guard hi - lo > 1 else { return }
        let axis = depth % 3
        let mid = (lo + hi) / 2
        // Quickselect the median along the axis.
        var l = lo, r = hi - 1
        while l < r {
            let pivot = coordinate(order[(l + r) / 2], axis)
            var i = l, j = r
            while i <= j {
                while coordinate(order[i], axis) < pivot { i += 1 }
                while coordinate(order[j], axis) > pivot { j -= 1 }
                if i <= j { order.swapAt(i, j); i += 1; j -= 1 }
            }
            if mid <= j { r = j } else if mid >= i { l = i } else { break }
        }
        build(lo, mid, depth: depth + 1)
        build(mid + 1, hi, depth: depth + 1)
    }

    /// Squared chord to the nearest item, or infinity when empty.
    func nearestSquaredChord(_ q: UnitVector) -> Double { nearest(q).squaredChord }

    /// The nearest item (index −1 when empty) and its squared chord.
    func nearest(_ q: UnitVector) -> (index: Int, squaredChord: Double) {
        var best = (index: -1, squaredChord: Double.infinity)
        nearest(q, 0, order.count, 0, &best)
        return best
    }

    private func nearest(_ q: UnitVector, _ lo: Int, _ hi: Int, _ depth: Int, _ best: inout (index: Int, squaredChord: Double)) {
        guard lo < hi else { return }
        let mid = (lo + hi) / 2
        let i = Int(order[mid])
        let dx = xs[i] - q.x, dy = ys[i] - q.y, dz = zs[i] - q.z
        let d2 = dx * dx + dy * dy + dz * dz
        if d2 < best.squaredChord { best = (i, d2) }
        let axis = depth % 3
        let delta = (axis == 0 ? q.x : axis == 1 ? q.y : q.z) - (axis == 0 ? xs[i] : axis == 1 ? ys[i] : zs[i])
        let (first, second) = delta < 0 ? ((lo, mid), (mid + 1, hi)) : ((mid + 1, hi), (lo, mid))
        nearest(q, first.0, first.1, depth + 1, &best)
        if delta * delta < best.squaredChord { nearest(q, second.0, second.1, depth + 1, &best) }
    }

    /// Indices of items whose squared chord to `q` is at most `radiusSquared`.
    func within(_ q: UnitVector, radiusSquared: Double, into out: inout [Int]) {
        within(q, radiusSquared, 0, order.count, 0, &out)
    }

    private func within(_ q: UnitVector, _ r2: Double, _ lo: Int, _ hi: Int, _ depth: Int, _ out: inout [Int]) {
        guard lo < hi else { return }
        let mid = (lo + hi) / 2
        let i = Int(order[mid])
        let dx = xs[i] - q.x, dy = ys[i] - q.y, dz = zs[i] - q.z
        if dx * dx + dy * dy + dz * dz <= r2 { out.append(i) }
        let axis = depth % 3
        let delta = (axis == 0 ? q.x : axis == 1 ? q.y : q.z) - (axis == 0 ? xs[i] : axis == 1 ? ys[i] : zs[i])
        if delta <= 0 || delta * delta <= r2 { within(q, r2, lo, mid, depth + 1, &out) }
        if delta >= 0 || delta * delta <= r2 { within(q, r2, mid + 1, hi, depth + 1, &out) }
    }
}
