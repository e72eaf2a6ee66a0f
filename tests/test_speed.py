"""Speed work must not change results (issue 18): batched NER = per-article NER; shipped
stop-word lists = spaCy's."""
import importlib

import pytest

from lagebild.analyse import analyse_article, analyse_batch
from lagebild.records import Article


def _spans(doc):
    return ([(m.start, m.end, m.label, m.derived, m.norm) for m in doc.mentions], doc.sentences,
            [(q.start, q.end) for q in doc.quotes], [(f.start, f.end, f.value) for f in doc.figures],
            [(t.start, t.end, t.value) for t in doc.timexes])


def test_batched_ner_equals_per_article():
    texts = [
        "Bürgermeisterin Ilse Kramer sagte am Dienstag in Linz, die Fähre koste rund 2,5 Millionen Euro.",
        "",
        "Die EU-Kommission in Brüssel prüft den Fall. „Wir warten ab“, sagte Sprecher Jan Novak.\n"
        "Laut Polizei wurden etwa 300 Menschen in Sicherheit gebracht.",
        "Nordkoreanische Raketen flogen am 3. März 2024 über Japan.",
    ]
    arts = [Article(id=str(i), source=str(i), text=t) for i, t in enumerate(texts)]
    batched = analyse_batch(arts)
    single = [analyse_article(Article(id=str(i), source=str(i), text=t)) for i, t in enumerate(texts)]
    assert [_spans(d) for d in batched] == [_spans(d) for d in single]
    assert batched[0].mentions  # the comparison is not between empty results


@pytest.mark.parametrize("lang", ["de", "en", "fr"])
def test_shipped_stopwords_are_spacys(lang):
    from lagebild.link.similarity import stopwords

    spacy_list = importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS
    assert stopwords(lang) == frozenset(w.lower() for w in spacy_list)
