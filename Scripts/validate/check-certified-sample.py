#!/usr/bin/env python3
"""Independent oracle for a seeded sample of hard launches (issue 9), with pyproj, numpy, scipy and shapely.

For each launch of the sample (a polygon with a hole, a multi-part area, a closed line loop, an area across
±180°, points and lines near and at the poles, long ranges from an area, minimum ranges) this writes the launch
as a GeoJSON file, runs `strikerange envelope --from FILE --range R [--min-range M] --output e.geojson`, reads
the output as RFC 7946 draws it (edges straight in lon/lat; shapely's planar test in lon/lat is exactly that
reading) and classifies points by their true geodesic distance to the launch, computed here without our code:

- the launch's boundary (every ring, every line) is densified straight in lon/lat into stations; the distance
  from q to the nearest station is pyproj `Geod.inv` (candidates preselected on unit vectors, every station
  within 2 % of the nearest angle kept: the sphere ranks ellipsoidal distances within 0.7 %);
- densification bound B: every boundary point is within half a station spacing (measured along the lon/lat
  path, the sum of 8 sub-chords) of a station, so nearest ∈ [d_station − B, d_station] and farthest ∈
  [d_station, d_station + B];
- inside a launch polygon (shapely, planar in lon/lat as RFC 7946 reads it) the nearest distance is 0; the
  farthest is the largest over the boundary unless q's antipode is in the launch (then it is only bounded,
  within [d(antipode), half a meridian]).

A point is in range when nearest ≤ R and, with a minimum range M, farthest ≥ M. Every point in range by more
than T + B must be inside the output, every point out of range by more than T + B outside (T = the tolerance,
10 m). Points: around the output's boundary (its vertices and edge midpoints moved by a random geodesic offset
of 20 m to 3 % of R either way), over its neighbourhood (its bounding box grown by 20 %, and the whole globe),
and adversarial: inside every launch hole, near every launch vertex, both poles at several longitudes, the
antipodes of launch vertices, both sides of ±180° (longitudes ±179.99999 and ±180 exactly).
Usage: check-certified-sample.py PATH_TO_STRIKERANGE"""
import json, os, subprocess, sys, tempfile, time
import numpy as np
from pyproj import Geod
from scipy.spatial import cKDTree
from shapely import intersects_xy
from shapely.geometry import shape

GEOD = Geod(ellps="WGS84")
BINARY = sys.argv[1]
TOLERANCE_M = 10.0
HALF_MERIDIAN_M = 20_003_931.46  # WGS84, the longest geodesic
rng = np.random.default_rng(20_261_202)
passed = failed = 0


def report(ok, text):
    global passed, failed
    passed, failed = passed + ok, failed + (not ok)
    print(("ok   " if ok else "FAIL ") + text, flush=True)


def unit(lon, lat):
    lon, lat = np.radians(lon), np.radians(lat)
    return np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=-1)


def lines_of(geom):
    """Every ring and line of a GeoJSON geometry, as (n, 2) arrays; and whether it has an interior."""
    t, c = geom["type"], geom["coordinates"]
    if t == "Point":
        return [np.array([c])], False
    if t == "LineString":
        return [np.array(c)], False
    if t == "MultiLineString":
        return [np.array(l) for l in c], False
    if t == "Polygon":
        return [np.array(r) for r in c], True
    if t == "MultiPolygon":
        return [np.array(r) for p in c for r in p], True
    raise SystemExit(f"unsupported launch type {t}")


def stations(lines, spacing_m):
    """Stations along every line, straight in lon/lat, and the densification bound B (metres)."""
    out, bound = [], 0.0
    for c in lines:
        if len(c) == 1:
            out.append(c)
            continue
        for (x1, y1), (x2, y2) in zip(c[:-1], c[1:]):
            _, _, d = GEOD.inv(x1, y1, x2, y2)
            n = max(1, int(np.ceil(d / spacing_m)))
            t = np.arange(n + 1) / n
            xs, ys = x1 + t * (x2 - x1), y1 + t * (y2 - y1)
            out.append(np.column_stack([xs[:-1], ys[:-1]]))
            # Length along the lon/lat path of the first sub-piece (all are alike to first order; take the
            # longest of the first and last, the path's curvature changes slowly), from 8 sub-chords.
            for k in (0, n - 1):
                u = (k + np.arange(9) / 8) / n
                px, py = x1 + u * (x2 - x1), y1 + u * (y2 - y1)
                _, _, s = GEOD.inv(px[:-1], py[:-1], px[1:], py[1:])
                bound = max(bound, 0.5 * float(np.sum(s)) * 1.001)
        out.append(c[-1:])
    return np.vstack(out), bound


