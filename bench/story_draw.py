"""Draw a fresh 10kGNAD story set for blind annotation (figure groups; issue 16's held-out disagreements).

    python bench/story_draw.py DIR [--salt grp46] [--singles 100] [--parts 4]

The pool is every 10kGNAD test row that no own set uses (`audit_sample.used_lines`) and that figure-survey part D
did not draw. Candidate multi-article stories are the connected parts of a TF-IDF cosine graph over the pool
(scikit-learn, threshold 0.3, at most 4 articles; no lagebild output is used to pick them); single articles are
added by sha1(salt + row). The annotators read only the articles and the guideline
(tests/data/stories_gnad2_GUIDELINE.md); they confirm or split each candidate story and write gold figure groups.
DIR/skeleton_pN.jsonl holds each part's story records with article refs (line, head, SHA-1) and empty gold.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.audit_sample import used_lines  # noqa: E402
from bench.figure_survey import gnad_documents  # noqa: E402

THRESHOLD = 0.3
MAX_ARTICLES = 4


def pool() -> tuple[list[int], dict[str, dict]]:
    """Fresh rows (0-based): not used by an own set and not drawn for figure-survey part D."""
    used = used_lines()
    docs = gnad_documents()
    rows = [int(k[5:]) for k in docs if int(k[5:]) not in used and int(k[5:]) + 1 not in used]
    part_d = set(sorted(rows, key=lambda i: hashlib.sha1(f"fig43:{i}".encode()).hexdigest())[:50])
    return [i for i in rows if i not in part_d], docs


def candidate_stories(rows: list[int], docs: dict[str, dict]) -> list[list[int]]:
    """Connected parts of the cosine graph (edges >= THRESHOLD), strongest edges first, capped in size."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [docs[f"gnad_{i:04d}"]["text"] for i in rows]
    x = TfidfVectorizer(min_df=2, max_df=0.3, sublinear_tf=True).fit_transform(texts)
    sim = (x @ x.T).tocoo()
    edges = sorted(((v, rows[a], rows[b]) for a, b, v in zip(sim.row, sim.col, sim.data) if a < b and v >= THRESHOLD),
                   reverse=True)
    part: dict[int, list[int]] = {}
    for _, a, b in edges:
        pa, pb = part.get(a), part.get(b)
        if pa is pb and pa is not None:
            continue
        merged = sorted(set(pa or [a]) | set(pb or [b]))
        if len(merged) > MAX_ARTICLES:
            continue
        for i in merged:
            part[i] = merged
    seen, out = set(), []
    for p in part.values():
        if id(p) not in seen:
            seen.add(id(p))
            out.append(p)
    return sorted(out)


def ref(i: int, docs: dict[str, dict]) -> dict:
    text = docs[f"gnad_{i:04d}"]["text"]
    return {"ref": {"file": "10kgnad/test.csv", "line": i + 1, "head": text[:60]},
            "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--salt", default="grp46")
    ap.add_argument("--singles", type=int, default=100)
    ap.add_argument("--parts", type=int, default=4)
    args = ap.parse_args()
    rows, docs = pool()
    stories = candidate_stories(rows, docs)
    taken = {i for s in stories for i in s}
    rest = [i for i in rows if i not in taken and len(docs[f"gnad_{i:04d}"]["text"]) > 800]
    singles = sorted(rest, key=lambda i: hashlib.sha1(f"{args.salt}:{i}".encode()).hexdigest())[:args.singles]
    stories += [[i] for i in sorted(singles)]
    stories.sort(key=lambda s: hashlib.sha1(f"{args.salt}:{s[0]}".encode()).hexdigest())
    (args.out / "articles").mkdir(parents=True, exist_ok=True)
    parts: list[list[dict]] = [[] for _ in range(args.parts)]
    for n, s in enumerate(stories):
        for i in s:
            (args.out / "articles" / f"gnad_{i + 1:04d}.txt").write_text(docs[f"gnad_{i:04d}"]["text"], encoding="utf-8")
        rec = {"story_id": f"e{n + 1:02d}", "title": "", "files": [f"articles/gnad_{i + 1:04d}.txt" for i in s],
               "articles": [ref(i, docs) for i in s], "entities": None, "figures": [], "groups": []}
        parts[n % args.parts].append(rec)
    for k, recs in enumerate(parts):
        (args.out / f"skeleton_p{k + 1}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs),
                                                          encoding="utf-8")
    print(json.dumps({"pool": len(rows), "candidate_stories": len(stories) - len(singles), "singles": len(singles),
                      "articles": sum(len(s) for s in stories), "parts": [len(p) for p in parts]}))


if __name__ == "__main__":
    main()
