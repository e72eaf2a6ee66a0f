"""Issue 19 reproducers: hostile file names, contents and containers. Every test makes its own files.

Each skipped thing gets one error line naming it, the batch goes on, and error texts are printed
as data (no Rich markup, no terminal escapes)."""
from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

from lagebild.ingest import read_paths
from lagebild.records import IngestError

from conftest import light_analysis, run_cli

GOOD = ("Neue Fähre für den Lindensee\n"
        "Die Gemeinde Birkenau hat am Dienstag eine neue Elektrofähre in Betrieb genommen. "
        "Bürgermeisterin Ilse Kramer sagte, das Schiff sei ein wichtiger Schritt für den Tourismus.\n")


def good(n: int) -> str:
    return GOOD.replace("Lindensee", f"Lindensee {n}").replace("Dienstag", f"Dienstag ({n}. Fahrt)")


@pytest.fixture(autouse=True)
def _light_analysis(monkeypatch):
    light_analysis(monkeypatch)


def _run(args):
    return run_cli(args)


def _errors(paths):
    recs = list(read_paths([str(p) if not isinstance(p, bytes) else os.fsdecode(p) for p in paths]))
    return [r for r in recs if isinstance(r, IngestError)], [r for r in recs if not isinstance(r, IngestError)]


def _warc(records: list[tuple[str, str]], gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for uri, text in records:
        body = f"<html><head><title>{text[:30]}</title></head><body><article><h1>{text[:30]}</h1>" \
               + f"<p>{text}</p>" * 4 + "</article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body.encode()),
                                                      http_headers=headers))
    return buf.getvalue()


