import StrikeRange

/// `Distance(parsing:)`: a finite, non-negative number of metres, or a `DistanceParseError`.
let distanceHarness = FuzzHarness(name: "distance", maximumLengthBytes: 64) { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    do throws(DistanceParseError) {
        let distance = try Distance(parsing: text)
        guard distance.meters.isFinite, distance.meters >= 0 else {
            contractViolation("distance", "'\(text)' gave \(distance.meters) m; documented as finite and ≥ 0")
        }
    } catch {
        _ = error.description
    }
}
