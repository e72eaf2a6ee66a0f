"""Document-level post-processing of NER mentions (issue 4), run at the end of find_entities.

The model tags one sentence at a time, so inside one article the same name can be found once and
missed four times, or be PER in one sentence and ORG in the next. A reader trusts a dossier only if
'Elmsfeld' is Elmsfeld everywhere. This pass, linear in the article length, does:

0. a one-token *part span that is a hyphenated name of capitalised parts whose last part is no
   common noun ('Kamp-Lintfort', 'Garmisch-Partenkirchen') is the name itself (LOCpart -> LOC).
1. junk filter (also applied per sentence in `entities.tag`, so `lagebild eval ner` measures it):
   drop one-token mentions that are German function words (spaCy's German stop words: 'Seiner',
   'Dabei') or common nouns by the evidence of the labelled training pool: capitalised tokens seen
   >= 3 times sentence-internally outside any entity and <= 5% of the time inside one ('Truppen',
   'Konflikt', 'Regierung'). Place names from the model's gazetteer are never dropped.
2. person fix (also per sentence): a 2-3 token span whose first token is a first name
   (first token of multi-token PER spans in the training pool, >= 3 times, >= 4x more often than as
   the first token of other spans: 'Lloyd Austin') is PER.
3. label consistency: every mention of one surface form (genitive -s folded) gets the majority
   label of that form in the article (ties: the label of the longest-span / first mention wins).
4. propagation: every other word-bounded occurrence (also with genitive -s) of a multi-token name,
   or of a capitalised one-token name that passed the filter, becomes a mention with that label;
   the surname of a multi-token person ('Olaf Scholz' -> 'Scholz') is propagated as PER, the name
   inside 'institution word + name' ('Feuerwehr Elmsfeld' -> 'Elmsfeld') as LOC.

The lexicon (lagebild/analyse/ner_lexicon.tsv) is derived from the training corpora by
`python -m lagebild.analyse.ner_doc build-lexicon` (GermEval hold-out excluded).
"""
from __future__ import annotations

import bisect
import re
import sys
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from ..records import AnalysedArticle, Mention

LEXICON = Path(__file__).resolve().parent / "ner_lexicon.tsv"
# sources of newspaper/encyclopaedic German for the lexicon (historical OCR sources left out)
LEXICON_SOURCES = ("germeval2014", "wikiann-de", "wikineural-de", "europarl-de", "mobie", "smartdata")
_SENT_PUNCT = {".", ":", "!", "?", '"', "„", "“", "-", "–", "»", "«"}


@lru_cache(maxsize=2)
def lexicon(path: str = str(LEXICON)) -> tuple[frozenset[str], frozenset[str]]:
    """(common nouns, first names); empty sets when the file is missing (filter then inactive)."""
    nouns, first, _ = _read_lexicon(path)
    return nouns, first


@lru_cache(maxsize=2)
def _read_lexicon(path: str):
    nouns, first, words = set(), set(), set()
    p = Path(path)
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            word, _, kind = line.partition("\t")
            {"N": nouns, "F": first, "W": words}.get(kind, set()).add(word)
    return frozenset(nouns), frozenset(first), frozenset(words | nouns)


def common_word(word: str) -> bool:
    """Mostly a common noun in the training pool (>= 5 sentence-internal uses outside entities,
    at least as many as inside): 'Feuerwehr', 'Energie', 'Partei'. Looser than the junk lexicon:
    used only to read the structure of multi-token names, never to drop a mention."""
    return word in _read_lexicon(str(LEXICON))[2]


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def is_junk(text: str, label: str, derived: bool, places: frozenset[str] = frozenset()) -> bool:
    """One-token mention that is a function word or a common noun (see module docstring)."""
    if " " in text or text in places:
        return False
    if text.lower() in _stop_words():
        return True  # also for *deriv: 'Seiner' is no adjective of the river Seine
    if "-" in text:
        # 'Truppen-Training' ORGpart: a compound of two common nouns names nothing
        head = text.split("-", 1)[0]
        return derived and head[1:].islower() and head in lexicon()[0]
    if derived:
        return False
    # common nouns: only for PER/ORG/LOC and Title-case words; GermEval's MISC covers currencies
    # and indices ('Dollar', 'MDax') that also occur as plain nouns
    if label not in ("PER", "ORG", "LOC") or not (text[:1].isupper() and text[1:].islower()):
        return False
    nouns, _ = lexicon()
    return text in nouns


