"""The figure survey (README: figures shown in the dossier): every figure the dossier shows, judged blind.

    python bench/figure_survey.py draw DIR                 # DIR/A, DIR/B, DIR/C: the 560 surveyed Wikinews docs in 3 parts
    python bench/figure_survey.py draw-gnad DIR            # DIR/D: 50 10kGNAD test articles outside the own story sets
    lagebild report DIR/A/input.jsonl -o DIR/A/dossier
    python bench/figure_survey.py items DIR/A [--parts 4]  # DIR/A/review/items_f1.txt ... (one reviewer each)
    (reviewers judge blind, after bench/figure_guideline.md, into DIR/A/review/judgments_f1.txt ...)
    python bench/figure_survey.py record A DIR/A           # bench/surveys/figures_A.jsonl: hashed keys and labels
    python bench/figure_survey.py score [--parts A,B]      # the current code against the recorded judgments

The documents are those of the recorded Wikinews surveys 28-41 (`bench/surveys/survey*.jsonl`): read for quote,
entity and timeline rules, never for figure rules before this survey. They are split into three parts by
sha1('fig42:' + id) mod 3: A (judged on the code before any figure rule of this survey, then tuned on), B (judged
after A's rules, then tuned on), C (judged once on the final code: held out, never read for rules). An item is what
the HTML report shows for a figure: its value or range with the unit, the counted noun and the source chain
(`shown`); a record keeps per item a hash of (article, start, end, shown), a hash of (article, start, end), the
label (right | wrong) and the class, never the text. `score` prints per part: judged items still shown as they were
(right, wrong), judged items shown differently now (changed) or no longer (gone), and shown items no one judged.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.survey_score import HERE, _documents, dossier_for  # noqa: E402
from lagebild.report.common import chain, fmt_figure  # noqa: E402

SALT = "fig42:"


def shown(fig: dict) -> str:
    """A figure as the HTML report shows it: '≈ 1.000 Musikstücke (laut X)'."""
    out = fmt_figure(fig) + (" " + fig["count_of"] if fig.get("count_of") else "")
    src = chain(fig.get("attributed_to") or [])
    return out + (f" (laut {src})" if src else "")


def _h(parts: list) -> str:
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def part_of(doc_id: str) -> str:
    return "ABC"[int(hashlib.sha1((SALT + doc_id).encode("utf-8")).hexdigest(), 16) % 3]


def survey_docs() -> list[str]:
    ids: list[str] = []
    for p in sorted(HERE.glob("survey*.jsonl")):
        ids += json.loads(p.read_text(encoding="utf-8").splitlines()[0])["docs"]
    return sorted(ids, key=lambda i: hashlib.sha1((SALT + i).encode("utf-8")).hexdigest())


def gnad_documents(ids: set[str] | None = None) -> dict[str, dict]:
    """10kGNAD test articles as 'gnad_NNNN' (row index) records (no date: the corpus has none)."""
    import csv

    from lagebild.datapaths import shared_data

    csv.field_size_limit(1 << 24)
    with open(shared_data("corpus", "10kgnad", "test.csv"), encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";", quotechar="'"))
    out = {f"gnad_{i:04d}": {"id": f"gnad_{i:04d}", "text": r[1]} for i, r in enumerate(rows) if len(r) > 1}
    return out if ids is None else {k: v for k, v in out.items() if k in ids}


def draw_gnad(out: Path, n: int = 50) -> None:
    """Part D: n 10kGNAD test articles by sha1('fig43:' + row), outside the lines the own sets use
    (`audit_sample.used_lines`: the 78 lines of the story sets)."""
    from bench.audit_sample import used_lines

    used = used_lines()
    docs = gnad_documents()
    # a row i is line i + 1; part D's draw also left out row i == a used line (kept: the draw must reproduce)
    pool = [int(k[5:]) for k in docs if int(k[5:]) not in used and int(k[5:]) + 1 not in used]
    pick = sorted(pool, key=lambda i: hashlib.sha1(f"fig43:{i}".encode()).hexdigest())[:n]
    (out / "D").mkdir(parents=True, exist_ok=True)
    (out / "D" / "input.jsonl").write_text("".join(json.dumps(docs[f"gnad_{i:04d}"], ensure_ascii=False) + "\n"
                                                   for i in pick), encoding="utf-8")
    print(json.dumps({"part": "D", "pool": len(pool), "docs": len(pick)}))


def draw(out: Path) -> None:
    ids = survey_docs()
    docs = _documents(set(ids))
    for part in "ABC":
        d = out / part
        d.mkdir(parents=True, exist_ok=True)
        mine = [i for i in ids if part_of(i) == part]
        (d / "input.jsonl").write_text("".join(json.dumps(docs[i], ensure_ascii=False) + "\n" for i in mine),
                                       encoding="utf-8")
        (d / "GUIDELINE_FIG.md").write_text((Path(__file__).parent / "figure_guideline.md").read_text(encoding="utf-8"),
                                            encoding="utf-8")
        print(json.dumps({"part": part, "docs": len(mine)}))


def numbered(dossier: dict):
    """(item id 'F1', article, figure) for every figure, article by article in story order (the reviewers' order)."""
    n = 0
    for story in sorted(dossier["stories"], key=lambda s: s["article_ids"][0]):
        for aid in story["article_ids"]:
            for f in sorted((f for f in story["figures"] if f["article_id"] == aid), key=lambda f: f["start"]):
                n += 1
                yield f"F{n}", aid, f


def _context(text: str, s: int, e: int) -> str:
    a = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s)) + 1
    b = min([x for x in (text.find(". ", e), text.find("\n", e)) if x >= 0] or [len(text)])
    ctx = " ".join((text[a:s] + "[[" + text[s:e] + "]]" + text[e:b + 1]).split())
    if len(ctx) > 400:
        i = ctx.find("[[")
        ctx = ("…" if i > 200 else "") + ctx[max(0, i - 200):i + 200] + "…"
    return ctx


