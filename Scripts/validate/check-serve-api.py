#!/usr/bin/env python3
"""API checks for `strikerange serve` (issue 13) against the real server on a free loopback port:
every endpoint, and every kind of bad input (wrong types, NaN, huge geometry, unknown names, file paths,
over-long ranges) answered with a 4xx naming the field, never a 5xx or a stack trace.
Figures are checked against independent oracles (geographiclib) or the CLI's own validated commands.
Usage: check-serve-api.py path/to/strikerange"""
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Checks, Server  # noqa: E402
from geographiclib.geodesic import Geodesic  # noqa: E402

binary = os.path.abspath(sys.argv[1])
started = time.time()


def lap(what):
    print(f"  {time.time() - started:6.1f} s  {what}", file=sys.stderr)

c = Checks("check-serve-api")
G = Geodesic.WGS84


def error_of(status, body, expected_status, field, what):
    """A refusal: the status, JSON with the field, and no internals."""
    err = body.get("error") if isinstance(body, dict) else None
    c.check(status == expected_status, f"{what}: status {status}, expected {expected_status} ({body})")
    c.check(isinstance(err, dict) and err.get("field") == field and err.get("message"),
            f"{what}: error names field {field!r}: {body}")
    text = json.dumps(body)
    for leak in ("Fatal error", "Swift/", ".swift:", "Stack", "0x0000"):
        c.check(leak not in text, f"{what}: response leaks {leak!r}: {text[:200]}")


