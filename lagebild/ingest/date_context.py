"""Is a date the date finder returned stated by the page for itself, or only by teasers around it?

A page whose own date slot is empty (a static page, an article whose template leaves the date out)
still carries dates: teasers of other articles, a mega menu's recent posts, an embedded tweet. The
date finder takes one of them, and the page gets a publication date it never stated (issue 17).
Measured on 87 undated variants of dev pages (every written form of the page's own date cut out,
then annotated blind; `tests/data/metadata_pages_cut.jsonl`): 51 got an invented date, 9 with
this check (8 after the document-link and source-date rules, 2 after the rules on what the words
before a date say it dates and on teaser cards in their own <article>).

A date that the page states for itself in its metadata (a date-named meta tag, JSON-LD
datePublished/dateModified/dateCreated of the page rather than of a video or a comment, the page's
own URL) is kept. Otherwise the date is dropped when the page writes it nowhere (the finder read it
off an image path or a number), or, on a page with a headline, when every place it is written is
 - in an embedded social-network post, in a link to a document file (a PDF's date), right after a
   link to another page as the date it was read ('(Stand: 27.1.2022)', 'abgerufen am'), after words
   that say it dates another thing ('Release: 14.11.2019', a source's 'Stand', a span's end, an event
   told in a sentence: `dates_other_thing`), or
 - outside the headline's box (the smallest element holding the date and an h1 holds NEAR_TITLE or
   more of the page's text) and, below that box, in a link to another page, in a teaser-like box
   (teaser, related list, slider, menu, card ..., or an <article> other than the page's largest)
   that links to another page, or in a box that names
   today's date or a caption.
Class names alone were tried before and lost own dates ('bb-teaser-meta' under a headline, a
WordPress permalink around the date): the headline's box and the links are what keep those. A page
without an h1 is judged by the element that holds its title (og:title, <title>); without either, only
a date written nowhere is dropped (no box to judge by).
"""
from __future__ import annotations

import json
import re

from .markup import META_TAG, attrs

NEAR_TITLE = 0.15  # the headline's own box holds less than this share of the page's text
MAX_PLACES = 40  # a date written more often than this is kept without looking further

_DATE_NAME = re.compile(r"date|time|publish|modified|created|issued|updated|lastmod", re.I)
_JSONLD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)
# schema.org things whose dates are not the page's
_NOT_PAGE = {"VideoObject", "Comment", "ImageObject", "Event", "Product", "Offer", "Review", "Person", "Organization",
             "AudioObject", "MediaObject", "SocialMediaPosting", "Question", "Answer", "Recipe"}
_TEASER = re.compile(r"teaser|related|slider|swiper|carousel|\bslides?\b|mega-?menu|menu-item|sidebar|similar|link-?list"
                     r"|recent|grid-item|post-box|\bcards?\b|newslist|newsticker|views-row|thumb|weitere|empfehl", re.I)
