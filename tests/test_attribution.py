"""Attribution chains (issue 5): outermost (relaying outlet) first, original source last."""
from __future__ import annotations

from lagebild.analyse.attribution import attribution_chain, find_sources
from lagebild.analyse.nlp import split_sentences
from lagebild.analyse.quotes import find_quotes
from lagebild.records import AnalysedArticle, Article


def chain(text: str, focus_word: str | None = None) -> list[str]:
    focus = text.index(focus_word) if focus_word else None
    return attribution_chain(text, 0, len(text), focus)


def test_laut_nearest_to_focus():
    text = ("In Russland sind laut US-Informationen mindestens 3.000 Soldaten, "
            "laut südkoreanischen Informationen etwa 1.500.")
    assert chain(text, "3.000") == ["US-Informationen"]
    assert chain(text, "1.500") == ["südkoreanischen Informationen"]


def test_zufolge_and_nach_angaben():
    assert chain("Dem Geheimdienst zufolge wurden 800 Raketen geliefert.", "800") == ["Dem Geheimdienst"]
    assert chain("Nach Angaben der Polizei wurden 12 Menschen verletzt.", "12") == ["der Polizei"]
    assert chain("Nach Angaben von Ärzte ohne Grenzen fehlen Medikamente.") == ["Ärzte ohne Grenzen"]


def test_speaker_with_relay_and_original_source():
    text = "Das Institut ISW schrieb am Samstag unter Berufung auf die Washington Post, 5.000 Soldaten seien im Land."
    assert chain(text, "5.000") == ["Das Institut ISW", "die Washington Post"]
    text = "Der Minister sagte laut der Zeitung Le Monde, es seien 200 Panzer."
    assert chain(text, "200") == ["der Zeitung Le Monde", "Der Minister"]
    text = "Wie die Agentur Reuters berichtete, sagte ein Sprecher der Armee, 40 Drohnen seien abgeschossen worden."
    assert chain(text, "40") == ["die Agentur Reuters", "ein Sprecher der Armee"]


def test_no_source_no_chain():
    assert chain("Am Dienstag fielen in Berlin 30 Millimeter Regen.", "30") == []
    assert find_sources("Nach dem Spiel gingen alle nach Hause.", 0, 38) == []


def test_quote_chain_in_article():
    text = ("„Wir sind besorgt“, sagte Mark Ellison, ein Berater des Weißen Hauses, laut der New York Times. "
            "„Wir beobachten alles.“")
    doc = AnalysedArticle(article=Article(id="a", source="t", text=text))
    doc.sentences = split_sentences(text)
    find_quotes(doc)
    assert [q.attributed_to for q in doc.quotes][0] == ["der New York Times", "Mark Ellison"]
    assert doc.quotes[1].speaker == "Mark Ellison"


def test_french_and_english_according_to():
    from lagebild.analyse.attribution import attribution_chain

    fr = "Selon les services de renseignement sud-coréens, au moins 3 000 soldats sont arrivés."
    assert attribution_chain(fr, 0, len(fr), focus=fr.index("3 000")) == ["les services de renseignement sud-coréens"]
    fr2 = "D'après le ministère de la Santé, 200 personnes sont mortes."
    assert attribution_chain(fr2, 0, len(fr2), focus=fr2.index("200")) == ["le ministère de la Santé"]
    en = "According to the Pentagon, about 10,000 troops could be deployed."
    assert attribution_chain(en, 0, len(en), focus=en.index("10,000")) == ["the Pentagon"]