class Oracle:
    def __init__(self, geom, spacing_m):
        lines, self.has_interior = lines_of(geom)
        self.area = shape(geom) if self.has_interior else None
        self.st, self.bound = stations(lines, spacing_m)
        self.units = unit(self.st[:, 0], self.st[:, 1])
        self.tree = cKDTree(self.units)

    def inside(self, lon, lat):
        if self.area is None:
            return np.zeros(len(lon), bool)
        return intersects_xy(self.area, lon, lat)

    def station_extremes(self, lon, lat, farthest_for):
        """Nearest station distance, metres, for every query point; farthest where `farthest_for` (else 0)."""
        q = unit(lon, lat)
        near, far = np.empty(len(lon)), np.zeros(len(lon))
        for i in range(len(lon)):
            chord, _ = self.tree.query(q[i])
            angle0 = 2 * np.arcsin(min(1.0, chord / 2))
            idx = self.tree.query_ball_point(q[i], 2 * np.sin(min(np.pi, angle0 * 1.02 + 1e-6) / 2) + 1e-12)
            s = self.st[idx]
            _, _, d = GEOD.inv(np.full(len(s), lon[i]), np.full(len(s), lat[i]), s[:, 0], s[:, 1])
            near[i] = d.min()
            if not farthest_for[i]:
                continue
            # Farthest: stations nearest q's antipode; a station is a candidate while its angle from q is at
            # least the largest angle / 1.02 (the same 2 % window, seen from the antipode).
            a = -q[i]
            chord, _ = self.tree.query(a)
            angle_max = np.pi - 2 * np.arcsin(min(1.0, chord / 2))
            window = np.pi - angle_max / 1.02 + 1e-6
            idx = self.tree.query_ball_point(a, 2 * np.sin(min(np.pi, window) / 2) + 1e-12)
            s = self.st[idx]
            _, _, d = GEOD.inv(np.full(len(s), lon[i]), np.full(len(s), lat[i]), s[:, 0], s[:, 1])
            far[i] = d.max()
        return near, far

    def classify(self, lon, lat, range_m, min_m, margin_m):
        """+1 in range by more than margin, -1 out of range by more than margin, 0 undecided."""
        inside = self.inside(lon, lat)
        # The farthest distance only matters with a minimum range, and only for points not already out of range.
        near, far = self.station_extremes(lon, lat, np.zeros(len(lon), bool))
        if min_m is not None:
            wanted = np.where(inside, 0.0, near - self.bound) <= range_m + margin_m
            _, far = self.station_extremes(lon, lat, wanted)
        near_lo = np.where(inside, 0.0, near - self.bound)
        near_hi = np.where(inside, 0.0, near)
        far_lo, far_hi = far, far + self.bound
        if self.has_interior:
            alon = np.where(lon > 0, lon - 180, lon + 180)
            anti = self.inside(alon, -lat)
            if anti.any():
                _, _, da = GEOD.inv(lon[anti], lat[anti], alon[anti], -lat[anti])
                far_lo[anti] = np.maximum(far_lo[anti], da)
                far_hi[anti] = HALF_MERIDIAN_M
        result = np.zeros(len(lon), int)
        in_range = near_hi <= range_m - margin_m
        out_range = near_lo > range_m + margin_m
        if min_m is not None:
            in_range &= far_lo >= min_m + margin_m
            out_range |= far_hi < min_m - margin_m
        result[in_range] = 1
        result[out_range] = -1
        return result


def wrap(lon):
    return (np.asarray(lon) + 180) % 360 - 180


def random_globe(n):
    lat = np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
    return rng.uniform(-180, 180, n), lat


