"""`lagebild eval time`: own invented cases never enter the headline; every source is reported."""
import json
import random

from lagebild.evaluate.time import predict, report


def _row(text, gold_text, value, source):
    start = text.index(gold_text)
    return {"text": text, "dct": "2024-11-05", "source": source,
            "timexes": [{"start": start, "end": start + len(gold_text), "text": gold_text, "type": "DATE", "value": value}]}


ROWS = [
    _row("Der Vertrag wurde am 31. Oktober 2024 unterzeichnet.", "31. Oktober 2024", "2024-10-31", "indep-a/x.json"),
    _row("Gestern trat er zurück.", "Gestern", "2024-11-04", "indep-b"),
    # an own case with a deliberately wrong gold value: it must not pull the headline down
    _row("Heute beginnt die Messe.", "Heute", "1999-01-01", "lagebild-news"),
]


def test_headline_counts_independent_cases_only_and_own_cases_apart():
    preds = [predict(r) for r in ROWS]
    out = report(ROWS, preds)
    assert out["cases"] == "independent" and out["docs"] == 2
    assert out["value_accuracy"] == 1.0
    assert out["own_cases"]["docs"] == 1 and out["own_cases"]["value_accuracy"] == 0.0
    assert set(out["sources"]) == {"indep-a", "indep-b", "lagebild-news"}
    assert out["sources"]["lagebild-news"]["own"] and not out["sources"]["indep-a"]["own"]


def test_report_does_not_depend_on_input_order():
    rows = list(ROWS)
    first = report(rows, [predict(r) for r in rows])
    random.Random(7).shuffle(rows)
    assert json.dumps(report(rows, [predict(r) for r in rows]), sort_keys=True) == json.dumps(first, sort_keys=True)
