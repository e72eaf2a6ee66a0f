"""Figure groups across articles with a verdict (issues 7 and 16).

Figures are compared only like with like. A group's `keys` are what its figures share:

* topic -- what is counted (`figures.topic`, with the predicate for people: 'mensch:evakuiert');
* unit -- converted to one base unit (figure_keys.base_unit: 'km' -> 'm' x 1000, 'ct' -> 'EUR' / 100);
* holder -- whose figure it is (figure_keys.holder: 'nordkoreanische Soldaten' -> North Korea,
  'Duplantis sprang 6,05 Meter' -> Duplantis). Figures with different holders are never grouped;
  figures whose sentence names no holder join the holder of most of the others (more than half)
  when their article names that holder somewhere, else they form their own group;
* time -- the years the sentences date the figures with (figure_keys.year_of).

Every figure, vague or not, stands for the values it makes plausible (`interval`), in the base unit:

=========================  =======================================================
exact 'v'                  v ± max(1 %, half a unit of its last written digit), at most ± 5 %
approx 'etwa/rund v'       numbers.py's low..high (0.9 v..1.1 v, 'knapp' 0.9 v..v) ± 1 %
at_least 'mehr als v'      v .. HEDGE_FACTOR x v   -- an estimate near v, not [v, inf)
at_most 'bis zu v'         v / HEDGE_FACTOR .. v   -- an estimate near v, not [0, v]
range 'A bis B'            A .. B ± 1 %
vague 'Tausende'           low / HEDGE_FACTOR .. high ('Tausende' 1.000..9.999)
=========================  =======================================================

HEDGE_FACTOR = 2: 'bis zu 1,6 Millionen' (0,8..1,6 Mio.) and 'bis zu 8 Millionen' (4..8 Mio.) are
five times apart and disagree; 'mindestens 3.000' and 'etwa 1.500' disagree; 'mehr als 100' and
'180' do not disagree, nor confirm one figure (CONFIRM_RATIO; tests/test_figure_groups.py).

A disagreement tells a reader "these sources contradict each other", so two figures *conflict*
only when all of this holds (precision first; each rule is a kind of false flag seen on real pages):
* their intervals do not meet, and their written values are at most MAX_RATIO = 5 apart (further
  apart they count different sets: '32 Menschen' vs 'mehr als 4.200 Menschen');
* the key names what is counted: not a generic 'Menschen'/'Personen' without a predicate, nor a
  change word alone ('ein Minus von 2,2 Prozent': CHANGE_TOPICS), both
  figures have a counted noun next to them, and the key's figures fall into at most
  MAX_CLUSTERS = 3 value clusters (more: daily or per-place counts of one noun);
* a claim of fact: no figure in a condition ('even if one or two jurors', 'wenn', 'falls', 'would');
* the same set: no 'weitere'/'andere'/'another' subset ('the other nine jurors'), no part of a whole
  ('28 of his 68 punches'), the same modifiers when both have some
  ('verschwundene Wahlkarten' vs 'Wahlkarten' is fine, vs 'ausgegebene Wahlkarten' is not), no
  back-reference ('den sechs Kandidaten', 'alle 130');
* the same place: not one figure for the whole country ('nationwide', 'bundesweit') and one for a place
  named after it (figure_keys.scope);
* the same time and scope: same year and day when both are dated, times that can overlap ('am
  Wochenende' and 'am Montag' danach cannot: figure_keys.same_time), both or neither a period total
  ('seit', 'binnen', 'bislang', 'insgesamt'), both or neither a rate ('each', 'per', 'täglich', 'pro'),
  both or neither a change or difference ('a drop of five', 'five rounds sooner'); no span of time
  ('seven seasons', 'seit 15 Jahren': DURATIONS) unless both give a prison or contract term;
* sums of money: both sentences say whose offer, deal or payment it is (a holder of their own, not one
  borrowed from the group: MONEY);
* at least one is a claim: a source is named ('laut Südkorea') or the sentence reports it ('soll ...
  haben', Konjunktiv I, 'schätzungsweise');
* they come from different articles, or from one sentence naming two sources ('laut US-Informationen
  mindestens 3.000, laut südkoreanischen Informationen etwa 1.500').

One article that gives another account of a figure right after it ('37 Kilometer vom Gazastreifen entfernt
(nach anderen Angaben ... 46 Kilometer)', 'Andere Medien berichten von 13 Passagieren': figure_keys.OTHER_ACCOUNT)
says itself that both count the same quantity: that pair disagrees when its values cannot both hold and are at
most MAX_RATIO apart, whatever the checks above guess about different sets (`_alternative`).

kind (one line of `reason` says why -- for 'distinct' the check above that kept the closest pair of values
apart; `conflict` holds the two figure ids it names, the closest pair):
* disagreement -- some conflicting pair is neither an update nor a series (`disagreement: true`);
* update -- every conflicting pair is a later figure from the same outlet or source, or one whose
  sentence says it replaces an earlier one ('zuvor war von ... die Rede', 'stieg auf', 'inzwischen');
* series -- running totals 'seit ...' in both, plain counts of two articles dated to different days (by
  the sentence, else the publication date: each is its day's count), or no conflict and two or more years;
* distinct -- values differ but cannot be compared (the rules above): different things were counted;
* agreement -- all intervals meet and the numbers written are at most CONFIRM_RATIO apart (else distinct: both
  hedges hold, but two different numbers confirm nothing).

Independent confirmation: two figures are not independent when their articles are linked by
lineage (copy, shared agency text, translation) or when their attribution chains end in the same
original source ('laut Pentagon' twice). `independent_sources` counts the remaining groups.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable

from ..analyse.figure_units import MONEY
from ..analyse.figures import _konjunktiv
from ..analyse.topics import person_topics
from ..records import AnalysedArticle, Figure
from .figure_keys import (ALTERNATIVE_SPAN, PERIOD, base_unit, day_of, holder, mention_keys, other_account, reference,
                          same_time, scope, update_cue, when_of, year_of)
from .figure_ranges import HEDGE_FACTOR, _consistent, _json_num, _meet, _representative, _value_clusters, interval
from .canonical import majority_language
from .gazetteer import place_code
from .lineage import independent_count, lineage_groups

MAX_RATIO = 5.0  # values further apart than this count different things, they do not contradict
MAX_CLUSTERS = 3  # a key whose figures fall into more value clusters is a family of quantities
# an agreement confirms one figure: the numbers written (a range's middle; a vague 'Tausende' names none) are at
# most this factor apart; 'mehr als 5.500' and 'mehr als 7.300' both hold under their hedges, but name different counts
CONFIRM_RATIO = 1.15
# populations a share is taken of ('63 Prozent der Befragten', '40 % of voters'), besides the person nouns
POPULATIONS = {"befragt", "respondent", "sondé", "teilnehmer", "wähler", "voter", "électeur", "bürger", "citizen",
               "deutsch", "österreicher", "schweizer", "americans", "français", "haushalt", "household", "unternehmen",
               "company", "firm", "entreprise"}
# spans of time ('seven seasons as an assistant coach', 'seit 15 Jahren', 'six rounds'): spans of different
# stints, careers or fights far more often than two accounts of one span (issue 16 near-misses); compared
# only when both sentences give the term of one thing: a prison sentence or a contract (_TERM)
DURATIONS = {"season", "year", "month", "week", "day", "hour", "minute", "game", "round", "inning", "match", "jahr",
             "monat", "woch", "tag", "stund", "minut", "spiel", "rund", "saison", "spielzeit", "partie", "an", "année",
             "mois", "semaine", "jour", "heure"}
_TERM = re.compile(r"\b(?:sentenc\w*|prison|jail|contract|deal|term|extension|Haft\w*|Gefängnis\w*|verurteilt|Vertrag\w*"
                   r"|Strafe|Freiheitsstrafe|peine|prison|contrat|condamn\w*)\b", re.I)
GENERIC_TOPICS = {"mensch"}  # 'Menschen', 'Personen' without a predicate say nothing about what is counted
# a change word names no quantity: 'ein Minus von 2,2 Prozent' (of what?) and 'ein Minus von 1,4 Prozent' at
# the capital-goods makers are two different changes, not one figure reported twice
CHANGE_TOPICS = {"minus", "plus", "rückgang", "anstieg", "zuwachs", "zunahm", "abnahm", "steigerung", "senkung",
                 "erhöhung", "increase", "decrease", "drop", "rise", "fall", "decline", "hausse", "baisse"}
_SINCE = re.compile(r"\b(?:seit|since|depuis)\b", re.I)
# 'weitere 3.000', 'vier andere Kandidaten': a subset beside another figure, never the same quantity
_SUBSET = {"weitere", "weiteren", "weiterer", "andere", "anderen", "übrige", "übrigen", "zusätzliche", "zusätzlichen",
           "restliche", "restlichen", "neue", "neuen", "ersten", "letzten", "other", "another", "more", "further",
           "additional", "first", "last", "autres"}
# a figure is a claim when a source is named or the sentence reports it ('soll ... haben', 'schätzungsweise')
_HEARSAY = re.compile(r"\b(?:sollen|soll|sollten|sollte)\b[^.;:]*\b(?:haben|sein|worden|werden)\b|\bangeblich|"
                      r"\bschätzungsweise|\bSchätzung\w*|\bzufolge\b|\blaut\b|\bnach\s+(?:\w+\s+)?Angaben|\breportedly|"
                      r"\baccording\s+to|\bselon\b", re.I)
# the part in 'X of Y' ('landed 28 of his 68 punches', 'zwei von drei Befragten'): a subset of the whole Y
_PART_OF = re.compile(r"\s+(?:out\s+of|of|von|aus|sur)\s+(?:(?:his|her|their|its|the|den|der|die|seinen|ihren|ses|leurs)\s+)?"
                      r"(?:(?!(?:1[89]|20)\d\d\b)\d|zwei|drei|vier|fünf|two|three|four|five|ten|zehn|hundred)", re.I)
_SUBSET_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_SUBSET)) + r")\s+(?:\S+\s+)?$", re.I)
# the whole of a part ('landing 178 of 369 punches', '30 von 207 Schlägen'): the total thrown is not what
# another outlet's plain count ('178 punches') counts
_WHOLE_OF = re.compile(r"\d[\d.,]*\s+(?:out\s+of|of|von|aus|sur)\s+(?:(?:his|her|their|its|the|den|der|die|seinen|ihren"
                       r"|ses|leurs)\s+)?$", re.I)
# a bound that the sentence denies ('having never hit fewer than 26 homers', 'nie mehr als 30'): no claim of
# a value ('not more than' / 'nicht mehr als' are hedges of the figure itself and stay)
_NEVER_BEFORE = re.compile(r"\b(?:never|nie|niemals)\b[^.;:!?]{0,40}$", re.I)
# a sentence or clause that opens with a condition: its figures, in both clauses, are suppositions ('Wenn
# Österreich heuer nur 37.500 Flüchtlinge aufnimmt, wäre Serbien gezwungen ...', 'If 500 people come, ...',
# '..., sollten weiterhin tausende Migranten eintreffen')
_CONDITIONAL_SENTENCE = re.compile(r"\W*(?:wenn|falls|sofern|sollte|sollten|if|unless|should|si)\b", re.I)
# a condition or a supposition: 'even if one or two jurors', 'wenn 500 Menschen kämen', 'falls', 'would'
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|would|could|wenn|falls|sofern|würde|würden|könnte|könnten|si)\b", re.I)
# a figure per unit of something ('at least 30 homers in each of the past five seasons', '300 pro Tag'):
# a rate, comparable only with another rate
_EACH = re.compile(r"\b(?:each|every|apiece|per(?!\s*cent)|a\s+(?:day|week|month|year|season|game)|jeweils|pro|täglich"
                   r"|jährlich|wöchentlich|monatlich|daily|weekly|monthly|annually|yearly|chaque|par\s+(?:jour|an|mois))\b",
                   re.I)
# a change or a difference, not a level: 'a drop of five points', 'is down almost five', 'um 5 Prozent
# gestiegen', 'five rounds sooner', 'drei Tore mehr'
_CHANGE_BEFORE = re.compile(r"(?:\b(?:drop|decline|decrease|increase|rise|fall|gain|loss|jump|plunge|cut|reduction|Minus|"
                            r"Plus|Rückgang|Anstieg|Zuwachs|Steigerung|hausse|baisse)\s+(?:of|von|um|de)|\b(?:down|up|um)"
                            r")\s+(?:(?:almost|nearly|about|around|roughly|fast|rund|knapp|etwa)\s+)?$", re.I)
_CHANGE_AFTER = re.compile(r"\s+(?:[^\s,;.:]+\s+)?(?:sooner|later|earlier|more|fewer|less|longer|shorter|higher|lower|mehr|weniger|"
                           r"früher|später|länger|kürzer|höher|niedriger)\b", re.I)
# sums of money ('an eight-year, $200 million deal', 'a seven-year deal worth $140 million'): offers, deals and
# payments between two parties -- one team's offer and another's are compared only when both sentences
# name whose it is (the holder), never by a holder borrowed from the rest of the group (MONEY: analyse.figure_units)
_CLAUSE_CUT = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


def _clause_before(text: str, sent_start: int, at: int) -> tuple[int, int]:
    """The stretch of the figure's clause before the figure: from the last comma or dash on."""
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(text, sent_start, at)]
    return (cuts[-1] if cuts else sent_start), at


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").strip().lower())