# boxes whose dates are never the page's: today's date in a site header, an image's caption, a comment's meta line
_NOT_OWN = re.compile(r"today|current-?date|caption|comment[-_]?(?:date|time|meta)|commentmetadata", re.I)
# a link to a document file: a date in it is the document's ('Gesetzblatt vom 17.08.2021' -> a PDF)
_FILE_LINK = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|zip)(?:$|[?#])|__blob=", re.I)
# right after a link to another page: when that source was read ('(Stand: 27.1.2022)', '(abgerufen am ...)')
_RETRIEVED = re.compile(r"\W{0,3}(?:Stand|abgerufen(?:\s+am)?|Zugriff(?:\s+am)?|Abruf(?:datum)?|retrieved(?:\s+on)?"
                        r"|accessed(?:\s+on)?|consulté\s+le)\s*:?\s*", re.I)
# what the words before a date say it dates, in the same text: another thing's date ('Release: 14.11.2019',
# 'Kinostart: ...'), a source's ('Quelle: Forschungsbericht 523 (Stand: 28. November 2018)'), the end of a
# span ('vom 9.1. - 10.2.2023'), or an event told in a sentence ('Im Bundesgesetzblatt vom 17. August 2021',
# 'NASA startet ... am 8. November 2023': three words or more before a preposition). A publication
# label ('Veröffentlicht am', 'Stand:') or a dateline ('Stuttgart, 8. November 2023 –') is none of these.
_OTHER_THING = re.compile(r"\b(?:Release(?:datum|termin)?|Kinostart|Premiere|Erstausstrahlung|Veranstaltungs(?:datum|termin)"
                          r"|Termine?|Einsendeschluss|Anmeldeschluss|Bewerbungsschluss|Deadline|Frist|Laufzeit|gültig(?:\s+bis)?"
                          r"|Geburtstag|geboren|gestorben|Spieltermin|Anpfiff|Beginn|Ende|Event|Quellen?|Source)\b[^.!?]*$", re.I)
_SPAN_END = re.compile(r"\d\.?\s*(?:[-–—]|bis)\s*$")
_IN_SENTENCE = re.compile(r"(?:^|[.!?:]\s)(?:[^.!?:\s]+\s+){2,}(?:am|vom|von|bis(?:\s+zum)?|seit|ab|zum|dem|on|from|until|since|of)\s*$",
                          re.I)
_PUBLISHED = re.compile(r"ver[öo]ffentlicht|publiziert|erschien|aktualisiert|Stand\b|Datum|erstellt|geschrieben|verfasst"
                        r"|eingestellt|gepostet|gespeichert|posted|published|updated|written|publié|mis à jour"
                        r"|\b(?:von|by)\s+\S+(?:\s+\S+)?\s+(?:am|on)\s*$"
                        r"|\bdies(?:e[rs]?)?\s+(?:Artikel|Beitrag|Text|Post|Eintrag|Meldung|Seite)", re.I)


def dates_other_thing(before: str) -> bool:
    """The words before a date (in the same text) say it dates another thing than the page (see above)."""
    before = " ".join(before.split()[-14:])
    if _PUBLISHED.search(before[-60:]) and not re.search(r"\bQuellen?\b|\bSource\b", before, re.I):
        return False
    return bool(_OTHER_THING.search(before) or _SPAN_END.search(before) or _IN_SENTENCE.search(before))


# an embedded post of a social network: its date is the post's, wherever it stands
_EMBED = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|fb-post|bluesky-embed|mastodon-embed", re.I)


_FRENCH_MONTHS = ("janvier|janv", "février|fevrier|févr", "mars", "avril|avr", "mai", "juin", "juillet|juil", "août|aout",
                  "septembre|sept", "octobre|oct", "novembre|nov", "décembre|decembre|déc")


def _pattern(date: str, month_names: tuple[str, ...]) -> re.Pattern:
    y, m, d = date[:4], int(date[5:7]), int(date[8:10])
    names = month_names[m - 1] + "|" + _FRENCH_MONTHS[m - 1]
    sep = r"(?:\s|\u00a0|\u2009)*"
    return re.compile(
        rf"{y}-{m:02d}-{d:02d}|\b0?{d}\.{sep}0?{m}\.{sep}(?:{y}|{y[2:]})\b|{y}/{m:02d}/{d:02d}"
        rf"|\b0?{d}(?:\.|st|nd|rd|th|er)?{sep}(?:of{sep})?(?:{names})\.?,?{sep}{y}"  # '8. November 2023', '8th of Nov, 2023'
        rf"|(?:{names})\.?{sep}0?{d}(?:st|nd|rd|th)?,?{sep}{y}"  # 'November 8, 2023'
        rf"|\b0?{d}/0?{m}/{y}\b|\b0?{m}/0?{d}/{y}\b|\b{y}\.{m:02d}\.{d:02d}\b|\b0?{d}-0?{m}-{y}\b|\b{y}{m:02d}{d:02d}\b"
        rf"|\b0?{d}-(?:{names})-{y}\b", re.I)


def jsonld_objects(html: str):
    """Every JSON-LD object of the page, with the objects under '@graph', 'mainEntity' and
    'mainEntityOfPage' (each block read last object first)."""
    for block in _JSONLD.findall(html):
        try:
            stack = [json.loads(block.strip())]
        except ValueError:
            continue
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "mainEntityOfPage"))


