"""Admin-1 polygons cut from NE countries, and the topology-preserving simplification of the world coverage."""
import collections
import sys

import numpy as np
import shapely
from shapely import STRtree

SNAP_DEG = 1e-5          # NE line ends sit ~1e-7 deg off ring vertices; snap so faces close (Kherson|Mykolaiv)
GRID_DEG = 1e-4          # output grid
NODE_GRID_DEG = 1e-7     # working grid while cutting
DP_DEG = 0.02            # Douglas-Peucker tolerance outside the detail box
DETAIL_BOX = shapely.box(15.0, 40.0, 60.0, 70.0)


def log(msg):
    print(f"build-data: {msg}", file=sys.stderr, flush=True)


def polygons_of(geom):
    return [g for g in shapely.get_parts(geom) if g.geom_type == "Polygon" and not g.is_empty]


def close_gaps(noded, tol=2 * SNAP_DEG):
    """NE admin-1 line ends also stop 1e-6..1e-5 deg short of the line they meet (Odesa|Mykolaiv,
    Chernivtsi). Join every free end to the nearest other edge within `tol` with a tiny connector."""
    edges = list(shapely.get_parts(noded))
    ends = collections.Counter()
    for e in edges:
        ends[e.coords[0]] += 1
        ends[e.coords[-1]] += 1
    tree = STRtree(edges)
    connectors = []
    for xy, n in sorted(ends.items()):
        if n != 1:
            continue
        pt = shapely.Point(xy)
        best = None
        for j in sorted(tree.query(pt, predicate="dwithin", distance=tol).tolist()):
            e = edges[j]
            if xy in (e.coords[0], e.coords[-1]):
                continue
            d = e.distance(pt)
            if d > 0 and (best is None or d < best[0]):
                best = (d, j)
        if best is not None:
            connectors.append(shapely.shortest_line(pt, edges[best[1]]))
    if not connectors:
        return noded
    return shapely.unary_union(edges + connectors, grid_size=NODE_GRID_DEG)


def cut_country(country, admin1_lines, land_lines):
    """Faces of `country` cut by the admin-1 and admin-0 land lines that touch it (sorted, deterministic)."""
    boundary = country.boundary
    tree1 = STRtree(admin1_lines)
    tree0 = STRtree(land_lines)
    idx1 = sorted(tree1.query(country, predicate="intersects").tolist())
    idx0 = sorted(tree0.query(country, predicate="intersects").tolist())
    lines = [admin1_lines[i] for i in idx1] + [land_lines[i] for i in idx0]
    snapped = shapely.snap(shapely.GeometryCollection(lines), boundary, SNAP_DEG)
    # snap-rounding at 1e-7 deg nodes line ends that sit ~1e-10 off a ring segment (Crimea|Sevastopol)
    noded = shapely.unary_union([boundary, snapped], grid_size=NODE_GRID_DEG)
    noded = close_gaps(noded)
    faces = polygons_of(shapely.polygonize(shapely.get_parts(noded)))
    prepared = shapely.prepare(country) or country
    keep = [f for f in faces if country.contains(f.point_on_surface())]
    keep.sort(key=lambda f: (round(f.centroid.x, 6), round(f.centroid.y, 6), round(f.area, 10)))
    return keep


