"""Repairs of NER mentions before linking (split from canonical.py): names cut short or run on,
role nouns inside person spans, two places read as one, hyphenated names tagged as parts."""
from __future__ import annotations

import re

from ..records import AnalysedArticle, Mention
from .gazetteer import ARTICLES, ROLE_SUFFIX, gazetteer, noun_stem
from .entity_evidence import _places, common_noun
from .translit import compound_splits, known_word

# a person's name never joins words with these ('Grok für Tesla', 'Tobias und Jean Pierre')
_JOINED = re.compile(r" (?:für|und|mit|gegen|über|oder|sowie|and|for|with|against|et|pour|avec) ")
# Words an NER span sometimes drags along at its end ('Nordkorea von'); never the end of a name.
_TRAILING = ARTICLES | {"und", "oder", "im", "in", "am", "an", "auf", "mit", "für", "zu", "bei", "nach", "aus", "and", "et"}


def _repaired(doc: AnalysedArticle, lang: str, person_names: set[str] | None = None,
              names: set[str] = frozenset()) -> list[Mention]:
    """The article's mentions with two frequent NER boundary errors undone (new Mention objects with
    exact sub-spans; doc.mentions stays as the NER stage left it): trailing lower-case words
    ('Nordkorea von' -> 'Nordkorea') and two adjacent places read as one ('Nordkorea Russland')."""
    gaz = gazetteer()
    out: list[Mention] = []
    for m in doc.mentions:
        if "(" in m.text and not m.derived:  # 'Julia Reda (Piraten)', 'Jill (Emma Stone', 'Jordi Alba (5.)'
            cut = m.text.find("(")
            head = m.text[:cut].rstrip()
            if not head[:1].isupper():
                continue  # nothing of a name before the bracket
            m = Mention(m.article_id, m.start, m.start + len(head), head, m.label, m.norm, m.derived, m.score)
        if m.label == "PER" and not m.derived and _JOINED.search(m.text):
            continue  # 'Grok für Tesla' (a heading), 'Tobias und Jean Pierre': no one person's name
        if m.derived and _hyphenated_name(m.text):  # 'Kamp-Lintfort' tagged as a part: the whole is the name
            m = Mention(m.article_id, m.start, m.end, m.text, m.label, None, False, m.score)
        if m.label == "LOC" and not m.derived and ", " in m.text:  # 'St. George, Utah': two places
            for part in re.finditer(r"[^,]+", m.text):
                a, b = m.start + part.start(), m.start + part.end()
                a += len(doc.text[a:b]) - len(doc.text[a:b].lstrip())
                if doc.text[a:b].strip():
                    out.append(Mention(m.article_id, a, b, doc.text[a:b].strip(), "LOC", None, False, m.score))
            continue
        if m.label == "PER" and not m.derived:
            m = _with_first_name_before(doc, m)
        if m.label == "PER" and person_names:
            m = _complete_name(doc, m, person_names)
        elif m.label in ("ORG", "LOC", "MISC") and not m.derived:
            m = _with_complement(doc, _with_institution(doc, m))
            more = _SUSPENDED.match(doc.text, m.end) if m.label != "LOC" and " " in m.text and m.text[-1:].isalpha() else None
            if more:  # 'Deutsches Zentrum für Luft' | '- und Raumfahrt': the compound the hyphen leaves open (survey 37)
                m = Mention(m.article_id, m.start, more.end(), doc.text[m.start:more.end()], m.label, m.norm, m.derived, m.score)
            abbr = re.search(r"(?<![\w.])[A-ZÄÖÜ][a-zäöü]\. $", doc.text[max(0, m.start - 5):m.start])
            if m.label == "LOC" and abbr:  # 'Wr. Neustadt', 'St. Pölten': the abbreviated word is part of the name
                start = m.start - len(abbr.group())
                m = Mention(m.article_id, start, m.end, doc.text[start:m.end], m.label, m.norm, m.derived, m.score)
        if m.label != "PER" and not m.derived and " " not in m.text and names:
            m = _completed_by_story(doc, m, names)
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", m.text)]
        if m.derived or len(words) < 2:
            out.append(m)
            continue
        if m.label == "PER":  # 'Einsatzleiter Markus Feldhofer' -> role outside, name inside
            k = _leading_roles(m.text, words)
            if k:
                start = m.start + words[k][0]
                m = Mention(m.article_id, start, m.end, doc.text[start:m.end], m.label, m.norm, m.derived, m.score)
                words = [(a - words[k][0], b - words[k][0]) for a, b in words[k:]]
                if len(words) < 2:
                    out.append(m)
                    continue
        keep = len(words)
        if keep > 2 and re.fullmatch(r"\d+[.,)]?", m.text[words[-1][0]:words[-1][1]]) \
                and m.text[words[-2][0]:words[-2][1]] in _TRAILING:
            keep -= 1  # 'Robert Friess von 3.' (but 'Schalke 04', 'Formel 1')
        while keep > 1 and m.text[words[keep - 1][0]:words[keep - 1][1]] in _TRAILING:
            keep -= 1
        if keep < len(words) and m.text[words[0][0]:words[0][1]][:1].isupper():
            end = m.start + words[keep - 1][1]
            m = Mention(m.article_id, m.start, end, doc.text[m.start:end], m.label, m.norm, m.derived, m.score)
            words = words[:keep]
        texts = [m.text[a:b] for a, b in words]
        if len(words) >= 2 and m.label == "LOC" and len(set(texts)) == len(texts) and all(
                t in _places() and not common_noun(t, compounds=False) for t in texts) or (
                len(words) >= 2 and all(gaz.rank(t, lang) <= 1 for t in texts)
                and len({gaz.lookup(t, lang) for t in texts}) == len(texts)):
            for (a, b), t in zip(words, texts):
                out.append(Mention(m.article_id, m.start + a, m.start + b, t, "LOC", None, False, m.score))
            continue
        out.append(m)
    return out


