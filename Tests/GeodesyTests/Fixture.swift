import Foundation
import Testing

/// Reads the committed oracle fixtures (SwiftPM resources under `Fixtures/`).
enum Fixture {
    static func url(_ name: String) throws -> URL {
        let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        return try #require(Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Fixtures"),
                            "fixture \(name) missing from the test bundle")
    }

    /// Non-comment, non-empty lines split on whitespace.
    static func rows(_ name: String) throws -> [[Substring]] {
        try String(contentsOf: url(name), encoding: .utf8)
            .split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
            .map { $0.split(whereSeparator: \.isWhitespace) }
    }
}

extension Substring {
    /// The field as a Double; the fixtures are machine-written, so a bad one is a broken fixture.
    var double: Double {
        guard let value = Double(self) else { preconditionFailure("not a number in fixture: \(self)") }
        return value
    }
}

/// |a − b| for angles in degrees, taking the 360° wrap into account.
func angleDifferenceDegrees(_ a: Double, _ b: Double) -> Double {
    abs(remainder(a - b, 360))
}
