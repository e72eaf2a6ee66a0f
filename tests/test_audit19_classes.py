"""Error classes of the nineteenth outside-style audit, on invented text: the medium or the person a
speaker talked to is no part of the speaker, and a 'wonach' clause reports its noun's claim, not the last
speaker's. Mentions are built by hand."""
from __future__ import annotations

from tests.test_audit56_classes import quotes_of


def test_a_medium_after_a_genitive_chain_or_a_person_told_is_cut_from_the_speaker():
    (q,) = quotes_of("Man werde die Grenze schließen, sagte ein Sprecher der Regierung der slowakischen "
                     "Nachrichtenagentur TASR.")
    assert q.speaker == "ein Sprecher der Regierung"
    (q,) = quotes_of("Ich verspreche dir keinen Garten, schrieb einst Paul Berger der Anna Lind ins Buch.",
                     [("Paul Berger", "PER"), ("Anna Lind", "PER")])
    assert q.speaker == "Paul Berger"


def test_a_wonach_clause_continues_no_report_of_the_last_speaker():
    text = ("Bis heute habe die Regierung nicht geantwortet, beklagte sich Gewerkschafter Grell. Kein Verständnis "
            "hat er für die Aussage des Ministers, wonach die Arbeitnehmer ständig neue Regeln fordern würden.")
    quotes = quotes_of(text, [("Grell", "PER")])
    assert not any(q.text.startswith("Kein Verständnis") for q in quotes)


def test_a_month_names_a_year_before_1600():
    from lagebild.evaluate.stories import run_story

    story, _ = run_story(["Im Mai 1291 schlossen sich drei Orte zusammen, berichtete die Zeitung am 3. März 2031."])
    values = {row["text"]: row["value"] for row in story["timeline"]}
    assert values.get("Mai 1291") == "1291-05"


def test_an_english_surname_ending_in_s_keeps_it_before_a_noun():
    from lagebild.link.entity_de import saxon_genitive

    assert not saxon_genitive("Bradley Jenkins", " Platz vier im Madison")
    assert saxon_genitive("Steven Spielbergs", " Film") and saxon_genitive("Peter Grönigers", " Team")


def test_a_person_in_parentheses_after_a_club_is_no_short_form_of_it():
    from tests.test_audit56_classes import story_entities

    text = "Samstag: Quellburg 04 (Grellner) – Hannover 96. Das Institut für Grenzstudien (IGS) warnt."
    ents = story_entities(text, [("Quellburg 04", "ORG"), ("Grellner", "PER"), ("Hannover 96", "ORG"),
                                 ("Institut für Grenzstudien", "ORG")])
    assert "Grellner" not in ents["Quellburg 04"].aliases and ents["Grellner"].type == "PER"
    assert "IGS" in ents["Institut für Grenzstudien"].aliases


def test_a_speaker_that_names_nobody_is_not_shown_and_the_company_is_the_one_the_article_names():
    from lagebild.link.speakers import hide_nameless
    from lagebild.records import Entity, Mention, Quote

    text = "Grelbay verkauft Waren. Der Fehler sei behoben, sagte das Unternehmen. Er sei ernst, sagte eine Sprecherin."
    s1, s2 = text.index("das Unternehmen"), text.index("eine Sprecherin")
    q1 = Quote("a", text.index("Der Fehler"), text.index(", sagte das"), "Der Fehler sei behoben", False,
               speaker="das Unternehmen", speaker_start=s1, speaker_end=s1 + 15, shown=True)
    q2 = Quote("a", text.index("Er sei"), text.index(", sagte eine"), "Er sei ernst", False,
               speaker="eine Sprecherin", speaker_start=s2, speaker_end=s2 + 15, shown=True)
    shop = Entity("Grelbay", "ORG", ["Grelbay"], ["a"], [Mention("a", 0, 7, "Grelbay", "ORG")])
    hide_nameless([q1, q2], [shop])
    assert q1.shown and q1.speaker_entity == "Grelbay"
    assert not q2.shown  # whose spokeswoman? the quote stays in the JSON only
    q3 = Quote("a", 0, 5, "x", False, speaker="das Unternehmen", speaker_start=s1, speaker_end=s1 + 15, shown=True)
    hide_nameless([q3], [])
    assert not q3.shown  # no organisation named before it
    from lagebild.link.speakers import _NAMELESS

    assert _NAMELESS.fullmatch("ein Behördensprecher") and _NAMELESS.fullmatch("der Ministeriumssprecher")
    assert not _NAMELESS.fullmatch("ein Polizeisprecher") and not _NAMELESS.fullmatch("die Polizei")


def test_a_name_opened_by_a_weak_adjective_is_given_in_its_own_strong_form():
    from lagebild.link.entity_de import nominative

    assert nominative("Oberste Gerichtshof", "ORG")[0] == "Oberster Gerichtshof"
    assert nominative("Rote Kreuz", "ORG")[0] == "Rotes Kreuz"
    assert nominative("Deutsche Bank", "ORG")[0] == "Deutsche Bank"  # feminine: the same form


def test_a_region_capital_can_stand_for_its_club_and_a_dateline_with_its_region_is_the_place():
    from tests.test_audit56_classes import story_entities

    text = ("Salzburg/Linz – Der Meister kam zu einem 2:0. Gegen Salzburg hilft wenig, Salzburg führte schon zur "
            "Pause 1:0, und Salzburg bleibt vorn.")
    ents = story_entities(text, [("Salzburg", "LOC")] * 4)
    assert ents["Salzburg"].type == "ORG"  # a region's capital (place code AT-5) used for the club
    text = "Kassel (Hessen) – Der Klub siegte 2:0. Zur Pause stand es 1:0."
    ents = story_entities(text, [("Kassel", "LOC")])
    assert ents["Kassel"].type == "LOC"  # a dateline with its region in parentheses names the place


def test_sun_moon_and_self_trained_compound_nouns_are_no_names_but_towns_stay():
    from lagebild.link.entity_evidence import _junk, common_noun

    assert _junk("Sonne", "LOC") and _junk("Mond", "LOC")
    assert common_noun("Krankenstand") and common_noun("Weltmeisterschaft")
    assert not common_noun("Mattersburg") and not common_noun("Wolfsberg") and not common_noun("Salzburgs")


def test_a_nouns_apposition_after_the_speaker_is_no_message():
    (q,) = quotes_of("Man werde das Netz ausbauen, sagte Paul Grell, Österreich-Chef des Konzerns Quellnet am "
                     "Montagabend vor Journalisten.", [("Paul Grell", "PER")])
    assert q.text == "Man werde das Netz ausbauen"
    (q,) = quotes_of("Die Regierung teilte mit, Merkel habe den Plan gebilligt.", [("Merkel", "PER")])
    assert q.text == "Merkel habe den Plan gebilligt"
