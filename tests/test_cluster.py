"""Story clustering: partitions, evidence, stable ids, incremental joins, cross-language joins."""
from __future__ import annotations

import json

import numpy as np

import pytest

from lagebild.evaluate.cluster import bcubed, pairwise
from lagebild.link.cluster import StoryIndex, cluster_articles, story_title
from lagebild.link.similarity import extract_features, features_of_doc, normalise_number
from lagebild.records import AnalysedArticle, Article, Mention

from conftest import need_shared

# Invented articles: two fires in different towns (similar stories), one election, one football match.
TEXTS = {
    "brand-1": ("Großbrand in Wendelsheim", "In der Kleinstadt Wendelsheim ist am Dienstag eine Lagerhalle der Firma Korbach "
                "abgebrannt. Die Feuerwehr Wendelsheim war mit 120 Einsatzkräften vor Ort. Bürgermeisterin Anja Liebrecht "
                "sprach von einem Schaden von 4,5 Millionen Euro.", "2024-03-05"),
    "brand-2": ("Lagerhalle in Wendelsheim zerstört", "Nach dem Brand der Korbach-Lagerhalle in Wendelsheim ermittelt die "
                "Polizei. 120 Feuerwehrleute hatten die Flammen bekämpft, Anja Liebrecht schätzt den Schaden auf 4,5 "
                "Millionen Euro. Die Firma Korbach will die Halle wieder aufbauen.", "2024-03-06"),
    "brand-3": ("Korbach-Brand: Ursache unklar", "Die Ursache des Brandes bei Korbach in Wendelsheim ist weiter unklar. "
                "Bürgermeisterin Liebrecht dankte den 120 Helfern der Feuerwehr.", "2024-03-07"),
    "wahl-1": ("Neuer Landrat in Ostkreis", "Im Ostkreis ist Tobias Fendrich zum Landrat gewählt worden. Er erhielt 54,2 "
               "Prozent der Stimmen, sein Gegenkandidat Mirko Seidl kam auf 45,8 Prozent.", "2024-03-05"),
    "wahl-2": ("Fendrich gewinnt Landratswahl", "Tobias Fendrich hat die Landratswahl im Ostkreis mit 54,2 Prozent gewonnen. "
               "Mirko Seidl gratulierte dem neuen Landrat.", "2024-03-06"),
    "fussball": ("Derbysieg für Blau-Weiß", "Blau-Weiß Hollfeld gewann das Derby gegen Eintracht Rotbach mit 3:1. "
                 "Torjäger Kemal Aydin traf doppelt.", "2024-03-05"),
}


def _doc(aid: str, title: str, text: str, published: str, lang: str = "de") -> AnalysedArticle:
    return AnalysedArticle(article=Article(id=aid, source="test", text=text, title=title, published=published,
                                           language=lang, outlet=aid.split("-")[0]))


def _docs(ids=None) -> list[AnalysedArticle]:
    return [_doc(k, *TEXTS[k]) for k in (ids or TEXTS)]


def _partition(clusters) -> set[frozenset]:
    return {frozenset(c["article_ids"]) for c in clusters}


def test_clusters_separate_stories_and_explain_membership():
    clusters = cluster_articles(_docs())
    assert _partition(clusters) == {frozenset({"brand-1", "brand-2", "brand-3"}), frozenset({"wahl-1", "wahl-2"}),
                                    frozenset({"fussball"})}
    fire = next(c for c in clusters if "brand-1" in c["article_ids"])
    rows = {r["article_id"]: r for r in fire["membership"]}
    assert set(rows) == {"brand-1", "brand-2", "brand-3"}
    for r in rows.values():
        assert set(r) >= {"article_id", "score", "shared_entities", "shared_figures", "similarity", "joined_via"}
        assert r["score"] > 0
    assert "Wendelsheim" in rows["brand-2"]["shared_entities"] or "Korbach" in rows["brand-2"]["shared_entities"]
    assert "120" in rows["brand-2"]["shared_figures"]
    json.dumps(clusters)  # plain JSON


