internal import CGEOS

extension GeometryEngine {
    func wktReader() throws(GeometryError) -> GEOSWKTReaderHandle {
        if let r = wktReaderStorage { return r }
        let r = try GEOSWKTReaderHandle(context: context)
        wktReaderStorage = r
        return r
    }
    func wktWriter() throws(GeometryError) -> GEOSWKTWriterHandle {
        if let w = wktWriterStorage { return w }
        let w = try GEOSWKTWriterHandle(context: context)
        wktWriterStorage = w
        return w
    }
    func wkbReader() throws(GeometryError) -> GEOSWKBReaderHandle {
        if let r = wkbReaderStorage { return r }
        let r = try GEOSWKBReaderHandle(context: context)
        wkbReaderStorage = r
        return r
    }
    func wkbWriter() throws(GeometryError) -> GEOSWKBWriterHandle {
        if let w = wkbWriterStorage { return w }
        let w = try GEOSWKBWriterHandle(context: context)
        wkbWriterStorage = w
        return w
    }

    /// Well-known text of `g` (`GEOSWKTWriter_write_r`), trailing zeros trimmed, Z written when present.
    /// - Parameter precision: digits after the decimal point, or nil for GEOS's full precision.
    public func wkt(_ g: Geometry, precision: Int? = nil) throws(GeometryError) -> String {
        precondition(precision.map { $0 >= 0 } ?? true, "precision must be non-negative")
        let writer = try wktWriter()
        let h = try context.makeHandle(g)
        // -1 restores GEOS's default (full precision); the writer is reused, so always set it.
        GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer.pointer, Int32(precision ?? -1))
        context.messages.clear()
        // GEOSWKTWriter_write_r: NULL on exception; the string is ours (GEOSFree_r).
        let text = withExtendedLifetime((writer, h)) { GEOSWKTWriter_write_r(context.handle, writer.pointer, h.pointer) }
        guard let text else { throw context.failure("GEOSWKTWriter_write_r") }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }

    /// Parses well-known text (`GEOSWKTReader_read_r`).
    /// - Throws: `GeometryError(.geos, …)` with GEOS's message, e.g. "ParseException: Expected word but encountered end of stream".
    public func geometry(wkt: String) throws(GeometryError) -> Geometry {
        let reader = try wktReader()
        // GEOSWKTReader_read_r: NULL on exception.
        let h = try context.callGeometry("GEOSWKTReader_read_r") { ctx in
            withExtendedLifetime(reader) { GEOSWKTReader_read_r(ctx, reader.pointer, wkt) }
        }
        return try context.swiftGeometry(h)
    }

    /// Well-known binary of `g` in machine byte order, Z written when present (`GEOSWKBWriter_write_r`).
    public func wkb(_ g: Geometry) throws(GeometryError) -> [UInt8] {
        let writer = try wkbWriter()
        let h = try context.makeHandle(g)
        var size = 0
        context.messages.clear()
        // GEOSWKBWriter_write_r: NULL on exception; the buffer is ours (GEOSFree_r).
        let bytes = withExtendedLifetime((writer, h)) { GEOSWKBWriter_write_r(context.handle, writer.pointer, h.pointer, &size) }
        guard let bytes else { throw context.failure("GEOSWKBWriter_write_r") }
        defer { GEOSFree_r(context.handle, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// Parses well-known binary (`GEOSWKBReader_read_r`).
    public func geometry(wkb: [UInt8]) throws(GeometryError) -> Geometry {
        let reader = try wkbReader()
        // GEOSWKBReader_read_r: NULL on exception.
        let h = try context.callGeometry("GEOSWKBReader_read_r") { ctx in
            withExtendedLifetime(reader) {
                wkb.withUnsafeBufferPointer { GEOSWKBReader_read_r(ctx, reader.pointer, $0.baseAddress, $0.count) }
            }
        }
        return try context.swiftGeometry(h)
    }
}
