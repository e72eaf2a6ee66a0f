"""Reports escape hostile article text and carry every section."""
from lagebild.report.html import render_html
from lagebild.report.markdown import render_markdown

PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>'


def hostile_dossier():
    text = f"Titel {PAYLOAD}\nDer Minister sagte: „Wir prüfen 3.000 Fälle.“"
    q_start = text.index("Wir")
    q_end = text.index("“")
    f_start = text.index("3.000")
    return {
        "version": "1.0",
        "articles": [{"id": "a1", "source": "x.txt", "title": PAYLOAD, "published": None, "language": "de",
                      "byline": PAYLOAD, "agency": [PAYLOAD], "removed_lines": [PAYLOAD], "text": text, "outlet": PAYLOAD}],
        "stories": [{
            "id": "s1", "title": PAYLOAD, "article_ids": ["a1"],
            "entities": [{"name": PAYLOAD, "type": "PER", "aliases": [PAYLOAD], "article_ids": ["a1"], "mentions": []}],
            "quotes": [{"speaker": PAYLOAD, "speaker_entity": None, "cue": "sagte", "text": text[q_start:q_end], "direct": True,
                        "article_id": "a1", "start": q_start, "end": q_end, "attributed_to": [PAYLOAD]}],
            "figures": [{"id": "a1:f1", "topic": PAYLOAD, "count_of": PAYLOAD, "value": 3000, "low": 3000, "high": 3000,
                         "qualifier": "exact", "text": "3.000", "article_id": "a1", "attributed_to": [PAYLOAD],
                         "start": f_start, "end": f_start + 5}],
            "figure_groups": [{"topic": PAYLOAD, "figure_ids": ["a1:f1"], "disagreement": False}],
            "timeline": [{"date": "2024", "text": PAYLOAD, "event": PAYLOAD, "article_id": "a1"}],
            "lineage": [{"source": PAYLOAD, "target": "a1", "kind": "copies", "score": 1.0}],
            "stance": [{"claim": PAYLOAD, "cells": [{"actor": PAYLOAD, "outlet": PAYLOAD, "stance": "deny"}]}],
        }],
        "errors": [PAYLOAD],
    }


def test_html_escapes_everything():
    html = render_html(hostile_dossier())
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert "Content-Security-Policy" in html


def test_html_marks_evidence_spans():
    html = render_html(hostile_dossier())
    assert 'id="a-a1-' in html and 'href="#a-a1-' in html


def test_markdown_neutralises_markup():
    md = render_markdown(hostile_dossier())
    assert "<script>" not in md and "\\<script\\>" in md
    assert "## " in md and "### Quotes" in md and "### Figures" in md
