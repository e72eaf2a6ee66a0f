"""The tense of a dated clause: does a weekday or a date without a year lie ahead or behind?

German news tells a coming event in the present or with a modal ('Der Ausschuss tagt am Montag', 'soll
am Mittwoch abstimmen') and a past one in the preterite or perfect; a deadline ('bis Samstag'), a
start ('ab Donnerstag') or a schedule ('für Montag geladen') lies ahead. `timex.find_timexes` reads the
clause an expression dates (its event span) with these tests.
"""
from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:wird|werden|werde|wirst|werdet|soll|sollen|sollte|sollten|muss|müssen|will|wollen|plant|planen|geplant|"
    r"könnte|könnten|dürfte|dürften|möchte|möchten|"
    r"bevorstehend\w*|anstehend\w*|kommend\w*|erwartet|vorgesehen|angesetzt|shall|will|going\s+to|"
    r"va|vont|doit|doivent|prévu\w*)\b", re.I)
_PAST = re.compile(
    r"\b(?:war|waren|wurde|wurden|hatte|hatten|hat|haben|ist\s+\w+\s+(?:ge\w+en|ge\w+t)|sagte|sagten|erklärte|erklärten|"
    r"teilte|teilten|berichtete|berichteten|hieß|gab|kam|kamen|fand|fanden|starb|starben|begann|begannen|"
    # (preterites and participles in lower case: 'Rettungsmannschaften', 'Seite' are nouns)
    r"(?-i:[a-zäöüß]\w*te|[a-zäöüß]\w*ten|ge\w+t|ge\w+en)\b|was|were|had|did|said|\w+ed\b|a\s+été|ont|était"
    # strong preterites ('stach sie … ein', 'ging', 'fiel'), also with a prefix in a subordinate clause ('einstach')
    r"|(?-i:lag|lagen|[a-zäöüß]*(?:stach|ging|sah|stand|fiel|hielt|rief|lief|trat|traf|nahm|sprach|brach|schlug|warf|zog"
    r"|flog|floh|saß|blieb|schrieb|stieg|fuhr|trug|bot|verlor|gewann|erschien|entschied|ließ|griff|schoss|stieß|schien"
    r"|wies|riss|litt|stritt|schnitt|sank|sprang|trank|zwang|fand|kam|gab|starb|begann|bat|lud|vergaß|wuchs"
    r"|schlief|verschwand|gelang|misslang|geschah|empfahl|befahl|betrog|erhob|erwog|floss|goss|genoss|schloss"
    r"|verbot|sang|schwamm|schwor|stahl|unterlag)(?:en|st)?))\b", re.I)  # ('schlagen', 'analog', 'daß' are none)


# a separable verb's prefix before the participle's ge- ('sind am Samstag eingetroffen', 'hat … festgestellt')
_SEPARABLE = r"(?:ab|an|auf|aus|bei|ein|fest|fort|her|hin|los|mit|nach|vor|weg|zu|zurück|zusammen|heraus|herein|hinaus|um|dar)?"
_PERFECT = re.compile(r"\b(?:hat|haben|hatte|hatten|ist|sind|war|waren)\b.*\b" + _SEPARABLE + r"ge\w+(?:t|en)\b")
_STRONG_PAST = ("war", "waren", "wurde", "wurden", "hatte", "hatten", "sagte", "sagten", "erklärte", "erklärten",
                "was", "were", "had", "said",
                # a modal's preterite makes 'werden' a passive, no future ('Dort konnte ihm nicht mehr geholfen werden')
                "konnte", "konnten", "musste", "mussten", "durfte", "durften", "wollte", "wollten")


# a perfect infinitive after a modal tells a past event ('soll … belästigt oder genötigt haben', 'soll am Montag
# festgenommen worden sein', 'soll … gestorben sein'), not a coming one
_PERFECT_INFINITIVE = re.compile(r"\b[a-zäöüß]+(?:t|en)\s+(?:haben|worden\s+sein)\b"
                                 r"|\b(?:soll|sollen)\b.*\bge[a-zäöüß]+(?:t|en)\s+sein\b")


