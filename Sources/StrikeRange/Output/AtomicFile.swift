import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old content or the whole new one, never a part:
/// the bytes go to a temporary file in the same folder, which is then renamed over the target. The one
/// temporary-and-rename writer (issue 14: four copies), for whole texts (`write`), for a library writing
/// its own format (`write(to:producing:)`) and for streams written over time (`Pending`).
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        try write(to: path) { temporary in try Data(text.utf8).write(to: URL(fileURLWithPath: temporary)) }
    }

    /// `produce` writes the whole file at the temporary path it is given (a library writing its own format,
    /// such as GDAL's GeoPackage); the result then replaces `path` in one rename.
    public static func write(to path: String, producing produce: (String) throws -> Void) throws {
        let pending = try Pending(path: path)
        do {
            try produce(pending.temporaryPath)
            try pending.commit()
        } catch let error as StrikeRangeError {
            pending.abandon()
            throw error
        } catch {
            pending.abandon()
            // Foundation's own errors carry their reason in localizedDescription; ours would print as
            // "(StrikeRange.StrikeRangeError error 1.)", hence the separate branch above.
            throw StrikeRangeError("output: cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// A file being written under a temporary name beside `path`: `commit()` renames it over `path`,
    /// `abandon()` removes it and leaves `path` as it was.
    public struct Pending: Sendable {
        /// Where the file goes.
        public let path: String
        /// Where it is written meanwhile: a hidden name in the same folder (so the rename is atomic).
        public let temporaryPath: String

        /// - Parameter keepingExtension: appended to the temporary name (GDAL's FlatGeobuf driver makes a
        ///   folder of a name without ".fgb").
        /// - Throws: `StrikeRangeError` when the folder does not exist.
        public init(path: String, keepingExtension: String? = nil) throws(StrikeRangeError) {
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent()
            guard FileManager.default.fileExists(atPath: folder.path) else {
                throw StrikeRangeError("output: folder \(folder.path) does not exist; create it or choose another --output path")
            }
            self.path = path
            let name = ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp" + (keepingExtension.map { ".\($0)" } ?? "")
            temporaryPath = folder.appendingPathComponent(name).path
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }

        /// Moves the finished file into place.
        /// - Throws: `StrikeRangeError` with the system's reason when the rename fails (the temporary is removed).
        public func commit() throws(StrikeRangeError) {
            // rename(2) replaces the target atomically; FileManager.replaceItemAt fails on Linux and
            // leaves the target deleted.
            guard rename(temporaryPath, path) == 0 else {
                let reason = String(cString: strerror(errno))
                abandon()
                throw StrikeRangeError("output: cannot move the written file into place at \(path): \(reason)")
            }
        }

        /// Drops the half-written file.
        public func abandon() {
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }
    }
}
