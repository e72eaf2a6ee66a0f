"""Issue 17: anchors of undated articles, confidence of timeline rows, and the uncertain-dates list."""
from lagebild.analyse import sentences
from lagebild.analyse.timex import find_timexes
from lagebild.analyse.timex_anchor import SHOW_THRESHOLD, name_years
from lagebild.link.timeline import build_timeline
from lagebild.records import AnalysedArticle, Article, Mention


def doc(aid, text, published=None, mentions=()):
    d = AnalysedArticle(article=Article(id=aid, source="<t>", text=text, published=published))
    d.mentions = list(mentions)
    sentences(d)
    find_timexes(d)
    return d


def rows_by_text(*docs):
    rows = build_timeline(list(docs))
    for r in rows:
        assert 0 <= r["confidence"] <= 1 and r["shown"] == (r["confidence"] >= SHOW_THRESHOLD)
    return {r["text"]: r for r in rows}


def test_signature_date_anchors_an_undated_article():
    d = doc("u", "Gestern, Montag, hat der Nationalrat das Gesetz beschlossen. Am Freitag hatte der Ausschuss beraten. "
                 "(Anna Berger, 26.4.2016)")
    rows = rows_by_text(d)
    # the weekday in apposition takes the day just named (one row with both); a past weekday lies before the anchor
    assert rows["Gestern"]["date"] == "2016-04-25" and "Montag" in {s["text"] for s in rows["Gestern"]["sources"]}
    assert rows["Freitag"]["date"] == "2016-04-22"
    assert all(rows[t]["shown"] and rows[t]["inferred"] for t in ("Gestern", "Freitag"))
    assert "signed with (2016-04-26)" in rows["Freitag"]["inferred_from"]


def test_heute_with_a_full_date_anchors_the_text():
    d = doc("u", "Heute, Dienstag, 3. Mai 2016, beginnt der Prozess. Die Anklage wurde am Freitag zugestellt.")
    rows = rows_by_text(d)
    assert rows["Freitag"]["date"] == "2016-04-29" and rows["Freitag"]["shown"]


def test_weekday_in_apposition_in_a_dated_article():
    d = doc("a", "Heute, Dienstag, tagt der Rat. Morgen, Mittwoch, entscheidet der Vorstand.", "2016-04-26")
    found = {t.text: t.value for t in d.timexes}
    assert found["Dienstag"] == found["Heute"] == "2016-04-26"
    assert found["Mittwoch"] == found["Morgen"] == "2016-04-27"


def test_weekday_that_contradicts_its_apposition_is_uncertain():
    d = doc("a", "Gestern, Freitag, tagte der Rat.", "2016-04-26")  # gestern was a Monday
    assert next(t for t in d.timexes if t.text == "Freitag").confidence < SHOW_THRESHOLD


def test_historical_and_target_years_do_not_anchor_an_undated_article():
    crisis = doc("c", "Die Exporte sind im Mai gesunken. So stark war der Einbruch zuletzt in der Finanzkrise 2008/09.")
    rows = rows_by_text(crisis)
    assert not rows["Mai"]["shown"] if "Mai" in rows else True
    # '2008/09' is a two-year label (a crisis, a season), kept as the years 2008 and 2009 in the JSON but not
    # shown as two points of the timeline (outside audits judged such rows wrong)
    assert {r["date"] for r in rows.values()} >= {"2008", "2009"}
    assert not any(r["shown"] for r in rows.values())
    founded = doc("b", "Die Konferenz, die seit 1954 jährlich stattfindet, tagt heuer in Dresden. Bis 2030 soll sie wachsen.")
    assert {t.text: t.value for t in founded.timexes}["heuer"] == "XXXX"  # no anchor: left open, never 1954
    assert founded.extras["timex_anchor"] is None


def test_month_year_mentions_give_only_a_weak_hidden_anchor():
    d = doc("u", "Seit August 2015 kamen mehr Menschen. Im Oktober waren es an manchen Tagen 10.000.")
    rows = rows_by_text(d)
    assert rows["August 2015"]["shown"] and not rows["August 2015"]["inferred"]
    assert rows["Oktober"]["inferred"] and not rows["Oktober"]["shown"]


def test_dated_sibling_gives_a_low_confidence_anchor():
    dated = doc("d", "Das Parlament stimmte am Mittwoch ab.", "2025-03-12")
    undated = doc("u", "Am Montag kam die Delegation zurück.")
    rows = rows_by_text(dated, undated)
    assert rows["Mittwoch"]["shown"] and rows["Mittwoch"]["confidence"] >= 0.9
    assert rows["Montag"]["date"] == "2025-03-10" and not rows["Montag"]["shown"]


def test_year_at_the_end_of_a_name_is_uncertain():
    text = "Die Umweltschutzorganisation Global 2000 kritisiert das Mittel. Global 2000 fordert ein Verbot seit 2015."
    ner = Mention(article_id="g", start=4, end=40, text=text[4:40], label="MISC")
    assert text[4:40] == "Umweltschutzorganisation Global 2000"
    assert name_years(text, [ner]) == {(36, 40), (text.index("2000 fordert"), text.index("2000 fordert") + 4)}
    rows = build_timeline([doc("g", text, "2016-02-17", [ner])])
    assert {r["date"] for r in rows if r["shown"]} == {"2015"}
    assert [r["date"] for r in rows if not r["shown"]] == ["2000", "2000"] or \
        [r["date"] for r in rows if not r["shown"]] == ["2000"]  # merged when the clauses are alike


def test_uncertain_dates_are_listed_apart_in_markdown_and_html():
    from lagebild.report.html import render_html
    from lagebild.report.markdown import render_markdown

    dated = doc("d", "Das Parlament stimmte am Mittwoch ab.", "2025-03-12")
    undated = doc("u", "Am Montag kam die Delegation zurück.")
    rows = build_timeline([dated, undated])
    dossier = {"version": "1.0", "errors": [],
               "articles": [dict(dated.article.to_dict()), dict(undated.article.to_dict())],
               "stories": [{"id": "s1", "title": "Delegation", "article_ids": ["d", "u"], "entities": [], "quotes": [],
                            "figures": [], "figure_groups": [], "timeline": rows, "lineage": [], "stance": []}]}
    md = render_markdown(dossier)
    head, _, collapsed = md.partition("Uncertain dates (1, low confidence)")
    assert "Mittwoch" in head.split("### Timeline")[1] and "Montag" not in head.split("### Timeline")[1]
    assert "Montag" in collapsed.split("</details>")[0]
    html = render_html(dossier)
    assert "Uncertain dates (1, low confidence)" in html
    timeline_html = html.split('id="s1-timeline">', 1)[1].split("</section>")[0]
    main, _, unsure = timeline_html.partition("Uncertain dates")
    assert "Mittwoch" in main and "Montag" not in main and "Montag" in unsure
    assert "uncertain date (0.45)" in html  # the highlight in the article text says so too


def test_dates_that_are_no_signature_do_not_anchor():
    chronology = doc("c", "3. März 2016 – Das Parlament stimmt zu.\n5. April 2016 – Der Präsident unterschreibt.\n"
                          "Am Montag tritt das Gesetz in Kraft.")
    assert chronology.extras["timex_text_anchor_kind"] != "signature"
    aside = doc("a", "Die Abstimmung (12.3.2016) ging knapp aus. Am Montag legte die Opposition Beschwerde ein.")
    assert aside.extras["timex_text_anchor_kind"] != "signature"
    rows = rows_by_text(chronology)
    assert not rows["Montag"]["shown"]