def items(d: Path, parts: int) -> None:
    dossier = json.loads((d / "dossier" / "dossier.json").read_text(encoding="utf-8"))
    arts = {a["id"]: a for a in dossier["articles"]}
    (d / "articles").mkdir(exist_ok=True)
    (d / "review").mkdir(exist_ok=True)
    blocks: dict[str, list[str]] = {}
    for item, aid, f in numbered(dossier):
        a = arts[aid]
        if aid not in blocks:
            blocks[aid] = [f"\n######## ARTICLE articles/{aid}.txt (published {a.get('published') or 'unknown'})"]
            (d / "articles" / f"{aid}.txt").write_text((a.get("title") or "") + "\n\n" + a["text"], encoding="utf-8")
        blocks[aid].append(f"{item}: shown: {shown(f)}   | words: {f['text']!r} | in: "
                           f"{_context(a['text'], f['start'], f['end'])}")
    total = sum(len(b) - 1 for b in blocks.values())
    per, cur, outs = -(-total // parts), [], []
    for b in blocks.values():
        cur += b
        if sum(1 for x in cur if x.startswith("F")) >= per:
            outs.append(cur)
            cur = []
    outs += [cur] if cur else []
    for i, o in enumerate(outs, 1):
        (d / "review" / f"items_f{i}.txt").write_text("\n".join(o) + "\n", encoding="utf-8")
    print(json.dumps({"figures": total, "parts": [sum(1 for x in o if x.startswith("F")) for o in outs]}))


def labels(review: Path) -> dict[str, tuple[str, str]]:
    """Item -> (right | wrong, class: 'right', 'right bare', 'not a figure', 'wrong value', ...)."""
    out = {}
    for f in sorted(review.glob("judgments_f*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            m = re.match(r"(F\d+):?\s+(.*)", line.strip())
            if not m:
                continue
            rest = m.group(2)
            if rest.startswith("right"):
                cls = "right bare" if rest.startswith("right bare") else "right"
            elif rest.startswith("not a figure"):
                cls = "not a figure"
            else:
                mm = re.match(r"wrong ([a-z ]+?)\s*:", rest)
                cls = "wrong " + (mm.group(1) if mm else "other")
            out[m.group(1)] = ("right" if cls.startswith("right") else "wrong", cls)
    return out


def record(part: str, d: Path) -> None:
    dossier = json.loads((d / "dossier" / "dossier.json").read_text(encoding="utf-8"))
    lab = labels(d / "review")
    seen = {}  # what the reviewers saw (the item lists), in case the report's formatting changed since
    for f in sorted((d / "review").glob("items_f*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            m = re.match(r"(F\d+): shown: (.*?)   \| words: ", line)
            if m:
                seen[m.group(1)] = m.group(2)
    docs = [json.loads(x)["id"] for x in (d / "input.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    lines = [json.dumps({"part": part, "docs": docs})]
    for item, aid, f in numbered(dossier):
        if item in lab:
            lines.append(json.dumps({"item": item, "key": _h([aid, f["start"], f["end"], seen.get(item) or shown(f)]),
                                     "at": _h([aid, f["start"], f["end"]]), "label": lab[item][0], "class": lab[item][1]}))
    (HERE / f"figures_{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    c = Counter(v[1] for v in lab.values())
    right = sum(v for k, v in c.items() if k.startswith("right"))
    print(json.dumps({"part": part, "judged": len(lab), "right": right, "precision": round(right / max(1, len(lab)), 3),
                      "right_bare": c["right bare"], "classes": dict(c)}))


def score(parts: list[str]) -> None:
    for part in parts:
        path = HERE / f"figures_{part}.jsonl"
        if not path.exists():
            continue
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        head, judged = rows[0], rows[1:]
        docs = {**_documents(set(head["docs"])), **gnad_documents({i for i in head["docs"] if i.startswith("gnad_")})}
        dossier = dossier_for([docs[i] for i in head["docs"]])
        now = {_h([aid, f["start"], f["end"], shown(f)]) for _, aid, f in numbered(dossier)}
        at = {_h([aid, f["start"], f["end"]]) for _, aid, f in numbered(dossier)}
        c = Counter()
        for it in judged:
            state = "kept" if it["key"] in now else "changed" if it["at"] in at else "gone"
            c[f"{state}_{it['label']}"] += 1
        c["unjudged_now"] = len(at - {it["at"] for it in judged})
        kept = c["kept_right"] + c["kept_wrong"]
        first = sum(it["label"] == "right" for it in judged)
        print(json.dumps({"task": "figure_survey", "part": part, "judged": len(judged),
                          "first_precision": round(first / max(1, len(judged)), 6),
                          "kept_precision": round(c["kept_right"] / kept, 6) if kept else None,
                          **dict(sorted(c.items()))}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("draw").add_argument("out", type=Path)
    sub.add_parser("draw-gnad").add_argument("out", type=Path)
    p = sub.add_parser("items")
    p.add_argument("dir", type=Path)
    p.add_argument("--parts", type=int, default=4)
    p = sub.add_parser("record")
    p.add_argument("part", choices=list("ABCD"))
    p.add_argument("dir", type=Path)
    sub.add_parser("score").add_argument("--parts", default="A,B,C")
    args = ap.parse_args()
    if args.cmd == "draw":
        draw(args.out)
    elif args.cmd == "draw-gnad":
        draw_gnad(args.out)
    elif args.cmd == "items":
        items(args.dir, args.parts)
    elif args.cmd == "record":
        record(args.part, args.dir)
    else:
        score(args.parts.split(","))


if __name__ == "__main__":
    main()
