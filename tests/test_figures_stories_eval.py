"""`lagebild eval stories`: refs resolve to 10kGNAD texts, figures and entities are scored against gold."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.evaluate.stories import resolve, run_story, score_story

DEV = Path(__file__).parent / "data" / "stories_dev.jsonl"


def test_one_dev_story_end_to_end():
    from lagebild.datapaths import shared_data

    corpus = shared_data("corpus")
    if not (corpus / "10kgnad" / "test.csv").exists() or not DEV.exists():
        pytest.skip("10kGNAD corpus or stories set not available")
    case = json.loads(DEV.read_text(encoding="utf-8").splitlines()[0])
    texts = [resolve(a["ref"], a.get("text_sha1"), corpus) for a in case["articles"]]
    story, docs = run_story(texts)
    res = score_story(case, story, docs)
    counts = res["counts"]
    assert counts["gold_figures"] == len(case["figures"]) and 0 < counts["figures_matched"] <= counts["gold_figures"]
    assert counts["listed"] >= counts["listed_right"] > 0
    assert all("listed" in e and 0 <= e["confidence"] <= 1 for e in story["entities"])
    with pytest.raises(ValueError):  # a ref whose text changed is refused, never scored
        resolve(case["articles"][0]["ref"], "0" * 40, corpus)
