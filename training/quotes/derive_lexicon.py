"""Derive the speech-cue and Konjunktiv lexicons of lagebild/analyse/speech_cues.py from training data.

Reads the German Wikinews speaker-attribution train set (char-offset twin, wikinews-quotes-2024)
and the SpkAtt-2023 parliamentary debates train set, and prints:

* cue words: the first content word of every annotated cue, counted over both corpora;
* Konjunktiv candidates: word forms much more frequent inside indirect/free-indirect messages
  than elsewhere (ratio and count), restricted to verb-like endings.

Only the evaluation's tuning part of Wikinews is read (the held-out fifth is skipped), so the
lexicons never see held-out documents. Usage: `python training/quotes/derive_lexicon.py`.
The lists in speech_cues.py were curated from this output (manually removing noise).
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

from lagebild.datapaths import shared_data
from lagebild.evaluate.quotes import split_ids

WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


def wikinews_docs():
    path = shared_data("quotes", "wikinews-quotes-2024", "train.jsonl.gz")
    docs = [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
    tune = split_ids([d["file_id"] for d in docs], "dev")
    return [d for d in docs if d["file_id"] in tune]


def spkatt_cues() -> Counter:
    counts: Counter = Counter()
    for f in sorted(Path(shared_data("quotes", "spkatt2023", "train")).glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        toks = {f"{s['SentenceId']}:{i}": t for s in d["Sentences"] for i, t in enumerate(s["Tokens"])}
        for a in d["Annotations"]:
            words = [toks.get(t, "") for t in a.get("Cue", [])]
            if words:
                counts[words[0].lower()] += 1
    return counts


def main() -> None:
    docs = wikinews_docs()
    cue = Counter()
    inside, total = Counter(), Counter()
    for d in docs:
        text = d["originalText"]
        msg_chars = set()
        for a in d["annotations"]:
            if a["cue"]["text"]:
                cue[a["cue"]["text"].split()[0].lower()] += 1
            if a["type"] in ("Indirect", "FreeIndirect", "IndirectFreeIndirect"):
                for sp in a["quote"]["spans"]:
                    msg_chars.update(range(sp["charBegin"], sp["charEnd"]))
        for m in WORD.finditer(text):
            w = m.group().lower()
            total[w] += 1
            if m.start() in msg_chars:
                inside[w] += 1
    print("# wikinews cue first words (tuning docs)")
    print(cue.most_common(120))
    print("# spkatt2023 cue first words")
    print(spkatt_cues().most_common(150))
    print("# Konjunktiv candidates: form, inside-message share, count")
    cands = []
    for w, n in total.items():
        if n >= 3 and inside[w] / n >= 0.6 and re.search(r"(e|en|est|et)$", w):
            cands.append((w, round(inside[w] / n, 2), n))
    print(sorted(cands, key=lambda x: -x[2]))


if __name__ == "__main__":
    main()
