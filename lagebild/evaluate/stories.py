"""`lagebild eval stories FILE`: figure-group verdicts and canonical entities on hand-annotated stories.

FILE (tests/data/stories_dev.jsonl; format in tests/data/stories_GUIDELINE.md) holds one story per
line: article refs into 10kGNAD (`../shared/data/corpus/10kgnad/test.csv`, resolved by line) or into
ECB+ (`../shared/data/clustering/ecbplus-dev.jsonl`, resolved by id; tests/data/stories_en_GUIDELINE.md),
checked by SHA-1, gold entities {name, type, aliases} and gold figures grouped with a verdict
(agree / disagree / series / update). Several FILEs are scored together (one JSON line).

Each story's articles go through the real pipeline as `lagebild report` reads a text file (cleaning:
headline, dateline and signature dates, language; analysis of every article; then `build_story` on
all of them as one story: clustering is not what is measured here). Articles get ids from their
text hash, so no id carries a label and the order of stories or articles does not matter.

A system figure *is* a gold figure when both sit in the same article and the system span overlaps
an occurrence of the gold text. Scores:

* disagreement precision -- a group with `disagreement: true` is genuine when the two figures its
  reason names (`conflict`) are both figures of one gold `disagree` group; `_lenient` also counts a
  flagged group holding any two figures of one gold disagree group. Recall: gold disagree groups
  that some genuine flagged group hits.
* entity precision (stories whose `entities` is not null) -- a *listed* canonical entity (`listed` true; every entity where the field is
  absent) is right when its name or one of its aliases equals a gold entity's name or alias
  (case-insensitive) and the types agree. Recall: gold entities hit by a right listed entity;
  `entity_recall_2plus` only over gold entities with at least two mentions.
* verdict counts: how the system's groups that hit one gold group (two of its figures) were judged.
* shown-group precision -- a group the reports show (`shown`) is right when at least two of its figures are gold
  figures, all of those sit in one gold group, and its verdict is that group's verdict.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

import typer

from . import emit, prf

_KIND = {"agreement": "agree", "disagreement": "disagree", "series": "series", "update": "update", "distinct": "distinct"}


def _shared() -> Path:
    from ..datapaths import shared_dir

    return shared_dir()


@lru_cache(maxsize=4)
def _rows(path: str) -> list[list[str]]:
    csv.field_size_limit(10**8)
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter=";", quotechar="'"))


@lru_cache(maxsize=4)
def _records(path: str) -> dict[str, str]:
    with open(path, encoding="utf-8") as f:
        return {r["id"]: r["text"] for r in map(json.loads, f) if r.get("id")}


def resolve(ref: dict, sha1: str | None, corpus_root: Path) -> str:
    """The article text a ref points to: a 1-based `line` of a 10kGNAD csv or the `id` of a JSONL
    record (ECB+); the file is looked up under the corpus root, then under its parent (shared/data).
    Raises when head or hash do not match."""
    path = corpus_root / ref["file"]
    if not path.exists():
        path = corpus_root.parent / ref["file"]
    if "id" in ref:
        text = _records(str(path)).get(ref["id"], "")
    else:
        text = _rows(str(path))[ref["line"] - 1][1]
    if not text.startswith(ref.get("head", "")) or (sha1 and hashlib.sha1(text.encode("utf-8")).hexdigest() != sha1):
        raise ValueError(f"ref {ref} does not resolve to the annotated text")
    return text


_DETOK = [
    (re.compile(r"\A(?:https?|www) :[^\n]*\n"), ""),  # ECB+ ecbplus documents open with their source URL
    (re.compile(r"(?<=\d) , (?=\d{3}\b)"), ","), (re.compile(r"(?<=\d) \. (?=\d)"), "."),  # '20 , 000', '3 . 5'
    (re.compile(r"\b(\d{1,2}) / (\d{1,2}) / (\d{2,4})\b"), r"\1/\2/\3"),  # '05 / 02 / 2013'
    (re.compile(r"([$£€]) (?=\d)"), r"\1"),  # '$ 35' -> '$35'
    (re.compile(r"`` ?"), '"'), (re.compile(r" ?''"), '"'),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b"), r"\1"),  # "Reid 's" -> "Reid's"
    (re.compile(r"\( "), "("), (re.compile(r" \)"), ")"),
    (re.compile(r" ([,.;:!?%])(?=\s|$)"), r"\1"),  # 'Malibu , California' -> 'Malibu, California'
]


def detokenise(text: str) -> str:
    """ECB+ stores tokens joined by spaces ('20 , 000 people', "Reid 's"); lagebild reads news as
    written, so those texts -- and the gold phrases inside them, by the same function -- are joined back
    before analysis. Gold phrases that no longer occur simply count as missed."""
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text


def _detokenised_case(case: dict) -> dict:
    case = json.loads(json.dumps(case))
    for f in case.get("figures", []):
        f["text"] = detokenise(f["text"]).strip()
    for e in case.get("entities", []):
        e["name"] = detokenise(e["name"]).strip()
        e["aliases"] = [detokenise(a).strip() for a in e.get("aliases", [])]
    return case


def run_story(texts: list[str]) -> tuple[dict, list]:
    """Analyse the texts and link them as one story: (story dict, analysed docs)."""
    from ..analyse import analyse_article
    from ..clean import clean_document
    from ..link import build_story
    from ..records import RawDocument

    docs = []
    for text in texts:
        aid = "a" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
        docs.append(analyse_article(clean_document(RawDocument(id=aid, source=aid + ".txt", text=text))))
    story = build_story("story", docs, [])
    return story.to_dict(), docs


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    out, k = [], text.find(phrase)
    while k >= 0 and phrase:
        out.append((k, k + len(phrase)))
        k = text.find(phrase, k + 1)
    return out


def figure_map(story: dict, docs: list, case: dict) -> dict[str, int]:
    """system figure id -> gold figure index (see the module docstring)."""
    index = {d.id: n for n, d in enumerate(docs)}
    spans = [(g["article"], _occurrences(docs[g["article"]].text, g["text"])) for g in case.get("figures", [])]
    out = {}
    for f in story.get("figures", []):
        n = index.get(f["article_id"])
        for gi, (art, occ) in enumerate(spans):
            if art == n and any(a < f["end"] and f["start"] < b for a, b in occ):
                out[f["id"]] = gi
                break
    return out


def score_story(case: dict, story: dict, docs: list) -> dict:
    fmap = figure_map(story, docs, case)
    gold_groups = case.get("groups", [])
    group_of = {fi: k for k, g in enumerate(gold_groups) for fi in g["figures"]}
    disagree = {k for k, g in enumerate(gold_groups) if g["verdict"] == "disagree"}
    out = Counter()
    hit_disagree: set[int] = set()
    verdicts = Counter()
    flagged_rows = []
    for g in story.get("figure_groups", []):
        golds = [fmap[i] for i in g["figure_ids"] if i in fmap]
        hits = Counter(group_of[x] for x in set(golds) if x in group_of)
        best = [k for k, c in hits.items() if c >= 2]
        if best:
            verdicts[f"{gold_groups[best[0]]['verdict']}->{_KIND.get(g.get('kind'), g.get('kind'))}"] += 1
        if g.get("shown", True):  # what the reports show: its figures make up one gold group, with its verdict
            out["shown_groups"] += 1
            k = {group_of.get(x) for x in golds}
            out["shown_right"] += len(golds) >= 2 and len(k) == 1 and None not in k and \
                gold_groups[k.pop()]["verdict"] == _KIND.get(g.get("kind"), g.get("kind"))
        if not g.get("disagreement"):
            continue
        out["flagged"] += 1
        pair = [fmap.get(i) for i in g.get("conflict") or []]
        genuine = len(pair) == 2 and None not in pair and pair[0] != pair[1] and group_of.get(pair[0]) in disagree \
            and group_of.get(pair[0]) == group_of.get(pair[1])
        lenient = any(k in disagree for k in best)
        out["genuine"] += genuine
        out["genuine_lenient"] += lenient or genuine
        if genuine:
            hit_disagree.add(group_of[pair[0]])
        flagged_rows.append({"story": case["story_id"], "genuine": bool(genuine), "reason": g.get("reason")})
    out["gold_disagree"] = len(disagree)
    out["gold_disagree_found"] = len(hit_disagree)
    out["gold_figures"] = len(case.get("figures", []))
    out["figures_matched"] = len(set(fmap.values()))
    # entities (a set annotated for figure groups only has `entities: null`: not scored)
    if case.get("entities") is None:
        return {"counts": out, "verdicts": verdicts, "flagged": flagged_rows, "wrong_entities": [], "missed_entities": []}
    gold_ents = case["entities"]
    gold_names = [{n.lower() for n in [e["name"], *e.get("aliases", [])]} for e in gold_ents]
    found: set[int] = set()
    wrong = []
    for e in story.get("entities", []):
        if not e.get("listed", True):
            continue
        out["listed"] += 1
        names = {n.lower() for n in [e["name"], *e.get("aliases", [])]}
        match = [k for k, g in enumerate(gold_ents) if names & gold_names[k] and g["type"] == e["type"]]
        if match:
            out["listed_right"] += 1
            found.update(match)
        else:
            wrong.append(f"{e['name']} ({e['type']})")
    out["gold_entities"] = len(gold_ents)
    out["gold_entities_found"] = len(found)
    out["gold_entities_2plus"] = sum(1 for g in gold_ents if g.get("mentions", 0) >= 2)
    out["gold_entities_2plus_found"] = sum(1 for k in found if gold_ents[k].get("mentions", 0) >= 2)
    missed = [f"{g['name']} ({g['type']}, {g.get('mentions')})" for k, g in enumerate(gold_ents) if k not in found]
    return {"counts": out, "verdicts": verdicts, "flagged": flagged_rows, "wrong_entities": wrong, "missed_entities": missed}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def run(
    paths: list[Path] = typer.Argument(..., help="stories JSONL files (tests/data/stories_GUIDELINE.md), scored together"),
    corpus: Path = typer.Option(None, "--corpus", help="folder holding 10kgnad/test.csv (default ../shared/data/corpus; "
                                "ECB+ refs are looked up in its parent)"),
    errors: bool = typer.Option(False, "--errors", help="list flagged groups and wrong listed entities on stderr"),
) -> None:
    """Score figure-group disagreements and listed canonical entities on annotated stories; one JSON line."""
    root = corpus or _shared() / "data" / "corpus"
    if not (root / "10kgnad" / "test.csv").exists():
        raise typer.BadParameter(f"10kGNAD corpus not found under {root} (give --corpus)")
    cases = [json.loads(line) for path in paths for line in open(path, encoding="utf-8") if line.strip()]
    total, verdicts = Counter(), Counter()
    t0 = time.perf_counter()
    for case in sorted(cases, key=lambda c: (c["story_id"], c["articles"][0].get("text_sha1") or "")):
        texts = [resolve(a["ref"], a.get("text_sha1"), root) for a in case["articles"]]
        if any("id" in a["ref"] for a in case["articles"]):  # ECB+: tokens joined by spaces
            texts, case = [detokenise(t) for t in texts], _detokenised_case(case)
        story, docs = run_story(texts)
        res = score_story(case, story, docs)
        total.update(res["counts"])
        verdicts.update(res["verdicts"])
        if errors:
            for row in res["flagged"]:
                print(f"FLAG {'ok ' if row['genuine'] else 'BAD'} {row['story']}: {row['reason']}", file=sys.stderr)
            for name in res["wrong_entities"]:
                print(f"ENT  BAD {case['story_id']}: {name}", file=sys.stderr)
            for name in res["missed_entities"]:
                print(f"ENT  MISS {case['story_id']}: {name}", file=sys.stderr)
    scored_entities = any(c.get("entities") is not None for c in cases)
    ents = prf(total["listed_right"], total["listed"] - total["listed_right"],
               total["gold_entities"] - total["gold_entities_found"])
    emit({
        "task": "stories", "path": " ".join(str(p) for p in paths), "stories": len(cases),
        "settings": {"figure_match": "same article, span overlaps gold text", "entity_match": "name/alias + type",
                     "ecbplus_text": "tokens joined back (detokenise), gold phrases by the same function",
                     "disagreement_match": "conflict pair in one gold disagree group"},
        "flagged": total["flagged"], "genuine": total["genuine"],
        "disagreement_precision": _ratio(total["genuine"], total["flagged"]),
        "disagreement_precision_lenient": _ratio(total["genuine_lenient"], total["flagged"]),
        "gold_disagree": total["gold_disagree"],
        "disagreement_recall": _ratio(total["gold_disagree_found"], total["gold_disagree"]),
        "shown_groups": total["shown_groups"], "shown_groups_right": total["shown_right"],
        "shown_group_precision": _ratio(total["shown_right"], total["shown_groups"]),
        "listed_entities": total["listed"] if scored_entities else None,
        "entity_precision": ents["precision"] if scored_entities else None,
        "entity_recall": ents["recall"] if scored_entities else None, "entity_f1": ents["f1"] if scored_entities else None,
        "entity_recall_2plus": _ratio(total["gold_entities_2plus_found"], total["gold_entities_2plus"]),
        "figure_recall": _ratio(total["figures_matched"], total["gold_figures"]),
        "verdicts": dict(sorted(verdicts.items())),
        "seconds": round(time.perf_counter() - t0, 1),
    })
