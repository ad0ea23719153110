import Foundation
import Testing

/// `strikerange map` renders any layer file, here a plain `envelope` output without styling.
struct MapCLITests {
    @Test func rendersEnvelopeOutputToSVG() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("map-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let layers = dir.appendingPathComponent("ring.geojson")
        let e = try CLIRunner.run(["envelope", "--from", "50.45,30.52", "--range", "100km", "--output", layers.path])
        #expect(e.status == 0, "\(e.stderr)")
        let svg = dir.appendingPathComponent("ring.svg")
        let r = try CLIRunner.run(["map", layers.path, "--output", svg.path, "--title", "Kyiv 100 km"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.hasPrefix("<?xml"))
        #expect(text.contains("Kyiv 100 km"))
        #expect(text.contains("Made with Natural Earth · GeoNames CC BY 4.0"))
        #expect(text.contains("id=\"scale-bar\""))
        #expect(text.contains("UKRAINE"))
    }

    @Test func refusesOtherExtensions() throws {
        let r = try CLIRunner.run(["map", "x.geojson", "--output", "map.jpg"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--output must end in .svg or .png"))
    }
}
