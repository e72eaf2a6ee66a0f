"""Readers for German NER corpora -> sentences of (words, IOB2 tags) with one label set.

Every reader yields `Sent(words, tags, source)`; tags are IOB2 over the labels

    PER ORG LOC MISC           (base types; GermEval's OTH is MISC)
    PERderiv ... MISCderiv     (GermEval *deriv: adjectives/demonyms, "nordkoreanische")
    PERpart  ... MISCpart      (GermEval *part: a name inside a compound, "EU-Kommission" as ORGpart)

Readers must survive the known format problems of the shared pool (see shared/data/SOURCES.md):
malformed tags ("B-PEr", "B_LOC", "B.PER"), tokens without a tag, tokens with spaces, CRLF,
comment lines inside the token stream, IOB1 input, mentions that do not fall on token
boundaries. They repair what can be repaired and never drop a whole file.
"""
from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

BASE = ("PER", "ORG", "LOC", "MISC")
FINE = BASE + tuple(b + s for b in BASE for s in ("deriv", "part"))

# A tag: optional IOB prefix, a separator that may be '-', '_' or '.', and a type; any case.
_TAG_RE = re.compile(r"^(?:([BIESLUbiesluo])[-_.])?([A-Za-z][A-Za-z_.\-]*)$")


@dataclass
class Sent:
    words: list[str]
    tags: list[str]  # IOB2 over FINE labels
    source: str = ""
    meta: dict = field(default_factory=dict)


def split_tag(raw: str) -> tuple[str, str]:
    """'B-PEr' -> ('B', 'PEr'); 'O' -> ('O', ''); garbage -> ('O', '')."""
    raw = raw.strip()
    if not raw or raw in ("O", "0", "o", "_", "-"):
        return "O", ""
    m = _TAG_RE.match(raw)
    if not m or not m.group(1):
        return "O", ""
    prefix = m.group(1).upper()
    if prefix == "O":
        return "O", ""
    prefix = {"S": "B", "U": "B", "E": "I", "L": "I"}.get(prefix, prefix)
    return prefix, m.group(2)


def looks_like_tag(raw: str) -> bool:
    raw = raw.strip()
    return raw == "O" or bool(_TAG_RE.match(raw) and _TAG_RE.match(raw).group(1))


def to_iob2(tags: list[tuple[str, str]]) -> list[str]:
    """(prefix, label) pairs -> valid IOB2 strings; an I- that does not continue a span starts one
    (this also converts IOB1 input)."""
    out: list[str] = []
    prev = ""
    for prefix, label in tags:
        if not label or prefix == "O":
            out.append("O")
            prev = ""
            continue
        if prefix == "I" and prev == label:
            out.append("I-" + label)
        else:
            out.append("B-" + label)
        prev = label
    return out


def spans_of(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB2 tags -> [(start_token, end_token_exclusive, label)]."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, ""
    for i, t in enumerate(list(tags) + ["O"]):
        t = t or "O"
        if t.startswith("I-") and start is not None and t[2:] == label:
            continue
        if start is not None:
            spans.append((start, i, label))
            start = None
        if t.startswith(("B-", "I-")):
            start, label = i, t[2:]
    return spans


def _open_text(path: Path) -> Iterator[str]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace", newline="") as fh:
        for line in fh:
            yield line.rstrip("\r\n").replace("\r", "")


# ----------------------------------------------------------------------------- label maps
def germeval_label(label: str) -> str:
    """GermEval types -> FINE ('OTHderiv' -> 'MISCderiv'); unknown -> ''."""
    for base, ours in (("PER", "PER"), ("ORG", "ORG"), ("LOC", "LOC"), ("OTH", "MISC"), ("MISC", "MISC")):
        if label.upper().startswith(base):
            rest = label[len(base):].lower()
            if rest in ("", "deriv", "part"):
                return ours + rest
    return ""


COARSE_MAP = {
    "PER": "PER", "PERS": "PER", "PERSON": "PER",
    "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
    "MISC": "MISC", "OTH": "MISC",
}
LEGAL_MAP = {"PER": "PER", "RR": "PER", "AN": "PER", "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
             "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG"}
EHRI_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "CAMP": "LOC", "GHETTO": "LOC"}
HIPE_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "PROD": "MISC", "HUMANPROD": "MISC"}
# DFKI SmartData / MobIE fine types. Routes ("A9", "S5") and stops are not GermEval-style names.
DFKI_MAP = {"PERSON": "PER", "ORGANIZATION": "ORG", "ORGANIZATION_COMPANY": "ORG", "LOCATION": "LOC",
            "LOCATION_CITY": "LOC", "LOCATION_STREET": "LOC"}


