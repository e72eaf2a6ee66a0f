"""Derive lagebild/analyse/speaker_nouns.tsv: common nouns that head speaker phrases in annotated corpora.

Reads the Source spans of German Wikinews SpkAtt task 2 (only the evaluation's tuning part; the
held-out fifth is skipped) and of the SpkAtt-2023 parliamentary debates (train), takes every
first noun of a source span that opens with determiners or lower-case adjectives (the head of a
German noun phrase: 'der Sprecher', 'die Polizei', 'mehrere ukrainische Beamte') and keeps a noun when it
heads sources at least twice and at least 5 % of its corpus occurrences are inside a source.
Nouns that are names (mostly seen as the first token of a source without a determiner) fall out by
the determiner condition. Usage: `python training/quotes/derive_speaker_nouns.py > lagebild/analyse/speaker_nouns.tsv`.

`--with-redewiedergabe` adds the first nouns (POS NN) of speaker spans in Corpus REDEWIEDERGABE
(1840-1919 fiction and news; nouns seen >= 5 times, >= 20 % of their uses as speakers: 'Herr',
'Pfarrer', 'Soldat'). Measured 2026-12-06: the confidence model then separates worse (thresholds for
0.9 precision on the dev sets rise from 0.815/0.836 to 0.826/0.852), so the shipped list omits it.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from lagebild.analyse.speakers import DETERMINERS
from lagebild.datapaths import shared_data
from lagebild.evaluate.quotes import split_ids

MIN_SOURCE = 2
MIN_SHARE = 0.05
MIN_SOURCE_RW = 5  # the historical corpus is larger and noisier: only frequent, mostly-speaker nouns
MIN_SHARE_RW = 0.2


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


def redewiedergabe_heads() -> tuple[Counter, Counter]:
    """First common nouns (POS NN) of speaker spans in Corpus REDEWIEDERGABE, and every NN count."""
    import csv
    import gzip

    in_source, total = Counter(), Counter()
    for f in sorted(Path(shared_data("quotes", "redewiedergabe", "tsv")).glob("rwk_*.tsv.gz")):
        seen: set[str] = set()
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row.get("pos") != "NN":
                    continue
                tok = row["tok"]
                total[tok] += 1
                spk = row.get("speaker") or "-"
                if spk != "-" and spk not in seen:
                    seen.add(spk)
                    in_source[tok] += 1
    return in_source, total


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
    rw_source, rw_total = redewiedergabe_heads() if "--with-redewiedergabe" in sys.argv else (Counter(), Counter())
    for w, n in rw_source.items():  # a second, independent corpus of speakers (fiction and news, 1840-1919)
        if n >= MIN_SOURCE_RW and n / rw_total[w] >= MIN_SHARE_RW:
            in_source[w] += n
            total[w] += rw_total[w]
    print("# speaker head nouns derived by training/quotes/derive_speaker_nouns.py (count in sources, share)")
    for w, n in sorted(in_source.items(), key=lambda x: (-x[1], x[0])):
        if n >= MIN_SOURCE and n / total[w] >= MIN_SHARE:
            print(f"{w}\t{n}\t{n / total[w]:.2f}")


if __name__ == "__main__":
    main()