def person_label(tokens: list[str], label: str) -> str:
    """'Lloyd Austin' ORG -> PER: 2-3 capitalised tokens starting with a known first name.
    'Hydra Energie' PER -> ORG: a 'person' ending in a common noun without any first name."""
    if label.endswith(("deriv", "part")) or not 2 <= len(tokens) <= 3:
        return label
    _, first = lexicon()
    if label == "PER":
        if common_word(tokens[-1]) and not any(t in first for t in tokens):
            return "ORG"
        return label
    if tokens[0] in first and all(t[:1].isupper() for t in tokens[1:]):
        return "PER"
    return label


def _role_head(head: str, first: frozenset[str]) -> bool:
    """The head of a hyphenated title ('Despot' in 'Kreml-Despot'): a common German noun, not a
    first name ('Hans-Peter')."""
    from ..link.translit import known_word

    return head.isalpha() and head[:1].isupper() and head not in first and (common_word(head) or known_word(head))


def title_prefix(tokens: list[str]) -> int:
    """Number of leading job-title tokens in a PER span ('Einsatzleiter Markus Feldhofer' -> 1):
    a common noun, or a long Title-case word (German titles are compounds: 'Sportdirektor',
    'Olympiasieger') right before a known first name. Short unknown words before a first name are
    kept: they are usually foreign first names ('Wilton Daniel Gregory', 'Stanley Bruce').
    GermEval never includes titles in PER spans, and the linker needs the bare name."""
    _, first = lexicon()
    k = 0
    while len(tokens) - k >= 2 and tokens[k] not in first and (
            tokens[k].isalpha() and (common_word(tokens[k])
                                     or (len(tokens[k]) >= 8 and tokens[k][1:].islower() and tokens[k + 1] in first))
            # 'Kreml-Despot', 'Pentagon-Sprecher', 'CDU-Chef': a compound whose head is a common noun
            or ("-" in tokens[k] and _role_head(tokens[k].rsplit("-", 1)[1], first) and tokens[k + 1][:1].isupper())):
        k += 1
    return k


def hyphenated_name(text: str) -> bool:
    """'Kamp-Lintfort', 'Garmisch-Partenkirchen', 'West-Papua': every part capitalised and the last no
    common noun of the lexicon ('US-Regierung', 'Kreml-Chef' contain a name, they are none)."""
    parts = text.split("-")
    if len(parts) < 2 or not all(p[:1].isupper() and p[1:2].islower() and p.isalpha() for p in parts):
        return False
    nouns, _ = lexicon()
    return not (common_word(parts[-1]) or parts[-1] in nouns)


