"""bench/results.py: the README results table is rendered from each row's saved JSON line."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _results():
    spec = importlib.util.spec_from_file_location("bench_results", ROOT / "bench" / "results.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_results"] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_every_row_is_marked_and_only_held_out_rows_are_bold():
    mod = _results()
    assert {r.split for r in mod.ROWS} <= {mod.HELD_OUT, mod.TUNED}
    assert len({r.id for r in mod.ROWS}) == len(mod.ROWS)
    ner = {"strict": {"precision": 0.6, "recall": 0.5, "f1": 0.5455}, "m3_1_outer": {"f1": 0.6}, "inner_predicted": False}
    cl = {"bcubed": {"precision": 0.9, "recall": 0.9, "f1": 0.9}, "seeds": [0, 1, 2],
          "bcubed_f1_spread": {"min": 0.89, "max": 0.91}}
    table = mod.render({"ner": {"measured": "2026-12-06", "result": ner},
                        "cluster_ecb": {"measured": "2026-12-06", "result": cl}})
    lines = table.splitlines()
    assert len(lines) == 4
    ner_line = next(l for l in lines if "GermEval" in l)
    cl_line = next(l for l in lines if "ECB+" in l)
    assert "| held-out |" in ner_line and "**M1" in ner_line and "0.545" in ner_line
    assert "| tuned on |" in cl_line and "**" not in cl_line and "min 0.890" in cl_line


def test_readme_has_the_generated_table():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    mod = _results()
    assert mod.BEGIN in text and mod.END in text
    table = text.split(mod.BEGIN, 1)[1].split(mod.END, 1)[0]
    assert all(("| held-out |" in l or "| tuned on |" in l) for l in table.strip().splitlines()[2:])