def map_with(table: dict[str, str]):
    def f(label: str) -> str:
        return table.get(label.upper().replace("-", "_").replace(".", "_"), "")
    return f


_ADJ_END = re.compile(r"(sch|sche|schen|scher|sches|schem|er|ese|esen)$")


def demonyms_to_deriv(sent: Sent) -> Sent:
    """Sources that tag demonym adjectives ('deutsche', 'rumänischer') as LOC/MISC: relabel such
    one-token lower-case spans to LOCderiv, GermEval's convention."""
    tags = list(sent.tags)
    for s, e, lab in spans_of(tags):
        w = sent.words[s]
        if e - s == 1 and w[:1].islower() and lab in ("LOC", "MISC") and _ADJ_END.search(w):
            tags[s] = "B-LOCderiv"
    sent.tags = tags
    return sent


_DEMONYM_LIKE = re.compile(r"^[a-zäöü][a-zäöüß]{3,}sch(e|en|er|es|em)?$")
_COMPOUND_WITH_NAME = re.compile(r"^[A-ZÄÖÜ][\w.]*-[\wÄÖÜäöüß-]+$")


def mark_unannotated(sent: Sent, demonyms: bool = True, compounds: bool = True) -> Sent:
    """Sources that never annotate GermEval's *deriv/*part cases tag 'deutsche' or 'EU-Kommission'
    as O, which would teach the model to skip them. Set such O tokens to missing ('') so they
    give no signal either way (spaCy treats '' as unknown)."""
    tags = list(sent.tags)
    for i, (w, t) in enumerate(zip(sent.words, tags)):
        if t != "O":
            continue
        if (demonyms and _DEMONYM_LIKE.match(w)) or (compounds and _COMPOUND_WITH_NAME.match(w)):
            tags[i] = ""
    sent.tags = tags
    return sent


# ----------------------------------------------------------------------------- readers
def read_germeval(path: Path | str, source: str = "germeval2014", level: str = "outer") -> Iterator[Sent]:
    """GermEval-2014 tsv: '#' comments; columns idx, token, outer, inner; blank line between
    sentences. Also tolerates lines with fewer columns (missing tags -> O). `level` picks the
    outer (first-level, column 3) or inner (second-level, column 4) annotation."""
    col = 3 if level == "inner" else 2
    words: list[str] = []
    raw: list[tuple[str, str]] = []
    comment = ""
    for line in _open_text(Path(path)):
        if line.startswith("#") and not words and ("\t" in line or line.strip() == "#" or line.startswith("# ")):
            comment = line
            continue
        if not line.strip():
            if words:
                yield Sent(words, to_iob2(raw), source, {"comment": comment})
            words, raw, comment = [], [], ""
            continue
        cols = line.split("\t")
        if len(cols) >= 2 and cols[0].strip().isdigit():
            tok, tag = cols[1], (cols[col] if len(cols) > col else "O")
        else:
            tok, tag = cols[0], (cols[col - 1] if len(cols) > col - 1 else "O")
        prefix, lab = split_tag(tag)
        words.append(tok.strip() or "_")
        raw.append((prefix, germeval_label(lab) if lab else ""))
    if words:
        yield Sent(words, to_iob2(raw), source, {"comment": comment})


def read_columns(path: Path | str, source: str, label_map, token_col: int | None = None,
                 tag_col: int = -1, max_len: int = 0) -> Iterator[Sent]:
    """Generic CoNLL-ish reader: one token per line, tab- or space-separated, blank line between
    sentences. `token_col` None = auto (skip a leading integer index). Comment lines ('#'),
    -DOCSTART- lines and tag-less tokens are tolerated. `max_len` > 0 cuts run-on streams (corpora
    without sentence breaks) after sentence-final punctuation or at twice that length."""
    words: list[str] = []
    raw: list[tuple[str, str]] = []

    def flush():
        nonlocal words, raw
        if words:
            s = Sent(words, to_iob2(raw), source)
            words, raw = [], []
            return s
        return None

    for line in _open_text(Path(path)):
        if not line.strip():
            s = flush()
            if s:
                yield s
            continue
        if line.startswith("-DOCSTART-") or (line.startswith("#") and ("\t" in line or line.startswith("# "))):
            s = flush()
            if s:
                yield s
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        cols = [c.strip() for c in cols if c.strip()] or [line.strip()]
        if token_col is not None:
            toks = [cols[token_col]]
            tag = cols[tag_col] if len(cols) > 1 else "O"
            tag = tag if looks_like_tag(tag) else "O"
        else:
            # the right-most tag-like field is the tag; what precedes it is the token (a token
            # with spaces becomes several words); no tag-like field -> every field is a word, O
            k = max((i for i in range(1, len(cols)) if looks_like_tag(cols[i])), default=None)
            toks, tag = (cols, "O") if k is None else (cols[:k], cols[k])
            if len(toks) > 1 and toks[0].isdigit():
                toks = toks[1:]  # 'idx token tag'
        prefix, lab = split_tag(tag)
        lab = label_map(lab) if lab else ""
        for k, tok in enumerate(toks):
            words.append(tok)
            raw.append(((prefix if k == 0 else "I") if lab else "O", lab))
        if max_len and (len(words) >= 2 * max_len or (len(words) >= max_len and toks[-1] in (".", "!", "?"))):
            s = flush()
            if s:
                yield s
    s = flush()
    if s:
        yield s


