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


def test_offices_fragments_and_titled_persons():
    from lagebild.link.entity_en import english_name

    assert english_name("Judge James G. Bodiford of Superior Court", "ORG") == ("James G. Bodiford", "PER", False)
    assert english_name("Marc Iavaroni of Memphis", "PER")[0] == "Marc Iavaroni"  # a town the place list lacks
    assert english_name("Fulton County District Attorney", "LOC")[2]  # an office, not a name
    assert english_name("Doris Duke Professor of Conservation", "PER")[2]  # a chair
    assert not english_name("Attorney General Eric Holder", "PER")[2]
    # pieces of a longer organisation's name, and a kind of body alone
    assert english_name("Fish", "ORG", [" and Wildlife Service is", " and Wildlife Service said", " and Wildlife or"])[2]
    assert english_name("Conservation Biology", "ORG", [" and the", ". Politics"], ["Council, Society for ", "of the Society for "])[2]
    assert english_name("White House Office of Management", "ORG", [" and Budget that"])[2]
    assert english_name("Society", "ORG", [" said"])[2]
    assert english_name("Hollywood", "ORG", [" Reporter says", " Reporter, he"])[2]  # 'The Hollywood Reporter'
    assert not english_name("Hollywood", "LOC", [" Reporter says", ", but", " this week"])[2]
    assert not english_name("Washington", "LOC", [" Monday", " Saturday"])[2]  # a weekday is no name's part
    assert not english_name("Microsoft", "ORG", [" and Apple said"])[2]
    assert not english_name("Rick McGuire", "PER", [" of the Alpine Lakes Protection Society"])[2]
    assert english_type("NBA", "MISC", []) == "ORG"
    # a work's title: named after a work noun or in quotes, beside the model's ORG and LOC
    after, before = [" begins shooting", ". The stars", " into production", " release"], [
        "the sequel, ", 'the sequel "', "get ", "date for "]
    after[1] = '" at some'
    assert english_type("Catching Fire", "ORG", after, before) == "MISC"
    assert english_type("Tara Reid", "PER", after, before) == "PER"  # a first name says person


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


@pytest.mark.parametrize("name", ["Thursday", "February", "Friday August", "LLC", "AM EDT", "KO", "Surely",
                                  "George W .", "James R.", "Interior Secretary", "Senior Vice", "Greek President",
                                  "West German"])
def test_dates_abbreviations_adverbs_and_cut_names_are_no_names(name):
    assert junk(name)


@pytest.mark.parametrize("name", ["Interior Department", "Kelly", "Tony Awards", "May"])
def test_department_first_name_prize_and_ambiguous_month_stay(name):
    assert not junk(name)


def test_words_glued_to_a_name_by_a_sentence_start_go():
    from lagebild.link.entity_en import english_name, trim_name

    assert trim_name("Ironically Nichols") == "Nichols" and trim_name("And King") == "King"
    assert trim_name("Certainly , King") == "King" and trim_name("Unlike Elvis") == "Elvis"
    assert trim_name("Additionally, Weitz") == "Weitz"
    assert trim_name("Washington Saturday") == "Washington"
    assert trim_name("Beverly Hills") == "Beverly Hills" and trim_name("US Navy") == "US Navy"
    assert trim_name("The Hague") == "The Hague" and trim_name("It 's Hollywood") == "It 's Hollywood"
    assert english_name("Eddie Jordan of Washington", "PER")[0] == "Eddie Jordan"
    assert english_name("Doris Duke Professor of Conservation", "PER")[0] == "Doris Duke Professor of Conservation"
    assert english_name("Russian Alexander Povetkin", "PER")[0] == "Alexander Povetkin"
    assert english_name("Commerce Secretary Gary Locke", "PER")[0] == "Gary Locke"
    assert english_name("Owner Arte Moreno", "PER")[0] == "Arte Moreno"
    # a person's title before a name the model typed as an organisation
    assert english_name("Secretary Salazar", "ORG")[:2] == ("Salazar", "PER")
    assert english_name("Commerce Secretary Gary Locke", "ORG")[:2] == ("Gary Locke", "PER")
    assert english_name("General Motors", "ORG")[1] == "ORG" and english_name("Federal Reserve", "ORG")[1] == "ORG"


