"""Deterministic GeoJSON/JSON writers: one feature per line, sorted keys, fixed coordinate decimals."""
import json

import shapely


def _num(x, decimals):
    s = f"{x:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _ring(coords, d):
    return "[" + ",".join(f"[{_num(x, d)},{_num(y, d)}]" for x, y in coords) + "]"


def geometry_json(g, d):
    t = g.geom_type
    if t == "Point":
        return f'{{"type":"Point","coordinates":[{_num(g.x, d)},{_num(g.y, d)}]}}'
    if t == "LineString":
        return f'{{"type":"LineString","coordinates":{_ring(g.coords, d)}}}'
    if t == "MultiLineString":
        return '{"type":"MultiLineString","coordinates":[' + ",".join(_ring(p.coords, d) for p in g.geoms) + "]}"
    if t == "Polygon":
        return '{"type":"Polygon","coordinates":' + _poly(g, d) + "}"
    if t == "MultiPolygon":
        return '{"type":"MultiPolygon","coordinates":[' + ",".join(_poly(p, d) for p in g.geoms) + "]}"
    raise ValueError(t)


def _poly(p, d):
    return "[" + ",".join([_ring(p.exterior.coords, d)] + [_ring(r.coords, d) for r in p.interiors]) + "]"


def canonical_polygonal(g):
    """RFC 7946 winding (outer CCW, holes CW), parts in a stable order."""
    g = shapely.orient_polygons(shapely.normalize(g), exterior_cw=False)
    if g.geom_type == "MultiPolygon":
        parts = sorted(g.geoms, key=lambda p: (-round(p.area, 8), p.exterior.coords[0]))
        g = shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]
    return g


def write_features(path, features, decimals):
    """features: list of (properties dict, shapely geometry), already in output order."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        for i, (props, geom) in enumerate(features):
            p = json.dumps(props, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            sep = "," if i + 1 < len(features) else ""
            f.write(f'{{"type":"Feature","properties":{p},"geometry":{geometry_json(geom, decimals)}}}{sep}\n')
        f.write("]}\n")


def write_json(path, obj):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(obj, sort_keys=True, ensure_ascii=False, indent=2) + "\n")
