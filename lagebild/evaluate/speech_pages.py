"""`lagebild eval quotes tests/data/speech_pages_dev.jsonl`: quotes on real German web pages.

Each record names an HTML page under shared/data (format: tests/data/speech_pages_GUIDELINE.md), or
an English ECB+ article by `ref` (its tokens joined back as the stories eval does), with
hand-annotated speech (verbatim message, speaker, resolved speaker_name, cue). lagebild runs its full
pipeline on the HTML page, exactly as `lagebild report PAGE` does (its own cleaning, not trafilatura's
text), and its quotes are matched to the gold ones by text, never by offsets:

* message match: the word-token F1 (case-folded words, punctuation and quotation marks dropped,
  as multisets) between our quote text and the gold message is >= 0.5; per page, quotes and gold
  messages are paired one-to-one by a Hungarian assignment maximising that F1;
* speaker right: a content word (not a determiner or pronoun) of our speaker as shown (`speaker`,
  every entry of `speakers`, or the canonical `speaker_entity`) appears in a gold speaker form
  (`speaker`, `speakers`, `speaker_name`), compared case-folded.

A quote is right when both hold. Reported: precision and recall of the quotes the dossier SHOWS
(`shown`: confidence at or above the threshold and a speaker), of all quotes (any confidence; a
quote without a speaker counts as wrong), and message-only precision of all quotes. Gold quotes
whose record's text hash does not match this trafilatura's text still count (we match by text);
the mismatch is reported. The pipeline never sees the gold.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from ..datapaths import shared_data

_WORD = re.compile(r"\w+", re.UNICODE)
_NOT_NAME = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "er", "sie",
             "es", "ihr", "ihre", "sein", "seine", "the", "a", "an", "he", "she", "they", "von", "vom", "und", "of"}
MATCH_F1 = 0.5


def words(text: str | None) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text or "")]


def bag_f1(a: list[str], b: list[str]) -> float:
    from collections import Counter

    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b)) if common else 0.0


def speaker_right(pred: dict, gold: dict) -> bool:
    said = set()
    for name in [pred.get("speaker"), pred.get("speaker_entity"), *(pred.get("speakers") or [])]:
        said |= {w for w in words(name) if w not in _NOT_NAME and len(w) > 1}
    known = set()
    for name in [gold.get("speaker"), gold.get("speaker_name"), *(gold.get("speakers") or [])]:
        known |= {w for w in words(name) if w not in _NOT_NAME and len(w) > 1}
    return bool(said & known)


def match_page(gold: list[dict], pred: list[dict]) -> tuple[list[bool], list[bool], set[int]]:
    """Per prediction: (message matches, right); and the gold indices found by a right prediction."""
    msg_ok, right, found = [False] * len(pred), [False] * len(pred), set()
    if not gold or not pred:
        return msg_ok, right, found
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    gw = [words(g["message"]) for g in gold]
    pw = [words(p["text"]) for p in pred]
    m = np.array([[bag_f1(g, p) for p in pw] for g in gw])
    for i, j in zip(*linear_sum_assignment(m, maximize=True)):
        if m[i, j] >= MATCH_F1:
            msg_ok[j] = True
            if speaker_right(pred[j], gold[i]):
                right[j] = True
                found.add(int(i))
    return msg_ok, right, found


def page_quotes(path: Path) -> list[dict]:
    """Quotes of one page as `lagebild report` writes them into the dossier."""
    from ..pipeline import dossier_from_docs, load_raw, process

    raws, errors = load_raw([str(path)])
    batch = process(raws)
    dossier = dossier_from_docs(batch.docs, errors + batch.errors)
    roles = {qid: r for d in batch.docs for qid, r in d.extras.get("quote_roles", {}).items()}
    return [{**q.to_dict(), "features": roles.get(q.id, {}).get("features", {})}
            for story in dossier.stories for q in story.quotes]


def _record_page(rec: dict, tmp: Path) -> Path | None:
    """The file lagebild reads for one record: a saved page under shared/data (`file`), or an ECB+
    article (`ref`, tokens joined back as the stories eval does) written to a .txt file in `tmp`."""
    if "file" in rec:
        page = shared_data(rec["file"])
        return page if page.exists() else None
    from .stories import detokenise, resolve

    try:  # the head and hash are those of the joined text the annotators read
        text = detokenise(resolve({**rec["ref"], "head": ""}, None, shared_data("corpus")))
    except (FileNotFoundError, KeyError, ValueError):
        return None
    if not text.startswith(rec["ref"].get("head", "")) or hashlib.sha1(text.encode("utf-8")).hexdigest() != rec["text_sha1"]:
        return None
    page = tmp / (re.sub(r"\W", "_", rec["ref"]["id"]) + ".txt")
    page.write_text(text, encoding="utf-8")
    return page


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def score_pages(path: Path) -> dict:
    counts = {k: 0 for k in ("gold", "shown", "shown_right", "shown_found", "all", "all_right", "all_found",
                             "all_message_ok", "pages", "hash_mismatch", "missing")}
    errors = []
    import tempfile

    tmp = Path(tempfile.mkdtemp(prefix="lagebild-speech-"))
    for rec in _records(path):
        page = _record_page(rec, tmp)
        if page is None:
            counts["missing"] += 1
            continue
        counts["pages"] += 1
        if "file" in rec:
            try:
                import trafilatura

                text = trafilatura.extract(page.read_bytes().decode("utf-8", "replace"), include_comments=False) or ""
                counts["hash_mismatch"] += hashlib.sha1(text.encode("utf-8")).hexdigest() != rec["text_sha1"]
            except ImportError:
                pass
        gold = rec["quotes"]
        pred = page_quotes(page)
        counts["gold"] += len(gold)
        for name, keep in (("shown", lambda q: q.get("shown") and q.get("speaker")), ("all", lambda q: True)):
            sel = [q for q in pred if keep(q)]
            msg_ok, right, found = match_page(gold, sel)
            counts[name] += len(sel)
            counts[name + "_right"] += sum(right)
            counts[name + "_found"] += len(found)
            if name == "all":
                counts["all_message_ok"] += sum(msg_ok)
            if name == "shown":
                where = rec.get("file") or rec["ref"]["id"]
                errors += [f"{where}: {q.get('speaker')!r} <- {q['text'][:70]!r}" for q, r in zip(sel, right)
                           if not r]

    def pr(right, n, found):
        p = right / n if n else 0.0
        r = found / counts["gold"] if counts["gold"] else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}

    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    return {
        "shown": pr(counts["shown_right"], counts["shown"], counts["shown_found"]),
        "all": pr(counts["all_right"], counts["all"], counts["all_found"]),
        "all_message_precision": round(counts["all_message_ok"] / counts["all"], 4) if counts["all"] else 0.0,
        "counts": counts,
        "settings": {"message_match": f"word-bag F1 >= {MATCH_F1}, Hungarian per page",
                     "speaker": "a content word of speaker/speakers/speaker_entity in gold "
                                "speaker/speakers/speaker_name",
                     "pipeline": "lagebild.pipeline.run([page]) as lagebild report"},
        "errors_shown": errors[:60],
    }


def page_observations(path: Path) -> list[tuple[float, bool, bool, dict]]:
    """(confidence, could be shown (typed speaker), right, features, page number) per quote found on a page set."""
    import shutil
    import tempfile

    out = []
    tmp = Path(tempfile.mkdtemp(prefix="lagebild-speech-"))
    for n, rec in enumerate(_records(path)):
        page = _record_page(rec, tmp)
        if page is None:
            continue
        pred = page_quotes(page)
        _, right, _ = match_page(rec["quotes"], pred)
        typed = [bool(q.get("speaker")) and q.get("speaker_kind") not in (None, "unknown", "pronoun") for q in pred]
        out += [(q.get("confidence") or 0.0, t, r, q["features"], n) for q, t, r in zip(pred, typed, right)]
    shutil.rmtree(tmp, ignore_errors=True)
    return out