def _independent(members: list[dict]) -> int:
    """Independent sources among members: those sharing a lineage group or a source count once."""
    return independent_count([["lin:" + m["lineage_group"]] + (["src:" + m["source"]] if m["source"] else [])
                              for m in members])


def _sentence(doc: AnalysedArticle | None, fig: Figure) -> tuple[int, int]:
    if doc is not None:
        for s, e in doc.sentences or [(0, len(doc.text))]:
            if s <= fig.start < e:
                return s, e
    return fig.start, fig.end


def _member(fig: Figure, doc: AnalysedArticle | None, lineage: dict) -> dict:
    art = doc.article if doc else None
    chain = list(fig.attributed_to or [])
    unit, scale = base_unit(fig.unit)
    sent = _sentence(doc, fig)
    clause = _clause_before(doc.text, sent[0], fig.start) if doc else (0, 0)
    extra = (doc.extras.get("figures", {}).get(fig.id, {}) if doc else {}) or {}
    iv = interval(fig, scale)
    return {
        "figure_id": fig.id, "article_id": fig.article_id, "outlet": (art.outlet if art else None) or fig.article_id,
        "value": fig.value, "low": fig.low, "high": fig.high, "qualifier": fig.qualifier, "unit": fig.unit,
        "text": fig.text, "start": fig.start, "end": fig.end, "chain": chain,
        "date": fig.date or ((art.published or "")[:10] if art else "") or None,
        "dated_by": "figure" if fig.date else ("published" if art and art.published else None),
        "year": year_of(doc, sent, fig.start) if doc else (fig.date or "")[:4] or None,
        "holder": holder(doc, fig, extra.get("count_start"), extra.get("count_end"), sent) if doc else "",
        "interval": [_json_num(iv[0]), _json_num(iv[1])] if iv else None,
        "lineage_group": lineage.get(fig.article_id, fig.article_id),
        "source": _norm(chain[-1]) if chain else "",
        "_label": _label(art) if art else fig.article_id,
        "_iv": iv, "_unit": unit, "_cue": update_cue(doc.text, sent) if doc else False,
        "_sent": sent, "_counted": bool(fig.count_of), "_mods": _modifiers(fig.count_of),
        "_kmods": _kind_mods(_modifiers(fig.count_of)),
        "_claim": bool(chain) or bool(doc and (_HEARSAY.search(doc.text, sent[0], sent[1]) or _konjunktiv(doc.text[sent[0]:sent[1]]))),
        "_since": bool(_SINCE.search(doc.text, sent[0], sent[1])) if doc else False,
        "_period": bool(PERIOD.search(doc.text, sent[0], sent[1])) if doc else False,
        "_each": bool(_EACH.search(doc.text, sent[0], sent[1])) if doc else False,
        "_term": bool(_TERM.search(doc.text, sent[0], sent[1])) if doc else False,
        "_change": bool(doc and (_CHANGE_BEFORE.search(doc.text, max(0, fig.start - 40), fig.start)
                                 or _CHANGE_AFTER.match(doc.text, fig.end, min(len(doc.text), fig.end + 40)))),
        "_day": day_of(doc, sent, fig.start) if doc else None,
        "_scope": scope(doc, fig, sent) if doc else None,
        "_when": when_of(doc, sent, fig.start) if doc else None,
        "_ref": reference(doc.text, fig.start) if doc else False,
        "_other": other_account(doc.text, sent, fig.start) if doc else "",
        "_named": mention_keys(doc, sent) if doc else frozenset(),
        "_subset": bool(doc and (_SUBSET_BEFORE.search(doc.text, max(0, fig.start - 24), fig.start)
                                 or _PART_OF.match(doc.text, fig.end)
                                 or _WHOLE_OF.search(doc.text, max(0, fig.start - 40), fig.start))),
        "_hypo": bool(doc and (_HYPOTHETICAL.search(doc.text, *clause) or _CONDITIONAL_SENTENCE.match(doc.text, *sent)
                               or _NEVER_BEFORE.search(doc.text, max(sent[0], fig.start - 50), fig.start)
                               or _CONDITIONAL_SENTENCE.match(doc.text, *clause))),
        "_v": _representative(fig, scale),
    }


