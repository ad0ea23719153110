import StrikeRange

/// The coordinate text parser, directly and through `LocationSpecifier(parsing:)` (which decides whether text is
/// coordinates at all): a position with latitude in [-90, 90] and longitude in [-180, 180], or a
/// `LocationSpecifierError`.
let coordinateHarness = FuzzHarness(name: "coordinate", maximumLengthBytes: 128) { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    do throws(LocationSpecifierError) {
        let position = try CoordinateText.parse(text)
        check(latitude: position.latitude, longitude: position.longitude, text: text)
    } catch {
        _ = error.description
    }
    // A NUL byte or an over-long name would only make the specifier's file-existence probe fail; skip those.
    guard !bytes.contains(0) else { return }
    do throws(LocationSpecifierError) {
        if case .point(let point) = try LocationSpecifier(parsing: text) {
            check(latitude: point.latitude, longitude: point.longitude, text: text)
        }
    } catch {
        _ = error.description
    }
}

private func check(latitude: Double, longitude: Double, text: String) {
    guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
        contractViolation("coordinate", "'\(text)' gave latitude \(latitude), longitude \(longitude)")
    }
}
