"""Error classes of the eleventh outside-style audit, on invented text: names that open with an
adjective, an agency's short name, names the NER cut before their last word, two-word surnames;
diseases, agreements, orchestras and states by their kind word, role compounds; and speakers:
a sentence's own trailing cue after a fronted phrase, a subject after 'laut X', an age after the
source, a newspaper told, a document with no owner."""
from __future__ import annotations

from test_audit56_classes import quote_with, quotes_of, story_entities


def test_names_that_open_with_an_adjective_stay_whole():
    ents = story_entities("Polizei und Rotes Kreuz sind im Einsatz. Die Demokratische Volksrepublik Korea schweigt.",
                          [("Rotes Kreuz", "ORG"), ("Demokratische Volksrepublik Korea", "ORG")])
    assert "Rotes Kreuz" in ents and "Kreuz" not in ents
    assert ents["Demokratische Volksrepublik Korea"].type == "LOC"  # a republic is a state


def test_an_agencys_short_name_is_no_acronym_of_another_body():
    ents = story_entities("Die Lawine ging ab, teilte die Alpinpolizei Axams mit. Der Mann starb. (APA)",
                          [("Alpinpolizei Axams", "ORG"), ("APA", "ORG")])
    assert "APA" in ents and "APA" not in ents["Alpinpolizei Axams"].aliases


def test_a_name_cut_before_its_last_word_joins_the_whole_name():
    ents = story_entities("Das Land Puerto Rico ist pleite. Die Firmen Puerto Ricos sind in Not.",
                          [("Puerto Rico", "LOC"), ("Puerto", "LOC")])
    assert "Puerto" not in ents and len(ents["Puerto Rico"].mentions) == 2


def test_a_two_word_surname_joins_the_full_name():
    ents = story_entities("Präsident Enrique Peña Nieto sprach. Peña Nieto will die Reform.",
                          [("Enrique Peña Nieto", "PER"), ("Peña Nieto", "PER")])
    assert "Peña Nieto" not in ents and "Peña Nieto" in ents["Enrique Peña Nieto"].aliases
    two = story_entities("Trainer Luis García Pérez und Ana García Pérez kamen. García Pérez jubelte.",
                         [("Luis García Pérez", "PER"), ("Ana García Pérez", "PER"), ("García Pérez", "PER")])
    assert "García Pérez" in two  # two persons end with it: it names neither for sure


def test_kind_words_type_names_and_role_compounds_are_no_names():
    text = ("Die Spanische Grippe tötete viele. Das Freihandelsabkommen TTIP ist umstritten. Die Wiener Philharmoniker "
            "spielen. Der Fernsehchef Hans Mayer und der Bank-Austria-Ökonom Stefan Bruckbauer. Die Firma Dalian Zeus "
            "Entertainment kauft. Im Silicon Valley sitzt sie. Die Frankfurter Allgemeinen Zeitung schrieb es.")
    ents = story_entities(text, [("Spanische Grippe", "ORG"), ("TTIP", "ORG"), ("Wiener Philharmoniker", "PER"),
                                 ("Fernsehchef", "ORG"), ("Bank-Austria-Ökonom", "ORG"),
                                 ("Dalian Zeus Entertainment", "PER"), ("Silicon Valley", "ORG"),
                                 ("Frankfurter Allgemeinen Zeitung", "ORG")])
    assert ents["Spanische Grippe"].type == "MISC" and ents["TTIP"].type == "MISC"
    assert ents["Wiener Philharmoniker"].type == "ORG" and ents["Dalian Zeus Entertainment"].type == "ORG"
    assert ents["Silicon Valley"].type == "LOC"
    assert not ents["Fernsehchef"].listed and not ents["Bank-Austria-Ökonom"].listed
    assert "Frankfurter Allgemeine Zeitung" in ents  # the nominative, after the place's -er adjective
    places = story_entities("Der Zug fuhr nach Kufstein. In Kufstein und am Mittelmeer.", [("Kufstein", "LOC"), ("Kufstein", "LOC")])
    assert places["Kufstein"].listed  # a place ending like a role noun is still a place


