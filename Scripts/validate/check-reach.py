#!/usr/bin/env python3
"""Independent check of `strikerange reach` distances with pyproj and numpy (not our code).

The shipped Ukraine polygon and the RU-UA border line are read straight from Data/, densified linearly in
lon/lat (RFC 7946 edges) to <= 100 m; for each target every launch vertex whose central angle on the unit
sphere is within (a/b)^3 x the minimum + 1e-7 rad (oracle.prefilter_angle) is solved with pyproj Geod.inv; the segments on both sides of
the best vertex are then refined by golden-section search along the segment. Distances must agree with
`strikerange reach --format json` within 1 m; Kharkiv-Belgorod (point to point) within 1 mm of GeodSolve.
Usage: check-reach.py PATH_TO_STRIKERANGE"""
import json, math, subprocess, sys
from pathlib import Path
import numpy as np
from oracle import GEOD, densify, finish, prefilter_angle, report, unit  # Scripts/validate/oracle.py

BINARY = sys.argv[1]
DATA = Path(__file__).resolve().parents[2] / "Data"
SPACING_M = 100.0


def distance_to_paths(paths, lon, lat):
    """Minimum geodesic distance from (lon, lat) to a set of densified paths (each an (n, 2) array)."""
    q = unit(lon, lat)
    best = (math.inf, None, None)
    angles = [np.arccos(np.clip(unit(p[:, 0], p[:, 1]) @ q, -1, 1)) for p in paths]
    limit = prefilter_angle(min(a.min() for a in angles))
    for p, a in zip(paths, angles):
        idx = np.nonzero(a <= limit)[0]
        if idx.size == 0:
            continue
        _, _, d = GEOD.inv(np.full(idx.size, lon), np.full(idx.size, lat), p[idx, 0], p[idx, 1])
        k = int(np.argmin(d))
        if d[k] < best[0]:
            best = (float(d[k]), p, int(idx[k]))
    _, p, i = best
    result = best[0]
    for j in (i - 1, i):  # the segments on both sides of the best vertex
        if j < 0 or j + 1 >= len(p):
            continue
        (x1, y1), (x2, y2) = p[j], p[j + 1]
        f = lambda t: GEOD.inv(lon, lat, x1 + t * (x2 - x1), y1 + t * (y2 - y1))[2]
        a, b, g = 0.0, 1.0, (math.sqrt(5) - 1) / 2
        c, d = b - g * (b - a), a + g * (b - a)
        fc, fd = f(c), f(d)
        for _ in range(60):
            if fc < fd:
                b, d, fd = d, c, fc
                c = b - g * (b - a); fc = f(c)
            else:
                a, c, fc = c, d, fd
                d = a + g * (b - a); fd = f(d)
        result = min(result, fc, fd, f(0.0), f(1.0))
    return result


def place(name):
    for f in json.load(open(DATA / "places.geojson"))["features"]:
        if f["properties"].get("name") == name:
            return f["geometry"]["coordinates"]
    raise SystemExit(f"place {name} not in Data/places.geojson")


def reach(args):
    out = subprocess.run([BINARY, "reach", "--range", "300km", "--format", "json", *args], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


ukraine = next(f for f in json.load(open(DATA / "countries.geojson"))["features"] if f["properties"]["iso_a2"] == "UA")
ua_paths = [densify(ring, SPACING_M) for poly in ukraine["geometry"]["coordinates"] for ring in poly]
border = next(f for f in json.load(open(DATA / "borders.geojson"))["features"]
              if {f["properties"]["iso_a2_a"], f["properties"]["iso_a2_b"]} == {"UA", "RU"})
g = border["geometry"]
border_paths = [densify(l, SPACING_M) for l in (g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]])]

cases = [("UA", ua_paths, "Moscow", (452_000, 455_000)), ("UA", ua_paths, "Belgorod", (20_000, 50_000)),
         ("border:UA-RU", border_paths, "Kursk", (90_000, 100_000)), ("border:UA-RU", border_paths, "Bryansk", (100_000, 110_000))]
for launch, paths, target, (lo, hi) in cases:
    ours = reach(["--from", launch, "--target", f"place:{target}"])[0]["distance_m"]
    lon, lat = place(target)
    theirs = distance_to_paths(paths, lon, lat)
    report(abs(ours - theirs) <= 1.0 and lo <= theirs <= hi,
           f"{launch} -> {target}: strikerange {ours:.3f} m, pyproj {theirs:.3f} m, diff {ours - theirs:+.3f} m (limit 1 m)")

k, b = place("Kharkiv"), place("Belgorod")
geodsolve = subprocess.run(["GeodSolve", "-i", "-p", "9"], input=f"{k[1]} {k[0]} {b[1]} {b[0]}\n",
                           capture_output=True, text=True, check=True).stdout.split()
expected = float(geodsolve[2])
ours = reach(["--from", "place:Kharkiv", "--target", "place:Belgorod"])[0]["distance_m"]
report(abs(ours - expected) <= 0.001, f"Kharkiv -> Belgorod: strikerange {ours:.4f} m, GeodSolve {expected:.4f} m (limit 1 mm)")

finish("check-reach")
