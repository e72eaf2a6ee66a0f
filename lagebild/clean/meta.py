"""Article metadata found in the text: bylines, agency credits, author shorthands.

- Byline lines: "Von: mk", "Von Max Muster", "Von Max Muster und Erika Beispiel, dpa",
  "Autor: ...", "Text: ...", "By Jane Doe".
- Agency credits: a tag after the last sentence of a paragraph ("... sei. (sda/daf)", "(AFP/dpa/AP)",
  "(lismah)" = author shorthand), lines that only credit agencies ("dpa", "Quelle: AFP",
  "Mit Material von dpa und Reuters"), and datelines ("Berlin (dpa) - ...", which stay in the text).
"""
from __future__ import annotations

import re

# Canonical spellings of news agencies (lower-case key -> label used in Article.agency).
AGENCIES = {
    "dpa": "dpa", "afp": "AFP", "reuters": "Reuters", "ap": "AP", "sda": "sda", "sda-ats": "sda", "ats": "sda",
    "keystone-sda": "sda", "kna": "KNA", "epd": "epd", "apa": "APA", "dts": "dts", "ddp": "ddp", "dapd": "dapd",
    "sid": "SID", "rtr": "Reuters", "reu": "Reuters", "efe": "EFE", "ansa": "ANSA", "tass": "TASS", "ria": "RIA Novosti", "interfax": "Interfax",
    "ukrinform": "Ukrinform", "xinhua": "Xinhua", "yonhap": "Yonhap", "kyodo": "Kyodo", "bloomberg": "Bloomberg",
    "anp": "ANP", "belga": "Belga", "pap": "PAP", "ctk": "ČTK", "čtk": "ČTK", "mti": "MTI", "dpa-afx": "dpa-AFX",
    "afx": "dpa-AFX", "kath.ch": "kath.ch", "idea": "idea", "awp": "AWP", "ots": "OTS",
    "anadolu": "Anadolu", "upi": "UPI", "ips": "IPS", "red": None, "redaktion": None, "mit": None,
}
_AGENCY_ALT = "|".join(sorted((re.escape(k) for k in AGENCIES if AGENCIES[k]), key=len, reverse=True))
_AGENCY_WORD = re.compile(rf"(?<![\w-])({_AGENCY_ALT})(?![\w-])", re.I)

# Tag in parentheses after the final sentence: 1-6 short tokens joined by / , or space.
_TOKEN = r"[A-Za-zÄÖÜäöüßČčé.\-]{1,14}"
END_TAG = re.compile(rf"(?<=[.!?\"“”«»)\]…])\s*\(\s*({_TOKEN}(?:\s*[/,;]\s*{_TOKEN}){{0,5}})\s*\)\s*$")
# Bare agency names after the final sentence: "... gesagt. AFP", "... . dpa/AFP"
END_BARE = re.compile(rf"(?<=[.!?\"“”«»])\s+((?:{_AGENCY_ALT})(?:\s*[/,]\s*(?:{_AGENCY_ALT}))*)\s*$", re.I)
# Dateline "Elmsfeld (dpa) - ..." / "Paris (AFP/dpa) – ..."
DATELINE = re.compile(rf"^[A-ZÄÖÜ][\w.\s/-]{{1,40}}?\s\(\s*({_TOKEN}(?:\s*[/,]\s*{_TOKEN}){{0,4}})\s*\)\s*[-–—:]\s")
# A line that only credits agencies
AGENCY_LINE = re.compile(
    rf"^\(?(?:(?:quelle|quellen|agenturen|material|mit material (?:von|der|aus)|text|mitarbeit)\s*:?\s*)?"
    rf"(?:(?:nachrichten)?agentur(?:en)?\s+)?(?:{_AGENCY_ALT})(?:\s*(?:[/,;&+]|und|and)\s*(?:{_AGENCY_ALT}))*"
    rf"(?:\s*[/,]\s*[a-zäöü]{{1,6}})?\)?\.?$",
    re.I,
)