def _label(art) -> str:
    """How a reason names an article: its outlet, else the start of its title, else its id."""
    if art.outlet:
        return art.outlet
    title = " ".join((art.title or "").split())
    return (title[:45].rsplit(" ", 1)[0] + "…" if len(title) > 45 else title) or art.id


def _modifiers(count_of: str) -> frozenset[str]:
    """Lower-case words of the counted phrase before its head, endings cut ('verschwundenen' -> 'verschwund')."""
    words = re.findall(r"[^\W\d_]+", count_of or "")
    return frozenset(re.sub(r"(?:e|en|er|es|em)$", "", w.lower()) if w.lower() not in _SUBSET else "+" + w.lower()
                     for w in words[:-1] if w[:1].islower())


def _same_set(a: dict, b: dict) -> bool:
    """Do the counted phrases name the same set? Not when one says 'weitere'/'andere' (in the counted
    phrase or right before the number: 'the other nine jurors') or they carry different modifiers
    ('verschwundene Wahlkarten' / 'ausgegebene Wahlkarten'; 'plant species' / 'species')."""
    if a["_subset"] or b["_subset"] or any(w.startswith("+") for w in a["_mods"] | b["_mods"]):
        return False
    # one phrase narrows the set and the other does not ('747 plant species' / '1,400 species',
    # 'verletzte Menschen' / 'Menschen'): a part and its whole, no contradiction; nationality adjectives
    # name the holder ('nordkoreanische Soldaten' / 'Soldaten'), the holder key compares those
    return a["_kmods"] == b["_kmods"]


