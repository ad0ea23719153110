import ArgumentParser
import StrikeRange

/// What `--output PATH` writes for the table commands (reach, coverage, inrange): a GIS layer file by its
/// extension (.gpkg, .fgb), else the --format's text. A name whose extension says neither (a typo such as
/// x.gkpg, or x.shp) needs --format, so it is not silently filled with a table.
enum LayerOutputPath {
    static let textExtensions = ["csv", "json", "geojson", "txt"]

    /// - Throws: `ValidationError` naming the path, for an unknown extension without --format, or a layer file
    ///   with a --format other than `allowedFormat`.
    static func check(_ output: String?, formatGiven: String?, formats: [String]) throws {
        guard let output else { return }
        let lower = output.lowercased()
        if GISLayers.isLayerFile(output) {
            if let formatGiven {
                throw ValidationError("--output \(output) writes GIS layers (by its extension); drop --format \(formatGiven), or name a .\(formatGiven == "table" ? "txt" : formatGiven == "csv-wkt" ? "csv" : formatGiven) file")
            }
            return
        }
        let ext = lower.split(separator: "/").last.flatMap { name in name.contains(".") ? name.split(separator: ".").last.map(String.init) : nil }
        if formatGiven == nil, let ext, !textExtensions.contains(ext) {
            throw ValidationError("--output \(output): unknown extension .\(ext); name a .gpkg (GeoPackage) or .fgb (FlatGeobuf) file for GIS layers, or give --format (\(formats.joined(separator: ", "))) to write that format")
        }
    }
}
