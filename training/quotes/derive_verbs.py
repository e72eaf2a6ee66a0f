"""Data-derived cue verbs with a precision filter (tuning split only, never held-out).

For every lower-case word that starts an annotated cue in the Wikinews speaker-attribution
tuning split and is not yet a cue form in speech_cues.py, print how often it is a cue word
(count) and its precision (cue occurrences / all occurrences). Verbs with count >= 2 and
precision >= 0.5 were added to the lexicon (with their paradigm).
Usage: python training/quotes/derive_verbs.py [MIN_COUNT] [MIN_PRECISION]
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from lagebild.analyse.speech_cues import cue_readings
from lagebild.datapaths import shared_data
from lagebild.evaluate.quotes import _ids, load, split_ids

_FUNCTION = {"hatte", "hat", "haben", "hatten", "wurde", "wird", "werden", "wurden", "war", "ist", "sind", "waren",
             "es", "sich", "als", "mit", "nach", "wie", "so", "laut", "zufolge", "von", "vor", "aus", "an", "zu",
             "auf", "den", "der", "die", "das", "dem", "ein", "eine", "nicht", "dazu", "darauf", "darüber", "davon"}


def main() -> None:
    min_n = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    min_p = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
    docs = load(Path(shared_data("quotes", "wikinews-spkatt", "train")))
    keep = split_ids([d for d, _ in docs], "dev")
    cue, total = Counter(), Counter()
    for doc_id, d in docs:
        if doc_id not in keep:
            continue
        sents = {int(s["SentenceId"]): s["Tokens"] for s in d["Sentences"]}
        for toks in sents.values():
            total.update(t for t in toks if t.islower())
        seen = set()
        for a in d["Annotations"]:
            for s, t in _ids(a.get("Cue", [])):
                w = sents[s][t]
                if (s, t) not in seen and w.islower() and w not in _FUNCTION and not cue_readings(w):
                    cue[w] += 1
                    seen.add((s, t))
    for w, n in cue.most_common():
        p = n / total[w]
        if n >= min_n and p >= min_p:
            print(f"{w:22s} {n:3d} {total[w]:4d} {p:.2f}")


if __name__ == "__main__":
    main()
