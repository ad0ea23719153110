import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old content or the whole new one, never a part:
/// the bytes go to a temporary file in the same folder, which is then renamed over the target.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        try write(to: path) { temporary in try Data(text.utf8).write(to: URL(fileURLWithPath: temporary)) }
    }

    /// `produce` writes the whole file at the temporary path it is given (a library writing its own format,
    /// such as GDAL's GeoPackage); the result then replaces `path` in one rename.
    public static func write(to path: String, producing produce: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw StrikeRangeError("output: folder \(folder.path) does not exist; create it or choose another --output path")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: temporary)
        do {
            try produce(temporary.path)
            // rename(2) replaces the target atomically; FileManager.replaceItemAt fails on Linux and
            // leaves the target deleted.
            guard rename(temporary.path, url.path) == 0 else {
                throw StrikeRangeError("output: cannot move the written file into place at \(path): \(String(cString: strerror(errno)))")
            }
        } catch let error as StrikeRangeError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            // Foundation's own errors carry their reason in localizedDescription; ours would print as
            // "(StrikeRange.StrikeRangeError error 1.)", hence the separate branch above.
            throw StrikeRangeError("output: cannot write \(path): \(error.localizedDescription)")
        }
    }
}
