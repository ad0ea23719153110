import Foundation
import Testing

/// Runs the BUILT `strikerange` binary (the one `swift test` put next to the test bundle) as a user would.
enum CLIRunner {
    struct Result {
        var status: Int32
        /// True when the process was killed by a signal (a Swift trap is SIGILL or SIGTRAP); `status` is then the signal.
        var diedBySignal = false
        var stdout: String
        var stderr: String
    }

    /// The products directory holds both the test bundle and the executable, whatever the scratch path
    /// (.build, .build-asan…): look next to this test process first, then in the package's .build.
    static let binary: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        let me = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(me.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug"))
        return candidates.map { $0.appendingPathComponent("strikerange") }
            .first { fm.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `strikerange arguments…` with `stdin` piped in; COLUMNS fixed so help text wraps the same everywhere.
    static func run(_ arguments: [String], stdin: String = "") throws -> Result {
        let binary = try #require(binary, "strikerange binary not found next to the test bundle")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ["COLUMNS": "80", "PATH": "/usr/bin:/bin"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Feed stdin and drain both outputs concurrently so large inputs cannot dead-lock on full pipes.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errData = LockedData()
        let errReader = Thread { errData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.isSet { usleep(1000) }
        return Result(status: process.terminationStatus,
                      diedBySignal: process.terminationReason == .uncaughtSignal,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.value, as: UTF8.self))
    }
}

/// A Data filled in by one thread and read by another.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ d: Data) { lock.withLock { data = d } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}
