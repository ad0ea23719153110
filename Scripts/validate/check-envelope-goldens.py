#!/usr/bin/env python3
"""Independent check (pyproj, numpy, scipy, shapely: not our code) of every envelope golden fixture.

For each Tests/StrikeRangeTests/Fixtures/envelopes/out/NAME.geojson, against the parameters in
in/NAME.geojson (first feature's properties; the launch geometry is every in/ feature's geometry):
- the output is a valid polygon, every longitude in [-180, 180], parameters echoed unchanged;
- every vertex and edge midpoint of every ring (edges along lon ±180 or lat ±90, the cuts and pole
  closures, are skipped) is sampled and its true WGS84 distance d to the launch geometry measured:
  launch edges densified straight in lon/lat at <= 200 m, candidates prefiltered on the unit sphere
  (every launch point whose central angle is <= 1.01 x the smallest + 1e-7 rad: a k-nearest prefilter is
  wrong at cusps where two parts are equidistant), then pyproj Geod.inv; inside a launch polygon d = 0;
- a sample bounds the maximum range R (deviation d - R) or, with a minimum range r, the minimum range
  (deviation dmax - r, dmax = greatest distance to the densified launch points), whichever is closer;
  it must lie in the placement's band: center |dev| <= t; outer: max [0, t], min [-t, 0]; inner: max
  [-t, 0], min [0, t] (outer never understates reach, inner never overstates it);
- a range at or beyond the greatest geodesic distance must cover the whole lon/lat box;
- targets_reachable must be inside the output and truly reachable, targets_unreachable outside and truly
  unreachable (a target within t of a bound is an ill-posed fixture and fails);
- crosses_antimeridian, when given, must match whether the output is cut at ±180.
Usage: check-envelope-goldens.py [PATH_TO_STRIKERANGE]  (the binary is not needed and is ignored)
Prints one line per fixture and `check-envelope-goldens: N passed, M failed`; exit 1 on any failure."""
import glob, json, os, sys, time
import numpy as np
import shapely
from pyproj import Geod
from scipy.spatial import cKDTree
from shapely.geometry import box, shape

GEOD = Geod(ellps="WGS84")
SPACING_M = 200.0
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                        "Tests", "StrikeRangeTests", "Fixtures", "envelopes")
# Half a meridian: the greatest geodesic distance on WGS84.
MAX_DISTANCE_M = GEOD.inv(0.0, 0.0, 180.0, 0.0)[2]


def densify(coords):
    """Points along a path whose edges are straight in lon/lat, at most SPACING_M apart (ends kept)."""
    c = np.asarray(coords, dtype=float)[:, :2]
    if len(c) == 1:
        return c
    a, b = c[:-1], c[1:]
    _, _, d = GEOD.inv(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
    n = np.maximum(1, np.ceil(d / SPACING_M)).astype(int)
    edge = np.repeat(np.arange(len(a)), n)
    t = (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)) / np.repeat(n, n)
    pts = a[edge] + t[:, None] * (b[edge] - a[edge])
    return np.vstack([pts, c[-1:]])


def launch_parts(geometry, points, polygons):
    t, c = geometry["type"], geometry.get("coordinates")
    if t == "Point":
        points.append(np.asarray([c], dtype=float)[:, :2])
    elif t == "MultiPoint":
        points.append(np.asarray(c, dtype=float)[:, :2])
    elif t == "LineString":
        points.append(densify(c))
    elif t == "MultiLineString":
        points.extend(densify(l) for l in c)
    elif t in ("Polygon", "MultiPolygon"):
        for poly in ([c] if t == "Polygon" else c):
            points.extend(densify(r) for r in poly)
        polygons.append(shape(geometry))
    elif t == "GeometryCollection":
        for g in geometry["geometries"]:
            launch_parts(g, points, polygons)
    else:
        raise ValueError(f"unsupported launch type {t}")


def unit(lonlat):
    lon, lat = np.radians(lonlat[:, 0]), np.radians(lonlat[:, 1])
    return np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=-1)


def chord(angle):
    return 2 * np.sin(np.minimum(angle, np.pi) / 2)


def angle(chord_length):
    return 2 * np.arcsin(np.clip(chord_length / 2, 0, 1))


