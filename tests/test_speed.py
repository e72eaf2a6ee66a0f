"""Speed work must not change results (issue 18): batched NER = per-article NER; shipped
stop-word lists = spaCy's."""
import importlib.util
from pathlib import Path

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

    # the module file alone: importing spacy.lang.fr runs its slow package __init__
    path = Path(importlib.util.find_spec("spacy").origin).parent / "lang" / lang / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_stop_{lang}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    spacy_list = module.STOP_WORDS
    assert stopwords(lang) == frozenset(w.lower() for w in spacy_list)


def _quote_texts():
    from lagebild.resources import demo_corpus

    texts = [p.read_text(encoding="utf-8") for p in sorted(demo_corpus().glob("*.txt"))]
    texts.append("„Wir bleiben“, sagte sie. »Nein« – «Oui» « Nous partons » \"Ja\" sagte er „offen\n"
                 "„Der Rat”, hieß es, „tagt“. ‚Klein‘ und „„doppelt“ a„b“ „“ x „y“z «a»B")
    return texts


def test_quote_context_equals_pairing_the_prefix():
    """quotes_in_text resumes quote pairing mid-text; it must equal re-pairing text[:end]."""
    from lagebild.analyse.quote_marks import pair_quotes, quote_context

    for text in _quote_texts():
        cuts = sorted({0, len(text)} | {i for i, ch in enumerate(text) if ch in ".,“”»«\"\n "})
        for a, start in enumerate(cuts):
            for end in cuts[a + 1:a + 6]:
                want = [(o, c) for o, c in pair_quotes(text[:end]) if start <= o and c < end]
                assert quote_context(text, start, end) == want, (start, end)


def test_prefix_words_equal_the_prefix_set():
    import re

    from lagebild.analyse.quote_marks import PrefixWords

    for text in _quote_texts():
        words = set(re.findall(r"[a-zäöüß]+", text.lower())) | {"zzz", "verhandl"}
        for end in range(0, len(text) + 1, 7):
            prefix = {w.lower() for w in re.findall(r"[a-zäöüß]+", text[:end])}
            index = PrefixWords(text, end)
            assert {w for w in words | prefix if w in index} == prefix, end
