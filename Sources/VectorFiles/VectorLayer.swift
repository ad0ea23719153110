/// A table of features with one geometry type and typed fields: what a GIS calls a layer. Plain values, no C:
/// the domain builds these, `VectorFileWriter` turns them into a GeoPackage or FlatGeobuf through GDAL.
public struct VectorLayer: Sendable {
    public enum GeometryType: String, Sendable, CaseIterable {
        case point, multiPoint, lineString, multiLineString, polygon, multiPolygon
        /// An attribute table (QGIS's `layer_styles`, a summary).
        case none
    }

    public struct Field: Sendable, Hashable {
        public enum Kind: String, Sendable { case text, real, integer, boolean }
        /// At most 10 characters, so the name survives a Shapefile unchanged.
        public var name: String
        public var kind: Kind
        /// A longer human name (GeoPackage `gpkg_data_columns.title`, shown by QGIS as the field's alias).
        public var alias: String?
        /// Longest text in bytes, so a Shapefile made from the layer sizes the field to fit (it assumes 80).
        public var width: Int?

        public init(_ name: String, _ kind: Kind, alias: String? = nil, width: Int? = nil) {
            self.name = name; self.kind = kind; self.alias = alias; self.width = width
        }
    }

    public enum Value: Sendable, Hashable {
        case text(String), real(Double), integer(Int), boolean(Bool), null
    }

    public struct Feature: Sendable {
        /// Well-known binary of the geometry (lon/lat, WGS84); nil for none.
        public var wkb: [UInt8]?
        /// One value per field, in field order.
        public var values: [Value]

        public init(wkb: [UInt8]?, values: [Value]) { self.wkb = wkb; self.values = values }
    }

    public var name: String
    public var geometryType: GeometryType
    public var fields: [Field]
    public var features: [Feature]
    /// A sentence for the layer's description (GeoPackage `gpkg_contents.description`).
    public var description: String

    public init(name: String, geometryType: GeometryType, fields: [Field], features: [Feature] = [], description: String = "") {
        self.name = name; self.geometryType = geometryType; self.fields = fields; self.features = features
        self.description = description
    }
}

public enum VectorFileFormat: String, Sendable, CaseIterable {
    /// One file holding every layer (QGIS's own format).
    case geoPackage = "gpkg"
    /// One file per layer.
    case flatGeobuf = "fgb"

    /// The format a path's extension asks for, if any.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".gpkg") { self = .geoPackage } else if lower.hasSuffix(".fgb") { self = .flatGeobuf } else { return nil }
    }
}

public struct VectorFileError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
