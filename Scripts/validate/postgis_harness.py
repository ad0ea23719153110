"""A throwaway PostgreSQL + PostGIS server for checks and benchmarks (issue 11): its own folder, a free port, a
Unix socket in the folder, trust auth, stopped and removed by `stop()`. Not executable: Scripts/test runs only
the executable files of Scripts/validate."""
import os, pwd, shutil, socket, subprocess, sys, tempfile

PG_BIN = "/usr/lib/postgresql"


def pg_bin():
    versions = sorted(os.listdir(PG_BIN) if os.path.isdir(PG_BIN) else [], key=lambda v: int(v) if v.isdigit() else 0)
    if not versions:
        sys.exit("check-postgis: PostgreSQL is not installed (Scripts/bootstrap installs postgresql and postgis)")
    return os.path.join(PG_BIN, versions[-1], "bin")


class Server:
    """A throwaway cluster: its own folder, a free port, a Unix socket in the folder, trust auth."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="strikerange-pg.")
        self.bin = pg_bin()
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        # initdb refuses to run as root: run the server as the postgres system user then.
        self.user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        self.data = os.path.join(self.dir, "data")

    def start(self):
        subprocess.run(self.user + [f"{self.bin}/initdb", "-D", self.data, "-A", "trust", "-U", "postgres"],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run(self.user + [f"{self.bin}/pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "log"), "-w",
                                    "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=''", "start"],
                       check=True, stdout=subprocess.DEVNULL)
        self.sql("CREATE EXTENSION postgis")

    def stop(self):
        subprocess.run(self.user + [f"{self.bin}/pg_ctl", "-D", self.data, "-m", "immediate", "stop"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.dir, ignore_errors=True)

    def conninfo(self):
        return f"host={self.dir} port={self.port} user=postgres dbname=postgres"

    def sql(self, text, stdin=None):
        r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-F", ",", "-d", self.conninfo(), "-c", text],
                           input=stdin, capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"psql failed: {r.stderr.strip()}")
        return r.stdout

    def load_layer(self, path, layer, table):
        """A layer of a vector file (ogr2ogr) as `table`, with a stored `g geography` column."""
        subprocess.run(["ogr2ogr", "-f", "PostgreSQL", f"PG:{self.conninfo()}", path, layer, "-nln", table,
                        "-lco", "GEOMETRY_NAME=geom", "-overwrite"], check=True, capture_output=True)
        self.sql(f"ALTER TABLE {table} ADD COLUMN g geography; UPDATE {table} SET g = geom::geography")

    def load_points(self, table, lon, lat):
        """Points as `table (id, lon, lat, g geography)`, ids 0..n-1 in the given order."""
        self.sql(f"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id int, lon float8, lat float8)")
        rows = "".join(f"{i},{x:.9f},{y:.9f}\n" for i, (x, y) in enumerate(zip(lon, lat)))
        self.sql(f"\\copy {table} FROM STDIN WITH (FORMAT csv)", stdin=rows)
        self.sql(f"ALTER TABLE {table} ADD COLUMN g geography; UPDATE {table} SET g = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography")