def _kind_mods(mods: frozenset[str]) -> frozenset[str]:
    """The modifiers that narrow what is counted (nationality adjectives left out: they name the holder)."""
    return frozenset(w for w in mods if not place_code(w))


def _split_by_holder(members: list[dict], mentions: Callable[[str], frozenset[str]] | None = None
                     ) -> list[tuple[str, list[dict]]]:
    """One part per holder; a figure without one joins the one holder its own sentence names ('bei den Brüsseler
    Anschlägen starben 38 Menschen'), else the holder of more than half of the others whose holders its article
    mentions somewhere (`mentions(article_id)`: its holder keys; a figure cannot be about a place its article
    never names), else they form their own part."""
    by: dict[str, list[dict]] = defaultdict(list)
    for m in members:
        by[m["holder"]].append(m)
    named = sorted((h for h in by if h), key=lambda h: (-len(by[h]), h))
    for m in by.pop("", []) if named else []:
        # the holders its article names; of those, the one that more than half of their figures have
        here = [h for h in named if mentions is None or h in mentions(m["article_id"])]
        own = [h for h in here if h in m.get("_named", ())]  # its own sentence names one: 'den Brüsseler Anschlägen'
        if len(own) == 1:
            here = own
        joins = bool(here) and 2 * len(by[here[0]]) > sum(len(by[h]) for h in here)
        by[here[0] if joins else ""].append(m)
    return sorted(by.items())


