"""Checks on found quotes before they reach the dossier (issue 15: who said what, right).

1. A speaker is someone who can speak: a person, organisation or place used as an actor (the NER
   mentions say so), a role or group noun (the head-noun list learned from the SpkAtt corpora,
   speaker_nouns.tsv, plus the role-word patterns), a pronoun, or a document source ('Polizeiangaben',
   'einem Bericht der Zeitung': speaker_kind 'document'). Anything else (an abstract noun, an event,
   a sentence adverb, a fragment, an English/French clause opener) is no speaker: the quote keeps its
   message but loses the speaker (and gets a low confidence).
2. 'Kiew und Washington' are two speakers when each conjunct is a speaker on its own (`speakers`).
3. One speech act, one item: a direct quotation inside another quote's message of the same speaker
   (or of none) is part of that quote (form 'mixed'); the inner span is kept as its nested part.
   Quotation marks alone are no speech act: a short or unfinished quoted phrase with no cue and no
   speaker (named or continued from the previous turn) is dropped (scare quotes, titles, names), and so
   is a quoted name inside its own speaker phrase; a whole quoted sentence without either stays, with a
   low confidence.
4. Confidence: the precision of the quote's kind of evidence (form, cue, speaker kind) measured on
   the SpkAtt tuning split (quote_confidence.json, written by training/quotes/fit_confidence.py);
   quotes at or above its threshold are `shown`, the rest are listed as uncertain.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ..records import SpanIndex
from .quotes_intl import PARTY_TAG
from .speakers import DETERMINERS, _ROLE_WORDS

_HERE = Path(__file__).parent
_WORD = re.compile(r"[\w’'-]+", re.UNICODE)
_OBJECT_PRONOUNS = {"ihnen", "ihm", "ihn", "uns", "euch", "mir", "mich", "dir", "dich", "sich", "them", "him", "her"}
_POSSESSIVE_PRONOUNS = {"seiner", "seinem", "seinen", "ihrer", "ihrem", "ihren"}  # 'Ihrer Ansicht (nach)' unresolved
_PRONOUNS = {"er", "sie", "ich", "wir", "he", "she", "they", "we", "i", "il", "elle", "ils", "elles", "nous", "je"}
_DOCUMENT = re.compile(
    r"(?:angaben|bericht|berichte|berichten|berichts|studie|studien|informationen|meldung|meldungen|erklärung|"
    r"erklärungen|mitteilung|mitteilungen|aussage|aussagen|veröffentlichung|resolution|analyse|schreiben|"
    r"einschätzung|einschätzungen|erkenntnisse|erkenntnissen|nachricht|nachrichten|schätzung|schätzungen|umfrage|"
    r"umfragen|ermittlungen|dokument|dokumente|dokumenten|daten|zahlen|prognose|prognosen|recherche|recherchen|"
    r"unterlagen|papier|brief|interview|statement|urteil|gutachten|quellen|kreisen|darstellung|medienberichten|"
    r"feststellungen|ergebnisse|ergebnissen|berechnungen|auswertung|statistik|ankündigung|ankündigungen|behauptung|"
    r"behauptungen|meldung|pressemitteilungen|liste|rangliste|ranking|tabelle|bilanz|protokoll|dossier|akte|akten|"
    r"anklageschrift|beschluss|verordnung|gesetz|gesetzes|vertrag|vertrags|entwurf|anfragebeantwortung|erlass|"
    r"richtlinie|bestimmungen|untersuchung|untersuchungen|forschung|vorwurf|vorwürfe|anschuldigung|anschuldigungen|"
    r"agb|geschäftsbedingungen|nutzungsbedingungen|satzung|verfassung|statuten|statut|regeln|regelwerk|"
    r"meinung|ansicht|auffassung|überzeugung|tenor|index|"
    r"report|reports|statement|statements|figures|data|survey|study|sources|rapport|communiqué|sources|chiffres)$",
    re.I)
# words that open a clause, never a speaker phrase (English/French function words, German adverbs)
_CLAUSE_OPENERS = {
    "and", "but", "if", "when", "while", "because", "as", "so", "then", "though", "although", "since", "after",
    "before", "until", "where", "whether", "an", "a", "there", "it", "this", "that", "these", "those", "what",
    "et", "mais", "si", "quand", "lorsque", "alors", "puis", "donc", "car", "comme", "où", "ce", "cela", "il y",
    "und", "aber", "wenn", "als", "weil", "da", "dann", "so", "doch", "insgesamt", "demnach", "danach", "dabei",
    "zudem", "außerdem", "allerdings", "jedoch", "deshalb", "daher", "somit", "damit", "hier", "dort", "es", "man",
    "wonach", "wie", "was", "warum", "wer", "wo", "womit", "wobei", "worauf", "weshalb", "wieso", "who", "which",
}
_EN_ROLE = re.compile(r"(?:spokes(?:man|woman|person)|minister|president|official|officials|police|chief|"
                      r"director|governor|mayor|prosecutor|lawyer|attorney|expert|experts|analyst|analysts|"
                      r"secretary|ministry|government|army|military|agency|authorities|porte-parole|ministre|"
                      r"président|préfet|préfète|procureur|gouvernement|police|avocat|expert|experts|responsable|"
                      r"maire|armée|autorités|ministère)$", re.I)
# a time expression is never a speaker ('Ende August', 'Am Montag', 'Anfang 2015')
_TIME_WORD = re.compile(
    r"(?:januar|jänner|februar|feber|märz|april|mai|juni|juli|august|september|oktober|november|dezember|montag|dienstag"
    r"|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|montags|sonntags|ende|anfang|mitte|beginn|jahresende"
    r"|jahresbeginn|jahr|jahres|jahren|woche|wochen|wochenende|monat|monats|monaten|tag|tage|tagen|morgen|vormittag"
    r"|mittag|nachmittag|abend|nacht|heute|gestern|vorgestern|frühjahr|frühling|sommer|herbst|winter|ostern|weihnachten"
    r"|january|february|march|june|july|october|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|week|month|year|morning|evening|night|today|yesterday|end|beginning|early|late|\d+\.?)$", re.I)
_COORD = re.compile(r"\s+(?:und|sowie|and|et)\s+")
_PREP = {"aus", "von", "vom", "in", "im", "bei", "für", "mit", "of", "from", "in", "de", "du", "des", "zu", "zur",
         "zum", "an", "am", "auf", "über", "nach", "the"}


@lru_cache(maxsize=1)
def speaker_nouns() -> frozenset[str]:
    """Head nouns of speaker phrases learned from the SpkAtt corpora (training/quotes/derive_speaker_nouns.py)."""
    out = set()
    for line in (_HERE / "speaker_nouns.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out.add(line.split("\t")[0].casefold())
    return frozenset(out)


def _base(word: str) -> str:
    """The head of a compound written with a hyphen ('UN-Generalsekretärs' -> 'Generalsekretärs')."""
    return word.rsplit("-", 1)[-1] if "-" in word.strip("-") else word


@lru_cache(maxsize=65536)
def _noun_is_speaker(word: str) -> bool:
    """A speaker noun of the lexicon, or a compound ending in one (cached: the compound test scans
    the whole lexicon; issue 18)."""
    w = _base(word).casefold().strip("’'")
    forms = {w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith(("es", "ns")) else w}
    nouns = speaker_nouns()
    if forms & nouns or _ROLE_WORDS.match(_base(word)) or _ROLE_WORDS.match(word):
        return True
    # compounds end in a learned head ('Polizeisprecher', 'Landesregierung')
    return any(len(n) >= 5 and f.endswith(n) and len(f) > len(n) for n in nouns for f in forms)


def _known_word(word: str) -> bool:
    from ..link.translit import known_word

    return known_word(word)


_QUOTED_NAME = re.compile(r"[„»«\"“”‚‘][A-ZÄÖÜ0-9][^„»«\"“”]*[“”«»\"‘’]")
_DEMONSTRATIVE = {"dieser", "diese", "dieses", "diesem", "diesen", "jener", "jene", "jenes", "this", "these",
                  "ce", "cette", "ces"}
_NON_SPEAKER_OPEN = {"nach", "aufgrund", "wegen", "trotz", "seit", "bei", "mit", "durch", "in", "im", "auf", "für",
                     "gegen", "ohne", "um", "unter", "vor", "zu", "zur", "zum", "dürfte", "müsse", "wurde", "wird"}


_REFLEXIVE = {"eigenen", "eigener", "eigene", "own", "propres", "propre"}


def _first_chunk(words: list[str], lang: str) -> list[str]:
    """Capitalised words of the phrase before its first genitive article or preposition."""
    out: list[str] = []
    for w in words:
        low = w.casefold()
        if out and (low in DETERMINERS or low in _PREP):
            break
        if w[:1].isupper() or _base(w)[:1].isupper():
            out.append(w)
    return out


def speaker_kind(text: str, span: tuple[int, int], mentions=(), lang: str = "de") -> str | None:
    """'person' | 'organisation' | 'place' | 'role' | 'document' | 'pronoun' | 'unknown' (a noun
    phrase whose head we cannot type; kept, with a lower confidence), or None (no speaker: a
    sentence adverb, a clause opener, a prepositional phrase, a single common word)."""
    s, e = span
    phrase = text[s:e].strip()
    words = _WORD.findall(phrase)
    if not words:
        return None
    low = [w.casefold() for w in words]
    if low[0] in _CLAUSE_OPENERS or (lang == "de" and low[0] in _NON_SPEAKER_OPEN) or (
            len(low) == 1 and low[0] in _OBJECT_PRONOUNS):
        return None  # ('Ihnen zufolge': an object pronoun, never resolved as a speaker here)
    if len(low) == 1 and low[0] in _PRONOUNS or len(low) == 2 and low[0] in _POSSESSIVE_PRONOUNS or (
            lang != "de" and re.sub(r"['’](?:ve|re|ll|d)$", "", phrase).casefold() in _PRONOUNS):
        return "pronoun"  # 'he', "They've argued", 'Seiner Meinung' that no person took up
    if all(_TIME_WORD.fullmatch(w) or w in DETERMINERS or w in _PREP for w in low):
        return None  # 'Ende August', 'am Montag': when, not who
    if lang != "de" and PARTY_TAG.fullmatch(phrase):
        return None  # 'Rep. Edward Markey (D-Mass.) said': the party and state after a name
    if low[0] in _REFLEXIVE or len(low) > 1 and low[1] in _REFLEXIVE and low[0] in DETERMINERS:
        return None  # 'nach eigenen Angaben', 'dem eigenen Aussagen nach': the clause's subject speaks, not a document
    mentions = mentions if isinstance(mentions, SpanIndex) else SpanIndex(mentions)
    inside = [m for m in mentions.overlapping(s, e) if not m.derived]
    # the head of a German phrase comes first: 'Sprecher des Ministeriums' is a role even with an ORG inside
    content = [w for w in words if w.casefold() not in DETERMINERS and (w[:1].isupper() or _base(w)[:1].isupper())]
    head = content[0] if content else ""
    chunk = _first_chunk(words, lang)  # 'Die Thüringer Landesregierung' (before 'des …', 'von …')
    if lang == "de" and len(chunk) > 1 and any(_noun_is_speaker(w) for w in chunk[1:]) and not _noun_is_speaker(head):
        head = next(w for w in chunk[1:] if _noun_is_speaker(w))
    doc_head = head and (_DOCUMENT.search(_base(head)) or chunk[:1] == [head] and len(chunk) == 2
                         and head[1:].islower() and _DOCUMENT.search(_base(chunk[1])))  # 'Solche Forschung'
    if doc_head and not any(m.label == "PER" and m.text != head for m in inside):
        return "document"  # (a PER mention that is just the head noun is a tagging slip: 'Marktprognosen')
    labels = {m.label for m in inside}
    if "PER" in labels:
        return "person"
    if "ORG" in labels:
        return "organisation"
    if head and (_noun_is_speaker(head) or (lang != "de" and _EN_ROLE.search(head.casefold()))):
        return "role"
    if "LOC" in labels:
        return "place"  # a country or city acting ('Kiew', 'die USA')
    if low[0] in _DEMONSTRATIVE:
        return None  # 'Dieser Abschnitt', 'diese Entscheidung': a thing of the text, not a speaker
    if lang != "de" and any(_EN_ROLE.search(w) for w in low):
        return "role"
    if _QUOTED_NAME.search(phrase):
        return "organisation"  # a named medium or group: 'die „Bild“', '„Muslix64“'
    caps = [w for w in words if w[:1].isupper()]
    if (len(words) >= 2 and len(caps) == len(words) and low[0] not in DETERMINERS
            and not (lang == "de" and low[0].endswith(("en", "em", "es")) and _known_word(low[0]))):
        return "person"  # a name the NER model missed ('Andriï Kovalenko'), not 'Bisherigen Feststellungen'

    if len(words) == 1:
        if not _base(words[0])[:1].isupper():
            return None
        named = words[0] in _named_words(mentions)
        return "person" if named or not _known_word(words[0]) else None
    if not head and low[0] not in DETERMINERS and lang == "de":
        return None
    return "unknown"  # 'der 81-Jährige', 'Die Entführer


def _named_words(mentions: SpanIndex) -> set[str]:
    """The words of the article's person and organisation mentions (once per index)."""
    if "named_words" not in mentions.memo:
        mentions.memo["named_words"] = {w for m in mentions if m.label in ("PER", "ORG") for w in m.text.split()}
    return mentions.memo["named_words"]


