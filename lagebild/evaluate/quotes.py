"""`lagebild eval quotes PATH`: speaker attribution on German Wikinews (SpkAtt-2023 Task 2 format).

PATH is a directory of SpkAtt JSON files (token offsets "sent:tok"), e.g.
shared/data/quotes/wikinews-spkatt/train. Token lists are detokenised into running text (with a
char offset per token), the real pipeline stages (sentences -> entities -> quotes) run on it, and
predicted spans are mapped back to tokens. Frame (not a pipeline field) is the attributing clause:
the tokens of the cue's sentence outside every predicted message (see frame_tokens). A direct
quotation merged into the indirect quote around it (form 'mixed') is written as a nested annotation.

"quotes" reports what a dossier shows: precision/recall of the quotes with `shown` (and of all
quotes with a speaker), a quote being right when its message matches the Hungarian-assigned gold
message at token-F1 >= 0.5 and its Source shares a token with the gold Source (spkatt.judged).
PATH may also be a tests/data/quotes_cases*.jsonl (invented cases) or a speech_pages_*.jsonl
real-page set (evaluate/speech_pages.py).

Split: the 700 train documents are split by sorted file id; every 5th (index % 5 == 4) is the
fixed held-out part (140 docs) that is never used for tuning; `--split dev` is the other 560
(the only part rules and lexicons were tuned on); `--split all` takes every file.

Official scores: evaluate/spkatt.py (the SpkAtt-2023 task-2 scheme), printed under "official".
Micro scores (our earlier scheme, printed under "micro"):
per document, predicted and gold annotations are matched one-to-one by linear sum assignment on
message token overlap (pairs without overlap stay unmatched). Message, source and cue then count
token-overlap true positives on matched pairs; tokens of unmatched annotations are false
positives/negatives. `joint` sums message + source + cue counts. `joint_simplified` is the
corpus' simplified task (non-nested annotations only; message + source). Exact-span scores count
matched pairs whose role token sets are identical. For direct quotes the predicted message is
widened to its quotation marks (the corpus includes them; Quote.text does not) and cue/source
tokens are removed from messages (the corpus' 'laut X' messages are discontinuous); extra message
parts (the 'Dies' of '<statement>. Dies sagte X.') are added. The predictions come from the
pipeline's own find_quotes, with no evaluation-only options.
"""
from __future__ import annotations

import json
from pathlib import Path

import typer

from . import emit, prf


def split_ids(ids, split: str) -> set[str]:
    """The fixed split of document ids: 'heldout' = every 5th by sorted id, 'dev' = the rest."""
    ids = sorted(set(ids))
    held = {x for i, x in enumerate(ids) if i % 5 == 4}
    if split == "heldout":
        return held
    if split == "dev":
        return set(ids) - held
    return set(ids)


_MARKS = "„“”»«\"‚‘’›‹"
_NO_SPACE_BEFORE = set(",.;:!?)]}“”«%…’'")
_NO_SPACE_AFTER = set("„([{»‚")


def detokenize(sentences: list[list[str]]) -> tuple[str, dict[tuple[int, int], tuple[int, int]], list[tuple[int, int]]]:
    """Running text from token lists: text, (sent, tok) -> (start, end), sentence spans."""
    parts: list[str] = []
    pos = 0
    offsets: dict[tuple[int, int], tuple[int, int]] = {}
    spans = []
    straight_open = False
    flat = [t for s in sentences for t in s]
    swiss = next((t for t in flat if t in ("»", "«")), "»") == "«"
    prev = ""
    for si, toks in enumerate(sentences):
        s0 = None
        for ti, tok in enumerate(toks):
            space = bool(parts)
            if tok == "\"":
                if straight_open:
                    space = False
                straight_open = not straight_open
            elif tok in _NO_SPACE_BEFORE or (tok == "»" and swiss) or (tok == "«" and not swiss):
                space = False
            if prev in _NO_SPACE_AFTER or (prev == "«" and swiss) or (prev == "\"" and straight_open):
                space = False
            if tok in ("»", "«") and prev in ("»", "«"):
                space = True
            if space:
                parts.append(" ")
                pos += 1
            offsets[(si, ti)] = (pos, pos + len(tok))
            if s0 is None:
                s0 = pos
            parts.append(tok)
            pos += len(tok)
            prev = tok
        if s0 is not None:
            spans.append((s0, pos))
    return "".join(parts), offsets, spans


