"""What makes two figures the same quantity (issue 16): unit, holder, time and update cues.

`figure_groups` compares figures only when these keys agree:

* unit -- converted to one base unit per dimension, values scaled with it: 'km' / 'm' / 'Meter' ->
  'm', 't' / 'kg' -> 'kg', 'km2' / 'ha' -> 'm2', 'ct' -> 'EUR', fractions ('zwei Drittel') -> '%'.
  Multipliers ('Mio.', 'Millionen') are already in the value (numbers.py); currencies are ISO codes.
* holder -- whose figure it is: a name inside the counted phrase ('nordkoreanische Soldaten',
  'US-Soldaten'), a name right after it ('Soldaten aus Nordkorea', 'Stimmen der SPD'), else the first
  name in the figure's clause before it ('Duplantis sprang 6,05 Meter') that is not the source of the
  figure ('laut Pentagon', the attribution chain), else the person an apposition describes ('Russell,
  a veteran with two daughters'). A figure the sentence gives to someone named only by a pronoun
  ('his 68 punches', 'He leaves behind ... three children') gets a holder of its own and is compared
  with no other. Places are keyed by their gazetteer code, other names by their canonical form.
* time -- the year the sentence dates the figure with ('2016 wurden 87.145 Einbrüche ...'); a period's
  start ('seit August 2023') dates nothing.
* update cue -- the sentence says the figure replaces an earlier one ('zuvor war von 500 die Rede',
  'die Zahl stieg auf', 'korrigiert', 'inzwischen').
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..records import AnalysedArticle, Figure, Mention

# unit -> (base unit, factor to the base)
UNIT_BASE = {
    "m": ("m", 1.0), "km": ("m", 1e3), "cm": ("m", 1e-2), "mm": ("m", 1e-3), "µm": ("m", 1e-6), "nm": ("m", 1e-9),
    "mi": ("m", 1609.344), "nmi": ("m", 1852.0), "ft": ("m", 0.3048), "in": ("m", 0.0254),
    "kg": ("kg", 1.0), "g": ("kg", 1e-3), "t": ("kg", 1e3), "kt": ("kg", 1e6), "Mt": ("kg", 1e9),
    "m2": ("m2", 1.0), "ha": ("m2", 1e4), "km2": ("m2", 1e6),
    "l": ("l", 1.0), "ml": ("l", 1e-3), "hl": ("l", 100.0), "m3": ("l", 1e3),
    "kW": ("W", 1e3), "MW": ("W", 1e6), "GW": ("W", 1e9),
    "kWh": ("Wh", 1e3), "MWh": ("Wh", 1e6), "GWh": ("Wh", 1e9), "TWh": ("Wh", 1e12),
    "MB": ("B", 1e6), "GB": ("B", 1e9), "TB": ("B", 1e12), "MHz": ("Hz", 1e6), "GHz": ("Hz", 1e9),
    "ct": ("EUR", 0.01), "frac": ("%", 100.0), "°": ("°C", 1.0),
}


def base_unit(unit: str | None) -> tuple[str, float]:
    """('m', 1000.0) for 'km'; ('', 1.0) for plain counts; unknown units stay as they are."""
    if not unit:
        return "", 1.0
    return UNIT_BASE.get(unit, (unit, 1.0))


_CLAUSE = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\b(?:und|oder|aber|während|sowie|and|but|while)\b")
_SOURCE_BEFORE = re.compile(r"(?:\blaut|\bnach\s+(?:Angaben|Informationen|Schätzungen)\s+(?:von|des|der)?|\bzufolge"
                            r"|\baccording\s+to|\bselon|\bd'après|\bsagte|\bsaid|\bberichtete?)\s+(?:\S+\s+){0,3}$", re.I)
# the name is the subject of a verb of saying or estimating: the figure's source, not its holder ('Police
# said as many as 20,000 people ...', 'Police put the march at roughly 30,000 people')
_SOURCE_AFTER = re.compile(r"\s+(?:said|says|say|told|reported|reports|estimated|estimates|put|claimed|claims"
                           r"|sagte|sagten|sagt|berichtete|berichteten|schätzte|schätzt|meldete|meldet|sprach|sprachen)\b")
_AFTER_LINK = re.compile(r"\s+(?:aus|von|vom|der|des|bei|für|from|of|de|du|des)\s+(?:(?:der|die|das|den|dem|the)\s+)?$")
_AFTER_IN = re.compile(r"\s+(?:in|im|in\s+der|in\s+den|in)\s+$")


def _key(m: Mention) -> str:
    from .gazetteer import gazetteer

    gaz = gazetteer()
    name = m.norm or m.text
    code = gaz.resolve(name, "de") if m.label in ("LOC", "ORG", "MISC") or m.derived else None
    if code:
        return "place:" + code
    return re.sub(r"\s+", " ", name.strip().lower())


def mention_keys(doc: AnalysedArticle, span: tuple[int, int] | None = None) -> frozenset[str]:
    """The holder keys of every name the article (or its stretch `span`) mentions (derived forms too: 'Brüsseler')."""
    ms = doc.mentions if span is None else doc.spans("mentions").starting_in(*span)
    return frozenset(_key(m) for m in ms)


def holder(doc: AnalysedArticle, fig: Figure, count_start: int | None, count_end: int | None,
           sent: tuple[int, int]) -> str:
    """Whose figure it is, as a comparable key ('' when the sentence does not say)."""
    text = doc.text
    s, e = sent
    source_words = {w.lower() for part in fig.attributed_to for w in re.findall(r"\w+", part)}
    mentions = doc.spans("mentions").starting_in(s, e)  # a look-up, not a scan per figure (issue 18)
    # 1. a name inside the counted phrase: 'nordkoreanische Soldaten', 'US-Soldaten'
    if count_start is not None and count_end is not None:
        for m in mentions:
            if count_start <= m.start < count_end:
                return _key(m)
        # 2. a name right after it: 'Soldaten aus Nordkorea', 'Stimmen der SPD', 'Einbrüche in Berlin'
        for m in sorted(mentions, key=lambda m: m.start):
            if m.start >= count_end and m.start - count_end <= 24 and not m.derived:
                gap = text[count_end:m.start]
                if _AFTER_LINK.fullmatch(gap) or _AFTER_IN.fullmatch(gap):
                    return _key(m)
                break
    # 3. the first name of the figure's clause before it that is not the figure's source
    cuts = [x.end() for x in _CLAUSE.finditer(text, s, fig.start)]
    lo = cuts[-1] if cuts else s
    for m in sorted(mentions, key=lambda m: m.start):
        if not (lo <= m.start and m.end <= fig.start) or m.derived and not _SEAT_AFTER.match(text, m.end):
            continue
        words = {w.lower() for w in re.findall(r"\w+", m.text)}
        if words & source_words or _SOURCE_BEFORE.search(text[lo:m.start]) or _SOURCE_AFTER.match(text, m.end):
            continue
        return _key(m)
    # 4. an apposition: 'Russell, a 20-year veteran of the department with two daughters, ...'
    if lo > s and text[lo - 1] == "," and _APPOSITION.match(text, lo, fig.start):
        before = [m for m in mentions if m.end <= lo - 1 and not text[m.end:lo - 1].strip() and m.label == "PER"]
        if before:
            return _key(before[-1])
    # 5. someone's figure the sentence names only by a pronoun ('his 68 punches', 'seine drei Tore', 'He
    # leaves behind a wife and two children'): a holder this module cannot name, so the figure is
    # compared with no other ('pron:' + its id)
    if _PERSONAL.search(text, s, fig.start):
        return "pron:" + fig.id
    return ""


# a country named by its adjective and a seat or body of it: 'In der französischen Hauptstadt wurden 130 Menschen
# getötet' is France's figure, not the one of the city the rest of the article is about
_SEAT_AFTER = re.compile(r"\s+(?:Hauptstadt|Regierung|Behörden|Polizei|Armee|Streitkräfte|capital|government|authorities"
                         r"|police|army|capitale|gouvernement|armée)\b")


# an apposition starts with an article: ', a 20-year veteran', ', ein Sprecher', ', der Vater'
_APPOSITION = re.compile(r"\s*(?:a|an|the|ein|eine|einer|der|die|das)\s", re.I)
# a possessive pronoun, or a pronoun whose verb makes what follows the person's own ('he leaves behind');
# a subject pronoun alone does not ('he was convicted of killing four people'), nor German 'ihr' (also 'their')
_PERSONAL = re.compile(r"\b(?:his|her|sein|seine|seinen|seinem|seiner|seines)\b|\b(?:he|she|er|sie)\s+(?:leaves\s+behind"
                       r"|is\s+survived\s+by|hinterlässt|hinterließ)\b", re.I)


_SINCE = re.compile(r"(?:\bseit|\bab|\bsince|\bdepuis|\bvon)\s+(?:(?:dem|der|den|Anfang|Ende|Mitte)\s+)*$", re.I)


def year_of(doc: AnalysedArticle, sent: tuple[int, int], at: int) -> str | None:
    """The year the sentence dates the figure with: the nearest timex with a known year (written, or
    resolved against a known publication date) that is not a period's start."""
    s, e = sent
    best = None
    for t in doc.spans("timexes").starting_in(s, e):
        if not (s <= t.start < e) or t.type not in ("DATE", "TIME") or not re.match(r"\d{4}", t.value or ""):
            continue
        if _SINCE.search(doc.text[max(s, t.start - 30):t.start]):
            continue
        if not re.search(r"\d{4}", t.text) and not t.anchored:
            continue  # 'im Oktober' in an undated article: the year is a guess
        d = abs(t.start - at)
        if best is None or d < best[0]:
            best = (d, t.value[:4])
    return best[1] if best else None


