internal import CGEOS

/// The single owner of one `GEOSGeometry*`; `deinit` frees it with `GEOSGeom_destroy_r`.
/// Holds its context strongly: the context must outlive every geometry created in it.
final class GEOSHandle {
    let context: GEOSContext
    let pointer: OpaquePointer

    init(context: GEOSContext, owning pointer: OpaquePointer) {
        self.context = context
        self.pointer = pointer
    }

    deinit { GEOSGeom_destroy_r(context.handle, pointer) }
}
