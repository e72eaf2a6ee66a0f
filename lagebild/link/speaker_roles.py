"""Speaker phrases that are a role and name nobody (split from speakers.py): a bare role ('der Rechtsanwalt', 'der
ehemalige Präsidentschaftskandidat') and one person's role with its body or place ('Der Einsatzleiter der Polizei in
Dortmund', 'dem Korrespondenten al-Jazeeras'); `speakers.hide_nameless` shows no quote of such a speaker."""
from __future__ import annotations

import re

from .gazetteer import ARTICLES, gazetteer, noun_stem

_ROLE_ARTICLES = frozenset("der die das dem den des ein eine einem einen einer dessen deren sein seine seinem seinen seiner "
                           "ihr ihre ihrem ihren ihrer".split())  # ('dessen Stellvertreter': someone else, unnamed)
_PERSON_ROLES = frozenset("Anwalt Anwältin Rechtsanwalt Rechtsanwältin Vorsitzende Vorsitzender Jährige Jähriger "
                          "Staatsoberhaupt Regierungschef Regierungschefin Monarch Monarchin Stellvertreter "
                          "Stellvertreterin Nachfolger Nachfolgerin Vorgänger Vorgängerin Generalanwalt Generalanwältin".split())


def _bare_role(phrase: str) -> bool:
    """An article, adjectives or an age and one role noun of a person, nothing that names who or whose
    ('der Rechtsanwalt', 'der 28-Jährige Deutsche', 'der ehemalige Präsidentschaftskandidat'; not 'der
    PiS-Vorsitzende', 'ein Sprecher des Ministeriums')."""
    from .entity_evidence import _is_role

    words = phrase.split()
    if len(words) < 2 or len(words) > 5 or words[0].lower() not in _ROLE_ARTICLES:
        return False
    heads = [w for w in words[1:] if (w[:1].isupper() or w[:1].isdigit()) and not w.endswith("-")]  # ('Familien- und')
    if not heads or any(not w[:1].isupper() and not w[:1].isdigit() and not w.islower() for w in words[1:]
                        if not w.endswith("-")):
        return False
    for w in heads:
        part = w.rsplit("-", 1)[-1]
        if "-" in w and not re.fullmatch(r"\d+-[Jj]ährige[nr]?|(?:Vize|Ex|Co|Ko)-\w+", w) and not _common_prefix(w) \
                or _BODY_COMPOUND.fullmatch(w) and w not in _PERSON_ROLES:  # ('Stellvertreter' names no body)
            return False  # 'IKG-Präsident', 'PiS-Vorsitzende', 'Polizeisprecher': the body is named
        part = part[:-1] if part.endswith("s") and part[:-1] in _PERSON_ROLES else part  # ('des Generalanwalts')
        if not (_is_role(part) or part in _PERSON_ROLES or gazetteer().rank(part, "de") >= 1 and gazetteer().lookup(
                part, "de")) or _PLURAL_ROLE.fullmatch(part):  # (a nationality: 'der Deutsche')
            return False
    return True


def _common_prefix(word: str) -> bool:
    """A hyphenated role whose first part is a common noun of no body ('Distrikt-Gouverneur', 'Provinz-Gouverneur';
    not 'IKG-Präsident', 'PiS-Vorsitzende', 'SPD-Chef'): the role names no one (survey 39)."""
    from .entity_evidence import common_noun

    first = word.split("-", 1)[0]
    return len(first) > 3 and first[1:].islower() and (common_noun(first) or first in _UNIT_NOUNS) \
        and gazetteer().lookup(first, "de") is None


_UNIT_NOUNS = frozenset("Distrikt Provinz Bezirk Kreis Region Gemeinde Kommune Gouvernement Präfektur Kanton".split())


_BODY_COMPOUND = re.compile(r"[A-ZÄÖÜ]\w{2,}(?:sprecher|sprecherin|vertreter|vertreterin|chef|chefin|leiter|leiterin)")
# plural groups and bodies are not a person's role ('Organisatoren', 'Beobachtern')
_PLURAL_ROLE = re.compile(r"\w+(?:en|ern)")


# bodies and things whose names end like a role ('Handelskammer', 'Sicherheitsrat', 'Sekretariat', 'Parlament')
_BODY_TAIL = re.compile(r"(?:kammer|rat|senat|sekretariat|konsulat|rektorat|dekanat|magistrat|parlament|department"
                        r"|management|regiment|center|centre|zentrum|theater|magazin|ausschuss|gremium|kommando"
                        r"|präsidium|gericht|institut|amt|ministerium|komitee|kommission|verband|verein|partei)$")
