internal import CGDAL

/// Writes layers as a GeoPackage (all layers, dataset metadata) or a FlatGeobuf (one layer) through GDAL's C
/// API, in one call (`VectorFileStream` does the writing; use it directly to write a layer chunk by chunk).
public enum VectorFileWriter {
    /// Writes `layers` to `path`, which must not exist (callers write to a temporary name and rename it, so a
    /// reader never sees half a file). `metadata` goes into the GeoPackage's `gpkg_metadata` (sources, tolerance,
    /// achieved error).
    public static func write(_ layers: [VectorLayer], metadata: [(key: String, value: String)] = [], format: VectorFileFormat,
                             to path: String) throws(VectorFileError) {
        if format == .flatGeobuf && layers.count != 1 {
            throw VectorFileError("a FlatGeobuf file holds one layer; \(layers.count) were given (write a GeoPackage for several)")
        }
        let stream = try VectorFileStream(path: path, format: format)
        for layer in layers { try stream.addLayer(layer) }
        try stream.close(metadata: metadata)
    }
}
