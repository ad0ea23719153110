"""Weapon catalog: nominal published ranges and their sources, transcribed from
/work/shared/reference/weapon-ranges.md (km there, metres here). Sources are exactly as listed there:
fields the table does not give (title, date) are null, never filled in."""

KM = 1000


def src(publisher, title=None, date=None, reported=None):
    return {"publisher": publisher, "title": title, "date": date, "reported": reported}


TUBE_ARTILLERY = ["M142 HIMARS", "M270"]
VARIANT_TABLES = src(None, "commonly published variant tables (unconfirmed here)")

ATACMS_FAMILY_SOURCES = [
    src("Janes", "US first Australian firing of ATACMS, Talisman Sabre 2023", None, "300 km"),
    src("tech.wp.pl", None, "2023-09", "165–300 km by variant"),
    src("WSJ", None, None, "290 km"),
    src("defence-industry.eu", None, None, "297 km"),
]


def w(id, name, aliases, platforms, rng, low, high, sources, note, min_km=None, unconfirmed=()):
    return {
        "id": id, "name": name, "aliases": sorted(set(aliases)), "platforms": sorted(set(platforms)),
        "min_range_m": None if min_km is None else int(min_km * KM),
        "range_m": int(rng * KM), "range_low_m": int(low * KM), "range_high_m": int(high * KM),
        "sources": sources, "note": note, "unconfirmed": sorted(unconfirmed),
    }


