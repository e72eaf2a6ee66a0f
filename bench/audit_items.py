"""List what an outside-style audit's reviewer judges (README: outside-style audits).

    python bench/audit_items.py DIR        # DIR from bench/audit_sample.py or bench/survey_sample.py; writes
                                           # DIR/review/items.txt and its two reviewers' parts items_qt.txt, items_e.txt

One block per story (its article files), then every item the dossier shows, numbered: shown quotes
(Q), listed entities (E) and shown timeline rows (T); each article with the publication date the
dossier gives it (relative dates are judged against it). A quote's speaker is given as the report shows
it (the canonical entity, else the phrase as written; `lagebild.report.markdown`), with the phrase as
written beside it when they differ: what the reader sees is what is judged. Prints the three counts.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def shown_speaker(q: dict) -> str:
    """The speaker as the Markdown/HTML report writes it."""
    names = q.get("speakers") or []
    return q.get("speaker_entity") or (" / ".join(names) if len(names) > 1 else q.get("speaker")) or "?"


def shown_items(dossier: dict):
    """(story, item id as numbered for the reviewer, item) of every shown quote ('Q1'), listed entity ('E1') and shown
    timeline row ('T1'), story by story in the order of their first article; None as the id opens each story. The one
    walk that both the review list (`items`) and `bench/survey_score.py` number their items by."""
    n = {"Q": 0, "E": 0, "T": 0}
    for story in sorted(dossier["stories"], key=lambda s: s["article_ids"][0]):
        yield story, None, None
        for kind, field, flag in (("Q", "quotes", "shown"), ("E", "entities", "listed"), ("T", "timeline", "shown")):
            for item in story[field]:
                if item.get(flag):
                    n[kind] += 1
                    yield story, f"{kind}{n[kind]}", item


def items(dossier: dict) -> tuple[list[str], int, int, int]:
    out: list[str] = []
    counts = {"Q": 0, "E": 0, "T": 0}
    dated = {a["id"]: a.get("published") for a in dossier.get("articles", [])}
    for story, item_id, x in shown_items(dossier):
        if item_id is None:
            out.append("\n######## ARTICLE(S) " + ", ".join(
                f"articles/{a}.txt (published {dated.get(a) or 'unknown'})" for a in story["article_ids"]))
            continue
        counts[item_id[0]] += 1
        if item_id[0] == "Q":
            who = shown_speaker(x)
            written = f", written {x['speaker']!r}" if x.get("speaker") and x["speaker"] != who else ""
            out.append(f"{item_id}: speaker={who!r} ({x['form']}, cue={x.get('cue')!r}{written}) text={x['text']!r}")
        elif item_id[0] == "E":
            out.append(f"{item_id}: {x['name']!r} type={x['type']} aliases={x['aliases']} mentions={len(x['mentions'])}")
        else:
            out.append(f"{item_id}: value={x['value']} expression={x['text']!r} in: {x['event']!r}")
    return out, counts["Q"], counts["E"], counts["T"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    args = ap.parse_args()
    dossier = json.loads((args.dir / "dossier" / "dossier.json").read_text(encoding="utf-8"))
    lines, nq, ne, nt = items(dossier)
    (args.dir / "review").mkdir(exist_ok=True)
    (args.dir / "review" / "items.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # the two reviewers' parts: quotes and timeline rows; entities (each with the article headers)
    for name, drop in (("items_qt.txt", ("E",)), ("items_e.txt", ("Q", "T"))):
        part = [line for line in lines if not line.startswith(drop)]
        (args.dir / "review" / name).write_text("\n".join(part) + "\n", encoding="utf-8")
    print(json.dumps({"quotes": nq, "entities": ne, "timeline": nt}))


if __name__ == "__main__":
    main()