def split_speakers(text: str, span: tuple[int, int], mentions=(), lang: str = "de") -> list[tuple[int, int]]:
    """Coordinated speakers ('Kiew und Washington', 'Özcan Mutlu und Benedikt Lux') as separate spans;
    one span when a conjunct is no speaker alone or the 'und' sits inside a complement
    ('Geheimdienstinformationen aus der Ukraine und Südkorea')."""
    s, e = span
    phrase = text[s:e]
    parts, pos = [], 0
    for m in _COORD.finditer(phrase):
        parts.append((pos, m.start()))
        pos = m.end()
    if not parts:
        return [span]
    parts.append((pos, len(phrase)))
    if any(w.casefold() in _PREP for w in _WORD.findall(phrase[:parts[-2][1]])):
        return [span]
    spans = [(s + a, s + b) for a, b in parts]
    if all(speaker_kind(text, sp, mentions, lang) not in (None, "unknown") for sp in spans):
        return spans
    return [span]


@lru_cache(maxsize=1)
def confidence_table() -> dict:
    path = _HERE / "quote_confidence.json"
    if not path.exists():
        return {"threshold": 0.5, "prior": 0.5, "buckets": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def evidence_keys(kind: str, has_cue: bool, spk_kind: str | None) -> list[str]:
    """Bucket keys of a quote's evidence, most specific first (the fallback table backs off)."""
    return [f"{kind}|{'cue' if has_cue else 'nocue'}|{spk_kind or 'none'}", f"{kind}|{spk_kind or 'none'}", kind]


def features(text: str, q, f, spk_kind: str | None) -> dict[str, float]:
    """What a quote's attribution rests on, as named features for the confidence model."""
    import math

    feats = {f"kind={f.kind}": 1.0, f"speaker={spk_kind or 'none'}": 1.0, "cue": float(bool(q.cue)),
             "direct": float(q.direct), "bias": 1.0}
    if q.cue:
        feats[f"cue={q.cue.casefold()}"] = 1.0
    n_words = len(_WORD.findall(q.text))
    feats["log_words"] = math.log1p(n_words)
    feats["short"] = float(n_words <= 4)
    if q.speaker_start is not None:
        gap = max(q.speaker_start - q.end, q.start - q.speaker_end, 0)
        feats["log_gap"] = math.log1p(gap)
        feats["speaker_inside"] = float(q.start <= q.speaker_start < q.end)
        feats["log_speaker_words"] = math.log1p(len(_WORD.findall(q.speaker or "")))
    feats["inner_marks"] = float(not q.direct and any(c in q.text for c in "„“”»«\""))
    if q.cue_start is not None:
        feats["cue_before"] = float(q.cue_start < q.start)
    feats["subordinate"] = float(q.text[:5].casefold() in ("dass ", "ob ") or q.text[:4].casefold() == "ob ")
    feats["sentences"] = float(sum(q.text.count(c) for c in ".!?") > 1)
    feats["pronoun_resolved"] = float(q.speaker_pronoun_start is not None)
    return feats


def confidence(kind: str, has_cue: bool, spk_kind: str | None, feats: dict | None = None) -> float:
    import math

    table = confidence_table()
    weights = table.get("weights")
    if weights and feats is not None:  # logistic model fitted on the tuning split
        z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-z))
    for key in evidence_keys(kind, has_cue, spk_kind):
        if key in table["buckets"]:
            return table["buckets"][key]
    return table["prior"]