# the rest of a compound whose first part a hyphen leaves open ('Luft- und Raumfahrt', 'Umwelt-, Natur- und Verbraucherschutz')
_SUSPENDED = re.compile(r"-(?:,\s+[A-ZÄÖÜ]\w*-)*\s+(?:und|oder)\s+[A-ZÄÖÜ][\w-]*[a-zäöüß]\b")


def _hyphenated_name(text: str) -> bool:
    """'Kamp-Lintfort', 'Garmisch-Partenkirchen', 'West-Papua': capitalised parts, the last no common noun
    ('US-Regierung', 'Kreml-Chef' are compounds that only contain a name)."""
    from ..analyse.ner_doc import common_word, lexicon

    parts = text.split("-")
    if len(parts) < 2 or " " in text or not all(p[:1].isupper() and p[1:2].islower() for p in parts):
        return False
    last = parts[-1]
    return not (common_word(last) or last in lexicon()[0] or ROLE_SUFFIX.search(noun_stem(last)) and known_word(last))


_NOT_FIRST = frozenset("January February March April May June July August September October November December "
                       "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mai Juni Juli August "
                       "König Königin Kaiser Kaiserin Prinz Prinzessin Fürst Graf Herzog Papst Sir Lord Lady Dame "
                       "King Queen Prince Princess Pope Saint Sankt".split())  # (months, weekdays and titles)


def _with_first_name_before(doc: AnalysedArticle, m: Mention) -> Mention:
    """A name whose first first name the NER left out ('court reporter Julie' | 'Ann Brandau'): the span takes
    the first name written right before it (a first name of the lists, no month or weekday)."""
    from .entity_evidence import any_first_name

    before = re.search(r"(?<![\w.])([A-ZÄÖÜ][a-zäöüß]+) $", doc.text[max(0, m.start - 30):m.start])
    if not before or before.group(1) in _NOT_FIRST or not any_first_name(before.group(1)) \
            or not any_first_name(m.text.split()[0]) or len(m.text.split()) < 2:
        return m  # (only before a name that opens with a first name itself: 'Hans' | 'Peter Müller')
    start = m.start - len(before.group(0))
    return Mention(m.article_id, start, m.end, doc.text[start:m.end], m.label, m.norm, m.derived, m.score)


