#!/usr/bin/env python3
"""Independent check of `strikerange inrange` (issue 12) with pyproj, shapely and numpy (not our code).

For two launch areas (Ukraine; Sumy oblast UA-59) and two weapons (ATACMS with its reported spread; GMLRS)
the features are selected again here from Data/places.geojson and Data/airfields.geojson with the same
filters, and each one's distance from the launch area is computed by an oracle: 0 inside the launch polygon
(shapely), else the minimum pyproj Geod.inv distance to the launch boundary densified linearly in lon/lat
(RFC 7946 edges) to <= SPACING_M, over the vertices a cKDTree on unit vectors keeps as candidates
(oracle.NearestVertex, Scripts/validate/oracle.py).

Checks, per case:
  - the listed features are exactly the oracle's selection (ids);
  - every feature farther than TOLERANCE_M from a range boundary has the oracle's verdict (in_range when
    distance < range, out_of_range otherwise; the launch areas are far wider than GMLRS's 15 km minimum
    range, so inside_min_range cannot occur);
  - distances agree within DISTANCE_AGREE_M where the densified oracle is good to that (inside the launch
    area, or more than 20 km from it);
  - totals per country and admin-1 unit (counts in range per variant, population in range) equal the
    oracle's, counting features near the boundary by our verdict (they are listed as ambiguous);
  - with --in-range-only, the listed set equals the oracle's in-range set.
Usage: check-inrange.py PATH_TO_STRIKERANGE
"""
import collections
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import shapely
from oracle import GEOD, NearestVertex, densify, report, summary  # Scripts/validate/oracle.py

BINARY = sys.argv[1]
DATA = Path(__file__).resolve().parents[2] / "Data"
SPACING_M = 200.0
TOLERANCE_M = 100.0        # classification compared only farther than this from the range boundary
DISTANCE_AGREE_M = 2.0     # densified vertex-only oracle: error <= spacing^2 / (8 d) ~ 0.25 m at 20 km


def load(name):
    with open(DATA / name, encoding="utf-8") as f:
        return json.load(f)["features"]


def oracle_distances(geometry, lon, lat):
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    dist = NearestVertex(np.vstack([densify(r, SPACING_M) for p in polys for r in p])).distances(lon, lat)
    dist[shapely.contains_xy(shapely.geometry.shape(geometry), lon, lat)] = 0.0
    return dist


def launch_geometry(spec):
    if spec.startswith("region:"):
        code = spec.split(":", 1)[1]
        return next(f["geometry"] for f in load("admin1.geojson") if f["properties"]["iso_3166_2"] == code)
    return next(f["geometry"] for f in load("countries.geojson") if f["properties"]["iso_a2"] == spec)


def select(layers, country=None, military=False, min_population=None):
    """The oracle's own selection: [(layer, id, lon, lat, country, admin1, population)]."""
    out = []
    for layer in layers:
        for f in load(f"{layer}.geojson"):
            p = f["properties"]
            if country and p["country"] != country:
                continue
            if layer == "airfields" and military and not p["military"]:
                continue
            if layer == "places" and min_population is not None and p["population"] < min_population:
                continue
            fid = str(p["geonameid"]) if layer == "places" else p["id"]
            lon, lat = f["geometry"]["coordinates"]
            out.append((layer, fid, lon, lat, p["country"], p.get("admin1_iso") or "", p.get("population") if layer == "places" else 0))
    return out


def run(args):
    p = subprocess.run([BINARY, "inrange", *args, "--format", "json"], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"strikerange inrange {' '.join(args)} failed: {p.stderr}")
    return json.loads(p.stdout)


