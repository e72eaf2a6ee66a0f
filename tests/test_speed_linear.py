"""Every stage is linear in the text length (issue 18): one single-paragraph text of 100 KB and
one of 1 MB (10kGNAD articles joined by spaces) through the whole pipeline, CPU time compared.

Slow (minutes on a shared 2-core machine): runs with LAGEBILD_SLOW=1 (and in CI).
"""
import csv
import os
import time

import pytest

from lagebild.datapaths import shared_data

SLOW = os.environ.get("LAGEBILD_SLOW") == "1" or os.environ.get("CI") == "true"


def _paragraph(size: int) -> str:
    path = shared_data("corpus", "10kgnad", "test.csv")
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    csv.field_size_limit(1 << 24)
    with open(path, encoding="utf-8", newline="") as fh:
        text = " ".join(r[1] for r in csv.reader(fh, delimiter=";", quotechar="'") if len(r) > 1)
    text = text[:size]
    return text[: text.rfind(" ")]


def _cpu_seconds(text: str, out) -> float:
    """CPU seconds of what `lagebild report` does with the text (dossier.json, .md, .html)."""
    from lagebild.pipeline import dossier_from_docs, process
    from lagebild.records import RawDocument
    from lagebild.report import write_all

    t0 = time.process_time()
    batch = process([RawDocument(id="big", source="big", text=text)], workers=1)
    write_all(dossier_from_docs(batch.docs).to_dict(), out)
    assert batch.docs and batch.docs[0].mentions and not batch.errors
    return time.process_time() - t0


@pytest.mark.skipif(not SLOW, reason="slow (minutes): set LAGEBILD_SLOW=1 (runs in CI)")
def test_one_megabyte_paragraph_is_linear_and_under_a_minute(tmp_path):
    _cpu_seconds("Anna Berger sagte am Montag in Linz, es gebe rund 300 Fälle.", tmp_path)  # models loaded
    small = _cpu_seconds(_paragraph(100_000), tmp_path)
    big = _cpu_seconds(_paragraph(1_000_000), tmp_path)
    print(f"100 KB: {small:.1f} CPU s, 1 MB: {big:.1f} CPU s")
    assert big < 60, big
    assert big <= 10 * small * 1.3, (small, big)  # 10x the text, at most ~10x the time
