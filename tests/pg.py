"""A throw-away PostgreSQL server for the tests: `initdb` in a temp dir, 127.0.0.1, a random port.

Uses Debian's `postgresql` binaries (/usr/lib/postgresql/*/bin, or initdb/pg_ctl on PATH); runs
the server as the `postgres` user (or `nobody`) when the tests run as root. Tests that use the
`pg_url` fixture skip cleanly when the binaries or psycopg are absent.
"""
from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest


def pg_bin() -> Path | None:
    for cand in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if Path(cand, "initdb").exists() and Path(cand, "pg_ctl").exists():
            return Path(cand)
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found and shutil.which("pg_ctl") else None


def available() -> str | None:
    """None when a server can be started here, else why not."""
    if pg_bin() is None:
        return "PostgreSQL server binaries not installed (apt-get install postgresql)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg not installed (pip install -e '.[postgres]')"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, port: int):
        self.port = port

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://lagebild@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = "lb_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=lagebild dbname=postgres", autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextlib.contextmanager
def postgres_server(base: Path | None = None):
    """Start a server for the duration of the block; yields a Server."""
    why = available()
    if why:
        raise RuntimeError(why)
    bindir = pg_bin()
    root = Path(tempfile.mkdtemp(prefix="lagebild-pg-"))
    root.chmod(0o755)
    data = root / "data"
    user = None
    if os.geteuid() == 0:  # the server refuses to run as root
        for name in ("postgres", "nobody"):
            try:
                user = pwd.getpwnam(name)
                break
            except KeyError:
                continue
        os.chown(root, user.pw_uid, user.pw_gid)
    kw = {"user": user.pw_uid, "group": user.pw_gid} if user else {}
    port = _free_port()
    run = dict(check=True, capture_output=True, text=True, timeout=120, cwd=str(root), **kw)
    try:
        subprocess.run([str(bindir / "initdb"), "-D", str(data), "-U", "lagebild", "--auth=trust", "-E", "UTF8",
                        "--locale=C", "--no-sync"], **run)
        opts = f"-p {port} -h 127.0.0.1 -k {root} -F -c max_connections=200 -c shared_buffers=64MB"
        subprocess.run([str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w",
                        "-t", "60", "start"], **run)
        yield Server(port)
    finally:
        subprocess.run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, timeout=60, cwd=str(root), **kw)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    why = available()
    if why:
        pytest.skip(why)
    with postgres_server() as server:
        yield server


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty database on the session's PostgreSQL server."""
    return pg_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """The same test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'lb.db'}"
    return request.getfixturevalue("pg_url")
