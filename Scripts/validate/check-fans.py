#!/usr/bin/env python3
"""Independent check of range fans and interval rings (issue 16) with pyproj and shapely (no Swift code shared).

For seeded cases worldwide (sectors crossing north, across ±180°, at 75°N with the fan over the pole's side, a
minimum range, 50 km to 2,500 km, given as --sector or --bearing/--width, one launch in MGRS read by the `mgrs`
package) `strikerange envelope ... --rings` is run and every feature is checked:
- membership: random points (pyproj Geod.fwd around the launch, and over the globe) are classified by their
  pyproj distance and initial azimuth; a point more than the tolerance inside the true fan must be inside the
  output (shapely, edges straight in lon/lat as RFC 7946 draws them), more than it outside must be outside;
- boundary: every output vertex and edge midpoint (not the ±180° cuts) lies within the reported
  `achieved_error_m` (and the tolerance) of the true fan boundary (far arc, near arc or a side radial; the offset
  from a radial taken as s·sin Δα, which on a sphere exceeds the true offset);
- rings: one per interval, `ring_m` as asked, each checked as a fan of its own distance, largest first.
Bad sectors (no width, width 360, NaN, bearing out of range, an area launch) must fail naming the value.
Usage: check-fans.py PATH_TO_STRIKERANGE"""
import json, math, random, subprocess, sys, warnings
import mgrs
from shapely.geometry import Point, shape
from shapely.prepared import prep
from oracle import GEOD, finish, report  # Scripts/validate/oracle.py

warnings.simplefilter("ignore")
BINARY = sys.argv[1]
rng = random.Random(1617)


def boundary_distance(s, az, start, width, rmax, rmin):
    off = (az - start) % 360
    outside = 0 if off <= width else min(off - width, 360 - off)
    lateral = lambda deg: s if deg >= 90 else s * math.sin(math.radians(deg))
    best = math.hypot(s - rmax, lateral(outside))
    if rmin > 0:
        best = min(best, math.hypot(s - rmin, lateral(outside)))
    along = rmin - s if s < rmin else (s - rmax if s > rmax else 0)
    for side in (0, width):
        ang = abs(off - side) % 360
        ang = min(ang, 360 - ang)
        best = min(best, math.hypot(lateral(ang), along))
    return best


def check_feature(label, feature, lat0, lon0, start, width, rmax, rmin, tol):
    geom = shape(feature["geometry"])
    inside = prep(geom)
    bad = []
    for _ in range(1500):
        if rng.random() < 0.9:
            az = start - 40 + rng.random() * (width + 80)
            lon, lat, _ = GEOD.fwd(lon0, lat0, az, rng.random() * 1.3 * rmax)
        else:
            lon, lat = rng.uniform(-180, 180), math.degrees(math.asin(rng.uniform(-1, 1)))
        az12, _, s = GEOD.inv(lon0, lat0, lon, lat)
        if boundary_distance(s, az12, start, width, rmax, rmin) <= tol:
            continue
        truth = rmin <= s <= rmax and (az12 - start) % 360 <= width
        if truth != inside.contains(Point(lon, lat)):
            bad.append(f"{lat:.6f},{lon:.6f} at {s:.1f} m azimuth {az12 % 360:.4f}: truth {truth}")
    worst = 0.0
    polys = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    for poly in polys:
        ring = list(poly.exterior.coords)
        for (x1, y1), (x2, y2) in zip(ring[:-1], ring[1:]):
            if (abs(x1) == 180 and x1 == x2) or (abs(y1) == 90 and y1 == y2):
                continue   # a cut along ±180° or a pole closure, not a range bound
            for x, y in ((x1, y1), ((x1 + x2) / 2, (y1 + y2) / 2)):
                az12, _, s = GEOD.inv(lon0, lat0, x, y)
                worst = max(worst, boundary_distance(s, az12, start, width, rmax, rmin))
    achieved = feature["properties"]["achieved_error_m"]
    report(not bad and worst <= achieved + 0.05 and achieved <= tol and feature["properties"]["verification_passed"],
           f"{label}: membership ({len(bad)} wrong {bad[:2]}), boundary worst {worst:.3f} m <= achieved {achieved} m <= tolerance {tol} m")


