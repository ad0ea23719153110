/// One reader of user input under fuzzing, with its contract: every input gives a value that satisfies the
/// reader's documented postconditions, or the reader's typed error. Anything else — a trap, an untyped error,
/// a value outside its documented range — is reported through `contractViolation`, which traps so that libFuzzer
/// (and the replay driver) record the input. Hangs and unbounded memory are caught by libFuzzer's `-timeout=`
/// and `-rss_limit_mb=` (see Scripts/fuzz).
struct FuzzHarness: Sendable {
    /// Name used on the command line and as the corpus folder (`Tests/Fuzz/corpus/<name>`).
    let name: String
    /// Longest input worth generating; long inputs only slow small text parsers down.
    let maximumLengthBytes: Int
    let run: @Sendable ([UInt8]) -> Void

    static let all: [FuzzHarness] = [
        geoJSONHarness, jsonDifferentialHarness, targetCSVHarness, scenarioHarness, coordinateHarness, distanceHarness,
    ]

    static func named(_ name: String) -> FuzzHarness? { all.first { $0.name == name } }
}

/// The reader broke its contract on the current input: trap, so that the input is saved as a crash.
func contractViolation(_ harness: String, _ message: String) -> Never {
    fatalError("\(harness) harness: contract violated: \(message)")
}
