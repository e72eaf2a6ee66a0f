"""The official SpkAtt-2023 task-2 scorer on tiny hand-made cases with known answers."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.evaluate.spkatt import assign, official, prediction_json


def ann(message=(), source=(), cue=(), frame=(), addr=(), nested=False):
    ids = lambda xs: {(0, x) for x in xs}  # noqa: E731
    return {"Message": ids(message), "Source": ids(source), "Cue": ids(cue), "Frame": ids(frame),
            "Addr": ids(addr), "nested": nested}


def test_perfect_match_scores_one():
    g = ann(message=[3, 4, 5], source=[0], cue=[1], frame=[0, 1, 2])
    res = official([([g], [dict(g)])])
    assert res["joint"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    # empty roles (Addr) add nothing to either list
    assert res["roles"]["Addr"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_unmatched_prediction_counts_against_empty_gold():
    g = ann(message=[1, 2], source=[3])
    p_ok = ann(message=[1, 2], source=[3])
    p_extra = ann(message=[9], source=[8])
    res = official([([g], [p_ok, p_extra])])
    # Message P [1, 0], R [1]; Source P [1, 0], R [1] -> P 0.5, R 1.0
    assert res["joint"]["precision"] == 0.5
    assert res["joint"]["recall"] == 1.0
    assert res["joint"]["f1"] == pytest.approx(0.6667, abs=1e-4)


def test_unmatched_gold_and_partial_overlap():
    g1 = ann(message=[1, 2, 3, 4], cue=[0])
    g2 = ann(message=[10, 11], source=[12])
    p = ann(message=[1, 2], cue=[0, 5])
    res = official([([g1, g2], [p])])
    # pair (g1, p): Message P 1, R 0.5; Cue P 0.5, R 1. g2 alone: Message R 0, Source R 0.
    assert res["roles"]["Message"]["precision"] == 1.0
    assert res["roles"]["Message"]["recall"] == 0.25
    assert res["roles"]["Cue"] == {"precision": 0.5, "recall": 1.0, "f1": pytest.approx(0.6667, abs=1e-4)}
    assert res["joint"]["precision"] == 0.75  # [1, 0.5]
    assert res["joint"]["recall"] == pytest.approx((0.5 + 1 + 0 + 0) / 4)


def test_nested_annotations_left_out_of_simplified():
    outer = ann(message=[1, 2, 3, 4, 5], source=[0])
    inner = ann(message=[3, 4], source=[6], nested=True)
    res = official([([outer, inner], [dict(outer)])])
    assert res["simplified"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    # the full task misses the nested one: Message and Source recall lists get a 0 each
    assert res["joint"]["recall"] == 0.5
    assert res["joint"]["precision"] == 1.0


def test_assignment_maximises_total_f1_not_greedy():
    # greedy would pair g0 with p0 (F1 0.8) and leave g1 with nothing that overlaps
    g0 = ann(message=[1, 2, 3, 4])
    g1 = ann(message=[1, 2])
    p0 = ann(message=[1, 2, 3])
    p1 = ann(message=[3, 4])
    pairs = assign([g0, g1], [p0, p1])
    assert sorted(pairs) == [(0, 1), (1, 0)]


def test_no_overlap_pair_is_two_unmatched_groups():
    g = ann(message=[1, 2], source=[5])
    p = ann(message=[7, 8], source=[5])
    res = official([([g], [p])])
    assert res["roles"]["Source"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_prediction_json_keeps_document_and_writes_refs():
    doc = {"DocumentName": "x", "Sentences": [{"SentenceId": "0", "Tokens": ["a", "b"]}], "Annotations": [1]}
    out = prediction_json(doc, [{**ann(message=[1], cue=[0]), "direct": True}])
    assert out["Sentences"] == doc["Sentences"]
    assert out["Annotations"][0]["Message"] == ["0:1"]
    assert out["Annotations"][0]["Form"] == "Direct"


SPKATT = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes" / "wikinews-spkatt" / "train"


@pytest.mark.skipif(not SPKATT.is_dir(), reason="shared SpkAtt data absent")
def test_gold_against_itself_and_written_predictions(tmp_path):
    from lagebild.evaluate.quotes import gold_annotations, predict

    files = sorted(SPKATT.glob("*.json"))[:3]
    docs = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    golds = [gold_annotations(d) for d in docs]
    assert official([(g, g) for g in golds])["joint"]["f1"] == 1.0
    d = docs[0]
    sents = [s["Tokens"] for s in sorted(d["Sentences"], key=lambda s: int(s["SentenceId"]))]
    pred, _ = predict(sents)
    written = prediction_json(d, pred)
    assert gold_annotations(written) == [{**{r: p[r] for r in ("Message", "Source", "Cue", "Addr", "Frame")},
                                          "nested": p["nested"]} for p in pred]
