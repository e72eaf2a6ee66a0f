"""`lagebild eval boilerplate|dates`: tiny invented benchmark dirs, plus a smoke test on 5 real pages."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from lagebild.cli import app
from tests.conftest import need_shared

PARAS = [
    "Die Gemeinde Birkenau hat am Dienstag eine neue Elektrofähre für den Lindensee in Betrieb genommen. "
    "Das Schiff bietet Platz für 80 Fahrgäste und zwölf Fahrräder und ersetzt die alte Dieselfähre.",
    "Bürgermeisterin Ilse Kramer sprach bei der Einweihung von einem wichtigen Schritt für den Tourismus. "
    "Die Anschaffung kostete nach Angaben der Gemeinde rund 1,9 Millionen Euro.",
    "Die Fähre verkehrt zunächst im Stundentakt zwischen Birkenau und dem Ortsteil Hollerbach. "
    "Ab Juli sollen an Wochenenden zusätzliche Fahrten angeboten werden.",
]


def _page(date: str, extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (f"<html lang='de'><head><title>Neue Fähre</title>"
            f"<meta property='article:published_time' content='{date}T08:00:00+02:00'></head><body>"
            f"<nav><a href='/'>Start</a> <a href='/r'>Region</a></nav><article><h1>Neue Fähre</h1>{body}{extra}"
            f"</article><footer>Impressum</footer></body></html>")


def _invoke(args) -> dict:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    line = [l for l in result.output.splitlines() if l.startswith("{")][-1]
    return json.loads(line)


def test_eval_boilerplate_tiny(tmp_path):
    (tmp_path / "html").mkdir()
    teaser = "<p>Lesen Sie auch: Badesaison am Lindensee beginnt früher</p><p>Foto: Gemeinde Birkenau</p>"
    (tmp_path / "html" / "a.html").write_text(_page("2025-05-14", teaser), encoding="utf-8")
    (tmp_path / "html" / "b.html").write_bytes(_page("2025-05-15").replace("Neue Fähre", "Größere Fähre").encode("cp1252"))
    exp = [
        {"file": "a.html", "url": "https://x.example/a",
         "with": ["neue Elektrofähre für den Lindensee", "zusätzliche Fahrten"],
         "without": ["Badesaison am Lindensee beginnt früher", "Foto: Gemeinde Birkenau", "Impressum"]},
        {"file": "b.html", "url": "https://x.example/b", "with": ["1,9 Millionen Euro"], "without": ["Region"]},
    ]
    (tmp_path / "expectations.json").write_text(json.dumps(exp), encoding="utf-8")
    res = _invoke(["eval", "boilerplate", str(tmp_path), "--baseline"])
    assert res["task"] == "boilerplate" and res["pages"] == 2
    ours, base = res["lagebild"], res["trafilatura"]
    assert ours["tp"] + ours["fn"] == 3 and ours["fp"] + ours["tn"] == 4
    assert ours["tp"] == 3 and ours["fp"] == 0  # teaser and credit removed by clean
    assert base["fp"] >= 1  # plain trafilatura keeps the teaser line
    assert ours["f1"] > base["f1"]
    for key in ("precision", "recall", "f1", "accuracy", "pages_per_s"):
        assert key in ours and key in base
    # the anchor runs with its own benchmark's settings, printed in the JSON line
    assert res["baseline_settings"]["include_comments"] is False and res["baseline_settings"]["include_tables"] is True


def test_eval_dates_tiny(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a.html").write_text(_page("2025-05-14"), encoding="utf-8")
    (tmp_path / "html" / "b.html").write_text(_page("2024-11-02"), encoding="utf-8")
    exp = [{"file": "a.html", "url": "https://x.example/a", "date": "2025-05-14"},
           {"file": "b.html", "url": "https://x.example/b", "date": "2024-11-03"}]  # b: deliberately wrong gold
    (tmp_path / "expected_dates.json").write_text(json.dumps(exp), encoding="utf-8")
    res = _invoke(["eval", "dates", str(tmp_path), "--baseline"])
    assert res["pages"] == 2
    assert res["lagebild"]["correct"] == 1 and res["lagebild"]["accuracy"] == 0.5
    assert "htmldate" in res and "pages_per_s" in res["lagebild"]


def test_eval_web_smoke_real_pages():
    bp = need_shared("boilerplate", "trafilatura-de")
    res = _invoke(["eval", "boilerplate", str(bp), "--baseline", "--limit", "5"])
    assert res["pages"] == 5 and res["lagebild"]["tp"] > 0
    assert res["lagebild"]["f1"] >= res["trafilatura"]["f1"] - 0.1
    dd = need_shared("dates", "htmldate")
    res = _invoke(["eval", "dates", str(dd), "--baseline", "--limit", "5"])
    assert res["pages"] == 5 and res["lagebild"]["correct"] >= 3
