"""The shipped NER model: loads, finds obvious entities with exact offsets, fails loudly when absent."""
from __future__ import annotations

import pytest

from lagebild.analyse import entities as E
from lagebild.analyse import sentences
from lagebild.records import AnalysedArticle, Article

TEXT = (
    "Bundeskanzler Olaf Scholz hat am Montag in Paris den französischen Präsidenten "
    "Emmanuel Macron getroffen.\n"
    "Nach Angaben der Vereinten Nationen flohen Tausende Menschen aus der Ukraine nach Polen."
)


def _analysed(text: str) -> AnalysedArticle:
    doc = AnalysedArticle(Article(id="t1", source="test", text=text))
    sentences(doc)
    return doc


def test_shipped_model_finds_obvious_entities_with_exact_offsets():
    doc = _analysed(TEXT)
    E.find_entities(doc)
    found = {(m.text, m.label, m.derived) for m in doc.mentions}
    for m in doc.mentions:
        assert TEXT[m.start:m.end] == m.text
        assert m.article_id == "t1" and m.label in ("PER", "ORG", "LOC", "MISC")
    assert ("Olaf Scholz", "PER", False) in found
    assert ("Emmanuel Macron", "PER", False) in found
    assert ("Paris", "LOC", False) in found
    assert ("Ukraine", "LOC", False) in found
    assert ("Polen", "LOC", False) in found
    # exact offsets for one mention, computed independently of the model
    scholz = next(m for m in doc.mentions if m.text == "Olaf Scholz")
    assert (scholz.start, scholz.end) == (TEXT.index("Olaf"), TEXT.index("Olaf") + len("Olaf Scholz"))
    # nothing the model returns may be a bare function word
    assert not any(m.text.lower() in {"der", "die", "am", "hat"} for m in doc.mentions)


def test_demonym_adjective_is_derived_location():
    doc = _analysed("Die nordkoreanische Armee schickte Soldaten, meldete die südkoreanische Regierung.")
    E.find_entities(doc)
    derived = [(m.text, m.label, m.norm) for m in doc.mentions if m.derived]
    assert ("nordkoreanische", "LOC", "Nordkorea") in derived or ("südkoreanische", "LOC", "Südkorea") in derived


def test_offsets_survive_leading_whitespace_and_empty_text():
    text = "  \n\nIn Berlin sprach Angela Merkel."
    doc = _analysed(text)
    E.find_entities(doc)
    assert all(text[m.start:m.end] == m.text for m in doc.mentions)
    assert any(m.text == "Berlin" for m in doc.mentions)
    empty = _analysed("")
    E.find_entities(empty)
    assert empty.mentions == []


def test_missing_model_fails_loudly(tmp_path, monkeypatch):
    monkeypatch.setenv(E.MODEL_ENV, str(tmp_path / "nope"))
    E.load_model.cache_clear()
    try:
        with pytest.raises(E.NerModelMissing, match="lagebild train ner"):
            E.find_entities(_analysed("In Berlin regnet es."))
    finally:
        monkeypatch.delenv(E.MODEL_ENV)
        E.load_model.cache_clear()


def test_split_label():
    assert E.split_label("LOCderiv") == ("LOC", True)
    assert E.split_label("ORGpart") == ("ORG", True)
    assert E.split_label("MISC") == ("MISC", False)


def test_model_meta_records_data_and_scores():
    import json

    meta = json.loads((E.model_path() / "meta.json").read_text(encoding="utf-8"))
    lb = meta["lagebild"]
    assert lb["seed"] and lb["data_sha256"]["germeval2014/dev.tsv"]
    assert 0.0 < lb["holdout_scores"]["strict"]["f1"] <= 1.0
    size = sum(p.stat().st_size for p in E.model_path().rglob("*") if p.is_file())
    assert size < 30 * 2**20


def test_gazetteer_rules_on_invented_tokens():
    from lagebild.analyse import ner_gazetteer as G

    stems = G.demonym_stems(None)  # CLDR-derived stems only
    for w in ("russische", "nordkoreanischen", "US-amerikanische", "ukrainischen", "deutsch-syrische"):
        assert G.is_demonym(w, stems), w
    for w in ("politischen", "praktisch", "zwischen", "Russische", "technischen"):
        assert not G.is_demonym(w, stems), w
    assert G.compound_part_label("CSU-Politiker", "ORG") == "ORGpart"
    assert G.compound_part_label("US-Botschafter", "ORG") == "LOCpart"
    assert G.compound_part_label("Berlin", "LOC") == "LOC"
    assert G.compound_part_label("dpa-AFX", "ORG") == "ORG"
    assert G.acronym_part_label("EU-Kommission") == "ORGpart"
    assert G.acronym_part_label("Kommission") is None
    places = frozenset({"Wolfsburg", "Bremen", "Schweiz"})
    assert G.is_place_adjective("Wolfsburger", places) and G.is_place_adjective("Bremer", places)
    assert G.is_place_adjective("Schweizer", places)
    assert not G.is_place_adjective("Fischer", places) and not G.is_place_adjective("wolfsburger", places)
    assert G.demonym_country("nordkoreanischen") == "Nordkorea"
    assert G.demonym_country("russische") == "Russland"
    assert G.demonym_country("politische") is None


def test_hyphenated_names_are_no_parts():
    """'Kamp-Lintfort' tagged LOCpart is the place itself; 'US-Regierung' stays a compound with a name."""
    from lagebild.analyse.ner_doc import hyphenated_name

    assert hyphenated_name("Kamp-Lintfort") and hyphenated_name("Garmisch-Partenkirchen") and hyphenated_name("West-Papua")
    assert not hyphenated_name("US-Regierung") and not hyphenated_name("Kreml-Chef") and not hyphenated_name("Ukraine-Krieg")
