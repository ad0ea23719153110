"""Starts `strikerange serve --port 0` on loopback for the serve checks (issue 13) and stops it.

Not executable on purpose: Scripts/test runs the executable files of this folder, and this one is a module
they import. Python stdlib only.
"""
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request


class Server:
    def __init__(self, binary, *extra):
        self.binary = binary
        self.extra = list(extra)
        self.process = None
        self.url = None
        self.log = []

    def __enter__(self):
        self.process = subprocess.Popen([self.binary, "serve", "--port", "0", *self.extra],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            line = self.process.stderr.readline()
            if not line:
                break
            self.log.append(line)
            m = re.search(r"listening on (http://\S+/)", line)
            if m:
                self.url = m.group(1).rstrip("/")
                return self
        self.stop()
        raise RuntimeError("server did not start: " + "".join(self.log))

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def rss_kib(self):
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return -1

    def request(self, method, path, body=None, raw=None, headers=None, timeout=120):
        """(status, content-type, bytes); never raises on HTTP errors."""
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, r.headers.get("Content-Type", ""), r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Content-Type", ""), e.read()

    def json(self, method, path, body=None, raw=None):
        status, _, data = self.request(method, path, body=body, raw=raw)
        try:
            return status, json.loads(data)
        except ValueError:
            return status, {"_raw": data[:200].decode("utf-8", "replace")}


class Checks:
    """Collects failures instead of stopping at the first, and prints them."""
    def __init__(self, name):
        self.name = name
        self.failures = []
        self.count = 0

    def check(self, condition, what):
        self.count += 1
        if not condition:
            self.failures.append(what)
            print(f"FAIL {what}", file=sys.stderr)

    def finish(self):
        print(f"{self.name}: {self.count - len(self.failures)}/{self.count} checks passed", file=sys.stderr)
        sys.exit(1 if self.failures else 0)
