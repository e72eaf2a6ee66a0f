"""bench/group_survey.py and bench/story_draw.py: items in the reviewers' format, records located from what the
reviewers saw (hashes, no text), and candidate stories from a cosine graph capped in size."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import group_survey as gs  # noqa: E402

TEXT = "In Kursk sind 3.000 Soldaten eingetroffen. Die Ukraine spricht von 11.000 Soldaten."


def _dossier() -> dict:
    f1 = {"id": "a1:f0", "article_id": "a1", "start": 14, "end": 19, "text": "3.000", "value": 3000.0, "low": 3000.0,
          "high": 3000.0, "qualifier": "exact", "unit": None, "count_of": "Soldaten", "attributed_to": []}
    f2 = dict(f1, id="a1:f1", start=67, end=73, text="11.000", value=11000.0, low=11000.0, high=11000.0,
              attributed_to=["Die Ukraine"])
    group = {"topic": "soldat", "figure_ids": ["a1:f0", "a1:f1"], "kind": "distinct", "shown": False,
             "keys": {"topic": "soldat", "holder": None}, "reason": "values differ"}
    return {"articles": [{"id": "a1", "title": "Truppen", "text": TEXT}],
            "stories": [{"article_ids": ["a1"], "figures": [f1, f2], "figure_groups": [group]}]}


def test_items_record_and_labels(tmp_path, monkeypatch):
    assert TEXT[14:19] == "3.000" and TEXT[67:73] == "11.000"
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "dossier.json").write_text(json.dumps(_dossier()), encoding="utf-8")
    out = tmp_path / "review"
    gs.items([tmp_path / "d"], out, 1)
    listed = (out / "items_g1.txt").read_text(encoding="utf-8")
    assert listed.startswith('######## G1: "Soldaten" verdict=distinct | keys: topic=soldat | reason: values differ')
    assert "[articles/a1.txt] in: In Kursk sind [[3.000]] Soldaten eingetroffen." in listed
    (out / "judgments_g1.txt").write_text("G1 wrong reason: the two count different arrivals\nnoise\n", encoding="utf-8")
    assert gs._labels(out) == {"G1": ("wrong", "wrong reason")}
    surveys = tmp_path / "surveys"
    surveys.mkdir()
    (surveys / "figures_A.jsonl").write_text(json.dumps({"part": "A", "docs": ["a1"]}) + "\n", encoding="utf-8")
    monkeypatch.setattr(gs, "HERE", surveys)
    gs.record("A", out)
    rows = [json.loads(x) for x in (surveys / "groups_A.jsonl").read_text(encoding="utf-8").splitlines()]
    key = gs.members_key([("a1", 14, 19), ("a1", 67, 73)])
    assert rows[1] == {"item": "G1", "members": key, "key": gs._h([key, "distinct", "values differ"]),
                       "label": "wrong", "class": "wrong reason"}
    assert "Soldaten" not in json.dumps(rows)  # no text of the article in the record


def test_candidate_stories_are_connected_parts_of_at_most_four():
    import pytest

    pytest.importorskip("sklearn")  # the draw's TF-IDF comes from the `train` extra, not from `dev`
    from bench.story_draw import MAX_ARTICLES, candidate_stories

    topics = {"damm": "Damm Talsperre Grauwasser bricht Evakuierung Grauach", "liga": "Bundesliga Tabelle Spieltag Tore "
              "Trainer Abstieg", "quant": "Quantencomputer Forschung Labor Physik Qubits"}
    docs, n = {}, 0
    for name, size in (("damm", 5), ("liga", 3), ("quant", 3)):
        for k in range(size):
            docs[f"gnad_{n:04d}"] = {"text": f"{topics[name]} Meldung{name}{k}"}
            n += 1
    for k in range(9):  # singles: words of their own only
        docs[f"gnad_{n:04d}"] = {"text": f"Einzeltext{k} Sonderwort{k} Eigenname{k}"}
        n += 1
    parts = candidate_stories(sorted(int(k[5:]) for k in docs), docs)
    assert all(2 <= len(p) <= MAX_ARTICLES for p in parts)
    assert [5, 6, 7] in parts and [8, 9, 10] in parts and not any(i >= 11 for p in parts for i in p)
    assert len([p for p in parts if set(p) <= set(range(5))]) == 1 and len(parts) == 3  # 5 alike: capped at 4
