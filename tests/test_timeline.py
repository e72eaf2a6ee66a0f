"""Merged, sorted, re-anchored timeline across the articles of a story."""
from datetime import date

from lagebild.analyse import sentences
from lagebild.analyse.timex import find_timexes
from lagebild.link.timeline import build_timeline, sort_key, story_anchor, value_range
from lagebild.records import AnalysedArticle, Article


def doc(aid, text, published=None):
    d = AnalysedArticle(article=Article(id=aid, source="<t>", text=text, published=published))
    sentences(d)
    find_timexes(d)
    return d


def check_spans(rows, docs):
    texts = {d.id: d.text for d in docs}
    for r in rows:
        assert {"date", "text", "event", "article_id", "start", "end", "inferred", "sources"} <= set(r)
        assert texts[r["article_id"]][r["start"]:r["end"]] == r["text"]
        assert texts[r["article_id"]][r["event_start"]:r["event_end"]] == r["event"]
        for s in r["sources"]:
            assert texts[s["article_id"]][s["start"]:s["end"]] == s["text"]


def test_same_event_from_two_articles_is_one_row():
    a = doc("a", "Am Donnerstag billigte die Staatsduma den Vertrag mit Nordkorea.", "2024-11-05")
    b = doc("b", "Die Staatsduma billigte am Donnerstag den Vertrag mit Nordkorea einstimmig.", "2024-11-04")
    rows = build_timeline([a, b])
    check_spans(rows, [a, b])
    assert len(rows) == 1
    assert rows[0]["date"] == "2024-10-31" and not rows[0]["inferred"]
    assert sorted(s["article_id"] for s in rows[0]["sources"]) == ["a", "b"]


def test_different_events_on_one_date_stay_apart():
    a = doc("a", "Am Donnerstag billigte die Staatsduma den Vertrag mit Nordkorea.", "2024-11-05")
    b = doc("b", "Am Donnerstag stürzte in Bayern ein Kleinflugzeug auf ein Feld.", "2024-11-05")
    rows = build_timeline([a, b])
    assert len(rows) == 2 and {r["date"] for r in rows} == {"2024-10-31"}


def test_durations_sets_and_refs_are_not_events():
    a = doc("a", "Die Kämpfe dauern seit drei Jahren an. Die Zahlen kommen täglich. Derzeit ist es ruhig.", "2024-11-05")
    assert build_timeline([a]) == []


def test_undated_article_is_reanchored_by_its_dated_sibling():
    dated = doc("d", "Das Parlament stimmte am Mittwoch ab.", "2025-03-12")
    undated = doc("u", "Der Vertrag war im Juni unterzeichnet worden. Am Montag kam die Delegation zurück.")
    rows = build_timeline([dated, undated])
    check_spans(rows, [dated, undated])
    by_text = {r["text"]: r for r in rows}
    assert by_text["Juni"]["date"] == "2024-06" and by_text["Juni"]["inferred"]
    assert by_text["Montag"]["date"] == "2025-03-10" and by_text["Montag"]["inferred"]
    assert by_text["Mittwoch"]["date"] == "2025-03-12" and not by_text["Mittwoch"]["inferred"]


def test_story_without_dates_combines_the_texts():
    a = doc("a", "Die Offensive hatte im Februar 2022 begonnen. Im Juni wurde der Vertrag unterzeichnet.")
    b = doc("b", "Das Ministerium sagte am 31. Oktober, der Einsatz stehe bevor. Selenskyj sprach am Montagabend.")
    anchor, from_published = story_anchor([a, b])
    # 'Februar 2022' names its year, 'Juni' and '31. Oktober' do not: they are in a later year
    assert not from_published and (anchor.year, anchor.month, anchor.day) == (2023, 10, 31)
    rows = build_timeline([a, b])
    check_spans(rows, [a, b])
    by_text = {r["text"]: r for r in rows}
    assert by_text["31. Oktober"]["date"] == "2023-10-31"
    assert by_text["Juni"]["date"] == "2023-06"
    assert by_text["Montagabend"]["date"] == "2023-11-06" and by_text["Montagabend"]["time"] == "EV"
    # a weak guess: kept in the JSON, not shown; the explicit month-year is shown
    assert all(r["inferred"] and not r["shown"] for r in rows if r["text"] != "Februar 2022")
    assert by_text["Februar 2022"]["shown"] and not by_text["Februar 2022"]["inferred"]
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


