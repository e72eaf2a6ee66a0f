"""Line-level boilerplate removal for extracted news text.

`scan(lines, has_title)` decides per line: keep, drop (with a reason), or keep with an inline tag
cut off (agency/author tag after the last sentence). It also collects what the dropped lines say
about the article (byline, agencies, translated-from language, a stated publication date).

Order of decisions, and why:
1. A comment-section header in the later part of the text cuts everything after it: user names
   and comment bodies look like ordinary short paragraphs, so they cannot be caught line by line.
2. Metadata lines (byline, translation note, agency credit) are dropped and recorded.
3. Single-line boilerplate (feedback/login/paywall/newsletter/cookie/social/ads/media/credits/dates/
   link teasers) is dropped.
4. A teaser header ("Lesen Sie auch", "Mehr zum Thema" ...) drops itself and the link list after it:
   bullet items and headline-like lines. A single headline-like line that is directly followed by a
   paragraph is kept: it is the next section's subheading, not a teaser.
Section subheadings elsewhere (short lines without a full stop) are always kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import meta
from .rules import COMMENT_HEADER, LINE_RULES, TEASER_HEADER, TEASER_INLINE, translation_language

TAIL_CUT_SHARE = 0.35  # a comment header cuts the rest only after this share of the text
_BULLET_LINE = re.compile(r"^(?:[-•·▪■*►▶→]|>{2,})\s*\S")
_PARAGRAPH_MIN = 120
# A translation note whose source language is not named ("Dieser Artikel wurde maschinell übersetzt.")
_TRANSLATION_NOTE = re.compile(
    r"^\(?(?:dieser|der|dieses|das) (?:artikel|beitrag|text|interview)\b[^.]{0,80}\b(?:übersetzt|übertragen)\b[^.]{0,60}\.?\)?$"
    r"|^\(?(?:this|the) (?:article|story|text)\b[^.]{0,60}\btranslated\b[^.]{0,60}\.?\)?$",
    re.IGNORECASE,
)
_STATED_DATE = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})")
_NAMED_DATE = re.compile(r"(?:(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})"
                         r"|([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4}))")


def stated_date(line: str) -> str | None:
    """The date a date line states: '12.05.2015', '2015-05-12', '12. Mai 2015', 'May 2, 2013',
    'Wed May 5, 2010 7:12pm BST', '14 June 2013', '5 mai 2010' (numeric US forms are ambiguous: none)."""
    if m := re.search(r"(\d{4})-(\d{2})-(\d{2})", line):
        y, mth, d = (int(g) for g in m.groups())
    elif m := _STATED_DATE.search(line):
        d, mth, y = (int(g) for g in m.groups())
    elif m := _NAMED_DATE.search(line):
        if m.group(1):
            d, name, y = int(m.group(1)), m.group(2), int(m.group(3))
        else:
            name, d, y = m.group(4), int(m.group(5)), int(m.group(6))
        from ..analyse.timex_rules import MONTHS_DE
        from ..analyse.timex_rules_intl import MONTHS_INTL

        low = name.lower().rstrip(".")
        mth = MONTHS_DE.get(low) or MONTHS_INTL["en"].get(low) or MONTHS_INTL["fr"].get(low) or 0
    else:
        return None
    return f"{y:04d}-{mth:02d}-{d:02d}" if 1 <= d <= 31 and 1 <= mth <= 12 else None


@dataclass
class ScanResult:
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (reason, removed text)
    bylines: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    translated_from: str | None = None
    stated_date: str | None = None

    def drop(self, line: str, reason: str) -> None:
        self.removed.append(line)
        self.reasons.append((reason, line))

    _agency_pos: list[tuple[int, int, str]] = field(default_factory=list)

    def add_agencies(self, names: list[str], line_no: int = 0) -> None:
        """Record agencies; `agencies` lists them in text order (line, then order within the line)."""
        for k, a in enumerate(names):
            self._agency_pos.append((line_no, k, a))
        self.agencies = []
        for _, _, a in sorted(self._agency_pos):
            if a not in self.agencies:
                self.agencies.append(a)


def _headline_like(line: str) -> bool:
    """Short line without a closing full stop or colon: a headline, link text or subheading."""
    if len(line) > 160:
        return False
    return line.endswith(("...", "…")) or not line.endswith((".", ":", ";", ","))


def _is_paragraph(line: str) -> bool:
    return len(line) >= _PARAGRAPH_MIN and line[-1] in ".!?\"“”»«…)"


_WORD = re.compile(r"[^\W\d_]{3,}")


def scrambled(line: str) -> bool:
    """A paragraph of letters a paywall scrambled: of its first 40 words of three or more letters (it needs
    twelve), under an eighth are words of German, English, French, Spanish or Italian (simplemma's word
    lists). Real paragraphs, names and lists included, read 0.7 and more; a Spanish quote in a German
    article 0.24 with German and English alone; a scrambled ga.de page 0.02-0.09."""
    words = _WORD.findall(line)[:40]
    if len(words) < 12:
        return False
    import simplemma

    def share(langs: tuple[str, ...]) -> float:
        return sum(any(simplemma.is_known(w.lower(), lang=lg) or simplemma.is_known(w, lang=lg) for lg in langs)
                   for w in words) / len(words)

    return share(("de", "en")) < 0.125 and share(("fr", "es", "it")) < 0.125


def _line_reason(line: str) -> str | None:
    for reason, pattern in LINE_RULES:
        if pattern.match(line):
            return reason
    return None


def _teaser_run(lines: list[str], start: int) -> list[int]:
    """Indexes of the link list that follows a teaser header at `start - 1`."""
    run: list[int] = []
    j = start
    while j < len(lines):
        line = lines[j]
        if (_BULLET_LINE.match(line) and len(line) <= 200) or TEASER_INLINE.match(line):
            run.append(j)  # link items are short; a long bulleted paragraph is content
        elif _headline_like(line) and not _is_paragraph(line):
            if j + 1 < len(lines) and _is_paragraph(lines[j + 1]):
                break  # a headline followed by a paragraph: the next section's subheading
            run.append(j)
        else:
            break
        j += 1
    return run


_USERNAME = re.compile(r"^(?=[^ ]*[\d_])[\w.-]{3,30}$|^[a-zäöüß][\w.-]{2,29}$")


def _comment_section_follows(lines: list[str], i: int) -> bool:
    """True when the lines after a comment header look like a comment form or comments (a long
    comment section can outweigh a short article, so the position rule alone misses it)."""
    login = dict(LINE_RULES)["login"]
    for line in lines[i + 1:i + 5]:
        if COMMENT_HEADER.match(line) or login.match(line) or _USERNAME.match(line):
            return True
    return False


def scan(lines: list[str], has_title: bool = False) -> ScanResult:
    """Classify normalised, non-empty lines. The title line (index 0 when has_title) always stays."""
    res = ScanResult()
    n = len(lines)
    start = 1 if has_title else 0
    total = sum(len(l) for l in lines[start:]) or 1
    cut_at = n
    before = 0
    for i in range(start, n):
        if COMMENT_HEADER.match(lines[i]) and before >= 200 and (
            before / total >= TAIL_CUT_SHARE or _comment_section_follows(lines, i)
        ):
            cut_at = i
            break
        before += len(lines[i])

    drop: dict[int, str] = {}
    i = start
    while i < cut_at:
        line = lines[i]
        by = meta.parse_byline(line)
        if by is not None:
            name, ags = by
            if name:
                res.bylines.append(name)
            res.add_agencies(ags, i)
            drop[i] = "byline"
        elif (lang := translation_language(line)) is not None or _TRANSLATION_NOTE.match(line):
            res.translated_from = res.translated_from or lang
            drop[i] = "translation"
        elif meta.AGENCY_LINE.match(line):
            res.add_agencies(meta.agencies_in(line), i)
            drop[i] = "agency"
        elif COMMENT_HEADER.match(line):
            drop[i] = "comments"
        elif TEASER_HEADER.match(line) or TEASER_INLINE.match(line):
            drop[i] = "teaser"
            for j in _teaser_run(lines[:cut_at], i + 1):
                drop[j] = "teaser"
            i = max([i] + [j for j in drop if drop[j] == "teaser"]) + 1
            continue
        elif scrambled(line):
            drop[i] = "scrambled"  # a paywall's scrambled letters ('Bjagybpvymp Tfcfh dr Hqsemx …'): no text to read
        elif (reason := _line_reason(line)) is not None:
            drop[i] = reason
            if reason == "credit" and re.search(r"dpa-infocom|\bdpa:\d", line):
                res.add_agencies(["dpa"], i)
            if reason == "date" and res.stated_date is None:
                res.stated_date = stated_date(line)
        elif (
            i == start and has_title and i + 1 < cut_at and " " not in line and len(line) <= 30
            and line[-1:].isalnum() and _is_paragraph(lines[i + 1])
        ):
            drop[i] = "kicker"  # one-word outlet/kicker line under the headline ("Baseljetzt")
        i += 1

    for i, line in enumerate(lines):
        if i >= cut_at:
            res.drop(line, "comments")
            continue
        if i in drop:
            res.drop(line, drop[i])
            continue
        if i >= start:
            res.add_agencies(meta.dateline_agencies(line), i)
            stripped, tag, ags = meta.strip_end_tag(line)
            if tag:
                res.drop(tag, "agency-tag")
                res.add_agencies(ags, i)
                line = stripped
        if line:
            res.kept.append(line)
    return res
