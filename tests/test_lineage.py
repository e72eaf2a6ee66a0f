"""Lineage: copies, shared agency text, translations; exact spans; the original is the earliest."""
from __future__ import annotations

from lagebild.link.lineage import find_lineage, lineage_groups, origin_edges, translation_note
from lagebild.records import AnalysedArticle, Article

AGENCY = ("Die Feuerwehr der Stadt Wendelsheim hat am Dienstagabend einen Großbrand in einer Lagerhalle gelöscht. "
          "Nach Angaben eines Sprechers wurden 14 Menschen leicht verletzt, darunter zwei Einsatzkräfte. "
          "Die Brandursache ist noch unklar, die Polizei hat die Ermittlungen aufgenommen und sucht Zeugen.")


def _doc(aid, text, published, lang="de", agency=(), translated_from=None, outlet=None):
    return AnalysedArticle(article=Article(id=aid, source="t", text=text, published=published, language=lang,
                                           agency=list(agency), translated_from=translated_from, outlet=outlet or aid))


def _docs():
    return [
        _doc("orig", AGENCY + " Der Schaden wird auf 2,5 Millionen Euro geschätzt.", "2024-05-01T08:00", agency=["dpa"]),
        _doc("edit", "Wendelsheim (dpa) – " + AGENCY.replace("Dienstagabend", "Dienstag")
             + " Anwohner sollen Fenster und Türen geschlossen halten, teilte die Stadt mit.", "2024-05-01T12:00",
             agency=["dpa"]),
        _doc("copy", AGENCY, "2024-05-02"),
        _doc("en", "Firefighters in Wendelsheim put out a large warehouse fire on Tuesday evening; 14 people were "
             "slightly hurt. Damage: 2,5 million euros. Translated from German.", "2024-05-02", lang="en",
             translated_from="de"),
        _doc("other", "Der FC Rotbach hat sein Heimspiel gegen Blau-Weiß Hollfeld mit 2:0 gewonnen. Beide Tore "
             "fielen nach der Pause, der Trainer lobte die Moral seiner Mannschaft.", "2024-05-01"),
    ]


def _edges():
    docs = _docs()
    return docs, {(e["source"], e["target"]): e for e in find_lineage(docs)}


def test_kinds_and_direction():
    _, edges = _edges()
    assert edges[("orig", "copy")]["kind"] == "copies"
    assert edges[("orig", "copy")]["score"] >= 0.8
    assert edges[("orig", "edit")]["kind"] == "shares-agency-text-with"
    assert edges[("orig", "edit")]["agencies"] == ["dpa"]
    assert edges[("orig", "en")]["kind"] == "translated-from"
    assert not any("other" in pair for pair in edges)


def test_spans_are_exact_and_cover_passages():
    docs, edges = _edges()
    texts = {d.id: d.text for d in docs}
    for e in edges.values():
        assert e["spans"]
        for s in e["spans"]:
            assert texts[s["article_id"]][s["start"]:s["end"]] == s["text"]
    passage = [s["text"] for s in edges[("orig", "edit")]["spans"] if s["article_id"] == "edit"]
    assert any("Nach Angaben eines Sprechers wurden 14 Menschen leicht verletzt" in p for p in passage)


def test_original_is_earliest_and_groups():
    docs, edges = _edges()
    assert all(e["original"] == "orig" for e in edges.values())
    groups = lineage_groups(docs)
    assert groups["orig"] == groups["copy"] == groups["edit"] == groups["en"]
    assert groups["other"] != groups["orig"]


def test_translation_note_in_text():
    doc = _doc("t", "Der Bericht erschien zuerst in der Washington Post. Aus dem Englischen übersetzt von Jana Roth.",
               "2024-05-02")
    lang, span = translation_note(doc)
    assert lang == "en"
    assert doc.text[span["start"]:span["end"]] == span["text"]
    assert span["text"].startswith("Aus dem Englischen")
    assert translation_note(_doc("n", "Ein ganz normaler Bericht.", "2024-05-02")) == (None, None)