_COMPLEMENT = frozenset("der des von vom aus in im bei beim am an für".split())


def _role_of_body(phrase: str, names: frozenset[str] = frozenset()) -> bool:
    """One person's role with the body or place it belongs to and no name ('Der Einsatzleiter der Polizei in
    Dortmund', 'dem Korrespondenten al-Jazeeras', 'Ein Jäger aus der Region Halle', 'Parteivorsitzender der
    Bundes-Grünen', 'die Moderatorin eines Lokalsenders'): someone the article does not name, who does not speak for
    the body -- only a spokesperson does ('eine Sprecherin des Bundesverfassungsgerichts'); a group ('den Aktivisten
    von …') is left alone."""
    from .entity_evidence import _is_role

    words = phrase.split()
    k = 1 if words and words[0].lower() in _ROLE_ARTICLES else 0
    while k < len(words) - 1 and k < 3 and words[k][:1].islower() and words[k].lower() not in _COMPLEMENT:
        k += 1  # adjectives ('Der iranische', 'ein örtlicher')
    while k < len(words) - 1 and words[k].endswith("er") and words[k + 1][:1].isupper():
        k += 1  # a place adjective ('des Berliner Verfassungsschutzes', 'der Dortmunder Polizeichef')
    if k >= len(words) - 1 or not words[k][:1].isupper():
        return False
    head, rest = words[k], words[k + 1:]
    part = head.rsplit("-", 1)[-1]
    if re.search(r"sprecher(?:in)?s?$", part, re.I) or not (_is_role(part) or part in _PERSON_ROLES) \
            or part.endswith("in") and not _is_role(part[:-2]) or _BODY_TAIL.search(noun_stem(part)):
        return False  # ('Magazin' is no role's feminine form; 'der Handelskammer von Thessaloniki' is a body)
    if _PLURAL_ROLE.fullmatch(part) and (k == 0 or words[0].lower() in ("den", "die", "der")) \
            or words[0].lower() == "die" and not part.endswith("in"):
        # a group speaks for a body it names ('den Aktivisten von »Its going down«', 'Die Richter des
        # Bundesverwaltungsgerichtes'), not for a thing ('die Unterstützer des Antrags', 'den Organisatoren der Konferenz')
        return bool(rest) and rest[0].lower() in _COMPLEMENT and _common_nouns_only(rest[1:], names)
    # a body after it, or one genitive name ('al-Jazeeras')
    return rest[0].lower() in _COMPLEMENT | {"eines", "einer"} \
        or len(rest) == 1 and rest[0].endswith("s") and bool(re.search(r"[-'’]", rest[0]))


def _common_nouns_only(words: list[str], names: frozenset[str] = frozenset()) -> bool:
    """Articles and dictionary nouns (in any case form), no name: 'des Antrags', 'der Konferenz'; not a word of
    a listed entity's name (`names`, lower case: 'des Bundesverwaltungsgerichtes')."""
    from .entity_evidence import common_noun
    from .entity_vouch import _german_word

    caps = [w.strip("„“»«\"'()") for w in words if w.lower() not in ARTICLES]
    return bool(caps) and len(caps) <= 2 and all(
        w[:1].isupper() and w[1:].islower() and (common_noun(w) or _german_word(w))
        and not {w.lower(), w.lower()[:-1], w.lower()[:-2]} & names for w in caps)


_ROLE_BEFORE_NAME = re.compile(r"(?:^|\s)(?i:der|die|des|dem|den|ein|eine|eines|einer|einem)\s+(?:[a-zäöüß]\w*\s+){0,2}"
                               r"([A-ZÄÖÜ][\w-]*)\s+$")


def role_holder_before(before: str) -> bool:
    """The speaker phrase before a name is an article and a person's role other than a spokesperson ('der Anwältin'
    of 'der Anwältin Rahmani Purs'): with the name in the genitive the role holder speaks, someone the article does not
    name -- not the person whose lawyer, doctor or minister it is ('Der behandelnde Arzt Lahms'; a spokesperson does
    speak for them)."""
    from .entity_de import _descriptor_role
    from .entity_evidence import _is_role

    hit = _ROLE_BEFORE_NAME.search(before)
    if hit is None:
        return False
    part = hit.group(1).rsplit("-", 1)[-1]
    return not re.search(r"sprecher(?:in)?$", part, re.I) and (
        _is_role(part) or part in _PERSON_ROLES or _descriptor_role(part) or part[:-2] in _PERSON_ROLES and part.endswith("in"))