def fix_sentence(sdoc, places: frozenset[str] = frozenset()):
    """Sentence-level part of the pass on a spaCy Doc: junk filter + person fix."""
    from spacy.tokens import Span

    from .entities import split_label

    ents, changed = [], False
    for e in sdoc.ents:
        base, derived = split_label(e.label_)
        if len(e) == 1 and is_junk(e.text, base, derived, places):
            changed = True
            continue
        if derived and e.label_.endswith("part") and len(e) == 1 and hyphenated_name(e.text):
            e, changed = Span(sdoc, e.start, e.end, label=base), True  # 'Kamp-Lintfort' is a name, not a part
        words = [t.text for t in e]
        cut = title_prefix(words) if e.label_ == "PER" else 0
        new = person_label(words[cut:], e.label_)
        if e.label_ == "PER" and new == "ORG" and len(words) - cut == 2:
            place = words[cut][:-1] if words[cut].endswith("s") else words[cut]
            if place in places or words[cut] in places:
                # 'Nordkoreas Machthaber': a place in the genitive + a role noun, not a name
                ents.append(Span(sdoc, e.start + cut, e.start + cut + 1, label="LOC"))
                changed = True
                continue
        if new != e.label_ or cut:
            e, changed = Span(sdoc, e.start + cut, e.end, label=new), True
        ents.append(e)
    # 'Pentagon-Sprecher Pat Ryder' with only the compound found: a role word, then a known first
    # name and a capitalised word that is no German word, outside every span, is a person
    taken = {i for e in ents for i in range(e.start, e.end)}
    _, first = lexicon()
    toks = [t.text for t in sdoc]
    for i in range(1, len(toks) - 1):
        a, b, role = toks[i], toks[i + 1], toks[i - 1]
        if a not in first or not a[:1].isupper() or i in taken or i + 1 in taken or (i + 2 < len(toks) and i + 2 in taken):
            continue
        if not (b[:1].isupper() and b[1:].islower() and b.isalpha()) or common_word(b) or b in first:
            continue
        head = role.rsplit("-", 1)[-1]
        if not (head.isalpha() and head[:1].isupper() and (common_word(head) or _role_head(head, first))):
            continue
        from ..link.translit import known_word

        if known_word(b):
            continue
        ents.append(Span(sdoc, i, i + 2, label="PER"))
        taken |= {i, i + 1}
        changed = True
    if changed:
        sdoc.ents = sorted(ents, key=lambda e: e.start)
    return sdoc



def _form(text: str, known: set[str] | dict) -> str:
    """Fold a genitive -s onto the base form when the base form is itself a known surface form."""
    if text.endswith("s") and text[:-1] in known:
        return text[:-1]
    return text


def _majority(mentions: list[Mention]) -> dict[str, str]:
    """Surface form -> majority label (non-derived mentions only)."""
    forms = {m.text for m in mentions if not m.derived}
    votes: dict[str, Counter] = defaultdict(Counter)
    first: dict[str, str] = {}
    for m in mentions:
        if m.derived:
            continue
        f = _form(m.text, forms)
        votes[f][m.label] += 1
        first.setdefault(f, m.label)
    out = {}
    for f, c in votes.items():
        (lab, n), *rest = c.most_common()
        # a tie keeps the first mention's label (the model usually sees the fullest context first)
        out[f] = first[f] if rest and rest[0][1] == n else lab
    return out


def _lower_words(text: str) -> set[str]:
    return set(re.findall(r"\b[a-zäöüß][\wäöüß]*", text))


_WORD_RUN = re.compile(r"\w+")
_WORD_OR_HYPHEN = re.compile(r"[\w\-]")


def target_hits(text: str, targets) -> list[tuple[int, int, str, bool]]:
    r"""(start, end, target, genitive -s) of what finditer(r"(?<![\w\-])(ALT)(s)?(?![\w\-])") finds,
    ALT the targets longest first ('Olaf Scholz' wins over 'Scholz'). The alternation is not tried at
    every position: a target can only start where a word of the text starts that equals the target's
    first word (or is the target plus 's'), so the candidates come from a dict (issue 18: one regex
    alternation of every name over the whole text grew with names x length)."""
    order = sorted(targets, key=len, reverse=True)
    if not all(_WORD_RUN.match(t) for t in order):  # a target not starting with a word character
        pat = re.compile(r"(?<![\w\-])(" + "|".join(re.escape(t) for t in order) + r")(s)?(?![\w\-])")
        return [(h.start(), h.end(), h.group(1), bool(h.group(2))) for h in pat.finditer(text)]
    rank = {t: i for i, t in enumerate(order)}
    by_word: dict[str, list[str]] = defaultdict(list)
    for t in order:
        by_word[_WORD_RUN.match(t).group()].append(t)
    out: list[tuple[int, int, str, bool]] = []
    pos = 0
    for w in _WORD_RUN.finditer(text):
        p, word = w.start(), w.group()
        if p < pos or (p and text[p - 1] == "-"):
            continue
        cands = by_word.get(word, [])
        if word.endswith("s"):  # a one-word target with a genitive -s
            cands = cands + [t for t in by_word.get(word[:-1], ()) if len(t) == len(word) - 1]
        for t in sorted(cands, key=rank.__getitem__):
            if not text.startswith(t, p):
                continue
            q = p + len(t)
            if text.startswith("s", q) and not _WORD_OR_HYPHEN.match(text, q + 1):
                out.append((p, q + 1, t, True))
            elif not _WORD_OR_HYPHEN.match(text, q):
                out.append((p, q, t, False))
            else:
                continue
            pos = out[-1][1]
            break
    return out


