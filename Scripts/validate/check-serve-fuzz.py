#!/usr/bin/env python3
"""Seeded fuzzing of `strikerange serve`'s endpoints (issue 13): random and malformed bodies and query strings,
mutated from valid views and from raw bytes. Passes when no answer is a 5xx (a 503 "took longer than the limit"
is the documented answer to a too-slow request and is counted, not failed), every answer to /api/* is JSON or the
asked-for format, and the server is still alive and answering at the end.
Usage: check-serve-fuzz.py path/to/strikerange [cases] [seed]"""
import json
import os
import random
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Checks, Server  # noqa: E402

binary = sys.argv[1]
cases = int(sys.argv[2]) if len(sys.argv) > 2 else 150
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 13
rng = random.Random(seed)
c = Checks(f"check-serve-fuzz (seed {seed}, {cases} cases)")

TEXTS = ["UA", "RU-BRY", "region:UA-59", "place:Kursk, RU", "border:UA-RU", "border:UA-US", "50.45,30.52", "-33.9,18.4",
         "95,30", "50,190", "point:", "region:", "file:", "file:x.geojson", "/etc/passwd", "C:\\x.geojson", "-", "", " ", "—",
         "Kharkiv", "Брянская область", "Москва", "a=b=c", "=50,30", "x=", "\u0000", "\ufeffUA", "😀", "%s%n", "../..", "NaN,NaN",
         "1e308,1e308", "50°27'N 30°31'E", "50.45N 30.52W", "90,0", "-90,180", "0,-180", "Kursk RU", "UA-RU", "country:ZZ"]
DISTANCES = ["300km", "0km", "0m", "1mm", "0.0000001km", "1e999km", "nankm", "infkm", "-5km", "5", "km", "300 KM", "186mi",
             "162nmi", "20004km", "20003.9km", "10000km", "1e-320km", "3000km", "  70km ", "300km300km", "٣٠٠km"]
NUMBERS = [0, -0.0, 1, -1, 1e308, -1e308, 5e-324, 2**63, -2**63, 1e16 + 1, 0.1, 180.0000001, 90.5]


def random_value(depth=0):
    kind = rng.randrange(8 if depth < 3 else 5)
    if kind == 0: return rng.choice(TEXTS)
    if kind == 1: return rng.choice(DISTANCES)
    if kind == 2: return rng.choice(NUMBERS)
    if kind == 3: return rng.choice([True, False, None])
    if kind == 4: return "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(0, 12)))
    if kind == 5: return [random_value(depth + 1) for _ in range(rng.randrange(0, 4))]
    if kind == 6: return {rng.choice(["launch", "weapons", "id", "geojson", "type", "range", "x"]): random_value(depth + 1) for _ in range(rng.randrange(0, 3))}
    return random_geojson()


def random_position():
    return [rng.choice([rng.uniform(-180, 180), rng.choice(NUMBERS)]), rng.choice([rng.uniform(-90, 90), rng.choice(NUMBERS)])]


def random_geojson():
    t = rng.choice(["Point", "LineString", "Polygon", "MultiPolygon", "Feature", "FeatureCollection", "GeometryCollection", "Bogus"])
    lon, lat = rng.uniform(-180, 180), rng.uniform(-89, 89)
    small = lambda: [[round(lon + rng.uniform(-1, 1), 4), round(lat + rng.uniform(-1, 1), 4)] for _ in range(rng.randrange(0, 6))]
    if t == "Point": return {"type": t, "coordinates": rng.choice([random_position(), [lon, lat], [], [lon], [lon, lat, 5, 6]])}
    if t == "LineString": return {"type": t, "coordinates": small()}
    if t == "Polygon":
        ring = small(); ring = ring + ring[:1] if rng.random() < 0.7 else ring
        return {"type": t, "coordinates": [ring] if rng.random() < 0.9 else ring}
    if t == "MultiPolygon": return {"type": t, "coordinates": [[small()]]}
    if t == "Feature": return {"type": t, "geometry": rng.choice([None, random_geojson()]), "properties": rng.choice([None, {}, []])}
    if t == "FeatureCollection": return {"type": t, "features": [random_geojson() for _ in range(rng.randrange(0, 3))]}
    if t == "GeometryCollection": return {"type": t, "geometries": [random_geojson() for _ in range(rng.randrange(0, 3))]}
    return {"type": t, "coordinates": random_value(2)}


