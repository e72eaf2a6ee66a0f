"""The figure-group survey (issue 16): every figure group the dossier shows, judged blind.

    python bench/group_survey.py items DOSSIER_DIR... --out DIR [--reviewers 2]   # DIR/items_g1.txt ..., DIR/articles
    (reviewers judge blind, after bench/figure_group_guideline.md, into DIR/judgments_g1.txt ...)
    python bench/group_survey.py record PART DIR        # bench/surveys/groups_PART.jsonl (PART: A, B, C or D)
    python bench/group_survey.py score [--parts A,B,C,D] [--total]

The documents are the figure survey's parts (`bench/surveys/figures_{A,B,C,D}.jsonl` name them): A and B were
judged for groups on the code before the group rules of the figure-survey round and tuned on since; C and D were
judged once, after them (c447836), and their errors were read for the next round's rules (its note lists them).
An item is a group as the report shows it: its verdict, keys, reason and members (the figure as shown, the
sentence with the number marked). A record keeps per group a hash of its members' (article, start, end), a hash of
that with the verdict and the reason, the label (right | wrong) and the class (right, wrong grouping, wrong verdict,
wrong reason), never the text. `score` prints per part: judged groups still made as judged (same members, verdict
and reason), made with the same members but another verdict or reason (changed), no longer made (gone), groups
made now that no one judged, and of those the reports show (`shown`) how many were judged as they are now.
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

from bench.figure_survey import _context, gnad_documents, shown  # noqa: E402
from bench.survey_score import HERE, _documents, dossier_for  # noqa: E402

_HEAD = re.compile(r"######## (G\d+): .*? verdict=(\w+) \| keys: .*? \| reason: (.*)$")
_MEMBER = re.compile(r"\s+- (.*?) \[articles/(.+?)\.txt\] in: (.*)$")


def _h(parts: list) -> str:
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def numbered(dossier: dict):
    """('G1', group, {figure id: figure}) in story order (first article id), then dossier order."""
    n = 0
    for story in sorted(dossier["stories"], key=lambda s: s["article_ids"][0]):
        figs = {f["id"]: f for f in story["figures"]}
        for g in story["figure_groups"]:
            n += 1
            yield f"G{n}", g, figs


def members_key(spans: list[tuple[str, int, int]]) -> str:
    return _h(sorted([list(s) for s in spans]))


def items(dossiers: list[Path], out: Path, reviewers: int) -> None:
    """Reviewer files in the format of bench/figure_group_guideline.md, groups numbered across the dossiers."""
    (out / "articles").mkdir(parents=True, exist_ok=True)
    blocks, n = [], 0
    for d in dossiers:
        dossier = json.loads((d / "dossier.json").read_text(encoding="utf-8"))
        arts = {a["id"]: a for a in dossier["articles"]}
        for _, g, figs in numbered(dossier):
            n += 1
            keys = " · ".join(f"{k}={', '.join(v) if isinstance(v, list) else v}" for k, v in g["keys"].items() if v)
            label = next((figs[i].get("count_of") for i in g["figure_ids"] if figs[i].get("count_of")), g["topic"])
            lines = [f"######## G{n}: \"{label}\" verdict={g['kind']} | keys: {keys} | reason: {g['reason']}"]
            for fid in g["figure_ids"]:
                f, a = figs[fid], arts[figs[fid]["article_id"]]
                (out / "articles" / f"{a['id']}.txt").write_text((a.get("title") or "") + "\n\n" + a["text"], encoding="utf-8")
                lines.append(f"  - {shown(f)} [articles/{a['id']}.txt] in: {_context(a['text'], f['start'], f['end'])}")
            blocks.append("\n".join(lines))
    per = -(-len(blocks) // reviewers)
    for k in range(reviewers):
        (out / f"items_g{k + 1}.txt").write_text("\n\n".join(blocks[k * per:(k + 1) * per]) + "\n", encoding="utf-8")
    print(json.dumps({"groups": len(blocks), "reviewers": reviewers}))


def _labels(review: Path) -> dict[str, tuple[str, str]]:
    out = {}
    for f in sorted(review.glob("judgments_g[0-9]*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            m = re.match(r"(G\d+):?\s+(right|wrong (?:grouping|verdict|reason))", line.strip())
            if m:
                out[m.group(1)] = ("right" if m.group(2) == "right" else "wrong", m.group(2))
    return out


def _locate(text: str, fig_text: str, ctx: str) -> tuple[int, int] | None:
    """The span of the marked number whose context the item shows: its sentence (`_context`) opens the item's
    context (the first reviewers' items went on to the next sentence)."""
    k = text.find(fig_text)
    while k >= 0:
        own = _context(text, k, k + len(fig_text)).strip("…")
        if ctx.strip("…").startswith(own) or own.startswith(ctx.strip("…")):
            return k, k + len(fig_text)
        k = text.find(fig_text, k + 1)
    return None


def record(part: str, review: Path) -> None:
    """Groups of the items files whose members belong to PART's documents, with their labels. The spans are
    found from what the reviewers saw (the article files and the marked sentences), not from a dossier."""
    head = json.loads((HERE / f"figures_{part}.jsonl").read_text(encoding="utf-8").splitlines()[0])
    docs = set(head["docs"])
    lab = _labels(review)
    rows, missing = [], 0
    for f in sorted(review.glob("items_g[0-9]*.txt")):
        cur = None
        for line in f.read_text(encoding="utf-8").splitlines() + ["######## END"]:
            if line.startswith("######## "):
                if cur and cur["spans"] and all(s[0] in docs for s in cur["spans"]) and cur["item"] in lab:
                    if any(sp[1] is None for sp in cur["spans"]):
                        missing += 1
                    else:
                        key = members_key(cur["spans"])
                        rows.append({"item": cur["item"], "members": key, "key": _h([key, cur["kind"], cur["reason"]]),
                                     "label": lab[cur["item"]][0], "class": lab[cur["item"]][1]})
                m = _HEAD.match(line)
                cur = {"item": m.group(1), "kind": m.group(2), "reason": m.group(3).strip(), "spans": []} if m else None
                continue
            m = _MEMBER.match(line)
            if cur is not None and m:
                aid, ctx = m.group(2), m.group(3)
                text = (review / "articles" / f"{aid}.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
                marked = re.search(r"\[\[(.+?)\]\]", ctx)
                at = _locate(text, marked.group(1), ctx) if marked else None
                cur["spans"].append((aid, *at) if at else (aid, None, None))
    (HERE / f"groups_{part}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in [{"part": part}] + rows),
                                               encoding="utf-8")
    c = Counter(r["class"] for r in rows)
    print(json.dumps({"part": part, "judged": len(rows), "right": c["right"], "unlocated": missing, "classes": dict(c)}))


def score(parts: list[str], total: bool = False) -> None:
    """One JSON line per part, or with `total` one line over all of them."""
    rows = []
    for part in parts:
        path = HERE / f"groups_{part}.jsonl"
        if not path.exists():
            continue
        judged = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()[1:] if x.strip()]
        head = json.loads((HERE / f"figures_{part}.jsonl").read_text(encoding="utf-8").splitlines()[0])
        docs = {**_documents(set(head["docs"])), **gnad_documents({i for i in head["docs"] if i.startswith("gnad_")})}
        dossier = dossier_for([docs[i] for i in head["docs"]])
        now_members, now_keys, kinds, shown_keys = set(), set(), Counter(), set()
        for _, g, figs in numbered(dossier):
            key = members_key([(figs[i]["article_id"], figs[i]["start"], figs[i]["end"]) for i in g["figure_ids"]])
            now_members.add(key)
            now_keys.add(_h([key, g["kind"], g["reason"]]))
            kinds[g["kind"] + ("" if g.get("shown", True) else " (not shown)")] += 1
            if g.get("shown", True):
                shown_keys.add(_h([key, g["kind"], g["reason"]]))
        c = Counter()
        for it in judged:
            state = "kept" if it["key"] in now_keys else "changed" if it["members"] in now_members else "gone"
            c[f"{state}_{it['label']}"] += 1
            if it["key"] in shown_keys:
                c[f"shown_kept_{it['label']}"] += 1
        c["unjudged_now"] = len(now_members - {it["members"] for it in judged})
        first = sum(it["label"] == "right" for it in judged)
        rows.append((part, len(judged), first, c, kinds))
    for part, n, first, c, kinds in ([("+".join(r[0] for r in rows), sum(r[1] for r in rows), sum(r[2] for r in rows),
                                       sum((r[3] for r in rows), Counter()), sum((r[4] for r in rows), Counter()))]
                                     if total and rows else rows):
        kept = c["kept_right"] + c["kept_wrong"]
        print(json.dumps({"task": "group_survey", "part": part, "judged": n, "first_right": first,
                          "first_precision": round(first / max(1, n), 6),
                          "kept_precision": round(c["kept_right"] / kept, 6) if kept else None,
                          **dict(sorted(c.items())), "groups_now": dict(sorted(kinds.items()))}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("items")
    p.add_argument("dossiers", type=Path, nargs="+")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--reviewers", type=int, default=2)
    p = sub.add_parser("record")
    p.add_argument("part", choices=list("ABCD"))
    p.add_argument("dir", type=Path)
    p = sub.add_parser("score")
    p.add_argument("--parts", default="A,B,C,D")
    p.add_argument("--total", action="store_true", help="one line over all parts")
    args = ap.parse_args()
    if args.cmd == "items":
        items(args.dossiers, args.out, args.reviewers)
    elif args.cmd == "record":
        record(args.part, args.dir)
    else:
        score(args.parts.split(","), args.total)


if __name__ == "__main__":
    main()
