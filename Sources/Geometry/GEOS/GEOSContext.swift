internal import CGEOS

/// Messages GEOS reported through the context's handlers since the last `clear()`.
/// Reached from C through an unretained pointer; the owning `GEOSContext` keeps it alive.
final class GEOSMessageBox {
    var lastError: String?
    var notices: [String] = []
    func clear() {
        lastError = nil
        if !notices.isEmpty { notices.removeAll(keepingCapacity: true) }
    }
}

/// Owns one GEOS context handle (`GEOS_init_r` … `GEOS_finish_r`) and its message box.
/// Every GEOS call goes through one of the `call…` choke points below, which clear the box first and turn
/// the function's failure convention into a `GeometryError` carrying GEOS's own message.
/// Everything that holds a GEOS object created in this context holds this class strongly, so the
/// context is finished only after the last such object is freed.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    let messages = GEOSMessageBox()

    init() {
        guard let handle = GEOS_init_r() else {
            // Only fails on out-of-memory; nothing sensible to continue with.
            fatalError("GEOS_init_r returned NULL")
        }
        self.handle = handle
        let box = Unmanaged.passUnretained(messages).toOpaque()
        // The _r message handlers receive the fully formatted message (no printf varargs).
        _ = GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let message, let userdata else { return }
            Unmanaged<GEOSMessageBox>.fromOpaque(userdata).takeUnretainedValue().lastError = String(cString: message)
        }, box)
        _ = GEOSContext_setNoticeMessageHandler_r(handle, { message, userdata in
            guard let message, let userdata else { return }
            Unmanaged<GEOSMessageBox>.fromOpaque(userdata).takeUnretainedValue().notices.append(String(cString: message))
        }, box)
    }

    deinit { GEOS_finish_r(handle) }

    /// The error for a failed call: GEOS's message when it gave one, else the function name.
    func failure(_ function: String) -> GeometryError {
        GeometryError(.geos, messages.lastError ?? "\(function) failed without a GEOS message")
    }

    /// For functions returning a new `GEOSGeometry*`: NULL means failure. The result is owned by the handle.
    func callGeometry(_ function: String, _ body: (GEOSContextHandle_t) -> OpaquePointer?) throws(GeometryError) -> GEOSHandle {
        messages.clear()
        guard let raw = body(handle) else { throw failure(function) }
        return GEOSHandle(context: self, owning: raw)
    }

    /// For predicates returning `char`: 0 false, 1 true, 2 exception.
    func callPredicate(_ function: String, _ body: (GEOSContextHandle_t) -> CChar) throws(GeometryError) -> Bool {
        messages.clear()
        switch body(handle) {
        case 0: return false
        case 1: return true
        default: throw failure(function)
        }
    }

    /// For functions returning `int` status: 0 means failure (e.g. `GEOSCoordSeq_getSize_r`).
    func callStatus(_ function: String, _ body: (GEOSContextHandle_t) -> Int32) throws(GeometryError) {
        messages.clear()
        if body(handle) == 0 { throw failure(function) }
    }

    /// For functions returning a count: -1 means failure (e.g. `GEOSGetNumGeometries_r`).
    func callCount(_ function: String, _ body: (GEOSContextHandle_t) -> Int32) throws(GeometryError) -> Int {
        messages.clear()
        let n = body(handle)
        if n < 0 { throw failure(function) }
        return Int(n)
    }
}
