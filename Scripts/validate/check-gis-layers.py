#!/usr/bin/env python3
"""GIS-ready outputs (issue 11), checked with GDAL's own tools (ogrinfo, ogr2ogr from gdal-bin), which share no
code with StrikeRange's writer:

- `run` of the shipped scenario writes layers.gpkg with one layer per kind, one geometry type each, typed fields
  of at most 10 characters, QGIS styles (layer_styles) and metadata (tolerance, achieved error, sources);
- layers.kml carries the figures as ExtendedData (read back as fields by GDAL's KML driver);
- every layer converts to Shapefile (UTF-8), FlatGeobuf and GeoPackage, and layers.geojson and layers.kml to
  GeoPackage, with no warning and no error from GDAL, and text survives (UTF-8 in the Shapefile);
- the figures in the GeoPackage equal those of coverage.csv and reach.csv;
- `envelope --output x.gpkg|x.fgb` writes a readable layer; any other extension is refused before computing;
- `reach`, `coverage` and `inrange --output x.gpkg|x.fgb`: one table per layer, typed fields with the figures of
  the same command's CSV, styles and metadata, clean conversions; a typo'd extension is refused;
- `--format csv-wkt` on envelope, reach, coverage and inrange: GDAL's CSV driver reads the `wkt` column, lon/lat.
Usage: check-gis-layers.py PATH/TO/strikerange
"""
import csv, os, re, shutil, subprocess, sys, tempfile
from oracle import report, finish  # Scripts/validate/oracle.py

