#!/usr/bin/env python3
"""Independent check of `--standoff D` without `--standoff-from` (issue 10) with pyproj, shapely and scipy.

A standoff from the launch area's own boundary must keep exactly the points of the area at least D from its
boundary. `strikerange envelope --from AREA --standoff D --range 100m` returns that kept area grown by 100 m (its
envelope at 100 m, within the 10 m tolerance; a range below the tolerance would make the certifier work hardest
exactly where nothing is learnt, 20 times the time), so for each launch area, read here straight from Data/ (not via
our code), with its boundary densified linearly in lon/lat (RFC 7946 edges) to <= 50 m:

- every vertex of the output, and every grid point inside it, lies in the area and is at least
  D - T from the area's boundary (geodesic distance, pyproj Geod.inv to the nearest boundary stations,
  preselected with a k-d tree on unit vectors: oracle.NearestVertex);
- every grid point of the area farther than D + T from its boundary is inside the output;
- the output is not empty and smaller than the area (the bug: it was the whole area).

T = 150 m covers the 100 m range, the 10 m envelope tolerance, the 1 m standoff tolerance and the station
spacing (a few cm at 20 km). Areas: Chernihiv oblast (the issue's repro), two oblasts given as two --from
(one area, one boundary), and a file polygon with a hole (Kharkiv oblast and Belarus were dropped to keep the suite
within its time: they add size, not a new case).
Usage: check-standoff.py PATH_TO_STRIKERANGE"""
import json, subprocess, sys, tempfile
from pathlib import Path
import numpy as np
from shapely import contains_xy
from shapely.geometry import shape, Polygon, MultiPolygon, mapping
from shapely.ops import unary_union
from oracle import GEOD, NearestVertex, densify, finish, report  # Scripts/validate/oracle.py

BINARY = sys.argv[1]
DATA = Path(__file__).resolve().parents[2] / "Data"
STANDOFF_M = 20_000.0
T_M = 150.0
RANGE_M = 100.0
SPACING_M = 50.0


def feature(file, key, value):
    for f in json.load(open(DATA / file))["features"]:
        if f["properties"].get(key) == value:
            return shape(f["geometry"])
    raise SystemExit(f"{value} not in {file}")


def boundary_stations(area):
    rings = []
    for p in getattr(area, "geoms", [area]):
        rings += [p.exterior] + list(p.interiors)
    return np.vstack([densify(np.array(ring.coords), SPACING_M) for ring in rings])


def grid(area, n=120):
    minx, miny, maxx, maxy = area.bounds
    xs, ys = np.meshgrid(np.linspace(minx, maxx, n), np.linspace(miny, maxy, n))
    xs, ys = xs.ravel(), ys.ravel()
    inside = contains_xy(area, xs, ys)
    return xs[inside], ys[inside]


def check(name, area, from_args):
    r = subprocess.run([BINARY, "envelope", *from_args, "--standoff", f"{STANDOFF_M / 1000}km", "--range", f"{RANGE_M:.0f}m"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        report(False, f"{name}: exit {r.returncode}: {r.stderr.strip()}")
        return
    kept = unary_union([shape(f["geometry"]) for f in json.loads(r.stdout)["features"]])
    distance = NearestVertex(boundary_stations(area)).distances
    area_km2 = abs(GEOD.geometry_area_perimeter(area)[0]) / 1e6
    kept_km2 = abs(GEOD.geometry_area_perimeter(kept)[0]) / 1e6
    report(0 < kept_km2 < area_km2, f"{name}: kept {kept_km2:.1f} of {area_km2:.1f} km2")
    if kept.is_empty:
        return

    vertices = np.vstack([np.array(ring.coords) for p in getattr(kept, "geoms", [kept])
                          for ring in [p.exterior, *p.interiors]])
    d = distance(vertices[:, 0], vertices[:, 1])
    in_area = contains_xy(area.buffer(1e-3), vertices[:, 0], vertices[:, 1])
    report(bool(in_area.all()) and d.min() >= STANDOFF_M - T_M,
           f"{name}: {len(vertices)} output vertices in the area and >= {STANDOFF_M - T_M:.0f} m from its boundary "
           f"(nearest {d.min():.1f} m, {int((~in_area).sum())} outside)")

    xs, ys = grid(area)
    dg = distance(xs, ys)
    in_kept = contains_xy(kept, xs, ys)
    too_close = in_kept & (dg < STANDOFF_M - T_M)
    missing = ~in_kept & (dg > STANDOFF_M + T_M)
    report(not too_close.any(), f"{name}: {int(in_kept.sum())} kept grid points all >= {STANDOFF_M - T_M:.0f} m from the boundary"
           + (f" (worst {dg[too_close].min():.1f} m at {xs[too_close][0]:.5f},{ys[too_close][0]:.5f})" if too_close.any() else ""))
    report(not missing.any(), f"{name}: all {int((dg > STANDOFF_M + T_M).sum())} grid points farther than {STANDOFF_M + T_M:.0f} m are kept"
           + (f" ({int(missing.sum())} missing, e.g. {ys[missing][0]:.5f},{xs[missing][0]:.5f} at {dg[missing][0]:.1f} m)" if missing.any() else ""))


chernihiv, sumy = feature("admin1.geojson", "iso_3166_2", "UA-74"), feature("admin1.geojson", "iso_3166_2", "UA-59")
check("Chernihiv oblast (UA-74)", chernihiv, ["--from", "region:UA-74"])
check("Chernihiv + Sumy as two --from", unary_union([chernihiv, sumy]), ["--from", "region:UA-74", "--from", "region:UA-59"])
with tempfile.TemporaryDirectory() as tmp:
    # A 200 km square near Kyiv with a 60 km square hole: the hole's edge is boundary too.
    ring = [(29.0, 49.0), (31.8, 49.0), (31.8, 50.8), (29.0, 50.8), (29.0, 49.0)]
    hole = [(30.0, 49.6), (30.0, 50.15), (30.85, 50.15), (30.85, 49.6), (30.0, 49.6)]
    square = Polygon(ring, [hole])
    path = Path(tmp) / "square-with-hole.geojson"
    path.write_text(json.dumps({"type": "Feature", "properties": {}, "geometry": mapping(square)}))
    check("file polygon with a hole", square, ["--from", str(path)])

finish("check-standoff")