def _nearest(doc: AnalysedArticle, sent: tuple[int, int], at: int, form: str) -> str | None:
    """The value (of the given form) of the date expression in the sentence nearest to `at`, leaving
    out one after 'seit'/'since' (the start of a period, not the figure's time)."""
    s, e = sent
    best = None
    for t in doc.spans("timexes").starting_in(s, e):
        if not (s <= t.start < e) or t.type not in ("DATE", "TIME") or not re.match(form, t.value or ""):
            continue
        if _SINCE.search(doc.text[max(s, t.start - 30):t.start]):
            continue
        d = abs(t.start - at)
        if best is None or d < best[0]:
            best = (d, t.value)
    return best[1] if best else None


def day_of(doc: AnalysedArticle, sent: tuple[int, int], at: int) -> str | None:
    """The day the sentence dates the figure with ('2015-11-13'), when its nearest timex names one."""
    value = _nearest(doc, sent, at, r"\d{4}-\d\d-\d\d")
    return value[:10] if value else None


def when_of(doc: AnalysedArticle, sent: tuple[int, int], at: int) -> str | None:
    """The time the sentence dates the figure with, at any granularity ('2015-11-16', '2015-W46-WE',
    '2015-11', 'XXXX-WXX-1' for a weekday of an unknown week)."""
    return _nearest(doc, sent, at, r"\d{4}|XXXX-WXX-")