def _blocked(a: dict, b: dict) -> str | None:
    """Why two figures do not conflict (one line for the group's reason), or None when their values cannot
    both hold (see the module docstring)."""
    if not a["_iv"] or not b["_iv"] or _meet(a["_iv"], b["_iv"]):
        return "the values can both hold"
    if not (a["_counted"] and b["_counted"]):
        return "a figure's counted noun is not written next to it"  # not checked
    if a["year"] and b["year"] and a["year"] != b["year"]:
        return "dated to different years"
    if not _same_set(a, b):
        return "the counted phrases name different sets (a part, another kind or other ones of what the other counts)"
    if not (a["_claim"] or b["_claim"]):
        return "no source claims either figure: two statements of the article, read as counts of different things"
    ca, cb = a["_v"], b["_v"]
    if ca is None or cb is None or ca <= 0 or cb <= 0 or max(ca, cb) > MAX_RATIO * min(ca, cb) * (1 + 1e-9):
        return f"values more than {MAX_RATIO:g} times apart: different sets counted"  # '32' vs 'mehr als 4.200'
    if a["_day"] and b["_day"] and a["_day"] != b["_day"] or not same_time(a["_when"], b["_when"]):
        return "dated to different days or weeks: a change over time"
    if {a.get("_scope"), b.get("_scope")} == {"wide", "place"}:
        return "one figure counts the whole country, the other one place"
    if a["_hypo"] or b["_hypo"]:
        return "a figure stands in a condition, not a claim of fact"
    if a["_unit"] in MONEY and not (a["holder"] and b["holder"]):
        return "a sum whose own sentence does not say whose offer, deal or payment it is"
    if a["_ref"] or b["_ref"] or a["_period"] != b["_period"] or a["_each"] != b["_each"] \
            or a["_change"] != b["_change"]:
        return "a back-reference, a period total, a rate or a change against a plain count"
    if a["article_id"] == b["article_id"] and (
            a["_sent"] != b["_sent"] or not a["source"] or not b["source"] or a["source"] == b["source"]):
        return "different values from one article and source: different things counted"
    return None


def _comparable(topic: str, members: list[dict]) -> str | None:
    """Why the figures of a key cannot be checked against each other, or None when they can."""
    counted = [m for m in members if m["_counted"]]
    if topic in GENERIC_TOPICS or len(counted) < 2:
        return "what is counted is too general to compare (people with no word on what happened to them, a bare length or area)"
    if ":" not in topic and {m["_unit"] for m in counted} == {"%"} and (topic in person_topics() or topic in POPULATIONS):
        return "a share of people: what they said or did decides which share it is"
    if topic.split(":", 1)[0] in DURATIONS and not all(m["_term"] for m in counted):
        return "a span of time: spans of different stints, not one quantity"
    if topic.split(":", 1)[0] in CHANGE_TOPICS:
        return "a change without what changed: the figures need not measure the same thing"
    if _family_size(counted) > MAX_CLUSTERS:
        return f"more than {MAX_CLUSTERS} different values: the figures count different things (per day, place or group)"
    return None


