"""Record a judged survey as bench/surveys/surveyNN.jsonl (README: the rounds of surveys 29-41).

    python bench/survey_record.py 42 DIR

DIR is a survey folder (`bench/survey_sample.py`): DIR/input.jsonl (the drawn document ids), DIR/dossier/dossier.json
(what the reviewers saw) and the reviewers' lines in DIR/review/judgments_qt.txt and judgments_e.txt (or one
judgments.txt): 'Q3 right', 'E12 wrong type: …'. The record holds the document ids and, per judged item, a hash of
what the dossier showed (`bench.survey_score.item_keys`), the label and the error class -- no article text.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.survey_score import HERE, item_keys  # noqa: E402


def labels(review: Path) -> dict[str, tuple[str, str | None]]:
    """Item id -> (right | wrong, error class or None) from the reviewers' judgment files."""
    out: dict[str, tuple[str, str | None]] = {}
    for f in ("judgments_qt.txt", "judgments_e.txt", "judgments.txt"):
        if not (review / f).exists():
            continue
        for line in (review / f).read_text(encoding="utf-8").splitlines():
            p = line.split()
            if not p or not re.match(r"[QET]\d+:?$", p[0]) or len(p) < 2:
                continue
            right = p[1].lower().startswith("right")
            cls = None
            if not right:
                m = re.match(r"(?:wrong\s+)?([a-z ]+?)\s*:", line[len(p[0]):].strip())
                cls = (m.group(1) if m else "other").strip()
                cls = "wrong " + cls if cls in ("speaker", "span", "type", "value") else cls.removeprefix("wrong wrong ")
            out[p[0].rstrip(":")] = ("right" if right else "wrong", cls)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("number", type=int)
    ap.add_argument("dir", type=Path)
    args = ap.parse_args()
    dossier = json.loads((args.dir / "dossier" / "dossier.json").read_text(encoding="utf-8"))
    judged = labels(args.dir / "review")
    docs = [json.loads(line)["id"] for line in (args.dir / "input.jsonl").read_text(encoding="utf-8").splitlines() if line]
    rows = [{"item": item, "key": key, "label": judged[item][0], "class": judged[item][1]}
            for item, key in item_keys(dossier) if item in judged]
    missing = sum(1 for item, _ in item_keys(dossier) if item not in judged)
    path = HERE / f"survey{args.number}.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                            for r in [{"survey": args.number, "docs": docs}, *rows]), encoding="utf-8")
    print(json.dumps({"survey": args.number, "docs": len(docs), "judged": len(rows), "unjudged": missing,
                      "file": str(path)}))


if __name__ == "__main__":
    main()
