#!/usr/bin/env python3
"""Independent check of `strikerange envelope` output with pyproj (not our code): for each case, sample
every output vertex and edge midpoint, compute the true WGS84 distance to a finely densified launch
geometry by brute force (oracle.NearestVertex: unit-sphere prefilter, then pyproj.Geod.inv on the candidates), and
assert |distance - range| <= tolerance. Usage: check-envelopes.py PATH_TO_STRIKERANGE"""
import json, subprocess, sys
import numpy as np
from oracle import NearestVertex, densify, finish, report  # Scripts/validate/oracle.py

BINARY = sys.argv[1]
SPACING_M = 200.0  # launch densification: nearest-vertex error <= (s/2)^2/(2R), about 2 cm at 300 km


def run(args):
    out = subprocess.run([BINARY, "envelope", *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def launch_points(geom):
    t, c = geom["type"], geom["coordinates"]
    if t == "Point":
        return [tuple(c)]
    if t == "LineString":
        return densify(c, SPACING_M)
    if t == "MultiLineString":
        return np.vstack([densify(l, SPACING_M) for l in c])
    if t == "Polygon":
        return np.vstack([densify(r, SPACING_M) for r in c])
    if t == "MultiPolygon":
        return np.vstack([densify(r, SPACING_M) for poly in c for r in poly])
    raise SystemExit(f"unsupported launch type {t}")


def check(name, args, launch_geom, range_m, tol_m):
    fc = run(args)
    feature = fc["features"][0]
    props = feature["properties"]
    assert props["range_m"] == range_m, (name, props["range_m"])
    launch = np.array(launch_points(launch_geom), dtype=float)
    samples = []
    for poly in feature["geometry"]["coordinates"]:
        for ring in poly:
            for (x1, y1), (x2, y2) in zip(ring[:-1], ring[1:]):
                if (abs(x1) == 180 and x1 == x2) or (abs(y1) == 90 and y1 == y2):
                    continue  # cut at the antimeridian or closed at a pole: not a range bound
                samples.append((x1, y1))
                samples.append(((x1 + x2) / 2, (y1 + y2) / 2))
    s = np.array(samples)
    deviation = np.abs(NearestVertex(launch).distances(s[:, 0], s[:, 1]) - range_m)
    k = int(np.argmax(deviation))
    worst, where = float(deviation[k]), tuple(s[k])
    ok = worst <= tol_m
    report(ok, f"{name}: {len(s)} samples, worst |d - R| = {worst:.3f} m "
               f"(tool says {props['achieved_error_m']} m, tolerance {tol_m} m) worst at {where}")


def main():
    cases = [
        ("Kyiv 300 km", ["--from", "50.4501,30.5234", "--range", "300km"],
         {"type": "Point", "coordinates": [30.5234, 50.4501]}, 300000, 10),
        ("line 165 km", ["--from", "tests-line.geojson", "--range", "165km"], None, 165000, 10),
        ("Ukraine 300 km (ATACMS)", ["--from", "UA", "--weapon", "atacms", "--verify"], "UA", 300000, 10),
    ]
    line = {"type": "LineString", "coordinates": [[33, 52], [35, 51.5], [36, 50.5], [38, 50]]}
    import tempfile, os
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "line.geojson")
    json.dump({"type": "Feature", "properties": {}, "geometry": line}, open(path, "w"))
    cases[1] = (cases[1][0], ["--from", path, "--range", "165km"], line, 165000, 10)
    countries = json.load(open(os.path.join(os.path.dirname(__file__), "..", "..", "Data", "countries.geojson")))
    ua = next(f["geometry"] for f in countries["features"] if f["properties"]["iso_a2"] == "UA")
    cases[2] = (cases[2][0], cases[2][1], ua, 300000, 10)
    for c in cases:
        check(*c)
    finish("check-envelopes")


main()
