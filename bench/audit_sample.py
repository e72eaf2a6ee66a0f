"""Draw the German outside-style audit sample and write its dossier (README: outside-style audits).

40 articles of the shared 10kGNAD test file (longer than 800 characters) that no own set uses (no
`"line": N` reference under tests/data or training), drawn with a fixed seed; each is written as a
text file and `lagebild report` writes the dossier a reviewer then judges item by item (shown quotes,
listed entities, shown timeline rows, flagged figure groups) against the article.

Usage: `python bench/audit_sample.py OUT_DIR [--seed 61206] [--n 40] [--avoid DIR,DIR]`

`--avoid` leaves out the articles of earlier samples (their OUT_DIR/articles), so that a new audit is
unseen; `--lines 13,97,...` writes exactly those lines of the file (the README lists each audit's lines).
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def used_lines() -> set[int]:
    used: set[int] = set()
    for path in [*ROOT.glob("tests/data/*.jsonl"), *ROOT.glob("training/**/*.jsonl")]:
        used.update(int(n) for n in re.findall(r'"line":\s*(\d+)', path.read_text(encoding="utf-8")))
    return used


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=61206)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--avoid", default="", help="comma-separated OUT_DIRs of earlier audits")
    ap.add_argument("--lines", default="", help="comma-separated line numbers to write instead of a draw")
    args = ap.parse_args()
    from lagebild.datapaths import shared_data

    rows = list(csv.reader(open(shared_data("corpus", "10kgnad", "test.csv"), encoding="utf-8"), delimiter=";",
                           quotechar="'"))
    used = used_lines()
    cand = [i for i in range(len(rows)) if i + 1 not in used and len(rows[i][1]) > 800]
    seen = {int(m) for d in filter(None, args.avoid.split(",")) for p in Path(d, "articles").glob("gnad_*.txt")
            for m in re.findall(r"gnad_(\d+)", p.name)}
    if args.lines:
        pick = sorted(int(n) - 1 for n in args.lines.split(","))
    elif not seen:
        pick = sorted(random.Random(args.seed).sample(cand, args.n))  # (the draws of audits 3 and 4)
    else:
        order = random.Random(args.seed).sample(cand, len(cand))  # a draw of the whole pool, then the first n unseen
        pick = sorted([i for i in order if i + 1 not in seen][:args.n])
    src = args.out / "articles"
    src.mkdir(parents=True, exist_ok=True)
    for i in pick:
        (src / f"gnad_{i + 1:04d}.txt").write_text(rows[i][1], encoding="utf-8")
    print("lines:", " ".join(str(i + 1) for i in pick))
    subprocess.run([shutil.which("lagebild") or "lagebild", "report", str(src), "--out", str(args.out / "dossier")],
                   check=True)


if __name__ == "__main__":
    main()
