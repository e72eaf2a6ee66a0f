"""Cleaning on invented boilerplate: teasers, comments, credits, agency tags, bylines, translation notes."""
from __future__ import annotations

import pytest

from lagebild.clean import clean_document, normalise_lines
from lagebild.records import RawDocument

BODY1 = ("Birkenau – Der Gemeinderat hat am Montagabend einstimmig einen neuen Deich entlang der Lind "
         "beschlossen. Die Bauarbeiten sollen im Herbst beginnen und rund 18 Monate dauern.")
BODY2 = ("„Wir haben aus dem letzten Frühjahr gelernt“, sagte Bürgermeisterin Ilse Kramer am Rande der "
         "Sitzung. Damals waren nach Angaben der Feuerwehr mehr als 40 Keller vollgelaufen.")
BODY3 = ("Die Kosten von 4,2 Millionen Euro teilen sich Gemeinde und Land. Das Landesumweltamt hatte den "
         "Deich bereits 2022 als dringend eingestuft.")


def _clean(text: str, **kw):
    return clean_document(RawDocument(id="t", source="t.txt", text=text, **kw))


def test_teasers_comments_feedback_credits_removed():
    text = "\n".join([
        "Neuer Deich für Birkenau beschlossen",
        "Von: Paul Lerch",
        BODY1,
        "• Lesen Sie auch: Pegel der Lind sinkt wieder",
        "Foto: Feuerwehr Birkenau / dpa",
        BODY2,
        "Mehr zum Thema",
        "- Hochwasser: So schützen Sie Ihren Keller",
        "- Die zehn größten Deiche im Land",
        "Zwischenbilanz der Bauarbeiten",
        BODY3 + " (pl/dpa)",
        "Hat Ihnen dieser Artikel gefallen?",
        "Newsletter: Jetzt kostenlos abonnieren und immer informiert bleiben",
        "3 Kommentare",
        "Sie sind aktuell nicht eingeloggt.",
        "seefan77",
        "Endlich passiert etwas, das hat viel zu lange gedauert.",
    ])
    art = _clean(text, title="Neuer Deich für Birkenau beschlossen")
    lines = art.text.split("\n")
    assert lines == [
        "Neuer Deich für Birkenau beschlossen",  # the title stays first, once
        BODY1, BODY2,
        "Zwischenbilanz der Bauarbeiten",  # a section subheading stays
        BODY3,
    ]
    assert art.byline == "Paul Lerch"
    assert art.agency == ["dpa"]
    for gone in ("Von: Paul Lerch", "• Lesen Sie auch: Pegel der Lind sinkt wieder", "Foto: Feuerwehr Birkenau / dpa",
                 "- Die zehn größten Deiche im Land", "(pl/dpa)", "seefan77",
                 "Endlich passiert etwas, das hat viel zu lange gedauert."):
        assert gone in art.removed_lines
    assert art.language == "de"


def test_translation_note_and_author_shorthand():
    text = "\n".join([
        "Brücke über die Lind wird teurer",
        "Dieser Artikel wurde aus dem Französischen übersetzt.",
        BODY1,
        BODY2 + " (lismah)",
    ])
    art = _clean(text)
    assert art.translated_from == "fr"
    assert art.title == "Brücke über die Lind wird teurer"  # headline detected in a plain-text input
    assert art.text.endswith("vollgelaufen.")
    assert "(lismah)" in art.removed_lines
    assert art.agency == []  # an author shorthand is no agency


def test_agency_variants():
    art = _clean("\n".join([BODY1 + " (AFP/dpa/AP)", BODY2, "Mit Material von Reuters und KNA"]))
    assert art.agency == ["AFP", "dpa", "AP", "Reuters", "KNA"]
    assert art.text == "\n".join([BODY1, BODY2])

    dateline = _clean("Birkenau (epd) - " + BODY2)
    assert dateline.agency == ["epd"]
    assert dateline.text.startswith("Birkenau (epd) - ")  # the dateline stays in the text


def test_parentheses_that_are_not_credits_stay():
    line = "Das sagte der Landrat Peter Quandt (CDU). Die Fraktion stimmte zu (siehe Grafik)."
    art = _clean(line + "\n" + BODY1)
    assert line in art.text and art.agency == []


