"""Validate Data/: geometry validity, admin-1 coverage, codes, reference areas, weapons, places, size."""
import collections
import json
import os
import sys
import time

import shapely
from pyproj import Geod
from shapely import STRtree

GEOD = Geod(ellps="WGS84")
MAX_BYTES = 20 * 1024 * 1024
OVERLAP_DEG2 = 1e-9
REFERENCE_AREAS = {"RU-BRY": 34857.0, "RU-KRS": 29997.0, "RU-BEL": 27134.0}  # official, km2
passed, failed = 0, 0


def check(name, ok, detail=""):
    global passed, failed
    passed, failed = passed + bool(ok), failed + (not ok)
    print(f"{'PASS' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)


def load(data, name):
    with open(os.path.join(data, name), encoding="utf-8") as f:
        return json.load(f)


def features(fc):
    return [(f["properties"], shapely.geometry.shape(f["geometry"])) for f in fc["features"]]


def km2(g):
    return abs(GEOD.geometry_area_perimeter(g)[0]) / 1e6


AIRFIELD_TYPES = {"large", "medium", "small", "heliport", "closed", "seaplane", "balloonport"}


def check_airfields(data, admin1):
    """airfields.geojson (issue 12): fields, types, codes, the military rule, the cut, and known fields."""
    sys.path.insert(0, os.path.dirname(__file__))
    import airfields as rule
    feats = load(data, "airfields.geojson")["features"]
    bad = []
    for f in feats:
        p, g = f["properties"], f["geometry"]
        x, y = g["coordinates"] if g and g["type"] == "Point" else (None, None)
        ok = (p.get("id") and p.get("name") and p.get("type") in AIRFIELD_TYPES and isinstance(p.get("military"), bool)
              and len(p.get("country") or "") == 2 and x is not None and -180 <= x <= 180 and -90 <= y <= 90
              and (p.get("admin1_iso") is None or p["admin1_iso"].startswith(p["country"] + "-"))
              and (p.get("icao") is None or len(p["icao"]) == 4) and (p.get("iata") is None or len(p["iata"]) == 3))
        if not ok:
            bad.append(str(p.get("id")))
    check(f"airfields: id, name, known type, country, admin-1 of that country, codes, point ({len(feats)})", not bad,
          ", ".join(bad[:10]))
    ids = [f["properties"]["id"] for f in feats]
    check("airfields: unique ids", len(ids) == len(set(ids)))
    wrong = [f["properties"]["id"] for f in feats
             if f["properties"]["military"] != rule.is_military(f["properties"]["name"])]
    check("airfields: military flag follows the documented rule", not wrong, ", ".join(wrong[:10]))
    cut = [f["properties"]["id"] for f in feats if f["properties"]["type"] not in ("large", "medium")
           and not f["properties"]["military"] and f["properties"]["country"] not in rule.THEATRE]
    check("airfields: small/heliport/closed/seaplane only in the admin-1 countries or when military", not cut,
          ", ".join(cut[:10]))
    by_id = {f["properties"]["id"]: f["properties"] for f in feats}
    expect = {"RU-8602": ("Engels", True), "RU-0240": ("Seshcha", True), "UUBP": ("Bryansk", False),
              "UKBB": ("Boryspil", False), "UKFI": ("Saky", True), "EDDF": ("Frankfurt", False), "ETAR": ("Ramstein", True),
              "EGCC": ("Manchester", False)}
    miss = [k for k, (n, m) in expect.items() if k not in by_id or n not in by_id[k]["name"] or by_id[k]["military"] != m]
    check("airfields: Engels, Seshcha, Saky, Ramstein military; Bryansk, Boryspil, Frankfurt, Manchester not", not miss,
          ", ".join(miss))
    codes = {p["iso_3166_2"] for p, _ in admin1 if p["iso_a2"] in ("UA", "RU", "BY")}
    theirs = [f["properties"] for f in feats if f["properties"]["country"] in ("UA", "RU", "BY")]
    unknown = sorted({p["admin1_iso"] for p in theirs if p["admin1_iso"] not in codes})
    share = sum(p["admin1_iso"] in codes for p in theirs) / max(1, len(theirs))
    check("airfields: UA/RU/BY admin-1 codes are all in admin1.geojson", share == 1, f"{share * 100:.2f} %, others: {unknown[:10]}")


def main(data):
    t0 = time.time()
    countries = features(load(data, "countries.geojson"))
    admin1 = features(load(data, "admin1.geojson"))
    borders = features(load(data, "borders.geojson"))
    places = load(data, "places.geojson")["features"]
    weapons = load(data, "weapons.json")

    for label, fs in (("countries", countries), ("admin1", admin1)):
        bad = [p.get("adm0_a3") + "/" + str(p.get("iso_3166_2", p.get("name"))) for p, g in fs
               if not g.is_valid or g.is_empty or g.geom_type not in ("Polygon", "MultiPolygon")]
        check(f"{label}: every polygon valid ({len(fs)})", not bad, ", ".join(bad[:10]))
    bad = [p["name"] for p, g in borders if g.geom_type not in ("LineString", "MultiLineString") or g.is_empty
           or not (p["iso_a2_a"], p["adm0_a3_a"]) <= (p["iso_a2_b"], p["adm0_a3_b"]) or p["length_km"] <= 0]
    check(f"borders: (Multi)LineStrings, ordered pairs, positive length ({len(borders)})", not bad, ", ".join(bad[:10]))

    geoms = [g for _, g in admin1]
    tree = STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    worst, overlaps = 0.0, []
    for i, j in zip(left.tolist(), right.tolist()):
        if i < j:
            a = shapely.intersection(geoms[i], geoms[j]).area
            worst = max(worst, a)
            if a >= OVERLAP_DEG2:
                overlaps.append(f"{admin1[i][0]['iso_3166_2']}x{admin1[j][0]['iso_3166_2']}={a:.2e}")
    check("admin1: no overlaps", not overlaps, f"max overlap {worst:.1e} deg2 " + ", ".join(overlaps[:5]))

    by_a2 = {p["iso_a2"]: g for p, g in countries}
    for cc in ("UA", "RU", "BY"):
        units = [g for p, g in admin1 if p["iso_a2"] == cc]
        union = shapely.unary_union(units)
        diff = shapely.symmetric_difference(union, by_a2[cc])
        rel = km2(diff) / km2(by_a2[cc]) if not diff.is_empty else 0.0
        check(f"{cc}: union of {len(units)} admin-1 units equals the country", rel < 1e-4, f"sym. diff {rel:.2e} of area")
        codes = [p["iso_3166_2"] for p, _ in admin1 if p["iso_a2"] == cc]
        dup = [c for c, n in collections.Counter(codes).items() if n > 1 or not c]
        check(f"{cc}: unique ISO 3166-2 codes", not dup and all(c.startswith(cc + "-") for c in codes),
              ", ".join(map(str, dup)))
    ua = {p["iso_3166_2"] for p, _ in admin1 if p["iso_a2"] == "UA"}
    check("UA: Crimea (UA-43) and Sevastopol (UA-40) present in Ukraine", {"UA-43", "UA-40"} <= ua)

    by_iso = {p["iso_3166_2"]: g for p, g in admin1}
    for iso, official in REFERENCE_AREAS.items():
        a = km2(by_iso[iso]) if iso in by_iso else 0.0
        check(f"{iso}: geodesic area within 3 % of {official:,.0f} km2", abs(a / official - 1) <= 0.03,
              f"{a:,.1f} km2 ({(a / official - 1) * 100:+.1f} %)")

    bad = []
    ids = set()
    for w in weapons.get("weapons", []):
        lo, nom, hi, mn = w.get("range_low_m"), w.get("range_m"), w.get("range_high_m"), w.get("min_range_m")
        ok = (isinstance(nom, int) and nom > 0 and lo is not None and hi is not None and lo <= nom <= hi
              and (mn is None or mn < nom) and w.get("sources") and w["id"] not in ids)
        ids.add(w["id"])
        if not ok:
            bad.append(w.get("id"))
    check(f"weapons: nominal range, >=1 source, low <= nominal <= high, min < nominal ({len(ids)})",
          weapons.get("schema") == 1 and ids and not bad, ", ".join(map(str, bad)))

    bad = [f["properties"].get("geonameid") for f in places if not f["properties"].get("country")]
    check(f"places: every place has a country ({len(places)})", not bad, ", ".join(map(str, bad[:10])))
    lookups = {"Kiev": 703448, "Kharkov": 706483, "Київ": 703448, "Харків": 706483, "Брянск": 571476}
    index = collections.defaultdict(set)
    for f in places:
        p = f["properties"]
        for n in [p["name"], p.get("name_ru"), p.get("name_uk")] + p.get("alt_names", []):
            if n:
                index[n].add(p["geonameid"])
    miss = [n for n, gid in lookups.items() if gid not in index.get(n, ())]
    check("places: Kiev, Kharkov, Київ, Харків, Брянск resolve", not miss, ", ".join(miss))

    check_airfields(data, admin1)

    size = sum(os.path.getsize(os.path.join(data, n)) for n in os.listdir(data))
    check("Data/ total under 20 MB", size < MAX_BYTES, f"{size / 1e6:.1f} MB")
    print(f"check-data: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