def check_case(name, launch, weapon_args, layers, country=None, military=False, min_population=None, in_range_only=False):
    args = ["--from", launch, *weapon_args]
    for layer in layers:
        args += ["--what", layer]
    if country:
        args += ["--country", country]
    if military:
        args.append("--military")
    if min_population is not None:
        args += ["--min-population", str(min_population)]
    if in_range_only:
        args.append("--in-range-only")
    ours = run(args)
    weapons = ours["metadata"]["weapons"]
    chosen = select(layers, country, military, min_population)
    lon = np.array([c[2] for c in chosen]); lat = np.array([c[3] for c in chosen])
    dist = oracle_distances(launch_geometry(launch), lon, lat) if chosen else np.array([])
    by_key = {(f["layer"], f["id"]): f for f in ours["features"]}
    label = f"{name}: inrange {' '.join(args)}"

    # the oracle's verdicts; ambiguous (near a boundary) -> None
    oracle = {}
    for c, d in zip(chosen, dist):
        v = {}
        for w in weapons:
            r = w["range_m"]
            v[w["label"]] = None if abs(d - r) <= TOLERANCE_M else ("in_range" if d < r else "out_of_range")
        oracle[(c[0], c[1])] = (c, d, v)

    if in_range_only:
        expect = {k for k, (_, _, v) in oracle.items() if any(x == "in_range" for x in v.values())}
        maybe = {k for k, (_, _, v) in oracle.items() if any(x is None for x in v.values())}
        got = set(by_key)
        report(expect <= got and got <= expect | maybe,
               f"{label}: listed = oracle's in-range set ({len(got)} listed, {len(expect)} certain, {len(maybe)} near a boundary)"
               + ("" if expect <= got and got <= expect | maybe else f"; missing {sorted(expect - got)[:5]}, extra {sorted(got - expect - maybe)[:5]}"))
    else:
        report(set(by_key) == set(oracle), f"{label}: lists exactly the oracle's {len(oracle)} selected features"
               + ("" if set(by_key) == set(oracle) else f"; missing {sorted(set(oracle) - set(by_key))[:5]}, extra {sorted(set(by_key) - set(oracle))[:5]}"))

    wrong, far, worst, ambiguous = [], 0, 0.0, 0
    for k, f in by_key.items():
        if k not in oracle:
            continue
        c, d, v = oracle[k]
        for w in weapons:
            want = v[w["label"]]
            gotv = f["weapons"][w["label"]]["verdict"]
            if want is None:
                ambiguous += 1
            elif gotv != want:
                wrong.append(f"{k[1]} {w['label']}: {gotv}, oracle {want} at {d:.1f} m")
        if d == 0 or d > 20_000:
            far += 1
            worst = max(worst, abs(f["distance_m"] - d))
    report(not wrong, f"{label}: verdicts equal the oracle's beyond {TOLERANCE_M:.0f} m of the boundary "
           f"({len(by_key) * len(weapons) - ambiguous} compared, {ambiguous} near it)" + ("; " + "; ".join(wrong[:5]) if wrong else ""))
    report(worst <= DISTANCE_AGREE_M, f"{label}: distances within {DISTANCE_AGREE_M} m of the oracle's ({far} features inside or > 20 km; worst {worst:.3f} m)")

    # totals: count by the oracle's verdict, by ours only where the oracle cannot tell
    exp = collections.defaultdict(lambda: [0, collections.Counter(), collections.Counter()])
    for k, f in by_key.items():
        c, d, v = oracle[k]
        for level, code in (("country", c[4]), ("admin1", c[5])):
            e = exp[(level, code, c[0])]
            e[0] += 1
            for w in weapons:
                verdict = v[w["label"]] or f["weapons"][w["label"]]["verdict"]
                if verdict == "in_range":
                    e[1][w["label"]] += 1
                    e[2][w["label"]] += c[6] or 0
    got = {}
    for t in ours["metadata"]["totals"]:
        if t["level"] == "all":
            continue
        got[(t["level"], t["code"], t["layer"])] = (t["listed"], dict(t["in_range"]), dict(t.get("population_in_range", {})))
    bad = []
    for key, (n, inr, pop) in exp.items():
        g = got.get(key)
        want = (n, {w["label"]: inr[w["label"]] for w in weapons},
                {w["label"]: pop[w["label"]] for w in weapons} if key[2] == "places" else {})
        if g is None or g[0] != want[0] or g[1] != want[1] or g[2] != want[2]:
            bad.append(f"{key}: ours {g}, oracle {want}")
    extra = set(got) - set(exp)
    report(not bad and not extra, f"{label}: totals per country and admin-1 equal the oracle's ({len(exp)} groups)"
           + ("; " + "; ".join(bad[:4]) if bad else "") + (f"; extra {sorted(extra)[:4]}" if extra else ""))
    return ours


def main():
    # Ukraine, ATACMS with its spread (300 km nominal, 270 km low): every Russian airfield and place of 5,000+
    # (3,000 features; all 6,306 take a minute more in a debug build and test nothing else).
    check_case("UA atacms", "UA", ["--weapon", "atacms", "--spread"], ["airfields", "places"], country="RU",
               min_population=5_000)
    # The done criterion in one command: Russian military airfields and cities of 100,000+ in ATACMS range.
    done = check_case("done criterion", "UA", ["--weapon", "atacms"], ["airfields", "places"], country="RU",
                      military=True, min_population=100_000, in_range_only=True)
    s = " ".join(done["metadata"]["summary"])
    report("military airfields" in s and "GeoNames settlement population" in s,
           f"done criterion: summary sentence says what it counts: {s}")
    # Sumy oblast, GMLRS (70 km, 15 km minimum): Russian places; and ATACMS: every airfield in range.
    check_case("UA-59 gmlrs", "region:UA-59", ["--weapon", "gmlrs"], ["places"], country="RU")
    check_case("UA-59 atacms", "region:UA-59", ["--weapon", "atacms"], ["airfields"], in_range_only=True)
    return summary("check-inrange")


if __name__ == "__main__":
    sys.exit(main())