def test_prizes_laws_titles_in_quotes_and_bodies_of_are_typed():
    assert english_type("Academy Award", "PER", []) == "MISC"
    assert english_type("Endangered Species Act", "PER", []) == "MISC"
    assert english_type("Chamber of Commerce", "PER", []) == "ORG"
    assert english_type("Texas Department of Criminal Justice", "LOC", []) == "ORG"
    # a title that is all a pair of quotes holds, American commas inside the quotes included
    assert english_type("Golden Compass", "ORG", [" , '' which was", " . ''"], ["directed `` The ", "`` The "]) == "MISC"
    assert english_type("Golden Compass", "ORG", [" , '' which was"], ["directed “"]) == "MISC"
    assert english_type("Golden Compass", "ORG", [" was a hit"], ["directed the "]) == "ORG"
    assert english_type("Kate", "ORG", []) == "PER"  # a first name alone: a person (listed only with a surname)
    assert english_entity("Jordan", "LOC", "JO", [])[1] == "LOC"  # the gazetteer's country stays a place


def test_headline_run_on_names_are_no_names():
    line = "Lindsay Lohan Leaves Betty Ford Clinic After Three Months"
    assert english_entity("Lindsay Lohan Leaves Betty Ford", "PER", None, [" Clinic", " said"],
                          [line, "Betty Ford said she was fine."],
                          texts=["Lindsay Lohan Leaves Betty Ford", "Ford"])[2] is True
    assert english_entity("Lindsay Lohan", "PER", None, [" Leaves", " left"],
                          [line, "Lindsay Lohan left the clinic."], texts=["Lindsay Lohan", "Lindsay Lohan"])[2] is False


def test_lone_words_join_their_person_in_english_or_go_unlisted():
    from lagebild.link.canonical import CanonicalEntity
    from lagebild.link.entity_merge import merge_surnames

    from lagebild.records import Mention

    def ent(name, type_, n=1, conf=0.85):
        return CanonicalEntity(name=name, type=type_, aliases=[name], article_ids=["a"], confidence=conf,
                               mentions=[Mention(article_id="a", text=name, label=type_, start=0, end=len(name)) for _ in range(n)],
                               listed=conf >= 0.5)
    mark, tex = ent("Mark Teixeira", "PER", 30), ent("Teixeira", "ORG", 4)
    tara_reid, tara = ent("Tara Reid", "PER", 30), ent("Tara", "LOC", 4)
    oscar_m, oscar = ent("Oscar Maximillian", "PER", 1, 0.6), ent("Oscar", "ORG", 6)
    bettie, jack, page = ent("Bettie Page", "PER", 16), ent("Jack Page", "PER", 15), ent("Page", "LOC", 38)
    juror, juror_no = ent("Juror", "PER", 2, 0.45), ent("Juror No", "PER", 2, 0.3)
    nichols_loc, nichols_per = ent("Nichols", "LOC", 3), ent("Nichols", "PER", 11, 0.45)
    all_ = [mark, tex, tara_reid, tara, oscar_m, oscar, bettie, jack, page, juror, juror_no, nichols_loc, nichols_per]
    out = merge_surnames(all_, {id(e): len(e.mentions) for e in all_}, "en")
    assert tex not in out and tara not in out  # an organisation-typed surname, a place-typed first name
    assert oscar in out and juror in out  # not into a rarer name, nor into a junk 'name'
    assert page in out and not page.listed  # two persons are called Page
    assert nichols_loc not in out and nichols_per in out  # the same lone word typed twice: the more frequent type
    reid, reid_misc = ent("Tara Reid", "PER", 30), ent("Reid", "MISC", 7)
    locke, locke_titled, lone = ent("Gary Locke", "PER", 6), ent("Gary Locke", "PER", 3), ent("Locke", "PER", 2, 0.45)
    out = merge_surnames([reid, reid_misc, locke, locke_titled, lone], {}, "en")
    assert out == [reid, locke] and len(locke.mentions) == 11  # one Gary Locke, then the lone 'Locke' joins him
    de = [ent("Ferdinand Porsche", "PER", 3), ent("Porsche", "ORG", 5)]
    assert len(merge_surnames(de, {id(e): 1 for e in de}, "de")) == 2  # German: a company keeps its founder's name


def test_an_unknown_multiword_place_of_the_model_is_not_listed():
    from lagebild.link.entity_en import _unknown_place

    assert _unknown_place("Monte Barrett") and _unknown_place("Morningside Recovery")
    assert not _unknown_place("Newport Beach") and not _unknown_place("Los Angeles")
    assert not _unknown_place("Fulton County") and not _unknown_place("Stade de Suisse")
    assert english_entity("Monte Barrett", "LOC", None, [" in the sixth"])[2] is True
    assert english_entity("Coney Island", "LOC", None, [" in the sixth"])[2] is False


