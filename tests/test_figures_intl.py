"""English and French figures: number reading, hedges, non-figures, count_of and topics."""
import json
from pathlib import Path

import pytest

from lagebild.analyse import sentences
from lagebild.analyse.figures import find_figures
from lagebild.analyse.number_lexicon_intl import parse_digits_en, parse_number_words
from lagebild.analyse.numbers import scan_numbers
from lagebild.analyse.topics import topic_of
from lagebild.records import AnalysedArticle, Article

DATA = Path(__file__).parent / "data" / "numbers_en_fr.jsonl"


@pytest.mark.parametrize("words,lang,value", [
    ("three thousand", "en", 3000), ("twenty-five", "en", 25), ("two hundred and fifty", "en", 250),
    ("one hundred", "en", 100), ("deux mille", "fr", 2000), ("quatre-vingt-dix", "fr", 90),
    ("vingt et un", "fr", 21), ("trois cents", "fr", 300), ("soixante-dix", "fr", 70),
    ("quatre-vingts", "fr", 80), ("deux millions", "fr", 2e6),
])
def test_number_words(words, lang, value):
    assert parse_number_words(words.split(), lang)[0] == value


@pytest.mark.parametrize("words,lang", [("one", "en"), ("un", "fr"), ("une", "fr"), ("soldiers", "en")])
def test_articles_are_not_amounts(words, lang):
    assert parse_number_words(words.split(), lang) is None


@pytest.mark.parametrize("s,value", [("3,000", 3000), ("1,500.5", 1500.5), ("1.5", 1.5), ("12", 12)])
def test_english_digits(s, value):
    assert parse_digits_en(s) == value


@pytest.mark.parametrize("text,lang,want", [
    ("at least 3,000 North Korean soldiers", "en", ("at least 3,000", 3000, 3000, None, "at_least", None)),
    ("about 10,000 troops", "en", ("about 10,000", 10000, 9000, 11000, "approx", None)),
    ("up to 1.5 million shells", "en", ("up to 1.5 million", 1.5e6, None, 1.5e6, "at_most", None)),
    ("a loss of $5m", "en", ("$5m", 5e6, 5e6, 5e6, "exact", "USD")),
    ("a wall of 5m", "en", ("5m", 5, 5, 5, "exact", "m")),
    ("tens of thousands of people", "en", ("tens of thousands", None, 20000, 99999, "vague", None)),
    ("several hundred migrants", "en", ("several hundred", None, 200, 999, "vague", None)),
    ("a few thousand fans", "en", ("a few thousand", None, 2000, 9999, "vague", None)),
    ("between 5,000 and 7,000 soldiers", "en", ("between 5,000 and 7,000", None, 5000, 7000, "range", None)),
    ("two to three million", "en", ("two to three million", None, 2e6, 3e6, "range", None)),
    ("12 per cent of the vote", "en", ("12 per cent", 12, 12, 12, "exact", "%")),
    ("au moins 3\u202f000 soldats", "fr", ("au moins 3\u202f000", 3000, 3000, None, "at_least", None)),
    ("Environ 1,5 million d'obus", "fr", ("Environ 1,5 million", 1.5e6, 1.35e6, 1.65e6, "approx", None)),
    ("5 millions d'euros", "fr", ("5 millions d'euros", 5e6, 5e6, 5e6, "exact", "EUR")),
    ("jusqu’à 800 personnes", "fr", ("jusqu’à 800", 800, None, 800, "at_most", None)),
    ("une vingtaine de blessés", "fr", ("une vingtaine", 20, 18, 22, "approx", None)),
    ("des centaines de milliers de réfugiés", "fr", ("centaines de milliers", None, 2e5, 999999, "vague", None)),
    ("120 kilomètres carrés", "fr", ("120 kilomètres carrés", 120, 120, 120, "exact", "km2")),
    ("de 20 à 30 roquettes", "fr", ("20 à 30", None, 20, 30, "range", None)),
])
def test_scan(text, lang, want):
    found = scan_numbers(text, lang)
    assert len(found) == 1, [m.text for m in found]
    m = found[0]
    assert (m.text, m.value, m.low, m.high, m.qualifier, m.unit) == want
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text,lang", [
    ("They met on 5 October and again on October 12.", "en"),
    ("He came 1st, she came 3rd.", "en"),
    ("Article 5 was invoked in 2001.", "en"),
    ("The G7 discussed the F-16 jets at 3 p.m. for three days.", "en"),
    ("John Smith, 45, said it was over.", "en"),
    ("Call 0800 123 4567.", "en"),
    ("Le sommet du 5 octobre a duré deux jours.", "fr"),
    ("Il est arrivé 1er à 10h30.", "fr"),
    ("L'article 5 du traité date de 1949.", "fr"),
])
def test_non_figures(text, lang):
    assert scan_numbers(text, lang) == [], [m.text for m in scan_numbers(text, lang)]


def _figures(text: str, lang: str):
    doc = AnalysedArticle(article=Article(id="t", source="test", text=text, language=lang))
    sentences(doc)
    find_figures(doc)
    for f in doc.figures:
        assert text[f.start:f.end] == f.text
    return doc.figures


