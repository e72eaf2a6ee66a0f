"""Error classes of the 23rd outside-style audit, on invented text: a 'laut' phrase in mid-sentence governs
its own clause (after a dash, a semicolon, or a conjunction or 'was' after a comma), a dateline or the
writer's lead-in before a colon is no message, a speaker of a generic company or magazine names nobody
unless the article lists the body, a title is no name and 'der Papst' is the pope the article names, a
document or event does not speak; the UN keep their plain mentions, titles and epithets are no names,
'Causa'-like affairs, charters and English-named bodies are typed, 'Austria' belongs to a body's name."""
from __future__ import annotations

from tests.test_audit56_classes import quote_with, quotes_of, story_entities


def test_a_laut_phrase_in_mid_sentence_governs_its_own_clause():
    qs = quotes_of("Anna Berger stammt aus dem Süden, ihre Eltern sind katholisch, aber laut Serafini eher "
                   "abergläubisch als religiös.", [("Anna Berger", "PER"), ("Serafini", "PER")])
    assert quote_with(qs, "abergläubisch").text.startswith("aber laut Serafini")
    qs = quotes_of("Das Geld lieferte der Investor Paul Brenner – gegen ihn ermittelten laut Wiener Zeitung die "
                   "Behörden in Zürich.", [("Paul Brenner", "PER"), ("Wiener Zeitung", "ORG"), ("Zürich", "LOC")])
    assert quote_with(qs, "ermittelten").text.startswith("gegen ihn ermittelten")
    qs = quotes_of("Die Frau – laut Alpinpolizei Mitte 30 – verstarb noch an Ort und Stelle.", [])
    assert quote_with(qs, "verstarb").text.startswith("Die Frau")  # a dash pair is a parenthesis
    qs = quotes_of("Linz – Die Arbeitslosigkeit ist laut Bank Austria je nach Bundesland unterschiedlich gestiegen.",
                   [("Linz", "LOC"), ("Bank Austria", "ORG")])
    assert quote_with(qs, "Arbeitslosigkeit").text.startswith("Die Arbeitslosigkeit")  # no dateline


def test_the_writers_lead_in_before_a_colon_is_no_message_of_so_x():
    qs = quotes_of("Die Grünen üben Kritik an der schwierigeren Prüfung: Ein schwankender Schwierigkeitsgrad führt die "
                   "Prüfung ad absurdum, so Bildungssprecher Hans Walter in einer Aussendung.", [("Hans Walter", "PER")])
    assert quote_with(qs, "ad absurdum").text.startswith("Ein schwankender")
    qs = quotes_of("Wenn man im Viertelfinale steht, fährt man nur mit einem Ziel nach Wien: Ins Halbfinale kommen, "
                   "so Trainer Otto Glas.", [("Wien", "LOC"), ("Otto Glas", "PER")])
    assert quote_with(qs, "Halbfinale").text.startswith("Wenn man")  # all of it is speech


def test_generic_bodies_titles_and_documents_as_speakers():
    from lagebild.link.speakers import _NAMELESS, hide_nameless
    from lagebild.records import Entity, Mention, Quote

    assert _NAMELESS.fullmatch("des Nachrichtenmagazins") and _NAMELESS.fullmatch("einem Sprecher des Verkehrsunternehmens")
    text = "Die Wiener Linien bauen um. Die Linien würden ausgespart, laut einem Sprecher des Verkehrsunternehmens."
    at = text.index("einem Sprecher")
    q = Quote("a", text.index("Die Linien"), text.index(", laut"), "Die Linien würden ausgespart", False,
              speaker="einem Sprecher des Verkehrsunternehmens", speaker_start=at, speaker_end=at + 39, shown=True)
    linien = Entity("Wiener Linien", "ORG", ["Wiener Linien"], ["a"], [Mention("a", 4, 17, "Wiener Linien", "ORG")])
    hide_nameless([q], [linien])
    assert q.shown and q.speaker_entity == "Wiener Linien"
    charta = Entity("Magna Carta", "MISC", ["Magna Carta"], ["a"], [Mention("a", 0, 11, "Magna Carta", "MISC")])
    doc_q = Quote("a", 20, 40, "niemand stehe über dem Gesetz", False, speaker="Die Magna Carta", speaker_start=0,
                  speaker_end=15, speaker_entity="Magna Carta", shown=True)
    hide_nameless([doc_q], [charta])
    assert not doc_q.shown  # a charter holds it; nobody says it


def test_the_pope_is_the_pope_the_article_names():
    from lagebild.analyse.nlp import split_sentences
    from lagebild.link import build_story
    from tests.test_audit56_classes import make

    text = ("Havanna – Beim Besuch von Papst Franziskus in Kuba gab es Proteste. Die Liebe heile unsere "
            "Kurzsichtigkeit und rege uns an, den Blick zu weiten, sagte der Papst bei der Messe.")
    doc = make(text, [("Papst", "LOC"), ("Franziskus", "PER"), ("Kuba", "LOC"), ("Papst", "LOC")])
    doc.sentences = split_sentences(text, "de")
    from lagebild.analyse.quotes import find_quotes

    find_quotes(doc)
    story = build_story("s", [doc], [])
    said = next(q for q in story.quotes if "Kurzsichtigkeit" in q.text)
    assert said.speaker_entity == "Franziskus"
    assert not any(e.name == "Papst" and e.listed for e in story.entities)


def test_entities_of_the_23rd_audit():
    ents = story_entities("Die Krise droht laut den Vereinten Nationen zu eskalieren. Die Vereinten Nationen warnen.",
                          [("Vereinten Nationen", "ORG"), ("Vereinten Nationen", "ORG")])
    assert ents["Vereinte Nationen"].listed  # an adjective's ending is no derived form
    ents = story_entities("Die Magna Carta gilt neben der Bill of Rights. Die Alpenrepublik liegt im Herzen Europas. "
                          "Sie studierte an der George Washington University. Der Sender ProSieben Austria und das "
                          "IST Austria in Klosterneuburg.",
                          [("Magna Carta", "PER"), ("Bill of Rights", "PER"), ("Alpenrepublik", "LOC"),
                           ("Europas", "LOC"), ("George Washington University", "PER"), ("ProSieben", "ORG"),
                           ("IST", "ORG"), ("Klosterneuburg", "LOC")])
    assert ents["Magna Carta"].type == "MISC" and ents["Bill of Rights"].type == "MISC"
    assert ents["George Washington University"].type == "ORG"
    assert not ents["Alpenrepublik"].listed
    assert "ProSieben Austria" in ents and "IST Austria" in ents


def test_a_laut_phrase_in_a_relative_clause_governs_only_that_clause():
    qs = quotes_of("Der Rat muss am Mittwoch einen Vertrag mit Nordland ratifizieren, dessen Soldaten laut Ostburg und "
                   "Westhafen im Begriff sind, an der Front zu kämpfen.",
                   [("Nordland", "LOC"), ("Ostburg", "LOC"), ("Westhafen", "LOC")])
    assert quote_with(qs, "im Begriff").text.startswith("dessen Soldaten")