def test_story_ids_stable_under_input_order():
    a = {c["id"]: set(c["article_ids"]) for c in cluster_articles(_docs())}
    b = {c["id"]: set(c["article_ids"]) for c in cluster_articles(list(reversed(_docs())))}
    assert a == b


def test_incremental_index_keeps_story_id():
    index = StoryIndex()
    first = index.add([features_of_doc(d) for d in _docs(["brand-1", "brand-2", "wahl-1", "fussball"])])
    fire_id = first[0]
    later = index.add([features_of_doc(d) for d in _docs(["brand-3", "wahl-2"])])
    assert later[0] == fire_id  # joined the existing story, nothing re-clustered
    assert later[1] == index.resolve(first[2])
    assert len(index.stories) == 3


def test_english_article_joins_via_names_and_numbers():
    docs = _docs(["brand-1", "brand-2", "wahl-1", "fussball"])
    docs.append(_doc("en-1", "Warehouse fire in Wendelsheim", "A warehouse of the Korbach company in Wendelsheim burnt "
                     "down. Mayor Anja Liebrecht put the damage at 4.5 million euros; 120 firefighters of the "
                     "Wendelsheim brigade fought the blaze.", "2024-03-06", lang="en"))
    clusters = cluster_articles(docs)
    fire = next(c for c in clusters if "brand-1" in c["article_ids"])
    assert "en-1" in fire["article_ids"]
    row = next(r for r in fire["membership"] if r["article_id"] == "en-1")
    assert row["joined_via"] in ("entities", "numbers")
    assert row["similarity"]["entities"] + row["similarity"]["numbers"] > row["similarity"]["text"]


def test_mentions_replace_capitalised_heuristic():
    doc = _doc("m", "Titel", "Die Kanzlerin traf Emmanuel Macron in Paris.", "2024-01-01")
    doc.mentions = [Mention("m", 19, 34, "Emmanuel Macron", "PER", norm="Emmanuel Macron"),
                    Mention("m", 38, 43, "Paris", "LOC")]
    f = features_of_doc(doc)
    # persons and places are keyed by spelling-insensitive skeletons (cross-language joins);
    # the evidence still shows the names as written
    from lagebild.link.translit import skeleton

    assert set(f.entities) == {skeleton("Emmanuel Macron"), skeleton("Macron"), skeleton("Paris")}
    assert f.surface_of[skeleton("Emmanuel Macron")] == "Emmanuel Macron"
    assert f.surface_of[skeleton("Macron")] == "Macron"


def test_number_normalisation():
    assert normalise_number("1.500", "de") == 1500
    assert normalise_number("1,500", "en") == 1500
    assert normalise_number("3,5", "de") == 3.5
    assert normalise_number("3.5", "en") == 3.5
    f = extract_features("x", "Es kamen 2.300 Menschen und 7 Hunde.", None, "de")
    assert "2300" in f.numbers and "7" not in f.numbers


def test_story_title_is_most_central_title():
    docs = _docs(["brand-1", "brand-2", "brand-3"])
    assert story_title(docs, []) in {t for t, _, _ in (TEXTS[k] for k in ("brand-1", "brand-2", "brand-3"))}
    untitled = [_doc("u", "", "Erster Satz über Wendelsheim.\nZweiter Absatz.", "2024-01-01")]
    assert story_title(untitled, []) == "Erster Satz über Wendelsheim."


def test_metrics_on_hand_example():
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    pred = {"a": "x", "b": "x", "c": "x", "d": "y"}
    b3 = bcubed(gold, pred)
    # precision: a,b,c: 2/3, 2/3, 1/3; d: 1 -> 2/3; recall: a,b: 1; c,d: 1/2 -> 3/4
    assert b3["precision"] == pytest.approx(0.6667, abs=1e-4)
    assert b3["recall"] == pytest.approx(0.75, abs=1e-4)
    pw = pairwise(gold, pred)
    assert pw["precision"] == pytest.approx(1 / 3, abs=1e-4) and pw["recall"] == pytest.approx(0.5, abs=1e-4)


