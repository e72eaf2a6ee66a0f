"""Sentence splitting shares the NER model's tokenizer (issue 18) and splits exactly as before."""
from lagebild.analyse import nlp
from lagebild.analyse.entities import load_model

TEXTS = [
    "Der Minister sagte am 3. Okt. 2022. Danach z.B. Dr. Müller: „Wir kommen.“ Dann 2,5 Mio. Euro.",
    "Zeile eins ohne Punkt\nZeile zwei. Und drei! „Vier?“ sagte sie. Fünf … sechs",
    "St. Pölten, 12.3.2021 (APA) - Die U-Bahn-Linie fährt ab 1. Mai wieder.  Doppelte  Leerzeichen.",
]


def test_model_tokenizer_is_shared_and_splits_alike():
    model = load_model()
    assert nlp._tokenizer("de") is model.tokenizer
    assert nlp._same_tokenizer(model.tokenizer, nlp.get_nlp("de").tokenizer)
    blank = nlp.get_nlp("de")
    for text in TEXTS:
        shared = nlp.split_sentences(text, "de")
        for line in text.split("\n"):
            assert [t.text for t in model.tokenizer(line)] == [t.text for t in blank.tokenizer(line)]
            assert [s.text for s in blank(line).sents] == [s.text for s in blank.get_pipe("sentencizer")(model.tokenizer(line)).sents]
        assert shared and all(text[s:e].strip() == text[s:e] for s, e in shared)


def test_other_languages_keep_their_tokenizer():
    load_model()
    assert nlp._tokenizer("en") is nlp.get_nlp("en").tokenizer
