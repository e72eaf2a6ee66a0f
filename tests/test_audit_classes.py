"""Error classes of an outside audit (issues 15/16), on invented text: speakers linked to the right
canonical entity, speakers that are times or documents, apposition-only 'quotes', entity types over all
mentions, junk shapes, names cut short. Mentions are built by hand, so no NER model is needed."""
from __future__ import annotations

from lagebild.analyse.quote_checks import _apposition_only, speaker_kind
from lagebild.link.canonical import canonical_entities
from lagebild.link.entity_descriptor import strip_descriptor
from lagebild.link.entity_evidence import _junk, confidence, org_cue, place_cue
from lagebild.link.speakers import link_speakers
from lagebild.records import AnalysedArticle, Article, Mention, Quote


def make(aid: str, text: str, spans: list[tuple]) -> AnalysedArticle:
    doc = AnalysedArticle(Article(id=aid, source=aid, text=text, language="de"))
    pos = 0
    for surface, label in spans:
        start = text.index(surface, pos)
        doc.mentions.append(Mention(aid, start, start + len(surface), surface, label))
        pos = start + 1
    return doc


def quote_for(doc: AnalysedArticle, speaker: str, message: str) -> Quote:
    s = doc.text.index(speaker)
    m = doc.text.index(message)
    return Quote(doc.id, m, m + len(message), message, True, speaker=speaker, speaker_start=s, speaker_end=s + len(speaker))


def by_name(entities, name):
    return next(e for e in entities if e.name == name)


def test_organisation_speaker_is_never_its_employee():
    t = ("Jana Wollny, Leiterin des Nabu, warnte vor Schäden. „Die Lage ist ernst“, erklärte der Nabu am Dienstag.")
    doc = make("a", t, [("Jana Wollny", "PER"), ("Nabu", "ORG"), ("Nabu", "ORG")])
    ents = canonical_entities([doc])
    q = quote_for(doc, "der Nabu", "Die Lage ist ernst")
    link_speakers([q], ents, [doc])
    assert q.speaker_entity == "Nabu"


def test_place_in_an_organisation_name_is_not_the_speaker():
    t = ("Das Zentrum für Küstenforschung in Hamburg meldete neue Werte. „Der Pegel steigt“, teilte das Zentrum "
         "für Küstenforschung in Hamburg mit. In Hamburg regnete es.")
    doc = make("a", t, [("Hamburg", "LOC"), ("Hamburg", "LOC"), ("Hamburg", "LOC")])
    ents = canonical_entities([doc])
    q = quote_for(doc, "das Zentrum für Küstenforschung in Hamburg mit", "Der Pegel steigt")
    q.speaker = "das Zentrum für Küstenforschung in Hamburg"
    q.speaker_end = q.speaker_start + len(q.speaker)
    link_speakers([q], ents, [doc])
    assert q.speaker_entity != "Hamburg"
    # a government seat still speaks for the place
    t2 = "„Wir verhandeln nicht“, hieß es aus der Regierung in Kiew. Kiew blieb hart."
    doc2 = make("b", t2, [("Kiew", "LOC"), ("Kiew", "LOC")])
    ents2 = canonical_entities([doc2])
    q2 = quote_for(doc2, "der Regierung in Kiew", "Wir verhandeln nicht")
    link_speakers([q2], ents2, [doc2])
    assert q2.speaker_entity == "Kiew"


def test_first_names_only_span_extends_to_the_surname():
    t = "Die Juristin Anna Maria Hochstätter widersprach. Hochstätter sagte, Anna Maria sei ihr Vorname."
    doc = make("a", t, [("Anna Maria", "PER"), ("Hochstätter", "PER"), ("Anna Maria", "PER")])
    names = {e.name for e in canonical_entities([doc]) if e.type == "PER"}
    assert "Anna Maria Hochstätter" in names and "Anna Maria" not in names