def probe_points(geom, output, range_m):
    """(lon, lat, label) arrays of the points to classify."""
    pts = []

    def add(lon, lat, label):
        lon, lat = np.atleast_1d(np.asarray(lon, float)), np.atleast_1d(np.asarray(lat, float))
        pts.append((lon, np.clip(lat, -90, 90), np.full(len(lon), label, dtype=object)))

    # Around the output's boundary: vertices and edge midpoints, moved by a random offset either way.
    verts = []
    for poly in output:
        for ring in [poly.exterior, *poly.interiors]:
            c = np.array(ring.coords)
            verts += [c[:-1], (c[:-1] + c[1:]) / 2]
    if verts:
        v = np.vstack(verts)
        v = v[rng.choice(len(v), min(len(v), 600), replace=False)]
        offset = np.exp(rng.uniform(np.log(20), np.log(max(40, 0.03 * range_m)), len(v)))
        lon, lat, _ = GEOD.fwd(v[:, 0], np.clip(v[:, 1], -89.999999, 89.999999), rng.uniform(0, 360, len(v)), offset)
        add(lon, lat, "near the output's boundary")
        minx, miny, maxx, maxy = output.bounds
        dx, dy = 0.2 * (maxx - minx) + 0.01, 0.2 * (maxy - miny) + 0.01
        add(wrap(rng.uniform(minx - dx, maxx + dx, 400)), np.clip(rng.uniform(miny - dy, maxy + dy, 400), -90, 90),
            "over the output's neighbourhood")
        # Both sides of ±180°, at latitudes the output spans.
        lats = rng.uniform(max(-90, miny - dy), min(90, maxy + dy), 40)
        for x in (-180.0, -179.99999, 179.99999, 180.0):
            add(np.full(len(lats), x), lats, "beside ±180°")
    add(*random_globe(300), "over the globe")
    for x in (-180, -90, 0, 45, 135):
        add([x, x], [90, -90], "at a pole")
    lines, _ = lines_of(geom)
    lv = np.vstack(lines)
    lv = lv[rng.choice(len(lv), min(len(lv), 60), replace=False)]
    lon, lat, _ = GEOD.fwd(lv[:, 0], np.clip(lv[:, 1], -89.999999, 89.999999), rng.uniform(0, 360, len(lv)),
                           np.exp(rng.uniform(np.log(1), np.log(max(2, 0.05 * range_m)), len(lv))))
    add(lon, lat, "near a launch vertex")
    add(wrap(lv[:, 0] + 180), -lv[:, 1], "at the antipode of a launch vertex")
    if geom["type"] in ("Polygon", "MultiPolygon"):
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        for poly in polys:
            for ring in [poly[0], *poly[1:]]:
                # Random points inside each ring's lon/lat box: those inside the hole (or the polygon)
                # are what is wanted; the rest are more neighbourhood points.
                r = np.array(ring)
                add(rng.uniform(r[:, 0].min(), r[:, 0].max(), 40), rng.uniform(r[:, 1].min(), r[:, 1].max(), 40),
                    "inside a launch ring (polygon or hole)")
    return (np.concatenate([p[0] for p in pts]), np.concatenate([p[1] for p in pts]),
            np.concatenate([p[2] for p in pts]))


def box(lon, lat, w, h):
    return [[lon - w, lat - h], [lon + w, lat - h], [lon + w, lat + h], [lon - w, lat + h], [lon - w, lat - h]]


def cases():
    """The seeded sample: (name, geometry, range m, minimum range m or None)."""
    lon0, lat0 = rng.uniform(-150, 150), rng.uniform(-50, 50)
    outer, hole = box(lon0, lat0, 2.0, 1.5), box(lon0, lat0, 1.0, 0.8)[::-1]
    holed = {"type": "Polygon", "coordinates": [outer, hole]}
    out = [
        ("polygon with a hole, range below the hole's half width", holed, 30_000, None),
        ("polygon with a hole, 400 km, minimum 150 km", holed, 400_000, 150_000),
    ]
    lon1, lat1 = rng.uniform(-150, 150), rng.uniform(-40, 40)
    out.append(("two-part area, 800 km", {"type": "MultiPolygon", "coordinates": [
        [box(lon1, lat1, 0.7, 0.5)], [box(lon1 + 4, lat1 + 1, 0.4, 0.9)]]}, 800_000, None))
    lon2, lat2 = rng.uniform(-150, 150), rng.uniform(-60, 60)
    out.append(("closed line loop, 40 km", {"type": "LineString", "coordinates": box(lon2, lat2, 1.5, 1.0)}, 40_000, None))
    lat3 = rng.uniform(-60, 60)
    out.append(("area across ±180°, 250 km", {"type": "MultiPolygon", "coordinates": [
        [[[179.0, lat3 - 1], [180.0, lat3 - 1], [180.0, lat3 + 1], [179.0, lat3 + 1], [179.0, lat3 - 1]]],
        [[[-180.0, lat3 - 1], [-178.5, lat3 - 1], [-178.5, lat3 + 1], [-180.0, lat3 + 1], [-180.0, lat3 - 1]]]]},
        250_000, None))
    out.append(("point near the north pole, 600 km", {"type": "Point", "coordinates": [rng.uniform(-180, 180), 89.3]}, 600_000, None))
    out.append(("point at the south pole, 2,500 km, minimum 500 km", {"type": "Point", "coordinates": [rng.uniform(-180, 180), -90.0]},
                2_500_000, 500_000))
    lon4 = rng.uniform(-180, 170)
    out.append(("line near the north pole, 500 km", {"type": "LineString", "coordinates": [[lon4, 86.0], [lon4 + 8, 87.5], [lon4 + 20, 86.5]]},
                500_000, None))
    lon5, lat5 = rng.uniform(-150, 150), rng.uniform(-50, 50)
    out.append(("area, 5,500 km", {"type": "Polygon", "coordinates": [box(lon5, lat5, 1.5, 1.0)]}, 5_500_000, None))
    lon6, lat6 = rng.uniform(-150, 150), rng.uniform(-50, 50)
    out.append(("line, 12,000 km, minimum 3,000 km", {"type": "LineString", "coordinates": [[lon6, lat6], [lon6 + 2, lat6 + 1]]},
                12_000_000, 3_000_000))
    lon7, lat7 = rng.uniform(-150, 150), rng.uniform(-70, 70)
    out.append(("point, 19,000 km (most of the globe)", {"type": "Point", "coordinates": [lon7, lat7]}, 19_000_000, None))
    return out


