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

    /// Estimated box of `lines` of text at `fontSize` (DejaVu Sans averages about 0.6 em per character).
    static func size(_ lines: [String], fontSize: Double) -> (width: Double, height: Double) {
        (Double(lines.map(\.count).max() ?? 0) * fontSize * 0.6, Double(lines.count) * fontSize * 1.2)
    }

    /// The top-left corner of the chosen box, or nil when every candidate collides or leaves the bounds.
    mutating func place(anchorX: Double, anchorY: Double, width: Double, height: Double, gap: Double,
                        centred: Bool = false) -> (x: Double, y: Double)? {
        let candidates: [(Double, Double)] = centred
            ? [(anchorX - width / 2, anchorY - height / 2), (anchorX - width / 2, anchorY - height - gap),
               (anchorX - width / 2, anchorY + gap), (anchorX + gap, anchorY - height / 2), (anchorX - width - gap, anchorY - height / 2)]
            : [(anchorX + gap, anchorY - height / 2), (anchorX - width - gap, anchorY - height / 2),
               (anchorX - width / 2, anchorY - height - gap), (anchorX - width / 2, anchorY + gap),
               (anchorX + gap, anchorY - height - gap / 2), (anchorX + gap, anchorY + gap / 2)]
        for (x, y) in candidates {
            let box = Box(x: x, y: y, width: width, height: height)
            guard box.x >= bounds.x, box.y >= bounds.y, box.x + box.width <= bounds.x + bounds.width,
                  box.y + box.height <= bounds.y + bounds.height else { continue }
            if occupied.contains(where: { $0.overlaps(box) }) { continue }
            occupied.append(box)
            return (x, y)
        }
        return nil
    }
}
