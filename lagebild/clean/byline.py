"""Bylines as lists of persons, never invented (issue 17).

A byline string from the page ("Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR",
"Anna Muster/dpa", meta author "Max Muster") becomes `(persons, agencies)`. Whatever is not a person
is dropped, never guessed: outlet and company names ("AUTO ZEITUNG", "Olympia-Verlag GmbH"), domains
("Www Haufe De"), copyright lines, social buttons ("Follow"), desk shorthands ("red", "Zvg"),
first names or initials alone ("Matthias", "Author Bo").
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .meta import AGENCIES, agencies_in

_TITLES = re.compile(r"\b(?:Dr|Prof|Dipl|Ing|Mag|MBA|PhD|MA|BA|jun|sen)\.?(?=\s|$)", re.I)
_LEAD = re.compile(r"^(?:von|by|autor(?:in)?|autoren|text|author|written\s+by|ein\s+(?:kommentar|gastbeitrag|bericht|"
                   r"interview|essay)\s+von|interview|reporter(?:in)?|fotos?\s+und\s+text)\s*:?\s+", re.I)
# words after the name that belong to the page layout ('Sara Zinnecker Stand: 05.02.2020')
_TAIL = re.compile(r"\s+(?:Stand|Aktualisiert|Update|Veröffentlicht|Published|am|vom|\d).*$")
_NOT_A_NAME = re.compile(
    r"(?i)copyright|©|\(c\)|\bgmbh\b|\bkg\b|\bag\b|\bmbh\b|\bverlag|\bredaktion|\bredaktionell|\bred\b|\bzvg\b|\bteam\b|"
    r"\badmin|\bwww\b|\.(?:de|com|at|ch|net|org)\b|\b(?:de|com)$|\bfollow|\bfolgen\b|\bteilen\b|\bshare\b|\btwitter|"
    r"\bfacebook|\binstagram|\blinkedin|\bnewsletter|\bzeitung\b|\bpresse\b|\bnews\b|\bmagazin|\bonline\b|\bportal\b|"
    r"\bauthor\b|\bautor\b|\bquelle\b|\bfoto\b|\bbild\b|\bmitarbeiter|\bgast\b|\bgastautor|\bhttps?:|@|"
    # an author box's labels ('Bio Latest Posts', 'Alle Beiträge', 'Mehr lesen')
    r"\bbio\b|\blatest\s+posts?\b|\bposts\b|\balle\s+beiträge\b|\bmehr\s+(?:lesen|artikel)\b|\bread\s+more\b")
_SITE_CREDIT = re.compile(r"(?i)\bdesigned\b|\bdesign\s+(?:by|von)\b|\bwebdesign|\btheme\s+(?:by|von)\b|\bpowered\s+by\b"
                          r"|\bprogrammiert\b|\bentwickelt\s+von\b")
_WORD = re.compile(r"^[A-ZÄÖÜÉÈÁÀÓÍÚČŠŽŁ][\w'’.-]*$")
_PARTICLE = {"von", "van", "de", "der", "den", "del", "da", "di", "du", "zu", "la", "le", "ten", "ter", "y", "al", "el", "bin"}


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(German common nouns, first names) of the shipped word list (analyse/ner_lexicon.tsv)."""
    nouns, first = set(), set()
    path = Path(__file__).resolve().parent.parent / "analyse" / "ner_lexicon.tsv"
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            word, _, kind = line.partition("\t")
            (nouns if kind == "N" else first if kind == "F" else set()).add(word)
    except OSError:
        pass
    return frozenset(nouns), frozenset(first)


def _clean_name(name: str) -> str:
    name = _TITLES.sub("", name)
    name = _TAIL.sub("", name.strip())
    return re.sub(r"\s+", " ", name).strip(" ,;:|-–—/·")


def is_person(name: str, outlet_words: set[str] | None = None, strict: bool = False) -> bool:
    """Two to five name words, capitalised (particles allowed), none of them outlet/site words nor a
    common noun; `strict` (text found in page elements rather than stated as a byline): the first word
    must be a known first name ('Matthias Medizinstudent' is a self-description, not a byline)."""
    if not name or len(name) > 60 or _NOT_A_NAME.search(name) or agencies_in(name) and len(name.split()) < 2:
        return False
    words = name.split()
    if not 2 <= len(words) <= 5 or name.isupper():
        return False
    if not all(_WORD.match(w) or w.lower() in _PARTICLE for w in words):
        return False
    if any(len(w.strip(".")) < 2 for w in words if w.lower() not in _PARTICLE) and not re.search(r"\b[A-Z]\.\s", name):
        return False  # 'Author Bo', initials alone
    if strict:  # surnames may be nouns ('Fischer', 'Koch'): only page-element text is held to this
        nouns, first = _lexicon()
        if words[0] not in first or any(w in nouns and w not in first for w in words[1:-1]):
            return False
    if outlet_words:
        keys = {w.lower().strip(".-") for w in words}
        if keys <= outlet_words | _PARTICLE:
            return False  # 'Tagesschau De', 'Hildesheimer Presse': the outlet or host name
    return True


def split_byline(text: str, outlet_words: set[str] | None = None, strict: bool = False) -> tuple[list[str], list[str]]:
    """'Von X, Y und Z, NDR' -> ([X, Y, Z], []); 'X/dpa' -> ([X], ['dpa']); junk -> ([], [])."""
    if not text:
        return [], []
    t = re.sub(r"\s+", " ", text).strip()
    if _SITE_CREDIT.search(t):
        return [], []  # 'Peter Amende und Fuchsy designed': who built the site, not who wrote the text
    t = _LEAD.sub("", t)
    m = re.search(r"\bim\s+Gespräch\s+mit\s+(.+)$", t)  # 'Richard David Precht im Gespräch mit Karin Fischer'
    if m:
        t = m.group(1)
    agencies = [a for a in agencies_in(t)]
    persons: list[str] = []
    parts = [_clean_name(p) for p in re.split(r"\s*(?:,|;|/|\||&|\bund\b|\band\b|\bsowie\b)\s*", t)]
    parts = [p for p in parts if p]
    for k, part in enumerate(parts):
        if part.lower() in AGENCIES and len(part.split()) == 1:
            continue
        if is_person(part, outlet_words, strict):
            if part not in persons:
                persons.append(part)
        elif strict and not (k == len(parts) - 1 and _WORD.match(part)):
            return [], []  # page text that is more than a byline (an author's self-description)
    return persons, agencies


def outlet_words(*names: str | None) -> set[str]:
    """Lower-case words of the outlet name, site name and host ('www.tagesschau.de' -> tagesschau, de, www)."""
    out: set[str] = set()
    for n in names:
        if n:
            out |= {w for w in re.split(r"[\s.\-_/:]+", n.lower()) if w}
    return out
