internal import CGEOS

// One owner class per GEOS reader/writer handle; each holds its context strongly and frees the handle in deinit.
// Created lazily by `GeometryEngine` and reused across calls.

final class GEOSWKTReaderHandle {
    let context: GEOSContext
    let pointer: OpaquePointer
    init(context: GEOSContext) throws(GeometryError) {
        self.context = context
        context.messages.clear()
        // GEOSWKTReader_create_r: NULL on exception.
        guard let p = GEOSWKTReader_create_r(context.handle) else { throw context.failure("GEOSWKTReader_create_r") }
        pointer = p
    }
    deinit { GEOSWKTReader_destroy_r(context.handle, pointer) }
}

final class GEOSWKTWriterHandle {
    let context: GEOSContext
    let pointer: OpaquePointer
    init(context: GEOSContext) throws(GeometryError) {
        self.context = context
        context.messages.clear()
        // GEOSWKTWriter_create_r: NULL on exception.
        guard let p = GEOSWKTWriter_create_r(context.handle) else { throw context.failure("GEOSWKTWriter_create_r") }
        pointer = p
        // Trim trailing zeros ("1" not "1.0000000000000000"); write Z when the geometry has it.
        GEOSWKTWriter_setTrim_r(context.handle, p, 1)
        GEOSWKTWriter_setOutputDimension_r(context.handle, p, 3)
    }
    deinit { GEOSWKTWriter_destroy_r(context.handle, pointer) }
}

final class GEOSWKBReaderHandle {
    let context: GEOSContext
    let pointer: OpaquePointer
    init(context: GEOSContext) throws(GeometryError) {
        self.context = context
        context.messages.clear()
        // GEOSWKBReader_create_r: NULL on exception.
        guard let p = GEOSWKBReader_create_r(context.handle) else { throw context.failure("GEOSWKBReader_create_r") }
        pointer = p
    }
    deinit { GEOSWKBReader_destroy_r(context.handle, pointer) }
}

final class GEOSWKBWriterHandle {
    let context: GEOSContext
    let pointer: OpaquePointer
    init(context: GEOSContext) throws(GeometryError) {
        self.context = context
        context.messages.clear()
        // GEOSWKBWriter_create_r: NULL on exception.
        guard let p = GEOSWKBWriter_create_r(context.handle) else { throw context.failure("GEOSWKBWriter_create_r") }
        pointer = p
        // Write Z when the geometry has it (the default is 2D only).
        GEOSWKBWriter_setOutputDimension_r(context.handle, p, 3)
    }
    deinit { GEOSWKBWriter_destroy_r(context.handle, pointer) }
}
