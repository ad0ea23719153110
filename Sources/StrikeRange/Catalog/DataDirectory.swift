import Foundation

/// The folder holding the shipped data (`Data/`), found without configuration.
///
/// Search order (`locate`): the explicit `--data DIR`; the `STRIKERANGE_DATA` environment variable;
/// `<executable dir>/Data`; `<executable dir>/../share/strikerange/Data`; a `Data/weapons.json` next to a
/// `Package.swift` in the executable's directory or any parent, then in the current directory or any parent;
/// finally the source tree this file was compiled from. An explicit folder is never silently replaced by a
/// later candidate: if it is wrong, that is the error.
public struct DataDirectory: Sendable, Hashable, CustomStringConvertible {
    /// How the folder was found (reported by `--verbose` style output and in errors).
    public enum Origin: String, Sendable, Hashable {
        case option = "--data"
        case environment = "STRIKERANGE_DATA"
        case besideExecutable = "beside the executable"
        case sharedInstall = "share/strikerange beside the executable"
        case repositoryAboveExecutable = "repository above the executable"
        case repositoryAboveCurrentDirectory = "repository above the current directory"
        case sourceTree = "source tree of the build"
    }

    /// Files every data folder must hold.
    public static let requiredFiles = ["weapons.json", "countries.geojson", "admin1.geojson", "places.geojson", "borders.geojson"]
    public static let environmentVariable = "STRIKERANGE_DATA"

    public let url: URL
    public let origin: Origin
    public var description: String { url.path }

    /// Checks that `url` is a folder holding every required file.
    /// - Throws: `DataError.missingFile` naming the folder and the missing files.
    public init(validating url: URL, origin: Origin) throws(DataError) {
        var isDirectory: ObjCBool = false
        let path = url.standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError(.missingFile, path: path, message: "data folder \(path) (from \(origin.rawValue)) does not exist")
        }
        guard isDirectory.boolValue else {
            throw DataError(.missingFile, path: path, message: "data folder \(path) (from \(origin.rawValue)) is a file, not a folder")
        }
        let missing = Self.requiredFiles.filter {
            !FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path)
        }
        guard missing.isEmpty else {
            throw DataError(.missingFile, path: path,
                            message: "data folder \(path) (from \(origin.rawValue)) lacks \(missing.joined(separator: ", "))")
        }
        self.url = url.standardizedFileURL
        self.origin = origin
    }

    /// The URL of one data file in this folder (`weapons.json`, `admin1.geojson`…).
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Finds the data folder (order in the type's documentation).
    /// - Parameters:
    ///   - explicitPath: the `--data` value, if given; relative paths are taken from `currentDirectory`.
    ///   - environment: the process environment (for `STRIKERANGE_DATA`).
    ///   - executableURL: the running executable (symlinks are followed as well as used as given).
    ///   - currentDirectory: where relative paths start and the second upward search begins.
    /// - Throws: `DataError.missingFile` when the explicit or environment folder is wrong;
    ///   `DataError.notFound` listing every place looked at when nothing matched.
    public static func locate(
        explicitPath: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executableURL: URL? = DataDirectory.currentExecutableURL(),
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    ) throws(DataError) -> DataDirectory {
        func resolve(_ path: String) -> URL {
            let expanded = (path as NSString).expandingTildeInPath
            return expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded, isDirectory: true)
                : currentDirectory.appendingPathComponent(expanded, isDirectory: true)
        }
        if let explicitPath {
            return try DataDirectory(validating: resolve(explicitPath), origin: .option)
        }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return try DataDirectory(validating: resolve(fromEnvironment), origin: .environment)
        }

        var looked: [String] = []
        func holdsData(_ folder: URL) -> Bool {
            looked.append(folder.standardizedFileURL.path)
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent("weapons.json").path)
        }
        func repositoryAbove(_ start: URL) -> URL? {
            var folder = start.standardizedFileURL
            while true {
                let data = folder.appendingPathComponent("Data", isDirectory: true)
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path), holdsData(data) {
                    return data
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { return nil }
                folder = parent
            }
        }

        var executableFolders: [URL] = []
        if let executableURL {
            executableFolders.append(executableURL.deletingLastPathComponent())
            let resolved = executableURL.resolvingSymlinksInPath().deletingLastPathComponent()
            if resolved.path != executableFolders[0].path { executableFolders.append(resolved) }
        }
        for folder in executableFolders {
            let beside = folder.appendingPathComponent("Data", isDirectory: true)
            if holdsData(beside) { return try DataDirectory(validating: beside, origin: .besideExecutable) }
            let shared = folder.appendingPathComponent("../share/strikerange/Data", isDirectory: true)
            if holdsData(shared) { return try DataDirectory(validating: shared, origin: .sharedInstall) }
        }
        for folder in executableFolders {
            if let data = repositoryAbove(folder) { return try DataDirectory(validating: data, origin: .repositoryAboveExecutable) }
        }
        if let data = repositoryAbove(currentDirectory) {
            return try DataDirectory(validating: data, origin: .repositoryAboveCurrentDirectory)
        }
        let sourceData = sourceTreeRoot.appendingPathComponent("Data", isDirectory: true)
        if holdsData(sourceData) { return try DataDirectory(validating: sourceData, origin: .sourceTree) }

        var unique: [String] = []
        for path in looked where !unique.contains(path) { unique.append(path) }
        let searched = (executableFolders.map(\.path) + [currentDirectory.path]).map { "  Data/ beside a Package.swift in \($0) or a parent" }
        throw DataError(.notFound, path: currentDirectory.path,
                        message: "no StrikeRange data folder found; looked for weapons.json in:\n"
                            + (unique.map { "  \($0)" } + searched).joined(separator: "\n"))
    }

    /// The repository this file was compiled in (…/Sources/StrikeRange/Catalog/DataDirectory.swift → …).
    /// Only a last resort: it is right for `swift run`/`swift test` on the build machine, wrong anywhere else.
    static let sourceTreeRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The running executable, from `/proc/self/exe` on Linux, else Foundation's view of it.
    public static func currentExecutableURL() -> URL? {
        #if os(Linux)
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: target)
        }
        #endif
        if let url = Bundle.main.executableURL { return url }
        guard let first = CommandLine.arguments.first else { return nil }
        return URL(fileURLWithPath: first, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
    }
}