def threshold() -> float:
    return confidence_table()["threshold"]


def review_quotes(doc, found: list, base: int, mentions: SpanIndex | None = None) -> None:
    """Apply the checks above to doc.quotes[base:] (found[i] is the Found of doc.quotes[base + i]);
    `mentions`: doc.mentions indexed (built here if not given)."""
    text = doc.text
    mentions = mentions if mentions is not None else SpanIndex(doc.mentions)
    lang = (doc.article.language or "de")[:2]
    roles = doc.extras.setdefault("quote_roles", {})
    quotes = doc.quotes[base:]
    for q, f in zip(quotes, found):
        q.form = "direct" if q.direct else "indirect"
        r = roles[q.id]
        r["found_kind"] = f.kind
        src = r.get("source")
        if src and q.speaker_start is not None and tuple(src) != (q.speaker_start, q.speaker_end) \
                and text[src[0]:src[1]].casefold() in _PRONOUNS:
            q.speaker_pronoun_start, q.speaker_pronoun_end = src  # the pronoun stays as evidence
        kind, span = None, None
        if q.speaker_start is not None:
            cut = _addressee_cut(text, q.speaker_start, q.speaker_end)
            if cut != q.speaker_end:  # 'sagte der Schweizer der Gazzetta dello Sport': the paper was told
                if src and tuple(src) == (q.speaker_start, q.speaker_end):
                    r["source"] = (q.speaker_start, cut)
                _respeak(q, text, (q.speaker_start, cut))
            span = (q.speaker_start, q.speaker_end)
            kind = speaker_kind(text, span, mentions, lang)
        if kind in (None, "unknown", "document") and q.cue_start is not None:
            better = _entity_after_cue(doc, q, mentions, message_first=kind is None)  # 'Die Lage beschrieb Hansjörg Blessing: „…“'
            if better is None and kind == "document":
                better = _person_in_clause(doc, q, mentions)  # 'Im Vorausbericht kündigte Minister Huber an, …'
            if better is not None:
                q.attributed_to = [a for a in q.attributed_to if a != q.speaker]
                q.speaker_start, q.speaker_end = better
                q.speaker = text[better[0]:better[1]]
                q.attributed_to.append(q.speaker)
                r["source"] = better
                span, kind = better, "person"
        if kind == "document":  # who stands behind the document: its owner speaks, or nobody we can name
            owner = _document_owner(text, span, mentions, lang)
            r["ownerless"] = owner is None
            if owner is not None:
                span, kind = owner
                _respeak(q, text, span)
        if span is not None and kind is None:  # no one who can speak: drop the speaker, keep the words
            r["rejected_speaker"] = span
            q.attributed_to = [a for a in q.attributed_to if a != q.speaker]
            q.speaker = q.speaker_start = q.speaker_end = None
            r["source"] = None
        elif span is not None:
            parts = split_speakers(text, span, mentions, lang)
            q.speakers = [text[a:b] for a, b in parts]
            if len(parts) > 1:  # the chain keeps the phrase as written ('Kiew und Washington')
                q.speaker = q.speakers[0]
                q.speaker_start, q.speaker_end = parts[0]
        q.speaker_kind = kind
        # the confidence model reads the quote as found, its fronted frame included (as it was fitted)
        as_found = replace(q, start=f.frame_start, text=text[f.frame_start:q.end]) if f.frame_start is not None else q
        r["features"] = feats = features(text, as_found, f, kind)
        q.confidence = round(confidence(f.kind, bool(q.cue), kind, feats), 3)
    _merge_inner(doc, quotes, roles)
    # quotation marks alone are no speech act: no cue and nobody (named or continued) says it
    keep = set(id(q) for q, f in zip(quotes, found) if not getattr(q, "_merged", False)
               and not (q.direct and not q.cue and q.speaker is None and f.kind == "direct" and _not_sentence(q.text))
               and not _inside_speaker(q, roles[q.id]) and not _apposition_only(q.text)
               and not (f.kind == "according" and _frames_another(q, zip(quotes, found))))
    seen: set[tuple] = set()  # 'Danach gefragt sagte X, dass …': two cues, one speech act
    for q in sorted((q for q in quotes if id(q) in keep), key=lambda q: -q.confidence):
        if (q.start, q.end, q.speaker) in seen:
            keep.discard(id(q))
        seen.add((q.start, q.end, q.speaker))
    _drop_teaser_repeats(doc, [q for q in quotes if id(q) in keep], keep)
    doc.quotes[base:] = [q for q in quotes if id(q) in keep]
    cut = threshold()
    index = SpanIndex(doc.quotes[base:])
    framing = {id(q) for q, f in zip(quotes, found) if f.kind == "according" and id(q) in keep
               and any(o is not q and o.speaker_start is not None and q.start <= o.speaker_start and o.speaker_end <= q.end
                       and _head(o.speaker) != _head(q.speaker) for o in index.within(q.start, q.end))}
    for q in doc.quotes[base:]:  # shown: confident, and a speaker we could type
        q.shown = q.confidence >= cut and q.speaker is not None and q.speaker_kind not in (None, "unknown", "pronoun") \
            and not roles[q.id].get("ownerless") and not _quoted_term(text, q) and id(q) not in framing
        # ('Wie die SZ berichtete, soll … laut der HIS-Studie …': the 'laut' claim's message holds another quote with its
        # speaker; that quote is the speech act, the claim only its frame: survey 37; not when both name one source:
        # 'kam laut Süddeutscher Zeitung zu dem Schluss, …, wie die Zeitung schreibt')