def in_metadata(date: str, html: str, urls: list[str], month_names: tuple[str, ...]) -> bool:
    """The page states the date for itself in a date-named meta tag, in JSON-LD (the page's own
    object, not a video's or a comment's) or in its own URL's path."""
    pat = _pattern(date, month_names)
    for tag in META_TAG.findall(html[:400_000]):
        at = attrs(tag)
        key = at.get("name") or at.get("property") or at.get("itemprop") or at.get("http-equiv") or ""
        if _DATE_NAME.search(key) and pat.search(at.get("content", "")):
            return True
    for item in jsonld_objects(html):
        kind = item.get("@type")
        kinds = set(kind) if isinstance(kind, list) else {kind}
        if not kinds & _NOT_PAGE and any(isinstance(item.get(k), str) and item[k][:10] == date
                                         for k in ("datePublished", "dateModified", "dateCreated")):
            return True
    y, m, d = date[:4], date[5:7], date[8:10]
    in_url = re.compile(rf"{y}[/-]{m}[/-]{d}|/{y}{m}{d}(?:\D|$)")
    return any(u and in_url.search(u) for u in urls)


def _text_len(el) -> int:
    return len(" ".join(el.text_content().split()))


def _norm(url: str) -> str:
    return url.split("#")[0].split("?")[0].rstrip("/").lower().replace("://www.", "://")


def _links_elsewhere(el, base: str | None, own: set[str]) -> bool:
    """`el` is, or holds, a link to another page (not an anchor, not a script, not the page's own URL)."""
    from urllib.parse import urljoin

    for a in (el, *el.iterdescendants("a")) if el.tag != "a" else (el,):
        if not isinstance(a.tag, str) or a.tag.lower() != "a" or "bookmark" in (a.get("rel") or "").lower():
            continue
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        if _norm(urljoin(base, href) if base else href) not in own:
            return True
    return False


def _headline(tree) -> list:
    """A page without an h1: the first element (below the head) whose text is the page's title
    (og:title, or the <title> before a ' | Site' or ' - Site' suffix), if any."""
    titles = [m.get("content") for m in tree.iter("meta")
              if (m.get("property") or m.get("name") or "").lower() in ("og:title", "twitter:title")]
    title = tree.find(".//title")
    if title is not None and title.text:
        titles.append(re.split(r"\s+[|–—-]\s+", title.text.strip())[0])
    wanted = {" ".join(t.split()).casefold() for t in titles if t and len(t.strip()) >= 10}
    if not wanted:
        return []
    firsts = {t.split()[0] for t in wanted}
    body = tree.find("body")
    skip = ("script", "style", "a", "title", "meta")
    for el in (body if body is not None else tree).iter():
        if not isinstance(el.tag, str) or el.tag.lower() in skip[:2]:
            continue
        words = (el.text or "").split()
        if not words or words[0].casefold() not in firsts:
            continue  # only where the title's first word opens an element's own text (linear in the page)
        for x in (el, *list(el.iterancestors())[:2]):
            if isinstance(x.tag, str) and x.tag.lower() not in skip \
                    and " ".join(x.text_content().split()).casefold() in wanted:
                return [x]
    return []