def pair_distances(samples, launch, rows, cols):
    _, _, d = GEOD.inv(samples[rows, 0], samples[rows, 1], launch[cols, 0], launch[cols, 1])
    return d


class Launch:
    def __init__(self, features):
        points, polygons = [], []
        for f in features:
            if f.get("geometry"):
                launch_parts(f["geometry"], points, polygons)
        self.points = np.vstack(points)
        self.unit = unit(self.points)
        self.tree = cKDTree(self.unit)
        self.area = shapely.union_all(polygons) if polygons else None

    def nearest(self, samples):
        """True distance (m) from each sample to the launch geometry (0 inside its polygons)."""
        su = unit(samples)
        c0, _ = self.tree.query(su, k=1)
        limits = chord(angle(c0) * 1.01 + 1e-7)
        candidates = self.tree.query_ball_point(su, r=limits)
        rows = np.repeat(np.arange(len(samples)), [len(c) for c in candidates])
        cols = np.concatenate([np.asarray(c, dtype=int) for c in candidates])
        d = pair_distances(samples, self.points, rows, cols)
        starts = np.concatenate([[0], np.cumsum([len(c) for c in candidates])[:-1]])
        result = np.minimum.reduceat(d, starts)
        if self.area is not None:
            result[shapely.contains_xy(self.area, samples[:, 0], samples[:, 1])] = 0.0
        return result

    def farthest(self, samples):
        """Greatest true distance (m) from each sample to a densified launch point."""
        out = np.empty(len(samples))
        su = unit(samples)
        block = max(1, 4_000_000 // len(self.points))
        for i in range(0, len(samples), block):
            a = np.arccos(np.clip(su[i:i + block] @ self.unit.T, -1, 1))
            top = a.max(axis=1)
            rows, cols = np.nonzero(a >= (top * 0.99 - 1e-7)[:, None])
            d = pair_distances(samples[i:i + block], self.points, rows, cols)
            part = np.full(len(top), -np.inf)
            np.maximum.at(part, rows, d)
            out[i:i + block] = part
        return out


def boundary_samples(geometry):
    """Every vertex and edge midpoint of every ring, except on edges along lon ±180 or lat ±90."""
    rings = []
    for poly in ([geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]):
        rings.extend(poly)
    out = set()
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring[:-1], ring[1:]):
            if (abs(x1) == 180 and x1 == x2) or (abs(y1) == 90 and y1 == y2):
                continue
            out.update([(x1, y1), (x2, y2), ((x1 + x2) / 2, (y1 + y2) / 2)])
    return np.array(sorted(out), dtype=float).reshape(-1, 2)


def is_cut_at_antimeridian(geometry):
    for poly in geometry["coordinates"]:
        for ring in poly:
            for (x1, y1), (x2, y2) in zip(ring[:-1], ring[1:]):
                if abs(x1) == 180 and x1 == x2 and not (abs(y1) == 90 and abs(y2) == 90):
                    return True
    return False


def bands(placement, t):
    """Allowed (low, high) deviations for the maximum and the minimum bound."""
    return {"center": ((-t, t), (-t, t)), "outer": ((0, t), (-t, 0)), "inner": ((-t, 0), (0, t))}[placement]


