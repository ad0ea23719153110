import Foundation

/// Folding of names for lookup: one function used both when indexing the data and on the user's query,
/// so "Bryanskaya oblast'", "BRYANSKAYA  OBLAST" and "Брянская Область" compare equal to their own kind.
///
/// Rules: case and diacritics are dropped (`ї`→`і`, `й`→`и`, `é`→`e`); apostrophes (' ’ ʼ ʹ ` ´) are deleted,
/// so "L'viv" equals "Lviv"; every other non-alphanumeric character becomes a space; runs of spaces collapse.
enum NameKey {
    /// The folded form of `text` (see the type's rules). Never contains leading, trailing or double spaces.
    static func fold(_ text: String) -> String {
        // Built as UTF-8 bytes: appending scalars to a String one by one costs several times more, and
        // places alone carry ~85,000 names to fold at load time. Most are ASCII: a byte loop does them.
        var isASCII = true
        for byte in text.utf8 where byte >= 0x80 { isASCII = false; break }
        if isASCII { return foldASCII(text) }
        // Latin with diacritics or another script: one Foundation pass over the whole string (per-scalar calls
        // cost far more), then the scalar loop below; Foundation folds Cyrillic exactly as `foldCyrillic` does.
        var hasOtherScript = false
        for scalar in text.unicodeScalars where scalar.value >= 0x80 && !(0x0400...0x04FF).contains(scalar.value) {
            hasOtherScript = true; break
        }
        let source = hasOtherScript ? text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) : text
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func emit(_ s: Unicode.Scalar) {
            if pendingSpace, !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            if s.isASCII { out.append(UInt8(s.value)) } else { out.append(contentsOf: UTF8.encode(s)!) }
        }
        for scalar in source.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x30...0x39, 0x61...0x7A:            // ASCII digits and lowercase letters
                if pendingSpace, !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(UInt8(v))
            case 0x41...0x5A:                         // ASCII uppercase
                if pendingSpace, !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(UInt8(v + 0x20))
            case 0x27, 0x60, 0xB4, 0x2019, 0x2018, 0x02BC, 0x02B9, 0x02BB, 0x2032:
                continue                              // apostrophes and primes: deleted, not a word break
            case 0x00...0x7F:
                pendingSpace = true                   // ASCII punctuation and whitespace
            case 0x0400...0x04FF:
                if let folded = foldCyrillic(v) { emit(folded) } else { pendingSpace = true }
            default:
                // Already folded by Foundation above: keep letters and digits, drop combining marks.
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    emit(scalar)
                } else if scalar.properties.generalCategory != .nonspacingMark {
                    pendingSpace = true
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func foldASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A, 0x41...0x5A:
                if pendingSpace, !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0))
            case 0x27, 0x60:
                continue                              // apostrophes: deleted
            default:
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lowercases a Cyrillic letter and drops the diacritics that Foundation's diacritic folding drops
    /// (й→и, ё→е, ї→і, ў→у), without a Foundation call: places carry tens of thousands of Cyrillic names.
    private static func foldCyrillic(_ v: UInt32) -> Unicode.Scalar? {
        var c = v
        if (0x0410...0x042F).contains(c) { c += 0x20 }          // А–Я → а–я
        else if (0x0400...0x040F).contains(c) { c += 0x50 }     // Ѐ–Џ → ѐ–џ
        else if (0x0460...0x04FF).contains(c), c & 1 == 0 { c += 1 } // paired letters (Ґ→ґ, …)
        switch c {
        case 0x0439: c = 0x0438   // й → и
        case 0x0451, 0x0450: c = 0x0435   // ё, ѐ → е
        case 0x0457: c = 0x0456   // ї → і
        case 0x045E: c = 0x0443   // ў → у
        case 0x0453: c = 0x0433   // ѓ → г
        case 0x045C: c = 0x043A   // ќ → к
        default: break
        }
        guard let s = Unicode.Scalar(c), s.properties.isAlphabetic else { return nil }
        return s
    }

    /// Words that name the kind of unit rather than the unit; dropped for the second, looser match so that
    /// "Bryansk Oblast", "Брянская область" and "Republic of Crimea" find their unit.
    static let genericWords: Set<String> = [
        "oblast", "oblasti", "oblasts", "obl", "oblys", "oblysy", "voblast", "voblasts", "voblasc",
        "region", "regions", "province", "krai", "kray", "republic", "respublika", "republika", "autonomous",
        "avtonomna", "avtonomnaya", "okrug", "of", "the",
        "область", "обл", "облысы", "вобласць", "край", "республика", "республіка", "рэспубліка",
        "автономная", "автономна", "автономнии", "округ",
    ]

    /// `fold(text)` without the generic words; the folded text itself when it has nothing else.
    static func stripped(_ text: String) -> String {
        stripGeneric(fromFolded: fold(text))
    }

    static func stripGeneric(fromFolded folded: String) -> String {
        let words = folded.split(separator: " ")
        let kept = words.filter { !genericWords.contains(String($0)) }
        return kept.isEmpty ? folded : kept.joined(separator: " ")
    }

    /// Alphanumerics only ("MGM-140" → "mgm140", "Block IA" → "blockia"): for weapon designations,
    /// where spaces and hyphens are spelled every way.
    static func compact(_ text: String) -> String {
        fold(text).replacingOccurrences(of: " ", with: "")
    }
}

extension NameKey {
    /// A coarse form of a folded, generic-word-free name for the last lookup pass: Russian and Ukrainian spellings
    /// and adjective forms meet ("брянська" ~ "брянская" ~ "брянск", "bryanskaya" ~ "bryansk", "sumska" ~ "sumy"
    /// does not). Soft and hard signs go, і/ї/ы → и, є/э → е, ґ → г; adjectival endings after "sk"/"ск" are cut.
    static func skeleton(ofStripped folded: String) -> String {
        folded.split(separator: " ").map { word -> String in
            var scalars = String.UnicodeScalarView()
            for s in word.unicodeScalars {
                switch s.value {
                case 0x044C, 0x044A: continue                          // ь ъ
                case 0x0456, 0x0457, 0x044B: scalars.append("и")       // і ї ы
                case 0x0454, 0x044D: scalars.append("е")               // є э
                case 0x0491: scalars.append("г")                       // ґ
                default: scalars.append(s)
                }
            }
            var text = String(scalars)
            for ending in adjectiveEndings where text.hasSuffix(ending) && text.count > ending.count + 2 {
                text.removeLast(ending.count - 2)   // keep the "sk"/"ск"
                break
            }
            return text
        }.joined(separator: " ")
    }

    /// Longest first; each starts with "sk"/"ск", which is kept.
    private static let adjectiveEndings = [
        "skaya", "skiy", "skii", "skyi", "skyy", "skoe", "ska", "ski", "sky",
        "ская", "ский", "ское", "скои", "скии", "ска", "ски",
    ].sorted { $0.count > $1.count }
}