def _ids(refs: list[str]) -> set[tuple[int, int]]:
    out = set()
    for r in refs:
        s, t = r.split(":")
        out.add((int(s), int(t)))
    return out


def predict(sentences: list[list[str]]) -> tuple[list[dict], str]:
    """Predicted annotations (token-id sets per role) for one document."""
    from ..analyse.quotes import find_quotes
    from ..records import AnalysedArticle, Article

    text, offsets, _spans = detokenize(sentences)
    from ..analyse.nlp import split_sentences

    from ..analyse.entities import find_entities

    doc = AnalysedArticle(article=Article(id="d", source="eval", text=text, language="de"))
    doc.sentences = split_sentences(text)
    find_entities(doc)  # as in the pipeline: speakers are checked against the entity mentions
    find_quotes(doc)
    from ..link import build_story

    build_story("eval", [doc], [])  # the link stage decides what the dossier shows (speaker names, nameless speakers)
    starts = sorted((s, e, k) for k, (s, e) in offsets.items())

    def toks(span):
        if not span:
            return set()
        a, b = span
        return {k for s, e, k in starts if s < b and a < e}

    merged: dict = {}
    items = [(q, doc.extras["quote_roles"][q.id]) for q in doc.quotes]
    # a direct quotation merged into the quote around it stays a nested annotation of the corpus
    items += [(q, n) for q, r in list(items) for n in r.get("nested", [])]
    for q, r in items:
        a, b = r["message"]
        inner = r is not doc.extras["quote_roles"][q.id]
        direct = q.direct or inner
        if direct:  # the corpus includes the quotation marks (and punctuation inside them)
            while a > 0 and text[a - 1] in _MARKS + " ":
                a -= 1
                if text[a] in _MARKS:
                    break
            m = next((k for k in range(b, min(len(text), b + 4)) if text[k] in _MARKS), None)
            if m is not None:
                b = m + 1
        cue = set().union(*[toks(c) for c in r["cue"]]) if r["cue"] else set()
        src = toks(r["source"])
        msg = toks((a, b)).union(*[toks(p) for p in r.get("message_parts", [])])
        if r["kind"] != "reported":  # the corpus' reported-speech messages contain source and cue
            msg = msg - cue - src
        key = (tuple(r["cue"]), q.direct, r["kind"] == "nested") if r["cue"] else id(q)
        if inner:
            key = ("inner", id(r))
        if key in merged:  # '„…“, sagte er, „…“': one annotation, discontinuous message
            merged[key]["Message"] |= msg
            continue
        merged[key] = {"Message": msg, "Source": src, "Cue": cue, "Addr": set(),
                       "nested": r["kind"] == "nested" or (inner and q.form == "mixed"),
                       "direct": direct, "kind": r["kind"], "cue_text": q.cue, "shown": q.shown and not inner,
                       "confidence": q.confidence, "speaker": q.speaker, "found_kind": r.get("found_kind"),
                       "speaker_kind": q.speaker_kind, "has_cue": bool(q.cue), "inner": inner,
                       "features": r.get("features", {})}
    preds = list(merged.values())
    for p in preds:
        p["Frame"] = frame_tokens(p, preds, sentences)
    return preds, text


_FINAL = {".", "!", "?"}


def frame_tokens(p: dict, preds: list[dict], sentences: list[list[str]]) -> set:
    """SpkAtt's Frame: the attributing clause, i.e. the tokens of the sentences holding the cue that
    belong to no predicted message, without the sentence-final mark and leading closing marks. On the train
    split this rule gives the gold frame exactly for 79 % of the gold annotations."""
    if not p["Cue"]:  # continued (free indirect) speech has no frame of its own
        return set()
    taken = set().union(*[q["Message"] for q in preds])
    out = set()
    for si in {s for s, _ in p["Cue"]}:
        toks = sentences[si]
        last = len(toks) - 1
        keep = [ti for ti in range(len(toks)) if (si, ti) not in taken and not (ti == last and toks[ti] in _FINAL)]
        while keep and toks[keep[0]] in _LEAD:  # the closing marks of a quotation before ', sagte X'
            keep.pop(0)
        out |= {(si, ti) for ti in keep}
    return out


_LEAD = set(_MARKS) | {".", "!", "?", ":", ";", "…"}


