"""One test per input kind, each on a small invented sample (shipped in tests/data/inputs or built here)."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from lagebild.ingest import expand_paths, read_paths, stable_id
from lagebild.records import IngestError, RawDocument

INPUTS = Path(__file__).parent / "data" / "inputs"

PARAS = [
    "Die Gemeinde Birkenau hat am Dienstag eine neue Elektrofähre für den Lindensee in Betrieb genommen. "
    "Das Schiff bietet Platz für 80 Fahrgäste und zwölf Fahrräder.",
    "Bürgermeisterin Ilse Kramer sprach von einem „wichtigen Schritt für den Tourismus am See“. "
    "Die Anschaffung kostete nach Angaben der Gemeinde rund 1,9 Millionen Euro.",
    "Die Fähre verkehrt zunächst im Stundentakt zwischen Birkenau und dem Ortsteil Hollerbach, "
    "kündigte der Betreiber an.",
]


def _docs(paths):
    out = list(read_paths([str(p) for p in paths]))
    return [r for r in out if isinstance(r, RawDocument)], [r for r in out if isinstance(r, IngestError)]


def test_txt_title_and_id():
    docs, errors = _docs([INPUTS / "dammbau.txt"])
    assert not errors and len(docs) == 1
    doc = docs[0]
    assert doc.id == "dammbau"
    assert doc.title == "Gemeinderat beschließt neuen Hochwasserschutz für Birkenau"
    assert "Deich entlang der Lind" in doc.text


def test_txt_without_headline_has_no_title(tmp_path):
    p = tmp_path / "satz.txt"
    p.write_text("Der Gemeinderat hat am Montag getagt und viel beschlossen.\nZweiter Absatz folgt hier.\n", encoding="utf-8")
    docs, _ = _docs([p])
    assert docs[0].title is None


def test_html_text_and_metadata():
    docs, errors = _docs([INPUTS / "beispiel-artikel.html"])
    assert not errors and len(docs) == 1
    doc = docs[0]
    assert doc.id == "beispiel-artikel"
    assert "Elektrofähre" in doc.text
    assert "Wir verwenden Cookies" not in doc.text  # banner is not main text
    assert doc.title and "Fähre" in doc.title
    assert doc.outlet == "Seebote Online"
    assert doc.byline == "Carla Weidner"
    assert doc.published and doc.published.startswith("2025-05-14")
    assert doc.raw_html and "<article>" in doc.raw_html


def test_jsonl_records_ids_and_fields(tmp_path):
    p = tmp_path / "agentur.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "Fähre fährt", "text": PARAS[0], "published": "2025-05-14",
                    "outlet": "Seebote", "byline": "Carla Weidner", "language": "de", "url": "https://x.example/a1"}),
        json.dumps({"text": PARAS[1], "url": "https://x.example/a2"}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = _docs([p])
    assert not errors and len(docs) == 2
    assert docs[0].id == "a1" and docs[0].outlet == "Seebote" and docs[0].published == "2025-05-14"
    assert docs[0].byline == "Carla Weidner" and docs[0].language == "de" and docs[0].title == "Fähre fährt"
    assert docs[1].id == stable_id("https://x.example/a2")  # no id: stable hash of the URL


def test_jsonl_gz(tmp_path):
    p = tmp_path / "paket.jsonl.gz"
    p.write_bytes(gzip.compress((json.dumps({"id": "g1", "text": PARAS[2]}) + "\n").encode()))
    docs, errors = _docs([p])
    assert not errors and [d.id for d in docs] == ["g1"]


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Seebote – Region</title><link>https://seebote.example</link>
<description>Nachrichten</description><language>de</language>
<item><title>Neue Fähre am Lindensee</title><link>https://seebote.example/faehre</link>
<pubDate>Wed, 14 May 2025 07:45:00 +0200</pubDate><author>post@seebote.example (Carla Weidner)</author>
<description><![CDATA[<p>{PARAS[0]}</p><p>{PARAS[1]}</p>]]></description></item>
<item><title>Zweite Meldung</title><link>https://seebote.example/zwei</link>
<description>{PARAS[2]}</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Talblatt</title><id>urn:talblatt</id>
<updated>2025-05-14T08:00:00Z</updated>
<entry><title>Fähre in Betrieb</title><id>urn:talblatt:1</id><link href="https://talblatt.example/1"/>
<published>2025-05-14T08:00:00+02:00</published><author><name>Jonas Reh</name></author>
<content type="html">&lt;p&gt;{PARAS[0]}&lt;/p&gt;&lt;p&gt;{PARAS[1]}&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries(tmp_path):
    p = tmp_path / "region.rss"
    p.write_text(RSS, encoding="utf-8")
    docs, errors = _docs([p])
    assert not errors and len(docs) == 2
    first = docs[0]
    assert first.title == "Neue Fähre am Lindensee"
    assert first.url == "https://seebote.example/faehre"
    assert first.id == stable_id("https://seebote.example/faehre")
    assert first.published.startswith("2025-05-14T07:45:00")
    assert first.byline == "Carla Weidner"
    assert first.outlet == "Seebote – Region"
    assert first.text.split("\n")[0] == PARAS[0]  # one line per <p>
    assert "<p>" not in first.text


def test_atom_sniffed_from_xml(tmp_path):
    p = tmp_path / "feed.xml"
    p.write_text(ATOM, encoding="utf-8")
    docs, errors = _docs([p])
    assert not errors and len(docs) == 1
    assert docs[0].title == "Fähre in Betrieb" and docs[0].byline == "Jonas Reh"
    assert docs[0].published.startswith("2025-05-14T08:00:00")
    assert "Kramer" in docs[0].text


def _write_warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for uri, ctype, body in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body.encode("utf-8")),
                                            http_headers=http,
                                            warc_headers_dict={"WARC-Date": "2025-05-15T10:00:00Z"})
            writer.write_record(rec)


def test_warc_html_responses(tmp_path):
    html = (INPUTS / "beispiel-artikel.html").read_text(encoding="utf-8")
    nodate = "<html><body><article>" + "".join(f"<p>{t}</p>" for t in PARAS) + "</article></body></html>"
    p = tmp_path / "crawl.warc.gz"
    _write_warc(p, [
        ("https://seebote.example/faehre", "text/html; charset=utf-8", html),
        ("https://seebote.example/style.css", "text/css", "body { color: red }"),
        ("https://seebote.example/ohne-datum", "text/html", nodate),
    ])
    docs, errors = _docs([p])
    assert not errors, errors
    assert [d.url for d in docs] == ["https://seebote.example/faehre", "https://seebote.example/ohne-datum"]
    assert docs[0].id == stable_id("https://seebote.example/faehre", "2025-05-15T10:00:00Z")
    assert docs[0].published.startswith("2025-05-14")  # from the page, not the capture date
    assert docs[1].published == "2025-05-15" and docs[1].meta.get("published_inferred")  # WARC-Date fallback
    assert docs[0].meta["warc_date"] == "2025-05-15T10:00:00Z"


def test_directory_and_glob_expansion(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.txt").write_text("y", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("z", encoding="utf-8")
    files = list(expand_paths([str(tmp_path), str(tmp_path / "*.txt")]))
    assert sorted(f.name for f in files) == ["a.txt", "b.txt"]  # each once, hidden skipped


def test_sniffed_kind_without_extension(tmp_path):
    p = tmp_path / "ohne_endung"
    p.write_text(RSS, encoding="utf-8")
    docs, errors = _docs([p])
    assert not errors and len(docs) == 2


@pytest.mark.parametrize("enc", ["cp1252", "latin-1"])
def test_non_utf8_text_is_decoded_and_recorded(tmp_path, enc):
    p = tmp_path / "alt.txt"
    p.write_bytes("Größere Fähre für Birkenau\nDie Gemeinde kauft eine größere Fähre für den Lindensee.\n".encode(enc))
    docs, errors = _docs([p])
    assert not errors
    assert "Größere Fähre" in docs[0].text
    assert docs[0].meta["encoding_note"].startswith("not UTF-8")


def test_declared_latin1_html_read_as_cp1252(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    html = ("<html><head><meta charset='iso-8859-1'><title>Fähre</title></head><body><article>"
            f"<h1>„Neue“ Fähre – jetzt</h1>{body}</article></body></html>")
    p = tmp_path / "alt.html"
    p.write_bytes(html.encode("cp1252"))
    docs, errors = _docs([p])
    assert not errors
    assert "Bürgermeisterin" in docs[0].text and "\ufffd" not in docs[0].text
    assert docs[0].meta["encoding"] == "cp1252"


def test_cyrillic_single_byte_text_detected(tmp_path):
    from lagebild.ingest.sniff import decode_bytes

    ru = "Это короткий тест на русском языке, чтобы проверить определение кодировки текста."
    assert decode_bytes(ru.encode("cp1251")).text == ru


def test_jsonl_dates_normalised_to_iso(tmp_path):
    p = tmp_path / "daten.jsonl"
    recs = [{"id": "d1", "text": PARAS[0], "published": "14.05.2025, 07:45"},
            {"id": "d2", "text": PARAS[1], "date": "Wed, 14 May 2025 07:45:00 +0200"},
            {"id": "d3", "text": PARAS[2], "published": "gestern"}]
    p.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    docs, _ = _docs([p])
    assert [d.published for d in docs] == ["2025-05-14T07:45:00", "2025-05-14T07:45:00+02:00", None]
    assert docs[2].meta["published_raw"] == "gestern"
