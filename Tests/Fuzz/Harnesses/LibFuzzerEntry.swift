#if FUZZING
import Foundation

/// libFuzzer's driver, from `libclang_rt.fuzzer_no_main` (C: `int LLVMFuzzerRunDriver(int *argc, char ***argv,
/// int (*callback)(const uint8_t *data, size_t size))`). Declared by symbol name: the arguments are plain
/// pointers and an int, passed the same way by the Swift and C calling conventions on x86_64 and arm64.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The harness named by `--harness=NAME`, chosen once before libFuzzer starts.
nonisolated(unsafe) private var selectedHarness: FuzzHarness?

extension FuzzMain {
    static func runLibFuzzer() -> Never {
        let prefix = "--harness="
        guard let argument = CommandLine.arguments.first(where: { $0.hasPrefix(prefix) }),
              let harness = FuzzHarness.named(String(argument.dropFirst(prefix.count))) else {
            let names = FuzzHarness.all.map(\.name).joined(separator: ", ")
            FileHandle.standardError.write(Data("usage: strikerange-fuzz --harness=NAME [libFuzzer flags] CORPUS...   (harnesses: \(names))\n".utf8))
            exit(2)
        }
        selectedHarness = harness
        // The harness knows its useful input length; an explicit -max_len= on the command line wins.
        var arguments = CommandLine.arguments
        if !arguments.contains(where: { $0.hasPrefix("-max_len=") }) {
            arguments.insert("-max_len=\(harness.maximumLengthBytes)", at: 1)
        }
        // Leaked on purpose: libFuzzer keeps argv for the whole run (and for the processes it forks).
        var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var argc = Int32(arguments.count)
        let status = cArguments.withUnsafeMutableBufferPointer { buffer in
            var argv = buffer.baseAddress!
            return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
                selectedHarness!.run(bytes)
                return 0
            }
        }
        exit(status)
    }
}
#endif