def past_clause(clause: str) -> bool:
    """A clause told in the past: a preterite or a perfect ('hat … geschafft'), also after a modal ('soll …
    gesagt haben')."""
    if _PERFECT.search(clause) \
            or _PERFECT_INFINITIVE.search(clause):
        return True
    return any(p.split()[0] in _STRONG_PAST for p in (m.group(0).lower() for m in _PAST.finditer(clause)))


def past_form_only(clause: str) -> bool:
    """A past form ('lag', 'gab', 'wurde') and nothing that reads as future: no future word at all, or only the
    passive 'werden' of a modal's preterite ('konnte … nicht festgestellt werden'; not '…wurde beschädigt und soll noch
    in der Nacht ausgebessert werden')."""
    return _PAST.search(clause) is not None and not is_future(clause) and (
        _FUTURE.search(clause) is None or re.search(r"\b(?:konnte|konnten|musste|mussten|durfte|durften)\b", clause) is not None)


def is_future(clause: str) -> bool:
    """True when the clause reads as future (modal or 'werden' without a past form)."""
    fut = _FUTURE.search(clause)
    if not fut or _PERFECT_INFINITIVE.search(clause) or re.search(r"\b(?:sind|ist|hat|haben)\s+(?:\w+\s+){0,3}?am\s+\w+\s+"
                                                                    + _SEPARABLE + r"ge\w+(?:t|en)\b", clause):
        return False  # ('…, die ihn aufspüren sollen, sind am Samstag eingetroffen': the main clause's perfect, survey 39)
    return not any(m.group(0).lower().split()[0] in _STRONG_PAST for m in _PAST.finditer(clause))


def _upcoming(text: str, es: int, ee: int, at: int) -> bool:
    """'am' + weekday in a clause told in the present with no past form ('Der Komponist gastiert am
    Sonntag im Radiokulturhaus'): German news tells a coming event in the present (a past one in the
    preterite or perfect); not in the first line (a headline tells past events in the present too), not
    in a report ('vermeldet die Polizei am Freitag': the report is past, the present is the reporter's)."""
    return re.search(r"[.!?]\s|\n", text[:es]) is not None and re.search(r"\b[Aa]m\s+$", text[max(0, at - 4):at]) is not None \
        and _no_past(text, es, ee) and not _PERFECT_END.search(text[es:ee]) and not _REPORTING.search(text, es, ee) \
        and not _FINAL_PARTICIPLE.search(text[es:ee]) and not _past_governed(text, es, ee)


# a clause that ends in a past participle ('… am Donnerstag zum Erscheinen … aufgerufen.'): its auxiliary stands before
# it, outside the clause the expression dates (survey 40)
_FINAL_PARTICIPLE = re.compile(r"\b" + _SEPARABLE + r"ge[a-zäöüß]{3,}(?:t|en)\s*[.!?]?\s*$")
_SENTENCE_START = re.compile(r"[.!?]\s+(?=\S)|\n")


def _past_governed(text: str, es: int, ee: int) -> bool:
    """An infinitive clause ('…, am Dienstag im Senat einen Gesetzentwurf auf den Weg zu bringen') takes its time from
    the clause that governs it: past when the sentence before it has a past form and no future (survey 40)."""
    if not re.search(r"\bzu\s+[a-zäöüß]+en\s*[.!?,]?\s*$|\b[a-zäöüß]+zu[a-zäöüß]+en\s*[.!?,]?\s*$", text[es:ee]):
        return False
    starts = [m.end() for m in _SENTENCE_START.finditer(text, max(0, es - 300), es)]
    head = text[starts[-1] if starts else max(0, es - 300):es]
    return past_form_only(head)


# a report in the present tells what was said ('vermeldet die Polizei am Freitag': the last Friday)
_REPORTING = re.compile(r"\b(?:meldet|vermeldet|berichtet|sagt|teilt|erklärt|bestätigt|gibt|heißt|kündigt|warnt|fordert"
                        r"|betont|schreibt|twittert|räumt|verkündet|dementiert)\b")
# a perfect whose participle has no ge- ('Am Montag ist ein Zug entgleist', 'hat … verhaftet')
_PERFECT_END = re.compile(r"\b(?:ist|sind|hat|haben)\b.*\b[a-zäöüß]+(?:t|en)\s*(?:[.!?,;]|$)")