def document_pass(doc: AnalysedArticle, places: frozenset[str] = frozenset()) -> dict:
    """Label consistency + propagation over doc.mentions (in place). Returns counts for the record."""
    text = doc.text
    ms = [m for m in doc.mentions if not is_junk(m.text, m.label, m.derived, places)]
    dropped = len(doc.mentions) - len(ms)
    major = _majority(ms)
    # 'Karin Ostwald' (PER) ... 'Ostwald' (LOC): a surname of a full person name in the same
    # article is that person; news style names a person in full once, then by surname
    for m in ms:
        if m.label == "PER" and not m.derived and " " in m.text:
            last = m.text.rsplit(" ", 1)[1]
            if last in major and last[:1].isupper():
                major[last] = "PER"
    forms_all = set(major)
    relabelled = 0
    for m in ms:
        if m.derived:
            continue
        want = major.get(_form(m.text, forms_all))
        if want and want != m.label:
            m.label, relabelled = want, relabelled + 1
    # names to propagate: form -> label; surnames of full person names as PER
    targets: dict[str, str] = {}
    lower = _lower_words(text)
    for m in ms:
        if m.derived or not m.text[:1].isupper() or len(m.text) < 3:
            continue
        f = _form(m.text, forms_all)
        if " " in f or f.lower() not in lower:
            targets.setdefault(f, major.get(f, m.label))
        if m.label == "PER" and " " in m.text:
            last = m.text.rsplit(" ", 1)[1]
            if len(last) >= 3 and last[:1].isupper() and last.lower() not in lower \
                    and not is_junk(last, "PER", False, places):
                targets.setdefault(last, "PER")
    # 'Feuerwehr Elmsfeld', 'Landratsamt Talmark': an institution word + a name; the name alone
    # elsewhere in the article is the place (GermEval: LOC). Lowest priority (setdefault last).
    for m in ms:
        if m.derived or m.label not in ("ORG", "LOC") or " " not in m.text:
            continue
        head, rest = m.text.split(" ", 1)
        toks = rest.split(" ")
        if common_word(head) and len(toks) <= 2 and all(
                t[:1].isupper() and t.isalpha() and not common_word(t) for t in toks) \
                and rest.lower() not in lower and not is_junk(rest, "LOC", False, places):
            targets.setdefault(rest, "LOC")
    added = 0
    if targets:
        taken = sorted((m.start, m.end) for m in ms)
        starts = [s for s, _ in taken]
        reach, hi = [], -1  # reach[k] = furthest end among the first k+1 mentions (nesting-safe)
        for _, e in taken:
            hi = max(hi, e)
            reach.append(hi)

        new = []
        for s, e, f, genitive in target_hits(text, targets):
            i = bisect.bisect_left(starts, e)
            # any existing mention overlapping [s, e)? check neighbours left of e
            if i and reach[i - 1] > s:
                continue
            norm = f if genitive else None
            new.append(Mention(doc.id, s, e, text[s:e], targets[f], norm=norm, derived=False, score=None))
        added = len(new)
        ms.extend(new)
    ms.sort(key=lambda m: (m.start, m.end))
    doc.mentions[:] = ms
    return {"dropped": dropped, "relabelled": relabelled, "added": added}