def test_ecbplus_dev_reaches_target():
    """Scored as the eval scores it: shuffled order, neutral ids, mean of 3 seeds (0.9025 measured)."""
    path = need_shared("clustering", "ecbplus-dev.jsonl")
    from lagebild.evaluate.cluster import evaluate, load

    res = evaluate(load(path))
    assert res["bcubed"]["f1"] >= 0.88 and res["bcubed_f1_spread"]["min"] >= 0.86


def test_cluster_eval_is_independent_of_file_order_and_ids():
    """The system never sees the file's ids or order: a reversed file with ids that spell the gold
    label scores exactly the same as the original."""
    import random

    from lagebild.evaluate.cluster import evaluate, neutral

    rows = [{"id": i, "title": title, "text": text, "published": None, "language": "de", "cluster": name.split("-")[0]}
            for i, (name, (title, text, _)) in enumerate(TEXTS.items())]
    leaky = [dict(r, id=f"{r['cluster']}_{k}") for k, r in enumerate(rows)][::-1]
    random.Random(7).shuffle(leaky)
    a, b = evaluate(rows, seeds=2), evaluate(leaky, seeds=2)
    for key in ("bcubed", "pairwise", "pred_clusters"):
        assert a[key] == b[key]
    shown, gold = neutral(leaky, 0)
    assert all(set(r) >= {"id"} and "cluster" not in r and r["id"].startswith("d") for r in shown)
    assert sorted(gold) == sorted(r["id"] for r in shown)


def test_index_survives_pickling():
    import pickle

    index = StoryIndex()
    first = index.add([features_of_doc(d) for d in _docs(["brand-1", "brand-2", "wahl-1"])])
    restored = pickle.loads(pickle.dumps(index))
    later = restored.add([features_of_doc(d) for d in _docs(["brand-3"])])
    assert later[0] == first[0]


# Invented wire copy: the same agency text under two mastheads (only the headline differs).
WIRE = ("Nach dem Einsturz der Brücke über die Wendel in Korbach-Süd haben Taucher der Feuerwehr "
        "Wendelsheim am Mittwoch zwei Fahrzeuge geborgen. Landrätin Anja Liebrecht sprach von 14 "
        "Verletzten. Die Brücke war 1971 gebaut worden und sollte 2025 saniert werden.")


def test_near_copies_count_once_and_the_fullest_copy_speaks():
    # the cut copy arrives first; the full one (one more paragraph) then becomes the counted member
    cut = _doc("wire-a", "Brücke eingestürzt", WIRE, "2024-03-05")
    full = _doc("wire-b", "Brücke eingestürzt", WIRE + "\nDie Polizei sperrte die Bundesstraße 27 bis Freitag.",
                "2024-03-06")
    index = StoryIndex()
    index.add_docs([cut])
    index.add_docs([full])
    (story,) = index.stories.values()
    assert story.size == 2 and story.units == 1  # the copy does not count as a second view
    assert abs(float(story.vals @ story.vals) - float(index.stored["wire-b"].vals @ index.stored["wire-b"].vals)) < 1e-4
    rows = {r["article_id"]: r for r in index.clusters()[0]["membership"]}
    assert rows["wire-a"]["joined_via"] == "duplicate" and rows["wire-a"]["duplicate_of"] == "wire-b"
    assert rows["wire-a"]["duplicate_similarity"] >= 0.8
    assert rows["wire-b"]["joined_via"] != "duplicate"


def test_cohesion_is_average_member_link():
    from lagebild.link.sparse import sdot as _sdot

    docs = _docs(["brand-1", "brand-2", "brand-3"])
    index = StoryIndex()
    index.add_docs(docs)
    (story,) = index.stories.values()
    stored = [index.stored[d.id] for d in docs]
    pairs = [(0, 1), (0, 2), (1, 2)]
    expected = sum(_sdot(stored[i].keys, stored[i].vals, stored[j].keys, stored[j].vals) for i, j in pairs) / 3
    assert story.cohesion() == pytest.approx(expected, abs=1e-4)


