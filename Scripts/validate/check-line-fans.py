#!/usr/bin/env python3
"""Independent check of range fans from a launch LINE (issue 16) with pyproj's Geod only (no Swift code shared).

The true line fan: x is in it when SOME launch point p on the line (edges straight in lon/lat, as RFC 7946 draws
them) has rmin <= d(p, x) <= rmax and initial azimuth from p to x in the sector. Here the line is sampled every
200 m (numpy arrays through Geod.inv), then every 2 m around the best sample; for each sample its point fan's
signed boundary distance is taken (negative inside; the offset from a side radial as s*sin(da)), and g(x) is the
least of them: x is in the fan when g <= 0.
For seeded cases (a ship's track, a line crossing +-180 deg, a line above 70 deg N with a sector across north, a
minimum range, a multi-part line) `strikerange envelope --from track.geojson --sector ...` is run and:
- membership: seeded random points near the line's fans and over the globe; one with g below -(tolerance) must
  be inside the output (shapely, edges straight in lon/lat), one with g above the tolerance outside it;
- boundary: every output vertex (not the +-180 deg cuts) has |g| <= achieved_error_m (a vertex deeper than that
  inside one launch point's fan, or farther than it from every fan, is farther than that from the boundary);
- achieved_error_m <= tolerance and verification_passed.
Hostile inputs: a line of a single vertex (read as a point), a sector of width 0, an area launch: clear errors
or a point fan. Usage: check-line-fans.py PATH_TO_STRIKERANGE"""
import json, math, os, random, subprocess, sys, tempfile, warnings
import numpy as np
from shapely.geometry import Point, shape
from shapely.prepared import prep
from oracle import GEOD, finish, report  # Scripts/validate/oracle.py

warnings.simplefilter("ignore")
BINARY = sys.argv[1]
rng = random.Random(1618)


def densify(parts, step):
    """Points every `step` metres (or closer) along each part, edges straight in lon/lat, taken the short way."""
    out = []
    for part in parts:
        lon0, lat0 = part[0]
        pts = [(lon0, lat0)]
        for lon1, lat1 in part[1:]:
            lon1 = lon0 + ((lon1 - lon0 + 180) % 360 - 180)
            _, _, length = GEOD.inv(lon0, lat0, lon1, lat1)
            n = max(1, int(math.ceil(length / step)))
            for k in range(1, n + 1):
                f = k / n
                pts.append((lon0 + f * (lon1 - lon0), lat0 + f * (lat1 - lat0)))
            lon0, lat0 = lon1, lat1
        out.append(np.array(pts))
    return out


def signed(lons, lats, x, y, start, width, rmax, rmin):
    """Signed distance of (x, y) to the point fan of every launch sample (arrays), negative inside."""
    az, _, s = GEOD.inv(lons, lats, np.full(len(lons), x), np.full(len(lons), y))
    off = (az - start) % 360
    outside = np.where(off <= width, 0.0, np.minimum(off - width, 360 - off))
    lateral = lambda deg: np.where(deg >= 90, s, s * np.sin(np.radians(np.minimum(deg, 90))))
    best = np.hypot(s - rmax, lateral(outside))
    if rmin > 0:
        best = np.minimum(best, np.hypot(s - rmin, lateral(outside)))
    along = np.where(s < rmin, rmin - s, np.where(s > rmax, s - rmax, 0.0))
    for side in (0.0, width):
        ang = np.abs(off - side) % 360
        ang = np.minimum(ang, 360 - ang)
        best = np.minimum(best, np.hypot(lateral(ang), along))
    inside = (s <= rmax) & (s >= rmin) & (off <= width)
    return np.where(inside, -best, best)


