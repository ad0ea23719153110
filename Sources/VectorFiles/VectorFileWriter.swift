import CGDAL

/// Writes layers as a GeoPackage (all layers, dataset metadata) or a FlatGeobuf (one layer) through GDAL's C
/// API. Every GDAL handle is created and destroyed inside one call; none leaves this file.
public enum VectorFileWriter {
    private static let registered: Void = { GDALAllRegister() }()

    /// Writes `layers` to `path`, which must not exist (callers write to a temporary name and rename it, so a
    /// reader never sees half a file). `metadata` goes into the GeoPackage's `gpkg_metadata` (sources, tolerance,
    /// achieved error).
    public static func write(_ layers: [VectorLayer], metadata: [(key: String, value: String)] = [], format: VectorFileFormat,
                             to path: String) throws(VectorFileError) {
        _ = registered
        if format == .flatGeobuf && layers.count != 1 {
            throw VectorFileError("a FlatGeobuf file holds one layer; \(layers.count) were given (write a GeoPackage for several)")
        }
        CPLPushErrorHandler(CPLQuietErrorHandler)
        defer { CPLPopErrorHandler() }
        // A fixed modification time in gpkg_contents, so the same layers give the same bytes (reruns compare equal).
        CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z")
        defer { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nil) }
        CPLErrorReset()
        let driverName = format == .geoPackage ? "GPKG" : "FlatGeobuf"
        guard let driver = GDALGetDriverByName(driverName) else {
            throw VectorFileError("GDAL was built without its \(driverName) driver")
        }
        guard let dataset = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw VectorFileError("cannot create \(path): \(lastGDALMessage())")
        }
        var closed = false
        defer { if !closed { GDALClose(dataset) } }

        let srs = OSRNewSpatialReference(nil)
        defer { OSRDestroySpatialReference(srs) }
        OSRImportFromEPSG(srs, 4326)
        // Longitude first, as the WKB we are given has it.
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)

        for layer in layers {
            try write(layer, into: dataset, srs: srs, format: format)
        }
        for (key, value) in metadata {
            GDALSetMetadataItem(dataset, key, value, nil)
        }
        closed = true
        GDALClose(dataset)
        if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal {
            throw VectorFileError("writing \(path): \(lastGDALMessage())")
        }
    }

    private static func write(_ layer: VectorLayer, into dataset: GDALDatasetH, srs: OGRSpatialReferenceH?,
                              format: VectorFileFormat) throws(VectorFileError) {
        var options: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        defer { CSLDestroy(options) }
        if format == .geoPackage {
            options = CSLSetNameValue(options, "GEOMETRY_NAME", "geom")
            if !layer.description.isEmpty { options = CSLSetNameValue(options, "DESCRIPTION", layer.description) }
        }
        let type = geometryType(layer.geometryType)
        guard let handle = GDALDatasetCreateLayer(dataset, layer.name, layer.geometryType == .none ? nil : srs, type, options) else {
            throw VectorFileError("cannot create layer \(layer.name): \(lastGDALMessage())")
        }
        for field in layer.fields {
            let definition = OGR_Fld_Create(field.name, fieldType(field.kind))
            defer { OGR_Fld_Destroy(definition) }
            if field.kind == .boolean { OGR_Fld_SetSubType(definition, OFSTBoolean) }
            if let alias = field.alias { OGR_Fld_SetAlternativeName(definition, alias) }
            if let width = field.width, field.kind == .text { OGR_Fld_SetWidth(definition, Int32(width)) }
            guard OGR_L_CreateField(handle, definition, 0) == OGRERR_NONE else {
                throw VectorFileError("cannot create field \(field.name) of layer \(layer.name): \(lastGDALMessage())")
            }
        }
        let inTransaction = GDALDatasetStartTransaction(dataset, 0) == OGRERR_NONE
        let definition = OGR_L_GetLayerDefn(handle)
        for (index, feature) in layer.features.enumerated() {
            guard let f = OGR_F_Create(definition) else { throw VectorFileError("GDAL could not allocate a feature") }
            defer { OGR_F_Destroy(f) }
            for (i, value) in feature.values.enumerated() where i < layer.fields.count {
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
                    throw VectorFileError("layer \(layer.name), feature \(index + 1): GDAL cannot read its geometry (OGR error \(status))")
                }
                // Promote single parts to the layer's multi type, as a GIS layer holds one geometry type.
                let promoted = promote(geometry, to: type)
                OGR_F_SetGeometryDirectly(f, promoted)
            }
            guard OGR_L_CreateFeature(handle, f) == OGRERR_NONE else {
                throw VectorFileError("layer \(layer.name), feature \(index + 1): \(lastGDALMessage())")
            }
        }
        if inTransaction, GDALDatasetCommitTransaction(dataset) != OGRERR_NONE {
            throw VectorFileError("cannot commit layer \(layer.name): \(lastGDALMessage())")
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
