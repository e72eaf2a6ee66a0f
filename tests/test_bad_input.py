"""Bad input through `lagebild report`: every bad file gets one clear error naming it (and the line
for JSONL); the good files still make a dossier; the exit code is non-zero only when nothing worked."""
from __future__ import annotations

import json

import pytest


from conftest import light_analysis, run_cli

GOOD = ("Neue Fähre für den Lindensee\n"
        "Die Gemeinde Birkenau hat am Dienstag eine neue Elektrofähre in Betrieb genommen. "
        "Bürgermeisterin Ilse Kramer sagte, das Schiff sei ein wichtiger Schritt für den Tourismus.\n"
        "Die Anschaffung kostete rund 1,9 Millionen Euro, teilte die Gemeinde mit.\n")


def _bad_dir(tmp_path):
    d = tmp_path / "eingang"
    d.mkdir()
    (d / "gut.txt").write_text(GOOD, encoding="utf-8")
    (d / "alt-kodiert.txt").write_bytes(GOOD.replace("Neue", "Größere").encode("cp1252"))  # decodable: not an error
    (d / "leer.txt").write_bytes(b"")
    (d / "nur-leerzeichen.txt").write_text("   \n\n\t\n", encoding="utf-8")
    (d / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (d / "nul.txt").write_bytes(b"Text\x00mit\x00Nullbytes\x00" * 50)
    (d / "riesig.txt").write_text("Zu groß. " * 4000, encoding="utf-8")  # ~36 KB > --max-mb 0.02
    (d / "ohne-artikel.html").write_text(
        "<html><body><nav><a href='/'>Start</a> <a href='/a'>Archiv</a></nav></body></html>", encoding="utf-8")
    lines = [
        json.dumps({"id": "j-gut", "text": GOOD.replace("Fähre", "Brücke")}),
        '{"id": "j-kaputt", "text": "abgeschnitten',
        json.dumps({"id": "j-ohne-text", "title": "Nur ein Titel"}),
    ]
    (d / "agentur.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "kaputt.rss").write_text("<?xml version='1.0'?><rss><channel><title>Abgebrochen", encoding="utf-8")
    (d / "kaputt.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nabgebrochen")
    return d


@pytest.fixture(autouse=True)
def _light_analysis(monkeypatch):
    light_analysis(monkeypatch)


def _run(args):
    result, out = run_cli(args)
    return result, " ".join(out.split())  # rich wraps long lines


def test_bad_files_reported_good_files_processed(tmp_path):
    d = _bad_dir(tmp_path)
    out_dir = tmp_path / "out"
    result, out = _run(["report", str(d), "--out", str(out_dir), "--quiet", "--max-mb", "0.02"])
    assert result.exit_code == 0, out
    expected = {
        "leer.txt": "empty file",
        "nur-leerzeichen.txt": "empty file",
        "bild.png": "binary file",
        "nul.txt": "binary file",
        "riesig.txt": "too large",
        "ohne-artikel.html": "no article text",
        "agentur.jsonl:2": "malformed JSON",
        "agentur.jsonl:3": "no 'text'",
        "kaputt.rss": "feed",
        "kaputt.warc": "WARC",
    }
    for name, why in expected.items():
        hits = [seg for seg in out.split("error ") if name in seg]
        assert hits, f"no error line names {name}: {out}"
        assert any(why in seg for seg in hits), f"{name}: expected '{why}' in {hits}"
    assert "gut.txt" not in out.replace("alt-kodiert.txt", "")  # good files raise no error
    dossier = json.loads((out_dir / "dossier.json").read_text(encoding="utf-8"))
    ids = {a["id"] for a in dossier["articles"]}
    assert {"gut", "alt-kodiert", "j-gut"} <= ids
    assert any("agentur.jsonl:2" in e for e in dossier["errors"])
    assert (out_dir / "dossier.md").exists() and (out_dir / "dossier.html").exists()


def test_exit_code_nonzero_when_nothing_processed(tmp_path):
    d = tmp_path / "nur-schrott"
    d.mkdir()
    (d / "leer.txt").write_bytes(b"")
    (d / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result, out = _run(["report", str(d), "--out", str(tmp_path / "o"), "--quiet"])
    assert result.exit_code != 0
    assert "leer.txt" in out and "bild.png" in out
