"""Fuzzing ingest -> clean -> analyse -> report (issue 19): shared by tests/test_fuzz.py (a fast
slice) and bench/bench_fuzz.py (the long run). Inputs are hostile file names and contents of
every kind the reader knows; the property: nothing raises, every input becomes articles or error
lines, and the three report files are written (valid JSON, UTF-8)."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from hypothesis import strategies as st

SUFFIXES = [".txt", ".html", ".jsonl", ".json", ".xml", ".rss", ".warc", ".md", "", ".gz", ".jsonl.gz", ".warc.gz"]
NASTY = ["[/bold]", "[red]", "\x1b[31m", "\x00", "\ud800", "\u202e", "<script>alert(1)</script>", "{{7*7}}",
         "„Zitat“, sagte er.", "1,9 Millionen Euro", "am 3. März 2031", "WARC/1.0\r\n", "<?xml version='1.0'?><rss>",
         "<html><body><article><p>", "</p></article></body></html>", '{"text": "', '"}', "\n", "\r\n", "😀", "\xa0"]
WORDS = ["Die", "Gemeinde", "Birkenau", "hat", "am", "Dienstag", "eine", "Fähre", "gekauft", "sagte", "Ilse", "Kramer",
         "Millionen", "Euro", "rund", "laut", "dpa", "Polizei", "Berlin", ".", ",", "„", "“", "–", "100", "%", "2031"]


@st.composite
def article_text(draw) -> str:
    parts = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(NASTY), st.text(max_size=20)),
                          max_size=60))
    return " ".join(parts)


@st.composite
def file_content(draw) -> bytes:
    kind = draw(st.sampled_from(["text", "html", "jsonl", "feed", "warc", "bytes", "json"]))
    text = draw(article_text())
    if kind == "bytes":
        return draw(st.binary(max_size=2000))
    if kind == "html":
        body = f"<html><head><title>{text[:40]}</title></head><body><article><h1>{text[:30]}</h1><p>{text}</p></article></body></html>"
    elif kind == "jsonl":
        lines = [json.dumps({"text": draw(article_text()), "title": draw(article_text()),
                             "published": draw(st.sampled_from(["2031-03-10", "gestern", "", "99999999999", "10.03.2031"]))})
                 for _ in range(draw(st.integers(0, 4)))]
        lines += draw(st.lists(st.sampled_from(NASTY + ["{", "[" * 50, "null", "[]"]), max_size=3))
        body = "\n".join(lines)
    elif kind == "json":
        body = json.dumps([{"text": text}]) if draw(st.booleans()) else text
    elif kind == "feed":
        body = (f"<?xml version='1.0'?><rss><channel><title>{text[:20]}</title><item><title>{text[:30]}</title>"
                f"<description>{text}</description></item></channel></rss>")
    elif kind == "warc":
        body = f"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: {len(text)}\r\n\r\n{text}"
    else:
        body = text
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
    data = body.encode(encoding, errors="surrogateescape" if encoding == "utf-8" else "replace") \
        if encoding != "utf-8" else body.encode("utf-8", errors="surrogatepass")
    if draw(st.booleans()) and data:
        cut = draw(st.integers(0, len(data)))  # truncated files
        data = data[:cut] if draw(st.booleans()) else data
    return data


file_names = st.text(alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
                     min_size=1, max_size=40).filter(lambda n: n not in (".", ".."))


def run_case(tmp: Path, files: list[tuple[str, str, bytes]], odd_name_bytes: bytes | None = None) -> dict:
    """Write the files, run read -> clean -> analyse -> report; check the property; return counts."""
    import gzip

    from lagebild.pipeline import dossier_from_docs, load_raw, process
    from lagebild.report import write_all

    if tmp.exists():
        shutil.rmtree(tmp)
    src = tmp / "in"
    src.mkdir(parents=True)
    for n, (name, suffix, data) in enumerate(files):
        if suffix.endswith(".gz"):
            data = gzip.compress(data)
        path = os.path.join(os.fsencode(src), os.fsencode(f"{n}-{name}"[:80]) + os.fsencode(suffix))
        with open(path, "wb") as fh:
            fh.write(data)
    if odd_name_bytes:
        with open(os.path.join(os.fsencode(src), odd_name_bytes[:100] + b".txt"), "wb") as fh:
            fh.write(b"Ein Text mit einem seltsamen Namen.\nDie Gemeinde tagte am Dienstag.")
    raws, errors = load_raw([str(src)])
    batch = process(raws, None, workers=1) if "workers" in process.__code__.co_varnames else process(raws, None)
    errors = errors + batch.errors
    dossier = dossier_from_docs(batch.docs, errors).to_dict()
    out = tmp / "out"
    write_all(dossier, out)
    back = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert len(back["articles"]) == len(batch.docs)
    (out / "dossier.md").read_text(encoding="utf-8")
    html = (out / "dossier.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    for e in errors:  # every error names something and prints as one line
        from lagebild.ingest.names import printable

        assert "\n" not in printable(str(e)) and str(e).strip()
    n_inputs = len(files) + (1 if odd_name_bytes else 0)
    assert len(batch.docs) + len(errors) + batch.skipped >= min(1, n_inputs)
    return {"articles": len(batch.docs), "errors": len(errors)}


cases = st.tuples(
    st.lists(st.tuples(file_names, st.sampled_from(SUFFIXES), file_content()), min_size=1, max_size=3),
    st.one_of(st.none(), st.binary(min_size=1, max_size=30).filter(lambda b: b"/" not in b and b"\x00" not in b
                                                                    and b not in (b".", b".."))),
)
