"""HTML -> RawDocument with trafilatura (main text + metadata) and htmldate (publication date).

Settings measured on shared/data/boilerplate/trafilatura-de and shared/data/dates/htmldate
(`lagebild eval boilerplate|dates ... --baseline`):
- `include_comments=False`: reader comments are not article text (trafilatura's default keeps them).
- publication date: htmldate with `original_date=True` (the first publication, not the last
  update) beats htmldate's default; trafilatura's metadata date and htmldate's default search are
  fallbacks in that order (see `find_publication_date`).
"""
from __future__ import annotations

import json
import re
from typing import Any

from ..records import RawDocument

MIN_TEXT_CHARS = 40  # less than this after extraction = "no article in this HTML"


class NoArticle(ValueError):
    """The HTML holds no extractable article text."""


def _clean_meta(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def extract_html(html: str, url: str | None = None) -> dict[str, Any]:
    """Main text (paragraphs separated by newlines) and metadata of one HTML page.

    Raises NoArticle when no article text can be found even with the recall-oriented settings.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
    text = (doc.text if doc is not None else "") or ""
    if len(text.strip()) < MIN_TEXT_CHARS:
        # Short or odd pages: the recall setting finds text the default prunes as boilerplate.
        doc2 = trafilatura.bare_extraction(
            html, url=url, include_comments=False, with_metadata=True, favor_recall=True
        )
        if doc2 is not None and len((doc2.text or "").strip()) > len(text.strip()):
            doc, text = doc2, doc2.text or ""
    if doc is None or len(text.strip()) < MIN_TEXT_CHARS:
        raise NoArticle("no article text found in HTML")
    return {
        "text": text,
        "title": _clean_meta(doc.title),
        "author": _clean_meta(doc.author),
        "sitename": _clean_meta(doc.sitename),
        "url": _clean_meta(doc.url) or url,
        "date": _clean_meta(doc.date),
        "description": _clean_meta(doc.description),
        "language": _clean_meta(doc.language),
        "hostname": _clean_meta(doc.hostname),
    }


_JSONLD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)
_HTML_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2})", re.I)


def jsonld_date(html: str) -> str | None:
    """`datePublished` of the first JSON-LD object that has one (NewsArticle etc.)."""
    for block in _JSONLD.findall(html):
        try:
            data = json.loads(block.strip())
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                val = item.get("datePublished")
                if isinstance(val, str) and re.match(r"\d{4}-\d{2}-\d{2}", val):
                    return val
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "mainEntityOfPage"))
    return None


def find_publication_date(html: str, url: str | None = None, meta_date: str | None = None) -> str | None:
    """Publication date YYYY-MM-DD, best strategy first.

    Measured alone on shared/data/dates/htmldate (`lagebild eval dates DIR --strategies`):
    htmldate(original_date=True) 90/100, trafilatura metadata 90 (same htmldate settings inside),
    htmldate fast+original 85, htmldate default 84, JSON-LD datePublished 29 (present on 34 pages).
    The later sources only fill gaps; none of them fixes a page the first one gets wrong here.
    """
    from htmldate import find_date

    try:
        found = find_date(html, url=url, outputformat="%Y-%m-%d", extensive_search=True, original_date=True)
    except Exception:  # htmldate may choke on odd markup; fall back
        found = None
    if found:
        return found
    if meta_date:
        return meta_date[:10]
    ld = jsonld_date(html)
    if ld:
        return ld[:10]
    try:
        return find_date(html, url=url, outputformat="%Y-%m-%d")
    except Exception:
        return None


def html_to_document(html: str, source: str, doc_id: str, url: str | None = None,
                     published: str | None = None, meta: dict | None = None, find_date: bool = True) -> RawDocument:
    """One HTML page -> RawDocument (raises NoArticle when there is no article).

    `find_date=False` skips the date search (text-only uses such as the extraction benchmark).
    """
    info = extract_html(html, url=url)
    date = published
    if date is None and find_date:
        date = find_publication_date(html, url=info["url"], meta_date=info["date"])
    lang = info["language"]
    if not lang:
        m = _HTML_LANG.search(html[:5000])
        lang = m.group(1).lower() if m else None
    extra = dict(meta or {})
    extra.update({k: info[k] for k in ("description", "hostname") if info.get(k)})
    return RawDocument(
        id=doc_id,
        source=source,
        text=info["text"],
        title=info["title"],
        published=date,
        url=info["url"],
        outlet=info["sitename"],
        byline=info["author"],
        language=lang,
        raw_html=html,
        meta=extra,
    )
