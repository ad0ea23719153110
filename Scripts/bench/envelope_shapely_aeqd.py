"""Benchmark (b), the competitor: the shapely 2 + pyproj AEQD recipe for a range envelope of an area.

Project the launch polygon to `+proj=aeqd +lat_0=<centroid lat> +lon_0=<centroid lon> +ellps=WGS84`, buffer it
in the plane with shapely.buffer(poly, R, quad_segs=Q), project back. Q = ceil((pi/2) / acos(1 - t/R)) gives a
chord error of about t in the plane (t = 10 m).

  python3 envelope_shapely_aeqd.py COUNTRIES.geojson ISO_A2 RANGE_M TOLERANCE_M RUNS OUT.json
Times the whole recipe from the loaded GeoJSON geometry (centroid, transformer, forward projection, buffer,
inverse projection; file loading excluded), median of RUNS, and the buffer step alone; writes
{q, ms, buffer_ms, maxrss_kb, geometry} to OUT.json. maxrss_kb is this Python process's peak RSS.
"""
import json
import math
import resource
import sys
import time

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import mapping, shape


def recipe(launch_geojson, range_m, quad_segs, timings=None):
    polygon = shape(launch_geojson)
    centroid = polygon.centroid
    transformer = Transformer.from_crs(
        "EPSG:4326", f"+proj=aeqd +lat_0={centroid.y} +lon_0={centroid.x} +ellps=WGS84", always_xy=True)

    def forward(xy):
        return np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))

    def inverse(xy):
        return np.column_stack(transformer.transform(xy[:, 0], xy[:, 1], direction="INVERSE"))

    planar = shapely.transform(polygon, forward)
    t0 = time.perf_counter()
    buffered = shapely.buffer(planar, range_m, quad_segs=quad_segs)
    if timings is not None:
        timings.append((time.perf_counter() - t0) * 1000)
    return shapely.transform(buffered, inverse)


def main():
    path, iso, range_m, tolerance_m, runs, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
    countries = json.load(open(path))
    launch = next(f["geometry"] for f in countries["features"] if f["properties"].get("iso_a2") == iso)
    quad_segs = math.ceil((math.pi / 2) / math.acos(1 - tolerance_m / range_m))
    recipe(launch, range_m, quad_segs)  # warm-up (PROJ database, imports)
    totals, buffers = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = recipe(launch, range_m, quad_segs, buffers)
        totals.append((time.perf_counter() - t0) * 1000)
    result = {"q": quad_segs, "ms": float(np.median(totals)), "buffer_ms": float(np.median(buffers)),
              "runs": runs, "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
              "vertices": int(shapely.get_num_coordinates(result)), "geometry": mapping(result)}
    with open(out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
