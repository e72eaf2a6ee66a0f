"""Entity mentions (PER/ORG/LOC/MISC) from lagebild's own spaCy NER model (issue 4).

The model (lagebild/models/ner, trained by `lagebild train ner`, recipe in training/ner/) predicts
GermEval-2014 style fine labels: PER ORG LOC MISC plus *deriv (adjectives/demonyms:
'nordkoreanische' -> LOCderiv) and *part (a name inside a compound: 'EU-Kommission' -> ORGpart).
A `Mention` carries label = base type and derived = True for both *deriv and *part.

After tagging, lagebild.analyse.ner_doc cleans the result: per sentence (inside `tag`, so that
`lagebild eval ner` measures it) junk one-token mentions are dropped and person spans repaired; per
article (end of find_entities) labels are made consistent per surface form and every other
occurrence of a found name becomes a mention. $LAGEBILD_NER_DOC=0 switches this off (A/B).

The model is loaded once per process (lazy, cached). If it is missing, the stage fails loudly: an
empty entity list would silently degrade every downstream stage (quote speakers, linking).
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from ..records import AnalysedArticle, Mention

MODEL_ENV = "LAGEBILD_NER_MODEL"
_BATCH = 128


class NerModelMissing(RuntimeError):
    """The shipped NER model directory is absent or unreadable."""


def model_path() -> Path:
    """The model directory: $LAGEBILD_NER_MODEL, else lagebild/models/ner."""
    env = os.environ.get(MODEL_ENV)
    return Path(env) if env else Path(__file__).resolve().parent.parent / "models" / "ner"


def split_label(fine: str) -> tuple[str, bool]:
    """'LOCderiv' -> ('LOC', True); 'ORGpart' -> ('ORG', True); 'PER' -> ('PER', False)."""
    for suffix in ("deriv", "part"):
        if fine.endswith(suffix):
            return fine[: -len(suffix)], True
    return fine, False


@lru_cache(maxsize=2)
def load_model(path: str | None = None):
    """Load the NER pipeline once; the runtime tokenizer gets the same abbreviation exceptions as
    the sentence splitter so that 'z.B.' or 'Dr.' never end up inside or split an entity."""
    import spacy

    from .nlp import _ABBREVIATIONS

    p = Path(path) if path else model_path()
    if not (p / "config.cfg").exists() or not (p / "meta.json").exists():
        raise NerModelMissing(
            f"NER model not found at {p} (expected a spaCy pipeline with config.cfg, meta.json). "
            "Train it with `lagebild train ner` or set $LAGEBILD_NER_MODEL."
        )
    try:
        nlp = spacy.load(p)
    except Exception as exc:  # a half-copied or incompatible model: say where and why
        raise NerModelMissing(f"NER model at {p} could not be loaded: {exc}") from exc
    for abbr in _ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{"ORTH": abbr}])
    _numpy_blas(nlp)
    _one_blas_thread()
    if path is None:
        _LOADED["default"] = nlp
    return nlp


_LOADED: dict[str, object] = {}  # "default": the model `load_model()` returned


def loaded_model():
    """The default model if this process has loaded it already, else None (loads nothing)."""
    return _LOADED.get("default")


def _numpy_blas(nlp) -> None:
    """Matrix products of the model through numpy's BLAS instead of thinc's default (blis): the
    tagger costs about a fifth less CPU with the same entities (OpenBLAS runs these 64-wide layers
    about three times as fast as blis on one core; issue 18). $LAGEBILD_NER_BLIS=1 keeps blis."""
    if os.environ.get("LAGEBILD_NER_BLIS") == "1":
        return
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if model is not None else ():
            if isinstance(node.ops, NumpyOps):
                node.ops = ops


def _one_blas_thread() -> None:
    """BLAS in this process uses one thread from the model's load on: on the model's small products
    extra OpenBLAS threads mostly spin (a report used ~8 % more CPU for the same work), and the
    worker processes (`--workers`) already use every core. $LAGEBILD_BLAS_THREADS=0 leaves it alone."""
    if os.environ.get("LAGEBILD_BLAS_THREADS") == "0":
        return
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
    except Exception:  # an optional speed-up: without threadpoolctl BLAS keeps its own thread count
        pass


@lru_cache(maxsize=4)
def _lexicons(path: str):
    """(demonym stems, one-token place names) shipped with the model."""
    from .ner_gazetteer import demonym_stems, load_places

    return demonym_stems(str(Path(path) / "demonyms.txt")), load_places(str(Path(path) / "places.txt"))


def tag(nlp, items, rules: bool = True, model_dir: str | None = None, batch_size: int = _BATCH):
    """Run the model over texts or Docs (gold tokens), then the gazetteer rules: one-token name
    compounds -> *part, and, where the model found nothing, demonym adjectives -> LOCderiv and
    acronym compounds -> *part (see ner_gazetteer); then the sentence-level fixes of ner_doc
    (junk filter, job titles cut from PER, first-name/common-noun person fix)."""
    from .ner_doc import fix_sentence
    from .ner_gazetteer import apply_rules

    stems, places = _lexicons(model_dir or str(model_path())) if rules else (None, None)
    fix = rules and doc_pass_enabled()
    for sdoc in nlp.pipe(items, batch_size=batch_size):
        if rules:
            sdoc = apply_rules(sdoc, stems, places=places)
        yield fix_sentence(sdoc, places) if fix else sdoc


def doc_pass_enabled() -> bool:
    """$LAGEBILD_NER_DOC=0 switches the junk filter / person fix / document pass off (for A/B)."""
    return os.environ.get("LAGEBILD_NER_DOC", "1") != "0"


def _segments(doc: AnalysedArticle) -> list[tuple[int, int]]:
    """Sentence spans to tag (the model was trained on sentences); fall back to lines."""
    if doc.sentences:
        return doc.sentences
    from .nlp import split_sentences

    return split_sentences(doc.text, doc.article.language)


_LEAD_FOREIGN = {"the", "a", "an", "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "selon", "according",
                 "to", "in", "on", "at", "for", "from", "by", "with", "after", "before", "en", "au", "aux", "pour",
                 "par", "avec", "après", "avant", "dans", "sur", "mr", "mrs", "ms", "m", "mme", "dr"}


_TITLES = {"president", "minister", "prime", "foreign", "defence", "defense", "spokesman", "spokeswoman",
           "spokesperson", "mayor", "chancellor", "general", "secretary", "chief", "head", "leader", "king", "queen",
           "pope", "governor", "senator", "ambassador", "commander", "officials", "official", "président",
           "ministre", "premier", "porte-parole", "maire", "chef", "chancelier", "général", "secrétaire",
           "ambassadeur", "gouverneur", "dirigeant", "sénateur", "roi", "reine", "pape"}


def _common_foreign(span: str, lang: str) -> bool:
    """A one-word sentence opener that is an adverb ('Hopefully', 'Absolutely', 'Finalement'):
    the German model's capitalised-word habit. Only adverbs: the lower-case dictionaries also hold
    'paris', 'reid' and 'google', so 'known word' alone would drop real names."""
    lang = lang[:2]
    if " " in span or lang not in ("en", "fr"):
        return False
    import simplemma

    from .ner_doc import lexicon

    low = span.lower()
    return (len(low) >= 7 and low.endswith("ly" if lang == "en" else "ment") and span not in lexicon()[1]
            and simplemma.is_known(low, lang=lang))


def _no_name(span: str, lang: str) -> bool:
    """A 'person' made only of titles and nationality words ('Ukrainian President')."""
    from ..link.gazetteer import place_code

    words = span.split()
    return all(w.lower() in _TITLES or place_code(w, lang) for w in words)


_PARTICLES = {"of", "de", "du", "des", "d", "la", "le", "van", "von", "der", "den", "bin", "al", "el", "da", "di",
              "y"}


def _trim_foreign(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading function words and lower-case words ('Le porte-parole Dmitri Peskov' ->
    'Dmitri Peskov', 'Selon Séoul' -> 'Séoul') and a possessive "'s" from an English/French span."""
    import re

    while start < end:
        m = re.match(r"([\w'’.-]+)\s+", text[start:end])
        if not m:
            break
        word = m.group(1).lower().rstrip(".").replace("’", "'")
        if word.split("'")[0] in _LEAD_FOREIGN or m.group(1)[:1].islower():
            start += m.end()
            continue
        if "'" in word and word.split("'")[0] in ("l", "d"):  # "l'Ukraine"
            start += len(word.split("'")[0]) + 1
        break
    # a lower-case word other than a name particle ends the name ('Vadym Zabolotny a déclaré
    # mardi', 'Tara Reid has checked herself into …'): English and French names are capitalised
    for m in re.finditer(r"\s+([^\W\d_A-ZÀ-ÖØ-Þ][\w'’.-]*)", text[start:end]):
        if m.group(1) not in _PARTICLES:
            end = start + m.start()
            break
    if text[start:end].lower().endswith(("'s", "’s")):
        end -= 2
    if start < end and text[start].lower() in "ld" and text[start + 1:start + 2] in ("'", "’"):
        start += 2
    if start < end and text[start:end][:1].islower():
        return start, start  # 'outlets': no name at all
    return start, end


