"""Entities named with and without a descriptor become one (split from canonical.py); a lone surname
the NER typed as a place or organisation joins the one person of the story it names."""
from __future__ import annotations

from collections.abc import Callable

from ..records import Entity
from .entity_evidence import LISTED, _places, confidence


def merge_bare(entities: list[Entity], bare_of: dict[int, str], plain_of: dict[int, int],
               type_group: Callable[[str], str]) -> list[Entity]:
    """'Region Kursk' and 'Kursk', 'Grenzübergang Spielfeld' and 'Spielfeld': one entity, named by the
    name without its descriptor."""
    by_name = {(e.name, type_group(e.type)): e for e in entities}
    dropped: set[int] = set()
    for e in entities:
        target = by_name.get((bare_of.get(id(e), ""), type_group(e.type)))
        if target is None or target is e or id(target) in dropped:
            continue
        _absorb(target, e, plain_of)
        dropped.add(id(e))
    return [e for e in entities if id(e) not in dropped]


def merge_surnames(entities: list[Entity], plain_of: dict[int, int]) -> list[Entity]:
    """'Teixeira' (tagged LOC by the model) and 'Mark Teixeira' (PER): one person, when the story has
    exactly one person with that last name and the lone word is no known place (a place is never
    folded into a person: 'Washington' stays beside 'George Washington'; nor is a company: 'Porsche'
    beside 'Ferdinand Porsche')."""
    persons: dict[str, list[Entity]] = {}
    for e in entities:
        words = e.name.split()
        if e.type == "PER" and len(words) >= 2:
            persons.setdefault(words[-1], []).append(e)
    dropped: set[int] = set()
    for e in entities:
        if e.type != "LOC" or e.place is not None or len(e.name.split()) != 1 or e.name in _places():
            continue  # an organisation keeps its founder's name ('Porsche'); a known place stays a place
        owners = persons.get(e.name, [])
        if len(owners) != 1:
            continue
        _absorb(owners[0], e, plain_of, keep_higher=True)
        dropped.add(id(e))
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
