#!/usr/bin/env python3
"""Independent check of `strikerange coverage` with pyproj + shapely + scipy (not our code).

1. Percent of Bryansk oblast (RU-BRY) in range from Sumy, Chernihiv and Kharkiv oblasts (UA-59, UA-74,
   UA-63) with a 20 km standoff from the RU-UA border, for ATACMS (300 km) and two shorter hand-given
   ranges (150 km, 100 km) so that the comparison is not only "100 % against 100 %".
   Launch area: union of the three oblasts minus the points within 20 km of the border line. The
   standoff zone is a planar buffer in azimuthal equidistant projections, one per ~100 km stretch of the
   border centred on that stretch: within 120 km of the centre the AEQD scale error is below 2e-5, so the
   20 km buffer is right to well under a metre (64 segments per quarter circle: chord error ~1.5 m).
   Bryansk oblast is sampled on a regular grid (~200k points) in a Lambert azimuthal equal-area
   projection, so every point stands for the same area. Per point: 0 inside the launch area, else the
   minimum Geod.inv distance to the launch boundary densified to <= 200 m (oracle.NearestVertex: every
   boundary vertex within (a/b)^3 of the nearest central angle); percent = share of
   points within range. Sampling error of the grid: a few hundredths of a percentage point.
   Must agree with `coverage ... --format json` within 0.1 percentage point.
2. A fully covered oblast's in-range area equals its geodesic area (pyproj Geod.geometry_area_perimeter)
   within 0.01 %: Bryansk, Kursk and Belgorod from UA with ATACMS, status `full`.
3. A line region: the share of the Russia-Belarus border within 70 km (GMLRS) of Chernihiv oblast,
   sampled every 100 m along the line, against `length_in_range_m`/`percent` (within 0.1 pp), and the
   border's total length against Geod within 0.01 %.

Usage: check-coverage.py PATH_TO_STRIKERANGE. Closing line: `check-coverage: N passed, M failed`."""
import json, os, subprocess, sys, time
import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiLineString, Point, shape
from shapely.ops import unary_union
from oracle import GEOD, NearestVertex, densify, finish, report  # Scripts/validate/oracle.py

BINARY = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "Data")
SPACING_M = 200.0
STANDOFF_M = 20_000.0