def g(samples, x, y, start, width, rmax, rmin):
    best, where = math.inf, None
    for pts in samples:
        v = signed(pts[:, 0], pts[:, 1], x, y, start, width, rmax, rmin)
        j = int(np.argmin(v))
        if v[j] < best:
            best, where = float(v[j]), (pts, j)
    if best <= 0 or where is None:
        return best
    pts, j = where
    # Local refinement: every 2 m over the pieces either side of the best sample.
    lo, hi = max(0, j - 1), min(len(pts) - 1, j + 1)
    fine = []
    for a in range(lo, hi):
        for f in np.linspace(0, 1, 101):
            fine.append(pts[a] + f * (pts[a + 1] - pts[a]))
    if fine:
        fine = np.array(fine)
        best = min(best, float(np.min(signed(fine[:, 0], fine[:, 1], x, y, start, width, rmax, rmin))))
    return best


def run_case(label, parts, sector_args, start, width, rmax, rmin, tol, extra=(), points=400):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "track.geojson")
        geometry = {"type": "LineString", "coordinates": parts[0]} if len(parts) == 1 else {"type": "MultiLineString", "coordinates": parts}
        with open(path, "w") as f:
            json.dump({"type": "Feature", "properties": {}, "geometry": geometry}, f)
        cmd = [BINARY, "envelope", "--from", path, "--range", f"{rmax / 1000!r}km", "--tolerance", f"{tol}m"] + sector_args + list(extra)
        if rmin:
            cmd += ["--min-range", f"{rmin / 1000!r}km"]
        r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        report(False, f"{label}: exit {r.returncode}: {r.stderr.strip()[:300]}")
        return
    feature = [f for f in json.loads(r.stdout)["features"] if f["geometry"]["type"] in ("Polygon", "MultiPolygon")][0]
    geom = shape(feature["geometry"])
    inside = prep(geom)
    samples = densify(parts, 200.0)
    allpts = np.concatenate(samples)
    bad, tested = [], 0
    for i in range(points):
        if i < points * 0.9:
            lon0, lat0 = allpts[rng.randrange(len(allpts))]
            az = start - 40 + rng.random() * (width + 80)
            x, y, _ = GEOD.fwd(lon0, lat0, az, rng.random() * 1.3 * rmax)
        else:
            x, y = rng.uniform(-180, 180), math.degrees(math.asin(rng.uniform(-1, 1)))
        v = g(samples, x, y, start, width, rmax, rmin)
        if abs(v) <= tol:
            continue
        tested += 1
        if (v < 0) != inside.contains(Point(x, y)):
            bad.append(f"{y:.6f},{x:.6f} g={v:.1f} m")
    worst, worst_at = 0.0, None
    polys = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    vertices = []
    for poly in polys:
        for ring in [poly.exterior] + list(poly.interiors):
            c = list(ring.coords)
            for (x1, y1), (x2, y2) in zip(c[:-1], c[1:]):
                if (abs(x1) == 180 and x1 == x2) or (abs(y1) == 90 and y1 == y2):
                    continue
                vertices.append((x1, y1))
    stride = max(1, len(vertices) // 400)
    for x, y in vertices[::stride]:
        v = abs(g(samples, x, y, start, width, rmax, rmin))
        if v > worst:
            worst, worst_at = v, (y, x)
    achieved = feature["properties"]["achieved_error_m"]
    report(not bad and worst <= achieved + 0.05 and achieved <= tol and feature["properties"]["verification_passed"],
           f"{label}: membership {tested} points ({len(bad)} wrong {bad[:2]}), boundary |g| worst {worst:.3f} m at {worst_at} "
           f"over {len(vertices[::stride])} vertices <= achieved {achieved} m <= tolerance {tol} m")


cases = [
    ("ship's track, 30..120, 300 km", [[[31.0, 44.0], [32.0, 44.6], [33.5, 44.5]]], ["--sector", "30..120"], 30, 90, 300_000, 0, 100.0),
    ("across +-180 deg", [[[179.2, 60.0], [-179.4, 60.6]]], ["--sector", "45..135"], 45, 90, 250_000, 0, 50.0),
    ("above 70 deg N, sector across north 300..60", [[[20.0, 71.0], [28.0, 72.5]]], ["--sector", "300..60"], 300, 120, 300_000, 0, 50.0),
    ("minimum range 70 km, --bearing 200 --width 80", [[[-3.0, 50.0], [-2.0, 50.3]]], ["--bearing", "200", "--width", "80"], 160, 80, 300_000, 70_000, 100.0),
    ("two parts, 20 m tolerance", [[[140.0, -35.0], [140.3, -35.2]], [[141.0, -35.0], [141.2, -34.8]]], ["--sector", "250..10"], 250, 120, 150_000, 0, 20.0),
]
lat0, lon0 = rng.uniform(-60, 60), rng.uniform(-170, 170)
track = [[lon0, lat0]]
for _ in range(3):
    lon, lat, _ = GEOD.fwd(track[-1][0], track[-1][1], rng.uniform(0, 360), rng.uniform(20_000, 80_000))
    track.append([lon, lat])
start, width = rng.uniform(0, 360), rng.uniform(10, 200)
cases.append((f"random track from {lat0:.2f},{lon0:.2f}, {start:.1f}+{width:.1f}", [track],
              ["--sector", f"{start!r}..{(start + width) % 360!r}"], start, width, rng.uniform(50_000, 500_000), 0, 100.0))
for label, parts, args, start, width, rmax, rmin, tol in cases:
    run_case(label, parts, args, start, width, rmax, rmin, tol, extra=["--long-edges", "short-way"] if "180" in label else ())

# The shipped line-fan scenario: reach verdicts against the oracle's own g (a target well inside the true line fan
# is in_range, one within range of the track but well outside the fan is outside_sector), the fan certified.
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
with tempfile.TemporaryDirectory() as d:
    r = subprocess.run([BINARY, "run", os.path.join(ROOT, "Data", "scenarios", "fan-track.yaml"), "--output", os.path.join(d, "out")],
                       capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        report(False, f"fan-track.yaml: exit {r.returncode}: {r.stderr.strip()[:300]}")
    else:
        track = json.load(open(os.path.join(ROOT, "Data", "scenarios", "black-sea-track.geojson")))["geometry"]["coordinates"]
        samples = densify([track], 200.0)
        import csv
        rows = list(csv.DictReader(open(os.path.join(d, "out", "reach.csv"))))
        for row in rows:
            v = g(samples, float(row["lon"]), float(row["lat"]), 30, 90, 300_000, 0)
            want = "in_range" if v < -50 else ("outside_sector" if v > 50 else row["verdict"])
            report(row["verdict"] == want, f"fan-track.yaml: {row['name']} is {row['verdict']} (oracle g = {v:.0f} m: {want})")
        layers = json.load(open(os.path.join(d, "out", "layers.geojson")))["features"]
        envelopes = [f for f in layers if f["properties"].get("layer") == "envelope"]
        report(len(envelopes) == 1 and envelopes[0]["properties"]["achieved_error_m"] <= envelopes[0]["properties"]["tolerance_m"],
               f"fan-track.yaml: one envelope, achieved_error_m {[e['properties'].get('achieved_error_m') for e in envelopes]} within its tolerance")

with tempfile.TemporaryDirectory() as d:
    one = os.path.join(d, "one.geojson")
    with open(one, "w") as f:
        json.dump({"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[30.0, 50.0]]}}, f)
    r = subprocess.run([BINARY, "envelope", "--from", one, "--range", "300km", "--sector", "30..120"], capture_output=True, text=True)
    report(r.returncode != 0 and "one.geojson" in r.stderr, f"a line of a single vertex is refused naming the file: {r.stderr.strip()[:200]}")
r = subprocess.run([BINARY, "envelope", "--from", "border:UA-RU", "--range", "300km", "--sector", "30..30"], capture_output=True, text=True)
report(r.returncode != 0 and "no width" in r.stderr, f"a sector of width 0 is refused: {r.stderr.strip()[:200]}")
r = subprocess.run([BINARY, "envelope", "--from", "region:UA-59", "--range", "300km", "--sector", "30..120"], capture_output=True, text=True)
report(r.returncode != 0 and "not from areas" in r.stderr and "boundary as a line" in r.stderr, f"an area launch is refused and told to give its boundary as a line: {r.stderr.strip()[:200]}")
finish("check-line-fans")