def test_surname_is_no_place_next_to_the_full_name():
    t = "Frank Kellermann gründete die Partei. Bei Kellermann arbeiteten viele. Von Kellermann kam kein Wort."
    doc = make("a", t, [("Frank Kellermann", "PER"), ("Kellermann", "LOC"), ("Kellermann", "LOC")])
    ents = canonical_entities([doc])
    assert [e.type for e in ents if "Kellermann" in e.name] == ["PER"]


def test_organisation_type_over_all_mentions():
    assert org_cue("Ostwind Corp", ["Ostwind Corp"], [])
    assert org_cue("Paul Reisen", ["Paul Reisen"], ["Der Reiseveranstalter ", "beim Konzern "])
    assert not org_cue("Paul Reisen", ["Paul Reisen"], ["Konzernchef ", "sagte "])
    t = "Der Reiseveranstalter Thomas Cook ist pleite. Der Konzern Thomas Cook hatte Schulden."
    doc = make("a", t, [("Thomas Cook", "PER"), ("Thomas Cook", "PER")])
    assert by_name(canonical_entities([doc]), "Thomas Cook").type == "ORG"


def test_place_kind_before_a_name_makes_it_a_place():
    assert place_cue(["die malaysische Hauptstadt ", "in der Stadt "])
    assert not place_cue(["sagte ", "Hauptstadt "])
    # 'Donezk' tagged ORG twice in the seeds: 'in der Nähe von Donezk', 'in der ukrainischen Region Donezk'
    assert place_cue(["bei einem Angriff in der Nähe von ", "in der ukrainischen Region "])
    assert not place_cue(["sagte der Chef von ", "die Firma "])


def test_institution_with_its_seat_stays_whole():
    assert strip_descriptor("Staatsanwaltschaft Wien", "ORG", set())[:2] == ("Staatsanwaltschaft Wien", "ORG")
    assert strip_descriptor("Landgericht Köln", "LOC", set())[:2] == ("Landgericht Köln", "ORG")


def test_junk_shapes_are_not_listed():
    for name, label in [("Ostermayers Schreibtisch", "PER"), ("Tirols Landeschef", "PER"), ("Deutschen –", "MISC"),
                        ("Art. Bhutan", "LOC"), ("BIP", "ORG"), ("Meinl-Geschäften", "ORG"), ("Region", "LOC")]:
        assert _junk(name, label), name
        assert confidence(name, label, None, 3) < 0.5, name
    for name, label in [("Thomas Koch", "PER"), ("St. Gallen", "LOC"), ("Meinl Bank", "ORG"), ("Wien", "LOC"),
                        ("Andreas Bauer", "PER"), ("Berlin", "LOC")]:
        assert not _junk(name, label), name


def test_times_are_no_speakers_and_appositions_no_messages():
    for phrase in ("Ende August", "am Montag", "Anfang 2015"):
        assert speaker_kind(phrase, (0, len(phrase)), (), "de") is None, phrase
    assert speaker_kind("Ministerin Huber", (0, 16), (), "de") is not None
    assert _apposition_only("Koordinator bei der Amadeu Antonio Stiftung aus Berlin")
    assert not _apposition_only("Koordinatoren sollen mehr Geld bekommen")


def test_place_in_parentheses_is_no_alias():
    t = "In St. Gallen (Schweiz) wurde gewählt. Die Schweiz stimmte ab."
    doc = make("a", t, [("St. Gallen", "LOC"), ("Schweiz", "LOC"), ("Schweiz", "LOC")])
    ents = canonical_entities([doc])
    assert "Schweiz" not in by_name(ents, "St. Gallen").aliases


def test_possessive_before_organisation_word_and_party_role_before_surname():
    assert _junk("Merkels Partei", "ORG")
    assert strip_descriptor("ÖVP-Kandidat Khol", "ORG", set())[:2] == ("Khol", "PER")


