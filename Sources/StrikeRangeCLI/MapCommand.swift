import ArgumentParser
import Foundation
import GeoJSON
import StrikeRange

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Render a layer file (e.g. layers.geojson from `run`, or `envelope` output) to SVG or PNG.",
        discussion: """
            Styling comes from the features' simplestyle properties (fill, fill-opacity, stroke, stroke-width, \
            marker-color) and `layer`; an `envelope` output is drawn in the first weapon colour and named in the \
            legend from its weapon and range, a `reach` output's targets by their verdict. The title of `run`'s \
            layers is kept. The SVG's groups are named layers for Inkscape or Illustrator. PNG goes through \
            rsvg-convert. Labels left out for lack of space are named on stderr.
            Example:
              strikerange map out/atacms-bryansk/layers.geojson --output bryansk.png --size 1600x1200 --scale 2
            """
    )

    @OptionGroup var data: DataOptions
    @Argument(help: "GeoJSON layer file.")
    var layers: String
    @Option(help: "Output file ending in .svg or .png.")
    var output: String
    @Option(help: "Map title (default: the scenario's title in `run`'s layers, else the file name).")
    var title: String?
    @Option(help: "Canvas size in pixels, WIDTHxHEIGHT (600x400 to 8000x8000). When the legend fits in no corner, the map narrows to make room beside it, or, below half the width, the canvas widens (said on stderr).")
    var size: MapSize = MapSize(width: 1400, height: 1000)
    @Option(help: "PNG pixel density: 2 gives a PNG of twice the --size in each direction (0.5 to 4; SVG unaffected).")
    var scale: Double = 1
    @Flag(name: .customLong("no-basemap"), help: "Do not draw countries and admin-1 units.")
    var noBasemap = false

    func validate() throws {
        guard output.hasSuffix(".svg") || output.hasSuffix(".png") else { throw ValidationError("--output must end in .svg or .png (got \(output))") }
        guard scale.isFinite, scale >= 0.5, scale <= 4 else { throw ValidationError("--scale must be between 0.5 and 4 (got \(scale)); 2 doubles the PNG's pixels per side") }
        guard output.hasSuffix(".png") || scale == 1 else { throw ValidationError("--scale applies to a PNG only; --output \(output) is an SVG, which has no pixel density") }
    }

    func run() throws {
        try OutputFileCheck.check(output)
        guard let bytes = FileManager.default.contents(atPath: layers) else { throw StrikeRangeError("map: cannot read \(layers)") }
        let features = try GeoJSONReader.readFeatures(Array(bytes))
        let launch = features.first { ["launch_area", "launch"].contains(Self.text($0, "layer") ?? "") }
        let name = title ?? launch.flatMap { Self.text($0, "title") } ?? URL(fileURLWithPath: layers).deletingPathExtension().lastPathComponent
        var renderer = MapRenderer(title: name, subtitle: launch.flatMap { Self.text($0, "description") } ?? "")
        renderer.width = Double(size.width)
        renderer.height = Double(size.height)
        let basemap = noBasemap ? nil : try data.catalog().regions()
        if !noBasemap { renderer.places = try data.catalog().places().places }
        renderer.weaponDisplayNames = Dictionary(try data.catalog().weapons().weapons.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let drawing = try renderer.render(features: features, basemap: basemap)
        if let line = MapDrawing.warning(drawing.droppedLabels) { FileHandle.standardError.write(Data("map: warning: \(line)\n".utf8)) }
        for note in drawing.notes { FileHandle.standardError.write(Data("map: note: \(note)\n".utf8)) }
        if output.hasSuffix(".svg") {
            try AtomicFile.write(drawing.svg, to: output)
            return
        }
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
        let temporary = URL(fileURLWithPath: folder).appendingPathComponent(".map.\(ProcessInfo.processInfo.processIdentifier).svg").path
        try AtomicFile.write(drawing.svg, to: temporary)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let pngTemporary = temporary + ".png"
        defer { try? FileManager.default.removeItem(atPath: pngTemporary) }
        try PNGRasterizer.rasterize(svgPath: temporary, pngPath: pngTemporary, zoom: scale)
        if FileManager.default.fileExists(atPath: output) { try FileManager.default.removeItem(atPath: output) }
        try FileManager.default.moveItem(atPath: pngTemporary, toPath: output)
    }

    private static func text(_ f: Feature, _ key: String) -> String? {
        if case .object(let o) = f.properties, case .string(let s)? = o[key] { return s }
        return nil
    }
}

/// `--size WIDTHxHEIGHT` in pixels.
struct MapSize: ExpressibleByArgument {
    var width: Int
    var height: Int
    init(width: Int, height: Int) { self.width = width; self.height = height }
    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (600...8000).contains(w), (400...8000).contains(h) else { return nil }
        width = w; height = h
    }
    var defaultValueDescription: String { "\(width)x\(height)" }
}
