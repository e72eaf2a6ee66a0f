"""Build the German story-clustering dev set from 10kGNAD (ids and labels only live in the repo).

    python training/cluster/build_gnad_dev.py [OUT.jsonl]   (default training/cluster/runs/gnad-stories-dev.jsonl)
    lagebild eval cluster training/cluster/runs/gnad-stories-dev.jsonl

How the labels were made (gnad_stories.tsv): 10kGNAD test.csv (1,028 derStandard articles,
2015-2016) is a random sample, not a story corpus. Candidate pairs came from TF-IDF neighbours
(cosine >= 0.13) over the whole file; each candidate group was read and labelled by hand as one
story only when the articles report the same event or its direct follow-up (same agreement,
same trial, same election count, same border crossing in the same week, same summit). Groups
that are only the same topic (separate knife attacks, separate PKK clashes, Oscar nominations vs
awards) were left out entirely rather than guessed. Three Dominic-Thiem tournament reports are
kept as separate one-article stories (hard negatives: same player, different events), and 20
articles taken at a fixed stride (every 47th row, skipping rows near a labelled article and the
'Volltext ... nicht mehr zur Verfügung' stubs) are singletons. Each row stores the row index and
sha1(text)[:10] so that a changed source file is detected instead of silently mislabelled.
"""
from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

from lagebild.datapaths import shared_data

LABELS = Path(__file__).with_name("gnad_stories.tsv")


def build(out: Path) -> int:
    src = shared_data("corpus", "10kgnad", "test.csv")
    with open(src, encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=";", quotechar="'"))
    n = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fo:
        for line in LABELS.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            idx, digest, label = line.split("\t")
            text = rows[int(idx)][1]
            if hashlib.sha1(text.encode()).hexdigest()[:10] != digest:
                raise SystemExit(f"row {idx}: text hash mismatch, source file changed")
            fo.write(json.dumps({"id": f"gnad-{idx}", "title": None, "text": text, "published": None,
                                 "language": "de", "cluster": label}, ensure_ascii=False) + "\n")
            n += 1
    return n


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("training/cluster/runs/gnad-stories-dev.jsonl")
    print(f"{build(target)} articles -> {target}")