def check(tmp, name, geom, range_m, min_m):
    src, dst = os.path.join(tmp, "launch.geojson"), os.path.join(tmp, "e.geojson")
    if os.path.exists(dst):
        os.remove(dst)
    json.dump({"type": "Feature", "properties": {}, "geometry": geom}, open(src, "w"))
    args = [BINARY, "envelope", "--from", src, "--range", f"{range_m}m", "--output", dst]
    if min_m is not None:
        args += ["--min-range", f"{min_m}m"]
    started = time.monotonic()
    r = subprocess.run(args, capture_output=True, text=True)
    seconds = time.monotonic() - started
    if r.returncode != 0:
        report(False, f"{name}: exit {r.returncode}: {r.stderr.strip()}")
        return
    fc = json.load(open(dst))
    from shapely.ops import unary_union
    output = unary_union([shape(f["geometry"]) for f in fc["features"] if f["geometry"] is not None])
    output = output if output.geom_type in ("Polygon", "MultiPolygon") else shape({"type": "MultiPolygon", "coordinates": []})
    parts = list(getattr(output, "geoms", [output])) if not output.is_empty else []
    # Station spacing 0.2 % of the range (0.5 m to 400 m): B ≈ spacing / 2, at most about 200 m.
    oracle = Oracle(geom, spacing_m=min(400.0, max(0.5, 0.002 * range_m)))
    lon, lat, label = probe_points(geom, _Parts(parts), range_m)
    margin = TOLERANCE_M + oracle.bound
    truth = oracle.classify(lon, lat, range_m, min_m, margin)
    inside = intersects_xy(output, lon, lat) if parts else np.zeros(len(lon), bool)
    wrong_out = (truth == 1) & ~inside
    wrong_in = (truth == -1) & inside
    bad = wrong_out | wrong_in
    kinds = {l: int(((label == l) & (truth != 0)).sum()) for l in dict.fromkeys(label)}
    detail = ""
    if bad.any():
        i = int(np.nonzero(bad)[0][0])
        detail = (f"; {int(wrong_out.sum())} in range but outside, {int(wrong_in.sum())} out of range but inside, first at "
                  f"{lat[i]:.6f},{lon[i]:.6f} ({label[i]})")
    report(not bad.any(), f"{name}: {int((truth != 0).sum())} of {len(lon)} points decided at margin {margin:.2f} m "
           f"(B = {oracle.bound:.2f} m), {len(parts)} output parts, envelope {seconds:.1f} s; "
           + ", ".join(f"{k}: {v}" for k, v in kinds.items()) + detail)


class _Parts:
    """The output's parts with the bounds of all of them (probe_points only needs these two)."""

    def __init__(self, parts):
        self.parts = parts

    def __iter__(self):
        return iter(self.parts)

    @property
    def bounds(self):
        b = np.array([p.bounds for p in self.parts])
        return b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for c in cases():
            check(tmp, *c)
    print(f"check-certified-sample: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


main()
