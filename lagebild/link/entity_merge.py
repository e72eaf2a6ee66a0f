"""Entities named with and without a descriptor become one (split from canonical.py); a lone surname
the NER typed as a place or organisation joins the one person of the story it names."""
from __future__ import annotations

from collections.abc import Callable

from ..records import Entity
from .entity_evidence import LISTED, _places, confidence


def merge_bare(entities: list[Entity], bare_of: dict[int, str], plain_of: dict[int, int],
               type_group: Callable[[str], str]) -> list[Entity]:
    """'Region Kursk' and 'Kursk', 'Grenzübergang Spielfeld' and 'Spielfeld': one entity, named by the
    name without its descriptor; two entities that came out with one name and type ('Wien' and
    'Landesstudio Wien' -> 'Wien') are one, the gazetteer's place first."""
    by_name: dict[tuple[str, str], Entity] = {}
    dropped: set[int] = set()
    for e in sorted(entities, key=lambda e: e.place is None):
        key = (e.name, type_group(e.type))
        if key in by_name:
            _absorb(by_name[key], e, plain_of, keep_higher=True)
            dropped.add(id(e))
        else:
            by_name[key] = e
    for e in entities:
        if id(e) in dropped:
            continue
        target = by_name.get((bare_of.get(id(e), ""), type_group(e.type)))
        if target is None or target is e or id(target) in dropped:
            continue
        _absorb(target, e, plain_of)
        dropped.add(id(e))
    return [e for e in entities if id(e) not in dropped]


_JUNK = 0.3  # the confidence of a name that canonical.py found to be no name


def merge_surnames(entities: list[Entity], plain_of: dict[int, int], lang: str = "de") -> list[Entity]:
    """'Teixeira' (tagged LOC by the model) and 'Mark Teixeira' (PER): one person, when the story has
    exactly one person with that last name and the lone word is no known place (a place is never
    folded into a person: 'Washington' stays beside 'George Washington'; nor is a company in German
    text: 'Porsche' beside 'Ferdinand Porsche'). The German model on English text also types lone
    surnames and first names as organisations or persons of their own ('Teixeira' ORG, 'Tara' LOC,
    'Nichols' PER): there a lone word joins the one person whose last (or else first) name it is.
    A lone surname that two persons of the story share ('Page' beside 'Bettie Page' and 'Jack Page')
    names neither for sure: it is not listed."""
    entities = _compound_surnames(entities, plain_of)
    if lang != "de":
        entities = _org_heads(_same_person(entities, plain_of), plain_of)
    last: dict[str, list[Entity]] = {}
    first: dict[str, list[Entity]] = {}
    for e in entities:
        words = e.name.split()
        if e.type == "PER" and len(words) >= 2 and e.confidence > _JUNK:  # a junk 'person' owns no surname
            last.setdefault(words[-1], []).append(e)
            first.setdefault(words[0], []).append(e)
    kinds = ("LOC",) if lang == "de" else ("LOC", "ORG", "PER", "MISC")
    lone = {e.name: e for e in entities if e.type == "PER" and " " not in e.name}
    dropped: set[int] = set()
    for e in entities:
        if e.type not in kinds or e.place is not None or len(e.name.split()) != 1 or e.name in _places():
            continue  # an organisation keeps its founder's name ('Porsche'); a known place stays a place
        owners = last.get(e.name, [])
        if lang != "de" and e.confidence <= _JUNK:
            continue  # 'Today' beside 'USA Today': a common word, no surname
        if lang != "de" and not owners:  # a first name alone names the one person it opens, when that
            owners = [o for o in first.get(e.name, [])  # person is named more often ('Tara' -> 'Tara Reid',
                      if len(o.mentions) > len(e.mentions)]  # not 'Oscar' -> 'Oscar Maximillian')
        if len(owners) > 1:
            e.confidence = min(e.confidence, LISTED - 0.05)
            e.listed = False
        if not owners and lang != "de" and e.type != "PER" and e.name in lone and id(lone[e.name]) not in dropped:
            # 'Nichols' LOC beside 'Nichols' PER: the same lone word typed twice; the more frequent type wins
            if len(lone[e.name].mentions) >= len(e.mentions):
                owners = [lone[e.name]]
            else:
                _absorb(e, lone[e.name], plain_of, keep_higher=True)
                dropped.add(id(lone[e.name]))
        if len(owners) != 1:
            continue
        _absorb(owners[0], e, plain_of, keep_higher=" " in owners[0].name)
        dropped.add(id(e))
    return [e for e in entities if id(e) not in dropped]