def _head(phrase: str | None) -> str:
    """The last word of a speaker phrase ('Zeitung' of 'laut Süddeutscher Zeitung' and of 'wie die Zeitung schreibt')."""
    words = _WORD.findall(phrase or "")
    return words[-1].casefold().removesuffix("s") if words else ""  # ('nach Aussagen Gordons' … 'Michael Gordon')


def _quoted_term(text: str, q) -> bool:
    """One or two quoted words inside a sentence ('es dürfe keine „No-Go-Areas“ geben'): a term, no message
    (survey 34); '„Nein“, sagte er' and 'Er sagte: „Nein“' stay."""
    return q.direct and len(_WORD.findall(q.text)) <= 2 and (
        re.search(r"[a-zäöüß]\s*[„\"»«‚‘“]?\s*$", text[max(0, q.start - 4):q.start]) is not None
        or re.match(r"[“”\"«»‘’]?\s+[a-zäöüß]", text[q.end:q.end + 4]) is not None)  # ('Er sagte, „No-Go-Areas“ dürfe …')


# files kept at an office ('Laut Dokumenten aus der Birthler-Behörde') are no statement of it
_RECORDS_FROM = re.compile(r"(?i:dokument|unterlage|akte|datei)(?:e|en|n|s)?\s+aus\s")
_OWNER_LINK = re.compile(r"\s(?:des|der|von|vom|seitens|by|from|of)\s", re.I)
_SPEAKING = ("person", "organisation", "role", "place")
# heads of the names of public bodies ('Familienministeriums', 'Bundesamt'), which speak through documents
_BODY = re.compile(r"(?:ministerium|ministeriums|amt|amts|amtes|behörde|institut|instituts|kommission|gericht|"
                   r"gerichts|verband|verbands|agentur|rat|rats|ministry|office|agency|commission|court)$", re.I)


