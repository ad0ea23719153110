import Geodesy

/// MGRS and UTM grid references (WGS84), read and written (issue 16).
///
/// UTM ↔ lon/lat goes through PROJ (`UTMProjector`); the MGRS lettering on top of it is written here, after
/// NGA.SIG.0012 (the "AA" lettering used with WGS84): latitude bands C–X of 8° from 80°S (X is 12°, to 84°N),
/// 100 km column letters A–H, J–R, S–Z in zones 1, 2, 3 (repeating), row letters A–V (no I, O) cycling every
/// 2,000 km and shifted by five in even zones, zone 32 widened to 3°E–12°E in band V (Norway) and zones 31, 33,
/// 35, 37 covering band X (Svalbard, where 32X, 34X and 36X do not exist). The polar UPS areas (south of 80°S,
/// north of 84°N; bands A, B, Y, Z) are not supported and say so.
///
/// A reference names a square (1 m with five digit pairs, 100 km with none); it reads as the square's centre, as
/// GEOTRANS 3 and the `mgrs` package do, which halves the worst position error against the south-west corner. Checked against the `mgrs` package from PyPI
/// (GEOTRANS code) on seeded random points in Scripts/validate/check-mgrs.py.
public enum GridReference {
    static let bandLetters = Array("CDEFGHJKLMNPQRSTUVWX")
    static let columnSets = [Array("ABCDEFGH"), Array("JKLMNPQR"), Array("STUVWXYZ")]
    static let rowLetters = Array("ABCDEFGHJKLMNPQRSTUV")

    // MARK: Recognising

    /// Zone (1–2 digits), band letter, two letters, then only digits and spaces: `37UDB1234567890`, `37U DB 123 678`.
    static func looksLikeMGRS(_ text: String) -> Bool {
        guard let parts = mgrsParts(text) else { return false }
        // One or three letters is still meant as MGRS: read it, and say what is wrong.
        return (1...3).contains(parts.letters.count)
    }

    /// Zone and band letter as one word, then two numbers: `37U 412345 5712345` (`mE`/`mN` suffixes allowed).
    static func looksLikeUTM(_ text: String) -> Bool { utmParts(text) != nil }

    private static func mgrsParts(_ text: String) -> (zone: Int, band: Character, letters: [Character], digits: [Character])? {
        let chars = Array(text.uppercased().filter { $0 != " " })
        var i = 0
        while i < chars.count, i < 2, chars[i].isASCIIDigit { i += 1 }
        guard i > 0, let zone = Int(String(chars[0..<i])), i < chars.count, chars[i].isLetter, chars[i].isASCII else { return nil }
        let band = chars[i]; i += 1
        var letters: [Character] = []
        while i < chars.count, chars[i].isLetter, chars[i].isASCII { letters.append(chars[i]); i += 1 }
        let digits = Array(chars[i...])
        guard !letters.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return (zone, band, letters, digits)
    }

    private static func utmParts(_ text: String) -> (zone: Int, band: Character, easting: Double, northing: Double)? {
        let words = text.uppercased().split { $0 == " " || $0 == "," || $0 == "\t" }.map(String.init)
        guard words.count == 3 || (words.count == 4 && Array(words[0]).allSatisfy(\.isASCIIDigit)) else { return nil }
        // "37U" or "37 U".
        let head = words.count == 4 ? words[0] + words[1] : words[0]
        let rest = words.count == 4 ? Array(words[2...]) : Array(words[1...])
        let chars = Array(head)
        guard chars.count >= 2, chars.count <= 3, let band = chars.last, band.isLetter, band.isASCII,
              chars.dropLast().allSatisfy(\.isASCIIDigit), let zone = Int(String(chars.dropLast())) else { return nil }
        func metres(_ word: String, _ suffix: String) -> Double? {
            let w = word.hasSuffix(suffix) ? String(word.dropLast(suffix.count)) : word
            guard let first = w.first, first.isASCIIDigit, w.allSatisfy({ $0.isASCIIDigit || $0 == "." }) else { return nil }
            return Double(w)
        }
        guard let e = metres(rest[0], "ME") ?? metres(rest[0], "E"), let n = metres(rest[1], "MN") ?? metres(rest[1], "N") else { return nil }
        return (zone, band, e, n)
    }

    // MARK: Reading