def run_case(label, lat0, lon0, args, start, width, rmax, rmin, rings, tol=10.0, launch=None):
    cmd = [BINARY, "envelope", "--from", launch or f"{lat0!r},{lon0!r}", "--range", f"{rmax / 1000!r}km", "--tolerance", f"{tol}m"] + args
    if rmin:
        cmd += ["--min-range", f"{rmin / 1000!r}km"]
    if rings:
        cmd += ["--rings", rings]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        report(False, f"{label}: exit {r.returncode}: {r.stderr.strip()[:300]}")
        return
    features = json.loads(r.stdout)["features"]
    main = [f for f in features if f["properties"].get("variant") != "ring"]
    ring_features = [f for f in features if f["properties"].get("variant") == "ring"]
    check_feature(label, main[0], lat0, lon0, start, width, rmax, rmin, tol)
    if rings:
        step = float(rings[:-2]) * 1000
        expected = [step * k for k in range(int(rmax / step + 1e-9), 0, -1)]
        got = [f["properties"]["ring_m"] for f in ring_features]
        report(all(abs(a - b) < 1e-6 for a, b in zip(got, expected)) and len(got) == len(expected),
               f"{label}: rings {got} are every {rings} up to the range, largest first")
        for f in ring_features:
            check_feature(f"{label} ring {f['properties']['ring_label']}", f, lat0, lon0, start, width, f["properties"]["ring_m"], 0.0, tol)


cases = [
    ("Moscow area from MGRS, 30..150, rings 100km", None, None, ["--sector", "30..150"], 30, 120, 300_000, 0, "100km", "37UDB1234567890"),
    ("across north 300..60 with a minimum range", 50.45, 30.52, ["--sector", "300..60"], 300, 120, 500_000, 70_000, None, None),
    ("--bearing 75 --width 90", -33.92, 18.42, ["--bearing", "75", "--width", "90"], 30, 90, 1_500_000, 0, "500km", None),
    ("across ±180°", 52.0, 178.5, ["--sector", "45..135"], 45, 90, 800_000, 0, None, None),
    ("75°N facing the pole", 75.0, 20.0, ["--sector", "330..30"], 330, 60, 2_500_000, 0, None, None),
    ("narrow 2° sector, tolerance 1 m", -10.0, -60.0, ["--sector", "180..182"], 180, 2, 50_000, 0, None, None),
    ("wide 300° sector", 10.0, 100.0, ["--sector", "200..140"], 200, 300, 400_000, 0, None, None),
]
for _ in range(3):
    lat0, lon0 = rng.uniform(-70, 70), rng.uniform(-180, 180)
    start, width = rng.uniform(0, 360), rng.uniform(5, 300)
    cases.append((f"random {lat0:.2f},{lon0:.2f} {start:.1f}+{width:.1f}", lat0, lon0,
                  ["--sector", f"{start!r}..{(start + width) % 360!r}"], start, width, rng.uniform(20_000, 1_500_000), 0, None, None))
for label, lat0, lon0, args, start, width, rmax, rmin, rings, launch in cases:
    tol = 1.0 if "tolerance 1 m" in label else 10.0
    if launch:
        lat0, lon0 = mgrs.MGRS().toLatLon(launch)
    run_case(label, lat0, lon0, args, start, width, rmax, rmin, rings, tol, launch)

bad = [
    (["--sector", "30..30"], "no width"), (["--bearing", "75", "--width", "360"], "--width 360"),
    (["--bearing", "75", "--width", "0"], "--width 0"), (["--bearing", "nan", "--width", "90"], "nan"),
    (["--bearing", "400", "--width", "90"], "--bearing 400"), (["--sector", "abc"], "'abc'"),
    (["--sector", "30..120", "--rings", "0km"], "above 0"), (["--sector", "30..120", "--rings", "400km,100km"], "beyond the range"),
]
for args, needle in bad:
    r = subprocess.run([BINARY, "envelope", "--from", "50,30", "--range", "300km"] + args, capture_output=True, text=True)
    report(r.returncode != 0 and needle.lower() in r.stderr.lower(), f"bad {' '.join(args)}: exit {r.returncode}, says {needle!r}: {r.stderr.strip()[:150]}")
# Fans from lines are checked by check-line-fans.py; an area is refused naming the reading it could have.
r = subprocess.run([BINARY, "envelope", "--from", "region:UA-59", "--range", "300km", "--sector", "30..120"], capture_output=True, text=True)
report(r.returncode != 0 and "not from areas" in r.stderr, f"an area launch with a sector is refused: {r.stderr.strip()[:150]}")
finish("check-fans")
