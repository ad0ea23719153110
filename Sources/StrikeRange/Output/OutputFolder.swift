import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output folder of `run`, checked before the computation starts and written so that nothing the user
/// put there is ever removed (issue 10: `run --out DIR` used to replace DIR wholesale).
///
/// The rule: write into a new or empty folder, or into a folder holding the marker of an earlier run
/// (`.strikerange-run`, listing the files that run wrote); on such a rerun only the listed files are
/// replaced or removed. Any other non-empty folder is refused unless `force` is set; even then only our own
/// outputs are written, next to the foreign files, and a foreign file with the name of one of our outputs
/// is refused rather than overwritten.
///
/// A new folder appears whole or not at all (written in a hidden sibling, then renamed). In an existing
/// folder every file is renamed into place one by one, after all of them were written, and the marker is
/// written last; a failure while writing leaves the folder untouched.
public struct OutputFolder: Sendable {
    /// The marker file naming the files a run wrote, one per line after a header line.
    public static let markerName = ".strikerange-run"
    static let markerHeader = "# written by strikerange run; a rerun into this folder replaces only the files listed below"

    /// The folder as the user gave it.
    public let path: String
    /// Files an earlier run wrote here (from its marker); empty for a new, empty or foreign folder.
    public let previousOutputs: [String]
    /// Whether the folder exists already (then files are moved in one by one).
    let exists: Bool

    /// Checks that `path` can receive the outputs named in `names`, before any computation.
    /// - Parameters:
    ///   - path: the folder to create or update.
    ///   - names: the plain file names the run will write (no folders).
    ///   - force: write into a non-empty folder without our marker (still never removing foreign files).
    ///   - option: the option that gave the path, for messages.
    /// - Throws: `StrikeRangeError` naming the folder, what is in the way and how to proceed.
    public init(checking path: String, willWrite names: [String], force: Bool = false, option: String = "--output") throws {
        self.path = path
        let fm = FileManager.default
        guard !path.isEmpty else { throw StrikeRangeError("\(option): the folder name is empty; give one, e.g. \(option) out/run1") }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            exists = false
            previousOutputs = []
            let parent = OutputFileCheck.parentFolder(of: path)
            try OutputFileCheck.checkFolderWritable(parent, for: path, option: option)
            return
        }
        guard isDirectory.boolValue else {
            throw StrikeRangeError("\(option) \(path): a file is in the way (the output is a folder); choose a new folder name, e.g. \(option) \(path)-run")
        }
        exists = true
        let entries: [String]
        do { entries = try fm.contentsOfDirectory(atPath: path) } catch {
            throw StrikeRangeError("\(option) \(path): cannot list the folder (\(error.localizedDescription)); choose another folder")
        }
        let markerPath = URL(fileURLWithPath: path).appendingPathComponent(Self.markerName).path
        let marked = entries.contains(Self.markerName)
        previousOutputs = marked ? try Self.readMarker(markerPath, option: option) : []
        let foreign = entries.filter { $0 != Self.markerName && !previousOutputs.contains($0) }.sorted()
        if !marked && !foreign.isEmpty && !force {
            let shown = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? ", … (\(foreign.count) entries)" : "")
            throw StrikeRangeError("\(option) \(path): the folder is not empty and was not written by strikerange run (it holds \(shown)); choose a new or empty folder, or add --force to write our files next to these (nothing of them is removed)")
        }
        let clashes = foreign.filter { names.contains($0) }
        if !clashes.isEmpty {
            throw StrikeRangeError("\(option) \(path): \(clashes.joined(separator: ", ")) would be overwritten but was not written by strikerange run; move it away or choose another folder")
        }
        try OutputFileCheck.checkFolderWritable(path, for: path, option: option)
    }

    /// Reads a marker's list of file names, accepting only plain names so a damaged or crafted marker
    /// cannot make a rerun remove anything outside the folder.
    static func readMarker(_ markerPath: String, option: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: markerPath), let text = String(data: data, encoding: .utf8) else {
            throw StrikeRangeError("\(option): cannot read the run marker \(markerPath); remove it if the folder is not a strikerange run folder")
        }
        var names = [String]()
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let name = String(line)
            guard !name.contains("/"), name != ".", name != "..", name != markerName else {
                throw StrikeRangeError("\(option): the run marker \(markerPath) lists \"\(name)\", which is not a plain file name; remove the marker if the folder is not a strikerange run folder")
            }
            names.append(name)
        }
        return names
    }

    /// Writes the outputs: `fill` writes plain files into the folder URL it is given (a temporary one);
    /// they are then put in place, files of the earlier run that this one did not write are removed, and the
    /// marker is written last.
    /// - Throws: `StrikeRangeError` naming the folder, or whatever `fill` throws (the folder is then untouched).
    public func write(_ fill: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let pid = ProcessInfo.processInfo.processIdentifier
        // A new folder is built beside its final place so it appears whole; an existing one receives the
        // temporary folder inside it, which works even when its parent is not writable (e.g. --output .).
        let temporary = exists
            ? target.appendingPathComponent(".strikerange-run.\(pid).tmp")
            : target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(pid).tmp")
        try? fm.removeItem(at: temporary)
        let written: [String]
        do {
            try fm.createDirectory(at: temporary, withIntermediateDirectories: false)
            try fill(temporary)
            written = try fm.contentsOfDirectory(atPath: temporary.path).sorted()
            let marker = ([Self.markerHeader] + written).joined(separator: "\n") + "\n"
            try Data(marker.utf8).write(to: temporary.appendingPathComponent(Self.markerName))
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
        guard exists else {
            guard rename(temporary.path, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fm.removeItem(at: temporary)
                throw StrikeRangeError("output: cannot put the folder \(path) in place (\(reason))")
            }
            return
        }
        do {
            for name in written + [Self.markerName] {
                guard rename(temporary.appendingPathComponent(name).path, target.appendingPathComponent(name).path) == 0 else {
                    throw StrikeRangeError("output: cannot put \(name) into \(path) (\(String(cString: strerror(errno))))")
                }
            }
            // Only plain files are removed: whatever else carries a listed name was put there by someone else.
            for stale in previousOutputs where !written.contains(stale) {
                let stalePath = target.appendingPathComponent(stale).path
                if (try? fm.attributesOfItem(atPath: stalePath)[.type] as? FileAttributeType) == .typeRegular {
                    try? fm.removeItem(atPath: stalePath)
                }
            }
            try fm.removeItem(at: temporary)
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
    }
}
