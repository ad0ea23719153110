#!/usr/bin/env python3
"""Independent check of StrikeRange's MGRS and UTM reading and writing (issue 16) against the `mgrs` package
(GEOTRANS C code, no shared code) and pyproj.

Seeded random points worldwide plus adversarial ones: UTM zone edges, latitude band edges, the Norway (32V) and
Svalbard (31X-37X) exceptions, the 80°S / 84°N limits of the UTM area and the polar UPS areas (not supported:
StrikeRange must fall back to decimal there and reject polar references with a clear error).
- Writing: `reach --targets FILE --coords mgrs --format csv` must give mgrs.toMGRS's string for every point;
  a point within 1 cm of a 1 m grid line may land in the neighbouring square (floating point in two
  different transverse Mercator series): allowed for at most 0.5 % of points, and only to an adjacent square.
- Reading: mgrs strings at every precision (0-5 digit pairs), with and without spaces, passed as --target must
  read as mgrs.toLatLon's position (the centre of the square) within 1 cm.
- UTM: pyproj's UTM of random points, written "37U 412345.678 5712345.678", must read back within 1 cm.
- Bad references (wrong band, odd digits, bad 100 km letters, missing zone X, polar bands) exit 1 naming the value.
Usage: check-mgrs.py PATH_TO_STRIKERANGE"""
import csv, io, math, random, subprocess, sys, tempfile, warnings
from pathlib import Path
import mgrs
from pyproj import Transformer
from oracle import GEOD, finish, report  # Scripts/validate/oracle.py

warnings.simplefilter("ignore")   # mgrs warns about latitude/band mismatch on some inputs
BINARY = sys.argv[1]
M = mgrs.MGRS()
rng = random.Random(16)


def run(args):
    return subprocess.run([BINARY] + args, capture_output=True, text=True)


def points():
    pts = [(rng.uniform(-80, 84), rng.uniform(-180, 180)) for _ in range(3000)]
    for _ in range(400):   # zone edges (incl. the Norway/Svalbard ones), ±1e-7° (1 cm)
        edge = rng.choice([6 * rng.randint(-30, 29), 3, 9, 12, 21, 33, 42])
        lon = edge + rng.choice([-1e-7, 1e-7, 0.0])
        pts.append((rng.uniform(-80, 84), lon if lon >= -180 else lon + 360))
    for _ in range(400):   # band edges
        edge = rng.choice([-80 + 8 * k for k in range(20)] + [84])
        lat = min(83.9999999, max(-80.0, edge + rng.choice([-1e-7, 1e-7, 0.0])))
        pts.append((lat, rng.uniform(-180, 180)))
    pts += [(rng.uniform(56, 64), rng.uniform(0, 12)) for _ in range(300)]      # Norway
    pts += [(rng.uniform(72, 84), rng.uniform(0, 42)) for _ in range(300)]      # Svalbard
    return pts


def digits_pairs(s):
    core = s[s.index(next(c for c in s if c.isalpha())) + 3:]
    return len(core) // 2


