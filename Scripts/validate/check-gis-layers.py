#!/usr/bin/env python3
"""GIS-ready outputs (issue 11), checked with GDAL's own tools (ogrinfo, ogr2ogr from gdal-bin), which share no
code with StrikeRange's writer:

- `run` of the shipped scenario writes layers.gpkg with one layer per kind, one geometry type each, typed fields
  of at most 10 characters, QGIS styles (layer_styles) and metadata (tolerance, achieved error, sources);
- layers.kml carries the figures as ExtendedData (read back as fields by GDAL's KML driver);
- every layer converts to Shapefile (UTF-8), FlatGeobuf and GeoPackage, and layers.geojson and layers.kml to
  GeoPackage, with no warning and no error from GDAL, and text survives (UTF-8 in the Shapefile);
- the figures in the GeoPackage equal those of coverage.csv and reach.csv;
- `envelope --output x.gpkg|x.fgb` writes a readable layer; any other extension is refused before computing.
Usage: check-gis-layers.py PATH/TO/strikerange
"""
import csv, os, re, shutil, subprocess, sys, tempfile

BINARY = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/strikerange")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
passed = failed = 0


def report(ok, text):
    global passed, failed
    passed, failed = passed + bool(ok), failed + (not ok)
    print(("ok    " if ok else "FAIL  ") + text)


def gdal(*args):
    r = subprocess.run(list(args), capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


def clean(label, *args):
    rc, out = gdal(*args)
    report(rc == 0 and "Warning" not in out and "ERROR" not in out, f"{label}: no GDAL warning or error" + ("" if rc == 0 and "Warning" not in out and "ERROR" not in out else f"\n      {out[:600]}"))
    return out


work = tempfile.mkdtemp(prefix="check-gis-")
try:
    os.symlink(os.path.join(ROOT, "Data"), os.path.join(work, "Data"))
    r = subprocess.run([BINARY, "run", "Data/scenarios/atacms-bryansk.yaml", "--output", "out"], cwd=work, capture_output=True, text=True)
    report(r.returncode == 0, f"run the shipped scenario (exit {r.returncode}) {r.stderr[-300:] if r.returncode else ''}")
    out = os.path.join(work, "out")
    gpkg = os.path.join(out, "layers.gpkg")

    summary = clean("ogrinfo layers.gpkg", "ogrinfo", "-ro", "-so", gpkg)
    layers = dict(re.findall(r"^\d+: (\w+) \(([^)]*)\)", summary, re.M))
    expected = {"launch_area": "Multi Polygon", "envelope": "Multi Polygon", "coverage": "Multi Polygon",
                "region": "Multi Polygon", "border": "Multi Line String", "target": "Point", "in_range": "Point", "layer_styles": "None"}
    report(layers == expected, f"one layer per kind, one geometry type each: {layers}")
    for key in ("tolerance_m=10.000", "achieved_error_m=", "sources=", "edges="):
        report(key in summary, f"GeoPackage metadata has {key.rstrip('=')}")

    for layer in [l for l in expected if l != "layer_styles"]:
        info = clean(f"ogrinfo {layer}", "ogrinfo", "-ro", "-so", gpkg, layer)
        fields = re.findall(r"^([^\s:]+): (\w+)", info.split("Geometry Column")[-1], re.M)
        long_names = [f for f, _ in fields if len(f) > 10]
        report(fields and not long_names, f"{layer}: {len(fields)} typed fields, none longer than 10 characters {long_names or ''}")
        clean(f"{layer} -> Shapefile", "ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", os.path.join(work, f"{layer}.shp"), gpkg, layer)
        clean(f"{layer} -> FlatGeobuf", "ogr2ogr", "-f", "FlatGeobuf", os.path.join(work, f"{layer}.fgb"), gpkg, layer)
    clean("layers.gpkg -> GeoPackage", "ogr2ogr", "-f", "GPKG", os.path.join(work, "copy.gpkg"), gpkg)
    clean("layers.geojson -> GeoPackage", "ogr2ogr", "-f", "GPKG", os.path.join(work, "from-geojson.gpkg"), os.path.join(out, "layers.geojson"))
    clean("layers.kml -> GeoPackage", "ogr2ogr", "-f", "GPKG", os.path.join(work, "from-kml.gpkg"), os.path.join(out, "layers.kml"))

    _, kml = gdal("ogrinfo", "-ro", "-al", os.path.join(out, "layers.kml"))
    report(all(re.search(rf"^\s+{k} \(\w+\) = \S", kml, re.M) for k in ("achieved_error_m", "range_m", "tolerance_m", "sources", "percent", "area_in_range_km2")),
           "layers.kml: figures as ExtendedData that GDAL reads as fields (achieved_error_m, range_m, tolerance_m, sources, percent)")

    _, shp = gdal("ogrinfo", "-ro", "-al", os.path.join(work, "coverage.shp"))
    report("—" in shp, "UTF-8 text (an em dash in coverage names) survives the Shapefile")

    _, types = gdal("ogrinfo", "-ro", "-so", gpkg, "coverage")
    report(re.search(r"^percent: Real", types, re.M) and re.search(r"^inrng_km2: Real", types, re.M)
           and re.search(r"^status: String", types, re.M), "coverage: percent and inrng_km2 are Real, status String")
    _, types = gdal("ogrinfo", "-ro", "-so", gpkg, "target")
    report(re.search(r"^reachable: Integer\(Boolean\)", types, re.M) and re.search(r"^distance_m: Real", types, re.M),
           "target: reachable is a Boolean, distance_m Real")

    # Figures equal the tables'.
    _, cov = gdal("ogr2ogr", "-f", "CSV", "/vsistdout/", gpkg, "coverage")
    rows = list(csv.DictReader(cov.splitlines()))
    table = {(r["region_code"], r["weapon"], r["variant"]): r for r in csv.DictReader(open(os.path.join(out, "coverage.csv")))}
    same = rows and all(abs(float(r["percent"]) - float(table[(r["reg_code"], r["weapon"], r["variant"])]["percent"])) < 1e-9 for r in rows)
    report(same, f"coverage percent in the GeoPackage equals coverage.csv ({len(rows)} rows)")

    _, styles = gdal("ogrinfo", "-ro", "-al", gpkg, "layer_styles")
    report(styles.count("useAsDefault (Integer(Boolean)) = 1") == len(expected) - 1 and "categorizedSymbol" in styles,
           "layer_styles: a default QGIS style per layer, envelopes categorized by weapon")

    for ext in ("gpkg", "fgb"):
        path = os.path.join(work, f"kyiv.{ext}")
        r = subprocess.run([BINARY, "envelope", "--from", "50.45,30.52", "--range", "300km", "--min-range", "70km", "--output", path],
                           capture_output=True, text=True)
        info = clean(f"envelope --output kyiv.{ext}", "ogrinfo", "-ro", "-al", path) if r.returncode == 0 else r.stderr
        report(r.returncode == 0 and "Multi Polygon" in info and "range_m (Real) = 300000" in info and "minrange_m (Real) = 70000" in info,
               f"envelope --output kyiv.{ext}: one envelope with range_m and minrange_m")
    r = subprocess.run([BINARY, "envelope", "--from", "50.45,30.52", "--range", "300km", "--output", os.path.join(work, "kyiv.shp")],
                       capture_output=True, text=True)
    report(r.returncode != 0 and ".gpkg" in r.stderr and not os.path.exists(os.path.join(work, "kyiv.shp")),
           "envelope --output kyiv.shp is refused, naming the formats, and writes nothing")
finally:
    shutil.rmtree(work, ignore_errors=True)

print(f"check-gis-layers: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
