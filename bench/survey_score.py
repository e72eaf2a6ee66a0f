"""Score the current code against the judged outside-style surveys (README: surveys 28-36).

    python bench/survey_score.py [--surveys 33,34] [-v]

Each `bench/surveys/surveyNN.jsonl` holds one survey of 40 Wikinews articles of the SpkAtt tuning split (first
line: the document ids; they are read from `../shared/data/quotes/wikinews-quotes-2024/train.jsonl.gz`, title and
date from the document's name, as the survey was run) and, per judged item, a hash of what the dossier showed (a
shown quote: article, text and shown speaker; a listed entity: its story's first article, name and type; a shown
timeline row: article, text, value and event), the reviewer's label and error class. Nothing of the articles is
stored. For each survey and item kind the script runs the pipeline as `lagebild report` does and prints one JSON
line: judged items still shown (right, wrong), judged items no longer shown as they were (right, wrong: fixed or
changed) and items shown now that no reviewer judged. These are tuned-on figures (every rule since survey NN may
have been written from survey NN); the fresh figure of a survey is its first judgment (README).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.audit_items import shown_items, shown_speaker  # noqa: E402
from lagebild.datapaths import shared_data  # noqa: E402

HERE = Path(__file__).resolve().parent / "surveys"


def _hash(parts: list) -> str:
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def item_keys(dossier: dict) -> list[tuple[str, str]]:
    """(item id as numbered for the reviewer, key hash) of every shown quote, listed entity and shown row, in the
    order of bench/audit_items.py (its `shown_items` walk)."""
    out = []
    for story, item_id, x in shown_items(dossier):
        if item_id is None:
            continue
        if item_id[0] == "Q":
            out.append((item_id, _hash(["Q", x["article_id"], x["text"], shown_speaker(x)])))
        elif item_id[0] == "E":
            out.append((item_id, _hash(["E", story["article_ids"][0], x["name"], x["type"]])))
        else:
            out.append((item_id, _hash(["T", x["article_id"], x["text"], x["value"], x["event"]])))
    return out


def _documents(ids: set[str]) -> dict[str, dict]:
    out = {}
    with gzip.open(shared_data("quotes", "wikinews-quotes-2024", "train.jsonl.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            key = "wn_" + str(d["file_id"])
            if key in ids:
                m = re.match(r"\d+ - (.*) \((\d{4}-\d\d-\d\d)\)$", d["documentName"])
                out[key] = {"id": key, "text": d["originalText"], "published": m.group(2), "title": m.group(1)}
    return out


def dossier_for(records: list[dict]) -> dict:
    import tempfile

    from lagebild.pipeline import dossier_from_docs, read_and_process

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        batch = read_and_process([str(path)], workers=1)
        return dossier_from_docs(batch.docs, batch.errors).to_dict()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--surveys", default="", help="comma-separated survey numbers (default: all)")
    ap.add_argument("-v", action="store_true", help="also list the judged-wrong items still shown, by class")
    args = ap.parse_args()
    wanted = {int(x) for x in args.surveys.split(",") if x}
    for path in sorted(HERE.glob("survey*.jsonl")):
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        head, items = lines[0], lines[1:]
        if wanted and head["survey"] not in wanted:
            continue
        docs = _documents(set(head["docs"]))
        if len(docs) < len(head["docs"]):
            print(json.dumps({"survey": head["survey"], "error": "documents missing from the shared data"}))
            continue
        now = {key: item[0] for item, key in item_keys(dossier_for([docs[i] for i in head["docs"]]))}
        judged = {it["key"]: it for it in items}
        for kind, name in (("Q", "quotes"), ("E", "entities"), ("T", "timeline")):
            mine = [it for it in items if it["item"].startswith(kind)]
            c = Counter(("kept_" if it["key"] in now else "gone_") + it["label"] for it in mine)
            row = {"survey": head["survey"], "kind": name, "judged": len(mine),
                   "kept_right": c["kept_right"], "kept_wrong": c["kept_wrong"],
                   "gone_right": c["gone_right"], "gone_wrong": c["gone_wrong"],
                   "unjudged_now": sum(1 for k, kd in now.items() if kd == kind and k not in judged)}
            if args.v:
                row["wrong_still_shown"] = dict(Counter(it["class"] for it in mine
                                                        if it["label"] == "wrong" and it["key"] in now))
            print(json.dumps(row))


if __name__ == "__main__":
    main()
