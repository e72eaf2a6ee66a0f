"""Stance cues and the stance matrix (claims x actors x outlets)."""
from __future__ import annotations

import pytest

from lagebild.analyse.nlp import split_sentences
from lagebild.analyse.stance_cues import detect_stance, stance_of
from lagebild.link.stance import stance_matrix
from lagebild.records import AnalysedArticle, Article, Mention, Quote


@pytest.mark.parametrize("sentence, stance", [
    ("Das Pentagon bestätigte, dass die Truppen verlegt wurden.", "confirm"),
    ("Die Regierung räumte den Fehler ein.", "confirm"),
    ("Moskau dementierte den Bericht.", "deny"),
    ("Ein Sprecher wies die Vorwürfe entschieden zurück.", "deny"),
    ("Der Sprecher bezeichnete den Bericht als völlig falsch.", "deny"),
    ("Die Polizei bestreitet, dass es einen Kessel gab.", "deny"),
    ("Das wurde weder bestätigt noch dementiert.", "neither"),
    ("Der Konzern wollte sich auf Nachfrage nicht dazu äußern.", "neither"),
    ("Die Angaben können nicht unabhängig überprüft werden.", "neither"),
    ("Das Ministerium bestätigte den Bericht nicht.", "neither"),
    ("Nach nicht bestätigten Medienberichten fand ein Treffen statt.", "neither"),
    ("Das Landgericht konnte den Eingang der Klage zunächst nicht bestätigen.", "neither"),
    ("The ministry declined to comment.", "neither"),
    ("Officials denied the report.", "deny"),
    ("Le ministère a démenti.", "deny"),
    ("Er hat in seiner Karriere 106 Spiele bestritten.", "none"),  # 'bestreiten' = to play
    ("Sie bestreiten ihr Leben mit Gelegenheitsjobs.", "none"),
    ("Die Sonne schien den ganzen Tag.", "none"),
])
def test_stance_cues(sentence, stance):
    assert stance_of(sentence) == stance
    for kind, s, e in detect_stance(sentence):
        assert 0 <= s < e <= len(sentence)


def _doc(aid, text, outlet, mentions=()):
    d = AnalysedArticle(article=Article(id=aid, source="t", text=text, outlet=outlet, published="2024-11-01"))
    d.sentences = split_sentences(text, "de")
    for name, label in mentions:
        s = text.index(name)
        d.mentions.append(Mention(aid, s, s + len(name), name, label, norm=name))
    return d


TEXTS = {
    "a": ("Das Pentagon bestätigte am Montag, dass nordkoreanische Truppen in die russische Region Kursk verlegt "
          "wurden. Die Lage an der Front bleibt angespannt.", "Blatt A"),
    "b": ("Der Kreml dementierte, dass nordkoreanische Truppen in der Region Kursk stationiert sind. "
          "Peskow sprach von einer Kampagne.", "Blatt B"),
    "c": ("Nordkoreanische Truppen sollen in der Region Kursk eingetroffen sein. Seoul wollte sich nicht dazu äußern, "
          "ob nordkoreanische Truppen in Kursk kämpfen.", "Blatt C"),
    "d": ("Die Bundesliga startet am Freitag in die neue Saison. Der Meister empfängt den Aufsteiger.", "Blatt D"),
    "e": ("Nordkoreanische Truppen sind in der russischen Region Kursk angekommen. Das zeigen Satellitenbilder.", "Blatt E"),
}


def _docs():
    return [_doc(k, t, o) for k, (t, o) in TEXTS.items()]


def test_matrix_rows_cells_and_spans():
    docs = _docs()
    rows = stance_matrix(docs, [], [])
    assert len(rows) == 1
    row = rows[0]
    assert {"syn:soldat", "kursk"} <= set(row["key_terms"])  # Truppen ~ Soldaten share a synonym key
    cells = {c["article_id"]: c for c in row["cells"]}
    assert cells["a"]["stance"] == "confirm" and cells["a"]["actor"] == "Das Pentagon"
    assert cells["b"]["stance"] == "deny" and cells["b"]["actor"] == "Der Kreml"
    assert cells["c"]["stance"] == "neither" and cells["c"]["actor"] == "Seoul"
    assert cells["d"]["stance"] == "not_mentioned" and cells["d"]["start"] is None
    assert cells["e"]["stance"] == "confirm" and cells["e"]["via"] == "outlet-asserted"
    texts = {d.id: d.text for d in docs}
    for c in row["cells"]:
        assert c["outlet"] == TEXTS[c["article_id"]][1]
        if c["start"] is not None:
            assert texts[c["article_id"]][c["start"]:c["end"]] == c["text"]
        if c["cue"]:
            assert texts[c["article_id"]][c["cue"]["start"]:c["cue"]["end"]] == c["cue"]["text"]
    assert row["independent_confirmations"] == 2 and row["independent_denials"] == 1


def test_entity_actor_and_quote_cells():
    text_f = "Das Weiße Haus bestätigte, dass nordkoreanische Truppen in Kursk stationiert sind."
    f = _doc("f", text_f, "Blatt F", mentions=[("Weiße Haus", "ORG")])
    text_g = ('„Nordkoreanische Truppen sind nicht in Kursk", sagte Peskow. Er dementierte die Berichte über Truppen.')
    g = _doc("g", text_g, "Blatt G", mentions=[("Peskow", "PER")])
    qs = text_g.index("Nordkoreanische")
    qe = text_g.index('"')
    cue = text_g.index("sagte")
    quote = Quote("g", qs, qe, text_g[qs:qe], True, speaker="Peskow", speaker_entity="Dmitri Peskow", cue="sagte",
                  cue_start=cue, cue_end=cue + 5, stance="deny")
    rows = stance_matrix([f, g], [quote], [])
    assert len(rows) == 1
    cells = {(c["article_id"], c["via"]): c for c in rows[0]["cells"]}
    assert cells[("f", "sentence")]["actor"] == "Weiße Haus"
    q = cells[("g", "quote")]
    assert q["actor"] == "Dmitri Peskow" and q["actor_as_written"] == "Peskow" and q["stance"] == "deny"
    assert q["text"] == quote.text and q["cue"]["text"] == "sagte"


