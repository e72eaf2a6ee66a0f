"""Clean: RawDocument -> Article (cleaned text, removed lines, byline, agencies, language).

Text layout decision: `Article.text` is one paragraph per line ("\\n"-separated), whitespace
normalised (NBSP, thin spaces -> space; soft hyphens and zero-width characters removed). When a
title is known it IS the first line of the text, for every input kind: headlines carry names and
claims that analysis should see, offsets stay simple (title = text[0:len(title)]), and HTML/JSONL/
feed inputs (whose body usually lacks the headline) look the same as plain-text files (whose first
line is the headline). A body that already starts with the title does not get it twice.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from ..records import Article, RawDocument
from .boilerplate import ScanResult, scan
from .language import detect_language

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def normalise_lines(text: str) -> list[str]:
    """NFC, invisible characters removed, whitespace runs collapsed, empty lines dropped."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE.sub("", text)
    lines = (_SPACES.sub(" ", l).strip() for l in text.split("\n"))
    return [l for l in lines if l]


def _norm_key(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().casefold()


def _place_title(title: str | None, lines: list[str]) -> tuple[str | None, list[str]]:
    """Make the title the first line, without duplicating a headline the body already has."""
    if not title:
        return None, lines
    title = _SPACES.sub(" ", _INVISIBLE.sub("", title)).strip()
    if not title:
        return None, lines
    if lines:
        first, key = _norm_key(lines[0]), _norm_key(title)
        if first == key:
            return lines[0], lines
        # "Klimaschutz: Bohren, bis es heiß wird" (meta title) vs "Bohren, bis es heiß wird" (h1)
        if len(first) >= 15 and (first in key or key in first) and len(lines[0]) <= 250:
            return lines[0], lines
    return title, [title] + lines


def _join_bylines(names: list[str]) -> str | None:
    out: list[str] = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return ", ".join(out) or None


def _authors(raw: RawDocument, text_bylines: list[str], signature_name: str | None) -> tuple[list[str], list[str]]:
    """Persons credited as authors, and agencies named with them. Sources in order of trust: byline
    lines in the text, the page's author metadata, author elements of the page that extraction removed
    ('Von X, Y und Z, NDR' above the article), the author's closing signature. Nothing that is not a
    person is kept (issue 17): an empty byline beats an invented one."""
    from .byline import outlet_words, split_byline

    words = outlet_words(raw.outlet, raw.meta.get("hostname"), raw.meta.get("sitename"))
    candidates = [(c, False) for c in list(text_bylines) + [raw.byline or ""]]
    # page elements: a stated 'Von …' line is a byline; any other author box text must look like one
    candidates += [(c, not re.match(r"(?i)(?:von|by)\s", c)) for c in raw.meta.get("html_bylines") or []]
    candidates += [(signature_name or "", False)]
    seen_agencies: list[str] = []
    for cand, strict in candidates:
        persons, agencies = split_byline(cand, words, strict)
        if not strict or persons:  # page elements credit agencies only in a byline ('Foto: dpa' is no credit)
            seen_agencies += [a for a in agencies if a not in seen_agencies]
        if persons:
            return persons, seen_agencies
    return [], seen_agencies


def clean_document(raw: RawDocument) -> Article:
    """Remove boilerplate, record what was removed, fill byline/agency/translated_from/language."""
    lines = normalise_lines(raw.text or "")
    title = raw.title
    if title is None and raw.raw_html is None and lines:  # plain text: a headline-like first line
        from ..ingest.text import looks_like_headline

        if looks_like_headline(lines[0], lines[1] if len(lines) > 1 else None):
            title = lines[0]
    title, lines = _place_title(title, lines)
    res: ScanResult = scan(lines, has_title=title is not None)
    text = "\n".join(res.kept)
    published = raw.published or res.stated_date
    from .meta import signature

    sig_name, sig_date = signature(text)
    published = published or sig_date
    authors, byline_agencies = _authors(raw, res.bylines, sig_name)
    byline = ", ".join(authors) or None
    return Article(
        id=raw.id,
        source=raw.source,
        text=text,
        title=title,
        published=published,
        published_inferred=bool(raw.meta.get("published_inferred")) if raw.published else False,
        published_evidence=(raw.meta.get("published_evidence") or "not stated by the page")
        if raw.published and raw.meta.get("published_inferred") else None,
        outlet=raw.outlet,
        url=raw.url,
        language=detect_language(text, hint=raw.language),
        byline=byline,
        authors=authors,
        agency=res.agencies + [a for a in byline_agencies if a not in res.agencies],
        translated_from=res.translated_from,
        removed_lines=res.removed,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
