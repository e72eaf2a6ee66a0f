"""Draw the next Wikinews survey sample (README: the rounds of surveys 29-41), as the surveys 37-41 were drawn.

    python bench/survey_sample.py s42 DIR [--n 40]
    lagebild report DIR/input.jsonl -o DIR/dossier
    python bench/audit_items.py DIR          # DIR/review/items.txt, items_qt.txt (quotes, rows), items_e.txt
    (two reviewers judge the items blind, after DIR/GUIDELINE.md, into DIR/review/judgments_qt.txt / judgments_e.txt)
    python bench/survey_record.py 42 DIR     # bench/surveys/survey42.jsonl, then bench/survey_score.py reads it

The pool is the SpkAtt *tuning* split of the Wikinews documents (`lagebild.evaluate.quotes.split_ids(..., "dev")`
over the file stems of `../shared/data/quotes/wikinews-spkatt/train`; the held-out fifth is never drawn), minus every
document a recorded survey (`bench/surveys/*.jsonl`) already used, ordered by sha1(tag + id): a fresh draw per tag,
none read before. Title and date come from the document's name in `wikinews-quotes-2024/train.jsonl.gz`; each
article is written to DIR/articles/ID.txt (title line, then the text) for the reviewers. After survey 41 the pool is
empty: the script says so.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lagebild.datapaths import shared_data  # noqa: E402
from lagebild.evaluate.quotes import split_ids  # noqa: E402

HERE = Path(__file__).resolve().parent


def used_documents() -> set[str]:
    used: set[str] = set()
    for f in (HERE / "surveys").glob("survey*.jsonl"):
        with f.open(encoding="utf-8") as fh:
            used.update(json.loads(fh.readline())["docs"])
    return used


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tag", help="the survey's tag, e.g. s42 (it seeds the draw)")
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=40)
    args = ap.parse_args()
    stems = [p.stem for p in Path(shared_data("quotes", "wikinews-spkatt", "train")).glob("*.json")]
    pool = {"wn_" + s for s in split_ids(stems, "dev")} - used_documents()
    docs = {}
    with gzip.open(shared_data("quotes", "wikinews-quotes-2024", "train.jsonl.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if "wn_" + str(d["file_id"]) in pool:
                docs["wn_" + str(d["file_id"])] = d
    chosen = sorted(docs, key=lambda i: hashlib.sha1((args.tag + i).encode("utf-8")).hexdigest())[:args.n]
    print(json.dumps({"pool": len(docs), "drawn": len(chosen)}))
    if not chosen:
        return
    (args.out / "articles").mkdir(parents=True, exist_ok=True)
    with (args.out / "input.jsonl").open("w", encoding="utf-8") as fh:
        for i in chosen:
            d = docs[i]
            m = re.match(r"\d+ - (.*) \((\d{4}-\d\d-\d\d)\)$", d["documentName"])
            rec = {"id": i, "text": d["originalText"], "published": m.group(2), "title": m.group(1)}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            (args.out / "articles" / f"{i}.txt").write_text(rec["title"] + "\n" + rec["text"], encoding="utf-8")
    shutil.copy(HERE / "audit_guideline.md", args.out / "GUIDELINE.md")


if __name__ == "__main__":
    main()
