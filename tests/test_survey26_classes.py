"""Error classes of the surveys of 42 and 41 German web pages (surveys 26 and 27, tuned-on material), on
invented text.

Entities: a hyphenated one-word place or organisation whose head is a dictionary word ('Bio-Baumwolle',
'Elektro-Roller') is no name however often it is mentioned; an acronym's parenthesis
names its long form only when the long form opens it ('YPG (in deutschen Medien …)'); 'TÜV' is no ISO
code; names that differ in a number are not merged; a person's name never joins two words with 'für' or
'und'; 'Hy5 TT' is a model; a 'person' opened by an adjective ('Alte Meister') is none; festivals and
games are events. Quotes: 'sagen wir mal' is a filler; a name in quotation marks after 'der' is no
message; a member or customer does not speak for the body ('Ein Autohaus-Händler'); 'das
Staatsoberhaupt' is a bare role; a pronoun looks back no further than 1,000 characters outside its
paragraph's speakers; a colon before 'Laut' opens the claim's clause. Time: a season '2004/2005', an
issue 'Ausgabe 7/2019', a plan's year and a habit date nothing; 'zehn Jahre später' needs a time the text
told; a sentence that opens with a year after a word's period is its own sentence and dates its days."""
from __future__ import annotations

from tests.test_audit56_classes import quote_with, quotes_of


def _story(text: str, published: str | None = None):
    from lagebild.analyse import analyse_article
    from lagebild.link import build_story
    from lagebild.records import Article

    doc = analyse_article(Article(id="a", source="a", text=text, language="de", published=published))
    return doc, build_story("s", [doc], [])


def _entity(name: str, kind: str):
    from types import SimpleNamespace

    return SimpleNamespace(name=name, type=kind, aliases=[name], mentions=[], place=None, kind_word=False)


def test_dictionary_compounds_are_no_places_or_bodies_however_often_mentioned():
    from lagebild.link.entity_vouch import dictionary_word_name

    for name, kind in (("Bio-Baumwolle", "LOC"), ("Elektro-Roller", "ORG"), ("Corona-Leugnern", "ORG"),
                       ("Adblue-Tank", "LOC")):
        assert dictionary_word_name(_entity(name, kind), {}), name
    for name, kind in (("Preševo", "LOC"), ("Caritas", "ORG"), ("Kufstein", "LOC"), ("ÖVP", "ORG"),
                       ("Antholz-Anterselva", "LOC"), ("Taekwando-Stadion", "LOC"), ("Houthi-Rebellen", "ORG"),
                       ("Nordhausen-Nord", "LOC")):
        assert not dictionary_word_name(_entity(name, kind), {}), name


def test_acronym_parenthesis_tuv_numbers_and_joined_persons_do_not_merge():
    _, story = _story("Die Kämpfer der mit den Arabern verbündeten YPG (in deutschen Medien oft „Dscheh-Peh-Geh“ "
                      "genannt) sind stark. Deutschland liefert Waffen, in Deutschland wird gestritten. Der Experte vom "
                      "TÜV Thüringen prüft. Bei den Olympischen Winterspielen 2018 in Pyeongchang und den Olympischen "
                      "Winterspielen 2006 in Turin startete sie.")
    by_name = {e.name: e for e in story.entities}
    assert "YPG" not in by_name.get("Deutschland").aliases
    assert not any(e.name == "Tuvalu" for e in story.entities)
    assert not any("2018" in e.name and any("2006" in a for a in e.aliases) for e in story.entities)
    from lagebild.link.mention_repair import _JOINED

    assert _JOINED.search("Grok für Tesla") and _JOINED.search("Tobias und Jean Pierre")
    assert not _JOINED.search("Ursula von der Leyen")


def test_model_codes_adjectives_and_events_get_no_person_type():
    from lagebild.link.entity_kinds import event_name
    from lagebild.link.entity_vouch import opened_by_adjective

    assert opened_by_adjective(_entity("Alte Meister", "PER")) and opened_by_adjective(_entity("Grüner Knopf", "PER"))
    assert not opened_by_adjective(_entity("Karin Fischer", "PER"))
    assert event_name("Dresdner Stollenfest") and event_name("Olympischen Winterspielen 2018")
    assert not event_name("Kommunistisches Manifest")
    _, story = _story("Der Kindersitz Hy5 TT kostet 300 Euro. Im Test lag der Hy5 TT vorn, sagte die Prüferin.")
    assert not any(e.type == "PER" and "Hy5" in e.name for e in story.entities)


def test_fillers_quoted_names_members_and_bare_roles_are_no_speakers():
    qs = quotes_of("Und dann wird das anfangen in den Wohngegenden, sagen wir mal Hamburg Ottensen zum Beispiel, dass "
                   "da die Eltern nicht mehr wollen, dass Sie da durchfahren.", [("Hamburg Ottensen", "LOC")])
    assert not any(q.speaker and "Ottensen" in q.speaker for q in qs)
    qs = quotes_of("Auf Nachfrage der „Morning Post“ sagte ein Sprecher von Lieferblitz: „Wir bieten diesen Dienst "
                   "nicht an.“", [("Lieferblitz", "ORG")])
    assert not any(q.text.strip() == "Morning Post" for q in qs)
    from lagebild.link.speakers import _bare_role, _member_speaker

    assert _member_speaker("Ein Autohaus-Händler in Gera") and _member_speaker("der Aktivist der Mieterunion")
    assert _member_speaker("Brancheninsider gegenüber Technews")
    assert not _member_speaker("ein Sprecher des Ministeriums") and not _member_speaker("Stefan")
    assert _bare_role("das Staatsoberhaupt")


