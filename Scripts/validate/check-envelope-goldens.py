#!/usr/bin/env python3
"""Independent check (pyproj, numpy, scipy, shapely: not our code) of every envelope golden fixture.

For each Tests/StrikeRangeTests/Fixtures/envelopes/out/NAME.geojson, against the parameters in
in/NAME.geojson (first feature's properties; the launch geometry is every in/ feature's geometry):
- the output is a valid polygon, every longitude in [-180, 180], parameters echoed unchanged;
- every vertex and edge midpoint of every ring (edges along lon ±180 or lat ±90, the cuts and pole
  closures, are skipped) is sampled and its true WGS84 distance d to the launch geometry measured:
  launch edges densified straight in lon/lat at <= 200 m, candidates prefiltered on the unit sphere
  (oracle.NearestVertex: every launch point whose central angle is <= (a/b)^3 x the smallest + 1e-7 rad: a
  k-nearest prefilter is wrong at cusps where two parts are equidistant), then pyproj Geod.inv; inside a
  launch polygon d = 0;
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
from shapely.geometry import box, shape
from oracle import GEOD, NearestVertex, densify, finish, report, unit as oracle_unit  # Scripts/validate/oracle.py

SPACING_M = 200.0
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                        "Tests", "StrikeRangeTests", "Fixtures", "envelopes")
# Half a meridian: the greatest geodesic distance on WGS84.
MAX_DISTANCE_M = GEOD.inv(0.0, 0.0, 180.0, 0.0)[2]


def launch_parts(geometry, points, polygons):
    t, c = geometry["type"], geometry.get("coordinates")
    if t == "Point":
        points.append(np.asarray([c], dtype=float)[:, :2])
    elif t == "MultiPoint":
        points.append(np.asarray(c, dtype=float)[:, :2])
    elif t == "LineString":
        points.append(densify(c, SPACING_M))
    elif t == "MultiLineString":
        points.extend(densify(l, SPACING_M) for l in c)
    elif t in ("Polygon", "MultiPolygon"):
        for poly in ([c] if t == "Polygon" else c):
            points.extend(densify(r, SPACING_M) for r in poly)
        polygons.append(shape(geometry))
    elif t == "GeometryCollection":
        for g in geometry["geometries"]:
            launch_parts(g, points, polygons)
    else:
        raise ValueError(f"unsupported launch type {t}")


def unit(lonlat):
    return oracle_unit(lonlat[:, 0], lonlat[:, 1])


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
        self.nearest_vertex = NearestVertex(self.points)
        self.area = shapely.union_all(polygons) if polygons else None

    def nearest(self, samples):
        """True distance (m) from each sample to the launch geometry (0 inside its polygons)."""
        result = self.nearest_vertex.distances(samples[:, 0], samples[:, 1])
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
    return report(ok, f"{name}: {len(samples)} samples, {worst} (tool {q.get('achieved_error_m')} m, "
                      f"tolerance {t} m, {placement}), {len(targets)} targets" + "".join(f"\n    {m}" for m in problems))


def main():
    started = time.time()
    names = sorted(os.path.basename(f)[:-len(".geojson")] for f in glob.glob(os.path.join(FIXTURES, "in", "*.geojson")))
    if not names:
        report(False, f"no fixtures in {FIXTURES}/in")
    for name in names:
        try:
            check(name)
        except Exception as e:  # a broken fixture is a failure, not a crash of the whole check
            report(False, f"{name}: {type(e).__name__}: {e}")
    print(f"({time.time() - started:.1f} s)")
    finish("check-envelope-goldens")


main()