def write_check(pts):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "targets.csv"
        with open(path, "w") as f:
            f.write("name,lat,lon\n")
            for i, (lat, lon) in enumerate(pts):
                f.write(f"p{i},{lat!r},{lon!r}\n")
        r = run(["reach", "--from", "0,0", "--range", "1km", "--targets", str(path), "--format", "csv", "--coords", "mgrs"])
    report(r.returncode == 0, f"reach --coords mgrs on {len(pts)} points: exit {r.returncode} {r.stderr.strip()[:200]}")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    exact = adjacent = wrong = 0
    examples = []
    for (lat, lon), row in zip(pts, rows):
        ours = row["target_coords"].replace(" ", "")
        theirs = M.toMGRS(lat, lon, MGRSPrecision=5)
        if ours == theirs:
            exact += 1
            continue
        # Same square up to one metre: both decode (by mgrs) to centres within 1.5 m.
        try:
            a, b = M.toLatLon(ours), M.toLatLon(theirs)
            d = GEOD.inv(a[1], a[0], b[1], b[0])[2]
        except Exception:
            d = math.inf
        if d <= 1.5:
            adjacent += 1
        else:
            wrong += 1
            examples.append(f"{lat!r},{lon!r}: ours {ours} mgrs {theirs}")
    report(len(rows) == len(pts), f"one row per point ({len(rows)})")
    report(wrong == 0 and exact >= 0.99 * len(pts), f"MGRS strings: {exact} identical, {adjacent} in an adjacent 1 m square, {wrong} wrong {examples[:5]}")
    report(adjacent <= 0.005 * len(pts), f"adjacent-square cases {adjacent} <= 0.5 % of {len(pts)}")
    # Polar points: no MGRS (UPS unsupported), decimal fallback.
    polar = [(rng.uniform(84, 90), rng.uniform(-180, 180)) for _ in range(5)] + [(rng.uniform(-90, -80.0001), rng.uniform(-180, 180)) for _ in range(5)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "polar.csv"
        path.write_text("name,lat,lon\n" + "".join(f"q{i},{lat!r},{lon!r}\n" for i, (lat, lon) in enumerate(polar)))
        r = run(["reach", "--from", "0,0", "--range", "1km", "--targets", str(path), "--format", "csv", "--coords", "mgrs"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    ok = len(rows) == len(polar) and all(abs(float(row["target_coords"].split(",")[0]) - lat) < 1e-5 for row, (lat, _) in zip(rows, polar))
    report(ok, "polar (UPS) points fall back to decimal latitude,longitude")


def read_check(pts):
    refs = []
    for lat, lon in pts:
        precision = rng.randint(0, 5)
        s = M.toMGRS(lat, lon, MGRSPrecision=precision)
        if rng.random() < 0.5:   # "37U DB 12345 67890"
            k = len(s) - 2 * precision
            s = s[:k - 2] + " " + s[k - 2:k] + (" " + s[k:k + precision] + " " + s[k + precision:] if precision else "")
        refs.append(s)
    worst, bad = 0.0, []
    for start in range(0, len(refs), 400):
        batch = refs[start:start + 400]
        args = ["reach", "--from", "0,0", "--range", "1km", "--format", "csv"]
        for i, s in enumerate(batch):
            args += ["--target", f"r{start + i}={s}"]
        r = run(args)
        if r.returncode != 0:
            report(False, f"reading MGRS batch {start}: {r.stderr.strip()[:300]}")
            return
        for s, row in zip(batch, csv.DictReader(io.StringIO(r.stdout))):
            lat, lon = M.toLatLon(s.replace(" ", ""))
            d = GEOD.inv(lon, lat, float(row["lon"]), float(row["lat"]))[2]
            worst = max(worst, d)
            if d > 0.01:
                bad.append(f"{s}: ours {row['lat']},{row['lon']} mgrs {lat},{lon} ({d:.3f} m)")
    report(not bad, f"{len(refs)} MGRS references at 0-5 digit pairs read as mgrs.toLatLon within 1 cm (worst {worst * 1000:.2f} mm) {bad[:5]}")


def utm_check():
    cases = []
    for _ in range(600):
        lat, lon = rng.uniform(-80, 84), rng.uniform(-180, 180)
        zone = min(60, int((lon + 180) // 6) + 1)
        t = Transformer.from_crs(4326, (32600 if lat >= 0 else 32700) + zone, always_xy=True)
        e, n = t.transform(lon, lat)
        band = "CDEFGHJKLMNPQRSTUVWX"[min(19, int((lat + 80) // 8))]
        if lat - (-80 + 8 * "CDEFGHJKLMNPQRSTUVWX".index(band)) < 1e-6:
            continue   # a millimetre of rounding could put it in the band below
        cases.append((lat, lon, f"{zone}{band} {e:.4f} {n:.4f}"))
    args = ["reach", "--from", "0,0", "--range", "1km", "--format", "csv"]
    for i, (_, _, s) in enumerate(cases):
        args += ["--target", f"u{i}={s}"]
    r = run(args)
    if r.returncode != 0:
        report(False, f"reading UTM: {r.stderr.strip()[:300]}")
        return
    worst = 0.0
    for (lat, lon, _), row in zip(cases, csv.DictReader(io.StringIO(r.stdout))):
        worst = max(worst, GEOD.inv(lon, lat, float(row["lon"]), float(row["lat"]))[2])
    report(worst < 0.01, f"{len(cases)} UTM references (pyproj) read back within 1 cm (worst {worst * 1000:.2f} mm)")


def bad_inputs():
    bad = {
        "37TDB1234567890": "band T",             # square DB of zone 37 lies in band U
        "37UDB123456789": "odd count",
        "37UDI12345678": "row letter I",
        "37USB1234": "column letter S",          # zone 37 uses A-H
        "32XMH1234": "32X does not exist",
        "37YDB12": "polar",
        "99UDB12": "zone 99",
        "37UDB12345678901": "at most 10",
        "37N 412345 5712345": "band N",         # hemisphere-style N: band check says which band it is
        "37U 412345 99912345": "northing",
        "37U 0 5712345": "easting",
    }
    for text, needle in bad.items():
        r = run(["reach", "--from", text, "--range", "1km", "--target", "0,0"])
        report(r.returncode != 0 and text in r.stderr and needle in r.stderr,
               f"bad reference {text!r}: exit {r.returncode}, message names it and says {needle!r}: {r.stderr.strip()[:160]}")


pts = points()
write_check(pts)
read_check(pts[:2400])
utm_check()
bad_inputs()
finish("check-mgrs")