def test_large_story_uses_lsh_and_still_finds_copies(monkeypatch):
    from lagebild.link import lineage

    monkeypatch.setattr(lineage, "LSH_FROM", 3)
    docs = _docs()
    edges = {(e["source"], e["target"]): e["kind"] for e in lineage.find_lineage(docs[:3] + docs[4:])}
    assert edges[("orig", "copy")] == "copies"


def test_agency_translation_without_note():
    de = _doc("afp-de", "Paris (AFP) – Präsident Emmanuel Macron hat am Montag in Marseille 2.400 neue Polizisten für "
              "die Region Provence angekündigt. Innenminister Gérald Darmanin sprach von 150 Millionen Euro.",
              "2024-06-03T10:00", agency=["AFP"])
    fr = _doc("afp-fr", "Le président Emmanuel Macron a annoncé lundi à Marseille 2.400 nouveaux policiers pour la "
              "région Provence. Le ministre Gérald Darmanin a évoqué 150 millions d'euros.", "2024-06-03T08:00",
              lang="fr", agency=["AFP"])
    other = _doc("other-en", "Emmanuel Macron met Olaf Scholz in Berlin.", "2024-06-03T09:00", lang="en")
    edges = find_lineage([de, fr, other])
    assert [(e["source"], e["target"], e["kind"], e["evidence"]) for e in edges] == \
        [("afp-fr", "afp-de", "translated-from", "agency")]


def test_origin_edges_for_agency_credits_and_untraced_translations():
    a = _doc("a", "Bern – Der Bundesrat hat am Mittwoch ein neues Gesetz zur Energie beschlossen.", "2024-05-02",
             agency=("sda",))
    b = _doc("b", "Zürich – Die Stadt plant einen neuen Park am Seeufer, sagte die Stadträtin.", "2024-05-02",
             agency=("sda",))
    c = _doc("c", "Ein Gutachten warnt vor Schäden an Brücken im ganzen Land.", "2024-05-03", translated_from="en")
    edges = origin_edges([a, b, c], find_lineage([a, b, c]))
    kinds = {(e["source"], e["target"], e["kind"]) for e in edges}
    assert ("agency:sda", "a", "credits-agency") in kinds and ("agency:sda", "b", "credits-agency") in kinds
    assert ("language:en", "c", "translated-from") in kinds
    groups = lineage_groups([a, b, c])
    assert groups["a"] == groups["b"] != groups["c"]  # one agency is one source, not two


def test_a_flood_of_copies_keeps_each_articles_strongest_edges_and_the_same_groups(monkeypatch):
    from lagebild.link import lineage

    flood = [_doc(f"c{k:02d}", AGENCY + f" Nachtrag {k}: die Straße bleibt gesperrt.", f"2024-05-01T{k % 24:02d}:{k:02d}")
             for k in range(30)]
    flood.append(_doc("other", "Der FC Rotbach hat sein Heimspiel gegen Blau-Weiß Hollfeld mit 2:0 gewonnen. "
                      "Beide Tore fielen nach der Pause, der Trainer lobte die Moral seiner Mannschaft.", "2024-05-01"))
    kept = lineage.find_lineage(flood)
    lineage._cache.clear()
    monkeypatch.setattr(lineage, "MAX_EDGES_PER_ARTICLE", 10_000)
    every = lineage.find_lineage(flood)
    assert len(every) == 30 * 29 // 2  # every pair of the flood links
    assert len(kept) <= 5 * 30 + 29 and len(kept) < len(every) / 3
    def partition(edges):
        groups = lineage_groups(flood, edges)
        return sorted(sorted(a for a in groups if groups[a] == g) for g in set(groups.values()))
    assert partition(kept) == partition(every)  # the same lineage groups, so the same independence counts
    assert {e["original"] for e in kept} == {e["original"] for e in every}
