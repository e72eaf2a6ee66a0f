"""Shared spaCy pipeline: a blank German tokenizer with a rule sentencizer (no model download)."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# Abbreviations after which a period does not end a sentence in German news.
_ABBREVIATIONS = (
    "z.B. bzw. ca. etc. evtl. ggf. inkl. Nr. Dr. Prof. St. Hr. Fr. u.a. v.a. d.h. s.o. vgl. "
    "Mio. Mrd. Tsd. Jh. Jahrh. Abs. Art. Bd. Tel. Str. usw. sog. z.T. i.d.R. u.U. Mr. Mrs. Gen. "
    "Jan. Feb. Febr. Aug. Sept. Okt. Nov. Dez."
).split()


@lru_cache(maxsize=4)
def get_nlp(lang: str = "de") -> Language:
    """A blank spaCy pipeline for `lang` with a sentencizer; cached per language."""
    try:
        nlp = spacy.blank(lang)
    except Exception:  # unsupported language code: fall back to the multilingual tokenizer
        nlp = spacy.blank("xx")
    for abbr in _ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{"ORTH": abbr}])
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(text: str, lang: str = "de") -> list[tuple[int, int]]:
    """Sentence (start, end) character offsets. Line breaks always end a sentence (paragraphs)."""
    nlp = get_nlp(lang)
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            doc = nlp(line)
            for sent in doc.sents:
                s, e = sent.start_char, sent.end_char
                # trim whitespace so that spans are tight
                while s < e and line[s].isspace():
                    s += 1
                while e > s and line[e - 1].isspace():
                    e -= 1
                if e > s:
                    out.append((pos + s, pos + e))
        pos += len(line) + 1
    return out