def test_pronoun_speaker_is_not_a_name_inside_a_prepositional_phrase():
    from lagebild.analyse.nlp import split_sentences
    from lagebild.analyse.quotes import find_quotes

    t = ("Bürgermeister Hans Gruber eröffnete am Montag die Sitzung des Gemeinderats. Er sprach lange mit Peter "
         "Kranz. „Wir müssen sparen“, meinte er danach.")
    doc = make("t", t, [("Hans Gruber", "PER"), ("Peter Kranz", "PER")])
    doc.sentences = split_sentences(t, "de")
    find_quotes(doc)
    [q] = doc.quotes
    assert "Gruber" in q.speaker


def test_seat_tagged_without_its_body_becomes_the_body():
    t = "Die Staatsanwaltschaft Wien ermittelt. Das Landgericht Köln urteilte. In Wien regnete es."
    doc = make("a", t, [("Wien", "ORG"), ("Köln", "LOC"), ("Wien", "LOC")])
    ents = {e.name: e.type for e in canonical_entities([doc])}
    assert ents.get("Staatsanwaltschaft Wien") == "ORG" and ents.get("Landgericht Köln") == "ORG"
    assert ents.get("Wien") == "LOC"


def test_company_compounds_and_place_prepositions_decide_the_type():
    t = "Thomas Cook ist insolvent. Die Thomas-Cook-Pleite trifft Urlauber. Thomas Cook schweigt."
    doc = make("a", t, [("Thomas Cook", "PER"), ("Thomas Cook", "PER")])
    assert by_name(canonical_entities([doc]), "Thomas Cook").type == "ORG"
    t2 = "Ferdinand Lamprecht ist gestorben. Lamprecht-Sprecher Max Huber bestätigte. Lamprecht war 80."
    doc2 = make("b", t2, [("Ferdinand Lamprecht", "PER")])
    assert by_name(canonical_entities([doc2]), "Ferdinand Lamprecht").type == "PER"
    t3 = "In Flint ist das Wasser vergiftet. Nach Flint kamen Helfer."
    doc3 = make("c", t3, [("Flint", "ORG"), ("Flint", "ORG")])
    assert by_name(canonical_entities([doc3]), "Flint").type == "LOC"


def test_time_before_the_named_speaker_after_the_message():
    from lagebild.analyse.nlp import split_sentences
    from lagebild.analyse.quotes import find_quotes

    t = "„Die Steuern werden sinken“, sagte Ende August die Ministerin Eva Huber."
    doc = make("t", t, [("Eva Huber", "PER")])
    doc.sentences = split_sentences(t, "de")
    find_quotes(doc)
    [q] = doc.quotes
    assert q.speaker == "Eva Huber"


def test_untagged_organisation_speaker_is_not_resolved_to_a_person_described_with_it():
    t = ("Der WWF warnt seit Jahren. WWF-Chef Mike Baltrusch war vor Ort. „Die Wälder brennen“, teilte der WWF "
         "am Montag mit.")
    doc = make("a", t, [("WWF", "ORG"), ("Mike Baltrusch", "PER")])  # the speaker's 'WWF' is not tagged
    ents = canonical_entities([doc])
    q = quote_for(doc, "der WWF am", "Die Wälder brennen")
    q.speaker, q.speaker_end = "der WWF", q.speaker_end - 3
    link_speakers([q], ents, [doc])
    assert q.speaker_entity == "WWF"


def test_place_and_organisation_nouns_before_unknown_names():
    t = "Die Maschine startete in Kuala Lumpur. Der Flughafen von Kuala Lumpur war gesperrt."
    doc = make("a", t, [("Kuala Lumpur", "PER"), ("Kuala Lumpur", "PER")])
    assert by_name(canonical_entities([doc]), "Kuala Lumpur").type == "LOC"
    t2 = "Die Ökonomen des Wifo sind skeptisch. Das Wirtschaftsforschungsinstitut Wifo senkt die Prognose."
    doc2 = make("b", t2, [("Wifo", "LOC"), ("Wifo", "LOC")])
    assert by_name(canonical_entities([doc2]), "Wifo").type == "ORG"
