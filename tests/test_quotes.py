"""Quotes (issue 5): direct/indirect speech with speakers on invented German sentences."""
from __future__ import annotations

from pathlib import Path

from lagebild.analyse.nlp import split_sentences
from lagebild.analyse.quotes import find_quotes, pair_quotes
from lagebild.analyse.speech_cues import cue_readings, konjunktiv_forms
from lagebild.evaluate.quotes import detokenize, score, score_cases
from lagebild.records import AnalysedArticle, Article

CASES = Path(__file__).parent / "data" / "quotes_cases.jsonl"


def analyse(text: str) -> AnalysedArticle:
    doc = AnalysedArticle(article=Article(id="t", source="test", text=text))
    doc.sentences = split_sentences(text)
    find_quotes(doc)
    return doc


def test_case_set_precision_and_speakers():
    res = score_cases(CASES)
    print({k: v for k, v in res.items() if k != "errors"})
    for e in res["errors"]:
        print("  ", e)
    assert res["counts"]["gold_all"] >= 60
    assert res["direct_precision"] >= 0.95
    assert res["speaker_accuracy"] >= 0.90
    assert res["direct_recall"] >= 0.85
    assert res["quote_recall"] >= 0.80


def test_spans_are_exact_and_marks_excluded():
    text = "Er kam spät. „Wir haben es geschafft“, sagte die Trainerin Lea Voss. Dann ging sie."
    doc = analyse(text)
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert text[q.start:q.end] == q.text == "Wir haben es geschafft"
    assert text[q.speaker_start:q.speaker_end] == q.speaker == "die Trainerin Lea Voss"
    assert text[q.cue_start:q.cue_end] == q.cue == "sagte"
    assert q.direct and q.id


def test_scare_quotes_and_titles_are_not_quotes():
    text = ("Die Staaten wollen sich mit „allen Mitteln“ helfen. Dem widerspricht ein Bericht des „Express“. "
            "Die Zeitung ‚Kurier‘ erscheint täglich.")
    assert [q for q in analyse(text).quotes if q.direct] == []


def test_indirect_konjunktiv_and_cue():
    doc = analyse("Der Präsident sagte am Montag, 11.000 Soldaten befänden sich bereits in der Region.")
    (q,) = doc.quotes
    assert not q.direct and q.cue == "sagte" and q.speaker == "Der Präsident"
    assert q.text == "11.000 Soldaten befänden sich bereits in der Region"


def test_pronoun_resolved_to_matching_gender():
    text = ("Die Ministerin Jana Falk besuchte die Werft. Der Betriebsrat Uwe Stolz begleitete sie.\n"
            "„Wir brauchen Aufträge“, sagte sie.")
    q = [q for q in analyse(text).quotes if q.direct][0]
    assert q.speaker == "Die Ministerin Jana Falk"
    assert text[q.speaker_start:q.speaker_end] == q.speaker


def test_stance_on_quotes():
    doc = analyse("Das Ministerium dementierte, dass Truppen verlegt worden seien.")
    assert doc.quotes[0].stance == "deny"
    doc = analyse("Der Kreml hat den Einsatz weder bestätigt noch dementiert, sagte ein Sprecher der Nato.")
    assert doc.quotes[0].stance == "neither"


def test_pair_quotes_styles():
    text = "„a b“ »c d« «e f» \"g h\" ‚i j‘ “k l”"
    pairs = pair_quotes(text)
    assert [text[o + 1:c] for o, c in pairs] == ["a b", "c d", "e f", "g h", "i j", "k l"]


def test_lexicons():
    assert cue_readings("teilte")[0].particle == "mit"
    assert cue_readings("mitgeteilt")
    kinds = {w: k for w, _, _, k in konjunktiv_forms("sie seien dort, er habe gesagt, sie befänden sich", set())}
    assert kinds == {"seien": "I", "habe": "I", "befänden": "II"}


def test_detokenize_and_score():
    text, offsets, spans = detokenize([["„", "Ja", "“", ",", "sagte", "er", "."]])
    assert text == "„Ja“, sagte er."
    assert text[slice(*offsets[(0, 4)])] == "sagte"
    gold = [{"Message": {(0, 1)}, "Source": {(0, 5)}, "Cue": {(0, 4)}}]
    pred = [{"Message": {(0, 1), (0, 2)}, "Source": {(0, 5)}, "Cue": set()}]
    res = score([(gold, pred)])
    assert res["message"]["recall"] == 1.0 and res["message"]["precision"] == 0.5
    assert res["cue"]["recall"] == 0.0 and res["source"]["f1"] == 1.0


