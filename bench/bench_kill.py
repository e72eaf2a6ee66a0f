"""Kill `lagebild ingest` with SIGKILL at random points and check the store after each kill.

    python bench/bench_kill.py --kills 20                 # SQLite
    python bench/bench_kill.py --kills 20 --postgres      # a throw-away PostgreSQL server (tests/pg.py)

Prints one JSON line: kills made, kills after which more was stored, articles, and that the
re-run's dossier equals an uninterrupted run's (the run raises otherwise).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import test_crash  # noqa: E402
from test_crash import _sqlite_urls, kill_run  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--postgres", action="store_true")
    args = ap.parse_args()
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # every ingest process runs the code as it was when the bench started, even if the working
        # tree changes meanwhile (a changed analysis would make the dossiers differ for that reason)
        import shutil

        shutil.copytree(Path(__file__).resolve().parent.parent / "lagebild", tmp / "code" / "lagebild",
                        ignore=shutil.ignore_patterns("__pycache__"))
        test_crash.CODE_DIR = str(tmp / "code")
        if args.postgres:
            from pg import postgres_server

            with postgres_server(tmp / "pg") as server:
                stats = kill_run(tmp, server.new_database, server.new_database(), args.kills, args.seed)
        else:
            stats = kill_run(tmp, _sqlite_urls(tmp), f"sqlite:///{tmp / 'ref.db'}", args.kills, args.seed)
    stats.update(engine="postgresql" if args.postgres else "sqlite", result="pass", seconds=round(time.time() - t0))
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
