"""bench/figure_survey.py: the reviewers' lines are read as written, and a record keeps hashes of what they saw."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import figure_survey as fs  # noqa: E402


def _dossier() -> dict:
    fig = {"article_id": "a1", "start": 10, "end": 14, "text": "rund 50", "value": 50.0, "low": 45.0, "high": 55.0,
           "qualifier": "approx", "unit": None, "count_of": "Tote", "attributed_to": ["die Polizei"]}
    return {"articles": [{"id": "a1", "text": "Es starben rund 50 Tote.", "published": "2024-01-02"}],
            "stories": [{"article_ids": ["a1"], "figures": [fig, dict(fig, start=20, end=22, text="3", value=3.0,
                                                                       low=3.0, high=3.0, qualifier="exact",
                                                                       count_of="", attributed_to=[])]}]}


def test_shown_is_what_the_report_writes():
    fig = _dossier()["stories"][0]["figures"][0]
    assert fs.shown(fig) == "≈ 50 Tote (laut die Polizei)"


def test_labels_read_every_form(tmp_path):
    (tmp_path / "judgments_f1.txt").write_text(
        "F1 right\nF2 right bare (vague source)\nF3 not a figure: a year\nF4 wrong value: 'über' is >\n"
        "F5: wrong source: not the police\nnoise line\n", encoding="utf-8")
    lab = fs.labels(tmp_path)
    assert lab == {"F1": ("right", "right"), "F2": ("right", "right bare"), "F3": ("wrong", "not a figure"),
                   "F4": ("wrong", "wrong value"), "F5": ("wrong", "wrong source")}


def test_record_hashes_what_the_reviewers_saw(tmp_path, monkeypatch):
    d = tmp_path / "A"
    (d / "dossier").mkdir(parents=True)
    (d / "review").mkdir()
    (d / "dossier" / "dossier.json").write_text(json.dumps(_dossier()), encoding="utf-8")
    (d / "input.jsonl").write_text(json.dumps({"id": "a1", "text": "…"}) + "\n", encoding="utf-8")
    fs.items(d, 1)
    listed = (d / "review" / "items_f1.txt").read_text(encoding="utf-8")
    assert "F1: shown: ≈ 50 Tote (laut die Polizei)" in listed and "F2: shown: 3 " in listed
    (d / "review" / "judgments_f1.txt").write_text("F1 right\nF2 not a figure: a rank\n", encoding="utf-8")
    monkeypatch.setattr(fs, "HERE", tmp_path)
    fs.record("A", d)
    rows = [json.loads(x) for x in (tmp_path / "figures_A.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows[0] == {"part": "A", "docs": ["a1"]}
    assert [(r["item"], r["label"], r["class"]) for r in rows[1:]] == [("F1", "right", "right"),
                                                                      ("F2", "wrong", "not a figure")]
    assert rows[1]["key"] == fs._h(["a1", 10, 14, "≈ 50 Tote (laut die Polizei)"])
    assert "Tote" not in json.dumps(rows)  # no text of the article in the record


def test_parts_are_fixed_by_the_salted_hash():
    assert fs.part_of("wn_12120") == fs.part_of("wn_12120") and fs.part_of("wn_12120") in "ABC"