def check(name):
    problems = []
    with open(os.path.join(FIXTURES, "in", name + ".geojson")) as f:
        given = json.load(f)
    with open(os.path.join(FIXTURES, "out", name + ".geojson")) as f:
        written = json.load(f)
    p = given["features"][0]["properties"]
    R, r, t = float(p["range_m"]), p.get("min_range_m"), float(p["tolerance_m"])
    placement = p.get("placement", "center")
    feature = written["features"][0]
    q, geometry = feature["properties"], feature["geometry"]
    for key, want in [("range_m", R), ("min_range_m", r), ("tolerance_m", t), ("placement", placement)]:
        if q.get(key) != want:
            problems.append(f"{key} is {q.get(key)!r}, in/ says {want!r}")
    envelope = shape(geometry)
    if not envelope.is_valid:
        problems.append(f"invalid output: {shapely.is_valid_reason(envelope)}")
    coords = np.asarray(shapely.get_coordinates(envelope))
    if len(coords) and (np.abs(coords[:, 0]).max() > 180 or np.abs(coords[:, 1]).max() > 90):
        problems.append("a coordinate is outside [-180, 180] x [-90, 90]")
    if "crosses_antimeridian" in p and is_cut_at_antimeridian(geometry) != p["crosses_antimeridian"]:
        problems.append(f"crosses_antimeridian should be {p['crosses_antimeridian']}")

    launch = Launch(given["features"])
    (max_lo, max_hi), (min_lo, min_hi) = bands(placement, t)
    samples = boundary_samples(geometry)
    worst_max = worst_min = 0.0
    if R >= MAX_DISTANCE_M:
        if not envelope.covers(box(-180, -90, 180, 90)):
            problems.append("range beyond the greatest geodesic distance but the globe is not covered")
    elif len(samples) == 0:
        problems.append("no range boundary to check")
    if len(samples):
        dev_max = launch.nearest(samples) - R
        is_min = np.zeros(len(samples), dtype=bool)
        dev_min = np.full(len(samples), np.inf)
        if r is not None:
            dev_min = launch.farthest(samples) - r
            is_min = np.abs(dev_min) < np.abs(dev_max)
        on_max, on_min = dev_max[~is_min], dev_min[is_min]
        worst_max = np.abs(on_max).max(initial=0.0)
        worst_min = np.abs(on_min).max(initial=0.0)
        bad_max = (on_max < max_lo) | (on_max > max_hi)
        bad_min = (on_min < min_lo) | (on_min > min_hi)
        for label, bad, dev, where in [("max", bad_max, on_max, samples[~is_min]), ("min", bad_min, on_min, samples[is_min])]:
            if bad.any():
                i = np.argmax(np.abs(dev) * bad)
                problems.append(f"{bad.sum()} {label}-range samples outside the {placement} band, e.g. "
                                f"{dev[i]:+.3f} m at {where[i][0]:.7f},{where[i][1]:.7f}")

    targets = [(xy, True) for xy in p.get("targets_reachable", [])] + [(xy, False) for xy in p.get("targets_unreachable", [])]
    if targets:
        xy = np.array([xy for xy, _ in targets], dtype=float)
        d = launch.nearest(xy)
        dmax = launch.farthest(xy) if r is not None else np.full(len(xy), np.inf)
        inside = shapely.covers(envelope, shapely.points(xy))
        for k, (target, reachable) in enumerate(targets):
            truth = d[k] <= R and (r is None or dmax[k] >= r)
            margin = min(abs(d[k] - R), abs(dmax[k] - r) if r is not None else np.inf)
            if margin <= t:
                problems.append(f"target {target} is within the tolerance of a bound: ill-posed")
            elif truth != reachable:
                problems.append(f"target {target} is {'reachable' if truth else 'unreachable'} "
                                f"(d = {d[k]:.0f} m, dmax = {dmax[k]:.0f} m), the fixture says otherwise")
            elif bool(inside[k]) != reachable:
                problems.append(f"target {target} is {'outside' if reachable else 'inside'} the envelope")

    ok = not problems
    worst = f"worst |d-R| {worst_max:.3f} m" + (f", |dmax-r| {worst_min:.3f} m" if r is not None else "")
    print(f"{'ok ' if ok else 'BAD'} {name}: {len(samples)} samples, {worst} (tool {q.get('achieved_error_m')} m, "
          f"tolerance {t} m, {placement}), {len(targets)} targets" + "".join(f"\n    {m}" for m in problems))
    return ok


def main():
    started = time.time()
    names = sorted(os.path.basename(f)[:-len(".geojson")] for f in glob.glob(os.path.join(FIXTURES, "in", "*.geojson")))
    results = []
    for name in names:
        try:
            results.append(check(name))
        except Exception as e:  # a broken fixture is a failure, not a crash of the whole check
            print(f"BAD {name}: {type(e).__name__}: {e}")
            results.append(False)
    passed = sum(results)
    print(f"({time.time() - started:.1f} s)")
    print(f"check-envelope-goldens: {passed} passed, {len(results) - passed} failed")
    sys.exit(0 if names and all(results) else 1)


main()
