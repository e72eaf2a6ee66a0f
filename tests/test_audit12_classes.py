"""Error classes of the twelfth outside-style audit, on invented text: products by their model word,
events, buildings and camps, institutions named after their seat, a nationality before a person, role
nouns, the people of a region ('die Schweden'), a vote count run into a name."""
from __future__ import annotations

from test_audit56_classes import story_entities


def test_products_events_and_buildings_get_their_type():
    text = ("Apple hat Apple Pay und die Apple Watch gezeigt. Windows XP ist alt. Die Apple Inc klagt. Microsoft "
            "Deutschland wächst. Die World Wide Developers Konferenz beginnt. Den Grand Prix gewann er. Im Trump Tower "
            "und im KZ Dachau.")
    ents = story_entities(text, [("Apple", "ORG"), ("Apple Pay", "ORG"), ("Apple Watch", "ORG"), ("Windows XP", "ORG"),
                                 ("Apple Inc", "ORG"), ("Microsoft Deutschland", "ORG"),
                                 ("World Wide Developers Konferenz", "ORG"), ("Grand Prix", "ORG"),
                                 ("Trump Tower", "ORG"), ("KZ Dachau", "ORG")])
    assert {ents[n].type for n in ("Apple Pay", "Apple Watch", "Windows XP")} == {"MISC"}
    assert ents["Apple Inc"].type == "ORG" and ents["Microsoft Deutschland"].type == "ORG"
    assert ents["World Wide Developers Konferenz"].type == "MISC" and ents["Grand Prix"].type == "MISC"
    assert ents["Trump Tower"].type == "LOC" and ents["KZ Dachau"].type == "LOC"


def test_an_institution_named_after_its_seat_is_not_the_place():
    ents = story_entities("Das Kunsthaus Graz zeigt Bilder. In Graz regnet es.", [("Kunsthaus Graz", "LOC"), ("Graz", "LOC")])
    assert "Kunsthaus Graz" in ents and ents["Graz"].aliases == ["Graz"]


def test_nationalities_roles_and_counts_are_cut_from_persons():
    text = ("Der Deutsche Fabian Rießle siegte. Klubobmann Andreas Schieder sprach, Klubobmann Schieder auch. Die "
            "Weltcup-Titelverteidigerin jubelte. Gewählt wurde Robert Friess von 3. Dezember an. Schalke 04 siegte.")
    ents = story_entities(text, [("Deutsche Fabian Rießle", "ORG"), ("Andreas Schieder", "PER"), ("Klubobmann Schieder", "PER"),
                                 ("Weltcup-Titelverteidigerin", "ORG"), ("Robert Friess von 3.", "PER"), ("Schalke 04", "ORG")])
    assert ents["Fabian Rießle"].type == "PER" and "Klubobmann Schieder" not in ents
    assert "Schieder" in ents["Andreas Schieder"].aliases
    assert not ents["Weltcup-Titelverteidigerin"].listed
    assert "Robert Friess" in ents and "Schalke 04" in ents


def test_the_people_of_a_region_are_not_the_region():
    ents = story_entities("Die Schweden kaufen Volvo. Die Schwaben krempeln die Ärmel hoch. In Schweden regnet es.",
                          [("Schweden", "LOC"), ("Schwaben", "LOC"), ("Schweden", "LOC")])
    assert "Schwaben" not in ents and len(ents["Schweden"].mentions) == 1


def test_a_birthday_is_no_decade():
    from lagebild.analyse.timex_rules import scan

    assert not [c for c in scan("Er feierte daheim seinen rüstigen 70er.") if c.spec.get("kind") == "decade"]
    assert [c for c in scan("In den 70er Jahren war das anders.") if c.spec.get("kind") == "decade"]


def test_purpose_soll_beside_an_indicative_verb_continues_no_report():
    from test_audit56_classes import quotes_of

    qs = quotes_of("Rovio sagte, das Spiel komme im Mai. Allerdings ist es grundsätzlich kostenlos und soll durch "
                   "Zahlungen Geld einbringen.", [("Rovio", "ORG")])
    qs += quotes_of("Rovio sagte, das Spiel komme im Mai. Der Chef soll zudem bald gehen.", [("Rovio", "ORG")])
    assert not any("kostenlos" in q.text for q in qs)
    assert any("bald gehen" in q.text for q in qs)  # hearsay 'soll' alone still continues the report


