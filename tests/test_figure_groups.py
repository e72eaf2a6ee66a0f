"""Figure groups: grouping by topic+unit, disagreement vs agreement vs update, independence."""
from __future__ import annotations

import json

from lagebild.link.figure_groups import group_figures, interval
from lagebild.records import AnalysedArticle, Article, Figure

SHARED = ("Nach Angaben des Pentagons sind rund 10.000 nordkoreanische Soldaten in der Region Kursk eingetroffen. "
          "Die Regierung in Kiew spricht von einer neuen Eskalation und fordert weitere Unterstützung.")


def _doc(aid, text, published="2024-11-01", outlet=None):
    return AnalysedArticle(article=Article(id=aid, source="t", text=text, published=published, outlet=outlet or aid.upper()))


def _fig(doc, expr, value, qualifier, low=None, high=None, topic="soldat", unit=None, chain=(), date=None, n=1):
    start = doc.text.index(expr)
    return Figure(article_id=doc.id, start=start, end=start + len(expr), text=expr, value=value, low=low, high=high,
                  qualifier=qualifier, unit=unit, count_of="Soldaten", topic=topic, attributed_to=list(chain),
                  date=date, id=f"{doc.id}:f{n}")


def test_intervals():
    d = _doc("a", "mindestens 3.000 etwa 1.500 12.000 zwischen 5 und 8 viele")
    assert interval(_fig(d, "mindestens 3.000", 3000, "at_least", low=3000))[1] == float("inf")
    lo, hi = interval(_fig(d, "etwa 1.500", 1500, "approx"))
    assert lo == 1350 and hi == 1650
    lo, hi = interval(_fig(d, "12.000", 12000, "exact"))
    assert 11800 < lo < 12000 < hi < 12200
    assert interval(_fig(d, "zwischen 5 und 8", None, "range", low=5, high=8)) == (5 * 0.99, 8 * 1.01)
    assert interval(_fig(d, "viele", None, "vague")) is None


def test_disagreement_and_members():
    a = _doc("a", "Mindestens 3.000 Soldaten wurden verlegt.", outlet="Blatt A")
    b = _doc("b", "Laut Kiew sind es 12.000 Soldaten.", outlet="Blatt B")
    c = _doc("c", "Etwa 1.500 Soldaten, sagt Seoul.", outlet="Blatt C")
    figs = [_fig(a, "Mindestens 3.000", 3000, "at_least", low=3000, chain=["Pentagon"]),
            _fig(b, "12.000", 12000, "exact", chain=["Kiew"]),
            _fig(c, "Etwa 1.500", 1500, "approx", chain=["Seoul"]),
            _fig(c, "Etwa 1.500", 1500, "approx", topic="panzer", n=2)]  # alone in its topic: no group
    groups = group_figures(figs, [a, b, c])
    assert len(groups) == 1
    g = groups[0]
    assert g["topic"] == "soldat" and g["disagreement"] is True and g["kind"] == "disagreement"
    assert g["figure_ids"] == ["a:f1", "b:f1", "c:f1"]
    by = {m["figure_id"]: m for m in g["members"]}
    assert by["b:f1"]["outlet"] == "Blatt B" and by["b:f1"]["chain"] == ["Kiew"] and by["b:f1"]["value"] == 12000
    # two compatible value clusters: ~1.500 alone, and 12.000 which 'mindestens 3.000' also allows
    assert [v["figure_ids"] for v in g["values"]] == [["c:f1"], ["a:f1", "b:f1"]]
    assert g["values"][1]["value"] == 12000
    json.dumps(groups)  # no inf in the output


def test_agreement_within_tolerance():
    a = _doc("a", "Rund 10.000 Soldaten.")
    b = _doc("b", "Mehr als 9.500 Soldaten.")
    c = _doc("c", "Genau 10.400 Soldaten.")
    figs = [_fig(a, "Rund 10.000", 10000, "approx"), _fig(b, "Mehr als 9.500", 9500, "at_least", low=9500),
            _fig(c, "10.400", 10400, "exact")]
    g = group_figures(figs, [a, b, c])[0]
    assert g["disagreement"] is False and g["kind"] == "agreement"
    assert len(g["values"]) == 1 and g["values"][0]["independent_sources"] == 3


def test_update_over_time_is_not_a_disagreement():
    a = _doc("a", "Am Montag zählte man 3.000 Soldaten.", published="2024-10-21")
    b = _doc("b", "Inzwischen sind es 11.000 Soldaten.", published="2024-11-04")
    c = _doc("c", "Zuletzt 11.000 Soldaten laut Seoul.", published="2024-11-04")
    figs = [_fig(a, "3.000", 3000, "exact", date="2024-10-21"), _fig(b, "11.000", 11000, "exact"),
            _fig(c, "11.000", 11000, "exact")]
    g = group_figures(figs, [a, b, c])[0]
    assert g["kind"] == "update" and g["update"] is True and g["disagreement"] is False
    assert {m["dated_by"] for m in g["members"]} == {"figure", "published"}


def test_units_split_groups():
    a = _doc("a", "Es kostet 5 Millionen Euro oder 6 Millionen Dollar.")
    figs = [_fig(a, "5 Millionen Euro", 5e6, "exact", topic="kosten", unit="EUR"),
            _fig(a, "6 Millionen Dollar", 6e6, "exact", topic="kosten", unit="USD", n=2)]
    assert group_figures(figs, [a]) == []


def test_copies_and_same_source_are_not_independent():
    orig = _doc("orig", SHARED, published="2024-11-01")
    copy = _doc("copy", SHARED, published="2024-11-02")  # the same agency copy
    seoul = _doc("seoul", "Der südkoreanische Geheimdienst nennt ebenfalls rund 10.000 Soldaten.")
    pent2 = _doc("pent2", "Auch das Pentagon bestätigt rund 10.000 Soldaten an der Front.")
    figs = [_fig(orig, "rund 10.000", 10000, "approx", chain=["Pentagon"]),
            _fig(copy, "rund 10.000", 10000, "approx", chain=["Pentagon"]),
            _fig(seoul, "rund 10.000", 10000, "approx", chain=["Geheimdienst"]),
            _fig(pent2, "rund 10.000", 10000, "approx", chain=["pentagon"])]
    g = group_figures(figs, [orig, copy, seoul, pent2])[0]
    assert g["kind"] == "agreement"
    # orig+copy are one lineage group, pent2 names the same original source: 2 independent sources
    assert g["independent_sources"] == 2
    assert all(m["independent_confirmations"] == 2 for m in g["members"])
    assert next(m for m in g["members"] if m["figure_id"] == "copy:f1")["lineage_group"] == \
        next(m for m in g["members"] if m["figure_id"] == "orig:f1")["lineage_group"]
