"""A place or an organisation of one mention needs more than the model's type to be listed
(link/entity_vouch.py): the annotated corpora's name lexicon, the shape of the name, or its context.
Invented text; mentions are built by hand, so the NER model's own guesses play no part."""
from __future__ import annotations

from lagebild.link.entity_vouch import annotated_names, organisation_shaped, place_shaped

from tests.test_audit56_classes import story_entities


def test_the_lexicon_is_built_from_the_annotated_corpora_and_shipped():
    names = annotated_names()
    assert len(names) > 10_000
    assert names.get("Deutschland") == "LOC" and names.get("Europäische Union") == "ORG"


def test_a_single_model_typed_product_or_phrase_is_kept_but_not_listed():
    text = ("Die neue Zorblax Grinta kann mehr als ihre Vorgängerin. Auch die Grelling Nachtruhe, ein Zusatz für "
            "Schlafende, ist dabei. Am Mittwoch stellte Petra Lindqvist das Gerät vor.")
    ents = story_entities(text, [("Zorblax Grinta", "ORG"), ("Grelling Nachtruhe", "LOC"), ("Petra Lindqvist", "PER")])
    for name in ("Zorblax Grinta", "Grelling Nachtruhe"):
        assert not ents[name].listed and ents[name].confidence < 0.5  # still in the JSON, with its mention
        assert ents[name].mentions
    assert ents["Petra Lindqvist"].listed  # a person's full name is evidence of its own


def test_several_mentions_or_a_known_name_still_list_it():
    text = ("Zorblax Grinta wächst. Die Zorblax Grinta meldet Gewinne. Der Chef der Zorblax Grinta ist zufrieden. "
            "Die Europäische Union prüft den Fall.")
    ents = story_entities(text, [("Zorblax Grinta", "ORG"), ("Zorblax Grinta", "ORG"), ("Zorblax Grinta", "ORG"),
                                 ("Europäische Union", "ORG")])
    assert ents["Zorblax Grinta"].listed and ents["Europäische Union"].listed


def test_the_shape_of_an_organisation_or_a_place_vouches_for_it():
    assert organisation_shaped("Brenntaler Verlag") and organisation_shaped("Radio Quellental")
    assert organisation_shaped("Landesgericht Oberwald") and organisation_shaped("ZFQ")
    assert organisation_shaped("Kessler Holding Inc.") and organisation_shaped("Arbeiterkammer Quellental")
    assert not organisation_shaped("Zorblax Grinta") and not organisation_shaped("Continuous Sound")
    assert place_shaped("Bad Quellental") and place_shaped("Monte Grollo") and place_shaped("Quell Valley")
    assert not place_shaped("Quellental") and not place_shaped("Grelling Nachtruhe")
    text = "Die Brenntaler Verlag GmbH legt zu. Auch die ZFQ ist zufrieden."
    ents = story_entities(text, [("Brenntaler Verlag GmbH", "ORG"), ("ZFQ", "ORG")])
    assert ents["Brenntaler Verlag GmbH"].listed and ents["ZFQ"].listed


def test_a_place_after_a_locative_and_a_club_in_a_match_report_are_vouched_for():
    text = "Die Fähre legte auf Grollo Quellina an, wo 300 Menschen warten. Dort regnet es seit Tagen."
    ents = story_entities(text, [("Grollo Quellina", "LOC")])
    assert ents["Grollo Quellina"].listed
    text = "Die Grollo Quellina ist ein Film über 300 Menschen. Dort regnet es seit Tagen."
    assert not story_entities(text, [("Grollo Quellina", "LOC")])["Grollo Quellina"].listed
    report = ("Das Spiel endete 2:1. Die Berliner Grollhaie siegten, nachdem es zur Pause 1:1 gestanden "
              "war. Im Rückspiel wartet ein anderer Gegner.")
    ents = story_entities(report, [("Berliner Grollhaie", "ORG")])
    assert not ents["Berliner Grollhaie"].listed  # 'Berliner' is no place word of the name
    report = report.replace("Die Berliner Grollhaie", "Die Berlin Grollhaie")
    ents = story_entities(report, [("Berlin Grollhaie", "ORG")])
    assert ents["Berlin Grollhaie"].listed  # a club named with its city, in a match report
    text = "Die Berlin Grollhaie stellten ein neues Logo vor. Es ist blau."
    assert not story_entities(text, [("Berlin Grollhaie", "ORG")])["Berlin Grollhaie"].listed


def test_a_single_person_made_of_dictionary_words_needs_a_first_name_or_a_person_context():
    text = ("Im Sommer kommt Silver Garden Lights ins Kino. Am Abend sprach Regisseur Golden Tower über den Dreh. "
            "Die Musik schrieb Grelk Vastmann.")
    ents = story_entities(text, [("Silver Garden Lights", "PER"), ("Golden Tower", "PER"), ("Grelk Vastmann", "PER")])
    assert not ents["Silver Garden Lights"].listed  # a work's title the model read as a person
    assert ents["Golden Tower"].listed  # a role noun before it: a person
    assert ents["Grelk Vastmann"].listed  # an unknown surname is no dictionary word


def test_a_web_address_or_a_kind_noun_before_it_vouches_for_an_organisation():
    assert organisation_shaped("quellportal.de") and organisation_shaped("Weltgrellorganisation")
    text = "Die Zeitung Grollo Vesti berichtete zuerst. Ein Sprecher bestätigte das."
    ents = story_entities(text, [("Grollo Vesti", "ORG")])
    assert ents["Grollo Vesti"].listed