def coverage(args):
    out = subprocess.run([BINARY, "coverage", *args, "--format", "json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)["results"]


def admin1(code):
    with open(os.path.join(DATA, "admin1.geojson")) as f:
        for feature in json.load(f)["features"]:
            if feature["properties"].get("iso_3166_2") == code:
                return shape(feature["geometry"])
    raise SystemExit(f"{code} not in admin1.geojson")


def border(a3a, a3b):
    with open(os.path.join(DATA, "borders.geojson")) as f:
        for feature in json.load(f)["features"]:
            p = feature["properties"]
            if {p["adm0_a3_a"], p["adm0_a3_b"]} == {a3a, a3b}:
                return shape(feature["geometry"])
    raise SystemExit(f"no border {a3a}-{a3b}")


def transform(fn, g):
    return shapely.transform(g, lambda x, y: fn(x, y), interleaved=False)


def lines_of(g):
    return list(g.geoms) if isinstance(g, MultiLineString) else [g]


def standoff_zone(line, distance_m):
    """Points within distance_m of the line: per ~100 km stretch, a buffer in an AEQD centred on it."""
    parts = []
    for part in lines_of(line):
        coords = list(part.coords)
        start = 0
        while start < len(coords) - 1:
            length, end = 0.0, start
            while end < len(coords) - 1 and length < 100_000:
                length += GEOD.inv(*coords[end], *coords[end + 1])[2]
                end += 1
            stretch = LineString(coords[start:end + 1])
            c = stretch.interpolate(0.5, normalized=True)
            fwd = Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +ellps=WGS84", always_xy=True)
            inv = Transformer.from_crs(f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +ellps=WGS84", "EPSG:4326", always_xy=True)
            projected = transform(fwd.transform, shapely.segmentize(stretch, 0.001))
            buffered = shapely.segmentize(projected.buffer(distance_m, quad_segs=64), 200.0)
            parts.append(transform(inv.transform, buffered))
            start = end
    return unary_union(parts)


def boundary_points(g):
    polys = list(g.geoms) if hasattr(g, "geoms") else [g]
    return np.vstack([densify(list(ring.coords), SPACING_M) for p in polys for ring in [p.exterior, *p.interiors]])


def distances_to(area, lon, lat):
    """Geodesic distance (m) from each (lon, lat) to the polygonal area: 0 inside, else to its boundary."""
    out = NearestVertex(boundary_points(area)).distances(lon, lat)
    out[shapely.contains_xy(area, lon, lat)] = 0.0
    return out


def grid_samples(polygon, count):
    """About `count` points on a regular grid over the polygon in an equal-area projection (lon, lat)."""
    c = polygon.centroid
    fwd = Transformer.from_crs("EPSG:4326", f"+proj=laea +lat_0={c.y} +lon_0={c.x} +ellps=WGS84", always_xy=True)
    inv = Transformer.from_crs(f"+proj=laea +lat_0={c.y} +lon_0={c.x} +ellps=WGS84", "EPSG:4326", always_xy=True)
    projected = transform(fwd.transform, shapely.segmentize(polygon, 0.002))
    step = np.sqrt(projected.area / count)
    x0, y0, x1, y1 = projected.bounds
    xs, ys = np.meshgrid(np.arange(x0 + step / 2, x1, step), np.arange(y0 + step / 2, y1, step))
    xs, ys = xs.ravel(), ys.ravel()
    keep = shapely.contains_xy(projected, xs, ys)
    lon, lat = inv.transform(xs[keep], ys[keep])
    return np.asarray(lon), np.asarray(lat)


def check_bryansk_percent():
    t0 = time.time()
    launch = unary_union([admin1("UA-59"), admin1("UA-74"), admin1("UA-63")])
    launch = launch.difference(standoff_zone(border("RUS", "UKR"), STANDOFF_M))
    bryansk = admin1("RU-BRY")
    lon, lat = grid_samples(bryansk, 200_000)
    d = distances_to(launch, lon, lat)
    print(f"      oracle: {len(lon)} samples of Bryansk, distances in {time.time() - t0:.1f} s", flush=True)
    base = ["--from", "region:UA-59", "--from", "region:UA-74", "--from", "region:UA-63",
            "--standoff", "20km", "--standoff-from", "border:UA-RU", "--regions", "RU-BRY"]
    for label, extra, range_m in [("atacms", ["--weapon", "atacms"], 300_000.0),
                                  ("150 km", ["--range", "150km"], 150_000.0),
                                  ("100 km", ["--range", "100km"], 100_000.0)]:
        ours = coverage(base + extra)[0]
        oracle = 100.0 * np.mean(d <= range_m)
        diff = abs(ours["percent"] - oracle)
        report(diff <= 0.1, f"Bryansk % in range, {label} from UA-59+74+63, 20 km standoff: ours {ours['percent']:.4f} "
                            f"oracle {oracle:.4f} (|diff| {diff:.4f} pp, limit 0.1) status {ours['status']}")
    nearest_oracle = d.min() / 1000
    print(f"      (oracle nearest sample {nearest_oracle:.3f} km, farthest sample {d.max() / 1000:.3f} km; "
          f"ours {ours['nearest_m'] / 1000:.3f} / {ours['farthest_m'] / 1000:.3f} km)")
    report(ours["farthest_m"] >= d.max() - 1.0 and ours["farthest_m"] - d.max() < 1000.0,
           "farthest distance bounds every sample and is within 1 km (grid spacing) of the farthest sample")


def check_full_areas():
    results = coverage(["--from", "UA", "--weapon", "atacms", "--regions", "RU-BRY,RU-KRS,RU-BEL"])
    for r in results:
        area_km2 = abs(GEOD.geometry_area_perimeter(admin1(r["region_code"]))[0]) / 1e6
        rel = abs(r["area_in_range_km2"] - area_km2) / area_km2
        report(r["status"] == "full" and rel <= 1e-4,
               f"{r['region_code']} from UA, atacms: status {r['status']}, in range {r['area_in_range_km2']:.3f} km2 "
               f"vs geodesic area {area_km2:.3f} km2 (rel {rel:.2e}, limit 1e-4)")


def check_border_line():
    r = coverage(["--from", "region:UA-74", "--weapon", "gmlrs", "--regions", "border:RU-BY"])[0]
    line = border("BLR", "RUS")
    total_km = sum(GEOD.geometry_length(l) for l in lines_of(line)) / 1000
    report(abs(r["length_m"] / 1000 - total_km) / total_km <= 1e-4,
           f"RU-BY border length {r['length_m'] / 1000:.3f} km vs Geod {total_km:.3f} km")
    # Points every 100 m along the line, each standing for the length around it.
    lon, lat, weight = [], [], []
    for l in lines_of(line):
        c = list(l.coords)
        for (x1, y1), (x2, y2) in zip(c[:-1], c[1:]):
            seg = GEOD.inv(x1, y1, x2, y2)[2]
            n = max(1, int(np.ceil(seg / 100.0)))
            t = (np.arange(n) + 0.5) / n
            lon += list(x1 + t * (x2 - x1)); lat += list(y1 + t * (y2 - y1)); weight += [seg / n] * n
    d = distances_to(admin1("UA-74"), np.array(lon), np.array(lat))
    weight = np.array(weight)
    oracle = 100.0 * weight[d <= 70_000].sum() / weight.sum()
    report(abs(r["percent"] - oracle) <= 0.1,
           f"RU-BY border within 70 km (gmlrs) of UA-74: ours {r['percent']:.4f} % ({r['length_in_range_m'] / 1000:.2f} km) "
           f"oracle {oracle:.4f} %")


check_full_areas()
check_border_line()
check_bryansk_percent()
finish("check-coverage")
