"""Peer implementations for Scripts/bench-reach (Python, benchmarks only).

classify_shapely: shapely 2 `contains_xy` on a prepared envelope polygon.
distances_pyproj: exact-ish distance from a polygon: boundary densified linearly in lon/lat, a cKDTree on unit
vectors for the candidate filter (every vertex within (a/b)^3 x the nearest central angle + 1e-7 rad), then one
vectorised Geod.inv over all candidate pairs and a per-target minimum; 0 inside (shapely contains_xy). That is
the validators' oracle (Scripts/validate/oracle.py), timed here as the Python peer.
"""
import sys
import time
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "validate"))
from oracle import GEOD, NearestVertex, densify  # noqa: E402  (Scripts/validate/oracle.py)


def classify_shapely(envelope_geojson_geometry, lon, lat):
    geom = shapely.geometry.shape(envelope_geojson_geometry)
    t0 = time.perf_counter()
    shapely.prepare(geom)
    inside = shapely.contains_xy(geom, lon, lat)
    return inside, time.perf_counter() - t0


def distances_pyproj(polygon_geometry, lon, lat, spacing=50.0):
    """Returns (distances, seconds); the densification and tree build are counted in the time."""
    t0 = time.perf_counter()
    rings = [r for poly in polygon_geometry["coordinates"] for r in poly]
    verts = np.vstack([densify(r, spacing) for r in rings])
    nearest = NearestVertex(verts)
    shape = shapely.geometry.shape(polygon_geometry)
    shapely.prepare(shape)
    inside = shapely.contains_xy(shape, lon, lat)
    dist = nearest.distances(lon, lat)
    dist[inside] = 0.0
    return dist, time.perf_counter() - t0


def distances_aeqd_nearest(polygon_geometry, lon, lat):
    """The inexact pipeline of issue 15's table: project the polygon and the targets to AEQD on the polygon's
    centroid, take shapely's nearest boundary point in the plane (`shortest_line`), and measure the geodesic
    distance to it with Geod.inv (0 inside, shapely `contains_xy`). Fast, but the nearest point in the plane is
    not the geodesically nearest one far from the centre. Returns (distances, seconds)."""
    from pyproj import Transformer
    t0 = time.perf_counter()
    shape = shapely.geometry.shape(polygon_geometry)
    c = shape.centroid
    fwd = Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +ellps=WGS84", always_xy=True)
    inv = Transformer.from_crs(f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +ellps=WGS84", "EPSG:4326", always_xy=True)
    projected = shapely.transform(shape, lambda xy: np.column_stack(fwd.transform(xy[:, 0], xy[:, 1])))
    # Boundary segments in an STRtree: the nearest segment per target, then the nearest point on it.
    rings = shapely.get_rings(projected) if projected.geom_type == "Polygon" else np.concatenate(
        [shapely.get_rings(p) for p in projected.geoms])
    segments = []
    for ring in rings:
        xy = shapely.get_coordinates(ring)
        segments.append(shapely.linestrings(np.stack([xy[:-1], xy[1:]], axis=1)))
    segments = np.concatenate(segments)
    tree = shapely.STRtree(segments)
    shapely.prepare(shape)
    inside = shapely.contains_xy(shape, lon, lat)
    x, y = fwd.transform(lon, lat)
    points = shapely.points(x, y)
    which, nearest = tree.query_nearest(points, all_matches=False)
    order = np.argsort(which)
    lines = shapely.shortest_line(segments[nearest[order]], points[which[order]])
    ends = shapely.get_coordinates(lines).reshape(-1, 2, 2)[:, 0, :]
    nlon, nlat = inv.transform(ends[:, 0], ends[:, 1])
    _, _, d = GEOD.inv(lon, lat, nlon, nlat)
    d = np.asarray(d)
    d[inside] = 0.0
    return d, time.perf_counter() - t0
