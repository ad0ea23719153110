/// How the map spells names: one romanisation per country, and the admin-1 suffix by country.
///
/// - Ukraine: the official romanisation, the Cabinet of Ministers of Ukraine resolution No. 55 of
///   27 January 2010 (KMU 2010), applied to the Ukrainian name (`name_uk` in Data/places.geojson; for
///   oblasts, the Ukrainian name of the unit in `ukrainianAdmin1`, since Data/admin1.geojson holds Natural
///   Earth's older English forms "Kiev", "L'viv", "Odessa"). So Kyiv, Lviv, Odesa, Zaporizhzhia.
/// - Elsewhere: the data's English name as it is (GeoNames for places, Natural Earth for admin-1 units).
/// - Admin-1 suffix: "oblast" for the oblasts of Ukraine, Russia, Belarus and Kazakhstan, "krai" for
///   Russia's territories, "voivodeship" for Poland, "region" for other units typed as a region, none for
///   cities, republics and the rest ("Kyiv", "Crimea", "Adygey").
public enum MapNames {
    /// KMU 2010 transliteration of Ukrainian Cyrillic text. Position rule of the resolution: є, ї, й, ю, я
    /// are Ye, Yi, Y, Yu, Ya at the start of a word and ie, i, i, iu, ia elsewhere; "зг" is "zgh"; the soft
    /// sign and the apostrophe are left out.
    public static func kmu2010(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        for (i, ch) in chars.enumerated() {
            let lower = ch.lowercased().first ?? ch
            let isUpper = ch != lower
            let atWordStart = i == 0 || !(chars[i - 1].isLetter || chars[i - 1] == "'" || chars[i - 1] == "’" || chars[i - 1] == "ʼ")
            var latin: String
            switch lower {
            case "є": latin = atWordStart ? "ye" : "ie"
            case "ї": latin = atWordStart ? "yi" : "i"
            case "й": latin = atWordStart ? "y" : "i"
            case "ю": latin = atWordStart ? "yu" : "iu"
            case "я": latin = atWordStart ? "ya" : "ia"
            case "г": latin = (i > 0 && chars[i - 1].lowercased() == "з") ? "gh" : "h"
            case "ь", "'", "’", "ʼ": latin = ""
            default:
                if let l = kmuLetters[lower] { latin = l } else { out.append(ch); continue }
            }
            if isUpper, let first = latin.first {
                // An all-capitals word keeps capitals; a capital initial gives "Zh", "Shch".
                let nextIsUpper = i + 1 < chars.count && chars[i + 1].isUppercase
                latin = nextIsUpper ? latin.uppercased() : first.uppercased() + latin.dropFirst()
            }
            out += latin
        }
        return out
    }

    private static let kmuLetters: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "y", "і": "i",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    ]

    /// Ukrainian names (nominative) of Ukraine's oblasts and cities with special status, by ISO 3166-2 code,
    /// romanised with `kmu2010` for display. Crimea keeps its English name (its KMU form "Krym" is not what
    /// English readers know). Source: ISO 3166-2:UA and the Ukrainian names of the oblast centres.
    static let ukrainianAdmin1: [String: String] = [
        "UA-05": "Вінниця", "UA-07": "Волинь", "UA-09": "Луганськ", "UA-12": "Дніпропетровськ", "UA-14": "Донецьк",
        "UA-18": "Житомир", "UA-21": "Закарпаття", "UA-23": "Запоріжжя", "UA-26": "Івано-Франківськ", "UA-30": "Київ",
        "UA-32": "Київ", "UA-35": "Кіровоград", "UA-40": "Севастополь", "UA-46": "Львів", "UA-48": "Миколаїв",
        "UA-51": "Одеса", "UA-53": "Полтава", "UA-56": "Рівне", "UA-59": "Суми", "UA-61": "Тернопіль", "UA-63": "Харків",
        "UA-65": "Херсон", "UA-68": "Хмельницький", "UA-71": "Черкаси", "UA-74": "Чернігів", "UA-77": "Чернівці",
    ]

    /// A place's name on the map: KMU 2010 of its Ukrainian name in Ukraine, the data's name elsewhere.
    public static func place(name: String, countryCode: String, ukrainianName: String?) -> String {
        guard countryCode == "UA", let uk = ukrainianName, !uk.isEmpty, uk.contains(where: { kmuLetters[$0.lowercased().first ?? $0] != nil }) else { return name }
        return kmu2010(uk)
    }

    /// An admin-1 unit's label: romanised name plus the suffix its country uses ("Sumy oblast",
    /// "Lublin voivodeship", "Kyiv").
    /// - Parameters:
    ///   - code: ISO 3166-2 code ("UA-59", "PL-06").
    ///   - type: the data's unit type ("Region", "Administrative region", "Voivodship", "City"…), nil if unknown.
    public static func admin1(name: String, code: String, type: String?) -> String {
        let country = String(code.prefix(2))
        let base = country == "UA" ? (ukrainianAdmin1[code].map(kmu2010) ?? name) : name
        let t = (type ?? "").lowercased()
        let suffix: String?
        if t.contains("city") || t.contains("republic") || t.contains("autonomous") || t.contains("federal") {
            suffix = nil
        } else if country == "PL" {
            suffix = "voivodeship"
        } else if ["UA", "RU", "BY", "KZ"].contains(country) {
            suffix = country == "RU" && t.contains("territory") ? "krai" : "oblast"
        } else if t.contains("region") {
            suffix = "region"
        } else {
            suffix = nil
        }
        guard let suffix, !base.lowercased().hasSuffix(suffix) else { return base }
        return base + " " + suffix
    }
}