    /// The centre of the square `text` names (of the 1 m square with five digit pairs).
    /// - Throws: `LocationSpecifierError.malformedGridReference` naming the value and what is wrong.
    public static func parseMGRS(_ original: String, projector: UTMProjector = UTMProjector()) throws(LocationSpecifierError) -> LonLat {
        let text = original.trimmingWhitespace()
        func fail(_ reason: String) -> LocationSpecifierError { .malformedGridReference(text: text, system: "MGRS", reason: reason) }
        guard let parts = mgrsParts(text) else {
            throw fail("expected a zone number, a band letter, two letters and digits")
        }
        let zone = parts.zone
        guard (1...60).contains(zone) else { throw fail("zone \(zone) is out of range (zones are 1 to 60)") }
        let band = try bandRange(parts.band, zone: zone, fail: fail)
        guard parts.letters.count == 2 else {
            throw fail("\(parts.letters.count) letters after the band letter \(parts.band); the 100 km square is two letters (e.g. DB)")
        }
        guard parts.digits.count <= 10 else {
            throw fail("\(parts.digits.count) digits; at most 10 (5 for easting, 5 for northing, 1 m)")
        }
        guard parts.digits.count % 2 == 0 else {
            throw fail("\(parts.digits.count) digits, an odd count; easting and northing take equal halves (e.g. 1234 5678)")
        }
        let columnSet = columnSets[(zone - 1) % 3]
        let column = parts.letters[0], row = parts.letters[1]
        guard let columnIndex = columnSet.firstIndex(of: column) else {
            throw fail("100 km column letter \(column) is not used in zone \(zone) (zone \(zone) uses \(columnSet.first!)–\(columnSet.last!), no I or O)")
        }
        guard let rowIndex = rowLetters.firstIndex(of: row) else {
            throw fail("100 km row letter \(row) does not exist (rows are A–V without I and O)")
        }
        let half = parts.digits.count / 2
        let unit = half == 0 ? 100_000.0 : Double([10_000, 1000, 100, 10, 1][half - 1])
        let eastDigits = half == 0 ? 0 : Double(Int(String(parts.digits[0..<half]))!)
        let northDigits = half == 0 ? 0 : Double(Int(String(parts.digits[half...]))!)
        let easting = Double(columnIndex + 1) * 100_000 + eastDigits * unit
        let rowNorthing = Double(((rowIndex - (zone % 2 == 0 ? 5 : 0)) % 20 + 20) % 20) * 100_000 + northDigits * unit

        // The row letters repeat every 2,000 km: take the repetition whose square lies in the band.
        let north = band.south >= 0
        var best: (position: LonLat, gap: Double)?
        for k in 0..<5 {
            let northing = rowNorthing + Double(k) * 2_000_000
            do {
                let centre = try projector.position(easting: easting + unit / 2, northing: northing + unit / 2, zone: zone, north: north)
                let top = try projector.position(easting: easting + unit / 2, northing: northing + unit, zone: zone, north: north)
                let bottom = try projector.position(easting: easting + unit / 2, northing: northing, zone: zone, north: north)
                // Degrees by which the square misses the band (0 when they overlap).
                let gap = max(0, band.south - top.latitude, bottom.latitude - band.north)
                if best == nil || gap < best!.gap { best = (centre, gap) }
            } catch {
                continue
            }
        }
        guard let best else { throw fail("PROJ could not convert the square") }
        if best.gap > 1e-9 {
            let actual = bandLetter(latitude: best.position.latitude).map { "band \($0)" } ?? "a polar area"
            throw fail("square \(column)\(row) of zone \(zone) does not reach band \(parts.band) (\(degreesText(band.south))–\(degreesText(band.north))); it lies in \(actual)")
        }
        return best.position
    }

    /// The position at a UTM reference, `37U 412345 5712345` (zone, latitude band, easting, northing in metres).
    /// The band letter says the hemisphere and is checked against the northing.
    /// - Throws: `LocationSpecifierError.malformedGridReference` naming the value and what is wrong.
    public static func parseUTM(_ original: String, projector: UTMProjector = UTMProjector()) throws(LocationSpecifierError) -> LonLat {
        let text = original.trimmingWhitespace()
        func fail(_ reason: String) -> LocationSpecifierError { .malformedGridReference(text: text, system: "UTM", reason: reason) }
        guard let parts = utmParts(text) else {
            throw fail("expected a zone with its band letter, an easting and a northing")
        }
        guard (1...60).contains(parts.zone) else { throw fail("zone \(parts.zone) is out of range (zones are 1 to 60)") }
        let band = try bandRange(parts.band, zone: nil, fail: fail)
        guard parts.easting > 0, parts.easting < 1_000_000 else {
            throw fail("easting \(LocationSpecifierError.number(parts.easting)) m is outside a UTM zone (100,000 to 900,000 m, 500,000 m on the central meridian)")
        }
        guard parts.northing >= 0, parts.northing <= 10_000_000 else {
            throw fail("northing \(LocationSpecifierError.number(parts.northing)) m is out of range (0 to 10,000,000 m)")
        }
        let north = band.south >= 0
        let position: LonLat
        do {
            position = try projector.position(easting: parts.easting, northing: parts.northing, zone: parts.zone, north: north)
        } catch {
            throw fail("PROJ could not convert it: \(error.message)")
        }
        let slack = 1e-7
        if position.latitude < band.south - slack || position.latitude > band.north + slack {
            let hint: String
            if let right = bandLetter(latitude: position.latitude) {
                hint = "; at \(degreesText(position.latitude)) the band is \(right): \(parts.zone)\(right) \(LocationSpecifierError.number(parts.easting)) \(LocationSpecifierError.number(parts.northing))"
            } else {
                hint = ""
            }
            throw fail("band \(parts.band) is \(degreesText(band.south)) to \(degreesText(band.north)), but this northing is at \(degreesText(position.latitude)) (the letter after the zone is the latitude band, not N/S for the hemisphere)\(hint)")
        }
        return position
    }

