"""List what an outside-style audit's reviewer judges (README: outside-style audits).

    python bench/audit_items.py DIR        # DIR from bench/audit_sample.py; writes DIR/review/items.txt

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


def items(dossier: dict) -> tuple[list[str], int, int, int]:
    out: list[str] = []
    nq = ne = nt = 0
    dated = {a["id"]: a.get("published") for a in dossier.get("articles", [])}
    for story in sorted(dossier["stories"], key=lambda s: s["article_ids"][0]):
        out.append("\n######## ARTICLE(S) " + ", ".join(
            f"articles/{a}.txt (published {dated.get(a) or 'unknown'})" for a in story["article_ids"]))
        for q in story["quotes"]:
            if not q.get("shown"):
                continue
            nq += 1
            who = shown_speaker(q)
            written = f", written {q['speaker']!r}" if q.get("speaker") and q["speaker"] != who else ""
            out.append(f"Q{nq}: speaker={who!r} ({q['form']}, cue={q.get('cue')!r}{written}) text={q['text']!r}")
        for e in story["entities"]:
            if not e.get("listed"):
                continue
            ne += 1
            out.append(f"E{ne}: {e['name']!r} type={e['type']} aliases={e['aliases']} mentions={len(e['mentions'])}")
        for t in story["timeline"]:
            if not t.get("shown"):
                continue
            nt += 1
            out.append(f"T{nt}: value={t['value']} expression={t['text']!r} in: {t['event']!r}")
    return out, nq, ne, nt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    args = ap.parse_args()
    dossier = json.loads((args.dir / "dossier" / "dossier.json").read_text(encoding="utf-8"))
    lines, nq, ne, nt = items(dossier)
    (args.dir / "review").mkdir(exist_ok=True)
    (args.dir / "review" / "items.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(json.dumps({"quotes": nq, "entities": ne, "timeline": nt}))


if __name__ == "__main__":
    main()