def test_far_apart_stories_do_not_merge_on_a_weak_link():
    # same town and company, a year apart: the merge pass damps story links by the time gap too
    docs = _docs(["brand-1", "brand-2"])
    later = _doc("brand-2025", "Wendelsheim: neue Halle für Korbach", "Ein Jahr nach dem Brand hat die Firma Korbach "
                 "in Wendelsheim ihre neue Lagerhalle eröffnet. Bürgermeisterin Anja Liebrecht kam zur Eröffnung.",
                 "2025-03-20")
    clusters = cluster_articles(docs + [later])
    assert _partition(clusters) == {frozenset({"brand-1", "brand-2"}), frozenset({"brand-2025"})}
    later.article.published = "2024-03-07"  # the same text within the week joins
    assert len(cluster_articles(docs + [later])) == 1


def test_demo_corpus_forms_one_story():
    # examples/demo: six articles of one dam-breach story from five outlets (two agency copies,
    # a follow-up a day later, a translation), analysed the way `lagebild report` does
    from pathlib import Path

    from lagebild.pipeline import load_raw, process

    demo = Path(__file__).resolve().parent.parent / "examples" / "demo"
    raws, errors = load_raw([str(demo)])
    docs = process(raws).docs
    assert len(docs) == 6 and not errors
    from lagebild.link import propagate_names

    propagate_names(docs)  # as build_stories does before clustering
    clusters = cluster_articles(docs)
    # the translated follow-up (expert warnings of 2019) is found by the names it shares although
    # its heaviest terms are its own new names (QUERY_TERMS > KEY_TERMS)
    assert len(clusters) == 1
    assert sum(r["joined_via"] == "duplicate" for r in clusters[0]["membership"]) == 1


def _candidates_reference(index: StoryIndex, keys, vals) -> list[str]:
    """The plain form of StoryIndex._candidates: one Python step per posting entry."""
    from collections import defaultdict

    from lagebild.link.cluster import MAX_CANDIDATES, POSTINGS_CAP, QUERY_TERMS

    hits: dict[str, float] = defaultdict(float)
    if not len(keys):
        return []
    q = QUERY_TERMS
    top = np.argpartition(-vals, min(q, len(vals)) - 1)[:q] if len(vals) > q else range(len(vals))
    for i in top:
        for sid in index.postings.get(int(keys[i]), [])[-POSTINGS_CAP:]:
            hits[index.resolve(sid)] += float(vals[i])
    if len(hits) <= MAX_CANDIDATES:
        return list(hits)
    return [sid for sid, _ in sorted(hits.items(), key=lambda kv: -kv[1])[:MAX_CANDIDATES]]


def test_candidate_lookup_matches_the_plain_loop():
    from lagebild.link.cluster import MAX_CANDIDATES

    # issue 18: the lookup resolves and sums posting entries in C; same stories, same order, also
    # through chains of merged stories (a story merged into one that later merged again)
    rng = np.random.default_rng(5)
    vocab = [f"wort{i}" for i in range(300)]
    names = [f"Name{i}" for i in range(60)]
    index = StoryIndex()
    for batch in range(6):
        feats = []
        for k in range(150):
            words = " ".join(rng.choice(vocab, 25)) + " und " + " ".join(rng.choice(names, 4))
            feats.append(extract_features(f"a{batch}-{k}", words, None, "de", f"2024-03-{1 + batch:02d}"))
        index.add(feats)
    # chains: a story merged into an older one that is then merged into an older one still
    by_age = sorted(index.stories.values(), key=lambda st: st.founder)
    for i in range(0, 30, 3):
        oldest, middle, newest = by_age[i:i + 3]
        index._merge(oldest, index._merge(middle, newest))
    chains = [s for s in index.redirect if index.redirect[s] in index.redirect]
    queries = [(a.keys, a.vals) for a in list(index.stored.values())[::7]]
    queries += [(st.keys, st.vals) for st in list(index.stories.values())[::5]]
    results = []
    for keys, vals in queries:
        expected = _candidates_reference(index, keys, vals)
        assert index._candidates(keys, vals) == expected
        results.append(expected)
    assert len(chains) >= 10 and len(queries) > 100
    assert any(len(r) == MAX_CANDIDATES for r in results)  # the ranked path, not only the short one