# ----------------------------------------------------------------------------- lexicon building
def build_lexicon(out: Path = LEXICON, min_o: int = 3, max_ent_share: float = 0.05,
                  min_first: int = 3, first_ratio: float = 4.0) -> dict:
    """Count capitalised tokens in the training pool (GermEval: training slice only) and write
    common nouns ('N') and first names ('F') to `out`."""
    from ..training.ner import load_source
    from . import ner_corpora as C

    n_ent: Counter = Counter()
    n_o: Counter = Counter()
    per_first: Counter = Counter()
    other_first: Counter = Counter()
    for src in LEXICON_SOURCES:
        for st in load_source(src):
            inside = set()
            for a, b, lab in C.spans_of(st.tags):
                inside.update(range(a, b))
                if 2 <= b - a <= 3:
                    (per_first if lab == "PER" else other_first)[st.words[a]] += 1
            for i, w in enumerate(st.words):
                if not w[:1].isupper() or not w.isalpha():
                    continue
                if i in inside:
                    n_ent[w] += 1
                elif i > 0 and st.tags[i] == "O" and st.words[i - 1] not in _SENT_PUNCT:
                    n_o[w] += 1  # sentence-internal: capitalised only because it is a noun
    nouns = sorted(w for w, n in n_o.items() if n >= min_o and n_ent[w] / (n_ent[w] + n) <= max_ent_share)
    first = sorted(w for w, n in per_first.items() if n >= min_first and n >= first_ratio * other_first[w])
    noun_set = set(nouns)
    words = sorted(w for w, n in n_o.items() if n >= 5 and n_ent[w] <= n and w not in noun_set)
    out.write_text("".join(f"{w}\tN\n" for w in nouns) + "".join(f"{w}\tF\n" for w in first)
                   + "".join(f"{w}\tW\n" for w in words), encoding="utf-8")
    return {"nouns": len(nouns), "first_names": len(first), "common_words": len(words), "file": str(out)}


# ----------------------------------------------------------------------------- document-level eval
def score_docs(path: str, post: bool = True) -> dict:
    """Mention P/R/F1 (exact span + base label, and span-only) of find_entities on invented
    multi-paragraph articles: jsonl lines {"id", "text", "spans": [[start, end, label], ...]}."""
    import json
    import os

    from . import sentences
    from .entities import find_entities
    from ..records import Article

    from ..evaluate import prf

    old = os.environ.get("LAGEBILD_NER_DOC")
    os.environ["LAGEBILD_NER_DOC"] = "1" if post else "0"
    try:
        tp = fp = fn = tps = fps = fns = 0
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            d = AnalysedArticle(Article(id=rec["id"], source="gold", text=rec["text"]))
            sentences(d)
            find_entities(d)
            gold = {(s, e, lab) for s, e, lab in rec["spans"]}
            pred = {(m.start, m.end, m.label) for m in d.mentions if not m.derived}
            tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
            g2, p2 = {x[:2] for x in gold}, {x[:2] for x in pred}
            tps, fps, fns = tps + len(g2 & p2), fps + len(p2 - g2), fns + len(g2 - p2)
    finally:
        if old is None:
            os.environ.pop("LAGEBILD_NER_DOC", None)
        else:
            os.environ["LAGEBILD_NER_DOC"] = old
    return {"labelled": prf(tp, fp, fn), "span_only": prf(tps, fps, fns), "gold": tp + fn, "pred": tp + fp}


if __name__ == "__main__":  # python -m lagebild.analyse.ner_doc build-lexicon | score FILE
    import json

    if sys.argv[1:2] == ["build-lexicon"]:
        print(json.dumps(build_lexicon()))
    elif sys.argv[1:2] == ["score"]:
        f = sys.argv[2] if len(sys.argv) > 2 else "tests/data/ner_docs.jsonl"
        print(json.dumps({"file": f, "before": score_docs(f, post=False), "after": score_docs(f, post=True)}))
    else:
        sys.exit(__doc__)
