/// Greedy label placement: each label tries a few positions around its anchor and takes the first whose
/// box overlaps nothing placed before (other labels, markers, the legend); labels that fit nowhere are
/// dropped. Callers add labels in priority order.
struct LabelPlacer {
    struct Box { var x: Double, y: Double, width: Double, height: Double
        func overlaps(_ o: Box) -> Bool { x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height }
    }
    private(set) var occupied: [Box] = []
    let bounds: Box

    init(bounds: Box) { self.bounds = bounds }

    mutating func block(_ box: Box) { occupied.append(box) }

    /// Whether `box` overlaps nothing placed or blocked so far.
    func isFree(_ box: Box) -> Bool { !occupied.contains { $0.overlaps(box) } }

    /// Estimated box of `lines` of text at `fontSize` (DejaVu Sans averages about 0.6 em per character).
    static func size(_ lines: [String], fontSize: Double) -> (width: Double, height: Double) {
        (Double(lines.map(\.count).max() ?? 0) * fontSize * 0.6, Double(lines.count) * fontSize * 1.2)
    }

    /// The top-left corner of the chosen box, or nil when every candidate collides or leaves the bounds.
    mutating func place(anchorX: Double, anchorY: Double, width: Double, height: Double, gap: Double,
                        centred: Bool = false, accept: (Double, Double) -> Bool = { _, _ in true }) -> (x: Double, y: Double)? {
        let candidates: [(Double, Double)] = centred
            // Region labels may wander up to about two label heights from their anchor (still inside the region).
            ? [(0.0, 0.0), (0, -1), (0, 1), (1, 0), (-1, 0), (0, -2), (0, 2), (1, 1), (-1, 1), (1, -1), (-1, -1), (0, 3), (0, -3), (2, 0), (-2, 0), (2, 1), (-2, 1), (2, -1), (-2, -1), (2, 2), (-2, 2), (2, -2), (-2, -2)].map {
                (anchorX - width / 2 + $0.0 * (width / 2 + gap), anchorY - height / 2 + $0.1 * (height / 2 + gap))
            }
            : [(anchorX + gap, anchorY - height / 2), (anchorX - width - gap, anchorY - height / 2),
               (anchorX - width / 2, anchorY - height - gap), (anchorX - width / 2, anchorY + gap),
               (anchorX + gap, anchorY - height - gap / 2), (anchorX + gap, anchorY + gap / 2)]
        for (x, y) in candidates {
            let box = Box(x: x, y: y, width: width, height: height)
            guard box.x >= bounds.x, box.y >= bounds.y, box.x + box.width <= bounds.x + bounds.width,
                  box.y + box.height <= bounds.y + bounds.height else { continue }
            if occupied.contains(where: { $0.overlaps(box) }) { continue }
            if !accept(x + width / 2, y + height / 2) { continue }
            occupied.append(box)
            return (x, y)
        }
        return nil
    }
}
