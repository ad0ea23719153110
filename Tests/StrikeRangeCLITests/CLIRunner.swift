import Foundation
import TestSupport

/// Runs the BUILT `strikerange` binary (the one `swift test` put next to the test bundle) as a user would.
enum CLIRunner {
    typealias Result = ProcessOutput

    struct BinaryNotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String { "strikerange binary not found next to the test bundle (looked in \(searched))" }
    }

    /// The products directory holds both the test bundle and the executable, whatever the scratch path
    /// (.build, .build-asan…): look next to this test process first, then in the package's .build.
    static let candidates: [URL] = {
        var folders: [URL] = []
        let me = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        folders.append(me.deletingLastPathComponent())
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        if let exe = Bundle.main.executableURL { folders.append(exe.deletingLastPathComponent()) }
        // macOS: the .xctest bundle lives beside the binary.
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        folders.append(root.appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent("strikerange") }
    }()

    static let binary: URL? = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// Runs `strikerange arguments…` with `stdin` piped in, in a small fixed environment: COLUMNS fixed so help
    /// text wraps the same everywhere, and no STRIKERANGE_DATA, so data discovery is exercised; `environment`
    /// adds to it.
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:],
                    currentDirectory: URL? = nil) throws -> Result {
        guard let binary else { throw BinaryNotFound(searched: candidates.map(\.path)) }
        let base = ["COLUMNS": "80", "PATH": "/usr/bin:/bin"]
        return try ProcessRunner.run(binary, arguments, stdin: Data(stdin.utf8),
                                     environment: base.merging(environment) { $1 },
                                     currentDirectory: currentDirectory)
    }
}