def test_english_and_french_direct_quotes():
    text = "“We will not give in,” said Maria Lopez. According to the Daily Star, 30 people died."
    doc = AnalysedArticle(article=Article(id="e", source="t", language="en", text=text))
    doc.sentences = split_sentences(doc.text, "en")
    find_quotes(doc)
    assert [(q.text, q.speaker, q.direct) for q in doc.quotes] == [
        ("We will not give in", "Maria Lopez", True),
        ("30 people died", "the Daily Star", False)]  # the message without 'According to X,' (quotes_intl)
    doc = AnalysedArticle(article=Article(id="f", source="t", language="fr",
                                          text="« Nous ne céderons pas », a déclaré Paul Martin."))
    doc.sentences = split_sentences(doc.text, "fr")
    find_quotes(doc)
    assert [(q.text, q.speaker) for q in doc.quotes] == [("Nous ne céderons pas", "Paul Martin")]


# ---------------------------------------------------------------- issue 5, second round


def roles(doc: AnalysedArticle, q) -> dict:
    return doc.extras["quote_roles"][q.id]


def words(text: str, spans) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_hypothetical_konjunktiv_ii_does_not_continue_a_speaker():
    text = ("Der Minister sagte, die Regierung werde das Gesetz prüfen. "
            "Das Bündnis könnte weitreichende Auswirkungen haben. Es wäre ein Novum.")
    doc = analyse(text)
    assert [q.text for q in doc.quotes] == ["die Regierung werde das Gesetz prüfen"]


def test_konjunktiv_continues_the_last_speaker():
    text = ("Die Sprecherin Ina Brandt sagte, die Lage sei ernst. "
            "Die Behörden hätten zu spät reagiert. Man werde nun Hilfe schicken.")
    doc = analyse(text)
    free = [q for q in doc.quotes if roles(doc, q)["kind"] == "free"]
    assert free and all(q.speaker == "Die Sprecherin Ina Brandt" for q in free)
    assert any("hätten zu spät reagiert" in q.text for q in free)  # plural II stands in for Konjunktiv I


def test_multiword_cue_parts():
    text = "Die Feuerwehr hatte am Abend mitgeteilt, der Brand sei gelöscht. Der Arzt äußerte sich: „Es geht ihm gut.“"
    doc = analyse(text)
    cues = [words(text, roles(doc, q)["cue"]) for q in doc.quotes]
    assert ["hatte", "mitgeteilt"] in cues
    assert ["äußerte", "sich"] in cues


def test_reported_speech_has_no_corpus_cue_but_keeps_the_readable_cue():
    doc = analyse("Der Verband warnte vor einer Pleitewelle im Handel.")
    (q,) = doc.quotes
    assert roles(doc, q)["kind"] == "reported" and roles(doc, q)["cue"] == [] and q.cue == "warnte"


def test_dies_sagte_x_takes_the_previous_sentence():
    text = "Die Brücke bleibt bis Freitag gesperrt. Dies bestätigte ein Sprecher der Stadt."
    doc = analyse(text)
    (q,) = doc.quotes
    assert q.text == "Die Brücke bleibt bis Freitag gesperrt" and q.speaker == "ein Sprecher der Stadt"
    assert words(text, roles(doc, q)["message_parts"]) == ["Dies"]


def test_speaker_phrases_with_place_abbreviation_and_parenthesis():
    text = ("Die Botschaft in Riad teilte mit, alle Bürger seien in Sicherheit. "
            "Ein Reporter der Agentur (dpa) war vor Ort und berichtete, dass die Straßen leer seien. "
            "„Wir bleiben ruhig“, sagte Dr. Eva Brück in Hannover.")
    doc = analyse(text)
    assert [q.speaker for q in doc.quotes] == ["Die Botschaft in Riad", "Ein Reporter der Agentur (dpa)",
                                              "Dr. Eva Brück"]


