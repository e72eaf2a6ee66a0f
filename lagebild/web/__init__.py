"""Web UI and JSON API (`lagebild serve`)."""
from __future__ import annotations

import os
import socket

from .security import is_loopback


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          workers: int = 1, log_level: str = "info", access_log: bool = True) -> None:
    """Run the web app with uvicorn. A non-loopback host needs a token (argument or $LAGEBILD_TOKEN).

    `workers` > 1 starts that many server processes (reads scale with the cores; each process keeps
    its own page cache); on Linux each has its own SO_REUSEPORT socket, so connections spread evenly.
    Uploads are ingested one at a time per database, whichever worker takes them, and never beside a
    `lagebild ingest` run (the store's writer lock, store/locks.py)."""
    import uvicorn

    from .app import create_app

    token = token or os.environ.get("LAGEBILD_TOKEN") or None
    if not is_loopback(host) and not token:
        raise SystemExit(
            f"refusing to serve on {host}: a non-loopback host needs a token (--token T or LAGEBILD_TOKEN); "
            "every request must then send 'Authorization: Bearer T' or open a page once with ?token=T"
        )
    if token and len(token) < 12:
        raise SystemExit("token too short: use at least 12 characters (e.g. `python -c 'import secrets; print(secrets.token_urlsafe())'`)")
    # httptools parses (uvicorn's C parser), the loop is asyncio's even where uvloop is installed: on
    # uvloop some connections waited seconds for their turn under load (bench_web max 2.7 s, p99 0.5 s)
    # where asyncio's loop serves them in order (max within ~1.2 x p99)
    options = dict(host=host, port=port, log_level=log_level, access_log=access_log, server_header=False, proxy_headers=False,
                   loop="asyncio")
    if workers <= 1:
        uvicorn.run(_frozen(create_app(db, token=token)), **options)
        return
    from ..store import Store

    Store(db).engine.dispose()  # create or migrate the schema once, before the workers start
    os.environ[_DB_ENV] = db or ""
    if token:
        os.environ["LAGEBILD_TOKEN"] = token
    from . import workers as worker_processes

    if worker_processes.supported():  # one SO_REUSEPORT socket per worker: connections spread over all of them
        worker_processes.run(options, workers)
        return
    from uvicorn.supervisors import Multiprocess

    # uvicorn.run(workers=N), except that the shared listening socket gets TCP_NODELAY, which Linux
    # hands on to every accepted connection: uvicorn binds it with protocol 0, so asyncio leaves Nagle
    # on, and a response written as headers + body then waits ~40 ms for the client's delayed ACK.
    config = uvicorn.Config("lagebild.web:app_from_env", factory=True, workers=workers, **options)
    sock = config.bind_socket()
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    Multiprocess(config, sockets=[sock]).run()


_DB_ENV = "LAGEBILD_SERVE_DB"


def app_from_env():
    """App factory for each worker process of `serve(workers=N)`: database and token from the environment."""
    from .app import create_app

    return _frozen(create_app(os.environ.get(_DB_ENV) or None, token=os.environ.get("LAGEBILD_TOKEN") or None))


def _frozen(app):
    """The app, after moving everything allocated so far (imported modules, the app) out of the cyclic
    garbage collector's view: a full collection then scans what requests allocate (~2 ms), not the
    ~115,000 long-lived objects of the imports (~60 ms, a pause for every request on that worker)."""
    import gc

    gc.collect()
    gc.freeze()
    return app


__all__ = ["serve", "app_from_env"]