def _complete_name(doc: AnalysedArticle, m: Mention, person_names: set[str]) -> Mention:
    """A name cut short by the NER ('Kim Jong' | 'Un hatten'): extend it by the next word when the
    longer form is a person named elsewhere in the story."""
    longer = _with_next_word(doc, m)
    if longer is not None and (longer.text in person_names or _first_names_only(m.text)
                               and _surname_like(longer.text[m.end - m.start + 1:])):
        # 'Hans Joachim' | 'Schellnhuber': a span of first names only goes on to the surname written after it
        return longer
    return m


def _completed_by_story(doc: AnalysedArticle, m: Mention, names: set[str]) -> Mention:
    """A place or organisation cut short by the NER ('Puerto' | 'Ricos Firmen'): extend it by the next
    word when the longer form, or that form without its genitive s, is a name the story writes whole."""
    longer = _with_next_word(doc, m)
    if longer is not None and (longer.text in names or longer.text.endswith("s") and longer.text[:-1] in names):
        return longer
    return m


def _with_next_word(doc: AnalysedArticle, m: Mention) -> Mention | None:
    """The mention extended by the capitalised word right after it (after a space or hyphen), if any."""
    nxt = re.match(r"[ -]([A-ZÄÖÜ][\w'’-]*)", doc.text[m.end:m.end + 40])
    if nxt is None:
        return None
    end = m.end + nxt.end()
    return Mention(m.article_id, m.start, end, doc.text[m.start:end], m.label, m.norm, m.derived, m.score)


def _with_institution(doc: AnalysedArticle, m: Mention) -> Mention:
    """A seat tagged without its body ('Staatsanwaltschaft' | 'Wien', 'Landgericht' | 'Köln'): the span
    takes the institution noun written right before it and becomes the organisation."""
    from .entity_evidence import _INSTITUTION

    if " " in m.text.strip():
        return m
    before = re.search(r"([A-ZÄÖÜ][a-zäöüß]+) $", doc.text[max(0, m.start - 40):m.start])
    if not before or not _INSTITUTION.search(before.group(1)) or not (
            gazetteer().lookup(m.text, "de") or m.text in _places()):
        return m
    start = m.start - len(before.group(0))
    return Mention(m.article_id, start, m.end, doc.text[start:m.end], "ORG", None, False, m.score)


# a body's head noun that takes a 'für' complement into its name ('Europäischer Gerichtshof für Menschenrechte')
_BODY_HEAD = re.compile(r"(?:zentrum|gerichtshof|institut|amt|ministerium|kommission|rat|verband|vereinigung|agentur|gesellschaft"
                        r"|stiftung|akademie|komitee|fonds|organisation|beirat|büro|behörde|hochschule|forum|bund"
                        r"|verein|netzwerk|allianz|zentrale|anstalt|senat|ausschuss)$", re.I)
_FOR = re.compile(r" für ((?:[A-ZÄÖÜ][\w-]+ ){0,2}[A-ZÄÖÜ][\w-]*[a-zäöüß](?: und (?:[A-ZÄÖÜ][\w-]+ ){0,1}[A-ZÄÖÜ][\w-]*[a-zäöüß])?)\b")
# a town named with its landscape or river: 'St. Georgen im Attergau', 'Frankfurt am Main', 'Weyer an der Enns'
_SEAT = re.compile(r" (?:im|am|an der|ob der) ((?!(?:Land|Stadt|Rhein-|Main-)?[Kk]reis\b)[A-ZÄÖÜ][a-zäöüß]*(?:gau|tal|see|wald|walde"
                   r"|gebirge|kreis)|Main|Inn|Lech"
                   r"|Rhein|Donau|Enns|Ybbs|Traun|Mur|Salzach|Neckar|Mosel|Oder|Elbe|Saale|Tauber|Isar|Lahn|Ruhr)\b")


# a national body named with its country in the genitive ('Kommunistische Partei Chinas', 'Nationalbank Polens')
_NATIONAL_BODY = re.compile(r"(?:Partei|[Bb]ank|Akademie|Armee|Kirche|Nationalversammlung|Gewerkschaft)$")
_COUNTRY_GENITIVE = re.compile(r" ([A-ZÄÖÜ][a-zäöü]+s)\b")