def test_partial_dates_sort_coarse_before_fine():
    rows = [{"value": v, "_order": i} for i, v in enumerate(["2024-06-15", "2024-06", "2024", "XXXX-10-05", "2024-W24",
                                                              "2023-FA", "2024-06-15TEV", "2024-06-15T09:00"])]
    ordered = [r["value"] for r in sorted(rows, key=sort_key)]
    assert ordered == ["2023-FA", "2024", "2024-06", "2024-W24", "2024-06-15", "2024-06-15T09:00", "2024-06-15TEV", "XXXX-10-05"]
    assert value_range("2024-W24") == (date(2024, 6, 10), 7)


def test_seed_articles_get_an_inferred_timeline(seeds_dir):
    docs = [doc(p.stem, p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))]
    rows = build_timeline(docs)
    check_spans(rows, docs)
    texts = {r["text"] for r in rows} | {s["text"] for r in rows for s in r["sources"]}
    assert {"5. Oktober", "Juni", "Montagabend", "31. Oktober", "Februar 2022", "August 2023"} <= texts
    # plain text files carry no date: relative dates are inferred (weakly, so not shown), the ones
    # that name their year are not inferred and are shown
    assert all(r["inferred"] != r["shown"] for r in rows)
    assert {r["text"] for r in rows if r["shown"]} >= {"Februar 2022", "August 2023"}
    assert all(r["date"][:4].isdigit() for r in rows)  # placed on the calendar nevertheless
    assert all(r["date"].startswith("2024") for r in rows if r["inferred"])  # their true year
    assert [sort_key(r | {"_order": 0})[:3] for r in rows] == sorted(sort_key(r | {"_order": 0})[:3] for r in rows)


def test_inferred_dates_carry_their_evidence_into_every_output():
    """Issue 17: an undated article anchored on another article's date is marked inferred, with the
    evidence, in the JSON rows, the Markdown and the HTML report."""
    from lagebild.report.html import render_html
    from lagebild.report.markdown import render_markdown

    dated = doc("d", "Das Parlament stimmte am Mittwoch ab.", "2025-03-12")
    undated = doc("u", "Am Montag kam die Delegation zurück.")
    rows = build_timeline([dated, undated])
    monday = next(r for r in rows if r["text"] == "Montag")
    assert monday["inferred"] and "2025-03-12" in monday["inferred_from"]
    assert "inferred_from" not in next(r for r in rows if r["text"] == "Mittwoch")
    dossier = {"version": "1.0", "errors": [],
               "articles": [dict(dated.article.to_dict()), dict(undated.article.to_dict())],
               "stories": [{"id": "s1", "title": "Delegation", "article_ids": ["d", "u"], "entities": [], "quotes": [],
                            "figures": [], "figure_groups": [], "timeline": rows, "lineage": [], "stance": []}]}
    for out in (render_markdown(dossier), render_html(dossier)):
        assert "(inferred: publication date of the story" in out


def test_undated_article_naming_an_earlier_year_keeps_its_own_year():
    dated = doc("d", "Das Gericht entschied am Mittwoch über die Klage.", "2011-05-11")
    undated = doc("u", "Der Konzern hatte am 3. Oktober 2008 Insolvenz angemeldet. Am Mittwoch tagte der Gläubigerausschuss.")
    rows = build_timeline([dated, undated])
    row = next(r for r in rows if r["article_id"] == "u" and r["text"] == "Mittwoch")
    assert row["date"].startswith("2008-10") and row["inferred"]