BINARY = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/strikerange")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


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
        report(r.returncode == 0 and os.path.isfile(path) and "Multi Polygon" in info and "range_m (Real) = 300000" in info and "minrange_m (Real) = 70000" in info,
               f"envelope --output kyiv.{ext}: one envelope with range_m and minrange_m")
    r = subprocess.run([BINARY, "envelope", "--from", "50.45,30.52", "--range", "300km", "--output", os.path.join(work, "kyiv.shp")],
                       capture_output=True, text=True)
    report(r.returncode != 0 and ".gpkg" in r.stderr and not os.path.exists(os.path.join(work, "kyiv.shp")),
           "envelope --output kyiv.shp is refused, naming the formats, and writes nothing")

    # ---- issues 11/12 (outputs branch): --output x.gpkg|x.fgb and --format csv-wkt on reach, coverage, inrange ----
    def strike(*args):
        return subprocess.run([BINARY, *args], cwd=work, capture_output=True, text=True)

    def fields_of(path, layer):
        _, info = gdal("ogrinfo", "-ro", "-so", path, layer)
        return dict(re.findall(r"^([^\s:]+): ([\w()]+)", info.split("Geometry Column")[-1], re.M))

    with open(os.path.join(work, "targets.csv"), "w") as f:
        f.write("name,lat,lon,a_long_passthrough_column\nBryansk,53.2434,34.3654,x\nMoscow,55.7558,37.6173,y\n"
                "Kursk,51.7304,36.1926,z\nDateline,60,180,v\n")
    commands = {
        "reach": ["reach", "--from", "UA", "--weapon", "atacms", "--weapon", "storm-shadow", "--targets", "targets.csv"],
        "coverage": ["coverage", "--from", "region:UA-59", "--weapon", "gmlrs", "--regions", "RU-BRY,RU-KRS,border:UA-RU"],
        "inrange": ["inrange", "--from", "region:UA-59", "--weapon", "gmlrs", "--what", "airfields,places", "--country", "RU", "--admin1", "RU-KRS", "--admin1", "RU-BRY"],
    }
    main_layer = {"reach": "target", "coverage": "coverage_polygons", "inrange": "in_range"}
    expected_layers = {"reach": {"launch_area": "Multi Polygon", "target": "Point", "layer_styles": "None"},
                       "coverage": {"launch_area": "Multi Polygon", "envelope": "Multi Polygon", "coverage_lines": "Multi Line String",
                                    "coverage_polygons": "Multi Polygon", "layer_styles": "None"},
                       "inrange": {"launch_area": "Multi Polygon", "in_range": "Point", "layer_styles": "None"}}
    typed = {"reach": {"distance_m": "Real", "margin_m": "Real", "reachable": "Integer(Boolean)", "verdict": "String", "range_m": "Real"},
             "coverage": {"inrng_km2": "Real", "percent": "Real", "status": "String", "nearest_m": "Real"},
             "inrange": {"distance_m": "Real", "reachable": "Integer(Boolean)", "population": "Integer64", "military": "Integer(Boolean)"}}
    for name, args in commands.items():
        path = os.path.join(work, f"{name}.gpkg")
        r = strike(*args, "--output", path)
        report(r.returncode == 0 and os.path.exists(path), f"{name} --output {name}.gpkg (exit {r.returncode}) {r.stderr[-300:] if r.returncode else ''}")
        summary = clean(f"ogrinfo {name}.gpkg", "ogrinfo", "-ro", "-so", path)
        got = dict(re.findall(r"^\d+: (\w+) \(([^)]*)\)", summary, re.M))
        report(got == expected_layers[name], f"{name}.gpkg: one table per layer, one geometry type each: {got}")
        for key in ("tolerance_m=10.000", "sources=", "edges=", "title="):
            report(key in summary, f"{name}.gpkg metadata has {key.rstrip('=')}")
        if name == "coverage":
            report(re.search(r"achieved_error_m=\d", summary), "coverage.gpkg metadata has the envelopes' achieved error")
        for layer in [l for l in got if l != "layer_styles"]:
            fields = fields_of(path, layer)
            long_names = [f for f in fields if len(f) > 10]
            report(fields and not long_names, f"{name}.gpkg {layer}: {len(fields)} fields, none longer than 10 characters {long_names or ''}")
            clean(f"{name}.gpkg {layer} -> Shapefile", "ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", os.path.join(work, f"{name}-{layer}.shp"), path, layer)
            clean(f"{name}.gpkg {layer} -> FlatGeobuf", "ogr2ogr", "-f", "FlatGeobuf", os.path.join(work, f"{name}-{layer}.fgb"), path, layer)
        fields = fields_of(path, main_layer[name])
        wrong = {k: (fields.get(k), v) for k, v in typed[name].items() if fields.get(k) != v}
        report(not wrong, f"{name}.gpkg {main_layer[name]}: typed fields {sorted(typed[name])} {wrong or ''}")
        _, styles = gdal("ogrinfo", "-ro", "-al", path, "layer_styles")
        report(styles.count("useAsDefault (Integer(Boolean)) = 1") == len(got) - 1, f"{name}.gpkg: a default QGIS style per layer")

        # The same figures as the CSV of the same command (the shared vocabulary).
        r = strike(*args, "--format", "csv")
        table = list(csv.DictReader(r.stdout.splitlines()))
        _, layer_csv = gdal("ogr2ogr", "-f", "CSV", "/vsistdout/", path, main_layer[name])
        rows = list(csv.DictReader(layer_csv.splitlines()))
        if name == "reach":
            key = lambda row: (row["name"], row["weapon"], row["variant"])
            by = {key(t): t for t in table}
            same = len(rows) == len(table) and all(
                (r_["distance_m"] or "") == (by[key(r_)]["distance_m"] and str(float(by[key(r_)]["distance_m"])).rstrip("0").rstrip(".") or "")
                or abs(float(r_["distance_m"]) - float(by[key(r_)]["distance_m"])) < 1e-6 for r_ in rows)
            verdicts = all(r_["verdict"] == by[key(r_)]["verdict"] and (r_["reachable"] == "1") == (r_["verdict"] == "in_range") for r_ in rows)
            report(same and verdicts, f"reach.gpkg: distance_m, verdict and reachable equal reach --format csv ({len(rows)} rows)")
            report(any("a_long_passthrough_column" in l for l in gdal("ogrinfo", "-ro", "-so", path, "target")[1].splitlines()) or
                   "a_long_pas" in fields, "reach.gpkg keeps the passthrough column (short name, long alias)")
        elif name == "coverage":
            by = {(t["region_code"], t["weapon"], t["variant"]): t for t in table}
            polygons = rows + list(csv.DictReader(gdal("ogr2ogr", "-f", "CSV", "/vsistdout/", path, "coverage_lines")[1].splitlines()))
            same = len(polygons) == len(table) and all(abs(float(r_["percent"]) - float(by[(r_["reg_code"], r_["weapon"], r_["variant"])]["percent"])) < 1e-9 for r_ in polygons)
            report(same, f"coverage.gpkg: percent equals coverage --format csv ({len(polygons)} rows)")
        else:
            by = {t["id"]: t for t in table}
            same = len(rows) == len(table) and all(abs(float(r_["distance_m"]) - float(by[r_["id"]]["distance_m"])) < 1e-6 for r_ in rows)
            report(same, f"inrange.gpkg: distance_m equals inrange --format csv ({len(rows)} rows)")

        fgb = os.path.join(work, f"{name}.fgb")
        # A FlatGeobuf holds one layer: coverage of areas only (a border would add a line layer).
        r = strike(*[("RU-BRY,RU-KRS" if a_ == "RU-BRY,RU-KRS,border:UA-RU" else a_) for a_ in args], "--output", fgb)
        info = clean(f"ogrinfo {name}.fgb", "ogrinfo", "-ro", "-so", fgb) if r.returncode == 0 else r.stderr
        report(r.returncode == 0 and os.path.isfile(fgb) and re.search(r"^1: " + ("target" if name == "reach" else "coverage" if name == "coverage" else "in_range"), info, re.M),
               f"{name} --output {name}.fgb: its main layer ({r.stderr[-200:] if r.returncode else 'ok'})")

        r = strike(*args, "--output", os.path.join(work, f"{name}.gkpg"))
        report(r.returncode != 0 and ".gpkg" in r.stderr and "--format" in r.stderr and not os.path.exists(os.path.join(work, f"{name}.gkpg")),
               f"{name} --output {name}.gkpg (a typo, no --format) is refused naming the choices, and writes nothing")
        r = strike(*args, "--output", path, "--format", "csv")
        report(r.returncode != 0 and "drop --format" in r.stderr, f"{name} --output {name}.gpkg --format csv is refused")

        # CSV with WKT: GDAL's CSV driver reads the wkt column as the geometry, lon/lat order.
        wkt_path = os.path.join(work, f"{name}-wkt.csv")
        r = strike(*args, "--format", "csv-wkt", "--output", wkt_path)
        info = clean(f"ogrinfo {name} --format csv-wkt", "ogrinfo", "-ro", "-al", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO", wkt_path)
        first = open(wkt_path).readline().strip().split(",")
        report(r.returncode == 0 and first[-1] == "wkt" and re.search(r"^\s+(MULTI)?(POINT|POLYGON|LINESTRING)", info, re.M),
               f"{name} --format csv-wkt: a last column wkt that GDAL reads as geometry")
        if name == "reach":
            m = re.search(r"name \(String\) = Bryansk.*?POINT \(([-\d.]+) ([-\d.]+)\)", info, re.S)
            report(m and abs(float(m.group(1)) - 34.3654) < 1e-6 and abs(float(m.group(2)) - 53.2434) < 1e-6,
                   "reach csv-wkt: the point is written lon lat (34.3654 53.2434 for Bryansk)")
    r = strike("envelope", "--from", "50.45,30.52", "--range", "300km", "--format", "csv-wkt", "--output", os.path.join(work, "kyiv.csv"))
    info = clean("ogrinfo envelope --format csv-wkt", "ogrinfo", "-ro", "-al", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO", os.path.join(work, "kyiv.csv"))
    report(r.returncode == 0 and "MULTIPOLYGON" in info and "range_m (String) = 300000" in info, "envelope --format csv-wkt: the envelope as a wkt column with its figures")
finally:
    shutil.rmtree(work, ignore_errors=True)

finish("check-gis-layers")