def _texts(tree):
    """The page's text pieces and date-bearing attribute values (as the check below reads them)."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag.lower() in ("script", "style", "meta", "title", "head"):
            continue
        yield " ".join(v for k, v in el.attrib.items() if k.lower() in ("datetime", "content", "title"))
        yield el.text or ""
        yield el.tail or ""


def teasers_only(date: str, page: str, month_names: tuple[str, ...], own_urls: list[str] = (), tree_of=None) -> bool:
    """True when the page has a headline and writes the date nowhere but in teaser-like places
    outside the headline's box (see the module's doc), or nowhere at all (the finder read it off an
    image path or a number). `page`: the HTML without scripts; `own_urls`: the page's URL, canonical
    link and og:url (a permalink around the date is no link to another page); `tree_of`: a callable
    giving the page's parsed tree, shared with other checks (None when lxml could not parse it), which
    this check only reads."""
    if tree_of is None:
        import lxml.html

        try:
            tree = lxml.html.fromstring(page)
        except Exception:
            return False
    else:
        tree = tree_of()
        if tree is None:
            return False
    h1s = list(tree.iter("h1")) or _headline(tree)
    pat = _pattern(date, month_names)
    if not h1s:  # no headline to judge by: only a date written nowhere is dropped
        return not any(pat.search(t) for t in _texts(tree))
    base = own_urls[0] if own_urls else None
    own = {_norm(u) for u in own_urls if u}
    body = tree.find("body")
    total = max(1, _text_len(body if body is not None else tree))
    sizes: dict[int, int] = {}  # text length of the boxes met, by id (each measured once)
    # an <article> other than the page's largest one is a teaser (FAZ's 'tsr-Base' cards) when it links elsewhere
    main = max(tree.iter("article"), key=_text_len, default=None)
    seen = 0
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag.lower() in ("script", "style", "meta", "title", "head"):
            continue
        attrs = " ".join(v for k, v in el.attrib.items() if k.lower() in ("datetime", "content", "title"))
        for where, text in (("attr", attrs), ("text", el.text or ""), ("tail", el.tail or "")):
            hit = pat.search(text) if text else None
            if hit is None:
                continue
            holder = el.getparent() if where == "tail" else el
            seen += 1
            if holder is None or seen > MAX_PLACES:
                return False  # written this often, it is no teaser's date alone (and the check stays linear)
            chain = [x for x in (holder, *holder.iterancestors()) if isinstance(x.tag, str)]
            if any(_EMBED.search(x.get("class") or "") for x in chain):
                continue
            if where != "attr":
                before = (el.text_content() if where == "tail" else "") + text[:hit.start()]
                if dates_other_thing(before):
                    continue  # 'Release: 14.11.2019', '(Stand: ...)' of a source, a span's end, an event in a sentence
            if any(x.tag.lower() == "a" and _FILE_LINK.search(x.get("href") or "") for x in chain):
                continue  # in a link to a document ('BGBl. Teil I Nr. 53 vom 17.08.2021' -> a PDF): its date
            if where == "tail" and el.tag.lower() == "a" and _RETRIEVED.match(text) and _links_elsewhere(el, base, own):
                continue  # '<a href="https://www.ema.europa.eu/...">…</a> (Stand: 27.1.2022)': a source's date
            # the headline's box: the smallest element holding the date and an h1
            at = {id(x): i for i, x in enumerate(chain)}
            lowest = len(chain)
            for h in h1s:
                common = next((x for x in (h, *h.iterancestors()) if id(x) in at), None)
                if common is None:
                    continue
                if id(common) not in sizes:
                    sizes[id(common)] = _text_len(common)
                if sizes[id(common)] / total < NEAR_TITLE:
                    return False  # in the headline's own box
                lowest = min(lowest, at[id(common)])
            # teaser-like: a box of the date's own branch (below the headline's box) that links to
            # another page (a teaser, a related list, a menu), or that names today's date or a caption
            branch = chain[:lowest]
            names = [" ".join((x.get("class") or "", x.get("id") or "")) for x in branch]
            if not any(_NOT_OWN.search(n) or (x.tag.lower() == "a" or _TEASER.search(n) or x.tag.lower() == "article" and x is not main)
                       and _links_elsewhere(x, base, own) for x, n in zip(branch, names)):
                return False
    return True  # every place teaser-like, or the date is not written on the page at all
