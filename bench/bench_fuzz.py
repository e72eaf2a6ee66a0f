"""Long fuzz run (issue 19): hypothesis-generated hostile files through read -> clean -> analyse
-> report (real analysis). Prints one JSON line: inputs generated, files, crashes, hangs.

    python bench/bench_fuzz.py --examples 10000 [--hang-s 60]
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzzkit import cases, run_case  # noqa: E402
from hypothesis import HealthCheck, given, seed, settings  # noqa: E402


class Hang(Exception):
    pass


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=10000)
    ap.add_argument("--hang-s", type=int, default=60)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--max-minutes", type=float, default=0, help="stop after this long (0: no limit)")
    args = ap.parse_args()
    stats = {"examples": 0, "files": 0, "articles": 0, "error_lines": 0, "crashes": 0, "hangs": 0}
    failures = []

    def on_alarm(*_):
        raise Hang()

    signal.signal(signal.SIGALRM, on_alarm)
    tmp = Path(tempfile.mkdtemp(prefix="lagebild-fuzz-"))
    t0 = time.time()

    def case_runner(seed_value: int, n: int):
        @seed(seed_value)
        @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(cases)
        def one(case):
            files, odd = case
            stats["examples"] += 1
            stats["files"] += len(files) + (odd is not None)
            signal.alarm(args.hang_s)
            try:
                res = run_case(tmp / "case", files, odd)
                stats["articles"] += res["articles"]
                stats["error_lines"] += res["errors"]
            except Hang:
                stats["hangs"] += 1
                failures.append(("hang", repr(case)[:300]))
            except Exception as exc:  # counted, not raised: the run goes on to the full count
                stats["crashes"] += 1
                failures.append((f"{type(exc).__name__}: {exc}"[:300], repr(case)[:300]))
                import traceback

                print("CRASH", json.dumps(failures[-1]), traceback.format_exc()[-1500:], file=sys.stderr, flush=True)
            finally:
                signal.alarm(0)

        return one

    k = 0
    while stats["examples"] < args.examples:  # rounds of 100 with their own seeds (a time limit can end it)
        if args.max_minutes and time.time() - t0 > args.max_minutes * 60:
            stats["stopped_by_time_limit"] = True
            break
        case_runner(args.seed * 1000 + k, min(100, args.examples - stats["examples"]))()
        k += 1
        print(json.dumps({**stats, "seconds": round(time.time() - t0)}), file=sys.stderr, flush=True)
    stats["seconds"] = round(time.time() - t0)
    stats["result"] = "pass" if not failures else "fail"
    print(json.dumps(stats))
    for f in failures[:20]:
        print(json.dumps(f), file=sys.stderr)


if __name__ == "__main__":
    main()
