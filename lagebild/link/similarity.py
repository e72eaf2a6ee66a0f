"""Article features for story clustering: weighted term, entity and number vectors.

Every article becomes one sparse vector with three channels, each L2-normalised and then scaled
so that the dot product of two articles is

    sim = W_TEXT * cos(text) + W_ENT * cos(entities) + W_NUM * cos(numbers)

Because the similarity is a plain dot product, the average-link similarity of an article to a
story is the dot product with the story's *sum* vector divided by its size; the index keeps only
one sum vector per story instead of comparing every pair (that is what keeps clustering linear).

Terms are hashed to ints (crc32, deterministic across runs) so that document frequencies live in
one numpy array instead of a dict holding every word ever seen.

Channels and why:
- text: lemmatised content words (TF-IDF, sublinear tf) - what the story is about;
- entities: names (mention norms when NER ran, otherwise capitalised tokens not opening a
  sentence) - what lets articles in other languages join (names survive translation);
- numbers: normalised figures in the text ('1.500' / '1,500' -> 1500) - casualty counts, ages,
  sums; language-independent too.
"""
from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

# One shipped configuration (tuned once on the ECB+ dev topics, checked on the German dev set).
W_TEXT = 0.4
W_ENT = 0.4
W_NUM = 0.2
HASH_BITS = 22  # 4M buckets: collisions are rare enough to be harmless, the df array is 16 MB
KEY_TERMS = 12  # terms per article that go into the inverted index
# Document frequencies start as if PRIOR_DOCS articles had been seen that share none of the
# content words: a small batch (five articles of one story) then weights its words almost
# evenly instead of calling every shared word 'common', and large batches are barely affected.
PRIOR_DOCS = 200
RENORMALISE = True
# Keeping an article's heaviest terms only (cluster.STORED_TERMS) drops weak shared words that add
# false links, but it also shrinks a long article's channels much more than a short one's, so
# long articles (derStandard reports) linked below the threshold. Each kept channel is scaled
# back up by (full norm / kept norm) ** RENORM_TOP: 0 = plain truncation, 1 = unit channels again;
# 0.7 was best on ECB+ and the German dev set together (training/cluster/sweep.py).
RENORM_TOP = 0.7
# Country codes for names and adjectives ('Nordkorea' = 'nordkoreanische' = KP) were tried as an
# entity key: seeds link more strongly, but ECB+ B-cubed F1 fell from 0.922 to 0.902 (two stories
# of one topic usually share the country), so exact names only.

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,\u202f ]\d{3})+(?:,\d+)?(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
_URLISH = {"http", "https", "www", "com", "html", "htm", "org", "net", "php", "stm", "aspx", "index", "article",
           "news", "story", "de", "uk", "co", "html?site"}
_SENT_END = re.compile(r"[.!?:;\n\"“”„«»]\s*$")


@lru_cache(maxsize=8)
def stopwords(lang: str) -> frozenset[str]:
    """spaCy's stop-word list for a language (empty set for unknown languages).

    de/en/fr are read from lagebild/data/stopwords-*.txt (the same lists): importing
    spacy.lang.fr just for its stop words costs seconds of regex compilation (issue 18)."""
    import importlib
    from pathlib import Path

    shipped = Path(__file__).resolve().parent.parent / "data" / f"stopwords-{lang}.txt"
    if shipped.is_file():
        lines = shipped.read_text(encoding="utf-8").splitlines()
        return frozenset(w for w in lines if w and not w.startswith("#"))
    try:
        mod = importlib.import_module(f"spacy.lang.{lang}.stop_words")
        return frozenset(w.lower() for w in mod.STOP_WORDS)
    except Exception:
        return frozenset()


def _all_stopwords() -> frozenset[str]:
    # Articles in one index come in several languages; a word that is a stop word in any of the
    # supported languages carries no story signal in the others either.
    return stopwords("de") | stopwords("en") | stopwords("fr")


_STOP: frozenset[str] | None = None


def _stop() -> frozenset[str]:
    global _STOP
    if _STOP is None:
        _STOP = _all_stopwords() | _URLISH
    return _STOP


@lru_cache(maxsize=1)
def _lemmatizer():
    from simplemma import Lemmatizer

    return Lemmatizer(cache_max_size=200_000)


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """Lower-cased lemma (simplemma dictionary; otherwise the lower-cased word)."""
    low = word.lower()
    if lang not in ("de", "en", "fr"):
        return low
    try:
        return _lemmatizer().lemmatize(low, lang=lang).lower()
    except Exception:
        return low


def hash_term(term: str) -> int:
    return zlib.crc32(term.encode("utf-8")) & ((1 << HASH_BITS) - 1)


def normalise_number(raw: str, lang: str = "de") -> float | None:
    """'1.500' -> 1500, '3,5' -> 3.5 (de/fr); '1,500' -> 1500, '3.5' -> 3.5 (en)."""
    s = raw.replace("\u202f", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", s):
        # grouped thousands: the separator carries no decimal meaning in either convention
        s = s.replace(".", "").replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+,\d+", s):
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def number_token(value: float) -> str:
    return f"{value:g}"


@dataclass
class Features:
    """Raw (un-weighted) features of one article: term counts per channel."""

    article_id: str
    words: Counter = field(default_factory=Counter)
    entities: Counter = field(default_factory=Counter)
    numbers: Counter = field(default_factory=Counter)
    published: str | None = None
    language: str = "de"
    # display forms of entity keys for the evidence in membership rows: 'tara reid' -> 'Tara Reid'
    surface_of: dict[str, str] = field(default_factory=dict)

    def surface(self) -> dict[int, str]:
        """Hashed entity/number bucket -> display form."""
        out = {hash_term("n:" + t): t for t in self.numbers}
        out.update({hash_term("e:" + k): v for k, v in self.surface_of.items()})
        return out


def extract_features(article_id: str, text: str, title: str | None = None, language: str = "de",
                     published: str | None = None, entity_names: list[str] | None = None,
                     figure_values: list[float] | None = None, terms: TextTerms | None = None) -> Features:
    """Features of one article. `entity_names`/`figure_values` come from the analysis stages when
    they ran; without them names and numbers are read off the text. `terms`: `text_terms` of this
    article's body and language, computed before (with names when `entity_names` is None)."""
    lang = (language or "de")[:2].lower()
    f = Features(article_id=article_id, published=published, language=lang)
    stop = _stop()
    body = f"{title}\n{text}" if title else text
    if terms is None or (entity_names is None and terms[1] is None):
        terms = text_terms(body, lang, names=entity_names is None)
    words, names = terms
    f.words.update(words)  # an empty Counter takes a dict as dict.update does: same counts, same order
    for name in entity_names if entity_names is not None else names:
        # a name, or (language-independent key, display form) from features_of_doc
        key, shown = (name[0], name[1]) if isinstance(name, tuple) else (name.lower().strip(), name)
        if not key or key in stop:
            continue
        f.entities[key] += 1
        if key not in f.surface_of:
            f.surface_of[key] = shown
        parts = key.split()
        if len(parts) > 1 and ":" not in key:  # 'tara reid' also matches a later bare 'Reid'
            f.entities[parts[-1]] += 1
            f.surface_of.setdefault(parts[-1], shown.split()[-1])
    values = list(figure_values or [])
    for m in _NUMBER.finditer(body):
        v = normalise_number(m.group(0), lang)
        if v is not None:
            values.append(v)
    for v in values:
        if v is None or (float(v).is_integer() and 0 <= v <= 10):
            continue  # small counts ('zwei', '3 Tore') are everywhere
        f.numbers[number_token(float(v))] += 1
    return f


TextTerms = tuple[dict, "list[str] | None"]  # (lemma -> count, capitalised words inside sentences or None)


def text_terms(body: str, lang: str, names: bool = True) -> TextTerms:
    """The text part of an article's features: its lemmas without stop words, counted in order of
    first use, and (`names`) the capitalised words that do not open a sentence (names, when the
    analysis found none: in German also nouns; the IDF weighting still lets rare names dominate the
    channel; short ones count: 'EU', 'Li')."""
    stop = _stop()
    found: list[str] | None = [] if names else None
    words: dict[str, int] = {}  # counted here, then into f.words in one step (Counter's += runs Python code)
    for m in _WORD.finditer(body):
        w = m.group(0)
        low = w.lower()
        if low in stop:
            continue
        if names and w[0].isupper():
            start = m.start()
            if start and not _SENT_END.search(body[max(0, start - 3):start]):
                found.append(w)
        if len(low) < 3:
            continue
        lem = lemma(w, lang)
        if lem in stop:
            continue
        words[lem] = words.get(lem, 0) + 1
    return words, found


@lru_cache(maxsize=100_000)
def entity_key(name: str, label: str, lang: str) -> str:
    """A key for a name that survives spelling and translation, so that an English or French
    article can join a German story: the transliteration skeleton ('Wolodymyr Selenskyj', 'Volodymyr
    Zelensky' -> 'volodimir selenski'; 'Pjöngjang' / 'Pyongyang'), the same for every label since
    one name gets different labels in different articles ('Talsperre Grauwasser' LOC here, ORG
    there). In other languages a country name is first replaced by the German name of its
    gazetteer code ('North Korea', 'Corée du Nord' -> 'Nordkorea', what a German article's mention
    - or its demonym's norm - reads). German places keep their own names: country codes for them
    cost 2.6 points on the German dev set."""
    from .translit import skeleton

    if label == "LOC" and lang != "de":
        try:
            from .gazetteer import place_code, place_name

            code = place_code(name, lang)
            if code:
                name = place_name(code, "de")
        except Exception:  # the gazetteer is an enrichment: without it names stay names
            pass
    return skeleton(name) or name.lower().strip()


# Names in English/French text: runs of capitalised words, joined by a few particles
# ('Corée du Nord', 'Bank of England'); the German model's mentions are unreliable there, while
# capitalisation marks names well (unlike German, which capitalises every noun).
_NAME_RUN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[ \t]+(?:(?:du|de|des|d'|of|la|le|al|bin|van|von)[ \t]+)?[A-ZÀ-ÖØ-Þ][\w'’-]*)*")
_LEADING = {"the", "a", "an", "le", "la", "les", "l", "un", "une", "mr", "mrs", "ms", "m", "mme", "dr", "president",
            "président", "minister", "ministre", "selon", "according", "in", "en", "on", "at", "to", "for", "de", "du"}


_CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février", "mars", "avril",
    "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}


def _name_phrases(text: str, lang: str) -> list[tuple[str, str]]:
    """(key, display) for the capitalised name runs of a non-German text."""
    stop = _stop()
    out = []
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        start = m.start()
        # a capital opening a sentence marks nothing: drop a leading word there if it is common
        at_start = not start or bool(_SENT_END.search(text[max(0, start - 3):start]))
        while words and (words[0].lower().strip("'’") in _LEADING or (at_start and words[0].lower() in stop)):
            words = words[1:]
            at_start = False
        if not words:
            continue
        phrase = " ".join(words)
        if phrase.lower() in stop or len(phrase) < 2 or phrase.lower() in _CALENDAR:
            continue
        out.append((entity_key(phrase, "LOC", lang), phrase))  # a country by its German name
    return out


def features_of_doc(doc) -> Features:
    """Features of an AnalysedArticle, using its mentions and figures when present."""
    art = doc.article
    lang = (art.language or "de")[:2].lower()
    if lang == "de":
        names = []
        for m in getattr(doc, "mentions", []):
            if m.label not in ("PER", "ORG", "LOC", "MISC"):
                continue
            name = m.norm or m.text
            names.append((entity_key(name, m.label, lang), name))
    else:
        names = _name_phrases(f"{art.title}\n{art.text}" if art.title else art.text, lang)
    values = [fig.value for fig in getattr(doc, "figures", []) if fig.value is not None]
    return extract_features(art.id, art.text, art.title, art.language, art.published, names or None, values,
                            terms=_kept_terms(doc))


def keep_text_terms(doc) -> None:
    """Compute the text part of `doc`'s features now and keep it with the doc (not in its extras:
    never stored), for `features_of_doc` to use: a worker process does this right after the
    analysis (issue 18: the lemmas were most of the clustering features, computed in the main
    process while the workers waited). The names are kept when the doc has none of its own yet
    (mentions are only ever added later, by the name propagation, so they are never missing); in
    other languages, where the names are phrases read off the text, always."""
    art = doc.article
    lang = (art.language or "de")[:2].lower()
    body = f"{art.title}\n{art.text}" if art.title else art.text
    own = lang == "de" and any(m.label in ("PER", "ORG", "LOC", "MISC") for m in getattr(doc, "mentions", []))
    doc.__dict__["_text_terms"] = ((art.title, art.text, lang), text_terms(body, lang, names=not own))


def _kept_terms(doc) -> TextTerms | None:
    """The terms `keep_text_terms` kept for this doc, if its body and language are still the same."""
    kept = doc.__dict__.get("_text_terms")
    if kept is None:
        return None
    art = doc.article
    return kept[1] if kept[0] == (art.title, art.text, (art.language or "de")[:2].lower()) else None


_PREFIX = ("w:", "e:", "n:")


def hashed(f: Features) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per channel (text, entities, numbers): (bucket array, tf array); computed once per article."""
    cached = getattr(f, "_hashed", None)
    if cached is None:
        cached = []
        for prefix, counts in zip(_PREFIX, (f.words, f.entities, f.numbers)):
            keys = np.fromiter((hash_term(prefix + t) for t in counts), dtype=np.int64, count=len(counts))
            tfs = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            cached.append((keys, tfs))
        f._hashed = cached
    return cached


_WEIGHTS = (W_TEXT, W_ENT, W_NUM)
_CHAN_CODES = np.arange(3, dtype=np.int8)
_NO_TERMS = (np.zeros(0, np.int32), np.zeros(0, np.float32), np.zeros(0, np.int8))


class Vectoriser:
    """Turns Features into weighted sparse vectors, keeping document frequencies.

    Document frequencies grow as articles are added (`observe`); a vector is weighted with the
    frequencies known when it is made, which is what an incremental index can do.
    """

    def __init__(self):
        self.df = np.zeros(1 << HASH_BITS, dtype=np.int32)
        self.n_docs = 0

    def observe(self, f: Features) -> None:
        keys = np.concatenate([k for k, _ in hashed(f)])
        if len(keys):
            self.df[np.unique(keys)] += 1
        self.n_docs += 1

    def arrays(self, f: Features, top: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(buckets sorted, weights, channel 0/1/2) of the article's vector, its `top` heaviest
        terms only when given (each truncated channel then scaled back towards its full norm,
        see RENORM_TOP). Channels are TF-IDF weighted (sublinear tf), L2-normalised and scaled by
        sqrt(channel weight). One article of `arrays_many`."""
        return self.arrays_many([f], top)[0]

    def arrays_many(self, feats: list[Features], top: int | None = None) -> list[tuple[np.ndarray, np.ndarray,
                                                                                       np.ndarray]]:
        """`arrays` of each of several articles, weighted with the same document frequencies (the
        story index weighs a whole batch after observing it), as array operations over the whole
        batch: numpy's per-call overhead, not the arithmetic, was most of the cost of one article's
        vector (issue 18). Per article only what fixes its exact values stays a call of its own:
        each channel's norm (one `np.dot` over that channel's values) and the choice of its `top`
        heaviest terms (one `np.argpartition`, whose order the kept norms are summed in).

        The arrays returned are views of the batch's arrays (each article's own stretch)."""
        seg_keys, seg_tfs, seg_len, seg_scale, seg_chan, n_terms = [], [], [], [], [], []
        for f in feats:
            channels = hashed(f)
            # an article without numbers (or names) spreads the weight over the channels it has,
            # so that it is not capped below articles that have all three
            present = sum(w for (keys, _), w in zip(channels, _WEIGHTS) if len(keys)) if RENORMALISE else 1.0
            total = 0
            for c, ((keys, tfs), weight) in enumerate(zip(channels, _WEIGHTS)):
                if len(keys) and weight > 0:
                    seg_keys.append(keys)
                    seg_tfs.append(tfs)
                    seg_len.append(len(keys))
                    seg_scale.append(math.sqrt(weight / present))
                    seg_chan.append(c)
                    total += len(keys)
            n_terms.append(total)
        if not seg_keys:
            return [_NO_TERMS] * len(feats)
        keys = np.concatenate(seg_keys)
        n = self.n_docs + 1 + PRIOR_DOCS
        idf = np.log((n + 1) / (self.df[keys] + 1.0)) + 1.0
        vals = (1.0 + np.log(np.concatenate(seg_tfs))) * idf
        s = 0
        for scale, e in zip(seg_scale, np.cumsum(seg_len).tolist()):  # each channel L2-normalised
            part = vals[s:e]
            part *= scale / np.sqrt(np.dot(part, part))
            s = e
        chan = _CHAN_CODES[seg_chan].repeat(seg_len)
        art = np.arange(len(feats)).repeat(n_terms)  # the article each term belongs to
        cut = [i for i, k in enumerate(n_terms) if top is not None and k > top]
        if cut:
            # each long article's `top` heaviest terms, in argpartition's order
            starts = np.cumsum([0] + n_terms).tolist()
            sel = np.concatenate([np.argpartition(-vals[a:b], top)[:top] + a if b - a > top else np.arange(a, b)
                                  for a, b in zip(starts, starts[1:])])
            slot = art * 3 + chan  # (article, channel)
            if RENORM_TOP:  # channel norms before truncation
                full = np.bincount(slot, weights=vals * vals, minlength=3 * len(feats))
            keys, vals, chan, art, slot = keys[sel], vals[sel], chan[sel], art[sel], slot[sel]
            if RENORM_TOP:  # a truncated article's channels scaled back towards their full norms
                kept = np.bincount(slot, weights=vals * vals, minlength=3 * len(feats))
                scale = np.sqrt(np.divide(full, kept, out=np.ones(len(full)), where=kept > 0))
                was_cut = np.zeros(len(feats), bool)
                was_cut[cut] = True
                vals = np.where(was_cut[art], vals * (scale[slot] ** RENORM_TOP), vals)
            n_terms = [min(k, top) for k in n_terms]
        # each article's terms sorted by bucket (stable: the order above breaks ties)
        order = np.argsort((art.astype(np.int64) << HASH_BITS) + keys, kind="stable")
        keys, vals, chan, art = keys[order], vals[order], chan[order], art[order]
        keys32, vals32 = keys.astype(np.int32), vals.astype(np.float32)
        bounds = np.cumsum([0] + n_terms).tolist()
        out = [(keys32[a:b], vals32[a:b], chan[a:b]) for a, b in zip(bounds, bounds[1:])]
        for i in set(art[np.flatnonzero((keys[1:] == keys[:-1]) & (art[1:] == art[:-1]))].tolist()):
            # two channels of article i hashed to one bucket (rare): one term, the weights summed
            # (a valid dot operand), the channel of the first
            a, b = bounds[i], bounds[i + 1]
            uk, inv = np.unique(keys[a:b], return_inverse=True)
            first = np.unique(inv, return_index=True)[1]
            merged = np.bincount(inv, weights=vals[a:b], minlength=len(uk))
            out[i] = uk.astype(np.int32), merged.astype(np.float32), chan[a:b][first]
        return out

    def vector(self, f: Features) -> tuple[dict[int, float], dict[str, set[int]]]:
        """(combined vector as a dict, {channel: buckets}) for one article."""
        keys, vals, chan = self.arrays(f)
        names = ("text", "entities", "numbers")
        chans = {name: set(keys[chan == c].tolist()) for c, name in enumerate(names)}
        return dict(zip(keys.tolist(), vals.tolist())), chans


def dot(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def days_between(a: str | None, b: str | None) -> float | None:
    """Absolute distance in days between two ISO dates/datetimes (None when either is unknown)."""
    if not a or not b:
        return None
    da, db = _ordinal(a[:10]), _ordinal(b[:10])
    if da is None or db is None:
        return None
    return abs(da - db)


@lru_cache(maxsize=65536)
def _ordinal(iso: str) -> int | None:
    from datetime import date

    try:
        return date.fromisoformat(iso).toordinal()
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def time_factor(gap_days: float | None) -> float:
    """News stories are bursty: a week apart costs little, months apart almost rules a link out.
    (Cached: the story index asks it for the same few gaps in days ~20 times per article.)"""
    if gap_days is None or gap_days <= 3:
        return 1.0
    return max(0.2, math.exp(-(gap_days - 3) / 30.0))


def language_scale(a: dict[str, int], b: dict[str, int]) -> float:
    """Scale for the link between two groups of articles by language: the text channel can only
    match between articles of one language, so a German story and an English article can reach at
    most the entity + number share of the similarity. With p = the chance that a member pair
    shares its language, the link is divided by the reachable share 1 - W_TEXT * (1 - p):
    monolingual links are unchanged (p = 1), a pair in two languages is scaled by 1 / (1 - W_TEXT)."""
    na, nb = sum(a.values()), sum(b.values())
    if na <= 0 or nb <= 0:
        return 1.0
    p = sum(c * b.get(lang, 0) for lang, c in a.items()) / (na * nb)
    return 1.0 / (1.0 - W_TEXT * (1.0 - min(1.0, max(0.0, p))))