def test_count_of_english():
    figs = _figures("Seoul said at least 3,000 North Korean soldiers had arrived. Thousands of troops "
                    "massed there, and 12 per cent of the vote went to them. About 1.5 million shells "
                    "were sent.", "en")
    assert [f.count_of for f in figs] == ["North Korean soldiers", "troops", "vote", "shells"]
    assert figs[0].topic == figs[1].topic == topic_of("Soldaten") == "soldat"


def test_what_an_english_sum_of_money_is():
    """The noun after a sum ('$184 million offer', '$2 billion in aid') or before it ('a deal worth', 'bail
    of'); a time word after it says when, not what ('$5 billion last year', 'in the $75 million range')."""
    figs = _figures("The Red Sox made an eight-year, $184 million offer to Teixeira. The deal is worth $200 million, "
                    "Patrick said. Congress approved $2 billion in aid. He posted bail of $50,000. He got a $23 million "
                    "signing bonus. Sales rose to $5 billion last year. It sold in the $75 million range. He paid "
                    "$5 million, making history.", "en")
    assert [(f.text, f.count_of) for f in figs] == [
        ("$184 million", "offer"), ("$200 million", "deal"), ("$2 billion", "aid"), ("$50,000", "bail"),
        ("$23 million", "signing bonus"), ("$5 billion", ""), ("$75 million", ""), ("$5 million", "")]
    assert [f.topic for f in figs][:2] == ["offer", "deal"]


def test_count_of_french():
    figs = _figures("Au moins 3 000 soldats nord-coréens sont arrivés. Environ 1,5 million d'obus auraient "
                    "été livrés. Des milliers de militaires attendent. Le parti a obtenu 12 % des voix.", "fr")
    assert [f.count_of for f in figs] == ["soldats nord-coréens", "obus", "militaires", "voix"]
    assert figs[0].topic == figs[2].topic == "soldat"
    assert figs[1].topic == topic_of("shells", "en") == topic_of("Granaten")


def test_topics_cross_language():
    assert topic_of("troops", "en") == topic_of("soldats", "fr") == topic_of("Truppen")
    assert topic_of("injured", "en") == topic_of("blessés", "fr") == topic_of("Verletzte")
    assert topic_of("injured", "en") != topic_of("dead", "en")


def test_gold_file_scores():
    from lagebild.evaluate.numbers import score

    cases = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(cases) >= 60 and sum(1 for c in cases if not c["figures"]) >= 10
    res = score(cases)
    assert res["f1"] >= 0.95 and res["values_exact"] >= 0.95, res


def test_count_on_the_left_and_odd_words():
    figs = _figures("The number of dead rose to 50 on Monday. Prices rose 5% over 2023. "
                    "Roughly half a million people fled.", "en")
    assert [(f.text, f.count_of, f.topic) for f in figs] == [
        ("50", "dead", topic_of("Tote")), ("5%", "", ""), ("Roughly half a million", "people", "mensch:vertrieben")]  # what happened to them
    assert figs[2].value == 500000 and figs[2].qualifier == "approx"
    figs = _figures("Le nombre de morts est passé à 50 lundi. Un bâtiment neuf a été construit.", "fr")
    assert [(f.text, f.count_of) for f in figs] == [("50", "morts")]


def test_person_figures_keep_what_happened_to_the_people_apart():
    """'800 evacuated' and 'up to 3,000 affected' count different people: no shared group."""
    from lagebild.analyse.topics import predicate_class

    cases = [
        ("Die Behörden haben rund 800 Menschen in Sicherheit gebracht.", "800", "Menschen", "evakuiert"),
        ("Nach Angaben der Feuerwehr könnten bis zu 3.000 Menschen betroffen sein.", "3.000", "Menschen", "betroffen"),
        ("Die Feuerwehr sprach von etwa 1.500 Menschen, die ihre Häuser verlassen mussten.", "1.500", "Menschen",
         "evakuiert"),
        ("Mindestens 1.200 Menschen aus Lindtal und Oberwies wurden in Sicherheit gebracht.", "1.200", "Menschen",
         "evakuiert"),
        ("Bei dem Unglück wurden 12 Menschen getötet und 40 verletzt.", "12", "Menschen", "tot"),
        ("About 800 people were evacuated on Tuesday.", "800", "people", "evakuiert"),
        ("Au moins 14 personnes ont été blessées.", "14", "personnes", "verletzt"),
        ("Rund 800 Menschen leben in dem Dorf.", "800", "Menschen", None),
        ("In Serbien wurden rund 10.000 Flüchtlinge registriert.", "10.000", "Flüchtlinge", "registriert"),
        ("Die Ermittler haben mindestens drei mutmaßliche Täter identifiziert.", "drei", "mutmaßliche Täter",
         "identifiziert"),
        ("Mehr als 23.000 Beschäftigte befänden sich im Ausstand.", "23.000", "Beschäftigte", "streik"),
        ("Seoul said 3,000 soldiers had arrived.", "3,000", "soldiers", None),  # arrivals are the same troops
        ("Police said as many as 20,000 people took to the streets of Athens.", "20,000", "people", "demonstriert"),
        ("In Wien demonstrierten rund 30.000 Menschen gegen die Reform.", "30.000", "Menschen", "demonstriert"),
    ]
    for text, num, noun, want in cases:
        n = text.index(num)
        c = text.index(noun, n) + len(noun)
        assert predicate_class(text, 0, len(text), n, c) == want, text