def test_colon_after_non_speech_verb_and_possessive_opinion():
    text = ("Der Leiter der Studie, Paul Ohm, sieht den Staat in der Pflicht: „Wir müssen jetzt handeln.“ "
            "Seiner Ansicht nach würden die Kosten weiter steigen.")
    doc = analyse(text)
    direct = next(q for q in doc.quotes if q.direct)
    assert direct.speaker == "Paul Ohm" and direct.text == "Wir müssen jetzt handeln."
    opinion = next(q for q in doc.quotes if "Kosten" in q.text)
    assert opinion.speaker == "Paul Ohm"  # 'Seiner Ansicht' resolved like a pronoun
    assert text[slice(*roles(doc, opinion)["source"])] == "Seiner Ansicht"


def test_quoted_names_are_not_nested_quotes():
    doc = analyse("Der Sprecher sagte, die Zeitung „Neue Presse“ habe falsch berichtet.")
    assert [q.direct for q in doc.quotes] == [False]


def test_first_person_present_is_no_konjunktiv():
    text = "„Wir sind zufrieden“, sagte die Trainerin Lea Voss. Ich habe das Spiel im Fernsehen gesehen."
    assert len(analyse(text).quotes) == 1


def test_colon_after_reported_clause_hands_over_to_quotation():
    text = ("Die Forscherin Lea Brandt glaubt, dass das Team gestärkt aus der Krise gehe: "
            "„Wir haben viel gelernt und werden noch härter arbeiten.“")
    doc = analyse(text)
    indirect = next(q for q in doc.quotes if not q.direct)
    direct = next(q for q in doc.quotes if q.direct)
    assert indirect.text == "dass das Team gestärkt aus der Krise gehe"  # stops at the colon
    assert direct.speaker == indirect.speaker == "Die Forscherin Lea Brandt" and direct.cue == indirect.cue


def test_impersonal_heisst_es_report():
    text = "Die Brücke sei seit Jahren baufällig gewesen, heißt es in dem Gutachten der Stadtwerke."
    q = analyse(text).quotes[0]
    assert q.text == "Die Brücke sei seit Jahren baufällig gewesen"
    assert "Gutachten" in (q.speaker or "")


def test_role_with_prepositional_attribute_and_name_apposition():
    text = ("Der Sprecher der Feuerwehr im Landkreis Celle, Jonas Reiter, hat am Abend erklärt, "
            "dass die Straße gesperrt bleibe.")
    q = analyse(text).quotes[0]
    assert q.speaker == "Jonas Reiter"
    assert text[slice(*roles(analyse(text), q)["source"])] == "Der Sprecher der Feuerwehr im Landkreis Celle, Jonas Reiter"


def test_fronted_frame_is_not_a_message():
    text = ("Nachdem die Fälschung bekannt wurde, hat die Abgeordnete Eva Kunz angekündigt, ihr Mandat "
            "niederzulegen. In seiner Rede, die vom Sprecher verlesen wurde, mahnte der Präsident zur Ruhe.")
    doc = analyse(text)
    assert [q.text for q in doc.quotes if not q.direct][:1] == ["ihr Mandat niederzulegen"]
    assert not any(q.text.startswith(("Nachdem", "In seiner Rede")) for q in doc.quotes)
    assert not any(q.cue == "wurde" for q in doc.quotes)  # 'bekannt wurde' in the fronted clause takes no complement


def test_pronominal_adverb_particle_and_linker_colon():
    text = ("Die Anwältin Mara Senn spricht davon, dass die Lage ein ernstes Problem darstelle. "
            "Sie äußerte sich mit den Worten: „Das ist nicht hinnehmbar.“ Und: „Wir werden klagen.“")
    doc = analyse(text)
    assert next(q for q in doc.quotes if "Lage" in q.text).speaker == "Die Anwältin Mara Senn"
    last = next(q for q in doc.quotes if q.text == "Wir werden klagen.")
    assert last.speaker != "Und" and "Senn" in last.speaker  # the linker is no speaker; the quote continues


def test_sentence_adverb_is_no_speaker():
    text = "Weiterhin erklärte die Ministerin, die Zahl der Anträge sei gestiegen."
    assert analyse(text).quotes[0].speaker == "die Ministerin"


def test_vom_complement_belongs_to_the_speaker_phrase():
    text = "„Wir sind überrascht“, sagte Lena Hart vom Institut für Meeresforschung."
    doc = analyse(text)
    q = doc.quotes[0]
    # like 'von der Universität Kiel', the 'vom' complement stays with the name (before it was cut off)
    assert q.speaker == text[slice(*roles(doc, q)["source"])] == "Lena Hart vom Institut für Meeresforschung"