def test_a_pronoun_does_not_reach_a_body_paragraphs_up():
    filler = "Sie spielte viele Rollen an vielen Bühnen des Landes und in Filmen. " * 20
    qs = quotes_of("Das teilte die Organisation Bühnenhilfe mit. Die Schauspielerin starb am Samstag.\n" + filler
                   + "\n„Man muss es ernst nehmen“, sagte sie in einem Interview.", [("Bühnenhilfe", "ORG")])
    q = quote_with(qs, "ernst nehmen")
    assert not (q.speaker and "Organisation" in q.speaker)


def test_a_colon_before_laut_opens_the_claims_clause():
    qs = quotes_of("Das Ende ist damit nicht erreicht: Laut dem Magazin Technews könnte die Firma schon 2025 einen "
                   "eigenen Akku bauen.", [("Technews", "ORG")])
    q = quote_with(qs, "Akku")
    assert q.text.startswith("könnte die Firma") and "Ende" not in q.text  # (the fronted frame stays out: survey 33)


def test_seasons_issues_plans_habits_and_untold_offsets_date_nothing():
    from lagebild.analyse.timex_anchor import SHOW_THRESHOLD

    doc, _ = _story("In der Saison 2004/2005 stand sie dreimal auf dem Podium. Das berichtet das Magazin in seiner "
                    "Ausgabe 7/2019. Unser Spielplatzkonzept 2025 zeigt Lücken. Das Fest findet jedes Jahr am Samstag "
                    "vor dem zweiten Advent statt. Als die ersten Autos kamen, lachten viele. Doch zehn Jahre später "
                    "waren die Kutschen weg.", published="2022-10-21")
    shown = {t.text for t in doc.timexes if t.confidence >= SHOW_THRESHOLD}
    assert not shown & {"2004", "2005", "7/2019", "2025", "Samstag", "zehn Jahre später"}, shown


def test_a_year_opening_a_sentence_dates_its_days():
    doc, _ = _story("Die Messe findet im Frühjahr statt. 2023 beginnt das Stollenfest am 9. Dezember mit einem Umzug.",
                    published="2022-10-21")
    assert {t.value for t in doc.timexes if t.text.startswith("9.")} == {"2023-12-09"}


# survey 27 (41 more German web pages: news, blogs, press releases)

def test_a_place_no_mention_puts_anywhere_is_not_listed():
    _, story = _story("Plattform Zeitleser bietet 5000 Titel. Zeitleser wächst, sagte die Chefin. Zeitleser zahlt den "
                      "Verlagen Geld. Die Polizei fand ihn in Oberwaldbach. Nach Oberwaldbach kamen viele.")
    listed = {e.name for e in story.entities if e.listed}
    assert "Zeitleser" not in listed or next(e for e in story.entities if e.name == "Zeitleser").type != "LOC"
    from lagebild.link.entity_vouch import _LOCATIVE

    assert _LOCATIVE.search("die Grenzstadt ") and _LOCATIVE.search("am ") and not _LOCATIVE.search("sagte ")


def test_maize_a_quarter_papers_and_yearly_dates_are_no_dates():
    from lagebild.analyse.timex_anchor import SHOW_THRESHOLD

    doc, _ = _story("Biogas wird aus Mais gewonnen. Das kostet ein Viertel eines Abos. Das sagte sie der Welt am Sonntag. "
                    "Der 11.10. eines jeden Jahres ist Weltmädchentag. Wärmepumpen brauchen den meisten Strom im Winter. "
                    "Im Winter soll die Halle fertig sein. Am 1. Sep 2015 begann es.", published="2022-10-21")
    shown = {t.text: t.value for t in doc.timexes if t.confidence >= SHOW_THRESHOLD}
    assert "Mais" not in shown and not any("Viertel" in k for k in shown) and "Sonntag" not in shown
    assert "11.10." not in shown and shown.get("Winter") == "2023-WI"  # only the coming winter of the plan
    assert shown.get("1. Sep 2015") == "2015-09-01"


def test_a_time_ends_a_speaker_phrase_and_coordinated_roles_are_bare():
    from lagebild.link.speakers import _bare_role

    qs = quotes_of("Wie die Polizei Anfang Oktober meldete, waren an zwei Bahnen Manipulationen entdeckt worden.")
    assert all("Oktober" not in (q.speaker or "") for q in qs)
    assert _bare_role("die Familien- und Frauenministerin")


# audit 26 (the 11 shared pages outside every own set), fixed after it was scored

