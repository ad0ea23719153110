"""Benchmark (c), the competitor: PostGIS `ST_Buffer(geography, R [, quad_segs])` on a running server.

Used by Scripts/bench/envelope_bench.py; the server is started and stopped by Scripts/bench-envelope, and psql
reaches it through PGHOST/PGPORT/PGUSER/PGDATABASE. PostGIS buffers a geography by projecting it to the
"best SRID" (_ST_BestSRID: UTM, a polar or a tiled Lambert azimuthal equal-area zone, or world Mercator),
buffering in the plane with GEOS and projecting back; `bestsrid` reports which projection it chose.
"""
import json
import re
import statistics
import subprocess


def psql(script):
    """Runs a psql script in one session (ON_ERROR_STOP) and returns its stdout; raises on any error."""
    run = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"], input=script,
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"psql failed ({run.returncode}): {run.stderr.strip()}")
    return run.stdout


def load(launch_geojson):
    """Creates the postgis extension and table `launch` holding the launch geometry (SRID 4326); returns
    (PostGIS version, PostgreSQL version, best SRID chosen for the buffer)."""
    literal = json.dumps(launch_geojson).replace("'", "''")
    out = psql(f"""
CREATE EXTENSION IF NOT EXISTS postgis;
DROP TABLE IF EXISTS launch;
CREATE TABLE launch AS SELECT ST_SetSRID(ST_GeomFromGeoJSON('{literal}'), 4326) AS geom;
SELECT postgis_lib_version();
SELECT split_part(version(), ' ', 2);
SELECT _ST_BestSRID(geom::geography) FROM launch;
""").split()
    return out[0], out[1], int(out[2])


def buffer_call(range_m, quad_segs):
    args = f"geom::geography, {range_m:.0f}" + ("" if quad_segs is None else f", {quad_segs}")
    return f"ST_AsGeoJSON(ST_Buffer({args}), 9)"


def measure(range_m, quad_segs, runs):
    """Times SELECT ST_AsGeoJSON(ST_Buffer(geom::geography, R[, Q])) FROM launch: client side (psql \\timing,
    query + transfer of the GeoJSON over loopback) and server side (EXPLAIN ANALYZE execution time), each the
    median of `runs` after one warm-up, in one session. Returns a dict with both medians, the backend's peak
    RSS (VmHWM, kB; includes shared memory it touched) and the resulting GeoJSON geometry."""
    call = buffer_call(range_m, quad_segs)
    query = f"SELECT {call} FROM launch;"
    explain = f"EXPLAIN (ANALYZE, FORMAT JSON) SELECT {call} FROM launch;"
    script = (f"\\o /dev/null\n{query}\n\\o\n"
              "\\timing on\n\\o /dev/null\n" + "\n".join([query] * runs) + "\n\\o\n\\timing off\n"
              "\\echo EXPLAIN\n" + "\n".join([explain] * runs) + "\n"
              "\\echo RESULT\n" + query + "\n"
              # the backend reads its own /proc entry (superuser may read server files)
              "SELECT 'VmHWM ' || substring(pg_read_file('/proc/self/status') from 'VmHWM:\\s+(\\d+) kB');\n")
    out = psql(script)
    client = [float(t) for t in re.findall(r"^Time: ([0-9.]+) ms", out, re.M)]
    explains, rest = out.split("EXPLAIN\n", 1)[1].split("RESULT\n", 1)
    server = [float(t) for t in re.findall(r'"Execution Time": ([0-9.]+)', explains)]
    lines = rest.strip().splitlines()
    geometry = json.loads(lines[0])
    hwm = re.search(r"^VmHWM (\d+)$", rest, re.M)
    if len(client) != runs or len(server) != runs or hwm is None:
        raise SystemExit(f"could not parse psql output (client {len(client)}, server {len(server)} timings)")
    return {"quad_segs": quad_segs, "client_ms": statistics.median(client), "server_ms": statistics.median(server),
            "runs": runs, "backend_hwm_kb": int(hwm.group(1)), "geometry": geometry}