# A generous time limit: a busy machine must not turn a slow answer into a failure (the limit has its own check).
with Server(binary, "--time-limit", "600") as s:
    c.check(s.url.startswith("http://127.0.0.1:"), f"binds loopback by default and says so: {s.log}")

    # ---- static page, Leaflet, OpenAPI ----
    status, ctype, page = s.request("GET", "/")
    c.check(status == 200 and "text/html" in ctype and b"/leaflet/leaflet.js" in page, "GET / serves the page with local Leaflet")
    c.check(b"http://" not in page.replace(b"http://127.0.0.1", b"") and b"https://" not in page, "page loads nothing from the network")
    for path in ("/leaflet/leaflet.js", "/leaflet/leaflet.css", "/static/app.js", "/static/app.css"):
        status, _, data = s.request("GET", path)
        c.check(status == 200 and len(data) > 1000, f"GET {path}")
    status, _, data = s.request("GET", "/static/app.js")
    c.check(b"https://" not in data and b"tile" not in data.lower().replace(b"tolerance", b""), "app.js fetches no tiles or CDN")
    status, ctype, spec = s.request("GET", "/openapi.yaml")
    c.check(status == 200 and spec.startswith(b"openapi: 3"), "GET /openapi.yaml")
    for path in ("/api/envelope", "/api/reach", "/api/coverage", "/api/layers", "/api/map", "/api/scenario", "/api/lookup", "/api/weapons", "/api/inrange"):
        c.check(path.encode() + b":" in spec, f"openapi.yaml documents {path}")
    status, body = s.json("GET", "/../../etc/passwd")
    c.check(status == 404, f"no path traversal: {status}")
    status, body = s.json("GET", "/static/..%2F..%2Fopenapi.yaml")
    c.check(status == 404, f"no encoded path traversal: {status}")

    lap('# ---- catalog, lookup, basemap ----')
    # ---- catalog, lookup, basemap ----
    status, body = s.json("GET", "/api/weapons")
    atacms = next((w for w in body.get("weapons", []) if w["id"] == "atacms"), None)
    c.check(status == 200 and atacms and atacms["range_m"] == 300000 and atacms["sources"], f"weapons lists ATACMS with sources")
    for q, kind, code in (("Брянская область", "region", "RU-BRY"), ("Ukraine", "country", "UA"), ("Kharkov", "place", "UA-63"),
                          ("UA-RU", "border", "RU-UA"), ("Брянск", "place", None)):
        status, body = s.json("GET", "/api/lookup?q=" + urllib.parse.quote(q))
        hits = [r for r in body.get("results", []) if r["kind"] == kind and (code is None or r.get("code") == code)]
        c.check(status == 200 and hits, f"lookup {q!r} finds a {kind} {code or ''}: {body}")
    status, body = s.json("GET", "/api/lookup?q=Brynsk")
    c.check(status == 200 and not body["results"] and body["suggestions"], f"lookup of a typo suggests names: {body}")
    error_of(*s.json("GET", "/api/lookup"), 400, "q", "lookup without q")
    error_of(*s.json("GET", "/api/lookup?q=Kursk&limit=0"), 400, "limit", "lookup limit 0")
    error_of(*s.json("GET", "/api/lookup?q=" + "x" * 600), 400, "q", "lookup over-long q")
    for layer in ("countries", "admin1", "borders", "places"):
        status, body = s.json("GET", f"/api/basemap/{layer}")
        c.check(status == 200 and body.get("type") == "FeatureCollection" and body["features"], f"basemap {layer}")
    error_of(*s.json("GET", "/api/basemap/tiles"), 404, "layer", "unknown basemap layer")
    error_of(*s.json("GET", "/api/nothing"), 404, "", "unknown endpoint")

    lap('# ---- envelope: point launch')
    # ---- envelope: point launch checked against geographiclib ----
    kyiv = (50.4501, 30.5234)
    status, fc = s.json("POST", "/api/envelope", {"launch": [f"{kyiv[0]},{kyiv[1]}"], "weapons": [{"name": "test", "range": "300km"}]})
    envs = [f for f in fc.get("features", []) if f["properties"].get("layer") == "envelope"] if status == 200 else []
    c.check(len(envs) == 1, f"point envelope: one envelope feature ({status} {str(fc)[:200]})")
    if envs:
        p = envs[0]["properties"]
        err = p["achieved_error_m"]
        c.check(0 < err <= 10, f"achieved_error_m within the 10 m tolerance: {err}")
        worst = 0.0
        for poly in envs[0]["geometry"]["coordinates"]:
            for lon, lat in poly[0]:
                worst = max(worst, abs(G.Inverse(kyiv[0], kyiv[1], lat, lon)["s12"] - 300000))
        c.check(worst <= err + 1e-6, f"every boundary vertex is 300 km ± achieved_error_m from Kyiv by geographiclib: worst {worst:.3f} m, bound {err} m")

    lap('# ---- envelope from a country')
    # ---- envelope from a region: as the CLI computes it ----
    status, fc = s.json("POST", "/api/envelope", {"launch": ["region:UA-59"], "weapons": ["gmlrs"]})
    envs = [f for f in fc.get("features", []) if f["properties"].get("layer") == "envelope"] if status == 200 else []
    cli = json.loads(subprocess.run([binary, "envelope", "--from", "region:UA-59", "--weapon", "gmlrs"], capture_output=True, text=True, check=True).stdout)
    c.check(len(envs) == 1 and abs(envs[0]["properties"]["area_km2"] - cli["features"][0]["properties"]["area_km2"]) < 0.2,
            f"UA-59/GMLRS envelope area equals the CLI's ({envs[0]['properties']['area_km2'] if envs else None} vs {cli['features'][0]['properties']['area_km2']})")
    c.check(envs and envs[0]["properties"]["sources"] and envs[0]["properties"]["stroke"], "envelope carries sources and its colour")

    lap('# ---- reach: point to point')
    # ---- reach: point to point by geographiclib; area to Moscow as the CLI says ----
    status, body = s.json("POST", "/api/reach", {"launch": [f"{kyiv[0]},{kyiv[1]}"], "weapons": ["atacms", "gmlrs"],
                                                 "targets": ["Moscow=55.7558,37.6173"]})
    oracle = G.Inverse(kyiv[0], kyiv[1], 55.7558, 37.6173)["s12"]
    rows = body.get("rows", [])
    c.check(status == 200 and len(rows) == 2, f"reach rows per weapon: {body}")
    for r in rows:
        c.check(abs(r["distance_m"] - oracle) < 0.01, f"reach distance {r['distance_m']} equals geographiclib {oracle}")
        c.check(abs(r["margin_m"] - (r["range_m"] - r["distance_m"])) < 1e-6 and r["verdict"] == "out_of_range", f"margin and verdict: {r}")
    status, body = s.json("POST", "/api/reach", {"launch": ["UA"], "weapons": ["atacms"], "targets": ["Moscow"]})
    cli = subprocess.run([binary, "reach", "--from", "UA", "--weapon", "atacms", "--target", "Moscow", "--format", "json"], capture_output=True, text=True, check=True).stdout
    cli_rows = json.loads(cli)
    cli_rows = cli_rows.get("rows", cli_rows) if isinstance(cli_rows, dict) else cli_rows
    cli_distance = cli_rows[0].get("distance_m") if cli_rows else None
    c.check(status == 200 and cli_distance and abs(body["rows"][0]["distance_m"] - cli_distance) < 0.01,
            f"UA→Moscow distance equals the CLI's: {body.get('rows', [{}])[0].get('distance_m')} vs {cli_distance}")
    status, body = s.json("POST", "/api/reach", {"launch": ["UA"], "weapons": ["atacms"], "targets": ["Kursk"], "reverse": True})
    rev = body.get("reverse", {}).get("features", [])
    c.check(status == 200 and len(rev) == 1 and rev[0]["properties"]["area_km2"] > 0, f"reverse reach: part of UA that reaches Kursk: {str(body)[:300]}")

    lap('# ---- coverage: the Bryansk')
    # ---- coverage: the Bryansk question ----
    # The shipped scenario's question without the ATACMS spread (two envelopes instead of four: CI time).
    bryansk = {"launch": ["region:UA-59", "region:UA-74", "region:UA-63"], "standoff": "20km", "standoff_from": ["border:UA-RU"],
               "weapons": ["atacms", "gmlrs"], "regions": ["RU-BRY"], "targets": ["place:Moscow, RU"]}
    status, body = s.json("POST", "/api/coverage", bryansk)
    rows = {(r["weapon"], r["variant"]): r for r in body.get("rows", [])}
    c.check(status == 200 and rows.get(("atacms", "nominal"), {}).get("status") == "full", f"coverage: ATACMS covers Bryansk oblast fully: {str(body)[:300]}")
    g = rows.get(("gmlrs", "nominal"), {})
    c.check(g.get("status") == "partial" and 20 < g.get("percent", 0) < 50, f"coverage: GMLRS partial: {g}")

    lap('# ---- layers, map, scenario')
    # ---- layers, map, scenario: and the scenario runs in the CLI to the same layers ----
    status, ctype, layers = s.request("POST", "/api/layers?format=geojson", bryansk)
    c.check(status == 200 and json.loads(layers)["type"] == "FeatureCollection", "layers GeoJSON")
    status, ctype, kml = s.request("POST", "/api/layers?format=kml", bryansk)
    c.check(status == 200 and kml.startswith(b"<?xml") and b"<kml" in kml, "layers KML")
    # ---- outputs branch (issues 11-13): GeoPackage download and in-range counts ----
    temporaries = lambda: {n for n in os.listdir(tempfile.gettempdir()) if n.startswith("strikerange-serve-")}
    before = temporaries()
    status, ctype, gpkg = s.request("POST", "/api/layers?format=gpkg", bryansk)
    c.check(status == 200 and ctype == "application/geopackage+sqlite3" and gpkg.startswith(b"SQLite format 3\x00"),
            f"layers GeoPackage: {status} {ctype}")
    c.check(temporaries() <= before, f"the GeoPackage's temporary folder is removed: {temporaries() - before}")
    with tempfile.TemporaryDirectory() as tmp:
        open(os.path.join(tmp, "layers.gpkg"), "wb").write(gpkg)
        info = subprocess.run(["ogrinfo", "-ro", "-so", os.path.join(tmp, "layers.gpkg")], capture_output=True, text=True)
        c.check(info.returncode == 0 and "Warning" not in info.stdout + info.stderr and "1: launch_area" in info.stdout
                and "envelope (Multi Polygon)" in info.stdout and "layer_styles" in info.stdout and "achieved_error_m=" in info.stdout,
                f"ogrinfo opens the served GeoPackage without warning (layers, styles, metadata): {(info.stdout + info.stderr)[:400]}")
    kyiv = {"launch": ["50.45,30.52"], "weapons": ["atacms"]}
    status, report = s.json("POST", "/api/inrange?country=UA&min_population=100000", kyiv)
    cli = subprocess.run([binary, "inrange", "--from", "50.45,30.52", "--weapon", "atacms", "--country", "UA", "--min-population", "100000",
                          "--in-range-only", "--format", "json"], capture_output=True, text=True)
    same = status == 200 and cli.returncode == 0 and report.get("metadata", {}).get("totals") == json.loads(cli.stdout)["metadata"]["totals"]
    c.check(same, f"in-range counts equal `strikerange inrange` on the same view: {status} {str(report)[:300]}")
    places = [t for t in report.get("metadata", {}).get("totals", []) if t.get("level") == "all" and t.get("layer") == "places"]
    c.check(places and places[0]["in_range"].get("atacms", 0) >= 10 and places[0]["population_in_range"]["atacms"] > 2_000_000,
            f"in-range places around Kyiv include Kyiv's population: {places}")
    error_of(*s.json("POST", "/api/inrange?country=Narnia", kyiv), 400, "country", "in-range unknown country")
    error_of(*s.json("POST", "/api/inrange?min_population=-5", kyiv), 400, "min_population", "in-range negative population")
    error_of(*s.json("POST", "/api/layers?format=shp", kyiv), 400, "format", "layers format shp")
    status, ctype, svg = s.request("POST", "/api/map?format=svg", bryansk)
    c.check(status == 200 and b"<svg" in svg[:500], "map SVG")
    status, ctype, png = s.request("POST", "/api/map?format=png", bryansk)
    c.check(status == 200 and png.startswith(b"\x89PNG") and ctype == "image/png", "map PNG")
    error_of(*s.json("POST", "/api/map?format=gif", bryansk), 400, "format", "map format gif")
    status, ctype, yaml_text = s.request("POST", "/api/scenario", bryansk)
    c.check(status == 200 and b"strikerange run" in yaml_text and b"standoff_from:" in yaml_text, "scenario YAML")
    # The round trip through `strikerange run` on a small view (the Bryansk one takes half a minute in a debug build).
    small = {"launch": ["50.45,30.52"], "weapons": ["gmlrs", {"name": "h", "range": "120km", "min_range": "10km"}],
             "regions": ["UA-32"], "targets": ["Bila Tserkva"], "tolerance": "5m"}
    status, ctype, small_layers = s.request("POST", "/api/layers?format=geojson", small)
    status, ctype, small_yaml = s.request("POST", "/api/scenario", small)
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in (("scenario.yaml", small_yaml), ("layers.geojson", layers), ("layers.kml", kml), ("map.png", png)):
            open(os.path.join(tmp, name), "wb").write(data)
        ran = subprocess.run([binary, "run", "scenario.yaml", "--output", "out"], cwd=tmp, capture_output=True, text=True)
        c.check(ran.returncode == 0, f"strikerange run reads the exported scenario: {ran.stderr[-500:]}")
        if ran.returncode == 0:
            run_layers = json.load(open(os.path.join(tmp, "out", "layers.geojson")))
            ours = json.loads(small_layers)
            key = lambda fc: [(f["properties"].get("layer"), f["properties"].get("name"), f["properties"].get("area_km2")) for f in fc["features"]]
            c.check(key(run_layers) == key(ours), "the exported scenario reproduces the served layers (names, areas)")
        for name in ("layers.geojson", "layers.kml"):
            info = subprocess.run(["ogrinfo", "-ro", "-so", "-al", os.path.join(tmp, name)], capture_output=True, text=True)
            c.check(info.returncode == 0 and "Feature Count" in info.stdout, f"ogrinfo opens {name}: {info.stderr[-200:]}")
    drawn = {"geojson": {"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 51], [30, 50]]]}, "name": "drawn area 1"}
    status, ctype, text = s.request("POST", "/api/scenario", {"launch": [drawn], "weapons": ["gmlrs"]})
    c.check(status == 200 and b"file:launch-1.geojson" in text, f"drawn polygon exported as a file reference: {text[:400]}")
    status, fc = s.json("POST", "/api/envelope", {"launch": [drawn], "exclude": ["50.5,30.5"], "weapons": ["gmlrs"]})
    c.check(status == 200 and any(f["properties"].get("layer") == "envelope" for f in fc.get("features", [])), f"inline polygon launch: {str(fc)[:200]}")

    lap('# ---- bad input')
    # ---- bad input: 4xx naming the field ----
    view = {"launch": ["UA"], "weapons": ["atacms"]}
    bad = [
        ("not JSON", None, b"{launch: UA", 400, ""),
        ("NaN", None, b'{"launch": ["UA"], "weapons": [{"name": "x", "range": NaN}]}', 400, ""),
        ("a list body", [1, 2], None, 400, ""),
        ("missing launch", {"weapons": ["atacms"]}, None, 400, "launch"),
        ("empty launch", {"launch": [], "weapons": ["atacms"]}, None, 400, "launch"),
        ("launch not a list", {"launch": "UA", "weapons": ["atacms"]}, None, 400, "launch"),
        ("weapon a number", {"launch": ["UA"], "weapons": [5]}, None, 400, "weapons[0]"),
        ("standoff a number", dict(view, standoff=20), None, 400, "standoff"),
        ("make_valid text", dict(view, make_valid="yes"), None, 400, "make_valid"),
        ("unknown member", dict(view, lanch=["UA"]), None, 400, "lanch"),
        ("unknown weapon", {"launch": ["UA"], "weapons": ["atacmz"]}, None, 400, "weapons[0].id"),
        ("unknown region", {"launch": ["Narnia"], "weapons": ["atacms"]}, None, 400, "launch[0]"),
        ("ambiguous name", {"launch": ["Kharkiv"], "weapons": ["atacms"]}, None, 400, "launch[0]"),
        ("latitude 95", {"launch": ["95,30"], "weapons": ["atacms"]}, None, 400, "launch[0]"),
        ("file path", {"launch": ["/etc/passwd"], "weapons": ["atacms"]}, None, 400, "launch[0]"),
        ("file: prefix", {"launch": ["file:secret.geojson"], "weapons": ["atacms"]}, None, 400, "launch[0]"),
        ("file target", dict(view, targets=["x=../../a.geojson"]), None, 400, "targets[0]"),
        ("file exclusion", dict(view, exclude=["~/.ssh/id_rsa.json"]), None, 400, "exclude[0]"),
        ("range without unit", {"launch": ["UA"], "weapons": [{"name": "x", "range": "300"}]}, None, 400, "weapons[0].range"),
        ("negative range", {"launch": ["UA"], "weapons": [{"name": "x", "range": "-5km"}]}, None, 400, "weapons[0].range"),
        ("NaN range", {"launch": ["UA"], "weapons": [{"name": "x", "range": "nankm"}]}, None, 400, "weapons[0].range"),
        ("range 1e9 km", {"launch": ["50,30"], "weapons": [{"name": "x", "range": "1e9km"}]}, None, 400, "weapons[0].range"),
        ("area range 8000 km", {"launch": ["UA"], "weapons": [{"name": "x", "range": "8000km"}]}, None, 400, "weapons[0].range"),
        ("min above max", {"launch": ["UA"], "weapons": [{"name": "x", "range": "100km", "min_range": "200km"}]}, None, 400, "weapons[0].min_range"),
        ("tolerance too small", dict(view, tolerance="0.1mm"), None, 400, "tolerance"),
        ("placement unknown", dict(view, placement="middle"), None, 400, "placement"),
        ("standoff_from without standoff", dict(view, standoff_from=["border:UA-RU"]), None, 400, "standoff_from"),
        ("reach without targets", view, None, 400, "targets"),
        ("inline not GeoJSON", {"launch": [{"geojson": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}}], "weapons": ["gmlrs"]}, None, 400, "launch[0].geojson"),
        ("inline bow-tie", {"launch": [{"geojson": {"type": "Polygon", "coordinates": [[[30, 50], [31, 51], [31, 50], [30, 51], [30, 50]]]}}], "weapons": ["gmlrs"]}, None, 400, "launch"),
        ("inline long edge", {"launch": [{"geojson": {"type": "LineString", "coordinates": [[-170, 0], [170, 0]]}}], "weapons": ["gmlrs"]}, None, 400, "launch[0].geojson"),
        ("inline extra key", {"launch": [{"geojson": {"type": "Point", "coordinates": [30, 50]}, "path": "/etc"}], "weapons": ["gmlrs"]}, None, 400, "launch[0].path"),
        ("too many entries", {"launch": ["UA"] * 201, "weapons": ["atacms"]}, None, 400, "launch"),
    ]
    for what, body, raw, expected, field in bad:
        path = "/api/reach" if what == "reach without targets" else "/api/envelope"
        error_of(*s.json("POST", path, body=body, raw=raw), expected, field, what)
    ring = [[30 + (i % 1000) * 0.001, 50 + (i // 1000) * 0.001] for i in range(60000)]
    error_of(*s.json("POST", "/api/envelope", {"launch": [{"geojson": {"type": "MultiPoint", "coordinates": ring}}], "weapons": ["gmlrs"]}),
             400, "launch[0].geojson", "huge geometry (60,000 positions)")
    error_of(*s.json("POST", "/api/envelope", raw=b'{"launch": ["' + b"x" * (5 << 20) + b'"]}'), 413, "", "body over 4 MiB")
    status, body = s.json("GET", "/api/health")
    c.check(status == 200 and body.get("status") == "ok", "still healthy after the bad inputs")

lap('# Limits: one computation')
# Limits: one computation past --time-limit gets 503 while light requests are still answered.
with Server(binary, "--jobs", "1", "--time-limit", "1") as s:
    results = {}
    slow = threading.Thread(target=lambda: results.setdefault("slow", s.json("POST", "/api/envelope",
        {"launch": ["RU"], "weapons": [{"name": "x", "range": "2900km"}]})))
    slow.start()
    status, body = s.json("GET", "/api/health")
    c.check(status == 200, "light requests are answered while a heavy one runs")
    slow.join()
    status, body = results["slow"]
    error_of(status, body, 503, "", "computation over the time limit")
    c.check("limit" in body.get("error", {}).get("message", ""), f"503 says why: {body}")

lap('done')
c.finish()
