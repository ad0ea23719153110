#!/usr/bin/env python3
"""Independent check of `strikerange measure` (issue 16) with pyproj Geod.inv (GeographicLib inside PROJ,
called from Python; no Swift code shared).

Seeded random pairs worldwide plus hard ones (across ±180°, near-antipodal, at a pole, the same point):
- distance within 1 mm of Geod.inv, km/mi/nmi consistent (1609.344 m, 1852 m), initial and final azimuth
  (as bearings in [0, 360)) within 1e-6° of Geod.inv's az12 and back azimuth + 180°;
- --format geojson: every vertex lies on the geodesic (d(A,v) + d(v,B) - d(A,B) < 2 cm, the writer's 7 decimals),
  no gap above 10 km, longitudes within [-180, 180], one part unless the geodesic crosses ±180°;
- an MGRS end reads as the `mgrs` package's centre of the square.
Usage: check-measure.py PATH_TO_STRIKERANGE"""
import json, math, random, subprocess, sys, warnings
import mgrs
from oracle import GEOD, finish, report  # Scripts/validate/oracle.py

warnings.simplefilter("ignore")
BINARY = sys.argv[1]
rng = random.Random(1616)


def measure(a, b, fmt):
    r = subprocess.run([BINARY, "measure", a, b, "--format", fmt], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"measure {a} {b}: {r.stderr.strip()}")
    return json.loads(r.stdout)


def angle_diff(a, b):
    return abs((a - b + 180) % 360 - 180)


pairs = [((rng.uniform(-90, 90), rng.uniform(-180, 180)), (rng.uniform(-90, 90), rng.uniform(-180, 180))) for _ in range(30)]
pairs += [((51.0, 179.0), (52.0, -179.0)), ((-10.0, -170.0), (15.0, 160.0)), ((0.0, 0.0), (0.5, 179.5)),
          ((89.999, 10.0), (-60.0, 40.0)), ((50.45, 30.52), (50.45, 30.52)), ((-33.92, 18.42), (-22.56, 17.08))]
worst_d = worst_az = 0.0
bad = []
for (lat1, lon1), (lat2, lon2) in pairs:
    a, b = f"{lat1!r},{lon1!r}", f"{lat2!r},{lon2!r}"
    props = measure(a, b, "json")["properties"]
    az12, az21, d = GEOD.inv(lon1, lat1, lon2, lat2)
    dd = abs(props["distance_m"] - d)
    worst_d = max(worst_d, dd)
    units_ok = abs(props["distance_km"] * 1000 - d) < 1e-2 and abs(props["distance_mi"] * 1609.344 - d) < 1e-2 and abs(props["distance_nmi"] * 1852 - d) < 1e-2
    if d > 1:   # azimuths of coincident points are conventions
        da = max(angle_diff(props["initial_azimuth_deg"], az12), angle_diff(props["final_azimuth_deg"], az21 + 180))
        worst_az = max(worst_az, da)
    else:
        da = 0
    if dd > 1e-3 or da > 1e-6 or not units_ok:
        bad.append(f"{a} -> {b}: ours {props} pyproj {d} {az12} {az21}")
report(not bad, f"{len(pairs)} pairs: distance within 1 mm (worst {worst_d * 1000:.4f} mm), azimuths within 1e-6° (worst {worst_az:.2e}°) {bad[:3]}")

line_bad = []
for (lat1, lon1), (lat2, lon2) in pairs[-6:] + pairs[:8]:
    fc = measure(f"{lat1!r},{lon1!r}", f"{lat2!r},{lon2!r}", "geojson")
    g = fc["features"][0]["geometry"]
    parts = g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]
    _, _, total = GEOD.inv(lon1, lat1, lon2, lat2)
    crosses = False
    for part in parts:
        for (x, y) in part:
            if not -180 <= x <= 180:
                line_bad.append(f"longitude {x} outside [-180, 180]")
            off = GEOD.inv(lon1, lat1, x, y)[2] + GEOD.inv(x, y, lon2, lat2)[2] - total
            if off > 0.02:   # the writer's 7 decimals (1e-7° ≈ 1.1 cm) on both coordinates
                line_bad.append(f"vertex {x},{y} is {off:.4f} m off the geodesic")
        for (x1, y1), (x2, y2) in zip(part[:-1], part[1:]):
            if GEOD.inv(x1, y1, x2, y2)[2] > 10_000.001:
                line_bad.append(f"gap above 10 km at {x1},{y1}")
            if abs(x2 - x1) > 180:
                line_bad.append(f"edge jumps across ±180° at {x1},{y1}")
    ends = [parts[0][0], parts[-1][-1]]
    if GEOD.inv(ends[0][0], ends[0][1], lon1, lat1)[2] > 0.02 or GEOD.inv(ends[1][0], ends[1][1], lon2, lat2)[2] > 0.02:
        line_bad.append(f"line does not run from A to B: {ends}")
    # Whether the geodesic crosses ±180°: sample it with pyproj.
    pts = GEOD.npts(lon1, lat1, lon2, lat2, 200)
    lons = [lon1] + [p[0] for p in pts] + [lon2]
    crosses = any(abs(b - a) > 180 for a, b in zip(lons[:-1], lons[1:]))
    if crosses != (len(parts) > 1) and abs(lat1) < 89 and abs(lat2) < 89:
        line_bad.append(f"{lat1},{lon1} -> {lat2},{lon2}: {len(parts)} parts, pyproj says crosses={crosses}")
report(not line_bad, f"geojson lines on the geodesic within 2 cm (7 decimals), ≤ 10 km spacing, cut at ±180° {line_bad[:4]}")

m = mgrs.MGRS()
lat, lon = m.toLatLon("37UDB1234567890")
props = measure("37UDB1234567890", f"{lat!r},{lon!r}", "json")["properties"]
report(props["distance_m"] < 0.01, f"MGRS end read as mgrs.toLatLon: {props['distance_m']} m apart")
finish("check-measure")
