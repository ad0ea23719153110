import Foundation

/// What a finished child process left: its exit status and what it wrote.
public struct ProcessOutput: Sendable {
    public var status: Int32
    /// True when the process was killed by a signal (a Swift trap is SIGILL or SIGTRAP); `status` is then the signal.
    public var diedBySignal: Bool
    public var stdout: String
    /// Empty when the run merged stderr into `stdout`.
    public var stderr: String
}

/// Runs another program the way the tests need it: stdin fed in, outputs captured. Not part of the
/// Testing module's API on purpose: this target also builds in a plain `swift build`.
public enum ProcessRunner {
    /// Runs `executable arguments…` with `stdin`, in `environment` (nil: this process's own) and
    /// `currentDirectory`, and waits for it. Outputs go to temporary files, not pipes, so neither a large
    /// output nor a large stdin can dead-lock the two processes. With `mergeStandardError`, stderr is
    /// written into the same file as stdout, interleaved as the program wrote them.
    public static func run(_ executable: URL, _ arguments: [String], stdin: Data? = nil,
                           environment: [String: String]? = nil, currentDirectory: URL? = nil,
                           mergeStandardError: Bool = false) throws -> ProcessOutput {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("strikerange-process-\(UUID().uuidString)")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        fm.createFile(atPath: outURL.path, contents: nil)
        fm.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = mergeStandardError ? out : err
        try process.run()
        // Feed stdin from another thread: a child that writes before it has read all its input must not block us.
        let payload = stdin ?? Data()
        let writer = Thread {
            if !payload.isEmpty { input.fileHandleForWriting.write(payload) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdoutData = try Data(contentsOf: outURL), stderrData = try Data(contentsOf: errURL)
        return ProcessOutput(status: process.terminationStatus,
                             diedBySignal: process.terminationReason == .uncaughtSignal,
                             stdout: String(decoding: stdoutData, as: UTF8.self),
                             stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
