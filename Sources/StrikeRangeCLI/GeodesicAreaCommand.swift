import ArgumentParser
import Foundation
import GeoJSON
import Geometry
import StrikeRange

struct GeodesicAreaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "area",
        abstract: "Geodesic area (m² and km²) and perimeter of every polygon in a GeoJSON input.",
        discussion: "Edges are taken as geodesics on WGS84 (geod_polygon_*). One line per polygonal feature: index, area_m2, area_km2, perimeter_m."
    )

    @Argument(help: "GeoJSON file, or - for standard input.") var file: String
    @Option(help: "text (space-separated numbers) or json (one JSON object per line).") var format: GeodesicFormat = .text
    @Flag(help: ArgumentHelp("Same as --format json.", visibility: .hidden)) var json = false

    func run() throws {
        let bytes: [UInt8]
        if file == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("file: cannot read \(file) (missing or unreadable)")
            }
            bytes = [UInt8](data)
        }
        let features = try GeoJSONReader.readFeatures(bytes)
        let measure = GeodesicMeasure()
        var printed = 0
        for (i, feature) in features.enumerated() {
            guard let g = feature.geometry, !g.polygons.isEmpty else { continue }
            let area = measure.areaSquareMeters(g)
            let perimeter = g.polygons.reduce(0.0) { total, p in
                total + ([p.exterior] + p.holes).reduce(0.0) { $0 + measure.lengthMeters(.lineString(LineString($1))) }
            }
            if json || format == .json {
                print("{\"feature\":\(i),\"area_m2\":\(area),\"area_km2\":\(area / 1e6),\"perimeter_m\":\(perimeter)}")
            } else {
                print("\(i) \(area) \(area / 1e6) \(perimeter)")
            }
            printed += 1
        }
        if printed == 0 { throw ValidationError("file: \(file) holds no Polygon or MultiPolygon") }
    }
}