def _days(value: str) -> tuple[date, date] | None:
    """First and last day a TIMEX3 date value covers, or None for forms this does not read."""
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return (monday + timedelta(days=5), monday + timedelta(days=6)) if m.group(3) else (monday, monday + timedelta(days=6))
        if m := re.match(r"(\d{4})-(\d\d)-(\d\d)", value):
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return day, day
        if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
            first = date(int(m.group(1)), int(m.group(2)), 1)
            return first, (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def same_time(a: str | None, b: str | None) -> bool:
    """Whether two figures' times can be the same: unknown times can; '2015-W46-WE' (a weekend) and
    '2015-11-16' (the Monday after) cannot, nor can two different weekdays of unknown weeks
    ('XXXX-WXX-1', 'XXXX-WXX-3'); '2015-11' and '2015-11-16' can."""
    wa, wb = _weekdays(a), _weekdays(b)
    if wa and wb and not wa & wb:
        return False  # 'on Monday' and 'on Wednesday', 'am Wochenende' and 'am Montag', even where no week is known
    da, db = (_days(a) if a else None), (_days(b) if b else None)
    return da is None or db is None or (da[0] <= db[1] and db[0] <= da[1])


def _weekdays(value: str | None) -> frozenset[int]:
    """The ISO weekdays a value can fall on: 'XXXX-WXX-1' -> {1}, '...-WE' -> {6, 7}, '2015-11-16' -> {1}."""
    if not value:
        return frozenset()
    if m := re.fullmatch(r"(?:\d{4}|XXXX)-W(?:\d\d|XX)-(\d|WE)", value):
        return frozenset({6, 7}) if m.group(1) == "WE" else frozenset({int(m.group(1))})
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", value):
        try:
            return frozenset({date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoweekday()})
        except ValueError:
            return frozenset()
    return frozenset()


# the whole country or world as a figure's scope ('An estimated 100,000 people took to the streets as part of
# nationwide strikes', 'bundesweit 3.000 Einsätze'): not the same set as a count in one place
_WIDE = re.compile(r"\b(?:nationwide|countrywide|across\s+the\s+(?:country|nation)|(?:all\s+)?(?:around|throughout)\s+the"
                   r"\s+(?:country|nation)|worldwide|around\s+the\s+world|bundesweit|landesweit|deutschlandweit"
                   r"|österreichweit|schweizweit|weltweit|im\s+ganzen\s+Land|in\s+ganz\s+(?:Deutschland|Österreich|der\s+Schweiz)"
                   r"|dans\s+tout\s+le\s+pays|à\s+travers\s+le\s+pays|mondial)", re.I)
_SENTENCE_CUT = re.compile(r"[;:()\u2013\u2014]|\s-\s")


def scope(doc: AnalysedArticle, fig: Figure, sent: tuple[int, int]) -> str | None:
    """'wide' when the figure's clause names the whole country or world (before it, or after it before any
    place), 'place' when it names a place first ('took to the streets of Athens as rallies all around the
    country kicked off', 'in Berlin bis zu 2.000 Menschen'), else None. A nationwide figure and one for a
    place count different sets."""
    text = doc.text
    end = next((m.start() for m in _SENTENCE_CUT.finditer(text, fig.end, sent[1])), sent[1])
    cuts = [x.end() for x in _CLAUSE.finditer(text, sent[0], fig.start)]
    lo = cuts[-1] if cuts else sent[0]
    wide = _WIDE.search(text, lo, end)
    if wide and wide.start() < fig.start:
        return "wide"
    before = wide.start() if wide else end
    places = [m for m in doc.spans("mentions").starting_in(lo, before) if m.label == "LOC"]
    if any(fig.end <= m.start for m in places) or any(_IN_PLACE.search(text, lo, m.start) for m in places if m.end <= fig.start):
        return "place"
    return "wide" if wide else None


_IN_PLACE = re.compile(r"\b(?:in|im|of|at|à|en)\s+(?:der\s+|dem\s+|the\s+)?$", re.I)


# a total over a period ('seit Oktober', 'in den vergangenen fünf Monaten', 'bislang') is not the count
# of one event; two totals both 'seit ...' in different articles are a running series
PERIOD = re.compile(r"\b(?:seit|binnen|innerhalb|bislang|bisher|insgesamt|vergangenen|letzten|since|so\s+far|depuis)\b", re.I)
# 'die sechs Kandidaten', 'jene fünf', 'alle 130': a reference to a set named before, not a count asserted here
_REFERENCE = re.compile(r"\b(?:der|die|das|den|dem|des|jene|jenen|jener|diese|diesen|dieser|alle|allen|beide|beiden"
                        r"|seine|seinen|ihre|ihren|the|these|those|les|ces)\s+$", re.I)


def reference(text: str, start: int) -> bool:
    return bool(_REFERENCE.search(text[max(0, start - 12):start]))


UPDATE_CUE = re.compile(
    r"\b(?:zuvor|vorher|zunächst|ursprünglich|anfangs|bisher)\s+(?:\w+\s+){0,6}?(?:die\s+Rede|geheißen|gesprochen"
    r"|genannt|angegeben|ausgegangen)|\bkorrigier\w*|\brevidier\w*|\bnach\s+(?:oben|unten)\b"
    r"|\b(?:stieg|steigt|gestiegen|erhöhte\s+sich|wuchs|sank|fiel)\s+(?:\w+\s+){0,3}?auf\b|\binzwischen\b|\bmittlerweile\b"
    r"|\bnunmehr\b|\bzuletzt\b|\bupdated?\b|\brevised\b|\bcorrected\b|\brose\s+to\b|\bhas\s+risen\s+to\b",
    re.I)


def update_cue(text: str, sent: tuple[int, int]) -> bool:
    """Does the sentence present its figure as replacing an earlier one?"""
    return bool(UPDATE_CUE.search(text, sent[0], sent[1]))


# another account of the same quantity, given by the article itself right after the first: '37 Kilometer vom
# Gazastreifen entfernt (nach anderen Angaben liegt die Stadt 46 Kilometer ...)', 'An Bord befanden sich 15
# Passagiere ... Andere Medien berichten von 13 Passagieren', 'other reports put the toll at 40'
_ACCOUNTS = r"(?:Angaben|Berichten|Quellen|Informationen|Schätzungen|Medienberichten|Meldungen|Darstellungen)"
OTHER_ACCOUNT = re.compile(
    rf"\b(?:nach|laut)\s+(?:anderen|anderslautenden|abweichenden)\s+{_ACCOUNTS}|\b(?:anderen|anderslautenden|abweichenden)"
    rf"\s+{_ACCOUNTS}\s+zufolge|\b(?:andere|einige|manche)\s+(?:Medien|Quellen|Zeitungen|Agenturen|Berichte|Beobachter)"
    r"\s+(?:berichte\w*|sprechen|sprachen|nenne\w*|nannten|melde\w*|schreiben|schrieben|gehen|gingen)\b"
    r"|\baccording\s+to\s+other\s+(?:reports|sources|estimates|accounts|media)|\bother\s+(?:reports|sources|media|outlets"
    r"|estimates|accounts)\s+(?:said|say|says|put|puts|gave|give|reported|report|spoke\s+of|speak\s+of)"
    r"|\bselon\s+d['’]autres\s+(?:sources|estimations|informations|médias|bilans)|\bd['’]autres\s+(?:sources|médias)"
    r"\s+(?:font\s+état|parlent|évoquent)", re.I)
ALTERNATIVE_SPAN = 400  # the other account follows the first within this many characters


def other_account(text: str, sent: tuple[int, int], at: int) -> str:
    """The cue when the figure at `at` stands in another account that its sentence opens before it ('nach
    anderen Angaben'), else ''."""
    m = OTHER_ACCOUNT.search(text, max(sent[0], at - 90), at)
    return m.group(0) if m else ""

