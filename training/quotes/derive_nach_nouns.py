"""Which nouns make 'nach X' / 'X nach' an attribution ('Nach Angaben der Polizei', 'Seiner Meinung
nach')? Tuning split only. For every 'nach' token, take the head noun of the phrase after it (or,
for a post-position, before it) and count how often that 'nach' is an annotated cue.
Nouns with count >= 2 and precision >= 0.5 went into speech_cues._SOURCE_NOUNS.
Usage: python training/quotes/derive_nach_nouns.py"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from lagebild.datapaths import shared_data
from lagebild.evaluate.quotes import _ids, load, split_ids

_DET = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "seiner", "ihrer",
        "seinem", "ihrem", "unserer", "eigenen", "ersten", "neuesten", "jüngsten", "bisherigen", "vorläufigen"}


def head_after(toks: list[str], i: int) -> str | None:
    j = i + 1
    while j < len(toks) and (toks[j].lower() in _DET or toks[j].islower()):
        j += 1
    return toks[j] if j < len(toks) and toks[j][:1].isupper() else None


def main() -> None:
    docs = load(Path(shared_data("quotes", "wikinews-spkatt", "train")))
    keep = split_ids([d for d, _ in docs], "dev")
    pre, pre_cue, post, post_cue = Counter(), Counter(), Counter(), Counter()
    for doc_id, d in docs:
        if doc_id not in keep:
            continue
        sents = {int(s["SentenceId"]): s["Tokens"] for s in d["Sentences"]}
        cues = set()
        for a in d["Annotations"]:
            cues |= _ids(a.get("Cue", []))
        for si, toks in sents.items():
            for i, t in enumerate(toks):
                if t.lower() != "nach":
                    continue
                nxt = toks[i + 1] if i + 1 < len(toks) else ""
                if nxt[:1].isupper() or nxt.lower() in _DET:
                    h = head_after(toks, i)
                    if h:
                        pre[h] += 1
                        pre_cue[h] += (si, i) in cues
                if i > 0 and toks[i - 1][:1].isupper():
                    post[toks[i - 1]] += 1
                    post_cue[toks[i - 1]] += (si, i) in cues
    for name, c, k in (("nach X", pre, pre_cue), ("X nach", post, post_cue)):
        print("==", name)
        for w, n in c.most_common():
            if k[w] >= 2:
                print(f"{w:25s} {k[w]:3d} {n:4d} {k[w] / n:.2f}")


if __name__ == "__main__":
    main()