def _org_heads(entities: list[Entity], plain_of: dict[int, int]) -> list[Entity]:
    """English text: a lone word that names the one organisation of the story it opens or whose
    kind it names ('Marfin' -> 'Marfin Bank', 'Society' -> 'Wildlife Society'): one organisation."""
    from .entity_en import _ORG_END

    heads: dict[str, list[Entity]] = {}
    for e in entities:
        words = e.name.split()
        if e.type == "ORG" and len(words) >= 2 and e.confidence > _JUNK and _ORG_END.fullmatch(words[-1]):
            heads.setdefault(words[-1], []).append(e)
            heads.setdefault(words[0], []).append(e)
    dropped: set[int] = set()
    for e in entities:
        owners = heads.get(e.name, []) if " " not in e.name and e.place is None and e.type != "PER" else []
        if len(owners) == 1 and e.name not in _places() and e.confidence > _JUNK:
            _absorb(owners[0], e, plain_of, keep_higher=True)
            dropped.add(id(e))
    return [e for e in entities if id(e) not in dropped]


def _compound_surnames(entities: list[Entity], plain_of: dict[int, int]) -> list[Entity]:
    """'Peña Nieto' and 'Enrique Peña Nieto': a person named by a two-word surname alone (its first word
    is no first name) is the one person of the story whose name ends with it."""
    from .entity_evidence import any_first_name

    persons = [e for e in entities if e.type == "PER" and e.confidence > _JUNK]
    dropped: set[int] = set()
    for e in persons:
        words = e.name.split()
        if len(words) < 2 or any_first_name(words[0]):
            continue
        owners = [o for o in persons if o is not e and len(o.name.split()) > len(words) and o.name.split()[-len(words):] == words]
        if len(owners) == 1 and id(owners[0]) not in dropped:
            _absorb(owners[0], e, plain_of, keep_higher=True)
            dropped.add(id(e))
    return [e for e in entities if id(e) not in dropped]


def _same_person(entities: list[Entity], plain_of: dict[int, int]) -> list[Entity]:
    """Two persons of one name ('Gary Locke' and 'Commerce Secretary Gary Locke', once its title is
    stripped in English text): one person."""
    seen: dict[str, Entity] = {}
    dropped: set[int] = set()
    for e in sorted(entities, key=lambda e: -len(e.mentions)):
        if e.type != "PER" or " " not in e.name or e.confidence <= _JUNK:
            continue
        if e.name in seen:
            _absorb(seen[e.name], e, plain_of, keep_higher=True)
            dropped.add(id(e))
        else:
            seen[e.name] = e
    return [e for e in entities if id(e) not in dropped]


def _absorb(target: Entity, e: Entity, plain_of: dict[int, int], keep_higher: bool = False) -> None:
    """Move e's mentions, aliases, forms and articles into target and re-score target."""
    target.mentions += e.mentions
    target.aliases += [a for a in e.aliases if a not in target.aliases]
    target.forms += [f for f in e.forms if f not in target.forms]
    target.article_ids += [a for a in e.article_ids if a not in target.article_ids]
    for m in e.mentions:
        m.norm = target.name
    plain_of[id(target)] = plain_of.get(id(target), 0) + plain_of.get(id(e), 0)
    conf = confidence(target.name, target.type, target.place, plain_of[id(target)])
    target.confidence = max(target.confidence, conf) if keep_higher else conf
    target.listed = target.confidence >= LISTED
