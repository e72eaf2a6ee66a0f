"""Derive lagebild/analyse/speaker_nouns.tsv: common nouns that head speaker phrases in annotated corpora.

Reads the Source spans of German Wikinews SpkAtt task 2 (only the evaluation's tuning part; the
held-out fifth is skipped) and of the SpkAtt-2023 parliamentary debates (train), takes every
first noun of a source span that opens with determiners or lower-case adjectives (the head of a
German noun phrase: 'der Sprecher', 'die Polizei', 'mehrere ukrainische Beamte') and keeps a noun when it
heads sources at least twice and at least 5 % of its corpus occurrences are inside a source.
Nouns that are names (mostly seen as the first token of a source without a determiner) fall out by
the determiner condition. Usage: `python training/quotes/derive_speaker_nouns.py > lagebild/analyse/speaker_nouns.tsv`.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from lagebild.analyse.speakers import DETERMINERS
from lagebild.datapaths import shared_data
from lagebild.evaluate.quotes import split_ids

MIN_SOURCE = 2
MIN_SHARE = 0.05


def documents():
    wn = sorted(Path(shared_data("quotes", "wikinews-spkatt", "train")).glob("*.json"))
    keep = split_ids([f.stem for f in wn], "dev")
    files = [f for f in wn if f.stem in keep]
    files += sorted(Path(shared_data("quotes", "spkatt2023", "train")).glob("*.json"))
    for f in files:
        yield json.loads(f.read_text(encoding="utf-8"))


def _head(words: list[str]) -> str | None:
    """The first noun of a source phrase that opens with a determiner or adjective ('die Polizei',
    'mehrere ukrainische Beamte'); None for names and pronouns ('Selenskyj', 'er')."""
    for k, w in enumerate(words):
        if w[:1].isupper() and k and w.lower() not in DETERMINERS:
            return w if (w.isalpha() or "-" in w) else None
        if not (w.lower() in DETERMINERS or (w[:1].islower() and w.isalpha())):
            return None
    return None


def main() -> None:
    in_source, total = Counter(), Counter()
    for d in documents():
        sents = {str(s["SentenceId"]): s["Tokens"] for s in d["Sentences"]}
        for toks in sents.values():
            for t in toks:
                if t[:1].isupper():
                    total[t] += 1
        for a in d["Annotations"]:
            refs = [r.split(":") for r in a.get("Source", [])]
            words = [sents[s][int(i)] for s, i in refs if s in sents and int(i) < len(sents[s])]
            head = _head(words)
            if head:
                in_source[head] += 1
    print("# speaker head nouns derived by training/quotes/derive_speaker_nouns.py (count in sources, share)")
    for w, n in sorted(in_source.items(), key=lambda x: (-x[1], x[0])):
        if n >= MIN_SOURCE and n / total[w] >= MIN_SHARE:
            print(f"{w}\t{n}\t{n / total[w]:.2f}")


if __name__ == "__main__":
    main()