# English ranks before a name do not end a sentence (nlp._ABBREVIATIONS_EN), but the German-trained model
# finds the name only when it opens the text it tags ('Lt. Gregg Hastings': 'Gregg Hastings' is missed):
# the text it tags is cut after such a rank
@lru_cache(maxsize=1)
def _rank_en() -> re.Pattern:
    from .nlp import _ABBREVIATIONS_EN

    return re.compile(r"\b(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS_EN) + r")\s+(?=[A-Z])")


def ner_segments(doc: AnalysedArticle) -> list[tuple[int, int]]:
    """The (start, end) spans find_entities tags: non-empty sentences (English ones also cut after a
    rank before a name); none for a blank text."""
    if not doc.text.strip():
        return []
    segs = [(s, e) for s, e in _segments(doc) if e > s]
    if (doc.article.language or "de")[:2] != "en":
        return segs
    out = []
    for s, e in segs:
        for m in _rank_en().finditer(doc.text, s, e):
            out.append((s, m.end()))
            s = m.end()
        out.append((s, e))
    return [(s, e) for s, e in out if e > s]


def find_entities(doc: AnalysedArticle, tagged=None) -> None:
    """Add `Mention`s (exact char offsets into doc.text) to doc.mentions.

    `tagged`: the output of `tag` for `ner_segments(doc)`, when the caller tagged the sentences
    of many articles in one batch (lagebild.analyse.analyse_batch, issue 18)."""
    text = doc.text
    if not text.strip():
        return
    from .ner_gazetteer import demonym_country

    segs = ner_segments(doc)
    if tagged is None:
        tagged = tag(load_model(), (text[s:e] for s, e in segs))
    foreign = (doc.article.language or "de")[:2] != "de"
    for (s0, _), sdoc in zip(segs, tagged):
        for ent in sdoc.ents:
            start, end = s0 + ent.start_char, s0 + ent.end_char
            if foreign:  # the German model on English/French text: 'Selon Séoul', "Russia's"
                start, end = _trim_foreign(text, start, end)
                if end <= start or (ent.label_ == "PER" and _no_name(text[start:end], doc.article.language)):
                    continue
                if not text[s0:start].strip(" \"“”'«»(`") and _common_foreign(text[start:end], doc.article.language):
                    continue  # 'Absolutely', 'Hopefully' opening a sentence
            label, derived = split_label(ent.label_)
            # 'nordkoreanische' stands for 'Nordkorea': give the linker the name when it is certain
            norm = demonym_country(ent.text) if ent.label_ == "LOCderiv" else None
            doc.mentions.append(
                Mention(doc.id, start, end, text[start:end], label, norm=norm, derived=derived, score=None)
            )
    if doc_pass_enabled():
        # one name, one label, every occurrence (see ner_doc)
        from .ner_doc import document_pass

        places = _lexicons(str(model_path()))[1]
        doc.extras["ner_doc"] = document_pass(doc, places)