def _assign(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    if not gold or not pred:
        return []
    import numpy as np

    m = np.array([[len(g["Message"] & p["Message"]) for p in pred] for g in gold], dtype=float)
    try:
        from scipy.optimize import linear_sum_assignment

        rows, cols = linear_sum_assignment(-m)
        pairs = list(zip(rows.tolist(), cols.tolist()))
    except ImportError:  # greedy fallback: best-overlap pairs first
        pairs, used_r, used_c = [], set(), set()
        for flat in np.argsort(-m, axis=None):
            i, j = divmod(int(flat), m.shape[1])
            if i not in used_r and j not in used_c:
                pairs.append((i, j))
                used_r.add(i)
                used_c.add(j)
    return [(i, j) for i, j in pairs if m[i, j] > 0]


def score(docs: list[tuple[list[dict], list[dict]]], roles=("Message", "Source", "Cue")) -> dict:
    tp = {r: 0 for r in roles}
    fp = dict(tp)
    fn = dict(tp)
    exact = {r: [0, 0, 0] for r in roles}  # matched-equal, pred non-empty, gold non-empty
    for gold, pred in docs:
        pairs = _assign(gold, pred)
        mg = {i for i, _ in pairs}
        mp = {j for _, j in pairs}
        for r in roles:
            for i, j in pairs:
                g, p = gold[i][r], pred[j][r]
                t = len(g & p)
                tp[r] += t
                fp[r] += len(p) - t
                fn[r] += len(g) - t
                exact[r][0] += bool(g) and g == p
            for i, g in enumerate(gold):
                exact[r][2] += bool(g[r])
                if i not in mg:
                    fn[r] += len(g[r])
            for j, p in enumerate(pred):
                exact[r][1] += bool(p[r])
                if j not in mp:
                    fp[r] += len(p[r])
    out = {r.lower(): prf(tp[r], fp[r], fn[r]) for r in roles}
    for r in roles:
        e = exact[r]
        out[r.lower() + "_exact"] = prf(e[0], e[1] - e[0], e[2] - e[0])
    out["joint"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out


def load(path: Path) -> list[tuple[str, dict]]:
    return [(f.stem, json.loads(f.read_text(encoding="utf-8"))) for f in sorted(Path(path).glob("*.json"))]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def score_cases(path: Path) -> dict:
    """Score the invented test set (tests/data/quotes_cases.jsonl).

    Direct quotes match on exact text; indirect ones on character overlap (Jaccard >= 0.6).
    Speaker accuracy is over expected quotes that were found; chains and stance likewise.
    """
    from ..analyse.nlp import split_sentences
    from ..analyse.quotes import find_quotes
    from ..records import AnalysedArticle, Article

    c = {k: 0 for k in ("pred_direct", "tp_direct", "gold_direct", "pred_all", "tp_all", "gold_all", "speaker_ok",
                        "chain_n", "chain_ok", "stance_n", "stance_ok")}
    errors = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        text = case["text"]
        lang = case.get("language", "de")
        doc = AnalysedArticle(article=Article(id=case["id"], source="case", text=text, language=lang))
        doc.sentences = split_sentences(text, lang)
        find_quotes(doc)
        gold = []
        for g in case["expect"]:
            s = text.find(g["quote"])
            assert s >= 0, (case["id"], g["quote"])
            gold.append((g, (s, s + len(g["quote"]))))
        used = set()
        for q in doc.quotes:
            match = None
            for k, (g, span) in enumerate(gold):
                if k in used or g["direct"] != q.direct:
                    continue
                ok = (q.start, q.end) == span if q.direct else _overlap((q.start, q.end), span) >= 0.6
                if ok:
                    match = k
                    break
            optional = match is not None and gold[match][0].get("optional")
            if match is None and any(g.get("optional") and _overlap((q.start, q.end), sp) > 0 for g, sp in gold):
                continue
            if optional:
                used.add(match)
                continue
            c["pred_all"] += 1
            c["pred_direct"] += q.direct
            if match is None:
                errors.append(f"{case['id']}: unexpected {'direct' if q.direct else 'indirect'} {q.text!r}")
                continue
            used.add(match)
            g = gold[match][0]
            c["tp_all"] += 1
            c["tp_direct"] += q.direct
            c["speaker_ok"] += q.speaker == g["speaker"]
            if q.speaker != g["speaker"]:
                errors.append(f"{case['id']}: speaker {q.speaker!r} != {g['speaker']!r}")
            if "chain" in g:
                c["chain_n"] += 1
                c["chain_ok"] += q.attributed_to == g["chain"]
                if q.attributed_to != g["chain"]:
                    errors.append(f"{case['id']}: chain {q.attributed_to} != {g['chain']}")
            if "stance" in g:
                c["stance_n"] += 1
                c["stance_ok"] += q.stance == g["stance"]
        for k, (g, _span) in enumerate(gold):
            if g.get("optional"):
                continue
            c["gold_all"] += 1
            c["gold_direct"] += g["direct"]
            if k not in used:
                errors.append(f"{case['id']}: missed {g['quote']!r}")
    return {
        "direct_precision": round(c["tp_direct"] / c["pred_direct"], 4) if c["pred_direct"] else 1.0,
        "direct_recall": round(c["tp_direct"] / c["gold_direct"], 4) if c["gold_direct"] else 1.0,
        "quote_precision": round(c["tp_all"] / c["pred_all"], 4) if c["pred_all"] else 1.0,
        "quote_recall": round(c["tp_all"] / c["gold_all"], 4) if c["gold_all"] else 1.0,
        "speaker_accuracy": round(c["speaker_ok"] / c["tp_all"], 4) if c["tp_all"] else 0.0,
        "chain_accuracy": round(c["chain_ok"] / c["chain_n"], 4) if c["chain_n"] else None,
        "stance_accuracy": round(c["stance_ok"] / c["stance_n"], 4) if c["stance_n"] else None,
        "counts": c,
        "errors": errors,
    }


def gold_annotations(d: dict) -> list[dict]:
    return [{**{r: _ids(a.get(r, [])) for r in ("Message", "Source", "Cue", "Addr", "Frame")},
             "nested": bool(a.get("IsNested"))} for a in d["Annotations"]]


def run(
    path: str = typer.Argument(..., help="directory of SpkAtt-2023 Task 2 JSON files, a quotes_cases.jsonl, "
                                         "or a speech_pages_*.jsonl real-page set"),
    split: str = typer.Option("heldout", help="heldout | dev | all (split of the 700 train docs)"),
    limit: int = typer.Option(0, help="score only the first N documents (0 = all)"),
    predictions: str = typer.Option("", help="write our predictions as SpkAtt task-2 JSON files into this directory"),
) -> None:
    """Speaker attribution: the official SpkAtt-2023 task-2 scores, plus micro token-overlap figures."""
    import time

    from .spkatt import official, prediction_json, shown_scores

    if Path(path).is_file():
        if Path(path).name.startswith("speech_pages"):  # the real-page set
            from .speech_pages import score_pages

            emit({"task": "quotes", "pages": str(path), **score_pages(Path(path))})
            return
        res = score_cases(Path(path))  # the invented test set
        emit({"task": "quotes", "cases": str(path), **{k: v for k, v in res.items() if k != "errors"},
              "errors": res["errors"][:40]})
        return
    docs = load(Path(path))
    keep = split_ids([d for d, _ in docs], split)
    docs = [(i, d) for i, d in docs if i in keep]
    if limit:
        docs = docs[:limit]
    out_dir = Path(predictions) if predictions else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    pairs, simple = [], []
    n_gold = n_pred = 0
    for doc_id, d in docs:
        sents = [s["Tokens"] for s in sorted(d["Sentences"], key=lambda s: int(s["SentenceId"]))]
        gold = gold_annotations(d)
        pred, _ = predict(sents)
        if out_dir:
            (out_dir / f"{doc_id}.json").write_text(json.dumps(prediction_json(d, pred), ensure_ascii=False),
                                                    encoding="utf-8")
        n_gold += len(gold)
        n_pred += len(pred)
        pairs.append((gold, pred))
        simple.append(([g for g in gold if not g["nested"]], [p for p in pred if not p["nested"]]))
    full = score(pairs)
    simp = score(simple, roles=("Message", "Source"))
    emit({
        "task": "quotes",
        "split": split,
        "docs": len(docs),
        "gold": n_gold,
        "predicted": n_pred,
        "official": official(pairs),
        "quotes": shown_scores(pairs),
        "micro": {**full, "joint_simplified": simp["joint"]},
        "settings": {"scorer": "SpkAtt-2023 task 2 (Hungarian on message token-F1, macro per group and role)",
                     "shown": "the dossier's shown flag after the link stage (one-article story)",
                     "split": split, "predictions": predictions or None},
        "seconds": round(time.perf_counter() - t0, 1),
    })
