import Foundation

/// Two builds of one program (Scripts/fuzz):
/// - normal (`swift build`): a replay driver, `strikerange-fuzz HARNESS FILE|FOLDER...`, which runs the harness
///   on each file — a corpus or a saved crash — and exits 0 when every input kept the contract;
/// - fuzzing (`-DFUZZING`, address sanitizer and coverage, linked with libFuzzer's no-main runtime):
///   `strikerange-fuzz --harness=NAME [libFuzzer flags] CORPUS...`. libFuzzer ignores flags starting with `--`.
/// One executable with a `@main` in both builds because SwiftPM links every executable's `main` to its module's
/// entry point, which would clash with libFuzzer's own `main`.
@main
enum FuzzMain {
    static func main() {
        #if FUZZING
        runLibFuzzer()
        #else
        replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    static func usage() -> Never {
        let names = FuzzHarness.all.map(\.name).joined(separator: ", ")
        FileHandle.standardError.write(Data("usage: strikerange-fuzz HARNESS FILE|FOLDER...   (harnesses: \(names))\n".utf8))
        exit(2)
    }

    /// Runs the harness on each file (folders are read one level deep); prints how many inputs passed.
    static func replay(_ arguments: [String]) {
        guard let name = arguments.first, let harness = FuzzHarness.named(name) else { usage() }
        var files: [String] = []
        for argument in arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("strikerange-fuzz: no such file or folder: \(argument)\n".utf8))
                exit(2)
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                files += names.sorted().filter { !$0.hasPrefix(".") }.map { "\(argument)/\($0)" }
            } else {
                files.append(argument)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("strikerange-fuzz: cannot read \(file)\n".utf8))
                exit(2)
            }
            harness.run(Array(data))
        }
        print("\(harness.name): \(files.count) inputs kept the contract")
    }
}