_NAME = r"[A-ZÄÖÜ][\w'’.-]*"
_PARTICLE = r"(?:von|van|de|der|den|del|da|di|du|zu|la|le|bin|al|el|ten|ter)"
_PERSON = rf"{_NAME}(?:\s+(?:{_PARTICLE}\s+)*{_NAME}){{1,3}}"
BYLINE = re.compile(
    rf"^(?i:von|by|autor(?:in)?|autoren|text|redaktion|reporter(?:in)?|ein (?:kommentar|gastbeitrag|bericht|interview|essay) von)\s*:\s*(.{{1,100}})$"
    rf"|^(?i:von|by|ein (?:kommentar|gastbeitrag|bericht|interview|essay) von)\s+({_PERSON}(?:\s*(?:,|und|and|&)\s*{_PERSON})*)"
    rf"(?:\s*(?:,|\||/|–|-)\s*(.{{0,80}}))?$"
)
_PERSON_RE = re.compile(_PERSON)


def agencies_in(text: str) -> list[str]:
    """Canonical agency names mentioned in a credit string, in order, without duplicates."""
    out: list[str] = []
    for m in _AGENCY_WORD.finditer(text):
        name = AGENCIES.get(m.group(1).lower())
        if name and name not in out:
            out.append(name)
    return out


def strip_end_tag(line: str) -> tuple[str, str | None, list[str]]:
    """Remove an agency/author tag after the last sentence of a paragraph.

    Returns (line without the tag, the removed tag or None, agencies named in it).
    """
    m = END_TAG.search(line)
    if m:
        inner = m.group(1)
        tokens = [t for t in re.split(r"[/,;\s]+", inner) if t]
        known = agencies_in(inner)
        # Author shorthands are short lower-case or all-caps tokens ("lismah", "sda/daf", "mk", "red").
        # A capitalised word in parentheses ("(Video)", "(Archiv)") is not a credit unless an agency.
        short = all(len(t) <= 8 and (t.islower() or t.isupper() or t.lower() in AGENCIES) for t in tokens)
        if known or short:
            return line[: m.start()].rstrip(), line[m.start():].strip(), known
    m = END_BARE.search(line)
    if m:
        return line[: m.start()].rstrip(), m.group(1).strip(), agencies_in(m.group(1))
    return line, None, []


def dateline_agencies(line: str) -> list[str]:
    m = DATELINE.match(line)
    return agencies_in(m.group(1)) if m else []


def parse_byline(line: str) -> tuple[str, list[str]] | None:
    """(names, agencies) when the line is a byline, else None."""
    if len(line) > 140 or line.endswith((".", "!", "?")) and not re.search(r"\b[A-Z]\.$", line):
        return None
    m = BYLINE.match(line)
    if not m:
        return None
    if m.group(1) is not None:  # "Von: mk", "Autor: Max Muster"
        value = m.group(1).strip()
        if len(value.split()) > 8:
            return None
        names, rest = value, ""
        # "Von: Max Muster, dpa" / "Von: Max Muster | 12.03.2024"
        parts = re.split(r"\s*[|]\s*|\s+[–-]\s+", value, maxsplit=1)
        names = parts[0]
        rest = parts[1] if len(parts) > 1 else ""
    else:
        names, rest = m.group(2).strip(), (m.group(3) or "").strip()
    agencies = agencies_in(names) + [a for a in agencies_in(rest) if a not in agencies_in(names)]
    # Drop agency names from the byline itself ("Max Muster, dpa" -> "Max Muster").
    cleaned = [p.strip() for p in re.split(r"\s*,\s*", names)
               if p.strip() and (not agencies_in(p) or len(p.split()) > 1)]
    byline = ", ".join(cleaned).strip(" ,") or None
    if byline is None and not agencies:
        return None
    return byline or "", agencies


_SIGNATURE = re.compile(r"\((?:(?P<name>[A-ZÄÖÜ][^()\n,]{1,60}),\s*)?(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?"
                        r"(?P<y>(?:19|20)\d{2})\)\s*$")


def signature(text: str) -> tuple[str | None, str | None]:
    """'… (Colette M. Schmidt, 24.10.2015)' closing an article: the author's signature with the date
    of writing (derStandard and other outlets) -> (name, ISO date); (None, None) when absent."""
    m = _SIGNATURE.search(text[-200:].rstrip())
    if not m:
        return None, None
    d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    try:
        import datetime

        iso = datetime.date(y, mo, d).isoformat()
    except ValueError:
        return None, None
    name = (m.group("name") or "").strip()
    # 'APA', 'red', 'dpa/AFP' sign as agencies or desks, not as authors
    person = bool(name) and len(name.split()) <= 5 and not name.isupper() and " " in name and "/" not in name
    return (name if person else None), iso