# a medium after a speaker, in the dative or read as a genitive: the one who was told, not who speaks
_TOLD = re.compile(
    r"\s(?:der|dem)\s+(?=(?:[a-zäöü][\w-]*(?:e|en|er)\s+)?(?:[A-ZÄÖÜ][\w-]*\s+){0,2}(?:[\w-]*(?:[Zz]eitung|[Aa]gentur|[Mm]agazin|[Ss]ender|[Bb]latt|"
    r"Allgemeinen|Rundschau|Nachrichten|Tagblatt|Anzeiger|Morgenpost|Abendblatt)|Gazzetta|Gazeta|Gazette|"
    r"APA|dpa|AFP|Reuters|SDA|KNA|ORF|ZDF|ARD|BBC|CNN|Bild|Kurier|Presse|Krone|Standard|STANDARD|Spiegel|Welt|"
    r"New York Times|Washington Post|Financial Times|Guardian|Times|Zeit|Tagesspiegel)\b)")
# people of a medium: 'ein Sprecher der APA', 'der Chefredakteur der Zeitung' belong to it
_OF_MEDIUM = re.compile(r"(?:sprecher|sprecherin|chef|chefin|leiter|leiterin|redakteur|redakteurin|herausgeber|"
                        r"herausgeberin|mitarbeiter|mitarbeiterin|korrespondent|korrespondentin|reporter|reporterin|"
                        r"journalist|journalistin|direktor|direktorin|intendant|intendantin|autor|autorin|"
                        r"kolumnist|kolumnistin|moderator|moderatorin|geschäftsführer|geschäftsführerin)$", re.I)


