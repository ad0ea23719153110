import Foundation

/// Writes a whole folder atomically: files go into a hidden temporary sibling, which replaces the target
/// only once everything succeeded. On failure the temporary folder is removed and the target is untouched.
public enum OutputFolder {
    /// - Parameters:
    ///   - path: the folder to create or replace.
    ///   - fill: writes the files into the folder URL it is given (the temporary one).
    /// - Throws: `StrikeRangeError` naming the folder, or whatever `fill` throws.
    public static func write(to path: String, _ fill: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        guard fm.fileExists(atPath: parent.path) else {
            throw StrikeRangeError("output: folder \(parent.path) does not exist; create it first")
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw StrikeRangeError("output: \(target.path) is a file, not a folder")
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).\(pid).tmp")
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).\(pid).old")
        try? fm.removeItem(at: temporary)
        do {
            try fm.createDirectory(at: temporary, withIntermediateDirectories: false)
            try fill(temporary)
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
        do {
            if fm.fileExists(atPath: target.path) {
                try fm.moveItem(at: target, to: old)
                do { try fm.moveItem(at: temporary, to: target) } catch {
                    try? fm.moveItem(at: old, to: target)
                    throw error
                }
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: temporary, to: target)
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw StrikeRangeError("output: cannot put \(target.path) in place: \(error.localizedDescription)")
        }
    }
}
