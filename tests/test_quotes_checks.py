"""Issue 15: speakers who can speak, one item per speech act, several speakers, confidence; page scorer."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.analyse.nlp import split_sentences
from lagebild.analyse.quote_checks import speaker_kind, split_speakers
from lagebild.analyse.quotes import find_quotes
from lagebild.evaluate.speech_pages import bag_f1, match_page, speaker_right
from lagebild.records import AnalysedArticle, Article, Mention


def quotes(text: str, lang: str = "de"):
    doc = AnalysedArticle(article=Article(id="t", source="t", text=text, language=lang))
    doc.sentences = split_sentences(text, lang)
    find_quotes(doc)
    return doc.quotes


def kind(phrase: str, lang: str = "de"):
    return speaker_kind(phrase, (0, len(phrase)), (), lang)


def test_speaker_kinds():
    assert kind("ein Sprecher des Ministeriums") == "role"
    assert kind("Polizeisprecher") == "role"
    assert kind("Medienberichten") == "document"
    assert kind("einem Bericht der Zeitung") == "document"
    assert kind("er") == "pronoun"
    for bad in ("Insgesamt", "Demnach", "Dieser Abschnitt", "Nach zweijähriger Amtszeit"):
        assert kind(bad) is None, bad
    for bad in ("And if someone", "When she", "An"):
        assert kind(bad, "en") is None, bad
    assert kind("They've", "en") == kind("He'd", "en") == "pronoun"  # a contraction is still a pronoun


def test_english_speaker_loses_a_trailing_adverb():
    qs = quotes("Ohio State previously said it was reviewing the allegations.", "en")
    assert [q.speaker for q in qs] == ["Ohio State"]


def test_two_speakers_stay_two():
    text = "Kiew und Washington"
    places = [Mention("t", 0, 4, "Kiew", "LOC"), Mention("t", 9, 19, "Washington", "LOC")]
    assert split_speakers(text, (0, len(text)), places, "de") == [(0, 4), (9, 19)]
    phrase = "Geheimdienstinformationen aus der Ukraine und Südkorea"
    assert split_speakers(phrase, (0, len(phrase)), (), "de") == [(0, len(phrase))]


def test_direct_inside_indirect_is_one_item():
    text = 'Der Minister sagte, dass einige „in der Region bereits unter Beschuss geraten seien“.'
    qs = quotes(text)
    assert len(qs) == 1
    assert qs[0].form == "mixed" and not qs[0].direct
    spans = [(q.start, q.end) for q in qs]
    assert len(spans) == len(set(spans))


def test_every_quote_has_confidence_and_shown_needs_a_speaker():
    text = ('„Wir sind bereit“, sagte der Sprecher des Ministeriums. '
            'Tausende Soldaten sollen bereits vor Ort sein.')
    for q in quotes(text):
        assert 0.0 <= q.confidence <= 1.0
        assert not q.shown or q.speaker


def test_page_scorer_rules():
    assert bag_f1(["a", "b"], ["a", "b"]) == 1.0 and bag_f1([], ["a"]) == 0.0
    gold = [{"message": "Die Lage ist ernst", "speaker": "er", "speaker_name": "Olaf Scholz"}]
    right = {"text": "Die Lage ist ernst.", "speaker": "Scholz"}
    wrong = {"text": "Die Lage ist ernst", "speaker": "Die Bodenoffensive"}
    other = {"text": "Etwas ganz anderes", "speaker": "Scholz"}
    assert speaker_right(right, gold[0]) and not speaker_right(wrong, gold[0])
    msg_ok, ok, found = match_page(gold, [other, right])
    assert ok == [False, True] and found == {0}
    msg_ok, ok, found = match_page(gold, [wrong])
    assert msg_ok == [True] and ok == [False] and not found


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds absent")
def test_seeds_no_quote_twice_and_joint_speakers():
    from lagebild.pipeline import run

    quotes = [q for s in run([str(SEEDS)]).stories for q in s.quotes]
    spans = [(q.article_id, q.start, q.end) for q in quotes]
    assert len(spans) == len(set(spans))
    for a in quotes:  # no quote inside another quote of the same article with the same (or no) speaker
        assert not any(b is not a and b.article_id == a.article_id and b.start <= a.start and a.end <= b.end
                       and (a.speaker == b.speaker or a.speaker is None) for b in quotes)
    joint = [q for q in quotes if q.attributed_to == ["Kiew und Washington"]]
    assert joint and all(q.speakers == ["Kiew", "Washington"] for q in joint)
    chains = {tuple(q.attributed_to) for q in quotes}
    assert ("der Washington Post", "John Kirby") in chains  # relayed chains survive the checks
    assert all(0.0 <= q.confidence <= 1.0 for q in quotes)


def test_speech_records_can_name_an_ecbplus_article(tmp_path):
    """An English speech record points at an ECB+ article by id; the text it was annotated on is the
    joined-back text (checked by head and hash), and a wrong hash counts the record as missing."""
    import hashlib
    import json as _json

    import pytest

    from lagebild.datapaths import shared_data
    from lagebild.evaluate.speech_pages import score_pages
    from lagebild.evaluate.stories import detokenise

    src = shared_data("clustering", "ecbplus-dev.jsonl")
    if not src.exists():
        pytest.skip("shared ECB+ data absent")
    doc = _json.loads(src.read_text(encoding="utf-8").splitlines()[0])
    text = detokenise(doc["text"])
    rec = {"ref": {"file": "clustering/ecbplus-dev.jsonl", "id": doc["id"], "head": text[:60]},
           "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(), "text_len": len(text), "quotes": []}
    path = tmp_path / "speech_pages_en.jsonl"
    path.write_text(_json.dumps(rec) + "\n" + _json.dumps({**rec, "text_sha1": "0" * 40}) + "\n", encoding="utf-8")
    counts = score_pages(path)["counts"]
    assert counts["pages"] == 1 and counts["missing"] == 1 and counts["gold"] == 0


def test_a_pronoun_speaker_is_never_the_subject_of_its_own_message():
    """'Solche Lager sollen nicht ..., sagt er': 'er' is Huber, and so is the Konjunktiv report after it."""
    from lagebild.api import analyse

    text = ("Huber war bei der Versammlung dabei. Solche Lager sollen nicht neben Schulen gebaut werden, sagt er. "
            "Die Eltern hätten Sorge. Erst im Mai habe es dort einen Unfall gegeben.")
    qs = [q for s in analyse(texts=[text]).stories for q in s.quotes]
    assert [q.speaker for q in qs] == ["Huber", "Huber"]


def test_a_place_that_ends_a_name_or_seats_a_ministry_is_not_the_speaker():
    from lagebild.link.speakers import _place_is_actor
    from lagebild.records import Mention

    def actor(phrase, place):
        return _place_is_actor(None, phrase, Mention("a", 0, len(place), place, "LOC"))

    assert not actor("die Statistik Austria", "Austria") and not actor("Das Innenministerium in Kairo", "Kairo")
    assert not actor("der 28-jährige Deutsche", "Deutsche")  # a person, not the country speaking
    assert actor("die Regierung in Kiew", "Kiew") and actor("die USA", "USA")


def test_a_phrase_before_comma_and_cue_is_the_message_not_the_speaker():
    """Unquoted speech as 10kGNAD writes it: 'Keine Ahnung, sagte X, ich habe …' -- X speaks; an
    apposition before the verb still gives the subject ('Manfred Berg, der Dekan, sagte, …')."""
    qs = quotes("Keine Ahnung, sagte Vereinschef Peter Lindner am Montag, ich habe mit ihr darüber noch nicht "
                "gesprochen.")
    assert [q.speaker for q in qs] == ["Vereinschef Peter Lindner"]
    qs = quotes("Manfred Berg, der Dekan der Fakultät, sagte, die Lage sei ernst.")
    assert [q.speaker for q in qs] == ["Manfred Berg"]


def test_a_report_after_a_colon_belongs_to_the_clause_before_it():
    """'Der Independent ging noch weiter: Die Partei müsse …' is the Independent's report, not a continuation
    of the Guardian quoted before it."""
    qs = quotes("Eine klare Linie ist nötig, sonst bleibt jede Kritik stehen, schrieb der Guardian. Der Independent "
                "ging noch einen Schritt weiter: Die Partei müsse ihre Strategie ändern.")
    assert [q.speaker for q in qs] == ["der Guardian", "Der Independent"]
    assert qs[1].text == "Die Partei müsse ihre Strategie ändern."


def test_the_source_of_nach_angaben_is_not_the_phrase_after_it():
    """'nach Polizeiangaben Schuss- und Stichverletzungen': the police said it; 'nach eigenen Angaben X' names
    no source after it (the clause's subject speaks), while 'nach Angaben der Polizei' still does."""
    from lagebild.analyse.attribution import find_sources

    def src(text):
        return [s.text for s in find_sources(text, 0, len(text))]

    assert src("Die Opfer erlitten nach Polizeiangaben Schuss- und Stichverletzungen.") == ["Polizeiangaben"]
    assert src("Der Musiker, der nach eigenen Angaben Pärts Musik hypnotisch findet, spielt.") == ["eigenen Angaben"]
    assert src("Nach Angaben der Polizei wurden drei Menschen verletzt.") == ["der Polizei"]
    assert kind("eigenen Angaben") is None and kind("Dem eigenen Aussagen") is None


def test_an_apposition_or_relative_clause_after_the_speaker_is_no_message():
    """'…, berichtete das Institut, ein Thinktank mit Sitz in Wien.': the message is the clause before the cue;
    'sagte der Anwalt aus, dessen Kanzlei …' reports no content; 'erklärte, ein Sieg sei möglich' does."""
    qs = quotes("Dieses Muster war schon 2014 zu beobachten, berichtete damals das Institut, ein überparteilicher "
                "Thinktank mit Sitz in Wien.")
    assert [q.text for q in qs] == ["Dieses Muster war schon 2014 zu beobachten"]
    assert quotes("Am Nachmittag sagte dann der Anwalt Peter Huber aus, dessen Kanzlei in die Recherchen "
                  "eingebunden war.") == []
    assert [q.text for q in quotes("Der Sprecher erklärte, ein Sieg sei möglich.")] == ["ein Sieg sei möglich"]
    # a consequence told by the writer, not the content of the report
    assert quotes("Die Ärztin berichtete von Problemen mit den Akten, woraufhin sie der Support bat, die Adresse "
                  "ihres Geräts zu schicken.") == []