def _respeak(q, text: str, span: tuple[int, int]) -> None:
    """The quote's speaker becomes text[span], in its attribution chain too (where the old speaker stood)."""
    new = text[span[0]:span[1]]
    q.attributed_to = [new if a == q.speaker else a for a in q.attributed_to]
    (q.speaker_start, q.speaker_end), q.speaker = span, new


_PERSON_TOLD = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß]+) [A-ZÄÖÜ][\w-]+(\s(?:der|dem)\s+)([A-ZÄÖÜ][a-zäöüß]+)\s+[A-ZÄÖÜ]")


def _first_name(word: str) -> bool:
    from ..link.entity_evidence import any_first_name

    return any_first_name(word)


def _addressee_cut(text: str, start: int, end: int) -> int:
    """Where a speaker phrase ends before the medium it spoke to ('einer Augenzeugin der APA',
    'der Schweizer der Gazzetta'); `end` when it names none or the speaker works for it."""
    m = _TOLD.search(text, start, end)
    if m is None:
        person = _PERSON_TOLD.search(text, start, end)  # 'schrieb Joe South der Linn Anderson': a person told
        return person.start(2) if person and _first_name(person.group(1)) and _first_name(person.group(3)) else end
    if m.start() == start:
        return end
    before = _WORD.findall(text[start:m.start()])
    if not before or _OF_MEDIUM.search(before[-1]) or before[-1].casefold() in DETERMINERS:
        return end
    return m.start()


