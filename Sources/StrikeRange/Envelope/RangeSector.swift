/// An azimuth sector for a range fan (issue 16): from `startDegrees` clockwise through `widthDegrees`, degrees
/// true (clockwise from north). It may cross north: `300..60` is 120° wide.
public struct RangeSector: Sendable, Equatable {
    /// Where the sector starts, [0, 360).
    public let startDegrees: Double
    /// Its width clockwise, (0, 360).
    public let widthDegrees: Double
    /// Where it ends, [0, 360) (equal to the start only for no width, which is refused).
    public var endDegrees: Double { Self.normalized(startDegrees + widthDegrees) }
    /// Its middle, [0, 360).
    public var bearingDegrees: Double { Self.normalized(startDegrees + widthDegrees / 2) }

    /// The sector `from..to` clockwise; `option` names where the values came from in messages.
    /// - Throws: `StrikeRangeError` for non-finite values, values outside [0, 360], or equal ends (no width).
    public init(fromDegrees: Double, toDegrees: Double, option: String = "--sector") throws(StrikeRangeError) {
        for (name, value) in [("start", fromDegrees), ("end", toDegrees)] {
            guard value.isFinite, (0...360).contains(value) else {
                throw StrikeRangeError("\(option): the \(name) azimuth \(Self.text(value)) is not a bearing in degrees from 0 to 360 (true north, clockwise), e.g. \(option) 30..120 or 300..60 across north")
            }
        }
        let width = Self.normalized(toDegrees - fromDegrees)
        guard width > 0 else {
            throw StrikeRangeError("\(option): \(Self.text(fromDegrees))..\(Self.text(toDegrees)) has no width; a sector runs clockwise from its first to its second bearing (for the whole circle leave the sector out)")
        }
        startDegrees = Self.normalized(fromDegrees)
        widthDegrees = width
    }

    /// The sector centred on `bearingDegrees` with `widthDegrees`.
    /// - Throws: `StrikeRangeError` for a bearing outside [0, 360] or non-finite, a width not in (0, 360).
    public init(bearingDegrees: Double, widthDegrees: Double, options: (bearing: String, width: String) = ("--bearing", "--width")) throws(StrikeRangeError) {
        guard bearingDegrees.isFinite, (0...360).contains(bearingDegrees) else {
            throw StrikeRangeError("\(options.bearing) \(Self.text(bearingDegrees)) is not a bearing in degrees from 0 to 360 (true north, clockwise)")
        }
        guard widthDegrees.isFinite, widthDegrees > 0, widthDegrees < 360 else {
            throw StrikeRangeError("\(options.width) \(Self.text(widthDegrees)) is not a sector width: give degrees above 0 and below 360 (for the whole circle leave the sector out)")
        }
        startDegrees = Self.normalized(bearingDegrees - widthDegrees / 2)
        self.widthDegrees = widthDegrees
    }

    /// Reads `30..120` (also `30-120`, `30:120`, with optional spaces and ° signs).
    /// - Throws: `StrikeRangeError` naming the text and the accepted form.
    public init(parsing text: String, option: String = "--sector") throws(StrikeRangeError) {
        let cleaned = text.replacingOccurrences(of: "°", with: "").trimmingWhitespace()
        var parts: [Substring] = []
        for separator in ["..", ":", "-", ","] where parts.count != 2 {
            let candidate = cleaned.components(separatedBy: separator).filter { !$0.isEmpty }.map { Substring($0) }
            if candidate.count == 2 { parts = candidate }
        }
        guard parts.count == 2, let from = Double(String(parts[0]).trimmingWhitespace()), let to = Double(String(parts[1]).trimmingWhitespace()) else {
            throw StrikeRangeError("\(option) '\(text)' is not a sector: give two bearings in degrees, clockwise from the first to the second, e.g. 30..120 (or 300..60 across north)")
        }
        try self.init(fromDegrees: from, toDegrees: to, option: option)
    }

    /// Clockwise angle from the sector's start to `azimuthDegrees`, [0, 360).
    public func offsetDegrees(_ azimuthDegrees: Double) -> Double { Self.normalized(azimuthDegrees - startDegrees) }

    /// Whether `azimuthDegrees` lies in the sector (ends included).
    public func contains(_ azimuthDegrees: Double) -> Bool { offsetDegrees(azimuthDegrees) <= widthDegrees }

    static func normalized(_ degrees: Double) -> Double {
        let r = degrees.truncatingRemainder(dividingBy: 360)
        let n = r < 0 ? r + 360 : r
        return n >= 360 ? 0 : n
    }

    static func text(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e9 ? String(Int(v)) : String(v) }
}

import Foundation