    private static func bandRange(_ letter: Character, zone: Int?, fail: (String) -> LocationSpecifierError) throws(LocationSpecifierError) -> (south: Double, north: Double) {
        if "ABYZ".contains(letter) {
            throw fail("band \(letter) is a polar (UPS) area, which is not supported; give the position as latitude, longitude")
        }
        guard let index = bandLetters.firstIndex(of: letter) else {
            throw fail("band letter \(letter) does not exist (bands are C to X without I and O, south to north)")
        }
        if letter == "X", let zone, [32, 34, 36].contains(zone) {
            throw fail("zone \(zone)X does not exist (Svalbard is covered by zones 31X, 33X, 35X and 37X)")
        }
        let south = -80.0 + 8 * Double(index)
        return (south, letter == "X" ? 84 : south + 8)
    }

    /// The band letter of a latitude within [-80, 84]; nil in the polar areas.
    static func bandLetter(latitude: Double) -> Character? {
        guard latitude >= -80, latitude <= 84 else { return nil }
        return bandLetters[min(19, Int(((latitude + 80) / 8).rounded(.down)))]
    }

    private static func degreesText(_ latitude: Double) -> String {
        let rounded = (abs(latitude) * 100).rounded() / 100
        return "\(LocationSpecifierError.number(rounded))°\(latitude < 0 ? "S" : "N")"
    }

    // MARK: Writing

    /// The MGRS reference of `position` with `digitPairs` (0...5; 5 is 1 m) digit pairs, e.g. `37U DB 12345 67890`
    /// (truncated after rounding to the millimetre, so that the square contains the point); nil in the polar (UPS) areas, south of
    /// 80°S and from 84°N.
    /// - Throws: `GeodesyError` from PROJ.
    public static func mgrs(_ position: LonLat, digitPairs: Int = 5, projector: UTMProjector) throws(GeodesyError) -> String? {
        precondition((0...5).contains(digitPairs), "MGRS takes 0 to 5 digit pairs")
        let lat = position.latitude
        var lon = position.longitude
        if lon >= 180 { lon -= 360 }
        guard lat >= -80, lat < 84, let band = bandLetter(latitude: lat) else { return nil }
        var zone = UTMProjector.standardZone(longitude: lon)
        if band == "V", lon >= 3, lon < 12 { zone = 32 }
        if band == "X", lon >= 0, lon < 42 {
            zone = lon < 9 ? 31 : lon < 21 ? 33 : lon < 33 ? 35 : 37
        }
        let utm = try projector.project(LonLat(longitude: lon, latitude: lat), zone: zone, north: lat >= 0)
        // To the millimetre, then truncated (as GEOTRANS does): a point on a central meridian comes out of PROJ at
        // 499999.9999999993 m and belongs to the square east of it; a millimetre is far below either series' error.
        func metres(_ value: Double) -> Int { Int(((value * 1000).rounded() / 1000).rounded(.down)) }
        let e = metres(utm.easting), n = metres(utm.northing)
        let columnIndex = e / 100_000 - 1
        let columnSet = columnSets[(zone - 1) % 3]
        guard columnIndex >= 0, columnIndex < columnSet.count else {
            throw GeodesyError(.invalidArgument, "easting \(utm.easting) m is outside zone \(zone)'s 100 km columns")
        }
        let rowIndex = ((n / 100_000) % 20 + (zone % 2 == 0 ? 5 : 0)) % 20
        // Two-digit zone, as GEOTRANS writes it: table columns line up.
        var text = (zone < 10 ? "0" : "") + "\(zone)\(band) \(columnSet[columnIndex])\(rowLetters[rowIndex])"
        if digitPairs > 0 {
            let divisor = [100_000, 10_000, 1000, 100, 10, 1][digitPairs]
            func digits(_ metres: Int) -> String {
                let value = String((metres % 100_000) / divisor)
                return String(repeating: "0", count: digitPairs - value.count) + value
            }
            text += " \(digits(e)) \(digits(n))"
        }
        return text
    }
}