def _alternative(members: list[dict]) -> tuple[dict, dict] | None:
    """A figure in another account that its article gives right after the first ('37 Kilometer ... nach
    anderen Angaben 46 Kilometer'), paired with the nearest figure of the key before it, when their values
    cannot both hold and are at most MAX_RATIO apart. The cue says it is the same quantity, so the checks
    that guess at different sets (a bare length, no counted noun, no source) do not apply."""
    for b in members:
        if not b["_other"] or not b["_iv"] or not b["_v"]:
            continue
        before = [a for a in members if a["article_id"] == b["article_id"] and a["end"] <= b["start"]
                  and b["start"] - a["end"] <= ALTERNATIVE_SPAN and not a["_other"] and a["_iv"] and a["_v"]]
        if not before:
            continue
        a = max(before, key=lambda m: m["end"])
        if not _meet(a["_iv"], b["_iv"]) and max(a["_v"], b["_v"]) <= MAX_RATIO * min(a["_v"], b["_v"]) \
                and not (a["_hypo"] or b["_hypo"] or a["_change"] != b["_change"] or a["_each"] != b["_each"]):
            return a, b
    return None


def _family_size(members: list[dict]) -> int:
    """Value clusters among figures that can be of one time: a figure dated to another day ('am 13. November
    130 Menschen getötet' beside '38 Tote am 22. März') is another quantity, not a member of the family."""
    days = {m["_day"] for m in members if m["_day"]}
    sets = [[m for m in members if not m["_day"] or m["_day"] == d] for d in sorted(days)] or [members]
    return max(len(_value_clusters(s)) for s in sets)


def _reported_apart(a: dict, b: dict) -> bool:
    """Plain counts of two articles dated to different days (by the sentence, else by the publication date):
    each is the count of its day ('31.938 Tote' on 13 May, '34.273' on 16 May), a series, not a contradiction.
    Measures ('37 Kilometer') do not change from day to day; their differences stay contradictions."""
    return (a["article_id"] != b["article_id"] and bool(a["date"] and b["date"]) and a["date"][:10] != b["date"][:10]
            and not a["_unit"] and not b["_unit"])


def _is_update(a: dict, b: dict) -> bool:
    if a["date"] and b["date"] and a["date"][:10] != b["date"][:10]:
        first, later = sorted((a, b), key=lambda m: m["date"])
        same = (first["outlet"] == later["outlet"]) or (first["source"] and first["source"] == later["source"])
        return bool(same or later["_cue"])
    return a["_cue"] or b["_cue"]


def _fmt(x: float | None, lang: str = "de") -> str:
    if x is None or math.isinf(x):
        return "∞"
    text = f"{x:,.4g}" if abs(x) < 1e4 else f"{x:,.0f}"
    if lang == "en":
        return text  # '1,616,000', '445.5'
    if lang == "fr":
        return text.translate(str.maketrans(",.", "\u202f,"))  # '1 616 000', '445,5'
    return text.translate(str.maketrans(",.", ".,"))  # German separators: '1.616.000', '445,5'


def _shown(members: list[dict], lang: str = "de"):
    """A formatter for base-unit values in the unit most members were written in ('km2', not 'm2')."""
    units = Counter(m["unit"] for m in members)
    unit = units.most_common(1)[0][0] if units else None
    scale = base_unit(unit)[1]
    suffix = {"frac": " %", None: ""}.get(unit, f" {unit}")
    factor = 100.0 if unit == "frac" else 1.0
    return lambda x: _fmt(x / scale * factor if x is not None and not math.isinf(x) else x, lang) + suffix


