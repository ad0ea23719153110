/// Levenshtein distance and "did you mean" suggestions over folded names.
enum EditDistance {
    /// Number of single-character insertions, deletions and substitutions turning `a` into `b`
    /// (on Unicode scalars). Stops early and returns `limit + 1` once the distance must exceed `limit`.
    static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int = .max) -> Int {
        if abs(a.count - b.count) > limit { return limit &+ 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit &+ 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Up to `count` of `candidates` closest to `query`, nearest first, ties broken by the candidate's order.
    /// Only candidates within a third of the query's length (at least 2 edits) are offered: further ones are noise.
    /// - Parameters:
    ///   - query: a folded query (`NameKey.fold`).
    ///   - candidates: (folded key, what to show) pairs; the key is compared, the label is returned.
    static func suggestions(for query: String, among candidates: [(key: String, label: String)], count: Int = 5) -> [String] {
        let q = Array(query.unicodeScalars)
        let limit = max(2, q.count / 3)
        var best: [String: (distance: Int, order: Int)] = [:]
        for (order, candidate) in candidates.enumerated() {
            let d = levenshtein(q, Array(candidate.key.unicodeScalars), limit: limit)
            guard d <= limit else { continue }
            if let known = best[candidate.label], (known.distance, known.order) <= (d, order) { continue }
            best[candidate.label] = (d, order)
        }
        let scored = best.map { (distance: $0.value.distance, order: $0.value.order, label: $0.key) }
            .sorted { ($0.distance, $0.order) < ($1.distance, $1.order) }
        return scored.prefix(count).map(\.label)
    }
}