WEAPONS = [
    w("atacms", "ATACMS (family)", ["ATACMS", "MGM-140", "Army Tactical Missile System"], TUBE_ARTILLERY,
      300, 270, 300, ATACMS_FAMILY_SOURCES,
      "Family figure; the reach depends on the variant (tech.wp.pl: 165–300 km). Use a variant entry when known. "
      "HIMARS carries 1 ATACMS, M270 carries 2."),
    w("atacms-m39", "ATACMS M39 (Block I)", ["M39", "ATACMS M39", "ATACMS Block I", "Block I", "MGM-140A"],
      TUBE_ARTILLERY, 165, 140, 165,
      [src("tech.wp.pl", None, "2023-09", "165–300 km by variant"),
       src("The Epoch Times", None, None, "about 140 km"),
       src("Shephard", None, None, "M39 was the first version delivered to Ukraine, Oct 2023")],
      "Submunition warhead. Sources disagree: 165 km (tech.wp.pl) vs about 140 km (Epoch Times). "
      "Minimum range ~25 km is commonly published but unconfirmed.", min_km=25, unconfirmed=["min_range_m"]),
    w("atacms-m39a1", "ATACMS M39A1 (Block IA)", ["M39A1", "ATACMS M39A1", "ATACMS Block IA", "Block IA", "MGM-140B"],
      TUBE_ARTILLERY, 300, 270, 300, [VARIANT_TABLES],
      "Unconfirmed: figures from commonly published variant tables, not seen in a primary source. "
      "Minimum range ~70 km unconfirmed.", min_km=70,
      unconfirmed=["min_range_m", "range_high_m", "range_low_m", "range_m"]),
    w("atacms-m48", "ATACMS M48 (Block IA QRU)", ["M48", "ATACMS M48", "ATACMS Block IA QRU", "Block IA QRU"],
      TUBE_ARTILLERY, 300, 270, 300, [VARIANT_TABLES],
      "Unconfirmed: figures from commonly published variant tables, not seen in a primary source. "
      "Minimum range ~70 km unconfirmed.", min_km=70,
      unconfirmed=["min_range_m", "range_high_m", "range_low_m", "range_m"]),
    w("atacms-m57", "ATACMS M57 (Block IA unitary)", ["M57", "ATACMS M57", "ATACMS Block IA Unitary", "MGM-168"],
      TUBE_ARTILLERY, 300, 270, 300, [VARIANT_TABLES, src("DSCA", "sale notices (name the M57)")],
      "Unconfirmed: range figures from commonly published variant tables; DSCA sale notices name the M57 "
      "but the range was not seen in a primary source. Minimum range ~70 km unconfirmed.", min_km=70,
      unconfirmed=["min_range_m", "range_high_m", "range_low_m", "range_m"]),
    w("gmlrs", "GMLRS (M30/M31)", ["GMLRS", "M30", "M31", "M30A1", "M31A1", "Guided MLRS"], TUBE_ARTILLERY,
      70, 60, 84,
      [src("tech.wp.pl", None, None, "15–84 km"), src("StrategyPage", None, "2005", "over 60 km"),
       src("Lockheed Martin", None, None, "70+ km (unconfirmed)")],
      "Sources range from 'over 60 km' (StrategyPage 2005) to 84 km (tech.wp.pl); the nominal 70 km "
      "('70+ km', Lockheed Martin) is unconfirmed. HIMARS carries 6, M270 carries 12.", min_km=15,
      unconfirmed=["range_m"]),
    w("er-gmlrs", "ER-GMLRS", ["ER-GMLRS", "ER GMLRS", "Extended-Range GMLRS"], ["M142 HIMARS", "M270A2"],
      150, 145, 150,
      [src("Washington Times", None, "2021-03-31", "Lockheed: 'will eventually reach 90 miles'")],
      "Announced capability ('will eventually reach 90 miles', about 145 km); 150 km nominal."),
    w("prsm", "PrSM Increment 1", ["PrSM", "Precision Strike Missile", "PrSM Increment 1", "PrSM Inc 1"],
      TUBE_ARTILLERY, 499, 499, 500,
      [src("Defense News", None, "2020-03-25", "499 km requirement")],
      "499 km is the requirement; a Lockheed test beyond 500 km has been reported (500+). "
      "Minimum range 60 km unconfirmed.", min_km=60, unconfirmed=["min_range_m"]),
    w("storm-shadow", "Storm Shadow / SCALP-EG", ["Storm Shadow", "SCALP", "SCALP-EG", "SCALP EG"], [],
      250, 250, 560,
      [src("Forces News (RAF)", None, None, ">250 km"), src("AeroTime", None, "2023-07", "560 km, export 250 km"),
       src("verkkouutiset.fi", None, "2025", "SCALP ~400, export ~250")],
      "Sources disagree: export version ~250 km; 400 km (SCALP, verkkouutiset.fi) and 560 km (AeroTime) "
      "are reported for the full version. Air-launched."),
    w("taurus", "Taurus KEPD 350", ["Taurus", "Taurus KEPD 350", "KEPD 350", "KEPD-350"], [],
      500, 500, 500,
      [src("WION", None, "2025-04-17", "500 km"), src("espreso.tv", None, None, "at least 500 km")],
      "Reported as 'at least 500 km'. Air-launched."),
    w("iskander-m", "Iskander-M (9M723)", ["Iskander-M", "Iskander", "9M723", "9K720", "SS-26", "Искандер-М",
                                          "Искандер"], ["9K720 Iskander-M"],
      500, 400, 500,
      [src("TASS", None, None, "50 to 500 km"), src("CSIS Missile Threat", None, None, "around 500 km"),
       src("Missile Defense Advocacy", None, None, "400–500 km")],
      "Reported maximum 400–500 km.", min_km=50),
    w("kalibr", "Kalibr 3M14", ["Kalibr", "3M14", "3M-14", "SS-N-30A", "Калибр"], [],
      2000, 1400, 2600,
      [src("TASS", None, "2019", "Shoigu: 1500–2500 km"), src("Valdai", None, "2017", "1400 km"),
       src("RT", None, None, "2600 km")],
      "Sources disagree: 1400 km (Valdai 2017), 1500–2500 km (TASS/Shoigu 2019), 2600 km (RT). "
      "Ship- and submarine-launched."),
    w("kh-101", "Kh-101", ["Kh-101", "Х-101", "X-101", "Kh101"], [],
      2500, 2500, 5500,
      [src("CSIS Missile Threat", None, None, "2500–2800 km (unconfirmed)"),
       src("Wikipedia", None, None, "2500–2800 km (unconfirmed)"),
       src("Russian and Ukrainian officials", None, None, "~5500 km")],
      "Sources differ about 2x: 2500–2800 km (CSIS Missile Threat / Wikipedia, unconfirmed) vs ~5500 km "
      "(Russian and Ukrainian officials). Air-launched.", unconfirmed=["range_m"]),
    w("tochka-u", "Tochka-U (9M79-1)", ["Tochka-U", "Tochka", "9M79-1", "SS-21", "OTR-21", "Точка-У"],
      ["9K79-1 Tochka-U"], 120, 70, 120,
      [src("AFP", None, None, "70 to 120 km depending on model")],
      "70–120 km depending on model. Minimum range ~15 km unconfirmed.", min_km=15, unconfirmed=["min_range_m"]),
    w("neptune", "Neptune (R-360)", ["Neptune", "R-360", "Р-360", "Нептун"], [],
      280, 280, 280,
      [src("defence-blog", None, "2022", "280 km"), src("tech.wp.pl", None, "2022", "280 km")],
      "Anti-ship missile; 280 km as published."),
    w("long-neptune", "Long Neptune", ["Long Neptune", "Довгий Нептун"], [],
      1000, 1000, 1000,
      [src("Reuters/ANSA", None, "2025-03", "1000 km (Ukrainian president)")],
      "Figure stated by the Ukrainian president (March 2025); not independently confirmed."),
]


def catalog():
    for x in WEAPONS:
        assert x["range_low_m"] <= x["range_m"] <= x["range_high_m"], x["id"]
        assert x["min_range_m"] is None or x["min_range_m"] < x["range_m"], x["id"]
        assert x["sources"], x["id"]
    return {"schema": 1, "weapons": sorted(WEAPONS, key=lambda x: x["id"])}