def test_copied_confirmations_count_once():
    base = "Das Pentagon bestätigte, dass nordkoreanische Truppen in der russischen Region Kursk kämpfen und verlegt wurden."
    docs = [_doc("x1", base, "X"), _doc("x2", base, "Y"),
            _doc("x3", "Auch Seoul bestätigte, dass nordkoreanische Truppen in Kursk kämpfen.", "Z")]
    docs[1].article.published = "2024-11-02"
    row = stance_matrix(docs, [], [])[0]
    assert row["counts"]["confirm"] == 3
    assert row["independent_confirmations"] == 2  # x2 copies x1


def test_single_stance_is_no_row():
    assert stance_matrix(_docs()[:1], [], []) == []


def test_contradicting_a_denial_confirms_and_names_the_contradicting_source():
    """'X versicherte, keine Truppen einzusetzen. Dem widerspricht ein Bericht des „Kurier“.' is a
    confirmation by the report (a denial contradicted), not a denial."""
    h = _doc("h", "Der Präsident versicherte, dass er keine nordkoreanischen Truppen in Kursk einsetzen werde. "
                  "Dem widerspricht nun ein Bericht des „Tagesboten“.", "Blatt H")
    b = _doc("b", TEXTS["b"][0], TEXTS["b"][1])
    rows = stance_matrix([h, b], [], [])
    assert len(rows) == 1
    cells = {c["article_id"]: c for c in rows[0]["cells"]}
    assert cells["h"]["stance"] == "confirm"
    assert cells["h"]["actor"] == "ein Bericht des „Tagesboten“"
    assert cells["h"]["context"]["text"].startswith("Der Präsident versicherte")
    assert cells["b"]["stance"] == "deny"
    # contradicting a plain statement stays a denial
    k = _doc("k", "Nordkoreanische Truppen sind in Kursk eingetroffen. Dem widerspricht der Kreml.", "Blatt K")
    rows = stance_matrix([k, _doc("a", TEXTS["a"][0], TEXTS["a"][1])], [], [])
    assert {c["article_id"]: c["stance"] for c in rows[0]["cells"]}["k"] == "deny"


def test_passive_agent_is_the_actor_and_claim_label_states_the_claim():
    m = _doc("m", "Von nordkoreanischer und russischer Seite wurde der Einsatz von Truppen in Kursk bestritten.", "Blatt M")
    a = _doc("a", TEXTS["a"][0], TEXTS["a"][1])
    rows = stance_matrix([m, a], [], [])
    cells = {c["article_id"]: c for c in rows[0]["cells"]}
    assert cells["m"]["stance"] == "deny"
    assert cells["m"]["actor"] == "Nordkorea und Russland"
    assert cells["m"]["actor_as_written"] == "Von nordkoreanischer und russischer Seite"
    # the claim is the sentence that says most of what the claim is about, with its span
    row = rows[0]
    span = row["claim_span"]
    doc = {"m": m, "a": a}[span["article_id"]]
    assert doc.text[span["start"]:span["end"]] == row["claim"] == span["text"]
    assert "Kursk" in row["claim"]


def test_contradiction_before_a_colon_refers_to_the_denial_before():
    n = _doc("n", "Der Kreml bestreitet, dass nordkoreanische Truppen in Kursk kämpfen. "
                  "Ukrainische Offiziere widersprechen: Nordkoreanische Truppen kämpfen seit Tagen in Kursk.", "Blatt N")
    rows = stance_matrix([n, _doc("a", TEXTS["a"][0], TEXTS["a"][1])], [], [])
    stances = sorted((c["actor"], c["stance"]) for c in rows[0]["cells"] if c["article_id"] == "n")
    assert stances == [("Der Kreml", "deny"), ("Ukrainische Offiziere", "confirm")]


def test_key_terms_are_nouns_and_places_and_verbs_map_to_their_nouns():
    """'stationiert' says 'Stationierung' (a synonym of 'Einsatz'); lower-case words do not name a
    claim, so a third article that states it with other verbs still gets its outlet cell."""
    p = _doc("p", "Der Kreml bestritt den Einsatz nordkoreanischer Truppen in Kursk.", "Blatt P")
    q = _doc("q", "Das Pentagon bestätigte die Entsendung nordkoreanischer Truppen nach Kursk.", "Blatt Q")
    r = _doc("r", "Es ist wahrscheinlich, dass nordkoreanische Truppen in Kursk stationiert werden.", "Blatt R")
    rows = stance_matrix([p, q, r], [], [])
    assert len(rows) == 1
    assert not any(t.startswith("v:") for t in rows[0]["key_terms"])
    cells = {c["article_id"]: c for c in rows[0]["cells"]}
    assert (cells["p"]["stance"], cells["q"]["stance"]) == ("deny", "confirm")
    assert cells["r"]["stance"] == "neither" and cells["r"]["via"] == "outlet-hedged"