def _can_speak(word: str) -> bool:
    return _noun_is_speaker(word) or bool(_BODY.search(word))


def _document_owner(text: str, span: tuple[int, int], mentions: SpanIndex, lang: str):
    """((start, end), kind) of whoever stands behind a document-noun speaker: a genitive or 'von' phrase
    after the noun ('einer Prognose des Familienministeriums'), a name inside the phrase ('a Pentagon
    report'), or the name before the hyphen of a compound ('DNA-Schätzungen'); None when the phrase names
    nobody ('laut Ankündigung', 'das abschließende Statement'): a reader learns nothing from it."""
    s, e = span
    phrase = text[s:e]
    heads = [m for m in _WORD.finditer(phrase) if _DOCUMENT.search(_base(m.group()))]
    if not heads:
        return None
    after = heads[0].end()
    if _RECORDS_FROM.match(phrase, heads[0].start()):
        return None  # 'Laut Dokumenten aus der Birthler-Behörde': files kept there, not what the office says (survey 37)
    link = _OWNER_LINK.search(phrase, after - 1)
    if link is not None:
        own = (s + link.start() + 1, e)
        kind = speaker_kind(text, own, mentions, lang)
        if kind in _SPEAKING:
            return own, kind
        if kind == "unknown" and _BODY.search(text[own[0]:own[1]].split()[-1]):
            return own, "organisation"  # 'des Familienministeriums'

    named = [m for m in mentions.overlapping(s, e) if not m.derived and m.label in ("PER", "ORG", "LOC")
             and not (m.start <= s + heads[0].start() < m.end)]
    if named:
        m = named[-1]
        return (m.start, m.end), {"PER": "person", "ORG": "organisation"}.get(m.label, "place")
    word, start = heads[0].group(), s + heads[0].start()
    if "-" in word:
        prefix = word.rsplit("-", 1)[0]
        if prefix.isupper() and len(prefix) >= 2 and "-" not in prefix:
            return (start, start + len(prefix)), "organisation"  # 'DNA-Schätzungen', 'UN-Angaben'
        return None
    tail = _DOCUMENT.search(word.casefold())
    prefix = word[:tail.start()] if tail else ""
    for part in (prefix[:-1] if prefix.endswith("s") else "", prefix):
        if len(part) >= 4 and _can_speak(part.capitalize()):
            return (start, start + len(part)), "role"  # 'Polizeiangaben', 'Regierungsangaben', 'Zeugenaussagen'
    return None


def _drop_teaser_repeats(doc, quotes: list, keep: set) -> None:
    """A claim in the article's first sentence (the teaser of a news text) that the body repeats with the
    same speaker is shown once, from the body ('Laut Rotem Kreuz 32 Menschen ums Leben gekommen' above
    'Laut Rotem Kreuz starben 32 Menschen, 80 weitere wurden verletzt')."""
    if not doc.sentences:
        return
    first_end = doc.sentences[0][1]
    body = [((o.speaker or "").casefold(), set(_WORD.findall(o.text.casefold()))) for o in quotes if o.start >= first_end]
    for q in quotes:
        if q.start >= first_end or q.speaker is None:
            continue
        words = set(_WORD.findall(q.text.casefold()))
        if words and any(spk == q.speaker.casefold() and 2 * len(words & also) >= len(words) for spk, also in body):
            keep.discard(id(q))


def _entity_after_cue(doc, q, mentions: SpanIndex, message_first: bool = False) -> tuple[int, int] | None:
    """A person named between the cue and a message that follows it: the subject after a fronted
    object ('Die Lage der Athleten beschrieb Hansjörg Blessing …: „…“')."""
    if q.cue_end is None:
        return None
    if message_first and q.end <= q.cue_start:  # no speaker before: '„…“, sagte Ende August die Ministerin Eva Huber'
        stop = re.search(r"[.;:!?„“\"»«]", doc.text[q.cue_end:q.cue_end + 80])
        limit = q.cue_end + (stop.start() if stop else 80)
    elif q.start <= q.cue_end:
        return None
    else:
        limit = q.start
    people = [m for m in mentions.within(q.cue_end, limit) if m.label == "PER" and not m.derived
              and not all(_TIME_WORD.fullmatch(w.casefold()) for w in _WORD.findall(m.text))]  # 'said Thursday that'
    gap = doc.text[q.cue_end:people[0].start] if people else ""
    if not people or len(gap) > 40 or any(c in gap for c in ".;:!?"):
        return None
    return people[0].start, people[0].end


