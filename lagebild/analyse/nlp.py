"""Shared spaCy pipeline: a blank German tokenizer with a rule sentencizer (no model download)."""
from __future__ import annotations

import re
import threading
from functools import lru_cache

import spacy
from spacy.language import Language

# Abbreviations after which a period does not end a sentence in German news.
_ABBREVIATIONS = (
    "z.B. bzw. ca. etc. evtl. ggf. inkl. Nr. Dr. Prof. St. Hr. Fr. u.a. v.a. d.h. s.o. vgl. "
    "Mio. Mrd. Tsd. Jh. Jahrh. Abs. Art. Bd. Tel. Str. usw. sog. z.T. i.d.R. u.U. Mr. Mrs. Gen. "
    "Jan. Feb. Febr. Aug. Sept. Okt. Nov. Dez. Ca. Mind. Max. Min. Bzw. Vgl. Inkl. Evtl. Ggf."
).split()


# English titles and ranks before a name ('Oregon State Police Lt. Gregg Hastings said'): no sentence end
_ABBREVIATIONS_EN = "Lt. Sgt. Capt. Col. Maj. Cpl. Det. Insp. Supt. Cmdr. Adm. Gov. Sen. Rep. Rev. Gen. Pvt. Atty.".split()


@lru_cache(maxsize=4)
def get_nlp(lang: str = "de") -> Language:
    """A blank spaCy pipeline for `lang` with a sentencizer; cached per language."""
    try:
        nlp = spacy.blank(lang)
    except Exception:  # unsupported language code: fall back to the multilingual tokenizer
        nlp = spacy.blank("xx")
    for abbr in _ABBREVIATIONS + (_ABBREVIATIONS_EN if lang == "en" else []):
        nlp.tokenizer.add_special_case(abbr, [{"ORTH": abbr}])
    nlp.add_pipe("sentencizer")
    return nlp


def _same_tokenizer(a, b) -> bool:
    """Two spaCy tokenizers with the same exceptions and affix patterns split every text alike."""
    def pattern(fn):
        return getattr(getattr(fn, "__self__", None), "pattern", fn)

    return a.rules == b.rules and all(
        pattern(getattr(a, name)) == pattern(getattr(b, name))
        for name in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"))


_SHARED: dict[int, bool] = {}  # id(model) -> its tokenizer splits like ours


def _tokenizer(lang: str):
    """The tokenizer for sentence splitting: for German, the loaded NER model's own when it splits
    exactly like ours, so that the sentences the model tags later are found in its tokenizer cache
    and their words already in its vocabulary (each text is tokenised once, not twice; issue 18)."""
    nlp = get_nlp(lang)
    if lang == "de":
        from .entities import loaded_model

        model = loaded_model()
        if model is not None:
            if id(model) not in _SHARED:
                _SHARED[id(model)] = _same_tokenizer(model.tokenizer, nlp.tokenizer)
            if _SHARED[id(model)]:
                return model.tokenizer
    return nlp.tokenizer


# spaCy's German tokenizer keeps "2022." as one (ordinal-like) token, so a sentence that ends
# with a year is not split. Split there: a 4-digit year, a period, space, then a capitalised word
# or an opening quote.
_YEAR_END = re.compile(r"(?<=\b\d{4})\.(?=\s+[A-ZÄÖÜ„\"»«‚])")


# ... nor is a sentence that opens with a year after a word's period ('… statt. 2023 beginnt das Fest'): split
# there too, unless the word is an abbreviation ('inkl. 2023 …'; 'ca.', 'bzw.' are under four letters)
_YEAR_START = re.compile(r"(?<![^\W\d_])([a-zäöüß]{4,})\.(?=\s+(?:1[89]|20)\d\d\s+[^\W\d_])")
_SHORT_FORMS = frozenset({"inkl", "zzgl", "evtl", "mind", "bzgl", "insb", "usw"})


def _split_after_years(line: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = sorted([m.end() for m in _YEAR_END.finditer(line, start, end)]
                  + [m.end() for m in _YEAR_START.finditer(line, start, end) if m.group(1) not in _SHORT_FORMS])
    out, s = [], start
    for cut in cuts:
        if s < cut < end:
            out.append((s, cut))
            s = cut
    out.append((s, end))
    return out


_OPENING = "„»‚\"“«"


def _move_opening_quotes(line: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentencizer leaves an opening quote mark at the end of the previous sentence
    ('… wichtig. „' | 'Ja“, sagte er.'): give it to the sentence it opens."""
    fixed = list(pieces)
    for i in range(len(fixed) - 1):
        s, e = fixed[i]
        body = line[s:e].rstrip()
        if len(body) >= 2 and body[-1] in _OPENING and body[-2].isspace():
            cut = s + len(body) - 1
            fixed[i] = (s, cut)
            fixed[i + 1] = (cut, fixed[i + 1][1])
    return fixed


MAX_SEGMENT = 50_000  # characters: longer lines are cut at whitespace (a 'sentence' never gets longer)


def _windows(line: str, size: int = MAX_SEGMENT):
    """(offset, piece) of a line cut into pieces of at most `size` characters at whitespace."""
    start = 0
    while len(line) - start > size:
        cut = line.rfind(" ", start + size // 2, start + size)
        cut = start + size if cut <= start else cut + 1
        yield start, line[start:cut]
        start = cut
    yield start, line[start:]


MAX_SENTENCE = 1_500  # characters: a longer 'sentence' (a list or table run together) is cut


def _cut_long(line: str, start: int, end: int, size: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """A span cut into pieces of at most `size` characters, after a comma or semicolon where there
    is one, else at a space: later stages (figures, quotes) cost more than linear time in the
    length of one sentence, so a sentence without end (hostile or broken input) must not be long."""
    out = []
    while end - start > size:
        window = line[start:start + size]
        cut = max(window.rfind(", "), window.rfind("; "))
        cut = cut + 1 if cut > size // 2 else window.rfind(" ")
        cut = start + (cut if cut > size // 4 else size)
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


# Taken by the analysis's spaCy memory zones (analyse._memory_zone) and by sentence splitting, which may
# use the NER model's tokenizer: what it adds to the model's vocabulary while a zone is open in another
# thread would be freed with that zone. Re-entrant: the zone's own thread splits sentences inside it.
MODEL_LOCK = threading.RLock()


def split_sentences(text: str, lang: str = "de") -> list[tuple[int, int]]:
    """Sentence (start, end) character offsets. Line breaks always end a sentence (paragraphs)."""
    with MODEL_LOCK:
        return _split_sentences(text, lang)


def _split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    nlp = get_nlp(lang)
    tokenizer, sentencizer = _tokenizer(lang), nlp.get_pipe("sentencizer")
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            pieces = []
            for off, part in _windows(line):  # spaCy refuses texts over nlp.max_length (1M chars)
                doc = sentencizer(tokenizer(part))  # = nlp(part)
                pieces += [(off + a, off + b) for sent in doc.sents
                           for a, b in _split_after_years(part, sent.start_char, sent.end_char)]
            pieces = _move_opening_quotes(line, pieces)
            pieces = [p for s, e in pieces for p in _cut_long(line, s, e)]
            for s, e in pieces:
                # trim whitespace so that spans are tight
                while s < e and line[s].isspace():
                    s += 1
                while e > s and line[e - 1].isspace():
                    e -= 1
                if e > s:
                    out.append((pos + s, pos + e))
        pos += len(line) + 1
    return out