def _until(text: str, es: int, ee: int, at: int) -> bool:
    """'bis Ende August', 'bis zum 15. August', 'bis Samstag', 'ab Donnerstag' in a clause with no past form:
    a deadline or a start ahead ('Die Bilder hängen bis Ende August' in a text of 31 July is this August, not
    last year's; 'dass Osram ab Donnerstag die Preise anhebt')."""
    return re.search(r"\b(?:[Bb]is|[Aa]b|frühestens|spätestens)\s+(?:zu[mr]\s+|dem\s+|am\s+)?$", text[max(0, at - 16):at]) \
        is not None and _no_past(text, es, ee)  # ('frühestens am Sonntag eintreffen': ahead)


def _scheduled(text: str, es: int, ee: int, at: int) -> bool:
    """'für Montag geladen', 'für den 15. März angesetzt': a day something is set for lies ahead, also in a
    perfect ('hat für Montag zu einer Sondersitzung geladen'); not in a preterite or pluperfect ('hatte für
    Montag geladen': told from after it)."""
    return re.search(r"\b[Ff]ür\s+(?:den\s+|kommenden\s+|den\s+kommenden\s+)?$", text[max(0, at - 20):at]) is not None \
        and not any(m.group(0).lower() in _STRONG_PAST for m in _PAST.finditer(text, es, ee))


# a day something is set or moved to ('hat den Termin auf Ende September, Anfang Oktober festgelegt', 'auf den 8.
# Mai verschoben'), also in a perfect; a date a clause calls a date to come ('Mögliche Termine seien der 24. September')
_SET_FOR = re.compile(r"\bauf\s.*?\b(?:festgelegt|verschoben|vertagt|angesetzt|terminiert|verlegt|festgesetzt)\b")
_SENTENCE_END = re.compile(r"(?<!\d)[.!?](?=\s|$)")
_DATE_NOUN = re.compile(r"\b(?:Termine?|Stichtag|Wahltermin|Wahltag|Starttermin)\b")


def _set_for(text: str, es: int, ee: int, at: int) -> bool:
    stop = _SENTENCE_END.search(text, ee, ee + 150)  # the verb may stand after the clause's comma ('…, Anfang Oktober festgelegt')
    hit = _SET_FOR.search(text, es, stop.start() if stop else ee)
    return (hit is not None and hit.start() < at < hit.end() or bool(_DATE_NOUN.search(text, es, ee)) and _no_past(text, es, ee)) \
        and not any(m.group(0).lower() in _STRONG_PAST for m in _PAST.finditer(text, es, ee))


# 'am gestrigen Donnerstag', 'vom gestrigen Dienstagabend': yesterday, whatever the tense of the clause
_YESTERDAY_BEFORE = re.compile(r"\b(?:vor)?gestrige[nmrs]?\s+$", re.I)


def ahead(text: str, es: int, ee: int, at: int, kind: str) -> bool:
    """Does the expression at `at` (a spec of `kind`) in the clause text[es:ee] point ahead of its anchor?"""
    if _YESTERDAY_BEFORE.search(text, max(0, at - 16), at):
        return False
    return is_future(text[es:ee]) or kind == "dow" and _upcoming(text, es, ee, at) \
        or kind in ("date", "dow") and (_until(text, es, ee, at) or _scheduled(text, es, ee, at) or _set_for(text, es, ee, at))


def _no_past(text: str, es: int, ee: int) -> bool:
    """The clause text[es:ee] has no past form (preterite, perfect). An infinitive that ends like a weak preterite
    plural ('kann am Samstag die Reise antreten', 'halten', 'arbeiten': its own lemma) is none (survey 39)."""
    return all(_infinitive(m.group(0)) for m in _PAST.finditer(text, es, ee)) and not past_clause(text[es:ee])


def _infinitive(word: str) -> bool:
    import simplemma

    return word.endswith("ten") and word[:1].islower() and simplemma.is_known(word, lang="de") \
        and simplemma.lemmatize(word, lang="de") == word
