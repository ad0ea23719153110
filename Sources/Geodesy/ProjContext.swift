internal import CProj

/// One PROJ context and the log lines PROJ wrote into it since the last `clearMessages()`.
/// (PROJ 9.1 has no `proj_context_errno_reset`; the context errno is only read right after a failed creation.)
/// Owns the `PJ_CONTEXT` (destroyed in deinit). Not thread-safe: one per thread or owning object.
final class ProjContext {
    let handle: OpaquePointer
    private let log: LogSink

    /// Receives PROJ's log lines through `proj_log_func`; kept alive by the context's owner.
    final class LogSink {
        var messages: [String] = []
    }

    init() throws(GeodesyError) {
        // proj_context_create: NULL only when out of memory.
        guard let handle = proj_context_create() else {
            throw GeodesyError(.proj, "proj_context_create failed")
        }
        self.handle = handle
        self.log = LogSink()
        // PROJ keeps this pointer unretained; `log` outlives the context because we own both
        // and the context is destroyed first in deinit.
        proj_log_func(handle, Unmanaged.passUnretained(log).toOpaque()) { appData, _, message in
            guard let appData, let message else { return }
            Unmanaged<LogSink>.fromOpaque(appData).takeUnretainedValue().messages.append(String(cString: message))
        }
        // Errors are what we report; debug chatter would only cost time.
        proj_log_level(handle, PJ_LOG_ERROR)
    }

    deinit {
        proj_context_destroy(handle)
    }

    func clearMessages() {
        log.messages.removeAll(keepingCapacity: true)
    }

    /// A `GeodesyError.proj` carrying `summary`, PROJ's log lines and its text for the errno.
    func error(_ summary: String, errno: Int32? = nil) -> GeodesyError {
        var parts = [summary]
        if !log.messages.isEmpty { parts.append(log.messages.joined(separator: "; ")) }
        let code = errno ?? proj_context_errno(handle)
        if code != 0, let text = proj_context_errno_string(handle, code) {
            parts.append("\(String(cString: text)) (PROJ error \(code))")
        }
        return GeodesyError(.proj, parts.joined(separator: ": "))
    }
}
