"""English and French quotations and reported speech (quotes_intl), scored on invented cases."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.analyse.nlp import split_sentences
from lagebild.analyse.quotes import find_quotes
from lagebild.evaluate.quotes import score_cases
from lagebild.records import AnalysedArticle, Article

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name", ["quotes_cases_en_fr.jsonl", "quotes_cases_en_fr_fresh.jsonl"])
def test_en_fr_cases(name):
    res = score_cases(DATA / name)
    assert res["quote_precision"] == 1.0 and res["quote_recall"] == 1.0, res["errors"]
    assert res["speaker_accuracy"] == 1.0, res["errors"]


def _quotes(text, lang):
    doc = AnalysedArticle(article=Article(id="t", source="t", text=text, language=lang))
    doc.sentences = split_sentences(text, lang)
    find_quotes(doc)
    return doc.quotes


def test_pronoun_continues_the_last_speaker_and_spans_are_exact():
    text = ('"We will rebuild every house," Mayor Tobias Rehfeld said. He added that the army would send 200 soldiers. '
            "The river burst its banks after three days of rain.")
    qs = _quotes(text, "en")
    assert [(q.direct, q.speaker) for q in qs] == [(True, "Mayor Tobias Rehfeld"), (False, "Mayor Tobias Rehfeld")]
    for q in qs:
        assert text[q.start:q.end] == q.text
        assert text[q.cue_start:q.cue_end] == q.cue


@pytest.mark.parametrize("text", [
    "Damage to the church was estimated at $1 million.",
    "The emirate is not believed to have had such a tremor in living memory.",
    "Peavy could not say what Orozco was doing in the house.",
    "Many roads were cordoned off and police said they would stay closed.",
])
def test_no_reported_speech_from_passives_and_fragments(text):
    assert all(q.speaker not in (None,) and "was" not in q.speaker.split() for q in _quotes(text, "en"))
    assert not [q for q in _quotes(text, "en") if q.speaker and q.speaker.split()[-1] in ("was", "is", "not", "of")]
