"""Independent achieved-error checker for range envelopes (pyproj + numpy; none of StrikeRange's code).

For an envelope polygon it returns max |d - R| over every ring vertex and every edge midpoint (the midpoint
taken straight in lon/lat, as RFC 7946 edges are), where d is the true WGS84 geodesic distance to the launch
geometry. The launch geometry's edges are densified straight in lon/lat at <= 200 m (nearest-vertex error
<= (s/2)^2 / (2R), about 2 cm at 300 km). Candidates are preselected on the unit sphere, keeping EVERY launch
point whose central angle is <= (a/b)^3 x the minimum + 1e-7 rad (a plain k-nearest prefilter is wrong at
cusps, where many launch points are almost equally near), then every candidate is measured with pyproj
Geod.inv (Karney's geodesic): the validators' oracle, Scripts/validate/oracle.py. For a point launch d is
Geod.inv to the point.

The same function checks every tool in Scripts/bench-envelope, so the errors are comparable.
"""
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "validate"))
from oracle import GEOD, NearestVertex, densify  # noqa: E402  (Scripts/validate/oracle.py)

SPACING_M = 200.0


def _densify_ring(coords):
    return densify(coords, SPACING_M)


def launch_points(geometry):
    """Densified launch points (lon, lat) of a GeoJSON geometry dict: points as they are, line and ring
    edges straight in lon/lat at <= 200 m."""
    kind, c = geometry["type"], geometry["coordinates"]
    if kind == "Point":
        return np.array([c[:2]], dtype=float)
    if kind == "MultiPoint":
        return np.array([p[:2] for p in c], dtype=float)
    if kind == "LineString":
        return _densify_ring(c)
    if kind == "MultiLineString":
        return np.vstack([_densify_ring(line) for line in c])
    if kind == "Polygon":
        return np.vstack([_densify_ring(ring) for ring in c])
    if kind == "MultiPolygon":
        return np.vstack([_densify_ring(ring) for poly in c for ring in poly])
    raise ValueError(f"unsupported launch geometry type {kind}")


def _polygons(geometry):
    kind = geometry["type"]
    if kind == "Polygon":
        return [geometry["coordinates"]]
    if kind == "MultiPolygon":
        return geometry["coordinates"]
    if kind == "GeometryCollection":
        return [p for g in geometry["geometries"] for p in _polygons(g)]
    raise ValueError(f"envelope is a {kind}, not a polygon")


def boundary_samples(envelope):
    """Every ring vertex and every edge midpoint (straight in lon/lat) of a GeoJSON (Multi)Polygon; edges along
    the antimeridian or a pole are cuts, not range bounds, and are skipped."""
    samples = []
    for poly in _polygons(envelope):
        for ring in poly:
            r = np.asarray(ring, dtype=float)[:, :2]
            a, b = r[:-1], r[1:]
            cut = ((np.abs(a[:, 0]) == 180) & (a[:, 0] == b[:, 0])) | ((np.abs(a[:, 1]) == 90) & (a[:, 1] == b[:, 1]))
            keep = ~cut
            samples.append(a[keep])
            samples.append((a[keep] + b[keep]) / 2)
    return np.vstack(samples)


def distances_to_launch(samples, launch):
    """True WGS84 distance (m) from each sample (lon, lat) to the nearest of the launch points."""
    if len(launch) == 1:
        n = len(samples)
        _, _, d = GEOD.inv(samples[:, 0], samples[:, 1], np.full(n, launch[0, 0]), np.full(n, launch[0, 1]))
        return np.asarray(d)
    return NearestVertex(launch).distances(samples[:, 0], samples[:, 1])


def achieved_error(envelope, launch_geometry, range_m):
    """(max |d - R| in metres, (lon, lat) of the worst sample, number of samples, max d - R, min d - R)."""
    samples = boundary_samples(envelope)
    launch = launch_points(launch_geometry)
    deviation = distances_to_launch(samples, launch) - range_m
    worst = int(np.argmax(np.abs(deviation)))
    return (float(abs(deviation[worst])), tuple(samples[worst]), len(samples),
            float(deviation.max()), float(deviation.min()))
