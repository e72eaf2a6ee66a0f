"""One writer at a time per database, across processes: `lagebild ingest` runs and the web's uploads
(whichever server worker takes them) each re-link stories from the stored story index, so two at
once would both start from the same index and the later one would drop the other's articles from it.

PostgreSQL: a session-level advisory lock. SQLite: an exclusive `flock` on a file beside the
database (`<db>.lock`), released by the kernel if the process dies. In-memory SQLite and systems
without `fcntl` get a lock that is only process-wide.
"""
from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

ADVISORY_KEY = 0x6C616765  # 'lage': the one advisory lock key this store takes
_process_lock = threading.Lock()


@contextlib.contextmanager
def writer_lock(engine: Engine):
    """Block until this process is the database's only writer; hold that until the block ends."""
    url = engine.url
    if url.get_backend_name() == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": ADVISORY_KEY})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_KEY})
        return
    database = url.database if url.get_backend_name() == "sqlite" else None
    try:
        import fcntl
    except ImportError:  # Windows
        fcntl = None  # type: ignore[assignment]
    if not database or database == ":memory:" or fcntl is None:
        with _process_lock:
            yield
        return
    with open(Path(database).with_name(Path(database).name + ".lock"), "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
