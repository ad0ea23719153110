"""Benchmark (a), the competitor: a geodesic circle from pyproj Geod.fwd vectorised over N evenly spaced
azimuths (every vertex exactly on the circle; the error is in the straight lon/lat edges between them).

  python3 envelope_pyproj_circle.py LAT LON RANGE_M N OUT.json
times `circle` with timeit (median of 25 repeats of 200 calls), writes {n, ms, maxrss_kb, geometry} to OUT.json.
The smallest N meeting an error bound is searched by Scripts/bench/envelope_bench.py with the shared checker.
"""
import json
import resource
import sys
import timeit

import numpy as np
from pyproj import Geod

GEOD = Geod(ellps="WGS84")


def circle(lat, lon, range_m, n):
    """Closed ring (lon, lat arrays, n + 1 points) of the geodesic circle of radius range_m about (lat, lon)."""
    azimuths = np.arange(n + 1) * (360.0 / n)
    azimuths[-1] = 0.0  # close the ring on the first vertex exactly
    lons, lats, _ = GEOD.fwd(np.full(n + 1, lon), np.full(n + 1, lat), azimuths, np.full(n + 1, range_m))
    return lons, lats


def geometry(lons, lats):
    return {"type": "Polygon", "coordinates": [np.column_stack([lons, lats]).tolist()]}


def main():
    lat, lon, range_m, n, out = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    number = 200
    times = timeit.repeat(lambda: circle(lat, lon, range_m, n), number=number, repeat=25)
    ms = float(np.median(times)) / number * 1000
    lons, lats = circle(lat, lon, range_m, n)
    result = {"n": n, "ms": ms, "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
              "geometry": geometry(lons, lats)}
    with open(out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
