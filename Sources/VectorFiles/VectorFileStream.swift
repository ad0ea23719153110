internal import CGDAL

/// A GeoPackage or FlatGeobuf being written layer by layer and, within a layer, chunk by chunk, so a result
/// of millions of rows (reach on a large target file) never has to be held whole. The GDAL dataset is owned
/// here and closed by `close(metadata:)` (or, after a failure, by `deinit`); no handle leaves this file.
/// Not thread-safe: one writer per file, used from one thread.
public final class VectorFileStream {
    private static let registered: Void = { GDALAllRegister() }()

    private struct OpenLayer {
        var handle: OGRLayerH
        var name: String
        var type: OGRwkbGeometryType
        var fieldCount: Int
        var written: Int
    }

    private var dataset: GDALDatasetH?
    private let srs: OGRSpatialReferenceH?
    private let format: VectorFileFormat
    private let path: String
    private var layers = [OpenLayer]()

    /// Creates the file at `path`, which must not exist (callers write to a temporary name and rename it).
    public init(path: String, format: VectorFileFormat) throws(VectorFileError) {
        _ = Self.registered
        self.path = path
        self.format = format
        srs = OSRNewSpatialReference(nil)
        OSRImportFromEPSG(srs, 4326)
        // Longitude first, as the WKB we are given has it.
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        let scope = Self.enterGDAL()
        defer { Self.leaveGDAL(scope) }
        CPLErrorReset()
        let driverName = format == .geoPackage ? "GPKG" : "FlatGeobuf"
        guard let driver = GDALGetDriverByName(driverName) else {
            throw VectorFileError("GDAL was built without its \(driverName) driver")
        }
        guard let created = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw VectorFileError("cannot create \(path): \(Self.lastGDALMessage())")
        }
        dataset = created
    }

    deinit {
        if let dataset { GDALClose(dataset) }
        OSRDestroySpatialReference(srs)
    }

    /// Quiet GDAL (its messages are read back with `lastGDALMessage`) and a fixed modification time in
    /// gpkg_contents, so the same layers give the same bytes (reruns compare equal). Thread-local, per call.
    private static func enterGDAL() -> Void {
        CPLPushErrorHandler(CPLQuietErrorHandler)
        CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z")
    }

    private static func leaveGDAL(_: Void) {
        CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nil)
        CPLPopErrorHandler()
    }

    /// Creates `layer` (its schema, then its features) and returns its index for `append(_:toLayer:)`.
    @discardableResult
    public func addLayer(_ layer: VectorLayer) throws(VectorFileError) -> Int {
        guard let dataset else { throw VectorFileError("\(path) is already closed") }
        if format == .flatGeobuf && !layers.isEmpty {
            throw VectorFileError("a FlatGeobuf file holds one layer; write a GeoPackage for several")
        }
        let scope = Self.enterGDAL()
        defer { Self.leaveGDAL(scope) }
        var options: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        defer { CSLDestroy(options) }
        if format == .geoPackage {
            options = CSLSetNameValue(options, "GEOMETRY_NAME", "geom")
            if !layer.description.isEmpty { options = CSLSetNameValue(options, "DESCRIPTION", layer.description) }
        }
        let type = Self.geometryType(layer.geometryType)
        guard let handle = GDALDatasetCreateLayer(dataset, layer.name, layer.geometryType == .none ? nil : srs, type, options) else {
            throw VectorFileError("cannot create layer \(layer.name): \(Self.lastGDALMessage())")
        }
        for field in layer.fields {
            let definition = OGR_Fld_Create(field.name, Self.fieldType(field.kind))
            defer { OGR_Fld_Destroy(definition) }
            if field.kind == .boolean { OGR_Fld_SetSubType(definition, OFSTBoolean) }
            if let alias = field.alias { OGR_Fld_SetAlternativeName(definition, alias) }
            if let width = field.width, field.kind == .text { OGR_Fld_SetWidth(definition, Int32(width)) }
            guard OGR_L_CreateField(handle, definition, 0) == OGRERR_NONE else {
                throw VectorFileError("cannot create field \(field.name) of layer \(layer.name): \(Self.lastGDALMessage())")
            }
        }
        layers.append(OpenLayer(handle: handle, name: layer.name, type: type, fieldCount: layer.fields.count, written: 0))
        let index = layers.count - 1
        if !layer.features.isEmpty { try append(layer.features, toLayer: index) }
        return index
    }

    /// Appends `features` (values in the layer's field order) to the layer `index`, in one transaction.
    public func append(_ features: [VectorLayer.Feature], toLayer index: Int) throws(VectorFileError) {
        guard let dataset else { throw VectorFileError("\(path) is already closed") }
        precondition(layers.indices.contains(index), "no layer \(index)")
        let scope = Self.enterGDAL()
        defer { Self.leaveGDAL(scope) }
        let layer = layers[index]
        let inTransaction = GDALDatasetStartTransaction(dataset, 0) == OGRERR_NONE
        let definition = OGR_L_GetLayerDefn(layer.handle)
        for (offset, feature) in features.enumerated() {
            let number = layer.written + offset + 1
            guard let f = OGR_F_Create(definition) else { throw VectorFileError("GDAL could not allocate a feature") }
            defer { OGR_F_Destroy(f) }
            for (i, value) in feature.values.enumerated() where i < layer.fieldCount {
                let c = Int32(i)
                switch value {
                case let .text(s): OGR_F_SetFieldString(f, c, s)
                case let .real(d): if d.isFinite { OGR_F_SetFieldDouble(f, c, d) } else { OGR_F_SetFieldNull(f, c) }
                case let .integer(n): OGR_F_SetFieldInteger64(f, c, GIntBig(n))
                case let .boolean(b): OGR_F_SetFieldInteger(f, c, b ? 1 : 0)
                case .null: OGR_F_SetFieldNull(f, c)
                }
            }
            if let wkb = feature.wkb {
                var geometry: OGRGeometryH? = nil
                let status = wkb.withUnsafeBytes { OGR_G_CreateFromWkb($0.baseAddress, srs, &geometry, Int32($0.count)) }
                guard status == OGRERR_NONE, let geometry else {
                    throw VectorFileError("layer \(layer.name), feature \(number): GDAL cannot read its geometry (OGR error \(status))")
                }
                // Promote single parts to the layer's multi type, as a GIS layer holds one geometry type.
                // OGR_F_SetGeometryDirectly takes ownership of the geometry.
                OGR_F_SetGeometryDirectly(f, Self.promote(geometry, to: layer.type))
            }
            guard OGR_L_CreateFeature(layer.handle, f) == OGRERR_NONE else {
                throw VectorFileError("layer \(layer.name), feature \(number): \(Self.lastGDALMessage())")
            }
        }
        layers[index].written += features.count
        if inTransaction, GDALDatasetCommitTransaction(dataset) != OGRERR_NONE {
            throw VectorFileError("cannot commit layer \(layer.name): \(Self.lastGDALMessage())")
        }
    }

    /// Writes `metadata` (GeoPackage `gpkg_metadata`: sources, tolerance, achieved error) and closes the file.
    public func close(metadata: [(key: String, value: String)] = []) throws(VectorFileError) {
        guard let dataset else { throw VectorFileError("\(path) is already closed") }
        let scope = Self.enterGDAL()
        defer { Self.leaveGDAL(scope) }
        for (key, value) in metadata { GDALSetMetadataItem(dataset, key, value, nil) }
        self.dataset = nil
        GDALClose(dataset)
        if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal {
            throw VectorFileError("writing \(path): \(Self.lastGDALMessage())")
        }
    }

    private static func promote(_ geometry: OGRGeometryH, to type: OGRwkbGeometryType) -> OGRGeometryH {
        let actual = OGR_GT_Flatten(OGR_G_GetGeometryType(geometry))
        switch (actual, type) {
        case (wkbPolygon, wkbMultiPolygon): return OGR_G_ForceToMultiPolygon(geometry)
        case (wkbLineString, wkbMultiLineString): return OGR_G_ForceToMultiLineString(geometry)
        case (wkbPoint, wkbMultiPoint): return OGR_G_ForceToMultiPoint(geometry)
        default: return geometry
        }
    }

    private static func geometryType(_ type: VectorLayer.GeometryType) -> OGRwkbGeometryType {
        switch type {
        case .point: return wkbPoint
        case .multiPoint: return wkbMultiPoint
        case .lineString: return wkbLineString
        case .multiLineString: return wkbMultiLineString
        case .polygon: return wkbPolygon
        case .multiPolygon: return wkbMultiPolygon
        case .none: return wkbNone
        }
    }

    private static func fieldType(_ kind: VectorLayer.Field.Kind) -> OGRFieldType {
        switch kind {
        case .text: return OFTString
        case .real: return OFTReal
        case .integer: return OFTInteger64
        case .boolean: return OFTInteger
        }
    }

    private static func lastGDALMessage() -> String {
        guard let message = CPLGetLastErrorMsg(), message.pointee != 0 else { return "GDAL gave no reason" }
        return String(cString: message)
    }
}
