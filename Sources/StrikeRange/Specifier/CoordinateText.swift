/// Reads "latitude, longitude" text: decimal degrees (`50.45,30.52`, `50.45 30.52`), hemisphere letters before or
/// after the number (`50.45N 30.52E`, `N50.45 E30.52`, any order when both carry letters), and degrees–minutes–seconds
/// (`50°27'N 30°31'E`, `50°27'13"N 30°31'5"E`, with ′ ″ or º as well).
///
/// Hand-written because no maintained Swift library reads these forms (hemisphere letters on either side, DMS
/// marks in several Unicode spellings) with messages that say what is wrong; the `coordinate` fuzz harness
/// (Tests/Fuzz) checks that any text gives a position in range or a `LocationSpecifierError`.
package enum CoordinateText {
    /// Whether `text` is meant as coordinates rather than a name or path: it starts with a number (or a hemisphere
    /// letter then a number) and holds nothing but numbers, signs, degree/minute/second marks, hemisphere letters
    /// and separators.
    static func looksLikeCoordinates(_ text: String) -> Bool {
        let chars = Array(text.trimmingWhitespace())
        guard let first = chars.first else { return false }
        let startsNumeric: Bool
        if first.isASCIIDigit || first == "+" || first == "-" || first == "." {
            startsNumeric = chars.count > 1 || first.isASCIIDigit
        } else if hemispheres.contains(first.uppercased()) {
            startsNumeric = chars.dropFirst().first { $0 != " " }?.isASCIIDigit ?? false
        } else {
            startsNumeric = false
        }
        guard startsNumeric else { return false }
        return chars.allSatisfy { $0.isASCIIDigit || allowed.contains($0) || hemispheres.contains($0.uppercased()) }
    }

    /// Whether `text` starts with a number (optionally signed): meant as coordinates unless it is a path.
    static func startsWithNumber(_ text: String) -> Bool {
        var chars = Substring(text.trimmingWhitespace())
        if chars.first == "-" || chars.first == "+" { chars = chars.dropFirst() }
        return chars.first?.isASCIIDigit ?? false
    }

    /// The position in `text`.
    /// - Throws: `LocationSpecifierError` — `.missingCoordinate` for one number, `.latitudeOutOfRange` /
    ///   `.longitudeOutOfRange` naming the value, `.malformedCoordinates` saying what is wrong.
    package static func parse(_ original: String) throws(LocationSpecifierError) -> (latitude: Double, longitude: Double) {
        let text = original.trimmingWhitespace()
        let components = try scan(text)
        func hemisphereAxis(_ c: Component) -> Character? {
            guard let h = c.hemisphere else { return nil }
            return h == "N" || h == "S" ? "y" : "x"
        }
        switch components.count {
        case 0:
            throw .malformedCoordinates(text: text, reason: "no number found")
        case 1:
            let missing = hemisphereAxis(components[0]) == "x" ? "latitude" : "longitude"
            throw .missingCoordinate(missing: missing, text: text)
        case 2:
            break
        default:
            throw .malformedCoordinates(text: text, reason: "\(components.count) numbers where two (latitude, longitude) are expected")
        }
        var latitude = components[0], longitude = components[1]
        switch (hemisphereAxis(components[0]), hemisphereAxis(components[1])) {
        case ("x", "x"), ("y", "y"):
            throw .malformedCoordinates(text: text, reason: "both numbers are on the same axis (one needs N/S, the other E/W)")
        case ("x", _), (_, "y"):
            latitude = components[1]; longitude = components[0]
        default:
            break
        }
        if latitude.hemisphere == "E" || latitude.hemisphere == "W" || longitude.hemisphere == "N" || longitude.hemisphere == "S" {
            throw .malformedCoordinates(text: text, reason: "hemisphere letters do not fit (latitude takes N/S, longitude E/W)")
        }
        let lat = latitude.signedDegrees, lon = longitude.signedDegrees
        guard (-90.0...90.0).contains(lat) else { throw .latitudeOutOfRange(lat, text: text) }
        guard (-180.0...180.0).contains(lon) else { throw .longitudeOutOfRange(lon, text: text) }
        return (lat, lon)
    }

    // MARK: Scanning

    private static let hemispheres: Set<String> = ["N", "S", "E", "W"]
    private static let degreeMarks: Set<Character> = ["°", "º", "˚"]
    private static let minuteMarks: Set<Character> = ["'", "′", "’", "‘"]
    private static let secondMarks: Set<Character> = ["\"", "″", "”", "“"]
    private static let separators: Set<Character> = [" ", ",", ";", "\t"]
    private static let allowed: Set<Character> = Set(".+-").union(degreeMarks).union(minuteMarks).union(secondMarks).union(separators)

    private struct Component {
        var negative = false
        var degrees = 0.0
        var minutes: Double?
        var seconds: Double?
        var hemisphere: Character?
        var signedDegrees: Double {
            let magnitude = degrees + (minutes ?? 0) / 60 + (seconds ?? 0) / 3600
            let south = hemisphere == "S" || hemisphere == "W"
            return (negative != south) ? -magnitude : magnitude
        }
    }

    private static func scan(_ text: String) throws(LocationSpecifierError) -> [Component] {
        let chars = Array(text)
        var i = 0
        func skip(_ set: Set<Character>) { while i < chars.count, set.contains(chars[i]) { i += 1 } }
        func hemisphere() -> Character? {
            guard i < chars.count, let h = chars[i].uppercased().first, hemispheres.contains(String(h)) else { return nil }
            i += 1
            return h
        }
        func number() -> Double? {
            let start = i
            while i < chars.count, chars[i].isASCIIDigit || chars[i] == "." { i += 1 }
            return i > start ? Double(String(chars[start..<i])) : nil
        }
        func fail(_ reason: String) -> LocationSpecifierError { .malformedCoordinates(text: text, reason: reason) }

        var components: [Component] = []
        while true {
            skip(separators)
            if i >= chars.count { break }
            var c = Component()
            c.hemisphere = hemisphere()
            skip([" "])
            if i < chars.count, chars[i] == "-" || chars[i] == "+" { c.negative = chars[i] == "-"; i += 1 }
            guard let degrees = number() else {
                throw fail(i < chars.count ? "unexpected '\(chars[i])'" : "a number is missing at the end")
            }
            c.degrees = degrees
            let afterDegrees = i
            skip([" "])
            if i >= chars.count || !degreeMarks.contains(chars[i]) { i = afterDegrees }
            if i < chars.count, degreeMarks.contains(chars[i]) {
                i += 1
                skip([" "])
                // Minutes, then seconds, each a number followed by its mark.
                let save = i
                if let minutes = number() {
                    skip([" "])
                    if i < chars.count, minuteMarks.contains(chars[i]) {
                        i += 1; c.minutes = minutes; skip([" "])
                        let save2 = i
                        if let seconds = number() {
                            skip([" "])
                            if i < chars.count, secondMarks.contains(chars[i]) {
                                i += 1; c.seconds = seconds
                            } else if i + 1 < chars.count, minuteMarks.contains(chars[i]), minuteMarks.contains(chars[i + 1]) {
                                i += 2; c.seconds = seconds     // '' written for "
                            } else { i = save2 }
                        }
                    } else { i = save }
                }
            }
            if c.minutes != nil || c.seconds != nil, c.degrees != c.degrees.rounded(.towardZero) {
                throw fail("degrees with a fraction cannot be followed by minutes or seconds")
            }
            if let m = c.minutes, m >= 60 { throw fail("minutes \(LocationSpecifierError.number(m)) must be below 60") }
            if let s = c.seconds, s >= 60 { throw fail("seconds \(LocationSpecifierError.number(s)) must be below 60") }
            let beforeTrailing = i
            skip([" "])
            // A letter directly followed by a number leads the next component ("N50 E30"); otherwise it trails.
            let leadsNext = i + 1 < chars.count && (chars[i + 1].isASCIIDigit || "+-.".contains(chars[i + 1]))
            if c.hemisphere == nil, !leadsNext, let trailing = hemisphere() {
                c.hemisphere = trailing
            } else if c.hemisphere != nil, i < chars.count, hemispheres.contains(chars[i].uppercased()), !leadsNext {
                throw fail("a number has two hemisphere letters")
            } else {
                i = beforeTrailing
            }
            if c.negative, c.hemisphere == "S" || c.hemisphere == "W" {
                throw fail("a minus sign and \(c.hemisphere!) both make the value negative; use one")
            }
            if i < chars.count, !separators.contains(chars[i]) {
                throw fail("unexpected '\(chars[i])'")
            }
            components.append(c)
        }
        return components
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