def _verdict(topic: str, members: list[dict], lang: str = "de") -> tuple[str, str, list[str]]:
    show = _shown(members, lang)
    unchecked = _comparable(topic, members)
    # why each pair does not conflict (None: it does), once per pair: the conflicts and a distinct group's reason
    blocks = [(a, b, _blocked(a, b)) for k, a in enumerate(members) for b in members[k + 1:]] if unchecked is None else []
    conflicts = [(a, b) for a, b, r in blocks if r is None]
    alternative = _alternative(members)
    if alternative:
        a, b = alternative
        return "disagreement", (f"'{a['text']}' ({show(a['_iv'][0])} – {show(a['_iv'][1])}) vs '{b['text']}' "
                                f"({show(b['_iv'][0])} – {show(b['_iv'][1])}): the article itself gives another "
                                f"account ('{b['_other']}')"), [a["figure_id"], b["figure_id"]]
    years = sorted({m["year"] for m in members if m["year"]})
    ivs = [m["_iv"] for m in members if m["_iv"]]
    if conflicts:
        # the pair a reader should see first: both figures claimed by a source, from two outlets, then the
        # closest values (the contradiction least explained by different sets)
        conflicts.sort(key=lambda p: (-(p[0]["_claim"] + p[1]["_claim"]), p[0]["outlet"] == p[1]["outlet"],
                                      max(p[0]["_v"], p[1]["_v"]) / min(p[0]["_v"], p[1]["_v"])))
        judged = [("update" if _is_update(a, b) else "series" if a["_since"] and b["_since"] or _reported_apart(a, b)
                   else "disagreement", a, b) for a, b in conflicts]
        kind = next((k for k in ("disagreement", "series", "update") if any(j[0] == k for j in judged)))
        _, a, b = next(j for j in judged if j[0] == kind)
        pair = (f"'{a['text']}' ({a['_label']}, {show(a['_iv'][0])} – {show(a['_iv'][1])}) vs '{b['text']}' "
                f"({b['_label']}, {show(b['_iv'][0])} – {show(b['_iv'][1])})")
        ids = [a["figure_id"], b["figure_id"]]
        if kind == "disagreement":
            quals = {(m.get("qualifier") or "exact") for m in (a, b)}
            why = "beyond rounding" if quals <= {"exact", "range"} else "beyond what their hedges allow"
            if quals & {"at_least", "at_most", "vague"}:
                why += f"; an estimate is read as within a factor {HEDGE_FACTOR:g} of its number"
            return kind, f"{pair}: the values cannot both hold ({why})", ids
        if kind == "series":
            if _reported_apart(a, b):
                return kind, f"{pair}: counts of different days ({a['date'][:10]}, {b['date'][:10]})", ids
            return kind, f"{pair}: running totals reported at different times", ids
        return kind, f"{pair}: a later or corrected figure replaces the earlier one", ids
    if unchecked is not None:  # too general to compare: no series and no agreement either (figure survey groups)
        return "distinct", unchecked, []
    if len(years) >= 2:
        return "series", "figures for different years: " + ", ".join(years), []
    if _consistent(ivs):
        vs = [m["_v"] for m in members if m["_iv"] and m["_v"] and (m["qualifier"] or "exact") != "vague"]
        if vs and max(vs) > CONFIRM_RATIO * min(vs):  # 'mehr als 5.500' and 'mehr als 7.300': both hedges hold, no echo
            return "distinct", ("the hedges allow both, but the figures name different numbers "
                                f"({show(min(vs))}, {show(max(vs))}): not one figure confirmed"), []
        if ivs:
            lo, hi = max(i[0] for i in ivs), min(i[1] for i in ivs)
            return "agreement", f"all {len(ivs)} figures allow {show(lo)} – {show(hi)}", []
        return "agreement", "no comparable values", []
    # the reason of the closest pair of values that do not meet: the pair a reader would look at first
    pairs = sorted(((max(a["_v"], b["_v"]) / max(min(a["_v"], b["_v"]), 1e-12), r) for a, b, r in blocks
                    if a["_v"] and b["_v"] and r and r != "the values can both hold"), key=lambda x: x[0])
    return "distinct", f"values differ, not a contradiction: {pairs[0][1] if pairs else 'not comparable'}", []


# Which groups the Markdown, HTML and web UI show (the JSON keeps all, with `shown`), chosen on the figure-group
# survey (bench/group_survey.py, parts A-D, 141 groups judged blind, all inside one article): right were 23 of 34
# agreements, 49 of 99 distinct groups and 1 of 8 series inside one article. A group inside one article is shown
# only when it disagrees or updates (the article's own other account, two sources in one sentence); across
# articles agreements, series, disagreements and updates are shown. `distinct` is never shown: it says only why
# two figures were not compared.
SHOWN_ACROSS = {"agreement", "series", "disagreement", "update"}
SHOWN_INSIDE = {"disagreement", "update"}


def shown_group(kind: str, articles: set[str]) -> bool:
    return kind in (SHOWN_ACROSS if len(articles) > 1 else SHOWN_INSIDE)