def _with_complement(doc: AnalysedArticle, m: Mention) -> Mention:
    """A body or town cut before its complement: 'Deutsches Zentrum' | 'für Infektionsforschung', 'St. Georgen'
    | 'im Attergau', 'Kommunistische Partei' | 'Frankreichs'. The span takes the complement (a body becomes the
    organisation)."""
    words = m.text.split()
    if not words or not words[0][:1].isupper():
        return m  # ('deutsche Bundesamt': a span that opens in lower case is no name's start)
    after = doc.text[m.end:m.end + 80]
    if m.label != "LOC" and re.match(r" Austria\b", after) and words[-1] != "Austria":
        end = m.end + len(" Austria")  # 'ProSieben Austria', 'IST Austria': the Austrian body has it in its name
        return Mention(m.article_id, m.start, end, doc.text[m.start:end], "ORG", None, False, m.score)
    if m.label != "LOC" and _BODY_HEAD.search(words[-1]):
        more = _FOR.match(after)
        if more:
            end = m.end + more.end()
            return Mention(m.article_id, m.start, end, doc.text[m.start:end], "ORG", None, False, m.score)
    if m.label == "ORG" and _NATIONAL_BODY.search(words[-1]):
        more = _COUNTRY_GENITIVE.match(after)
        code = gazetteer().lookup(more.group(1)[:-1], "de") if more else None
        if code and "-" not in code:  # a country ('Kommunistische Partei' | 'Frankreichs'), not a region or city
            end = m.end + more.end()
            return Mention(m.article_id, m.start, end, doc.text[m.start:end], "ORG", None, False, m.score)
    if m.label == "LOC":
        more = _SEAT.match(after)
        if more:
            end = m.end + more.end()
            return Mention(m.article_id, m.start, end, doc.text[m.start:end], "LOC", None, False, m.score)
    return m


def _first_names_only(text: str) -> bool:
    from ..analyse.ner_doc import lexicon

    words = re.split(r"[ -]", text)
    return bool(words) and all(w in lexicon()[1] for w in words)


def _surname_like(word: str) -> bool:
    """A capitalised word that can end a name: no common noun, no place, no function word."""
    from ..analyse.ner_doc import lexicon

    w = word.rstrip("'’")
    return len(w) >= 2 and w[1:].islower() and w.casefold() not in ARTICLES and w.casefold() not in _TRAILING \
        and not common_noun(w, compounds=False) and w not in _places() and w not in lexicon()[0] \
        and not gazetteer().lookup(w, "de")


def _is_role_word(word: str) -> bool:
    """A common noun naming a role ('Einsatzleiter', 'Landesumweltministerin', 'Kremlsprecher'):
    role suffix and a dictionary word or a compound of dictionary words."""
    if "-" in word:  # 'Pentagon-Sprecher', 'Kreml-Chef': the last part names the role
        first, head = word.split("-", 1)[0], word.rsplit("-", 1)[1]
        # double first names ('Hans-Peter', 'Karl-Theodor', 'Anne-Kathrin') have short parts; a
        # role compound starts with an acronym or an institution ('US-', 'Pentagon-', 'Kreml-')
        if not (first.isupper() or len(first) >= 5) or not (len(head) >= 7 or noun_stem(head).endswith("chef")):
            return False
        return head[:1].isupper() and bool(ROLE_SUFFIX.search(noun_stem(head))) and (
            known_word(head) or any(len(split) >= 2 for split in compound_splits(head)))
    if len(word) < 7 or not word[:1].isupper() or not ROLE_SUFFIX.search(noun_stem(word)):
        return False  # short role-like words are often first names ('Peter', 'Martin', 'Walter')
    from .entity_evidence import any_first_name

    if any_first_name(word):
        return False  # 'Christine', 'Kathrin', 'Catherine': a first name with a role-like ending ('-in', '-ine')
    return known_word(word) or any(len(split) >= 2 for split in compound_splits(word))


def _leading_roles(text: str, words: list[tuple[int, int]]) -> int:
    """How many leading words of a PER span are role nouns, not names (a name word stays)."""
    k = 0
    while k < len(words) - 1 and _is_role_word(text[words[k][0]:words[k][1]]):
        k += 1
    return k
