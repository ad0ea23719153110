import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks, before any computation starts, that an output file can be written where the user asked, so a
/// long run does not fail only at its end (issue 10).
public enum OutputFileCheck {
    /// Throws unless `path` names a file that `AtomicFile` can create or replace: the path is not a folder,
    /// its parent is an existing folder, and a file can be created in that folder (tried for real, with a
    /// probe file removed at once, because permission bits say nothing when running as root or on /proc).
    /// - Parameters:
    ///   - path: the output path as the user gave it.
    ///   - option: the option or field that gave it, e.g. "--output", for the message.
    /// - Throws: `StrikeRangeError` naming the option, the path and what to do.
    public static func check(_ path: String, option: String = "--output") throws {
        let fm = FileManager.default
        guard !path.isEmpty else { throw StrikeRangeError("\(option): the path is empty; give a file name, e.g. \(option) result.geojson") }
        var isDirectory: ObjCBool = false
        if path.hasSuffix("/") || (fm.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw StrikeRangeError("\(option) \(path): is a folder; give a file name inside it, e.g. \(option) \(path.hasSuffix("/") ? path : path + "/")result.geojson")
        }
        let folder = parentFolder(of: path)
        try checkFolderWritable(folder, for: path, option: option)
    }

    /// The folder that holds `path` ("." for a bare file name).
    /// Done by hand: swift-corelibs-foundation's `NSString.deletingLastPathComponent` traps on a bare
    /// one-component name such as "out".
    static func parentFolder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// Throws unless `folder` exists, is a folder, and accepts a new file.
    static func checkFolderWritable(_ folder: String, for path: String, option: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw StrikeRangeError("\(option) \(path): folder \(folder) does not exist; create it first (mkdir -p \(folder)) or choose another path")
        }
        guard isDirectory.boolValue else {
            throw StrikeRangeError("\(option) \(path): \(folder) is a file, not a folder; choose another path")
        }
        let probe = folder + "/.strikerange-probe.\(ProcessInfo.processInfo.processIdentifier)"
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw StrikeRangeError("\(option) \(path): cannot create a file in folder \(folder) (\(reason)); choose a writable folder")
        }
        close(fd)
        unlink(probe)
    }
}
