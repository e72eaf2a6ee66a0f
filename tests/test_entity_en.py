"""English names read by the German-trained model: headlines, roles, demonyms and types (link/entity_en.py)."""
from __future__ import annotations

import pytest

from lagebild.link.entity_en import english_entity, english_type, junk, strip_role


@pytest.mark.parametrize("name", ["Swimmer And Actress Dies Aged", "Prison Van Near Houston", "BIGGEST PROTEST",
                                  "Police Chief", "Prime Minister", "American", "Germans", "Greek"])
def test_no_names(name):
    assert junk(name)


@pytest.mark.parametrize("name", ["Oregon State Police", "Bank of America", "Marion County", "Tara Reid", "NATO",
                                  "New York Mets", "Athens", "US"])
def test_names(name):
    assert not junk(name)


def test_roles_and_types():
    assert strip_role("Court Judge Rowland Barnes") == "Rowland Barnes"
    assert strip_role("Prince Harry") == "Prince Harry"  # a title that is part of the name
    assert english_type("Oregon State Police", "PER", []) == "ORG"
    assert english_type("Boston Celtics", "LOC", []) == "ORG" and english_type("Beverly Hills", "LOC", []) == "LOC"
    assert english_type("New York Mets", "LOC", []) == "ORG"  # a city the place list does not know
    assert english_type("Las Vegas", "LOC", []) == "LOC" and english_type("United States", "LOC", []) == "LOC"
    assert english_type("Rahman", "LOC", [" said on Saturday", ", told reporters", " was down"]) == "PER"
    assert english_type("Athens", "LOC", [" on Wednesday", " streets", " said"]) == "LOC"
    assert english_type("Rahman", "LOC", [", 36, soon grew more intent", " in the corner"]) == "PER"  # an age
    assert english_type("Rahman", "LOC", [" was hit"], ["by the 36-year-old "]) == "PER"
    assert english_type("Rahman", "LOC", [", a former heavyweight champion, fell"]) == "PER"
    assert english_type("Boston", "LOC", [", a city of 650,000, voted"]) == "LOC"
    assert english_entity("American", "LOC", "US", []) == ("American", "LOC", True)  # the gazetteer's demonym


def test_english_story_lists_no_headline_or_demonym():
    from lagebild.api import analyse

    texts = ["Swimmer And Actress Dies Aged 91\nEsther Williams, the American swimmer who became a film star, "
             "died on Thursday in Beverly Hills. Williams said in 1999 that she never liked the water. "
             "Court Judge Rowland Barnes was not involved.",
             "Esther Williams dies at 91\nEsther Williams died in her sleep in Beverly Hills, her publicist said. "
             "The American actress was 91."]
    dossier = analyse(texts=texts)
    listed = {e.name for s in dossier.stories for e in s.entities if e.listed}
    assert "Esther Williams" in listed
    assert not listed & {"Swimmer And Actress Dies Aged", "American", "Court Judge Rowland Barnes"}


def test_headline_case_lines_are_no_evidence_of_a_name():
    from lagebild.link.entity_en import headline_case, line_at

    assert headline_case("Esther Williams, Hollywood's Bathing Beauty, Dies at 91")
    assert not headline_case("Esther Williams, the swimmer who became a film star, died on Thursday.")
    text = "Title\nBathing Beauty Queen Dies Aged 91\nThe swimmer died."
    assert line_at(text, text.index("Beauty")) == "Bathing Beauty Queen Dies Aged 91"
    only_headline = english_entity("Bathing Beauty", "ORG", None, [" Queen"], ["Bathing Beauty Queen Dies Aged 91"])
    assert only_headline[2] is True
    also_in_text = english_entity("Esther Williams", "PER", None, [" Dies", " died"],
                                  ["Esther Williams Dies Aged 91", "Esther Williams died on Thursday in Los Angeles."])
    assert also_in_text == ("Esther Williams", "PER", False)


def test_lone_surname_word_and_english_last_names():
    from lagebild.link.entity_evidence import LISTED, confidence

    from lagebild.link.entity_en import story_words

    assert english_entity("Highway", "LOC", None, [], ["He crashed on Highway 22."],
                          story_words(("He crashed on Highway 22.", "The highway was closed.")))[2] is True
    assert english_entity("Reid", "PER", None, [], ["Reid said"], story_words(("Reid said she was fine.",)))[2] is False
    assert confidence("Scott Boras", "PER", None, 3, "en") >= LISTED  # no German 'Bora' in an English surname
    assert confidence("Los Angeles Times", "ORG", None, 2, "en") >= LISTED  # 'Los' is no stop word here


def test_one_mention_lists_only_a_full_person_name_outside_german():
    from lagebild.link.entity_evidence import LISTED, confidence

    # the German-trained model's single English mention is weak evidence ('Leopard Bikini', 'Greek Media')
    assert confidence("Leopard Bikini", "PER", None, 1, "en") < LISTED
    assert confidence("Greek Media", "ORG", None, 1, "en") < LISTED
    assert confidence("Lamon Brewster", "LOC", None, 1, "en") < LISTED
    assert confidence("Greek Media", "ORG", None, 2, "en") >= LISTED  # two mentions are enough
    assert confidence("Mark Teixeira", "PER", None, 1, "en") >= LISTED  # a first name of the lexicon + surname
    assert confidence("Helmut Schmidt Universität", "ORG", None, 1, "de") >= LISTED  # German text: unchanged


def test_a_lone_surname_the_model_typed_as_a_place_joins_its_person():
    from lagebild.link.canonical import CanonicalEntity
    from lagebild.link.entity_merge import merge_surnames

    def ent(name, type_, place=None):
        return CanonicalEntity(name=name, type=type_, aliases=[name], article_ids=["a"], place=place, confidence=0.6)
    mark, tex = ent("Mark Teixeira", "PER"), ent("Teixeira", "LOC")
    george, washington = ent("George Washington", "PER"), ent("Washington", "LOC")
    ferdinand, porsche = ent("Ferdinand Porsche", "PER"), ent("Porsche", "ORG")
    plain = {id(e): 1 for e in (mark, tex, george, washington, ferdinand, porsche)}
    out = merge_surnames([mark, tex, george, washington, ferdinand, porsche], plain)
    assert tex not in out and "Teixeira" in mark.aliases and mark.confidence >= 0.7
    assert washington in out and porsche in out  # a known place, a company: never folded into a person
    two = [ent("Mark Teixeira", "PER"), ent("Anna Teixeira", "PER"), ent("Teixeira", "LOC")]
    assert len(merge_surnames(two, {id(e): 1 for e in two})) == 3  # which Teixeira? left apart
