"""Kill `lagebild ingest` with SIGKILL at random points and check the store after each kill.

    python bench/bench_kill.py --kills 20                 # SQLite
    python bench/bench_kill.py --kills 20 --postgres      # a throw-away PostgreSQL server (tests/pg.py)

Prints one JSON line: kills made, kills after which more was stored, articles, and that the
re-run's dossier equals an uninterrupted run's (the run raises otherwise).
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every process of the run (the ingests and this one, which checks the store) uses the code as it
# was when the bench started, even if the working tree changes meanwhile: a changed analysis or a
# new migration would otherwise make the dossiers differ for a reason that is not a crash.
SNAPSHOT = Path(tempfile.mkdtemp(prefix="lagebild-code-"))
shutil.copytree(ROOT / "lagebild", SNAPSHOT / "lagebild", ignore=shutil.ignore_patterns("__pycache__"))
sys.path[:0] = [str(SNAPSHOT), str(ROOT / "tests")]

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
        test_crash.CODE_DIR = str(SNAPSHOT)
        if args.postgres:
            from pg import postgres_server

            with postgres_server(tmp / "pg") as server:
                stats = kill_run(tmp, server.new_database, server.new_database(), args.kills, args.seed)
        else:
            stats = kill_run(tmp, _sqlite_urls(tmp), f"sqlite:///{tmp / 'ref.db'}", args.kills, args.seed)
    stats.update(engine="postgresql" if args.postgres else "sqlite", result="pass", seconds=round(time.time() - t0))
    shutil.rmtree(SNAPSHOT, ignore_errors=True)
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
