import Testing
@testable import StrikeRange

struct RenderTests {
    @Test func kmlColourIsAlphaBlueGreenRed() {
        #expect(LayerPalette.kmlColor("#d7301f", opacity: 1) == "ff1f30d7")
        #expect(LayerPalette.kmlColor("#2166ac", opacity: 0.5) == "80ac6621")
        #expect(LayerPalette.kmlColor("#000000", opacity: 0) == "00000000")
    }

    @Test func placedLabelsNeverOverlap() {
        var placer = LabelPlacer(bounds: .init(x: 0, y: 0, width: 400, height: 300))
        var placed = [LabelPlacer.Box]()
        for i in 0..<40 {
            let x = Double((i * 37) % 300) + 50, y = Double((i * 53) % 200) + 50
            if let at = placer.place(anchorX: x, anchorY: y, width: 60, height: 14, gap: 4) {
                let box = LabelPlacer.Box(x: at.x, y: at.y, width: 60, height: 14)
                #expect(!placed.contains { $0.overlaps(box) })
                #expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= 400 && box.y + box.height <= 300)
                placed.append(box)
            }
        }
        #expect(placed.count > 5)
    }

    @Test func xmlEscaping() {
        #expect(KMLWriter.escape("A & B <c> \"d\"") == "A &amp; B &lt;c&gt; &quot;d&quot;")
    }
}
