"""What every validator and benchmark driver shares: the pass/fail tally and the independent geodesic oracle.

Not executable on purpose: Scripts/test runs every executable file in Scripts/validate as a validator, and
this is a module they import (`sys.path` already holds the validator's own folder; Scripts/bench-* and
Scripts/bench/*.py put Scripts/validate on it). It uses pyproj (Karney's geodesic, via PROJ's geod), numpy,
scipy and shapely only: none of StrikeRange's code.

The oracle for "distance from a point to a geometry":
1. `densify`: every edge straight in lon/lat (as RFC 7946 edges are) cut into pieces of at most
   `spacing_m`; the nearest vertex then overstates the distance to the edge by at most (s/2)² / (2R).
2. Prefilter on the unit sphere (geodetic lon/lat taken as spherical): a vertex can be the geodesically
   nearest only if its central angle is at most `PREFILTER_FACTOR` times the smallest angle (+ 1e-7 rad of
   rounding slack). Why that factor: a geodesic of central angle θ is at least θ·b²/a and at most θ·a²/b
   long (the least and greatest radius of curvature of the ellipsoid), so the vertex of smallest angle θ₀
   is at most θ₀·a²/b away, and any vertex at most that far has θ ≤ θ₀·(a²/b)/(b²/a) = θ₀·(a/b)³.
   On WGS84 (a/b)³ = 1.010126 (the Swift distance field uses the same bracket: 6,335,439 m and
   6,399,594 m). A k-nearest prefilter is wrong at cusps, where many vertices are almost equally near.
3. pyproj `Geod.inv` on every candidate; the least is the distance.
"""
import sys

import numpy as np
from pyproj import Geod
from scipy.spatial import cKDTree

GEOD = Geod(ellps="WGS84")
# Candidates within this factor of the smallest central angle (see the module docstring for why).
PREFILTER_FACTOR = (GEOD.a / GEOD.b) ** 3
# Rounding slack of the arccos/arcsin of nearly equal unit vectors, radians.
PREFILTER_SLACK_RAD = 1e-7

# ---- the tally: `report(ok, text)` per check, `finish(name)` at the end ----------------------------------
passed = 0
failed = 0


def report(ok, text):
    """Counts one check and prints `ok    text` or `FAIL  text` (flushed: validators run two at a time)."""
    global passed, failed
    ok = bool(ok)
    passed, failed = passed + ok, failed + (not ok)
    print(("ok    " if ok else "FAIL  ") + text, flush=True)
    return ok


def summary(name=None):
    """Prints the closing line, `name: N passed, M failed` (without `name: ` when none), and returns the
    exit status: 1 when a check failed."""
    print(f"{name + ': ' if name else ''}{passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


def finish(name=None):
    """`summary(name)`, then exits with its status."""
    sys.exit(summary(name))


# ---- geodesic oracle -------------------------------------------------------------------------------------
def unit(lon, lat):
    """Unit vectors (…, 3) of geodetic lon/lat in degrees, taken as spherical coordinates."""
    lon, lat = np.radians(lon), np.radians(lat)
    return np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=-1)


def chord_of(angle_rad):
    """Chord length on the unit sphere of a central angle (capped at π)."""
    return 2 * np.sin(np.minimum(angle_rad, np.pi) / 2)


def angle_of(chord):
    """Central angle (rad) of a chord on the unit sphere."""
    return 2 * np.arcsin(np.clip(chord / 2, 0, 1))


def prefilter_angle(min_angle_rad):
    """The greatest central angle a vertex may have and still be the geodesically nearest."""
    return PREFILTER_FACTOR * min_angle_rad + PREFILTER_SLACK_RAD


def densify(coords, spacing_m):
    """Points (n, 2) along a path whose edges are straight in lon/lat, at most `spacing_m` apart (edge
    lengths measured with Geod.inv); both ends kept. A single point is returned as it is."""
    c = np.asarray(coords, dtype=float)[:, :2]
    if len(c) == 1:
        return c
    a, b = c[:-1], c[1:]
    _, _, d = GEOD.inv(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
    n = np.maximum(1, np.ceil(np.asarray(d) / spacing_m)).astype(int)
    edge = np.repeat(np.arange(len(a)), n)
    t = (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)) / np.repeat(n, n)
    pts = a[edge] + t[:, None] * (b[edge] - a[edge])
    return np.vstack([pts, c[-1:]])


class NearestVertex:
    """True WGS84 distance from query points to the nearest of a fixed set of vertices (lon, lat)."""

    def __init__(self, vertices):
        self.vertices = np.asarray(vertices, dtype=float)[:, :2]
        self.tree = cKDTree(unit(self.vertices[:, 0], self.vertices[:, 1]))

    def candidates(self, lon, lat):
        """Per query, the indices of every vertex that may be the nearest (the prefilter above)."""
        q = unit(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
        chord, _ = self.tree.query(q)
        return self.tree.query_ball_point(q, chord_of(prefilter_angle(angle_of(chord))))

    def distances(self, lon, lat):
        """Distances (m), one per query; one vectorised Geod.inv over every candidate pair."""
        lon, lat = np.atleast_1d(np.asarray(lon, dtype=float)), np.atleast_1d(np.asarray(lat, dtype=float))
        cands = self.candidates(lon, lat)
        counts = np.fromiter((len(c) for c in cands), dtype=np.int64, count=len(cands))
        idx = np.fromiter((i for c in cands for i in c), dtype=np.int64, count=int(counts.sum()))
        owner = np.repeat(np.arange(len(lon)), counts)
        _, _, d = GEOD.inv(lon[owner], lat[owner], self.vertices[idx, 0], self.vertices[idx, 1])
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        return np.minimum.reduceat(np.asarray(d, dtype=float), starts)
