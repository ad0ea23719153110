import Foundation
import GeoJSON
import Geometry
import VectorFiles

/// A GeoPackage or FlatGeobuf written in parts: whole layers from features (`add`, as `GISLayers.write`) and
/// layers of a fixed schema appended chunk by chunk (`beginLayer`/`append`), so `reach --output x.gpkg` on
/// millions of targets holds one chunk at a time, as its CSV path does. The file appears at `path` only when
/// `finish` succeeds (written under a temporary name and renamed); `abandon` removes the temporary.
public final class GISLayerFile {
    public let path: String
    public let format: VectorFileFormat
    private let pending: AtomicFile.Pending
    private var stream: VectorFileStream?
    private var schemas = [VectorLayer]()
    private var styleFeatures = [Feature]()
    private var defaultLayer = "features"

    /// - Throws: `StrikeRangeError` naming `path` when it is not a .gpkg/.fgb name or its folder cannot take a file.
    public init(path: String) throws {
        guard let format = VectorFileFormat(path: path) else {
            throw StrikeRangeError("output \(path): expected a .gpkg or .fgb file name")
        }
        self.path = path
        self.format = format
        // The temporary keeps the extension: GDAL's FlatGeobuf driver makes a folder of a name without ".fgb".
        pending = try AtomicFile.Pending(path: path, keepingExtension: format.rawValue)
        let temporary = pending.temporaryPath
        stream = try wrap { () throws(VectorFileError) -> VectorFileStream in try VectorFileStream(path: temporary, format: format) }
    }

    deinit { if stream != nil { abandon() } }

    /// A FlatGeobuf holds one layer: commands write only their main layer there.
    public var holdsOneLayer: Bool { format == .flatGeobuf }

    @discardableResult
    private func wrap<T>(_ body: () throws(VectorFileError) -> T) throws -> T {
        do { return try body() } catch { throw StrikeRangeError("output \(path): \(error)") }
    }

    private func open() throws -> VectorFileStream {
        guard let stream else { throw StrikeRangeError("output \(path): already finished") }
        return stream
    }

    /// Adds `features` as the layers `GISLayers.layers(from:)` makes of them (one per kind and geometry type).
    public func add(_ features: [Feature], defaultLayer: String = "features") throws {
        let stream = try open()
        let layers = try GISLayers.layers(from: features, defaultLayer: defaultLayer)
        if holdsOneLayer, schemas.count + layers.count > 1 {
            throw StrikeRangeError("output \(path): a FlatGeobuf file holds one layer, this output has \(schemas.count + layers.count) (\((schemas + layers).map(\.name).joined(separator: ", "))); write a .gpkg instead")
        }
        for layer in layers {
            try wrap { () throws(VectorFileError) in try stream.addLayer(layer) }
            var schema = layer
            schema.features = []
            schemas.append(schema)
        }
        self.defaultLayer = defaultLayer
        styleFeatures += features.map { f in
            var f = f
            f.geometry = nil   // styles read only the properties
            if f.properties["layer"] == nil, case .object(var p) = f.properties { p["layer"] = .string(defaultLayer); f.properties = .object(p) }
            return f
        }
    }

    /// Starts a layer of a fixed schema (its features follow through `append`), styled as `styledLike`
    /// (features with this layer's `layer` property and simplestyle colours, e.g. one per weapon).
    /// - Returns: the layer's index for `append`.
    public func beginLayer(_ schema: VectorLayer, styledLike: [Feature]) throws -> Int {
        let stream = try open()
        if holdsOneLayer, !schemas.isEmpty {
            throw StrikeRangeError("output \(path): a FlatGeobuf file holds one layer; write a .gpkg instead")
        }
        let index = try wrap { () throws(VectorFileError) in try stream.addLayer(schema) }
        schemas.append(schema)
        styleFeatures += styledLike
        return index
    }

    public func append(_ rows: [VectorLayer.Feature], toLayer index: Int) throws {
        let stream = try open()
        try wrap { () throws(VectorFileError) in try stream.append(rows, toLayer: index) }
    }

    /// Adds the QGIS styles (GeoPackage), writes `metadata`, closes the file and moves it into place.
    public func finish(metadata: [(key: String, value: String)]) throws {
        let stream = try open()
        do {
            if format == .geoPackage {
                let styles = QGISStyles.table(for: schemas, features: styleFeatures, defaultLayer: defaultLayer)
                try wrap { () throws(VectorFileError) in try stream.addLayer(styles) }
            }
            try wrap { () throws(VectorFileError) in try stream.close(metadata: metadata) }
            self.stream = nil
            try pending.commit()
        } catch {
            abandon()
            throw error
        }
    }

    /// Drops the half-written file (after a failure); the destination is left as it was.
    public func abandon() {
        stream = nil
        pending.abandon()
    }
}