def read_hipe(path: Path | str, source: str, label_map=map_with(HIPE_MAP)) -> Iterator[Sent]:
    """HIPE TSV (CLEF-HIPE-2020, HIPE-2022): TOKEN, NE-COARSE-LIT, ...; MISC column flags sentence
    ends (PySBDSegment / EndOfSentence); '#' lines are document metadata."""
    words: list[str] = []
    raw: list[tuple[str, str]] = []
    for line in _open_text(Path(path)):
        if line.startswith("TOKEN\t") or line.startswith("#") or not line.strip():
            if line.startswith("# document_id") and words:
                yield Sent(words, to_iob2(raw), source)
                words, raw = [], []
            continue
        cols = line.split("\t")
        tok = cols[0]
        tag = cols[1] if len(cols) > 1 else "O"
        prefix, lab = split_tag(tag)
        lab = label_map(lab) if lab else ""
        words.append(tok)
        raw.append((prefix, lab))
        misc = cols[-1] if len(cols) > 2 else ""
        if ("PySBDSegment" in misc or "EndOfSentence" in misc) or len(words) >= 120:
            yield Sent(words, to_iob2(raw), source)
            words, raw = [], []
    if words:
        yield Sent(words, to_iob2(raw), source)


def read_dfki_jsonl(path: Path | str, source: str, tokenize, label_map=map_with(DFKI_MAP)) -> Iterator[Sent]:
    """SmartData JSON lines: text + char-offset conceptMentions. Mentions are aligned by character
    (v1 mentions need not fall on token boundaries): a token is inside a mention when they overlap.
    `tokenize(text)` -> [(start, end, sentence_no)]."""
    for line in _open_text(Path(path)):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError:
            continue
        text = doc.get("text") or ""
        ments = []
        for m in doc.get("conceptMentions") or []:
            lab = label_map(str(m.get("type", "")))
            sp = m.get("span") or {}
            if lab and isinstance(sp.get("start"), int) and isinstance(sp.get("end"), int) and sp["end"] > sp["start"]:
                ments.append((sp["start"], sp["end"], lab))
        ments.sort()
        toks = tokenize(text)
        by_sent: dict[int, list[tuple[int, int]]] = {}
        for s, e, k in toks:
            by_sent.setdefault(k, []).append((s, e))
        for k in sorted(by_sent):
            spans = by_sent[k]
            words = [text[s:e] for s, e in spans]
            raw: list[tuple[str, str]] = []
            prev_m = None
            for s, e in spans:
                hit = next(((ms, me, lab) for ms, me, lab in ments if ms < e and s < me), None)
                if hit is None:
                    raw.append(("O", ""))
                    prev_m = None
                else:
                    raw.append(("I" if prev_m == hit else "B", hit[2]))
                    prev_m = hit
            if any(w.strip() for w in words):
                yield Sent(words, to_iob2(raw), source)


def is_germeval(path: Path | str) -> bool:
    """True when the first non-comment line has GermEval-2014's 4 columns (idx, token, outer, inner)."""
    for line in _open_text(Path(path)):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        return len(cols) >= 4 and cols[0].strip().isdigit()
    return False


def read_any(path: Path | str) -> list[Sent]:
    """Evaluation input: GermEval-2014 tsv (4 columns, '#' comments) or CoNLL (token TAG, or
    'idx token tag'). Decided by the first non-comment line."""
    path = Path(path)
    for line in _open_text(path):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) >= 4 and cols[0].strip().isdigit():
            return list(read_germeval(path, path.name))
        break
    return list(read_columns(path, path.name, _eval_label))


def _eval_label(label: str) -> str:
    fine = germeval_label(label)
    return fine or COARSE_MAP.get(label.upper(), "")
