import Foundation
import GeoJSON

/// Reads one data file, turning every failure into a `DataError` that names the file.
enum DataFileReader {
    /// The file's bytes.
    /// - Throws: `DataError.missingFile` or `.invalidFile` (unreadable) naming `url`.
    static func bytes(of url: URL) throws(DataError) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DataError(.missingFile, path: url.path, message: "data file \(url.path) is missing")
        }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw DataError(.invalidFile, path: url.path, message: "data file \(url.path) cannot be read: \(error.localizedDescription)")
        }
    }

    /// The features of a GeoJSON data file, read with `GeoJSONReader`.
    /// - Throws: `DataError.invalidFile` carrying the reader's message (what is wrong and at which JSON path).
    static func features(of url: URL) throws(DataError) -> [Feature] {
        let data = try bytes(of: url)
        do {
            return try GeoJSONReader.readFeatures(data)
        } catch {
            throw DataError(.invalidFile, path: url.path, message: "data file \(url.path) is not valid GeoJSON: \(error.description)")
        }
    }
}