def _person_in_clause(doc, q, mentions: SpanIndex) -> tuple[int, int] | None:
    """A person named between a document-noun speaker and its cue in one clause: the person speaks, the
    document only carries it. Not for 'laut …' / '… zufolge' sources, whose clause names others too."""
    if q.speaker_end is None or q.cue_start is None or q.cue_start <= q.speaker_end:
        return None
    lead = doc.text[max(0, q.speaker_start - 20):q.speaker_start].casefold()
    if re.search(r"\b(?:laut|nach|gemäß|according to|selon)\s+(?:\w+\s+)?$", lead) or \
            doc.text[q.speaker_end:q.speaker_end + 10].lstrip().casefold().startswith("zufolge"):
        return None
    gap = doc.text[q.speaker_end:q.cue_start]
    if any(c in gap for c in ".;:!?") or len(gap) > 80:
        return None
    people = [m for m in mentions.within(q.speaker_end, q.cue_start) if m.label == "PER" and not m.derived
              and not (q.start <= m.start < q.end)]
    return (people[-1].start, people[-1].end) if len(people) == 1 else None


def _apposition_only(message: str) -> bool:
    """A 'message' that is only a noun phrase describing someone ('Koordinator bei der Amadeu Antonio
    Stiftung aus Berlin'): a role noun first and no word that could be a verb."""
    words = _WORD.findall(message)
    from ..link.gazetteer import ROLE_SUFFIX, noun_stem

    if not words or len(words) > 12 or not (_noun_is_speaker(words[0]) or (
            words[0][:1].isupper() and ROLE_SUFFIX.search(noun_stem(words[0])))):
        return False
    return all(w[:1].isupper() or w.casefold() in DETERMINERS or w.casefold() in _PREP
               or w.casefold() in {"und", "sowie", "and", "et"} for w in words[1:])


def _inside_speaker(q, r: dict) -> bool:
    """A quoted name inside its own speaker phrase ('das „Space Telescope Science Institute“ teilte mit')."""
    spans = [(q.speaker_start, q.speaker_end), tuple(r.get("source") or (None, None))]
    return q.direct and any(a is not None and a <= q.start and q.end <= b for a, b in spans)


def _frames_another(q, pairs) -> bool:
    """A 'laut'/'nach' claim whose cue stands inside another quote's message, while the claim's message holds that
    quote's cue and its whole message ('…
    erklärte …, Mohammed el-Baradei, Nordkorea besitze seiner Meinung nach vier bis sechs Atomwaffen': 'seiner
    Meinung nach' is inside the speech the verb reports): the claim's span is the frame, the verb's quote is
    the speech act (survey 29). Only when the verb comes first and for the same speaker: 'Laut Polizei sagte der
    Mann, …' is a chain of two, 'Nach Aussagen von X …, wie er erklärt: „…“' a claim and its quote."""
    return any(o is not q and f.kind != "according" and o.cue_start not in (None, q.cue_start)
               and q.start <= o.cue_start < q.end and q.start <= o.start and o.end <= q.end
               and o.cue_start < o.start <= q.cue_start < o.end and q.speaker is not None
               and (o.speaker == q.speaker or q.speaker_pronoun_start is not None)
               for o, f in pairs)


def _not_sentence(text: str) -> bool:
    """A short or unfinished phrase ('mehrere tausend', a title), not a whole quoted sentence."""
    return len(_WORD.findall(text)) <= 4 or not text.rstrip("“”\"»«’ ").endswith((".", "!", "?", "…"))


def _merge_inner(doc, quotes: list, roles: dict) -> None:
    """A direct quotation inside another quote's message, with the same speaker or none, joins that quote."""
    index = SpanIndex(quotes)
    for q in quotes:
        if not q.direct:
            continue
        # only quotes starting near q can hold it (a look-up, not a scan of every quote; issue 18)
        near = index.starting_in(q.start - index.longest, q.start + 1)
        outer = [p for p in near if p is not q and not getattr(p, "_merged", False) and p.start <= q.start
                 and q.end <= p.end and (p.end - p.start) > (q.end - q.start)
                 and (q.speaker is None or p.speaker is None or q.speaker == p.speaker)]
        if not outer:
            continue
        p = min(outer, key=lambda p: p.end - p.start)
        q._merged = True
        if not p.direct:
            p.form = "mixed"
        if p.speaker is None and q.speaker is not None:
            p.speaker, p.speaker_start, p.speaker_end = q.speaker, q.speaker_start, q.speaker_end
            p.speakers, p.speaker_kind, p.attributed_to = q.speakers, q.speaker_kind, q.attributed_to
        p.confidence = max(p.confidence, q.confidence)
        roles[p.id].setdefault("nested", []).append(roles[q.id])
