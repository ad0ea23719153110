import StrikeRange

/// The scenario decoder (YAML, and JSON as YAML): a `Scenario` or a `ScenarioError` naming the file.
/// Bytes that are not UTF-8 are refused by `decode(contentsOf:)` before the decoder runs, so they are decoded
/// with replacement characters here to reach the decoder anyway.
let scenarioHarness = FuzzHarness(name: "scenario", maximumLengthBytes: 4096) { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    do throws(ScenarioError) {
        let scenario = try ScenarioDecoder.decode(text, file: "fuzz.yaml")
        guard !scenario.launch.isEmpty, !scenario.weapons.isEmpty else {
            contractViolation("scenario", "accepted a scenario without launch areas or weapons")
        }
        guard scenario.toleranceMeters.isFinite, scenario.toleranceMeters > 0 else {
            contractViolation("scenario", "accepted tolerance \(scenario.toleranceMeters) m")
        }
    } catch {
        guard error.file == "fuzz.yaml" else { contractViolation("scenario", "error does not name the file: \(error)") }
    }
}