def test_a_lone_word_joins_the_one_organisation_it_opens_or_names_the_kind_of():
    from lagebild.link.canonical import CanonicalEntity
    from lagebild.link.entity_merge import merge_surnames
    from lagebild.records import Mention

    def ent(name, type_, n=2):
        return CanonicalEntity(name=name, type=type_, aliases=[name], article_ids=["a"], confidence=0.7,
                               mentions=[Mention(article_id="a", text=name, label=type_, start=0, end=len(name))] * n)
    bank, marfin = ent("Marfin Bank", "ORG", 3), ent("Marfin", "ORG")
    society, lone = ent("Wildlife Society", "ORG"), ent("Society", "ORG", 11)
    two = [ent("West Coast Bank", "ORG"), ent("Marfin Bank", "ORG"), ent("Bank", "ORG")]
    out = merge_surnames([bank, marfin, society, lone], {}, "en")
    assert out == [bank, society] and "Society" in society.aliases
    assert len(merge_surnames(two, {}, "en")) == 3  # which bank? left apart


def test_international_first_names_list_one_mention_of_a_full_name_outside_german_only():
    from lagebild.link.entity_evidence import LISTED, confidence, first_names

    assert "Rodney" in first_names("en") and "Rodney" not in first_names("de")
    assert confidence("Rodney Carney", "PER", None, 1, "en") >= LISTED
    assert confidence("Rodney Carney", "ORG", None, 1, "en") < LISTED  # the model's type is not overruled
    from pathlib import Path

    import lagebild
    lines = (Path(lagebild.__file__).parent / "data" / "first-names-intl.txt").read_text(encoding="utf-8").splitlines()
    assert "Summer" not in lines and "Jordan" not in lines and "Melissa" in lines  # a word, a place, a name
    head = lines[0]
    assert "Faker" in head and "MIT" in head and "lagebild.training.first_names" in head  # recipe and licence


def test_a_trailing_comma_is_no_part_of_the_name():
    from lagebild.link.entity_en import trim_name

    assert trim_name("Hugh Grant,") == "Hugh Grant" and trim_name("Hugh Grant ,") == "Hugh Grant"
    assert trim_name("Manning Marable") == "Manning Marable"


def test_a_country_named_surname_is_the_person_the_article_names():
    from lagebild.api import analyse

    texts = ["The Washington Wizards fired coach Eddie Jordan on Monday after a 1-10 start. Jordan had led the team "
             "to four straight playoff appearances. Many executives still think highly of Jordan, the team said.",
             "Eddie Jordan was fired by the Wizards on Monday. The team had won one of eleven games this season."]
    dossier = analyse(texts=texts)
    ents = [e for s in dossier.stories for e in s.entities if "Jordan" in e.aliases]
    assert [(e.name, e.type) for e in ents] == [("Eddie Jordan", "PER")]


def test_two_mentions_of_a_work_or_unknown_place_are_not_listed_in_english():
    from lagebild.link.entity_evidence import LISTED, confidence

    assert confidence("Dark Angel", "MISC", None, 2, "en") < LISTED
    assert confidence("Stadiou", "LOC", None, 2, "en") < LISTED
    assert confidence("Dark Angel", "MISC", None, 3, "en") >= LISTED
    assert confidence("Wells Fargo", "ORG", None, 2, "en") >= LISTED
    assert confidence("Tatort", "MISC", None, 2, "de") >= LISTED  # the model reads German well


def test_works_named_after_people_awards_and_spaced_ages():
    # a work noun after a name makes it a work, even with a first name ('Harry' is one)
    assert english_type("Harry Potter", "PER", [" films to Chris Columbus"], ["entrusted the first two "]) == "MISC"
    assert english_type("Harry Potter", "PER", [" said on Monday"], ["the boy "]) == "PER"
    assert english_type("Primetime Emmy", "ORG", [" nomination"], ["received a "]) == "MISC"
    # a token-spaced age ('61 - year - old') marks a person as '61-year-old' does
    assert english_type("Anargyros Bizianis", "ORG", [", a municipal worker"], ['said 61 - year - old ']) == "PER"


def test_a_first_name_the_ner_left_out_joins_the_name():
    from tests.test_audit56_classes import story_entities

    ents = story_entities("Der Täter erschoss die Protokollführerin Julie Ann Brandau. Brandau war 46. Auch König Abdullah "
                          "Hamid kam.", [("Ann Brandau", "PER"), ("Brandau", "PER"), ("Abdullah Hamid", "PER")])
    assert "Julie Ann Brandau" in ents and "Ann Brandau" not in ents
    assert "Abdullah Hamid" in ents  # a title before a name is no first name ('König')
