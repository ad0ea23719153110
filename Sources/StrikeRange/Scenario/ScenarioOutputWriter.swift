import Foundation
import GeoJSON

/// Writes a scenario's outputs into a folder, atomically (see `OutputFolder`): layers.geojson, layers.kml,
/// coverage.csv, reach.csv, map.svg, map.png and provenance.json, as the scenario's `outputs` ask.
public struct ScenarioOutputWriter {
    /// Names of the implementations behind the tables, recorded in provenance.
    public var tableImplementations: [String: String]
    public init(tableImplementations: [String: String] = ["coverage": "CoverageCalculator (coverage library)", "reach": "ReachCalculator (reach library)"]) {
        self.tableImplementations = tableImplementations
    }

    /// The files a scenario's `outputs` produce, known before the run so the folder can be checked first.
    /// - Parameter inRange: the scenario has an `in_range:` section (adds `in_range.csv` to the CSV outputs).
    public static func fileNames(for outputs: Set<ScenarioOutput>, inRange: Bool = false) -> [String] {
        var names = ["provenance.json"]
        if outputs.contains(.geojson) { names.append("layers.geojson") }
        if outputs.contains(.gpkg) { names.append("layers.gpkg") }
        if outputs.contains(.kml) { names.append("layers.kml") }
        if outputs.contains(.csv) { names += ["coverage.csv", "reach.csv"] }
        if outputs.contains(.csv) && inRange { names.append("in_range.csv") }
        if outputs.contains(.svg) { names.append("map.svg") }
        if outputs.contains(.svg) && outputs.contains(.png) { names.append("map.png") }
        return names.sorted()
    }

    /// - Parameter folder: the output folder, checked before the run (see `OutputFolder`).
    /// - Parameter warn: receives one line naming the map labels left out for lack of space, if any.
    /// - Throws: any error of rendering, rasterising or writing; the folder is then left as it was.
    public func write(_ result: ScenarioResult, scenarioText: String, catalog: DataCatalog, to folder: OutputFolder,
                      warn: (String) -> Void = { _ in }) throws {
        let scenario = result.resolved.scenario
        let features = ScenarioLayers.features(for: result)
        let title = scenario.title.isEmpty ? URL(fileURLWithPath: scenario.file).deletingPathExtension().lastPathComponent : scenario.title
        let provenance = try ScenarioProvenance(result: result, scenarioText: scenarioText, tables: tableImplementations).json()
        var svg: String?
        if scenario.outputs.contains(.svg) {
            let subtitle = (features.first?.properties["description"]?.stringValue ?? "")
            var renderer = MapRenderer(title: title, subtitle: subtitle)
            renderer.places = try catalog.places().places
            let drawing = try renderer.render(features: features, basemap: try catalog.regions())
            svg = drawing.svg
            if let line = MapDrawing.warning(drawing.droppedLabels) { warn(line) }
            drawing.notes.forEach(warn)
        }
        try folder.write { dir in
            func put(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
            if scenario.outputs.contains(.geojson) { try put("layers.geojson", GeoJSONWriter().string(FeatureCollection(features: features)) + "\n") }
            if scenario.outputs.contains(.gpkg) {
                try GISLayers.write(features, metadata: Self.layerMetadata(result, title: title), to: dir.appendingPathComponent("layers.gpkg").path)
            }
            if scenario.outputs.contains(.kml) { try put("layers.kml", KMLWriter.document(title: title, features: features)) }
            if scenario.outputs.contains(.csv) {
                try put("coverage.csv", ScenarioTablesCSV.coverage(result.coverage))
                try put("reach.csv", ScenarioTablesCSV.reach(result.reach))
                if let report = result.inRange { try put("in_range.csv", InRangeOutput.csv(report)) }
            }
            if let svg {
                try put("map.svg", svg)
                if scenario.outputs.contains(.png) {
                    try PNGRasterizer.rasterize(svgPath: dir.appendingPathComponent("map.svg").path, pngPath: dir.appendingPathComponent("map.png").path)
                }
            }
            try put("provenance.json", provenance)
        }
    }

    static func layerMetadata(_ result: ScenarioResult, title: String) -> [(key: String, value: String)] {
        var sources = [String]()
        for v in result.resolved.variants { for s in v.sources where !sources.contains(s) { sources.append(s) } }
        return GISLayers.metadata(title: title, launch: result.resolved.launchLabel, toleranceMeters: result.resolved.scenario.toleranceMeters,
                                  achievedErrorsMeters: result.envelopes.compactMap { $0.1.verification?.achievedErrorMeters }, sources: sources)
    }
}