def base_view():
    """A valid, cheap view: a point launch and short ranges."""
    lat, lon = rng.uniform(-80, 80), rng.uniform(-180, 180)
    return {"launch": [f"{lat:.4f},{lon:.4f}"], "weapons": [rng.choice(["gmlrs", "iskander-m", {"name": "x", "range": "150km"}])],
            "targets": [f"{rng.uniform(-89, 89):.4f},{rng.uniform(-180, 180):.4f}"], "regions": ["UA-32"]}


MEMBERS = ["title", "launch", "exclude", "standoff", "standoff_from", "make_valid", "weapons", "spread", "regions", "targets",
           "tolerance", "placement", "reverse", "bogus"]


def mutated_view():
    view = base_view()
    for _ in range(rng.randrange(1, 4)):
        op = rng.randrange(6)
        key = rng.choice(MEMBERS)
        if op == 0: view.pop(key, None)
        elif op == 1: view[key] = random_value()
        elif op == 2: view[key] = [random_value(1) for _ in range(rng.randrange(0, 3))]
        elif op == 3: view[key] = [{"geojson": random_geojson(), "name": rng.choice(TEXTS)}]
        elif op == 4: view["weapons"] = [{"name": rng.choice(TEXTS), "range": rng.choice(DISTANCES), "min_range": rng.choice(DISTANCES)}]
        else: view[key] = rng.choice(TEXTS + DISTANCES)
    return view


def raw_body():
    kind = rng.randrange(7)
    if kind == 0: return json.dumps(mutated_view()).encode()[: rng.randrange(0, 200)]          # truncated
    if kind == 1: return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 300)))      # random bytes
    if kind == 2: return b"[" * 5000 + b"]" * 5000                                            # deep nesting
    if kind == 3: return b'{"launch": [' + b'{"a":' * 3000 + b"1" + b"}" * 3000 + b'], "weapons": ["gmlrs"]}'
    if kind == 4: return b"\xef\xbb\xbf" + json.dumps(base_view()).encode()                  # BOM
    if kind == 5: return json.dumps(base_view()).encode().replace(b"gmlrs", b"\xff\xfe")       # invalid UTF-8
    return b'{"launch": ["50,30"], "launch": ["51,31"], "weapons": ["gmlrs"], "weapons": 1}'    # duplicate keys


# Maps are rendered with the whole basemap (seconds in a debug build): asked for less often.
POSTS = ["/api/envelope"] * 3 + ["/api/reach"] * 3 + ["/api/coverage", "/api/scenario", "/api/scenario", "/api/layers?format=kml"]
counts = {}
slow = 0
with Server(binary, "--time-limit", "10") as s:
    for i in range(cases):
        t0 = time.time()
        last_body = b""
        r = rng.random()
        if r < 0.15:
            q = rng.choice(TEXTS + DISTANCES + [random_value()])
            path = rng.choice(["/api/lookup?q=", "/api/lookup?limit=" + str(rng.choice(NUMBERS)) + "&q=", "/api/basemap/", "/static/", "/leaflet/"]) \
                + urllib.parse.quote(str(q), safe="")
            status, ctype, data = s.request("GET", path)
        else:
            path = rng.choice(POSTS)
            if r < 0.35:
                last_body = raw_body()
                status, ctype, data = s.request("POST", path, raw=last_body)
            else:
                last_body = json.dumps(mutated_view()).encode()
                status, ctype, data = s.request("POST", path, raw=last_body)
        counts[status] = counts.get(status, 0) + 1
        if os.environ.get("FUZZ_TRACE"):
            print(f"case {i} {path} {status} {time.time() - t0:.1f}s {last_body[:300]!r}", file=sys.stderr)
        if status == 503 and (b"took longer" in data or b"busy" in data):
            slow += 1
            continue
        c.check(status < 500, f"case {i}: {path} answered {status}: {data[:300]!r}")
        if path.startswith("/api/") and status >= 400:
            try:
                err = json.loads(data)["error"]
                c.check(isinstance(err["field"], str) and err["message"], f"case {i}: error JSON: {data[:200]!r}")
            except (ValueError, KeyError, TypeError):
                c.check(False, f"case {i}: {path} {status} without a JSON error: {data[:200]!r}")
    status, _, _ = s.request("GET", "/api/health")
    c.check(status == 200 and s.process.poll() is None, "the server is alive after the fuzzing")
print(f"statuses: {dict(sorted(counts.items()))}; over the time limit: {slow}", file=sys.stderr)
c.finish()