def test_markup_in_names_and_contents_is_printed_as_text(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a[").mkdir()
    (d / "a[" / "red].txt").write_text(good(1), encoding="utf-8")  # named on the command line as 'a[/red].txt'
    (tmp_path / "db[").mkdir()
    (d / "kaputt.warc").write_bytes(b"WARC/1.0 [/bold] [link=file:///etc]x[/link]\r\nContent-Length: 99\r\n\r\nab")
    (d / "b\x1b[31mrot.txt").write_bytes(b"")  # an ESC sequence in the name of a bad file
    named = [f"{d}/a[/red].txt", str(d / "kaputt.warc"), str(d / "b\x1b[31mrot.txt")]
    for args in (["report", *named, "--out", str(tmp_path / "out"), "--quiet"],
                 ["ingest", *named, "--db", f"{tmp_path}/db[/b].db"]):
        result, out = _run(args)
        assert result.exit_code == 0, out
        assert "\x1b[31m" not in out and "\\x1b[31mrot.txt" in out  # escaped, not interpreted
        assert "kaputt.warc" in out and "[/bold]" in out or "WARC" in out
    assert json.loads((tmp_path / "out" / "dossier.json").read_text())["articles"][0]["id"] == "red]"
    assert (tmp_path / "out" / "dossier.html").exists()


def test_non_utf8_file_name(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    bad = os.path.join(os.fsencode(d), b"caf\xe9-\xff.txt")
    with open(bad, "wb") as fh:
        fh.write(good(2).encode())
    (d / "gut.txt").write_text(good(3), encoding="utf-8")
    result, out = _run(["report", str(d), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, out
    dossier = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))
    assert {a["id"] for a in dossier["articles"]} == {"caf\\xe9-\\xff", "gut"}
    assert (tmp_path / "out" / "dossier.md").exists() and (tmp_path / "out" / "dossier.html").exists()
    result, out = _run(["ingest", str(d), "--db", str(tmp_path / "x.db"), "--quiet"])
    assert result.exit_code == 0 and "added 2" in out, out


def test_overlong_argument_and_odd_entries(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "gut.txt").write_text(good(4), encoding="utf-8")
    (d / "gleich.txt").write_text(good(4), encoding="utf-8")  # exact duplicate of gut.txt
    (d / "schleife").symlink_to(d / "schleife")
    (d / "verwaist.txt").symlink_to(d / "gibt-es-nicht.txt")
    os.mkfifo(d / "rohr.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(d / "s.sock"))
    long_arg = str(tmp_path / ("x" * 300 + ".txt"))
    try:
        result, out = _run(["report", str(d), "--out", str(tmp_path / "out"), "--quiet"])
    finally:
        sock.close()
    assert result.exit_code == 0, out
    lines = [" ".join(l.split()) for l in out.split("error ")[1:]]
    expected = {"schleife": "symlink loop", "verwaist.txt": "dangling", "rohr.txt": "FIFO",
                "s.sock": "socket", "gleich.txt": "duplicate"}
    for name, why in expected.items():
        assert any(name in l and why in l for l in lines), (name, out)
    assert len(lines) == len(expected), out
    dossier = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in dossier["articles"]] in (["gut"], ["gleich"])
    # a 300-character name (ENAMETOOLONG) is one error, the other inputs are read
    errs, docs = _errors([long_arg, d / "gut.txt"])
    assert [d.id for d in docs] == ["gut"] and len(errs) == 1 and "too long" in str(errs[0])


def _as_nobody(fn):
    """Run fn() in a forked child without root's right to read anything (root ignores modes)."""
    if os.geteuid() != 0:
        return fn()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        try:
            os.close(r)
            os.setgid(65534)
            os.setuid(65534)
            data = json.dumps(fn()).encode()
            os.write(w, data)
        finally:
            os._exit(0)
    os.close(w)
    chunks = []
    while chunk := os.read(r, 65536):
        chunks.append(chunk)
    os.close(r)
    os.waitpid(pid, 0)
    return json.loads(b"".join(chunks))


def test_unreadable_directories():
    base = Path(tempfile.mkdtemp(prefix="lagebild-perm-"))  # not under pytest's root-only tmp dir
    try:
        base.chmod(0o755)
        (base / "gut.txt").write_text(good(5), encoding="utf-8")
        (base / "gut.txt").chmod(0o644)
        sub = base / "geschlossen"
        sub.mkdir()
        (sub / "innen.txt").write_text(good(6), encoding="utf-8")
        sub.chmod(0o000)

        def read():
            errs, docs = _errors([base, sub / "innen.txt"])
            return [str(e) for e in errs], [d.id for d in docs]

        errs, ids = _as_nobody(read)
    finally:
        (base / "geschlossen").chmod(0o755)
        shutil.rmtree(base)
    assert ids == ["gut"]
    assert any("geschlossen" in e and "permission denied" in e for e in errs if "innen" not in e), errs
    assert any("innen.txt" in e and "permission denied" in e for e in errs), errs


def test_truncated_warc_gz_names_the_lost_records(tmp_path):
    data = _warc([(f"https://example.org/{i}", good(i) * 3) for i in range(6)])
    (tmp_path / "ganz.warc.gz").write_bytes(data)
    (tmp_path / "halb.warc.gz").write_bytes(data[: len(data) * 6 // 10])
    plain = _warc([(f"https://example.org/p{i}", good(i) * 3) for i in range(4)], gz=False)
    (tmp_path / "halb.warc").write_bytes(plain[: len(plain) * 7 // 10])
    errs, docs = _errors([tmp_path / "ganz.warc.gz", tmp_path / "halb.warc.gz", tmp_path / "halb.warc"])
    assert sum(d.source.startswith(str(tmp_path / "ganz.warc.gz")) for d in docs) == 6
    assert 0 < sum("halb.warc.gz#" in d.source for d in docs) < 6
    assert any("halb.warc.gz" in str(e) and "truncated" in str(e) for e in errs), errs
    assert any("halb.warc:" in str(e) and "truncated" in str(e) for e in errs), errs


def test_jsonl_bad_lines_cost_one_line_each(tmp_path):
    lines = [json.dumps({"id": f"j{i}", "text": good(i)}) for i in range(300)]
    lines[10] = '{"id": "tief", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}"
    lines[20] = '{"id": "tief2", "text": "x", "n": ' + "[" * 40 + "]" * 40 + "}"
    lines[30] = lines[30][:-1] + ', "junk": "a\x00b"}'
    lines[40] = json.dumps({"id": "j40", "text": good(40) + " \ud800 Ende"}, ensure_ascii=True)
    raw = "\n".join(lines).encode("utf-8")
    raw = raw.replace(b'"j50"', b'"j50\xed\xa0\x80"')  # raw bytes of a lone surrogate (not UTF-8)
    (tmp_path / "a.jsonl").write_bytes(raw)
    errs, docs = _errors([tmp_path / "a.jsonl"])
    assert sorted(e.line for e in errs) == [11, 21, 31], [str(e) for e in errs]
    assert all("a.jsonl" in e.source for e in errs)
    assert "nested too deeply" in str(errs[0]) and "NUL" in str(errs[2])
    assert len(docs) == 297
    j40 = next(d for d in docs if d.id == "j40")
    assert "\ufffd Ende" in j40.text
    j40.text.encode("utf-8")
    assert any(d.id.startswith("j50") for d in docs)
    assert next(d for d in docs if d.id == "j51").text == good(51).strip()  # no mojibake after the bad line


def test_gzip_jsonl_and_whole_batch_through_ingest(tmp_path):
    lines = [json.dumps({"id": f"g{i}", "text": good(i)}) for i in range(5)] + ['{"id": ' + "{" * 5000]
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    result, out = _run(["ingest", str(tmp_path / "b.jsonl.gz"), "--db", str(tmp_path / "x.db"), "--quiet"])
    assert result.exit_code == 0 and "added 5" in out and "b.jsonl.gz:6" in out, out


def test_text_longer_than_spacy_limit_is_split():
    from lagebild.analyse.nlp import split_sentences

    line = "Der Rat der Gemeinde Birkenau tagte am Dienstag lange und ohne Pause " * 18_000  # 1.2 M chars
    spans = split_sentences(line + "\nZweite Zeile.")
    assert len(line) > 1_000_000
    assert max(e - s for s, e in spans) <= 1_500  # no endless sentence for the later stages
    assert spans[-1] == (len(line) + 1, len(line) + 1 + len("Zweite Zeile."))


def test_warc_with_wrong_content_length_is_one_error_line(tmp_path, capfd):
    data = _warc([(f"https://example.org/{i}", good(i) * 3) for i in range(3)], gz=False)
    i = data.index(b"Content-Length: ")
    j = data.index(b"\r\n", i)
    data = data[:i] + b"Content-Length: " + str(int(data[i + 16:j]) - 3).encode() + data[j:]  # 3 bytes left over
    (tmp_path / "falsch.warc").write_bytes(data)
    errs, docs = _errors([tmp_path / "falsch.warc"])
    assert len(docs) == 3
    assert len(errs) == 1 and "Content-Length" in str(errs[0])
    assert "WARNING" not in capfd.readouterr().err  # warcio's own stderr warning is not printed


def test_empty_and_utf16_jsonl_found_by_the_fuzzer(tmp_path):
    """Cases the long fuzz run found read silently: a blank .jsonl, an empty .jsonl.gz, a BOM only."""
    (tmp_path / "leer.jsonl").write_bytes(b"\n \n")
    (tmp_path / "leer.jsonl.gz").write_bytes(gzip.compress(b""))
    (tmp_path / "bom.jsonl").write_bytes(b"\xff\xfe")
    (tmp_path / "utf16.jsonl").write_bytes(json.dumps({"id": "u16", "text": good(7)}).encode("utf-16"))
    errs, docs = _errors(sorted(tmp_path.iterdir()))
    assert [d.id for d in docs] == ["u16"]
    assert sorted(Path(e.source).name for e in errs) == ["bom.jsonl", "leer.jsonl", "leer.jsonl.gz"], errs


def test_missing_and_overlong_arguments_beside_a_good_file_let_the_batch_go_on(tmp_path):
    """A missing path, a 300-character name and a name with a terminal escape among good input: one
    escaped error line each, the good file is reported, exit 0; only when nothing exists: exit 2."""
    import subprocess
    import sys

    good = tmp_path / "a.txt"
    good.write_text("Die Feuerwehr in Wendelsheim meldete am Dienstag einen Großbrand in einer Lagerhalle. "
                    "Bürgermeisterin Anja Liebrecht sagte, der Schaden sei hoch.", encoding="utf-8")
    args = [str(good), str(tmp_path / "nope"), str(tmp_path / ("x" * 300)), str(tmp_path / "\x1b[31mred")]
    cmd = [sys.executable, "-m", "lagebild.cli", "report", *args, "--out", str(tmp_path / "out"), "-q", "--workers", "1"]
    r = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "dossier.json").exists()
    assert "\x1b" not in r.stderr and "\\x1b" in r.stderr
    assert r.stderr.count("error") == 3
    r = subprocess.run(cmd[:4] + [str(tmp_path / "nope"), "--out", str(tmp_path / "o2"), "-q"],
                       capture_output=True, text=True)
    assert r.returncode == 2 and r.stderr.count("error") == 1
