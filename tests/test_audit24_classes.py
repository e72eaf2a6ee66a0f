"""Error classes of the 24th outside-style audit, on invented text: a role phrase before a person's name
('Tirols Landeschef Günther Platter') is not the person's canonical name; a bare role the article never
names ('der Rechtsanwalt', 'der 28-Jährige Deutsche') is no speaker to show, a role compound of a body
('ein Polizeisprecher') is; 'Staatsmedien' name nobody; a dateline and the writer's '– der STANDARD
berichtete' are no part of a 'laut' claim; a year inside a web address is no date."""
from __future__ import annotations

from tests.test_audit56_classes import quote_with, quotes_of


def test_a_role_before_a_name_does_not_become_the_persons_name():
    from lagebild.analyse import analyse_article
    from lagebild.link import build_story
    from lagebild.records import Article

    text = ("Innsbruck – Die Lage ist angespannt. Vorarlbergs Landeschef Markus Wallner (ÖVP) denkt an ein Verbot: "
            "Es geht um die Sicherheit, erklärte er. Der Hunger ist seine Schwäche, sagt Kovacs Trainer Emir Hadzic.")
    doc = analyse_article(Article(id="a", source="a", text=text, language="de"))
    story = build_story("s", [doc], [])
    names = {e.name for e in story.entities if e.listed}
    assert "Markus Wallner" in names and not any("Landeschef" in n for n in names)


def test_bare_roles_are_not_shown_role_compounds_of_a_body_are():
    from lagebild.link.speakers import _NAMELESS, _bare_role

    assert _bare_role("der Rechtsanwalt") and _bare_role("der 28-Jährige Deutsche")
    assert _bare_role("der ehemalige Präsidentschaftskandidat")
    assert not _bare_role("ein Polizeisprecher") and not _bare_role("der PiS-Vorsitzende")
    assert not _bare_role("ein Sprecher des Ministeriums") and not _bare_role("die wissenschaftliche Direktorin Eva Hof")
    assert _NAMELESS.fullmatch("chinesischen Staatsmedien")


def test_a_dateline_and_the_writers_report_note_are_no_part_of_a_claim():
    qs = quotes_of("Hamburg/Wien – Eine Internetseite einer Zeitung kann laut einem Urteil des Europäischen "
                   "Gerichtshofs als Angebot gelten – der STANDARD berichtete.",
                   [("Hamburg", "LOC"), ("Wien", "LOC"), ("Europäischen Gerichtshofs", "ORG")])
    q = quote_with(qs, "Internetseite")
    assert q.text.startswith("Eine Internetseite") and "STANDARD" not in q.text


def test_a_year_inside_a_web_address_is_no_date():
    from lagebild.analyse import analyse_article
    from lagebild.records import Article

    doc = analyse_article(Article(id="a", source="a", text="Er kaufte die Domain kandidat2016.at. Im Revolutionsjahr "
                                  "1917 begann es.", language="de", published="2016-04-01"))
    values = {t.value for t in doc.timexes}
    assert "2016" not in values and "1917" in values


def test_a_konjunktiv_after_a_subordinating_conjunction_continues_no_report():
    qs = quotes_of("Das sei ein guter Vertrag, sagte Peter Filz. Zwei Experten hat die Agentur für diese Auswertung "
                   "ausgeklammert, weil sie vor allem als Kenner der Parteien eingesetzt würden. Er sei zufrieden, "
                   "weil alles klappe.", [("Peter Filz", "PER")])
    assert not any("ausgeklammert" in q.text for q in qs)
    assert any(q.text.startswith("Er sei zufrieden") for q in qs)  # a Konjunktiv main clause still continues


def test_an_english_title_with_the_is_a_work_not_a_person_or_place():
    from tests.test_audit56_classes import story_entities

    ents = story_entities("Der Film The Revenant gewann. Auch The Hunting Ground lief. Die New York Times schrieb.",
                          [("The Revenant", "LOC"), ("The Hunting Ground", "PER"), ("New York Times", "ORG")])
    assert ents["The Revenant"].type == "MISC" and ents["The Hunting Ground"].type == "MISC"
    assert ents["New York Times"].type == "ORG"


def test_an_old_year_far_back_in_a_text_without_paragraphs_does_not_date_later_expressions():
    from lagebild.analyse import analyse_article
    from lagebild.records import Article

    filler = "Die Lage blieb in diesen Monaten angespannt, und die Regierung suchte nach neuen Wegen. " * 6
    text = ("Das Jahr war ein Krisenjahr. Putin klagte schon in seiner ersten Rede im Juli 2000 über die Lage. "
            + filler + "Die Wirtschaft steht im kommenden Jahr vor neuen Aufgaben.")
    doc = analyse_article(Article(id="a", source="a", text=text, language="de", published="2015-12-30"))
    assert {t.text: t.value for t in doc.timexes}["kommenden Jahr"] == "2016"