def test_teaser_label_before_subheading_keeps_the_subheading():
    text = "\n".join([BODY1, "Meine News", "Wie es mit dem Deich weitergeht", BODY2, BODY3])
    art = _clean(text)
    assert "Wie es mit dem Deich weitergeht" in art.text.split("\n")
    assert "Meine News" in art.removed_lines


def test_byline_forms_and_false_friends():
    art = _clean("Von Max Muster und Erika Beispiel\n" + BODY1)
    assert art.authors == ["Max Muster", "Erika Beispiel"] and art.byline == "Max Muster, Erika Beispiel"
    assert _clean("Autor: Jonas Reh\n" + BODY1).byline == "Jonas Reh"
    keep = "Von Montag an gilt eine Umleitung"
    art = _clean(keep + "\n" + BODY1)
    assert art.byline is None and keep in art.text


def test_metadata_byline_wins_and_html_title_prepended():
    art = _clean(BODY1 + "\n" + BODY2, title="Deich kommt", byline="Carla Weidner")
    assert art.text.split("\n")[0] == "Deich kommt"
    assert art.byline == "Carla Weidner"


def test_whitespace_and_invisible_characters_normalised():
    assert normalise_lines("a\u00a0b\u00adc\u200b\r\n\n  d  \t e ") == ["a bc", "d e"]


def test_language_detected():
    art = _clean("The council approved a new dike along the river on Monday evening. Construction will start in autumn.")
    assert art.language == "en"


def test_seed_articles_come_out_clean(seeds_dir):
    """The real seeds (never tuned on): comment section, agency tag, teasers, byline."""
    from lagebild.ingest import read_paths

    arts = {a.id[:3]: a for a in (clean_document(r) for r in read_paths([str(seeds_dir)]))}
    s4 = arts["004"]
    assert "sda" in s4.agency and "(sda/daf)" in s4.removed_lines
    assert "Kommentare" in s4.removed_lines and "Kommentar" not in s4.text
    assert s4.text.rstrip().endswith("gerichtet sei.")
    assert not any("Lesen Sie auch" in l for l in arts["002"].text.split("\n"))
    # 'Von: mk' is an author shorthand, not a person: no byline is invented from it (issue 17)
    assert arts["003"].byline is None and "Von: mk" in arts["003"].removed_lines and not arts["003"].text.startswith("Von:")
    assert "(lismah)" in arts["001"].removed_lines and "Meine news" in arts["001"].removed_lines


def test_long_comment_section_after_short_article_is_cut():
    comments = []
    for k in range(8):
        comments += [f"leser_{k}", "Das sehe ich ganz anders, die Gemeinde hätte viel früher handeln müssen und hat "
                     "jahrelang nichts getan, obwohl alle Bescheid wussten."]
    art = _clean("\n".join([BODY1, BODY2, "Kommentare", "Dein Kommentar"] + comments))
    assert art.text == "\n".join([BODY1, BODY2])
    assert "leser_7" in art.removed_lines


def test_comment_word_early_in_text_does_not_cut_the_article():
    text = "\n".join(["Kommentare", BODY1, BODY2, BODY3])
    art = _clean(text)
    assert art.text == "\n".join([BODY1, BODY2, BODY3])  # only the stray label goes


@pytest.mark.parametrize("line,date", [
    ("May 02, 2013", "2013-05-02"), ("Wed May 5, 2010 7:12pm BST", "2010-05-05"), ("14 June 2013", "2013-06-14"),
    ("Updated Thu 6 May 2010, 9:03am AEST", "2010-05-06"), ("Publié le 5 mai 2010", "2010-05-05"),
    ("12. Mai 2015", "2015-05-12"),
])
def test_english_and_french_date_lines_date_the_article(line, date):
    body = ("The strike brought the capital to a standstill as thousands of workers marched to parliament and "
            "the police closed the main square for the rest of the afternoon.")
    art = clean_document(RawDocument(id="a", source="a.txt", text=f"Strike paralyses the capital\n{line}\n{body}"))
    assert art.published == date and line not in art.text


def test_a_sentence_with_a_date_is_no_date_line():
    body = "The minister arrived on May 5, 2010 and left two days later, his office said on Friday in a statement."
    art = clean_document(RawDocument(id="a", source="a.txt", text=f"Minister visits\n{body}"))
    assert art.published is None and body in art.text
