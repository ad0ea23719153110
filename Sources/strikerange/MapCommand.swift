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
            marker-color) and `layer`; features without them are drawn in grey. PNG goes through rsvg-convert.
            Example:
              strikerange map out/atacms-bryansk/layers.geojson --output bryansk.png
            """
    )

    @OptionGroup var data: DataOptions
    @Argument(help: "GeoJSON layer file.")
    var layers: String
    @Option(help: "Output file ending in .svg or .png.")
    var output: String
    @Option(help: "Map title (default: the file name).")
    var title: String?
    @Flag(name: .customLong("no-basemap"), help: "Do not draw countries and admin-1 units.")
    var noBasemap = false

    func validate() throws {
        guard output.hasSuffix(".svg") || output.hasSuffix(".png") else { throw ValidationError("--output must end in .svg or .png") }
    }

    func run() throws {
        try OutputFileCheck.check(output)
        guard let bytes = FileManager.default.contents(atPath: layers) else { throw StrikeRangeError("map: cannot read \(layers)") }
        let features = try GeoJSONReader.readFeatures(Array(bytes))
        let name = title ?? URL(fileURLWithPath: layers).deletingPathExtension().lastPathComponent
        let basemap = noBasemap ? nil : try data.catalog().regions()
        let svg = try MapRenderer(title: name).svg(features: features, basemap: basemap)
        if output.hasSuffix(".svg") {
            try AtomicFile.write(svg, to: output)
            return
        }
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
        let temporary = URL(fileURLWithPath: folder).appendingPathComponent(".map.\(ProcessInfo.processInfo.processIdentifier).svg").path
        try AtomicFile.write(svg, to: temporary)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let pngTemporary = temporary + ".png"
        defer { try? FileManager.default.removeItem(atPath: pngTemporary) }
        try PNGRasterizer.rasterize(svgPath: temporary, pngPath: pngTemporary)
        if FileManager.default.fileExists(atPath: output) { try FileManager.default.removeItem(atPath: output) }
        try FileManager.default.moveItem(atPath: pngTemporary, toPath: output)
    }
}
