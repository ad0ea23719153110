import Foundation

/// GDAL's `ogrinfo` (gdal-bin): a reader that shares no code with ours, used to check that what we write opens.
public enum OGRInfo {
    /// True when `ogrinfo` is installed (tests that need it are skipped otherwise).
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/ogrinfo") }

    /// Runs `ogrinfo arguments…` (found on PATH) with stderr merged into the output, as GDAL prints warnings there.
    public static func run(_ arguments: [String]) throws -> Result {
        let output = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["ogrinfo"] + arguments,
                                           mergeStandardError: true)
        return Result(status: output.status, output: output.stdout)
    }

    public struct Result: Sendable {
        public var status: Int32
        /// stdout and stderr together.
        public var output: String
        /// Opened without error and GDAL printed no warning.
        public var isClean: Bool { status == 0 && !output.contains("Warning") && !output.contains("ERROR") }
    }
}
