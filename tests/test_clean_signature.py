"""An author's closing signature '(Name, DD.MM.YYYY)' gives the byline and the publication date."""
from __future__ import annotations

from lagebild.clean import clean_document
from lagebild.clean.meta import signature
from lagebild.records import RawDocument


def test_signature_forms():
    assert signature("… sagt Grundnig. (Colette M. Schmidt, 24.10.2015)") == ("Colette M. Schmidt", "2015-10-24")
    assert signature("… (APA, 3.11.2015)") == (None, "2015-11-03")  # an agency signs, no author
    assert signature("Am 24.10.2015 (einem Samstag) begann es. Dann ging es weiter.") == (None, None)
    assert signature("… (Anna Berg, 31.2.2015)") == (None, None)  # no such day


def test_signature_fills_missing_metadata_only():
    text = "Die Lage an der Grenze bleibt ruhig.\nAm Mittwoch wurden die Läden zugesperrt. (Colette M. Schmidt, 24.10.2015)"
    art = clean_document(RawDocument(id="s", source="s.txt", text=text))
    assert (art.published, art.byline) == ("2015-10-24", "Colette M. Schmidt")
    art = clean_document(RawDocument(id="t", source="t.txt", text=text, published="2015-10-25"))
    assert art.published == "2015-10-25"
