"""HTML -> RawDocument with trafilatura (main text + metadata) and htmldate (publication date).

Settings measured on shared/data/boilerplate/trafilatura-de and shared/data/dates/htmldate
(`lagebild eval boilerplate|dates ... --baseline`):
- `include_comments=False`: reader comments are not article text (trafilatura's default keeps them).
- publication date: htmldate with `original_date=True` (the first publication, not the last
  update) beats htmldate's default; trafilatura's metadata date and htmldate's default search are
  fallbacks in that order (see `find_publication_date`).
"""
from __future__ import annotations

import re
from typing import Any

from ..records import RawDocument
from .date_context import jsonld_objects
from .markup import LINK_TAG as _LINK_TAG
from .markup import META_TAG as _META_TAG
from .markup import attrs as _attrs

MIN_TEXT_CHARS = 40  # less than this after extraction = "no article in this HTML"


class NoArticle(ValueError):
    """The HTML holds no extractable article text."""


def _clean_meta(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


# trafilatura's own metadata date (htmldate inside it) is not used for the publication date (see
# find_publication_date): its fast search, without dateparser, saves ~10 ms a page (issue 18)
_META_DATE = {"original_date": True, "extensive_search": False}


def extract_html(html: str, url: str | None = None) -> dict[str, Any]:
    """Main text (paragraphs separated by newlines) and metadata of one HTML page.

    Raises NoArticle when no article text can be found even with the recall-oriented settings.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True,
                                      date_extraction_params=_META_DATE)
    text = (doc.text if doc is not None else "") or ""
    if len(text.strip()) < MIN_TEXT_CHARS:
        # Short or odd pages: the recall setting finds text the default prunes as boilerplate.
        doc2 = trafilatura.bare_extraction(
            html, url=url, include_comments=False, with_metadata=True, favor_recall=True,
            date_extraction_params=_META_DATE,
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
        "url": page_url(html, url, _clean_meta(doc.url)),
        "date": _clean_meta(doc.date),
        "description": _clean_meta(doc.description),
        "language": _clean_meta(doc.language),
        "hostname": _clean_meta(doc.hostname),
    }


_HTML_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2})", re.I)


def jsonld_date(html: str) -> str | None:
    """`datePublished` of the first JSON-LD object that has one (NewsArticle etc.)."""
    for item in jsonld_objects(html):
        val = item.get("datePublished")
        if isinstance(val, str) and re.match(r"\d{4}-\d{2}-\d{2}", val):
            return val
    return None


_SCRIPT = re.compile(r"<script\b(?![^>]*application/ld\+json)[^>]*>.*?</script>", re.S | re.I)
# HTML comments (IE conditional blocks), stylesheet/icon/preload links and asset version stamps
# ('style.css?ver=20141010'): build stamps of the theme, never the page's publication date
_ASSET = re.compile(r"<!--.*?-->|<link\b[^>]*\brel\s*=\s*[\"']?(?:stylesheet|icon|shortcut icon|preload|prefetch"
                    r"|dns-prefetch|preconnect|apple-touch-icon|manifest|pingback|EditURI|wlwmanifest)\b[^>]*>"
                    r"|[?&](?:ver|v|version)=[\w.-]+", re.S | re.I)


_COMMENTS = ("comments", "comments-area", "comment-list", "commentlist", "comment", "kommentare", "kommentar",
             "disqus_thread", "user-comments")


# cookie-consent banners ('Die Cookie-Erklärung wurde das letzte Mal am 02.12.2022 aktualisiert')
_CONSENT = ("cookie", "consent", "gdpr")


class _PageTree:
    """A page string and its lxml tree, parsed on first use and then shared by the read-only checks
    of one date search (each of them used to parse the page again: ~1.2 ms a parse on the 127 KB
    average page of the boilerplate set, issue 18). `tree()` is None when lxml cannot parse the page."""

    def __init__(self, page: str, tree=None):
        self.page, self._tree, self._tried = page, tree, tree is not None

    def tree(self):
        if not self._tried:
            self._tried = True
            try:
                import lxml.html

                self._tree = lxml.html.fromstring(self.page)
            except Exception:  # odd markup: the checks that need a tree say nothing
                self._tree = None
        return self._tree


def _script_free(html: str) -> _PageTree:
    """The page without script code (JSON-LD kept), HTML comments, stylesheet links, asset version
    stamps, reader comments, cookie-consent boxes and <aside> boxes: dates in JavaScript state, in theme
    build stamps, of comments, of a cookie declaration and of sidebar teasers are no publication dates.
    With its tree: the parse is kept when no box was removed (then it is the very tree of the page
    returned); after a removal the page is the serialised tree, parsed again when a check needs it."""
    page = _ASSET.sub("", _SCRIPT.sub("", html))
    try:
        import lxml.html

        tree = lxml.html.fromstring(page)
        gone = _boxes(tree)
        if not gone:
            return _PageTree(page, tree)
        for el in gone:
            if el.getparent() is not None:
                el.getparent().remove(el)
        return _PageTree(lxml.html.tostring(tree, encoding="unicode"))
    except Exception:  # odd markup: the script-free page as it is
        return _PageTree(page)


_XPATH_SPACE = re.compile(r"[ \t\r\n]+")
_UPPER_COKIESNT = str.maketrans("COKIESNT", "cokiesnt")


def _boxes(tree) -> list:
    """Elements below <body> (document order) that are reader comments (a class word or the id in
    _COMMENTS), cookie-consent boxes (_CONSENT in the id or class, as XPath's translate() lowers
    them) or <aside>: what `//body//*[...] | //body//aside` selects."""
    comments = frozenset(_COMMENTS)
    out, seen = [], set()
    for body in tree.getroottree().getroot().iter("body"):  # '//body' from the document root
        for el in body.iterdescendants():
            tag = el.tag
            if not isinstance(tag, str) or el in seen:
                continue
            cls, ident = el.get("class"), el.get("id")
            if tag == "aside" or ident in comments or (cls and not comments.isdisjoint(_XPATH_SPACE.split(cls))) or any(
                    c in v.translate(_UPPER_COKIESNT) for v in (ident, cls) if v for c in _CONSENT):
                seen.add(el)
                out.append(el)
    return out


_MONTH_NAMES = ("Januar|January|Jan", "Februar|February|Feb", "März|Maerz|March|Mär|Mar", "April|Apr", "Mai|May",
                "Juni|June|Jun", "Juli|July|Jul", "August|Aug", "September|Sept|Sep", "Oktober|October|Okt|Oct",
                "November|Nov", "Dezember|December|Dez|Dec")


def _stated(date: str, html: str, url: str | None) -> bool:
    """htmldate turns a bare year or month ('© 2022', '/2021/08/' in an image path) into its first day:
    a result on the 1st is kept only when the page or URL states that very day (issue 17: no default
    dates). Other days are accepted as found."""
    y, m, d = date[:4], date[5:7], date[8:10]
    if d != "01":
        return True
    mi = int(m)
    names = _MONTH_NAMES[mi - 1]
    hay = (url or "") + " " + html
    pats = (rf"{y}-{m}-01", rf"{y}/{m}/01", rf"{y}\.{m}\.01", rf"\b0?1\.\s?0?{mi}\.\s?(?:{y}|{y[2:]}\b)",
            rf"\b0?1(?:st)?\.?\s+(?:{names})\.?,?\s+{y}", rf"(?:{names})\.?\s+0?1(?:st)?,?\s+{y}", rf"{y}{m}01",
            rf"\b0?{mi}/0?1/{y}")
    return any(re.search(p, hay, re.I) for p in pats)


def _day_first(date: str, page: str, url: str | None) -> str:
    """The date as the page writes it: a German 'D. M. YYYY' ('4. 2. 2022.') that the date finder read
    month first (2022-04-02) is 2022-02-04 -- when the page writes the swapped day and month that way
    and never the date as found (in any written form)."""
    y, m, d = int(date[:4]), int(date[5:7]), int(date[8:10])
    if m == d or m > 12 or d > 12:
        return date
    sep = r"(?:\s|&thinsp;|&nbsp;|&#8201;|&#160;)?"  # '4.&thinsp;2.&thinsp;2022'
    as_found = rf"{y}-{m:02d}-{d:02d}|{y}/{m:02d}/{d:02d}|{y}{m:02d}{d:02d}|\b0?{d}\.{sep}0?{m}\.{sep}{y}\b"
    swapped = rf"\b0?{m}\.{sep}0?{d}\.{sep}{y}\b"
    hay = (url or "") + " " + page
    if re.search(swapped, hay) and not re.search(as_found, hay):
        return f"{y:04d}-{d:02d}-{m:02d}"
    return date


def find_publication_date(html: str, url: str | None = None, meta_date: str | None = None) -> str | None:
    """Publication date YYYY-MM-DD, best strategy first; None when the page states none (never a default).

    Measured alone on shared/data/dates/htmldate (`lagebild eval dates DIR --strategies`):
    htmldate(original_date=True) 90/100, trafilatura metadata 90 (same htmldate settings inside),
    htmldate fast+original 85, htmldate default 84, JSON-LD datePublished 29 (present on 34 pages).
    The later sources only fill gaps; none of them fixes a page the first one gets wrong here.
    Issue 17: script code is left out of the search (dates in JavaScript state are not the page's
    date), and a 'YYYY-01-01' that only stands for a bare year is dropped.
    """
    from htmldate import find_date

    parsed = _script_free(html)
    page = parsed.page

    def ok(d: str | None) -> str | None:
        d = _day_first(d[:10], page, url) if d else d
        return d[:10] if d and _stated(d[:10], page, url) and not _only_beside_the_article(d[:10], page, parsed) \
            and not _teasers_only(d[:10], page, url, parsed) else None

    if _home_page(html) or _shop_page(html) or _listing_page(html):
        return None  # a site's home page, a shop or a listing page has no publication date, whatever its meta tags say
    try:
        found = ok(find_date(page, url=url, outputformat="%Y-%m-%d", extensive_search=True, original_date=True))
    except Exception:  # htmldate may choke on odd markup; fall back
        found = None
    if found:
        published = jsonld_date(html)
        if published and published[:10] != found and found in _modified_dates(html) and ok(published):
            return published[:10]  # the finder took the 'modified' stamp where the page states its publication
        return found
    # trafilatura's metadata date is htmldate run over the whole page, scripts included: not used
    for cand in (jsonld_date(html),):
        if ok(cand):
            return cand[:10]
    try:
        return ok(find_date(page, url=url, outputformat="%Y-%m-%d"))
    except Exception:
        return None


def _teasers_only(date: str, page: str, url: str | None, parsed: _PageTree | None = None) -> bool:
    """The page states the date nowhere for itself (metadata, its URL) and writes it only in teasers
    of other pages (date_context.py). `parsed`: the page's shared tree (else it is parsed here)."""
    from .date_context import in_metadata, teasers_only

    own = ([url] if url else []) + _own_urls(page)
    return not in_metadata(date, page, own, _MONTH_NAMES) and teasers_only(
        date, page, _MONTH_NAMES, own, tree_of=parsed.tree if parsed else None)


_MODIFIED = re.compile(r"""(?:article:modified_time|og:updated_time|last-modified|dateModified)["']?\s*(?:content\s*=|:)"""
                       r"""\s*["'](\d{4}-\d\d-\d\d)""", re.I)


def _modified_dates(html: str) -> set[str]:
    """The days the page's metadata says it was modified ('article:modified_time', JSON-LD 'dateModified')."""
    return set(_MODIFIED.findall(html[:300_000]))


def _own_urls(html: str) -> list[str]:
    """The URLs a page names as its own: canonical links first, then og:url (stripped, unresolved)."""
    head = html[:200_000]
    canon = [_attrs(t).get("href") for t in _LINK_TAG.findall(head) if "canonical" in (_attrs(t).get("rel") or "").lower()]
    og = [_attrs(t).get("content") for t in _META_TAG.findall(head)
          if (_attrs(t).get("property") or _attrs(t).get("name") or "").lower() == "og:url"]
    return [u.strip() for u in canon + og if u and u.strip()]


def _home_page(html: str) -> bool:
    """The page names its own URL (canonical link or og:url) and that URL is a site's home page."""
    own = [u for u in _own_urls(html) if re.match(r"https?://", u)]
    return bool(own) and not any(is_article_url(u) for u in own)


# a shop page ('In den Warenkorb', 'inkl. MwSt', schema.org Product, 'Weine 1 bis 10 von insgesamt 19'):
# any one of these also shows up in news pages (a shop link in the header), two together did not on
# any dated page of the metadata dev sets or the htmldate set
# (the two word alternations are the slowest: they come last)
_SHOP_SIGNS = tuple(re.compile(p, re.I) for p in (
    r'"@type"\s*:\s*"(?:Product|Offer|AggregateOffer)"',
    r'<meta[^>]+(?:property|name)=["\']og:type["\'][^>]+content=["\'](?:og:)?product',
    r'itemprop=["\']price["\']',
    r"\b\d+\s+bis\s+\d+\s+(?:\(\s*)?von\s+(?:insgesamt\s+)?\d+",
    r"in den (?:warenkorb|einkaufswagen)|add to (?:cart|basket)|zum warenkorb|warenkorb anzeigen|ajouter au panier",
    r"inkl\.?\s*(?:\d+\s*%\s*)?(?:mwst|ust)\b|zzgl\.?\s*(?:versand|mwst)|incl\.?\s*vat\b"))
_ARTICLE_TYPE = re.compile(r'"@type"\s*:\s*"(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle)"'
                           r'|<meta[^>]+(?:property|name)=["\']og:type["\'][^>]+content=["\']article', re.I)


# '/category/politik/', '/tag/wahl', '/archiv/', '/page/2/' (not '/themen/aydan-oezoguz-vizepraesidentin': an article)
_LISTING_URL = re.compile(r"/(?:(?:category|categories|kategorie|kategorien|tag|tags|schlagwort)/[^/?#]+|archiv|archive|"
                          r"(?:page|seite)/\d+)/?(?:$|[?#])", re.I)
_COLLECTION = re.compile(r'"@type"\s*:\s*"(?:CollectionPage|SearchResultsPage)"', re.I)


def _listing_page(html: str) -> bool:
    """The page names itself a category, tag, archive or search page (its canonical link or og:url, or
    schema.org CollectionPage): a list of other articles, which the guideline gives no date."""
    return any(_LISTING_URL.search(u) for u in _own_urls(html)) or bool(_COLLECTION.search(html)) \
        and not _ARTICLE_TYPE.search(html)


def _shop_page(html: str) -> bool:
    """Two or more shop signs and no declaration of being an article: a shop or product-list page,
    which the metadata guideline gives no publication date (its meta date stamps the template)."""
    if _ARTICLE_TYPE.search(html):
        return False
    signs, text = (_SHOP_SIGNS, html) if any(c in html for c in _LOWER_MISMATCH) else (_SHOP_SIGNS_LOWER, html.lower())
    found = 0
    for sign in signs:
        found += bool(sign.search(text))
        if found >= 2:
            return True
    return False


# The signs are searched case-sensitively in the lower-cased page (0.6 ms to lower it): 0.15 ms instead
# of 1.5 for the price sign, 0.8 instead of 5 for the cart words (127 KB average page, issue 18). The
# same matches: the signs are ASCII, and a character that lowers to an ASCII letter is one that re.I
# matches to it (the letter's capital, the Kelvin sign) -- except the three that re.I pairs with i and s
# ('ı', 'İ', 'ſ') but lower() does not: pages with any of them are searched as before.
def _lowered(pattern: re.Pattern) -> re.Pattern:
    if re.search(r"\\[A-Z]", pattern.pattern):
        raise ValueError(f"lowering would change an escape of {pattern.pattern!r}")
    return re.compile(pattern.pattern.lower())


_SHOP_SIGNS_LOWER = tuple(map(_lowered, _SHOP_SIGNS))
_LOWER_MISMATCH = ("\u0131", "\u0130", "\u017f")


# where a date in the page dates something else: link lists, image captions and alt texts, tables
_ASIDE_TAGS = {"li", "ul", "ol", "a", "figcaption", "figure", "caption", "table", "option", "nav", "img"}
# a date of a text taken from elsewhere: a Wikipedia revision, a licence note
_FOREIGN_SOURCE = re.compile(r"Wikipedia|Enzyklop|GNU[- ]Lizenz|GNU Free Documentation|Creative[- ]Commons|CC[- ]BY", re.I)
# containers whose dates date other texts: comments and replies (teaser/sidebar/widget classes were
# tried too: they also hold the article's own date on 6 of 100 htmldate-set pages and 5 dev pages)
_ELSEWHERE = re.compile(r"comment|kommentar|repl(?:y|ies)|antwort", re.I)
_WEEKDAY = re.compile(r"\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Monday|Tuesday|"
                      r"Wednesday|Thursday|Friday|Saturday|Sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b", re.I)
_SITE_HEADER = re.compile(r"site-header|masthead|topbar|top-bar|header-top|kopfzeile|^header$|^kopf$", re.I)


def _site_header(chain: list) -> bool:
    """Inside the page's own header (a <header>, '#header', '.masthead', '.topbar') and not inside an
    <article> or <main>: with a weekday ('Sonntag, 6. Dezember 2026') the banner above the navigation,
    whose date is the day the page was shown (an article's date in such a header has no weekday: kept)."""
    tags = [x.tag.lower() for x in chain if isinstance(x.tag, str)]
    if "article" in tags or "main" in tags:
        return False
    return any(isinstance(x.tag, str) and (x.tag.lower() == "header" or any(
        _SITE_HEADER.search(v) for v in (x.get("class") or "").split() + [x.get("id") or ""])) for x in chain)


# words beside a date that make it an event's ('Termin: 12.03.2021, Beginn 19 Uhr, Eintritt frei')
_EVENT_WORDS = re.compile(r"\b(?:Beginn|Einlass|Eintritt|Veranstaltungsort|Tickets?|Vorverkauf|Anmeldeschluss|Termine?:|"
                          r"Doors|Admission|Venue|Entrée|Billetterie)\b", re.I)
_DATELINE = 40  # a date this near the start of a paragraph heads it ('Berlin, 12.03.2020 – Der Bundestag ...')
_STAMP_SLACK = 24  # characters beside the date that still make an element a date stamp ('Veröffentlicht am')
# words that make a sentence the page's own stamp ('Diese Seite wurde zuletzt am 29. Januar 2020 geändert')
_STAMP_NEAR = 40  # characters before or after a date in which a stamp word makes it a stamp
_STAMP_WORDS = re.compile(r"\b(?:veröffentlicht|aktualisiert|geändert|erstellt|erschienen|Stand|Seite|published|updated"
                          r"|posted|modified|publié|mis à jour)\b", re.I)


# what may stand before a paragraph's heading date: a place ('Berlin, ', 'Bonn (dpa) – '), 'Am', a
# bracket, a copyright sign -- not prose ('Im Bundesgesetzblatt vom ', 'Seit dem ', 'Radiobeitrag vom ')
_DATELINE_HEAD = re.compile(r"[(\[©]?\s*(?:Copyright\s*©?\s*)?(?:[A-ZÄÖÜ][\w.\-]*\s?){0,3}(?:\([^)]{1,20}\))?\s*[,:–—/|-]?\s*")
# a byline before the date ('Gespeichert von rasos am', 'Geschrieben von X am')
_BYLINE_HEAD = re.compile(r"\b(?:gespeichert|geschrieben|verfasst|eingestellt|gepostet|von|by)\b", re.I)


def _dateline(own: str, written: str) -> bool:
    """The date heads its paragraph: within _DATELINE characters of its start, after nothing but a
    place, a bracket or a stamp word ('Erstellt am Dienstag 6. Mai 2014')."""
    at = own.find(written)
    if at < 0:
        return True  # written differently in the text: no judgement
    head = own[:at]
    return at < _DATELINE and (_DATELINE_HEAD.fullmatch(head) is not None or bool(_STAMP_WORDS.search(head))
                               or bool(_BYLINE_HEAD.match(head.strip())))


def _stamp_beside(own: str, written: str) -> bool:
    """A stamp word right before or after the date ('Stand: 12.03.2021', 'zuletzt am 29. Januar 2020
    geändert'); in a long paragraph such a word elsewhere ('erschienen' three sentences on) makes no
    stamp of an event's date."""
    at = own.find(written)
    if at < 0:
        return bool(_STAMP_WORDS.search(own))
    return bool(_STAMP_WORDS.search(own[max(0, at - _STAMP_NEAR):at + len(written) + _STAMP_NEAR]))


def _only_beside_the_article(date: str, page: str, parsed: _PageTree | None = None) -> bool:
    """True when every place the page writes the date is prose inside a link list, an image caption or
    alt text, or a table ('Information der Verbraucherzentrale NRW vom 02.01.2016' in a list of links,
    a photo's 'Amrumbank West Topside Installation 28.04.2014'), or inside the prose of a paragraph
    ('Die Verkostung findet am 04.04.2020 statt'; a dateline at its start is kept): such dates date
    other things. False
    when the date stands anywhere else, in a meta tag, a <time> element or a schema date attribute, as
    a stamp of its own (an element holding little more than the date), or is not written out at all
    (then it came from the URL or a format this check does not know). `parsed`: the page's shared
    tree (else it is parsed here); the check only reads it."""
    y, m, d = date[:4], int(date[5:7]), int(date[8:10])
    pat = re.compile(rf"{y}-{m:02d}-{d:02d}|\b0?{d}\.\s?0?{m}\.\s?{y}\b|{y}/{m:02d}/{d:02d}|\b0?{d}\.?\s+"
                     rf"(?:{_MONTH_NAMES[m - 1]})\.?\s+{y}|(?:{_MONTH_NAMES[m - 1]})\.?\s+0?{d},?\s+{y}", re.I)
    if not pat.search(page):
        return False
    tree = (parsed or _PageTree(page)).tree()
    if tree is None:
        return False
    seen = False
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        attrs = " ".join(v for k, v in el.attrib.items() if k.lower() not in ("src", "href", "srcset", "class", "id", "style"))
        for where, text in (("attr", attrs), ("text", el.text or ""), ("tail", el.tail or "")):
            hit = pat.search(text) if text else None
            if hit is None:
                continue
            seen = True
            if tag not in ("meta", "script") and any(_ELSEWHERE.search(" ".join((x.get("class") or "", x.get("id") or "")))
                                                     for x in (el, *el.iterancestors()) if isinstance(x.tag, str)):
                continue  # a comment's date, however stamp-like or machine-readable
            if where == "attr" and (tag in ("meta", "time") or any(
                    k.lower() in ("itemprop", "property", "datetime") for k in el.attrib)):
                return False  # a machine-readable date of the page
            if where == "attr" and tag == "img":
                continue  # an image's alt or title text
            holder = el.getparent() if where == "tail" else el
            if holder is None:
                return False
            content = holder.text_content()
            if where != "attr" and _FOREIGN_SOURCE.search(content):
                continue  # 'Essen-Westviertel (Stand vom 15.11.2008) aus der freien Enzyklopaedie Wikipedia'
            if tag in ("time", "script") and where == "text":
                return False  # a <time> element, or JSON-LD ('"datePublished": "2019-12-02T17:15:20"')
            chain = [holder, *holder.iterancestors()]
            own = re.sub(r"\s+", " ", content).strip()
            if where != "attr" and _WEEKDAY.search(content[:200]) and _site_header(chain):
                continue  # the site header's date (today's date above the navigation), not the article's
            around = holder.getparent() if holder.getparent() is not None else holder
            if where != "attr" and _EVENT_WORDS.search(around.text_content()[:400]):
                continue  # an event's date ('Beginn: 19 Uhr', 'Einlass', 'Tickets'), not the page's
            aside = any(isinstance(x.tag, str) and x.tag.lower() in _ASIDE_TAGS for x in chain)
            if not aside and (where == "attr" or _dateline(own, hit.group(0))):
                return False
            if where != "attr" and (len(own) <= len(hit.group(0)) + _STAMP_SLACK or _stamp_beside(own, hit.group(0))):
                return False  # a date stamp of its own, even inside a figure or list ('31.01.2022')
    return seen


_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/\d+[a-z_]*/(?=https?:)", re.I)


def is_article_url(url: str | None) -> bool:
    """An http(s) URL with a path below the site root: not a home page ('https://www.x.de/', '/de/', '/index.html')."""
    from urllib.parse import urlsplit

    if not url:
        return False
    url = _ARCHIVED.sub("", url)  # 'https://web.archive.org/web/2016.../http://www.x.de/': the archived page's URL
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    path = re.sub(r"/(?:index|home|start)\.\w+$", "/", parts.path or "/")
    segments = [seg for seg in path.split("/") if seg]
    if not segments and not parts.query:
        return False
    return not (len(segments) == 1 and re.fullmatch(r"[a-z]{2}(?:-[a-z]{2})?", segments[0]) and not parts.query)


_HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*["']?(https?://[^/"'\s>]+)""", re.I)


def _site_root(html: str) -> str | None:
    """'https://host/' of the site a saved page belongs to, for a relative canonical link: the host
    that the page's own <link> tags (icon, stylesheets, feeds) and most of its absolute <a> links
    point to; None when no host is both."""
    from collections import Counter

    head = {m.group(1).lower() for t in _LINK_TAG.findall(html[:200_000])
            if (m := re.match(r"(https?://[^/\s]+)", _attrs(t).get("href") or "", re.I))}
    links = Counter(m.lower() for m in _HREF.findall(html))
    best = next((h for h, _ in links.most_common() if h in head), None)
    return best + "/" if best else None


def page_url(html: str, given: str | None = None, extracted: str | None = None) -> str | None:
    """The record's URL: the one it was fetched or archived under when known; else the page's own
    canonical link or og:url (canonical first), resolved against the site and kept only when it points
    to an article, never to the home page (issue 17)."""
    from urllib.parse import unquote, urljoin

    if given:
        return given
    found = _own_urls(html) + ([extracted.strip()] if extracted and extracted.strip() else [])
    base = next((u for u in found if re.match(r"https?://", u)), None) or _site_root(html)
    for u in found:
        if re.match(r"https?%3A", u, re.I):
            u = unquote(u)  # an og:url written percent-encoded as a whole
        if not re.match(r"https?://", u) and base:
            u = urljoin(base, u)
        u = _ARCHIVED.sub("", u)  # a web-archive copy names the archived article's own URL inside its own
        if is_article_url(u):
            return u
    return None


_AUTHOR_XPATH = ("//body//*[(contains(@class, 'author') or contains(@class, 'byline') or contains(@class, 'autor') "
                 "or @itemprop='author' or @rel='author') and not(ancestor::*[contains(@class, 'comment') "
                 "or contains(@id, 'comment') or contains(@class, 'teaser') or contains(@class, 'related')])]")


def html_bylines(html: str, limit: int = 5) -> list[str]:
    """Texts of the page's author elements ('Von X, Y und Z, NDR' above the article) that text
    extraction may have removed as boilerplate; comments, teasers and related-article boxes left out."""
    try:
        import lxml.html

        tree = lxml.html.fromstring(_SCRIPT.sub("", html))
        out: list[str] = []
        for el in tree.xpath(_AUTHOR_XPATH):
            text = re.sub(r"\s+", " ", el.text_content()).strip()
            if 3 <= len(text) <= 160 and text not in out:
                out.append(text)
            if len(out) >= limit:
                break
        return out
    except Exception:  # odd markup: no author elements
        return []


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
    extra.update({k: info[k] for k in ("description", "hostname", "sitename") if info.get(k)})
    found = html_bylines(html)
    if found:
        extra["html_bylines"] = found
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