def label_faces(faces, labels):
    """Index into `labels` (dicts with geom) for each face: largest overlap; unlabelled faces take the
    label of the neighbouring face with the longest shared edge (or the nearest labelled face)."""
    tree = STRtree([l["geom"] for l in labels])
    out = []
    for f in faces:
        best, best_area = None, 0.0
        for i in sorted(tree.query(f, predicate="intersects").tolist()):
            a = shapely.intersection(f, labels[i]["geom"]).area
            if a > best_area + 1e-15:
                best, best_area = i, a
        # a face mostly outside every label (a generalisation sliver) is decided by its neighbours
        if best is not None and best_area < 0.2 * f.area and f.area < 0.05:
            best = None
        out.append(best)
    ftree = STRtree(faces)
    for _ in range(5):
        changed = False
        for k, f in enumerate(faces):
            if out[k] is not None:
                continue
            best, best_len = None, 0.0
            for j in sorted(ftree.query(f, predicate="intersects").tolist()):
                if j == k or out[j] is None:
                    continue
                length = shapely.intersection(f.boundary, faces[j].boundary).length
                if length > best_len:
                    best, best_len = out[j], length
            if best is not None:
                out[k] = best
                changed = True
        if not changed:
            break
    for k, f in enumerate(faces):
        if out[k] is None:
            labelled = [j for j in range(len(faces)) if out[j] is not None]
            if labelled:
                j = min(labelled, key=lambda j: (f.distance(faces[j]), j))
                out[k] = out[j]
    return out


def _arc_tolerance(arc, unit_tree, unit_areas):
    """DP tolerance for one arc: 0 inside the detail box; else 0.02 deg, reduced for small units so
    that islands and micro-states keep a shape."""
    if arc.intersects(DETAIL_BOX):
        return 0.0
    mid = shapely.line_interpolate_point(arc, 0.5, normalized=True)
    near = unit_tree.query(mid, predicate="dwithin", distance=1e-6)
    small = min([unit_areas[i] for i in near.tolist()] or [1e9])
    if arc.is_closed and len(arc.coords) >= 4:
        small = min(small, shapely.Polygon(arc.coords).area)   # an island ring keeps its own scale
    return min(DP_DEG, 0.05 * float(np.sqrt(small)))


def simplify_coverage(units):
    """Simplify the shared arcs of a polygon coverage and rebuild it on the output grid.
    `units` is a list of (Multi)Polygons with no overlaps; returns the new list in the same order."""
    log(f"noding {len(units)} unit boundaries")
    boundaries = [u.boundary for u in units]
    noded = shapely.unary_union(boundaries)
    arcs = list(shapely.get_parts(shapely.line_merge(noded)))
    arcs.sort(key=lambda a: shapely.to_wkb(shapely.normalize(a)))
    log(f"{len(arcs)} arcs; simplifying")
    unit_tree = STRtree(boundaries)
    unit_areas = [u.area for u in units]
    out_arcs = []
    for a in arcs:
        tol = _arc_tolerance(a, unit_tree, unit_areas)
        if tol > 0:
            closed = a.is_closed
            a = shapely.simplify(a, tol, preserve_topology=closed)
        out_arcs.append(a)
    log("re-noding on the 1e-4 grid and polygonizing")
    grid = shapely.unary_union(shapely.set_precision(np.array(out_arcs), GRID_DEG), grid_size=GRID_DEG)
    faces = polygons_of(shapely.polygonize(shapely.get_parts(grid)))
    log(f"{len(faces)} faces; assigning to units")
    utree = STRtree(units)
    pieces = [[] for _ in units]
    for f in faces:
        p = f.point_on_surface()
        hits = sorted(utree.query(p, predicate="within").tolist())
        if len(hits) == 1:
            pieces[hits[0]].append(f)
            continue
        # faces in water, or slivers where simplified arcs crossed: largest overlap decides; no overlap = sea
        best, best_area = None, 0.0
        for i in sorted(utree.query(f, predicate="intersects").tolist()):
            a = shapely.intersection(f, units[i]).area
            if a > best_area:
                best, best_area = i, a
        if best is not None and best_area > 0.5 * f.area:
            pieces[best].append(f)
    result = []
    for u, ps in zip(units, pieces):
        if not ps:
            # too small to survive the grid: keep it snapped on its own rather than lose a country
            g = shapely.set_precision(u, GRID_DEG)
        else:
            g = shapely.unary_union(ps, grid_size=GRID_DEG)
        g = shapely.make_valid(g)
        g = shapely.MultiPolygon(polygons_of(g)) if g.geom_type != "Polygon" else g
        result.append(g)
    return result
