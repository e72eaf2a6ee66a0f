"""`lagebild eval metadata FILE.jsonl`: article metadata on real pages (issue 17).

Input lines (tests/data/metadata_pages_GUIDELINE.md): {"file" (relative to ../shared/data), "byline":
[person, ...], "agency", "date": "YYYY-MM-DD" | null, "url" | null, ...}. Each page is read exactly as
`lagebild ingest` reads a file (bytes -> declared charset and content -> HTML -> cleaning); no URL is
given to the system (a saved page has none), and nothing of the gold is passed to it.

Scores (one JSON line):
- bylines_right_or_empty: share of pages whose byline list equals the gold list (names compared
  case- and space-insensitively, order ignored) or is empty; bylines_exact beside it.
- invented_dates: pages with no gold date that got one; dates_accuracy: pages whose date equals the
  gold (a missing date is right where the gold has none); dates_wrong: dated pages with another date.
- mojibake_pages: pages whose cleaned text or byline shows mis-decoded characters ('fĂĽr', 'fÃ¼r').
- url_accuracy, agency_accuracy.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import typer

from . import emit

# UTF-8 read as cp1252/latin-1 ('Ã¼', 'â€ž') or as cp1250 ('ĂĽ', 'Ă¶'); U+FFFD replacement characters
MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf¤¶¼Ÿ„–—]|â€|Ă[\u0080-\u00bf¤¶Ľĺ˝źś]|Ä\u0082|\ufffd")


def _shared_root() -> Path:
    from ..datapaths import shared_data

    return shared_data()


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip().casefold()


def page_metadata(path: Path) -> dict:
    """What lagebild reads off one saved page: byline list, agency, date, url, text."""
    from ..clean import clean_document
    from ..ingest import read_file
    from ..records import IngestError

    for doc in read_file(path):
        if isinstance(doc, IngestError):
            return {"error": doc.message}
        art = clean_document(doc)
        return {"byline": list(art.authors), "agency": list(art.agency), "date": art.published,
                "url": art.url, "text": art.text, "byline_text": art.byline or ""}
    return {"error": "nothing read"}


def cut_date(html: str, date: str) -> str:
    """The page with every written form of `date` cut out ('2019-09-17T10:00:00+02:00', '17.09.2019',
    '17. September 2019', 'September 17, 2019', '/2019/09/', '20190917' ...): an undated variant of a
    dated page, with the page's template and all its other dates left as they were. The rows of
    tests/data/metadata_pages_cut.jsonl were annotated on exactly this output."""
    from ..ingest.html import _MONTH_NAMES

    y, m, dd = date[:4], int(date[5:7]), int(date[8:10])
    names = _MONTH_NAMES[m - 1]
    sep = r"(?:\s|&nbsp;|&#160;|&thinsp;|&#8201;|\u00a0)*"
    forms = re.compile("|".join([
        rf"{y}-{m:02d}-{dd:02d}(?:[T ][0-9:.+\-Z]*)?", rf"{y}/{m:02d}/{dd:02d}", rf"{y}{m:02d}{dd:02d}",
        rf"\b0?{dd}\.{sep}0?{m}\.{sep}(?:{y}|{y[2:]})\b", rf"\b0?{dd}\.?{sep}(?:{names})\.?,?{sep}{y}",
        rf"(?:{names})\.?{sep}0?{dd}(?:st|nd|rd|th)?,?{sep}{y}", rf"\b0?{dd}/0?{m}/{y}\b", rf"\b0?{m}/0?{dd}/{y}\b",
        rf"\b0?{dd}-0?{m}-{y}\b", rf"{y}/{m:02d}/", rf"/{y}/\d\d?/\d\d?/"]), re.I)
    return forms.sub("", html)


def _cut_page(path: Path, row: dict, tmp: Path) -> dict:
    """page_metadata of the page's undated variant (`cut_date`), checked against the row's SHA-1."""
    import hashlib

    raw = path.read_bytes()
    if row.get("sha1") and hashlib.sha1(raw).hexdigest() != row["sha1"]:
        return {"error": f"{row['file']}: not the page that was annotated (SHA-1 differs)"}
    out = tmp / path.name
    out.write_text(cut_date(raw.decode("utf-8", "replace"), row["cut_date"]), encoding="utf-8")
    return page_metadata(out)


def score(rows: list[dict], outs: list[dict]) -> dict:
    n = len(rows)
    m = sum(1 for row in rows if "byline" in row)  # rows with bylines, agencies and URLs annotated
    right_or_empty = exact = invented = wrong = date_ok = moji = url_ok = agency_ok = 0
    for row, out in zip(rows, outs):
        gold = sorted(_key(x) for x in row.get("byline") or [])
        got = sorted(_key(x) for x in out.get("byline") or [])
        if "byline" in row:
            exact += got == gold
            right_or_empty += got == gold or not got
            url_ok += (out.get("url") or None) == (row.get("url") or None)
            gold_agency = {_key(a) for a in re.split(r"[/,]\s*", row.get("agency") or "") if a}
            agency_ok += {_key(a) for a in out.get("agency") or []} == gold_agency
        gd, pd = row.get("date"), (out.get("date") or None)
        pd = pd[:len(gd)] if pd and gd else (pd[:10] if pd else None)
        if gd is None and pd is not None:
            invented += 1
        elif gd is not None and pd is not None and pd != gd:
            wrong += 1
        date_ok += pd == gd
        # a cut variant is decoded as UTF-8 with replacement characters, as it was annotated: not counted
        moji += "cut_date" not in row and bool(MOJIBAKE.search((out.get("text") or "") + " " + (out.get("byline_text") or "")))
    r = lambda k: round(k / n, 4) if n else 0.0  # noqa: E731
    rm = lambda k: round(k / m, 4) if m else None  # noqa: E731
    return {
        "pages": n, "bylines_right_or_empty": rm(right_or_empty), "bylines_exact": rm(exact),
        "invented_dates": invented, "dates_accuracy": r(date_ok), "dates_wrong": wrong,
        "mojibake_pages": moji, "url_accuracy": rm(url_ok), "agency_accuracy": rm(agency_ok),
        "errors": sum(1 for o in outs if o.get("error")),
    }


def run(
    path: Path = typer.Argument(..., help="jsonl with file, byline, agency, date, url per page"),
    show_errors: int = typer.Option(0, help="also print up to N pages with a wrong field (to stderr)"),
) -> None:
    """Bylines right-or-empty, invented dates, date accuracy, mojibake pages on real saved pages."""
    import sys

    import tempfile

    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    root = _shared_root()
    with tempfile.TemporaryDirectory() as tmp:
        outs = [_cut_page(root / row["file"], row, Path(tmp)) if "cut_date" in row else page_metadata(root / row["file"])
                for row in rows]
    result = {"task": "metadata", "file": str(path),
              "settings": {"input": "saved page bytes, read as `lagebild ingest` reads a file; no URL given; rows "
                                    "with cut_date: every written form of that date cut out first (undated variants)",
                           "bylines": "person lists compared case/space-insensitively, order ignored; empty counts as right"},
              **score(rows, outs)}
    if show_errors:
        shown = 0
        for row, out in zip(rows, outs):
            got = sorted(_key(x) for x in out.get("byline") or [])
            bad = {k: (row.get(k), out.get(k)) for k in ("date", "url") if (out.get(k) or None) != row.get(k)}
            if got and got != sorted(_key(x) for x in row.get("byline") or []):
                bad["byline"] = (row.get("byline"), out.get("byline"))
            if bad and shown < show_errors:
                sys.stderr.write(json.dumps({"file": row["file"], **bad}, ensure_ascii=False) + "\n")
                shown += 1
    emit(result)