def test_scrambled_paywall_paragraphs_are_removed_as_boilerplate():
    from lagebild.clean import clean_document
    from lagebild.records import RawDocument

    gibberish = ("Bjagybpvymp Tfcfh dr Hqsemx, ahp Oogu iah fudvs Kvd gof gqnxvdzczdo rxnq mhe Wwfc vthwk Ujzc mrl "
                 "duezohzewkey Tzkd xm Kprc paxobb. Ag qfusr mrnwttp Snca jht vw Wjdpyy qxg Nfhy at mlaos.")
    spanish = ("A través de una transmisión en vivo en Instagram, vi a una amiga de la universidad que estaba en "
               "las protestas contra el gobierno de la ciudad.")
    text = "Streetart in Bonn: Was hinter dem Graffiti steckt\n" + gibberish + "\n" + spanish + \
        "\nDie Stadt Bonn hat das neue Wandbild am Montag vorgestellt, sagte eine Sprecherin der Verwaltung."
    art = clean_document(RawDocument(id="a", source="a", text=text))
    assert "Bjagybpvymp" not in art.text and "transmisión" in art.text and "Wandbild" in art.text
    assert any("Bjagybpvymp" in line for line in art.removed_lines)


def test_a_body_named_with_a_country_is_not_the_country():
    from lagebild.link.entity_descriptor import strip_descriptor

    assert strip_descriptor("Intersport Deutschland", "LOC", set())[:2] == ("Intersport Deutschland", "ORG")
    assert strip_descriptor("Nachbarland Österreich", "LOC", set())[0] == "Österreich"


def test_idioms_period_years_and_a_weekday_before_its_day():
    from lagebild.analyse.timex_anchor import SHOW_THRESHOLD

    doc, _ = _story("Wir brauchen die Reform lieber morgen als übermorgen. Der Oktober war im Vergleich zum Zeitraum "
                    "1961 bis 1990 deutlich zu warm. Im Oktober fiel wenig Regen. Die höchsten Werte meldeten am Freitag "
                    "den 13. die Orte am Rhein.", published="2023-10-31")
    shown = {(t.text, t.value) for t in doc.timexes if t.confidence >= SHOW_THRESHOLD}
    assert not any(text in ("morgen", "übermorgen", "Freitag") for text, _ in shown), shown
    assert ("Oktober", "1961-10") not in shown and ("Oktober", "2023-10") in shown


# survey 28 (40 Wikinews articles of the SpkAtt tuning split)

def test_nameless_members_governments_and_places_of_a_role_are_no_speakers():
    from lagebild.link.speakers import _NAMELESS, _bare_role, _member_speaker

    for phrase in ("Das staatliche sudanesische Fernsehen", "Südsudanesische Vertreter", "eines Mitarbeiters",
                   "der Regierung", "den Organisatoren der Konferenz"):
        assert _NAMELESS.fullmatch(phrase), phrase
    assert not _NAMELESS.fullmatch("Die Bundesregierung") and not _NAMELESS.fullmatch("Kanzler Scholz")
    assert _bare_role("Der iranische Vize-Außenminister")
    assert _member_speaker("ein örtlicher Mitarbeiter der Welthungerhilfe") and _member_speaker("des SPD-Politikers")


def test_a_police_chief_of_a_place_is_not_the_place_speaking():
    from lagebild.link.speakers import _place_is_actor
    from lagebild.records import Mention

    m = Mention("a", 0, 8, "Kandahar", "LOC", None, False, None)
    assert not _place_is_actor(None, "des Polizeichefs von Kandahar", m)
    assert _place_is_actor(None, "die Regierung von Kandahar", m)


def test_designations_and_capitalised_papers_are_no_dates():
    from lagebild.analyse.timex_anchor import SHOW_THRESHOLD

    doc, _ = _story("Der Himmelskörper, genannt 2003 EL61, ist groß. Der Präsident sagte der BILD am Sonntag, er sei "
                    "zufrieden.", published="2007-01-21")
    shown = {t.text for t in doc.timexes if t.confidence >= SHOW_THRESHOLD}
    assert "2003" not in shown and "Sonntag" not in shown


def test_survey29_entity_classes():
    """Survey 29 (40 Wikinews tuning docs): 'Den Haag' is a city, not a club named with its city; a German body in
    one compound read as a place after 'am' is an organisation; 'von Liberia' (left of 'Ex-Präsident von Liberia')
    is no person."""
    from lagebild.link.entity_kinds import club_name
    from lagebild.link.entity_vouch import place_phrase

    assert not club_name("Den Haag") and club_name("ZSKA Moskau") and club_name("AS Roma")
    from types import SimpleNamespace

    from lagebild.link.entity_kinds import review_kinds

    e = SimpleNamespace(name="Bundesgerichtshof", type="LOC", place=None, aliases=["Bundesgerichtshof"], mentions=[],
                        confidence=0.9, listed=True)
    review_kinds([e], [])
    assert e.type == "ORG"
    assert place_phrase(SimpleNamespace(type="PER", name="von Liberia"))
    assert not place_phrase(SimpleNamespace(type="PER", name="von der Leyen"))
    assert not place_phrase(SimpleNamespace(type="PER", name="Kurt von Figura"))
