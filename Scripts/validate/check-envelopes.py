#!/usr/bin/env python3
"""Independent check of `strikerange envelope` output with pyproj (not our code): for each case, sample
every output vertex and edge midpoint, compute the true WGS84 distance to a finely densified launch
geometry by brute force (numpy haversine prefilter, then pyproj.Geod.inv on the nearest candidates), and
assert |distance - range| <= tolerance. Usage: check-envelopes.py PATH_TO_STRIKERANGE"""
import json, subprocess, sys
import numpy as np
from pyproj import Geod

GEOD = Geod(ellps="WGS84")
BINARY = sys.argv[1]
SPACING_M = 200.0  # launch densification: nearest-vertex error <= (s/2)^2/(2R), about 2 cm at 300 km


def run(args):
    out = subprocess.run([BINARY, "envelope", *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def densify(coords):
    pts = []
    for (x1, y1), (x2, y2) in zip(coords[:-1], coords[1:]):
        _, _, d = GEOD.inv(x1, y1, x2, y2)
        n = max(1, int(np.ceil(d / SPACING_M)))
        t = np.arange(n) / n  # straight in lon/lat, as RFC 7946 edges are
        pts += list(zip(x1 + t * (x2 - x1), y1 + t * (y2 - y1)))
    pts.append(tuple(coords[-1]))
    return pts


def launch_points(geom):
    t, c = geom["type"], geom["coordinates"]
    if t == "Point":
        return [tuple(c)]
    if t == "LineString":
        return densify(c)
    if t == "MultiLineString":
        return [p for l in c for p in densify(l)]
    if t == "Polygon":
        return [p for r in c for p in densify(r)]
    if t == "MultiPolygon":
        return [p for poly in c for r in poly for p in densify(r)]
    raise SystemExit(f"unsupported launch type {t}")


def unit(lon, lat):
    lon, lat = np.radians(lon), np.radians(lat)
    return np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=-1)


def check(name, args, launch_geom, range_m, tol_m):
    fc = run(args)
    feature = fc["features"][0]
    props = feature["properties"]
    assert props["range_m"] == range_m, (name, props["range_m"])
    launch = np.array(launch_points(launch_geom))
    lu = unit(launch[:, 0], launch[:, 1])
    samples = []
    for poly in feature["geometry"]["coordinates"]:
        for ring in poly:
            for (x1, y1), (x2, y2) in zip(ring[:-1], ring[1:]):
                if (abs(x1) == 180 and x1 == x2) or (abs(y1) == 90 and y1 == y2):
                    continue  # cut at the antimeridian or closed at a pole: not a range bound
                samples.append((x1, y1))
                samples.append(((x1 + x2) / 2, (y1 + y2) / 2))
    s = np.array(samples)
    su = unit(s[:, 0], s[:, 1])
    worst, where = 0.0, None
    for i in range(0, len(s), 512):
        block = su[i:i + 512]
        angles = np.arccos(np.clip(block @ lu.T, -1, 1))
        # The sphere ranks points within 0.7 % of the ellipsoid: keep every launch point that could be nearest.
        limits = angles.min(axis=1) * 1.01 + 1e-7
        for j in range(len(block)):
            row = np.nonzero(angles[j] <= limits[j])[0]
            lon, lat = s[i + j]
            _, _, d = GEOD.inv(np.full(len(row), lon), np.full(len(row), lat), launch[row, 0], launch[row, 1])
            if abs(d.min() - range_m) > worst:
                worst, where = abs(d.min() - range_m), (lon, lat)
    ok = worst <= tol_m
    print(f"{'ok ' if ok else 'BAD'} {name}: {len(s)} samples, worst |d - R| = {worst:.3f} m "
          f"(tool says {props['achieved_error_m']} m, tolerance {tol_m} m) worst at {where}")
    return ok


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
    results = [check(*c) for c in cases]
    passed = sum(results)
    print(f"check-envelopes: {passed} passed, {len(results) - passed} failed")
    sys.exit(0 if all(results) else 1)


main()
