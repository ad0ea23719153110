import Foundation

/// Runs the built `strikerange` binary (the one SwiftPM builds next to the test bundle) and captures its output.
/// Named apart from the shared CLIRunner so the two can coexist.
enum LookupCLI {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable beside the running test product (`.build/<triple>/<config>/strikerange`).
    static func binaryURL() throws -> URL {
        var folders: [URL] = []
        #if os(Linux)
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        #endif
        if let exe = Bundle.main.executableURL { folders.append(exe.deletingLastPathComponent()) }
        // macOS: the .xctest bundle lives beside the binary.
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for folder in folders {
            for candidate in [folder, folder.deletingLastPathComponent(), folder.deletingLastPathComponent().deletingLastPathComponent()] {
                let url = candidate.appendingPathComponent("strikerange")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "strikerange beside \(folders.map(\.path))"])
    }

    /// Runs `strikerange arguments…` with STRIKERANGE_DATA removed (so discovery is exercised) unless given in
    /// `environment`; `stdin` is fed to it.
    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil,
                    currentDirectory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = try binaryURL()
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "STRIKERANGE_DATA")
        env.merge(environment) { $1 }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        // Output goes to temporary files: no pipe can fill up and block the child.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("strikerange-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdoutData = try Data(contentsOf: outURL), stderrData = try Data(contentsOf: errURL)
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