def group_figures(figures: list[Figure], docs: list[AnalysedArticle]) -> list[dict]:
    """[{'topic', 'unit', 'keys', 'reason', 'conflict' (the figure ids the reason names), 'kind', 'disagreement', 'update',
    'shown', 'figure_ids', 'members',
    'values', 'independent_sources', 'articles'}] for every set of at least two comparable figures."""
    by_id = {d.id: d for d in docs}
    lineage = lineage_groups(docs) if docs else {}
    lang = majority_language(docs)
    keys_of: dict[str, frozenset[str]] = {}

    def named_in(article_id: str) -> frozenset[str]:
        if article_id not in keys_of:
            doc = by_id.get(article_id)
            keys_of[article_id] = mention_keys(doc) if doc else frozenset()
        return keys_of[article_id]

    base: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for fig in sorted(figures, key=lambda f: (f.article_id, f.start)):
        topic = _norm(fig.topic)
        if not topic:
            continue
        m = _member(fig, by_id.get(fig.article_id), lineage)
        base[(topic, m["_unit"])].append(m)
    out = []
    for (topic, unit), allm in sorted(base.items()):
        for hold, members in _split_by_holder(allm, named_in):
            for part, verdict in _confirmations(topic, members, lang) if len(members) >= 2 else []:
                out.append(_group(topic, unit, hold, part, lang, verdict))
    return out


def _confirmations(topic: str, members: list[dict], lang: str) -> list[tuple[list[dict], tuple | None]]:
    """The parts a key's figures are shown in, each with its verdict when it was worked out here: all of them, or
    -- when they count different sets ('distinct') -- each set of compatible values that two articles give ('sechs
    Kandidaten' in three articles, beside 'fünf Kandidaten' with chances and 'die vier anderen') as an agreement of
    its own, and the rest. Two of the figures must be firm values from two articles (a vague 'Tausende' agrees
    with any count near it)."""
    if len({m["article_id"] for m in members}) < 2:
        return [(members, None)]
    whole = _verdict(topic, members, lang)
    if whole[0] != "distinct":
        return [(members, whole)]
    parts, rest = [], []
    for vc in _value_clusters(members):
        firm = [m for m in vc if (m["qualifier"] or "exact") != "vague"]  # 'Tausende' agrees with anything near
        verdict = _verdict(topic, vc, lang) if len({m["article_id"] for m in firm}) >= 2 else None
        if verdict and verdict[0] == "agreement" \
                and all(_same_set(a, b) and (a["_each"], a["_period"], a["_change"], a["_ref"]) ==
                        (b["_each"], b["_period"], b["_change"], b["_ref"]) for a in vc for b in vc):
            parts.append((vc, verdict))
        else:
            rest += vc
    if not parts:
        return [(members, whole)]
    rest += [m for m in members if not m["_iv"]]
    return parts + ([(sorted(rest, key=lambda m: (m["article_id"], m["start"])), None)] if len(rest) >= 2 else [])


def _group(topic: str, unit: str, hold: str, members: list[dict], lang: str = "de", verdict: tuple | None = None) -> dict:
    kind, reason, conflict = verdict or _verdict(topic, members, lang)
    values = []
    for vc in _value_clusters(members):
        lo = max(m["_iv"][0] for m in vc)
        hi = min(m["_iv"][1] for m in vc)
        # the most specific member speaks for the cluster ('12.000' rather than 'mindestens 3.000')
        reps = sorted((m for m in vc if m["value"] is not None), key=lambda m: m["_iv"][1] - m["_iv"][0])
        values.append({
            "value": reps[0]["value"] if reps else None, "low": _json_num(lo), "high": _json_num(hi),
            "figure_ids": [m["figure_id"] for m in vc],
            "dates": sorted({m["date"] for m in vc if m["date"]}),
            "independent_sources": _independent(vc),
        })
    for m in members:  # independent sources (its own included) whose values are compatible with it
        backing = [x for x in members if x["_iv"] and m["_iv"] and _meet(x["_iv"], m["_iv"])]
        m["independent_confirmations"] = _independent(backing) if backing else 0
    years = sorted({m["year"] for m in members if m["year"]})
    predicate = topic.split(":", 1)[1] if ":" in topic else None
    keys = {"topic": topic.split(":", 1)[0], "predicate": predicate, "unit": unit or None,
            "holder": hold or None, "time": years or None}
    for m in members:
        for k in [k for k in m if k.startswith("_")]:
            del m[k]  # the working fields ('_iv', '_claim', '_each', ...) stay out of the dossier
    return {
        "topic": topic, "unit": unit or None, "keys": keys, "reason": reason, "conflict": conflict,
        "figure_ids": [m["figure_id"] for m in members],
        "disagreement": kind == "disagreement",
        "update": kind == "update",
        "kind": kind,
        "shown": shown_group(kind, {m["article_id"] for m in members}),
        "members": members,
        "values": values,
        "independent_sources": _independent(members),
        "articles": sorted({m["article_id"] for m in members}),
    }
