"""Fuzz slice (issue 19): hypothesis-generated files through read -> clean -> analyse -> report.
The long run (10,000+ inputs) is `python bench/bench_fuzz.py --examples 10000`."""
from __future__ import annotations

import tempfile
from pathlib import Path

from fuzzkit import cases, run_case
from hypothesis import HealthCheck, given, settings


@settings(max_examples=15, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(cases)
def test_fuzz_pipeline_never_crashes(case):
    files, odd = case
    with tempfile.TemporaryDirectory() as tmp:
        run_case(Path(tmp) / "case", files, odd)
