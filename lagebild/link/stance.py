"""Stance matrix: claim x actor x outlet -> confirm/deny/neither/not_mentioned (issue 7).

1. Claim instances: every sentence with a stance cue (stance_cues.detect_stance) and every quote
   with a stance. The actor is the quote's speaker, else the named entity nearest the cue in the
   sentence (canonical name when entity linking knows it), else the noun phrase next to the cue
   as written ('ein Sprecher des Ministeriums').
2. Claims: instances are linked when their key terms (content lemmas, minus cue, actor and
   reporting words, weighted by rarity within the story) overlap enough; linked instances form
   one claim. A claim becomes a row when at least two articles or two actors take a stance on it.
3. Cells: one per instance (with the exact evidence span and the cue span); an article with no
   cue on the claim but a sentence stating it gets an outlet cell: 'confirm' when stated as
   fact, 'neither' when hedged ('soll', 'angeblich', 'laut'); all other articles of the story
   are 'not_mentioned'.
4. Independent confirmations/denials: cells merged when their articles share a lineage group
   (copies, shared agency text, translation) or their actors are the same.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache

from ..analyse.stance_cues import detect_stance
from ..records import AnalysedArticle, Entity, Quote
from .lineage import independent_count, lineage_groups
from .similarity import lemma, stopwords

LINK_SHARE = 0.35  # weighted share of the smaller instance's key terms that must be shared
MIN_SHARED = 2
MAX_INSTANCES = 600

_WORD = re.compile(r"[^\W\d_][\w-]*|\d+(?:[.,]\d+)*", re.UNICODE)
_REPORTING = {
    "bericht", "berichte", "berichten", "meldung", "angabe", "angaben", "sprecher", "sprecherin", "medienbericht",
    "medienberichte", "erklärung", "mitteilung", "nachfrage", "stellungnahme", "report", "reports", "spokesman",
    "spokeswoman", "spokesperson", "statement", "comment", "rapport", "porte-parole", "sagte", "erklärte", "said",
    "zeitung", "agentur", "nachrichtenagentur", "berichtet", "berichtete", "information", "informationen",
}
_DETERMINER = re.compile(r"^(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|the|a|an|le|la|les|un|une)\b",
                         re.IGNORECASE)
_PRONOUN = {"das", "dies", "dieses", "diesem", "dem", "denen", "es", "er", "sie", "man", "this", "that", "it", "he", "she",
            "they", "cela", "il", "elle", "on"}
_HEDGE = re.compile(r"\b(?:soll(?:en|te|ten)?|angeblich\w*|mutmaßlich\w*|vermutlich|offenbar|laut|zufolge|"
                    r"wahrscheinlich|möglicherweise|Möglichkeit|könnte[n]?|"
                    r"reportedly|allegedly|alleged|according\s+to|likely|possibly|selon|aurait|auraient|"
                    r"probablement)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:–—()\"„“”«»]")
_ANAPHOR = re.compile(r"\b(?:dies|dieses|diesen|diese|dieser|das|dem|es|den\s+Bericht\w*|die\s+Berichte|der\s+Einsatz|"
                      r"this|that|these|it|cela|ceci)\b", re.IGNORECASE)
_COORD = re.compile(r"^\s*(?:und|sowie|and|et|,)\s*$")
_CLAUSE_AFTER = re.compile(r"[,;:–—()]|\.(?=\s|$)")  # quotes may wrap a name inside the phrase
_ADVERBS = re.compile(r"^(?:\s*(?:nun|jetzt|jedoch|allerdings|aber|auch|inzwischen|mittlerweile|bereits|"
                      r"wiederum|deutlich|entschieden|energisch|vehement|now|however|also|cependant|toutefois))+\b",
                      re.IGNORECASE)
# 'Von russischer Seite wurde ... bestritten', 'von Moskau dementiert': the agent of a passive
_PASSIVE_AGENT = re.compile(r"\b[Vv]on\s+((?:[\w-]+\s+){0,4}?)Seite\b|\b(?:[Vv]on|[Vv]om)\s+(?=[A-ZÄÖÜ])")
# 'Dem widerspricht X', 'Dies widerlegt X': X contradicts the previous sentence
_CONTRADICT = re.compile(r"^(?:widersprech|widerspr[ai]ch|widerleg|contradict|contredi)", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:kein\w*|nicht|nie|niemals|no|not|never|aucun\w*|pas|jamais)\b", re.IGNORECASE)


def _sentences(doc: AnalysedArticle) -> list[tuple[int, int]]:
    if doc.sentences:
        return doc.sentences
    from ..analyse.nlp import split_sentences

    return split_sentences(doc.text, doc.article.language)


@lru_cache(maxsize=50_000)
def _place(word: str, lang: str) -> str | None:
    """Country code for a country name or adjective (the gazetteer of the entity linker)."""
    try:
        from .gazetteer import place_code

        return place_code(word, lang)
    except Exception:  # the gazetteer is optional for stance: without it names stay words
        return None


_NORMS: dict[str, str] = {}  # surface -> entity norm ('nordkoreanische' -> 'nordkorea'), per stance_matrix call


def _terms(text: str, lang: str, drop: set[str]) -> set[str]:
    """Content lemmas of a text; entity surface forms are replaced by their norms so that
    'nordkoreanische Soldaten' and 'Soldaten aus Nordkorea' share 'nordkorea'."""
    stop = stopwords(lang) | stopwords("de") | stopwords("en")
    out = set()
    for m in _WORD.finditer(text):
        w = m.group(0)
        low = w.lower()
        if low in stop or low in drop or (len(low) < 4 and not low[0].isdigit()):
            continue
        if low in _NORMS:
            norm = _NORMS[low]
            code = _place(norm, lang)  # an entity norm can itself be a country ('Nordkorea')
            out.add("place:" + code if code else norm)
            continue
        code = _place(low, lang)
        if code:  # 'nordkoreanischer', 'Nordkorea', 'North Korea's' -> one country
            out.add("place:" + code)
            continue
        lem = lemma(w, lang) if not low[0].isdigit() else re.sub(r"[.,]", "", low)
        if lem in _REPORTING or low in _REPORTING or lem in stop:
            continue
        term = _synonym(w, lem)
        # German verbs, adjectives and adverbs are lower-case: they link claims, but a claim is
        # named by its nouns, places and synonym keys (see key terms)
        out.add("v:" + term if lang == "de" and not w[:1].isupper() and not term.startswith("syn:") else term)
        if "-" in w:  # 'Truppen-Training' also says 'Truppen'; 'Kreml-Sprecher' also 'Kreml'
            for part in w.split("-"):
                if len(part) >= 4 and part.lower() not in stop:
                    code = _place(part.lower(), lang)
                    out.add("place:" + code if code else _synonym(part, lemma(part, lang)))
    return out


def _synonym(word: str, lem: str) -> str:
    """Nouns of one general synonym set share a key ('Truppen' ~ 'Soldaten', 'Einsatz' ~
    'Entsendung'): the news lexicon the figures stage uses for topics."""
    from ..analyse.topics import noun_key, synonyms

    if not word[:1].isupper():
        # a verb says what its -ung noun says ('stationiert' ~ 'Stationierung' ~ 'Einsatz')
        if lem.endswith("en") and len(lem) > 5:
            rep = synonyms().get(noun_key(lem[:-2].capitalize() + "ung"))
            if rep:
                return f"syn:{rep}"
        return lem
    key = noun_key(word)
    rep = synonyms().get(key)
    return f"syn:{rep}" if rep else lem


def _actor_phrase(sent: str, cue_s: int, cue_e: int) -> tuple[str, int, int] | None:
    """The noun phrase next to the cue (before it within the clause, else right after it)."""
    before_start = max((m.end() for m in _CLAUSE.finditer(sent, 0, cue_s)), default=0)
    before = sent[before_start:cue_s]
    words = before.split()
    if words and len(words) <= 6 and before.strip().lower() not in _PRONOUN and (
            words[0][0].isupper() or _DETERMINER.match(words[0])):
        s = before_start + (len(before) - len(before.lstrip()))
        e = before_start + len(before.rstrip())
        return sent[s:e], s, e
    m = _CLAUSE_AFTER.search(sent, cue_e)
    after_end = m.start() if m else len(sent)
    after = sent[cue_e:after_end]
    # 'Dem widerspricht nun ein Bericht des „Express“': adverbs may stand between cue and subject
    adv = _ADVERBS.match(after)
    skip = adv.end() if adv else 0
    rest = after[skip:]
    words = rest.split()
    if words and _DETERMINER.match(words[0]):
        words = words[:6]
        s = cue_e + skip + (len(rest) - len(rest.lstrip()))
        e = s + len(" ".join(words))
        if sent[s:e] == " ".join(words):
            phrase = sent[s:e].rstrip(" .")
            return phrase, s, s + len(phrase)
    return None


def _previous_sentence(doc: AnalysedArticle, offset: int) -> tuple[int, int] | None:
    sents = _sentences(doc)
    for k, (s, e) in enumerate(sents):
        if s <= offset < e:
            return sents[k - 1] if k else None
    return None


def _sentence_actor(doc: AnalysedArticle, s: int, e: int, cs: int, ce: int, canon: dict):
    """(actor as written, canonical name, span within the sentence) of a cue sentence.

    German puts the subject first in the clause ('Die USA hatten diese Berichte aus Südkorea
    bestätigt'): the first entity before the cue in its clause wins, extended over coordinations
    ('Moskau und Pjöngjang'); otherwise the determiner phrase next to the cue ('bestätigte ein
    Sprecher des Ministeriums'); otherwise the nearest entity in the sentence."""
    sent = doc.text[s:e]
    clause_start = max((m.end() for m in _CLAUSE.finditer(sent, 0, cs)), default=0)
    ents = sorted((m for m in doc.mentions if s <= m.start and m.end <= e and m.label in ("PER", "ORG", "LOC")
                   and not m.derived), key=lambda m: m.start)
    before = [m for m in ents if clause_start <= m.start - s and m.end - s <= cs]
    if before:
        first = last = before[0]
        for m in before[1:]:
            if _COORD.match(doc.text[last.end:m.start]):
                last = m
            else:
                break
        a, b = first.start - s, last.end - s
        name = canon.get((doc.id, first.start)) or first.norm if first is last else None
        return sent[a:b], name, (a, b)
    agent = _passive_agent(doc, s, e, cs, clause_start)
    if agent:
        return agent
    found = _actor_phrase(sent, cs, ce)
    if found:
        return found[0], None, (found[1], found[2])
    if ents:
        m = min(ents, key=lambda m: abs((m.start - s) - cs))
        return m.text, canon.get((doc.id, m.start)) or m.norm, (m.start - s, m.end - s)
    return None, None, None


def _passive_agent(doc: AnalysedArticle, s: int, e: int, cs: int, clause_start: int):
    """'Von nordkoreanischer und russischer Seite wurde der Einsatz bestritten' -> the countries
    of the adjectives ('Nordkorea und Russland'); 'von Moskau dementiert' -> Moskau. Only in the
    cue's clause, before the cue."""
    sent = doc.text[s:e]
    for m in _PASSIVE_AGENT.finditer(sent, clause_start, cs):
        a = m.start()
        if m.group(1) is not None:  # 'von X Seite'
            b = m.end()
            names = []
            for w in _WORD.finditer(m.group(1)):
                code = _place(w.group(0).lower(), doc.article.language)
                if code:
                    names.append(_place_name(code, doc.article.language))
            name = " und ".join(dict.fromkeys(names)) if names else None
            # the countries also say what the claim is about: their words stay in its terms
            return sent[a:b], name, None
        after = [x for x in doc.mentions if x.start == s + m.end() and x.end - s <= cs and not x.derived
                 and x.label in ("PER", "ORG", "LOC")]
        if after:
            x = after[0]
            return x.text, x.norm, (x.start - s, x.end - s)
    return None


def _place_name(code: str, lang: str) -> str:
    try:
        from .gazetteer import place_name

        return place_name(code, lang)
    except Exception:
        return code


def _contradicts_denial(doc: AnalysedArticle, sent: str, cs: int, ce: int, prev: tuple[int, int] | None) -> bool:
    """'… versicherte, dass er keine Soldaten einsetzen werde. Dem widerspricht ein Bericht …',
    'Die Firma bestreitet das. Anwohner widersprechen: …': contradicting what was said before
    (the anaphor opens the sentence, or the cue stands before a colon) confirms the claim when
    that was a denial (a deny cue or a negated statement in the two sentences before)."""
    if prev is None or not _CONTRADICT.match(sent[cs:ce]):
        return False
    if not (_ANAPHOR.match(sent.lstrip()) or sent[ce:ce + 3].lstrip().startswith(":")):
        return False
    sents = _sentences(doc)
    k = sents.index(prev) if prev in sents else -1
    before = [prev] + ([sents[k - 1]] if k > 0 else [])
    for ps, pe in before:
        ptext = doc.text[ps:pe]
        kinds = {kd for kd, _, _ in detect_stance(ptext)}
        if "deny" in kinds or ("confirm" not in kinds and _NEGATION.search(ptext)):
            return True
    return False


def _quote_stance(doc: AnalysedArticle, q: Quote) -> str:
    """The quote's stance, with a contradicted denial read as a confirmation (see above)."""
    if q.stance != "deny":
        return q.stance
    sents = _sentences(doc)
    for k, (s, e) in enumerate(sents):
        if s <= q.start < e:
            sent = doc.text[s:e]
            for kind, cs, ce in detect_stance(sent):
                if kind == "deny" and _contradicts_denial(doc, sent, cs, ce, sents[k - 1] if k else None):
                    return "confirm"
            break
    return q.stance


class _Instance:
    def __init__(self, doc, stance, start, end, cue, actor, actor_entity, via, terms):
        self.doc = doc
        self.stance = stance
        self.start, self.end = start, end
        self.cue = cue
        self.actor = actor
        self.actor_entity = actor_entity
        self.via = via
        self.terms = terms
        self.own_terms = set(terms)  # before an anaphor's context is added
        self.context: dict | None = None  # the sentence an anaphoric cue sentence refers to

    def cell(self) -> dict:
        art = self.doc.article
        return {
            "actor": self.actor_entity or self.actor, "actor_as_written": self.actor, "outlet": art.outlet or art.id,
            "article_id": art.id, "stance": self.stance, "start": self.start, "end": self.end,
            "text": self.doc.text[self.start:self.end], "cue": self.cue, "via": self.via, "context": self.context,
        }


def _instances(docs: list[AnalysedArticle], quotes: list[Quote], entities: list[Entity]) -> list[_Instance]:
    canon = {(m.article_id, m.start): e.name for e in entities for m in e.mentions}
    by_id = {d.id: d for d in docs}
    out: list[_Instance] = []
    quote_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for q in quotes:
        doc = by_id.get(q.article_id)
        if doc is None or q.stance not in ("confirm", "deny", "neither"):
            continue
        cue = None
        if q.cue_start is not None and q.cue_end is not None:
            cue = {"start": q.cue_start, "end": q.cue_end, "text": doc.text[q.cue_start:q.cue_end]}
        drop = set((q.speaker or "").lower().split()) | set((q.cue or "").lower().split())
        terms = _terms(q.text, doc.article.language, drop)
        context = None
        own = set(terms)
        if len(terms) <= 4 and _ANAPHOR.search(q.text):  # 'der Einsatz wurde bestritten': which one?
            prev = _previous_sentence(doc, q.start)
            if prev:
                terms |= _terms(doc.text[prev[0]:prev[1]], doc.article.language, set())
                context = {"article_id": doc.id, "start": prev[0], "end": prev[1], "text": doc.text[prev[0]:prev[1]]}
        if terms:
            inst = _Instance(doc, _quote_stance(doc, q), q.start, q.end, cue, q.speaker, q.speaker_entity, "quote",
                             terms)
            inst.own_terms = own or set(terms)
            inst.context = context
            out.append(inst)
            quote_spans[doc.id].append((q.start, q.end))
    for doc in docs:
        lang = doc.article.language
        sents = _sentences(doc)
        for k, (s, e) in enumerate(sents):
            sent = doc.text[s:e]
            cues = detect_stance(sent)
            prev = sents[k - 1] if k else None
            if not cues:
                continue
            if any(qs < e and s < qe for qs, qe in quote_spans.get(doc.id, ())):
                continue  # the quote already carries this stance with its speaker
            order = {"neither": 0, "deny": 1, "confirm": 2}
            stance, cs, ce = min(cues, key=lambda c: order[c[0]])
            if stance == "deny" and _contradicts_denial(doc, sent, cs, ce, prev):
                stance = "confirm"  # a denial contradicted
            actor, actor_entity, actor_span = _sentence_actor(doc, s, e, cs, ce, canon)
            drop_text = sent[cs:ce] + " " + (sent[actor_span[0]:actor_span[1]] if actor_span else "")
            terms = _terms(sent, lang, set(drop_text.lower().split()))
            context = None
            own = set(terms)
            if prev is not None and len(terms) <= 4 and _ANAPHOR.search(sent):
                # 'Moskau hat dies dementiert': the claim is in the sentence before
                ps, pe = prev
                terms |= _terms(doc.text[ps:pe], lang, set())
                context = {"article_id": doc.id, "start": ps, "end": pe, "text": doc.text[ps:pe]}
            if terms:
                inst = _Instance(doc, stance, s, e, {"start": s + cs, "end": s + ce, "text": sent[cs:ce]},
                                 actor, actor_entity, "sentence", terms)
                inst.own_terms = own or set(terms)
                inst.context = context
                out.append(inst)
    return out[:MAX_INSTANCES]


def _claim_sentence(members: list[_Instance], central: _Instance, key_terms: set[str], idf: dict):
    """The sentence that states the claim best: most key-term weight, from the instances' own
    sentences or, for anaphoric ones ('Dem widerspricht ...'), the sentence they refer to."""
    best = (central.doc, central.start, central.end)
    best_score = -1.0
    for i in members:
        cands = []
        if i.context:
            cands.append((i.doc, i.context["start"], i.context["end"], i.context["text"]))
        else:
            cands.append((i.doc, i.start, i.end, i.doc.text[i.start:i.end]))
        for doc, a, b, text in cands:
            terms = _terms(text, doc.article.language, set())
            score = sum(idf.get(t, 0.0) for t in terms & key_terms) - 0.01 * len(text) / 100
            if score > best_score:
                best, best_score = (doc, a, b), score
    return best


def _independent(cells: list[dict], groups: dict[str, str]) -> int:
    """Cells of one lineage group or one actor count once."""
    return independent_count([["lin:" + groups.get(c["article_id"], c["article_id"])]
                              + (["act:" + c["actor"].lower()] if c.get("actor") else []) for c in cells])


def stance_matrix(docs: list[AnalysedArticle], quotes: list[Quote], entities: list[Entity]) -> list[dict]:
    """Rows {claim, claim_span, key_terms, cells, independent_confirmations, independent_denials}."""
    _NORMS.clear()
    for d in docs:
        for m in d.mentions:
            if m.norm and " " not in m.text and m.norm.lower() != m.text.lower():
                _NORMS[m.text.lower()] = m.norm.lower()
    inst = _instances(docs, quotes, entities)
    if len(inst) < 2:
        return []
    # rarity weights over all sentences of the story: a term in most of them ('Ukraine' in a
    # Ukraine story) says little about which claim a sentence makes
    sent_terms = {d.id: [((s, e), _terms(d.text[s:e], d.article.language, set())) for s, e in _sentences(d)]
                  for d in docs}
    df = Counter(t for rows_ in sent_terms.values() for _, ts in rows_ for t in ts)
    n_sent = sum(len(v) for v in sent_terms.values())
    idf = {t: math.log((n_sent + 1) / (c + 0.5)) for t, c in df.items()}
    for i in inst:
        for t in i.terms:
            idf.setdefault(t, math.log((n_sent + 1) / 1.5))
    n = len(inst)
    # An anaphor's context sentence ('dies' -> the sentence before) adds terms to match on, but
    # the share is measured against what the cue sentence itself says: a long context sentence
    # must not make its claim harder to link.
    mass = [sum(idf[t] for t in i.own_terms) for i in inst]
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def linked(a_terms: set[str], a_mass: float, b_terms: set[str], b_mass: float) -> float:
        shared = a_terms & b_terms
        # places set the scene of a whole story ('Ukraine', 'Russland'); a claim link needs at
        # least one shared content term besides them
        if len(shared) < MIN_SHARED or all(t.startswith("place:") for t in shared):
            return 0.0
        return sum(idf.get(t, 0.0) for t in shared) / (min(a_mass, b_mass) or 1.0)

    for a in range(n):
        for b in range(a + 1, n):
            if linked(inst[a].terms, mass[a], inst[b].terms, mass[b]) >= LINK_SHARE:
                parent[find(a)] = find(b)
    claims: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        claims[find(i)].append(i)
    groups = lineage_groups(docs)
    rows = []
    for members in claims.values():
        articles = {inst[i].doc.id for i in members}
        actors = {(inst[i].actor_entity or inst[i].actor or "").lower() for i in members} - {""}
        if len(articles) < 2 and len(actors) < 2:
            continue
        central = max(members, key=lambda i: (sum(linked(inst[i].terms, mass[i], inst[j].terms, mass[j])
                                                 for j in members if j != i), -(inst[i].end - inst[i].start)))
        counts = Counter(t for i in members for t in inst[i].terms)  # ties by term, not by set order
        shared_terms = [t for t in sorted(counts, key=lambda t: (-counts[t], t))
                        if sum(t in inst[i].terms for i in members) > 1]
        nouns = [t for t in shared_terms if not t.startswith("v:")]
        key_terms = (nouns if len(nouns) >= MIN_SHARED else shared_terms)[:8] or sorted(inst[central].terms)[:8]
        claim_mass = sum(idf.get(t, 0.0) for t in key_terms)
        cells = [inst[i].cell() for i in sorted(members, key=lambda i: (inst[i].doc.id, inst[i].start))]
        for doc in docs:  # the other articles: stated as fact, hedged, or not mentioned
            if doc.id in articles:
                continue
            cell = _outlet_cell(doc, sent_terms[doc.id], set(key_terms), claim_mass, idf)
            cells.append(cell)
        cdoc, cs_, ce_ = _claim_sentence([inst[i] for i in members], inst[central], set(key_terms), idf)
        rows.append({
            "claim": cdoc.text[cs_:ce_],
            "claim_span": {"article_id": cdoc.id, "start": cs_, "end": ce_, "text": cdoc.text[cs_:ce_]},
            "key_terms": key_terms,
            "cells": cells,
            "counts": dict(Counter(x["stance"] for x in cells)),
            "independent_confirmations": _independent([x for x in cells if x["stance"] == "confirm"], groups),
            "independent_denials": _independent([x for x in cells if x["stance"] == "deny"], groups),
        })
    rows.sort(key=lambda r: (-len([c for c in r["cells"] if c["stance"] != "not_mentioned"]), r["claim"]))
    return rows


def _outlet_cell(doc: AnalysedArticle, sents: list, key_terms: set[str], claim_mass: float,
                 idf: dict[str, float]) -> dict:
    art = doc.article
    best = None
    for (s, e), terms in sents:
        shared = terms & key_terms
        if len(shared) < MIN_SHARED:
            continue
        share = sum(idf.get(t, 0.0) for t in shared) / (claim_mass or 1.0)
        if share >= 0.5 and (best is None or share > best[0]):
            best = (share, s, e)
    if best is None:
        return {"actor": None, "actor_as_written": None, "outlet": art.outlet or art.id, "article_id": art.id,
                "stance": "not_mentioned", "start": None, "end": None, "text": None, "cue": None, "via": None}
    _, s, e = best
    sent = doc.text[s:e]
    hedge = _HEDGE.search(sent)
    return {"actor": art.outlet or art.id, "actor_as_written": None, "outlet": art.outlet or art.id,
            "article_id": art.id, "stance": "neither" if hedge else "confirm", "start": s, "end": e, "text": sent,
            "cue": {"start": s + hedge.start(), "end": s + hedge.end(), "text": hedge.group(0)} if hedge else None,
            "via": "outlet-hedged" if hedge else "outlet-asserted"}
