#!/usr/bin/env python3
"""`reach --output x.gpkg` on 100,000 targets (outputs branch, issue 11): the target layer is written chunk by chunk,
so it holds every row, its figures equal the CSV path's, and its peak memory stays close to the CSV path's
(measured with GNU time's maximum resident set size: memory, not time, is asserted).
Usage: check-reach-gpkg-100k.py PATH/TO/strikerange"""
import csv, os, random, re, shutil, subprocess, sys, tempfile
from oracle import finish, report as check  # Scripts/validate/oracle.py

BINARY = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/strikerange")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COUNT = 100_000



def measured(args, cwd):
    """Runs the binary under /usr/bin/time; returns (exit code, peak RSS in KB, seconds, stderr)."""
    r = subprocess.run(["/usr/bin/time", "-f", "%M %e", BINARY, *args], cwd=cwd, capture_output=True, text=True)
    last = r.stderr.strip().splitlines()[-1].split()
    return r.returncode, int(last[0]), float(last[1]), r.stderr


work = tempfile.mkdtemp(prefix="check-reach-gpkg-")
try:
    rng = random.Random(2026)
    with open(os.path.join(work, "targets.csv"), "w") as f:
        f.write("name,lat,lon,site_code\n")
        # Within about 1,500 km of the launch area, where an analyst's targets are (a worldwide set takes minutes
        # in a debug build: far targets cost more exact distance work), with a code passed through.
        for i in range(COUNT):
            f.write(f"t{i},{rng.uniform(40, 62):.6f},{rng.uniform(15, 55):.6f},S{i:06d}\n")
    common = ["reach", "--from", "region:UA-59", "--weapon", "atacms", "--targets", "targets.csv", "--chunk-rows", "20000"]
    rc_csv, rss_csv, s_csv, err = measured(common + ["--format", "csv", "--output", "t.csv"], work)
    check(rc_csv == 0, f"reach --format csv on {COUNT:,} targets: {s_csv:.1f} s, {rss_csv / 1024:.0f} MB {err[-200:] if rc_csv else ''}")
    rc, rss, s, err = measured(common + ["--output", "t.gpkg"], work)
    check(rc == 0, f"reach --output t.gpkg on {COUNT:,} targets: {s:.1f} s, {rss / 1024:.0f} MB {err[-200:] if rc else ''}")
    # Holding every row as a layer would take several times the CSV path's memory; one chunk at a time stays near it.
    check(rss <= 1.5 * rss_csv + 20_000, f"peak memory {rss / 1024:.0f} MB is within 1.5x the CSV path's {rss_csv / 1024:.0f} MB (+20 MB)")
    info = subprocess.run(["ogrinfo", "-ro", "-so", os.path.join(work, "t.gpkg"), "target"], capture_output=True, text=True)
    check(f"Feature Count: {COUNT}" in info.stdout and "Warning" not in info.stdout + info.stderr, f"the target layer holds {COUNT:,} rows, no warning")
    sample = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/", os.path.join(work, "t.gpkg"), "target",
                             "-where", "fid % 997 = 1"], capture_output=True, text=True)
    rows = list(csv.DictReader(sample.stdout.splitlines()))
    table = {r["name"]: r for r in csv.DictReader(open(os.path.join(work, "t.csv")))}
    same = rows and all(r["verdict"] == table[r["name"]]["verdict"] and r["site_code"] == table[r["name"]]["site_code"]
                        and abs(float(r["distance_m"]) - float(table[r["name"]]["distance_m"])) < 1e-6 for r in rows)
    check(same, f"{len(rows)} sampled rows: verdict, distance_m and the passthrough column equal the CSV's")
finally:
    shutil.rmtree(work, ignore_errors=True)

finish("check-reach-gpkg-100k")