def test_a_trailing_cue_after_a_fronted_phrase_names_the_speaker():
    qs = quotes_of("Der Chef der Gruppe sagte, man verhandle nicht. Seit Beginn der Angriffe habe das Militär mehr als "
                   "900 Einsätze geflogen, sagte Igor Konaschenkow vom Ministerium.",
                   [("Igor Konaschenkow", "PER")])
    assert quote_with(qs, "900 Einsätze").speaker.startswith("Igor Konaschenkow")
    frame = quotes_of("Seit er im Amt ist, sagte Igor Konaschenkow, sei vieles besser geworden.", [("Igor Konaschenkow", "PER")])
    assert all("Seit er im Amt ist" not in q.text for q in frame)  # a fronted clause stays the writer's frame


def test_the_source_after_laut_ends_before_a_subject_or_an_age():
    q = quotes_of("Den Zuschlag erhielt laut US-Medien der chinesische Entwickler Zeus.", [("Zeus", "ORG")])[0]
    assert q.speaker == "US-Medien"
    age = quotes_of("Die Frau – laut Alpinpolizei Mitte 30 – starb noch an Ort und Stelle.", [("Alpinpolizei", "ORG")])[0]
    assert age.speaker == "Alpinpolizei"
    told = quotes_of("Man werde sparen, erklärte Reinhard Scolik der Frankfurter Allgemeinen Zeitung.",
                     [("Reinhard Scolik", "PER"), ("Frankfurter Allgemeinen Zeitung", "ORG")])[0]
    assert told.speaker == "Reinhard Scolik"
    terms = quotes_of("Nutzer sind laut AGB zudem verpflichtet, Verstöße anderer zu melden.")
    assert not any(q.shown for q in terms)  # terms and conditions name nobody who says so


def test_works_newspapers_and_abbreviated_places():
    text = ("Nach dem Teenagerinnen-Drama Life Is Strange kommt ein Spiel. Life Is Strange\"-Entwickler jubeln. Der "
            "Assistenz-Coach von Wr. Neustadt geht. Die Times of London berichtete.")
    ents = story_entities(text, [("Life Is Strange", "LOC"), ('Life Is Strange"-Entwickler', "MISC"),
                                 ("Assistenz-Coach von Wr", "PER"), ("Neustadt", "LOC"), ("Times of London", "MISC")])
    assert ents["Life Is Strange"].type == "MISC"  # after a compound ending in a work noun
    assert not ents['Life Is Strange"-Entwickler'].listed and not ents["von Wr"].listed
    assert ents["Wr. Neustadt"].type == "LOC" and "Neustadt" not in ents
    assert ents["Times of London"].type == "ORG"


def test_a_bracketed_long_form_inside_the_speaker_phrase():
    q = quotes_of("Das Establishment sagt nicht die Wahrheit, schrieb der Chef der Ukip (UK Independence Party), "
                  "Nigel Farage, im Kurznachrichtendienst Twitter.", [("Ukip", "ORG"), ("Nigel Farage", "PER")])[0]
    assert q.speaker == "Nigel Farage" and q.text.startswith("Das Establishment")


def test_a_fronted_noun_with_its_clause_is_the_writers_frame():
    qs = quotes_of("Auf die Frage, ob er zurücktrete, sagte Müller, er bleibe im Amt. Zur Feststellung, dass die Partei "
                   "nicht an Neuwahlen denke, sagte Huber: „Das sehen Sie richtig.“", [("Müller", "PER"), ("Huber", "PER")])
    assert not any(q.text.startswith(("Auf die Frage", "Zur Feststellung")) for q in qs)
    assert quote_with(qs, "Das sehen Sie richtig").speaker == "Huber"
