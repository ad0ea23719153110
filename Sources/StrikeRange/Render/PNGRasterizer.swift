import Foundation

/// Rasterises an SVG file to PNG with `rsvg-convert` (Debian `librsvg2-bin`, installed by Scripts/bootstrap).
public enum PNGRasterizer {
    /// - Parameter zoom: pixels per SVG pixel (2: a PNG of twice the SVG's width and height).
    /// - Throws: `StrikeRangeError` when rsvg-convert is missing or fails (its stderr is included).
    public static func rasterize(svgPath: String, pngPath: String, zoom: Double = 1) throws {
        guard let tool = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert", "/opt/homebrew/bin/rsvg-convert"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw StrikeRangeError("map: rsvg-convert not found; install librsvg2-bin (Scripts/bootstrap does) or leave png out of the outputs")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--format", "png"] + (zoom == 1 ? [] : ["--zoom", "\(zoom)"]) + ["--output", pngPath, svgPath]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw StrikeRangeError("map: rsvg-convert failed (\(process.terminationStatus)): \(String(decoding: message, as: UTF8.self))")
        }
    }
}