def test_thirteenth_audit_headings_kinds_compass_and_role_tags():
    ents = story_entities("ALLTAGSSPRACHE Die Kinder lernen. Die UNESCO lobt. In der Republik Kolumbien. Zwischen West und "
                          "Ost. Dort spielt Warriors-Point-Guard Stephen Curry. In Steven Spielbergs Kalter-Krieg-Thriller.",
                          [("ALLTAGSSPRACHE", "ORG"), ("UNESCO", "ORG"), ("Republik", "LOC"), ("West und Ost", "ORG"),
                           ("Warriors-Point-Guard Stephen Curry", "PER"), ("Steven Spielbergs", "PER")])
    assert not ents["ALLTAGSSPRACHE"].listed and ents["UNESCO"].listed
    assert not ents["Republik"].listed and not ents["West und Ost"].listed
    assert "Stephen Curry" in ents and "Steven Spielberg" in ents


def test_am_weekday_in_a_present_clause_is_the_coming_one():
    from lagebild.analyse.timex import find_timexes
    from lagebild.records import AnalysedArticle, Article

    def values(text: str) -> list[str]:
        doc = AnalysedArticle(Article(id="a", source="a", text=text, language="de", published="2016-01-28"))
        find_timexes(doc)
        return [t.value for t in doc.timexes]

    assert values("Konzert\nDer Komponist gastiert am Sonntag im Radiokulturhaus.") == ["2016-01-31"]
    assert values("Konzert\nDer Komponist gastierte am Sonntag im Radiokulturhaus.") == ["2016-01-24"]
    assert values("Konzert\nDie Polizei sucht seit Sonntag nach dem Mann.") == ["2016-01-24"]
    assert values("Polizei fasst am Sonntag den Täter\nDer Mann wurde verhaftet.") == ["2016-01-24"]  # a headline


def test_fourteenth_audit_place_endings_initials_and_journals():
    ents = story_entities("Tore: M. Hofmann (12.), S. Hofmann (80.). In Uttar Pradesh und in Colorado Springs. Kellie Hill "
                          "lachte. Das Fachblatt Biology Letters schreibt. Manchester City siegte.",
                          [("M. Hofmann", "PER"), ("S. Hofmann", "PER"), ("Uttar Pradesh", "PER"), ("Colorado Springs", "ORG"),
                           ("Kellie Hill", "PER"), ("Fachblatt Biology Letters", "LOC"), ("Manchester City", "ORG")])
    assert "M. Hofmann" in ents and "S. Hofmann" in ents  # two players, not one
    assert ents["Uttar Pradesh"].type == "LOC" and ents["Colorado Springs"].type == "LOC"
    assert ents["Kellie Hill"].type == "PER" and ents["Manchester City"].type == "ORG"
    assert ents["Biology Letters"].type == "ORG"


def test_until_a_month_ahead_and_a_weekday_in_a_one_line_text():
    from lagebild.analyse.timex import find_timexes
    from lagebild.records import AnalysedArticle, Article

    def values(text: str, published: str | None = "2015-07-31") -> list[tuple[str, str]]:
        doc = AnalysedArticle(Article(id="a", source="a", text=text, language="de", published=published))
        find_timexes(doc)
        return [(t.text, t.value) for t in doc.timexes]

    assert ("Ende August", "2015-08") in values("Die Bilder hängen bis Ende August. Danach gehen sie nach Wien.")
    assert ("Ende August", "2014-08") in values("Schau\nEr war bis Ende August im Amt.")  # told in the past
    one_line = values("Die Bilder hängen in der Galerie. Vernissage ist am Samstag um 19 Uhr! (wh, 31.7.2015)", None)
    assert ("Samstag um 19 Uhr", "2015-08-01T19:00") in one_line


def test_a_report_in_the_present_dates_a_past_weekday():
    from lagebild.analyse.timex import find_timexes
    from lagebild.records import AnalysedArticle, Article

    doc = AnalysedArticle(Article(id="a", source="a", text="G7\nAlles ist friedlich, vermeldet die Polizei am Freitag in "
                                  "Garmisch.", language="de", published="2015-06-06"))
    find_timexes(doc)
    assert [t.value for t in doc.timexes] == ["2015-06-05"]  # sixteenth audit: not the coming Friday


def test_a_version_number_is_no_date():
    from lagebild.analyse.timex_rules import scan

    assert not [c for c in scan("Betroffen sind die Versionen 4.3.0 bis 4.3.16 sowie 5.0.7.") if c.rule == "date_dmy"]
    assert [c for c in scan("Am 4.3.16 kam er an.") if c.rule == "date_dmy"]
