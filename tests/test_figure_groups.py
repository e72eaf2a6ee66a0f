"""Figure groups: grouping by topic+unit, disagreement vs agreement vs update, independence."""
from __future__ import annotations

import json

from lagebild.link.figure_groups import HEDGE_FACTOR, group_figures, interval
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


def test_intervals_are_estimates_near_the_written_value():
    d = _doc("a", "mindestens 3.000 etwa 1.500 12.000 zwischen 5 und 8 viele bis zu 8 Tausende 12.345")
    assert interval(_fig(d, "mindestens 3.000", 3000, "at_least", low=3000)) == (3000 * 0.99, 3000 * HEDGE_FACTOR)
    assert interval(_fig(d, "bis zu 8", 8, "at_most", high=8)) == (8 / HEDGE_FACTOR, 8 * 1.01)
    lo, hi = interval(_fig(d, "etwa 1.500", 1500, "approx", low=1350, high=1650))
    assert lo == 1350 * 0.99 and hi == 1650 * 1.01
    lo, hi = interval(_fig(d, "12.000", 12000, "exact"))  # rounded to thousands: ± 500 is ± 4.2 %
    assert lo == 11500 and hi == 12500
    lo, hi = interval(_fig(d, "12.345", 12345, "exact"))  # written to the unit: the 1 % floor
    assert round(lo, 2) == round(12345 * 0.99, 2)
    assert interval(_fig(d, "zwischen 5 und 8", None, "range", low=5, high=8)) == (5 * 0.99, 8 * 1.01)
    assert interval(_fig(d, "Tausende", None, "vague", low=2000, high=9999)) == (1000, 9999)
    assert interval(_fig(d, "viele", None, "vague")) is None


def test_hedged_estimates_disagree_beyond_the_hedge_factor():
    """'bis zu 1,6 Mio.' vs 'bis zu 8 Mio.' are five times apart; 'bis zu 1,6' vs 'bis zu 2' are not."""
    a = _doc("a", "Bis zu 1,6 Millionen Granaten.", outlet="A")
    b = _doc("b", "Bis zu 8 Millionen Granaten.", outlet="B")
    c = _doc("c", "Bis zu 2 Millionen Granaten.", outlet="C")
    fa = _fig(a, "Bis zu 1,6 Millionen", 1.6e6, "at_most", high=1.6e6, topic="granat")
    fb = _fig(b, "Bis zu 8 Millionen", 8e6, "at_most", high=8e6, topic="granat", chain=["Südkorea"])
    fc = _fig(c, "Bis zu 2 Millionen", 2e6, "at_most", high=2e6, topic="granat")
    g = group_figures([fa, fb], [a, b])[0]
    assert g["disagreement"] is True and "factor 2" in g["reason"] and g["keys"]["topic"] == "granat"
    g = group_figures([fa, fc], [a, c])[0]  # both hedges hold, but 1,6 and 2 Mio. confirm no one figure
    assert g["disagreement"] is False and g["kind"] == "distinct" and "different numbers" in g["reason"]
    fc2 = _fig(c, "Bis zu 2 Millionen", 1.7e6, "at_most", high=1.7e6, topic="granat")
    assert group_figures([fa, fc2], [a, c])[0]["kind"] == "agreement"  # 1,6 and 1,7 Mio.: one figure echoed
    fb.attributed_to = []  # two bare statements: nobody claims either, so nothing is contradicted
    assert group_figures([fa, fb], [a, b])[0]["disagreement"] is False


def test_what_keeps_figures_from_contradicting():
    """Values more than MAX_RATIO apart, 'weitere'/'andere' subsets, references ('den sechs') and a
    period total against a single count count different things."""
    def pair(t1, e1, v1, t2, e2, v2, q2="exact"):
        a, b = _doc("a", t1, outlet="A"), _doc("b", t2, outlet="B")
        fa = _fig(a, e1, v1, "exact", topic="kandidat", chain=["ORF"])
        fb = _fig(b, e2, v2, q2, topic="kandidat")
        return group_figures([fa, fb], [a, b])[0]
    assert pair("Es gibt 6 Kandidaten.", "6", 6, "Es gibt 5 Kandidaten.", "5", 5)["disagreement"] is True
    assert pair("Es gibt 60 Kandidaten.", "60", 60, "Es gibt 5 Kandidaten.", "5", 5)["disagreement"] is False
    assert pair("Es gibt 6 Kandidaten.", "6", 6, "Man lud alle 5 Kandidaten ein.", "5", 5)["disagreement"] is False
    assert pair("Es gibt 6 Kandidaten.", "6", 6, "Seit Mai gab es 5 Kandidaten.", "5", 5)["disagreement"] is False
    a, b = _doc("a", "Es warten 3.000 Flüchtlinge.", outlet="A"), _doc("b", "Es warten weitere 5.000 Flüchtlinge.", outlet="B")
    fa = _fig(a, "3.000", 3000, "exact", topic="flüchtling", chain=["Polizei"])
    fb = _fig(b, "5.000", 5000, "exact", topic="flüchtling")
    fb.count_of = "weitere Flüchtlinge"
    assert group_figures([fa, fb], [a, b])[0]["disagreement"] is False
    a, b = _doc("a", "Im Juli gab es ein Minus von 2,2 Prozent.", outlet="A"), _doc("b", "Die Hersteller meldeten ein Minus von 1,4 Prozent.", outlet="B")
    fa = _fig(a, "2,2 Prozent", 0.022, "exact", topic="minus", unit="%", chain=["Ministerium"])
    fb = _fig(b, "1,4 Prozent", 0.014, "exact", topic="minus", unit="%")
    assert group_figures([fa, fb], [a, b])[0]["disagreement"] is False  # a change word names no quantity
    # the subset word before the number, outside the counted phrase; a figure in a condition
    assert pair("Es gibt 6 Kandidaten.", "6", 6, "Die anderen 9 Kandidaten schwiegen.", "9", 9)["disagreement"] is False
    assert pair("Es gibt 6 Kandidaten.", "6", 6, "Auch wenn 9 Kandidaten antreten, bleibt es dabei.", "9", 9)[
        "disagreement"] is False


def test_a_distinct_group_says_what_kept_its_figures_apart():
    """Values that differ without contradicting: the reason names the check that kept them apart."""
    a, b = _doc("a", "Die Behörde erhielt 235.000 Kommentare.", outlet="A"), _doc("b", "Sie bekam 300.000 Kommentare.", outlet="B")
    fa = _fig(a, "235.000", 235000, "exact", topic="kommentar")
    fb = _fig(b, "300.000", 300000, "exact", topic="kommentar")
    g = group_figures([fa, fb], [a, b])[0]
    assert g["kind"] == "distinct" and g["disagreement"] is False
    assert g["reason"] == ("values differ, not a contradiction: no source claims either figure: two statements of the "
                           "article, read as counts of different things")
    fa.attributed_to = ["Behörde"]
    assert group_figures([fa, fb], [a, b])[0]["disagreement"] is True


def test_sums_of_money_need_their_own_holder():
    """Two offers are compared only when both sentences say whose they are: 'The Orioles offered him a deal
    worth $150 million' and 'an eight-year, $200 million deal' (whose?) are not one quantity."""
    from lagebild.link.figure_groups import _blocked

    base = {"_iv": (1.4e8, 1.5e8), "_counted": True, "year": None, "_subset": False, "_mods": frozenset(),
            "_kmods": frozenset(), "_claim": True, "_v": 1.45e8, "_day": None, "_when": None, "_hypo": False,
            "_ref": False, "_period": False, "_each": False, "_change": False, "_unit": "USD", "holder": "orioles",
            "article_id": "a", "_sent": (0, 10), "source": "reports"}
    other = dict(base, _iv=(1.98e8, 2.02e8), _v=2e8, holder="", article_id="b", source="")
    assert _blocked(base, other) == "a sum whose own sentence does not say whose offer, deal or payment it is"
    assert _blocked(base, dict(other, holder="orioles")) is None
    assert _blocked(dict(base, _unit=""), dict(other, _unit="")) is None  # counts keep the borrowed holder


def test_units_convert_and_years_make_a_series():
    a = _doc("a", "Die Strecke ist 1,6 Kilometer lang.", outlet="A")
    b = _doc("b", "Die Strecke ist 1.600 Meter lang.", outlet="B")
    figs = [_fig(a, "1,6 Kilometer", 1.6, "exact", topic="strecke", unit="km"),
            _fig(b, "1.600 Meter", 1600, "exact", topic="strecke", unit="m")]
    g = group_figures(figs, [a, b])[0]
    assert g["keys"]["unit"] == "m" and g["kind"] == "agreement"
    from lagebild.records import Timex
    a = _doc("a", "2015 gab es 75.023 Einbrüche.", outlet="A")
    b = _doc("b", "2016 gab es 87.145 Einbrüche.", outlet="B")
    for d in (a, b):
        d.timexes.append(Timex(d.id, 0, 4, d.text[:4], "DATE", d.text[:4]))
    figs = [_fig(a, "75.023", 75023, "exact", topic="einbruch"), _fig(b, "87.145", 87145, "exact", topic="einbruch")]
    g = group_figures(figs, [a, b])[0]
    assert g["kind"] == "series" and g["disagreement"] is False and g["keys"]["time"] == ["2015", "2016"]


def test_holders_keep_figures_apart_and_one_article_does_not_contradict_itself():
    from lagebild.records import Mention
    a = _doc("a", "Duplantis sprang 6,19 Meter, Lavillenie 5,71 Meter.", outlet="A")
    a.mentions = [Mention("a", a.text.index(n), a.text.index(n) + len(n), n, "PER") for n in ("Duplantis", "Lavillenie")]
    figs = [_fig(a, "6,19 Meter", 6.19, "exact", topic="höhe", unit="m"),
            _fig(a, "5,71 Meter", 5.71, "exact", topic="höhe", unit="m", n=2)]
    assert group_figures(figs, [a]) == []  # two holders: nothing to compare
    b = _doc("b", "Es gab 12 Tote und später 19 Tote.", outlet="B")
    figs = [_fig(b, "12", 12, "exact", topic="tot"), _fig(b, "19", 19, "exact", topic="tot", n=2)]
    g = group_figures(figs, [b])[0]
    assert g["kind"] == "distinct" and g["disagreement"] is False


def test_disagreement_and_members():
    a = _doc("a", "Mindestens 3.000 Soldaten wurden verlegt.", outlet="Blatt A")
    b = _doc("b", "Laut Kiew sind es 12.000 Soldaten.", outlet="Blatt B")
    c = _doc("c", "Etwa 1.500 Soldaten, sagt Seoul.", outlet="Blatt C")
    figs = [_fig(a, "Mindestens 3.000", 3000, "at_least", low=3000, chain=["Pentagon"]),
            _fig(b, "12.000", 12000, "exact", chain=["Kiew"]),
            _fig(c, "Etwa 1.500", 1500, "approx", low=1350, high=1650, chain=["Seoul"]),
            _fig(c, "Etwa 1.500", 1500, "approx", low=1350, high=1650, topic="panzer", n=2)]  # alone in its topic: no group
    groups = group_figures(figs, [a, b, c])
    assert len(groups) == 1
    g = groups[0]
    assert g["topic"] == "soldat" and g["disagreement"] is True and g["kind"] == "disagreement"
    assert g["figure_ids"] == ["a:f1", "b:f1", "c:f1"]
    by = {m["figure_id"]: m for m in g["members"]}
    assert by["b:f1"]["outlet"] == "Blatt B" and by["b:f1"]["chain"] == ["Kiew"] and by["b:f1"]["value"] == 12000
    # 'mindestens 3.000' is an estimate near 3.000 (up to twice that): three separate values
    assert [v["figure_ids"] for v in g["values"]] == [["c:f1"], ["a:f1"], ["b:f1"]]
    assert g["values"][2]["value"] == 12000 and g["keys"]["topic"] == "soldat" and "'" in g["reason"]
    json.dumps(groups)  # no inf in the output


def test_agreement_within_tolerance():
    a = _doc("a", "Rund 10.000 Soldaten.")
    b = _doc("b", "Mehr als 9.500 Soldaten.")
    c = _doc("c", "Genau 10.400 Soldaten.")
    figs = [_fig(a, "Rund 10.000", 10000, "approx", low=9000, high=11000), _fig(b, "Mehr als 9.500", 9500, "at_least", low=9500),
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


def test_seeds_flag_soldiers_and_shells_with_keys_and_reason(seeds_dir):
    """Acceptance (issue 16): the soldier figures stay flagged, 'bis zu 1,6 Mio.' vs 'bis zu 8 Mio.'
    artillery shells are flagged, every group carries its keys and a reason."""
    from lagebild.pipeline import run

    story = run([str(seeds_dir)]).stories[0]
    groups = story.figure_groups
    assert groups and all(g["keys"]["topic"] and g["reason"] for g in groups)
    flagged = {g["keys"]["topic"]: g for g in groups if g["disagreement"]}
    assert "soldat" in flagged
    shells = next(g for t, g in flagged.items() if "granat" in t)
    texts = {m["text"] for m in shells["members"] if m["figure_id"] in shells["conflict"]}
    assert texts == {"bis zu 8 Millionen", "Bis zu 1,6 Millionen"}


def test_figures_dated_to_a_weekend_and_the_monday_after_do_not_contradict():
    from lagebild.link.figure_keys import same_time

    assert not same_time("2015-W46-WE", "2015-11-16")  # Saturday/Sunday 14-15 Nov vs Monday 16 Nov
    assert same_time("2015-W47", "2015-11-16") and same_time("2015-11", "2015-11-16")
    assert same_time(None, "2015-11-16") and same_time("2015-SU", "2015-06-01")  # unknown forms stay comparable
    assert not same_time("2014", "2015-03")
    assert not same_time("XXXX-WXX-1", "XXXX-WXX-3")  # 'on Monday' vs 'on Wednesday' in undated articles
    assert same_time("XXXX-WXX-6", "XXXX-WXX-WE") and not same_time("XXXX-WXX-WE", "2015-11-16")


def test_a_figure_without_holder_joins_only_a_holder_its_article_names():
    from lagebild.records import Mention
    a = _doc("a", "Im Nordirak seien mindestens neun Zivilisten getötet worden.", outlet="A")
    a.mentions = [Mention("a", 3, 11, "Nordirak", "LOC")]
    b = _doc("b", "Nach Angaben der HDP wurden mindestens 21 Zivilisten getötet.", outlet="B")
    c = _doc("c", "Im Nordirak wurden nach Angaben der HDP mindestens 21 Zivilisten getötet.", outlet="C")
    fa = _fig(a, "mindestens neun", 9, "at_least", low=9, topic="zivilist", chain=["kurdische Medien"])
    fb = _fig(b, "mindestens 21", 21, "at_least", low=21, topic="zivilist", chain=["HDP"])
    assert not any(g["disagreement"] for g in group_figures([fa, fb], [a, b]))  # b never names the Nordirak
    c.mentions = [Mention("c", 3, 11, "Nordirak", "LOC")]
    fc = _fig(c, "mindestens 21", 21, "at_least", low=21, topic="zivilist", chain=["HDP"])
    assert group_figures([fa, fc], [a, c])[0]["disagreement"] is True


def test_whose_figure_an_apposition_or_a_pronoun_says():
    """'Russell, a veteran with two daughters' holds his daughters; 'He leaves behind ... three
    children' and 'his 68 punches' belong to someone the sentence names only by a pronoun: never
    compared with another person's figure."""
    from lagebild.records import Mention
    a = _doc("a", "Police said Russell, a 20-year veteran with two daughters, is in hospital; Tennant died.", outlet="A")
    a.mentions = [Mention("a", a.text.index(n), a.text.index(n) + 7, n, "PER") for n in ("Russell", "Tennant")]
    b = _doc("b", "Tennant had three daughters, police said.", outlet="B")
    b.mentions = [Mention("b", 0, 7, "Tennant", "PER")]
    figs = [_fig(a, "two", 2, "exact", topic="daughter", chain=["police"]), _fig(b, "three", 3, "exact", topic="daughter")]
    assert group_figures(figs, [a, b]) == []  # two holders: Russell and Tennant
    c = _doc("c", "Police said he leaves behind a wife and three children.", outlet="C")
    d = _doc("d", "Police said the officer had two children.", outlet="D")
    figs = [_fig(c, "three", 3, "exact", topic="kind", chain=["police"]), _fig(d, "two", 2, "exact", topic="kind")]
    assert group_figures(figs, [c, d]) == []
    e = _doc("e", "Police said the officer had three children.", outlet="E")
    figs = [_fig(e, "three", 3, "exact", topic="kind", chain=["police"]), _fig(d, "two", 2, "exact", topic="kind")]
    assert group_figures(figs, [e, d])[0]["disagreement"] is True  # without the pronoun they are compared


def test_another_and_rates_are_not_the_same_quantity():
    def flag(t1, e1, v1, t2, e2, v2):
        a, b = _doc("a", t1, outlet="A"), _doc("b", t2, outlet="B")
        figs = [_fig(a, e1, v1, "exact", topic="mensch:marschiert", chain=["police"]),
                _fig(b, e2, v2, "exact", topic="mensch:marschiert")]
        return group_figures(figs, [a, b])[0]["disagreement"]
    assert flag("Police said 30,000 people marched.", "30,000", 30000, "Police said 20,000 people marched.", "20,000", 20000)
    assert not flag("Police said 30,000 people marched.", "30,000", 30000,
                    "In Thessaloniki another 20,000 people marched.", "20,000", 20000)
    assert not flag("Police said 30,000 people marched.", "30,000", 30000,
                    "Police said 20,000 of 50,000 people marched.", "20,000", 20000)  # a part of a whole
    assert not flag("Police said 30,000 people marched.", "30,000", 30000,
                    "Police said 20,000 people marched each day.", "20,000", 20000)
    assert not flag("Laut Polizei marschierten 3.000 Menschen.", "3.000", 3000,
                    "Laut Polizei marschierten täglich 2.000 Menschen.", "2.000", 2000)


def test_survey_shares_first_ones_and_conditions_are_not_compared():
    def flag(t1, e1, v1, t2, e2, v2, topic="flüchtling", unit=None):
        a, b = _doc("a", t1, outlet="A"), _doc("b", t2, outlet="B")
        figs = [_fig(a, e1, v1, "exact", topic=topic, unit=unit, chain=["Polizei"]),
                _fig(b, e2, v2, "exact", topic=topic, unit=unit)]
        return group_figures(figs, [a, b])[0]
    assert flag("Laut Polizei kamen 76 Flüchtlinge.", "76", 76, "Laut Polizei kamen 40 Flüchtlinge.", "40", 40)["disagreement"]
    assert not flag("Laut Polizei kamen 76 Flüchtlinge.", "76", 76, "Die ersten 40 Flüchtlinge kamen.", "40", 40)["disagreement"]
    assert not flag("Laut Polizei kamen 76 Flüchtlinge.", "76", 76,
                    "Wenn Österreich nur 40 Flüchtlinge aufnimmt, schließt Serbien.", "40", 40)["disagreement"]
    assert not flag("Laut Polizei kamen 76 Flüchtlinge.", "76", 76,
                    "Es gäbe Probleme, sollten weiterhin 40 Flüchtlinge kommen.", "40", 40)["disagreement"]
    g = flag("Laut Bitkom wollen 63 Prozent der Befragten einparken lassen.", "63 Prozent", 0.63,
             "Laut Bitkom sind 84 Prozent der Befragten für Investitionen.", "84 Prozent", 0.84, topic="befragt", unit="frac")
    assert not g["disagreement"] and "share of people" in g["reason"]


def test_spans_of_time_changes_and_tallies_are_not_compared():
    def group(t1, e1, v1, t2, e2, v2, topic):
        a, b = _doc("a", t1, outlet="A"), _doc("b", t2, outlet="B")
        figs = [_fig(a, e1, v1, "exact", topic=topic, chain=["AP"]), _fig(b, e2, v2, "exact", topic=topic)]
        return group_figures(figs, [a, b])[0]
    g = group("He spent seven seasons as an assistant coach.", "seven", 7, "He served five seasons as head coach.",
              "five", 5, "season")
    assert not g["disagreement"] and "span of time" in g["reason"]
    assert group("He was sentenced to seven years in prison.", "seven", 7, "He got five years in prison.", "five", 5,
                 "year")["disagreement"]  # the term of one prison sentence is one quantity
    assert group("Police said 30 points were scored.", "30", 30, "Police said 25 points were scored.", "25", 25,
                 "point")["disagreement"]
    assert not group("Police said 30 points were scored.", "30", 30, "It was a drop of five points.", "five", 5,
                     "point")["disagreement"]  # a change against a level
    assert not group("He won in six rounds.", "six", 6, "He won five rounds sooner than in 2008.", "five", 5,
                     "round")["disagreement"]


def test_a_win_loss_record_is_no_figure():
    from lagebild.analyse import analyse_article
    from lagebild.clean import clean_document
    from lagebild.records import RawDocument
    text = ("Cheeks compiled a 162-139 record in three seasons and rallied the team from a 5-19 start. "
            "He improves to 58 - 3. The court ruled in a 5-4 decision. Teixeira hit .358 this season. "
            "Police said between 10-15 people were hurt.")
    doc = analyse_article(clean_document(RawDocument(id="x", source="x.txt", text=text)))
    assert [f.text for f in doc.figures] == ["three", ".358", "between 10-15"]  # the seasons stay a figure
    assert doc.figures[1].value == 0.358 and doc.text[doc.figures[1].start:doc.figures[1].end] == ".358"


def test_the_reason_names_the_pair_two_sources_claim():
    a = _doc("a", "Laut Polizei kamen 1.000 Flüchtlinge.", outlet="A")
    b = _doc("b", "Es kamen 1.400 Flüchtlinge.", outlet="B")
    c = _doc("c", "Laut Helfern kamen 3.000 Flüchtlinge.", outlet="C")
    figs = [_fig(a, "1.000", 1000, "exact", topic="flüchtling", chain=["Polizei"]),
            _fig(b, "1.400", 1400, "exact", topic="flüchtling"),
            _fig(c, "3.000", 3000, "exact", topic="flüchtling", chain=["Helfer"])]
    g = group_figures(figs, [a, b, c])[0]
    assert g["disagreement"] and g["conflict"] == ["a:f1", "c:f1"]  # not the closer pair with an unclaimed figure


def test_a_narrowed_set_is_a_part_of_the_plain_one_but_a_nationality_names_the_holder():
    def flag(t1, e1, v1, c1, t2, e2, v2, c2):
        a, b = _doc("a", t1, outlet="A"), _doc("b", t2, outlet="B")
        f1, f2 = _fig(a, e1, v1, "exact", topic="species", chain=["officials"]), _fig(b, e2, v2, "exact", topic="species")
        f1.count_of, f2.count_of = c1, c2
        return group_figures([f1, f2], [a, b])[0]["disagreement"]
    # '747 plant species' are a part of '1,400 species': no contradiction
    assert not flag("Officials said the law protects 1,400 species.", "1,400", 1400, "species",
                    "The rule covers 747 plant species.", "747", 747, "plant species")
    assert flag("Officials said the law protects 1,400 species.", "1,400", 1400, "species",
                "The rule covers 747 species.", "747", 747, "species")
    # 'nordkoreanische Soldaten' / 'Soldaten': the adjective says whose soldiers, the set is the same
    assert flag("Laut Kiew sind 3.000 nordkoreanische Soldaten dort.", "3.000", 3000, "nordkoreanische Soldaten",
                "Etwa 1.500 Soldaten sind dort.", "1.500", 1500, "Soldaten")


def test_the_whole_of_a_part_and_a_denied_bound_are_not_compared():
    def flag(t1, e1, v1, t2, e2, v2):
        a, b = _doc("a", t1, outlet="A"), _doc("b", t2, outlet="B")
        figs = [_fig(a, e1, v1, "exact", topic="punch", chain=["officials"]), _fig(b, e2, v2, "exact", topic="punch")]
        return group_figures(figs, [a, b])[0]["disagreement"]
    assert flag("Officials said he landed 178 punches.", "178", 178, "He landed 369 punches.", "369", 369)
    # '369' is the whole of '178 of 369': the punches thrown, not the punches landed
    assert not flag("Officials said he landed 178 punches.", "178", 178,
                    "He was landing 178 of 369 punches thrown.", "369", 369)
    # 'never ... fewer than 26': a bound the sentence denies, no claim of 26
    assert not flag("Officials said he hit 33 punches.", "33", 33,
                    "Having never hit fewer than 26 punches in a season, he is the better bet.", "26", 26)


def test_the_subject_of_a_verb_of_saying_is_the_figures_source_not_its_holder():
    """'Police said as many as 20,000 people ...': the police count the people, they are not theirs."""
    from lagebild.link.figure_keys import holder
    from lagebild.records import Mention
    a = _doc("a", "Police said as many as 20,000 people took to the streets.")
    a.mentions = [Mention("a", 0, 6, "Police", "ORG")]
    b = _doc("b", "Greek unions brought 20,000 people to the streets.")
    b.mentions = [Mention("b", 0, 5, "Greek", "MISC")]
    fa, fb = _fig(a, "as many as 20,000", 20000, "at_most", high=20000), _fig(b, "20,000", 20000, "exact")
    assert holder(a, fa, None, None, (0, len(a.text))) == ""
    assert holder(b, fb, None, None, (0, len(b.text))) != ""  # the subject of another verb still holds it


def test_a_bare_number_another_source_gives_counts_what_the_figure_before_it_counts():
    """'laut Polizei 3.500 Teilnehmer, laut Veranstalter 15.000': the organisers' 15.000 are
    participants too; in French the source may close the sentence ('15 000 selon la CGT.')."""
    from lagebild.api import analyse

    def figs(text):
        return [(f.text, f.count_of, f.attributed_to) for s in analyse(texts=[text]).stories for f in s.figures]

    assert figs("Laut Polizei nahmen 3.500 Menschen teil, laut Veranstalter 15.000.")[1] == \
        ("15.000", "Menschen", ["Veranstalter"])
    fr = analyse(texts=["Environ 3 500 manifestants ont défilé à Lyon selon la police, 15 000 selon la CGT."])
    assert [(f.count_of, f.attributed_to) for f in fr.stories[0].figures] == \
        [("manifestants", ["la police"]), ("manifestants", ["la CGT"])]
    assert [g.kind for g in fr.stories[0].figure_groups] == ["disagreement"]  # one sentence, two sources
    # the same source, or no clause between them: nothing is carried over
    assert figs("Laut Polizei nahmen 3.500 Menschen teil, laut Polizei später 15.000.")[1][1] == ""
    assert figs("Die Polizei zählte 3.500 Menschen in 12 Bussen.")[-1][1] != "Menschen"


def test_each_clause_of_a_sentence_says_whose_figure_it_is_in_the_texts_own_grammar():
    """'Police said 3,500 people marched, organisers said 15,000': two sources in one sentence; and
    'The police said on Monday that …' is said by the police, not by 'Monday' (German verb-subject order)."""
    from lagebild.api import analyse

    def figs(text):
        d = analyse(texts=[text])
        return [(f.text, f.count_of, f.attributed_to) for s in d.stories for f in s.figures], \
            [g.kind for s in d.stories for g in s.figure_groups]

    got, kinds = figs("Police said 3,500 people marched through the city center, organisers said 15,000.")
    assert got == [("3,500", "people", ["Police"]), ("15,000", "people", ["organisers"])] and kinds == ["disagreement"]
    got, kinds = figs("Die Polizei schätzte 3.500 Teilnehmer, die Veranstalter schätzten rund 15.000.")
    assert [g[2] for g in got] == [["Die Polizei"], ["die Veranstalter"]] and kinds == ["disagreement"]
    assert figs("The police said on Monday that 3,500 people marched.")[0][0][2] == ["The police"]
    # German gapping: the verb of the first clause is left out of the second one
    got, kinds = figs("Die Polizei sprach von 3.500 Teilnehmern, die Veranstalter von 15.000.")
    assert got == [("3.500", "Teilnehmern", ["Die Polizei"]), ("15.000", "Teilnehmern", ["die Veranstalter"])]
    assert kinds == ["disagreement"]
    assert figs("Die Produzenten meldeten ein Minus von 1,4 Prozent.")[0][0][1] == "Minus"  # no gap: unchanged


def test_a_nationwide_figure_and_one_for_a_place_count_different_sets():
    """'20,000 people took to the streets of Athens' and 'An estimated 100,000 people took to the streets as
    part of nationwide strikes' (ECB+ dev survey): the country's count and one city's do not contradict; a
    place named after the figure comes before a 'nationwide' later in the sentence."""
    from lagebild.records import Mention

    def flag(t1, e1, v1, t2, e2, v2, places=()):
        a, b = _doc("a", t1, outlet="A"), _doc("b", t2, outlet="B")
        for d in (a, b):
            d.mentions = [Mention(d.id, d.text.index(p), d.text.index(p) + len(p), p, "LOC") for p in places if p in d.text]
        figs = [_fig(a, e1, v1, "at_most", high=v1, topic="mensch:demonstriert", chain=["police"]),
                _fig(b, e2, v2, "approx", low=0.9 * v2, high=1.1 * v2, topic="mensch:demonstriert", n=2)]
        return group_figures(figs, [a, b])[0]
    athens = "Police said as many as 20,000 people took to the streets of Athens as rallies all around the country began."
    g = flag(athens, "as many as 20,000", 20000,
             "An estimated 100,000 people took to the streets as part of nationwide strikes.", "estimated 100,000", 100000,
             places=["Athens"])
    assert not g["disagreement"] and "whole country" in g["reason"]
    # two counts of the same place still contradict
    g = flag(athens, "as many as 20,000", 20000, "An estimated 100,000 people took to the streets of Athens.",
             "estimated 100,000", 100000, places=["Athens"])
    assert g["disagreement"]
    # German: 'bundesweit' before the figure
    g = flag("Laut Polizei demonstrierten in Berlin bis zu 2.000 Menschen.", "bis zu 2.000", 2000,
             "Bundesweit gingen etwa 9.000 Menschen auf die Straße, in Berlin vor allem.", "etwa 9.000", 9000, places=["Berlin"])
    assert not g["disagreement"]


def test_another_account_the_article_gives_itself_disagrees():
    """'37 Kilometer ... (nach anderen Angaben ... 46 Kilometer)', 'Andere Medien berichten von 13': the article
    says that both count the same quantity, even a bare length without a counted noun or a source."""
    from lagebild.api import analyse

    def groups(text):
        return [(g.kind, g.reason) for s in analyse(texts=[text]).stories for g in s.figure_groups]

    km = groups("Raketen trafen Beerscheba, 37 Kilometer vom Gazastreifen entfernt (nach anderen Angaben liegt die "
                "Stadt 46 Kilometer vom Gazastreifen entfernt).")
    assert [k for k, _ in km] == ["disagreement"] and "another account ('nach anderen Angaben')" in km[0][1]
    crew = groups("An Bord befanden sich 15 Passagiere und zwei Besatzungsmitglieder. Andere Medien berichten von 13 "
                  "Passagieren und zwei Besatzungsmitgliedern.")
    assert ("disagreement" in [k for k, _ in crew]) and any("'Andere Medien berichten'" in r for _, r in crew)
    en = groups("The blast killed 40 people, the ministry said. According to other reports, 52 people were killed.")
    assert [k for k, _ in en] == ["disagreement"]
    # no cue: two lengths of one article stay apart; values that can both hold agree
    assert "disagreement" not in [k for k, _ in groups("Die Bahn wird drei Kilometer lang. Der Tunnel ist vier "
                                                       "Kilometer lang.")]
    assert [k for k, _ in groups("Es kamen rund 40 Menschen ums Leben, nach anderen Angaben 41 Menschen.")] != \
        ["disagreement"]


def test_dead_people_and_the_dead_are_one_quantity():
    """'28 Menschen starben' and '35 Tote' count the same set; killed soldiers stay a subset of their own."""
    from lagebild.analyse.topics import with_predicate

    assert with_predicate("mensch", "tot") == "tot" and with_predicate("mensch", "verletzt") == "verletzt"
    assert with_predicate("soldat", "tot") == "soldat:tot" and with_predicate("mensch", "evakuiert") == "mensch:evakuiert"
    assert with_predicate("mensch", None) == "mensch"
    a = _doc("a", "Bei dem Anschlag kamen 28 Menschen ums Leben, teilte die Polizei mit.")
    b = _doc("b", "Nach Angaben der Regierung gab es 38 Tote.")
    figs = [_fig(a, "28", 28, "exact", topic="tot", chain=["die Polizei"]),
            _fig(b, "38", 38, "exact", topic="tot", chain=["der Regierung"])]
    assert group_figures(figs, [a, b])[0]["kind"] == "disagreement"


def test_a_figure_of_another_day_is_not_one_of_a_family_of_values():
    """Four values of one key are a family (per day or place) unless one is dated to another day: '130 Menschen
    am 13. November' beside three counts of one attack leaves three values to compare."""
    from lagebild.link.figure_groups import MAX_CLUSTERS, _family_size

    def m(v, day=None):
        return {"_iv": (v * 0.99, v * 1.01), "_day": day}
    assert _family_size([m(28, "03-22"), m(35), m(38), m(130, "11-13")]) == 3 <= MAX_CLUSTERS
    assert _family_size([m(28), m(35), m(38), m(130)]) == 4 > MAX_CLUSTERS


def test_plain_counts_published_on_different_days_are_a_series():
    """Two outlets' death tolls three days apart are each their day's count; a distance is not."""
    a = _doc("a", "Laut WHO sind 31.938 Menschen ums Leben gekommen.", published="2008-05-13")
    b = _doc("b", "Offiziellen Angaben zufolge wurden 34.273 Menschen getötet.", published="2008-05-16")
    figs = [_fig(a, "31.938", 31938, "exact", topic="tot", chain=["WHO"]),
            _fig(b, "34.273", 34273, "exact", topic="tot")]
    g = group_figures(figs, [a, b])[0]
    assert g["kind"] == "series" and "counts of different days (2008-05-13, 2008-05-16)" in g["reason"]
    c = _doc("c", "Laut Armee liegt die Stadt 37 Kilometer entfernt.", published="2008-05-13")
    d = _doc("d", "Laut Polizei liegt die Stadt 46 Kilometer entfernt.", published="2008-05-16")
    figs = [_fig(c, "37 Kilometer", 37, "exact", topic="strecke", unit="km", chain=["Armee"]),
            _fig(d, "46 Kilometer", 46, "exact", topic="strecke", unit="km", chain=["Polizei"])]
    assert group_figures(figs, [c, d])[0]["kind"] != "series"


def test_only_comparisons_across_articles_and_an_articles_own_contradictions_are_shown():
    """Inside one article a group is shown only when it disagrees or updates (the group survey: 23 of 34 agreements,
    49 of 99 distinct groups and 1 of 8 series inside one article were right); distinct groups are never shown."""
    from lagebild.link.figure_groups import shown_group

    assert shown_group("disagreement", {"a"}) and shown_group("update", {"a"})
    assert not any(shown_group(k, {"a"}) for k in ("agreement", "series", "distinct"))
    assert all(shown_group(k, {"a", "b"}) for k in ("agreement", "series", "disagreement", "update"))
    assert not shown_group("distinct", {"a", "b"})
    a, b = _doc("a", "Rund 10.000 Soldaten laut Pentagon."), _doc("b", "Etwa 10.000 Soldaten laut Seoul.")
    figs = [_fig(a, "Rund 10.000", 10000, "approx", low=9000, high=11000),
            _fig(b, "Etwa 10.000", 10000, "approx", low=9000, high=11000)]
    assert group_figures(figs, [a, b])[0]["shown"] is True
    c = _doc("c", "Rund 10.000 Soldaten, davon etwa 10.000 im Norden.")
    figs = [_fig(c, "Rund 10.000", 10000, "approx", low=9000, high=11000),
            _fig(c, "etwa 10.000", 10000, "approx", low=9000, high=11000, n=2)]
    assert group_figures(figs, [c])[0]["shown"] is False


def test_figures_two_articles_confirm_are_an_agreement_beside_other_sets():
    """'sechs Kandidaten' in two articles agree even when the key also holds 'die vier anderen Kandidaten';
    a vague 'Tausende' alone confirms nothing."""
    a = _doc("a", "Sechs Kandidaten stehen auf dem Stimmzettel.")
    b = _doc("b", "Sechs Kandidaten wurden eingeladen. Die vier anderen Kandidaten liegen darunter.")
    figs = [_fig(a, "Sechs", 6, "exact", topic="kandidat"), _fig(b, "Sechs", 6, "exact", topic="kandidat", n=2),
            _fig(b, "vier", 4, "exact", topic="kandidat", n=3)]
    groups = group_figures(figs, [a, b])
    assert [(g["kind"], g["shown"], len(g["figure_ids"])) for g in groups] == [("agreement", True, 2)]
    c = _doc("c", "Tausende Flüchtlinge warten.")
    d = _doc("d", "Rund 3.000 Flüchtlinge warten, weitere 8.000 Flüchtlinge sind unterwegs.")
    figs = [_fig(c, "Tausende", None, "vague", low=1000, high=9999, topic="flüchtling"),
            _fig(d, "Rund 3.000", 3000, "approx", low=2700, high=3300, topic="flüchtling", n=2),
            _fig(d, "8.000", 8000, "exact", topic="flüchtling", n=3)]
    assert [g["kind"] for g in group_figures(figs, [c, d])] == ["distinct"]


def test_counts_one_apart_do_not_agree_and_an_adjectives_capital_is_its_country():
    """'27 Israelis' and '28 Israelis' are two counts (their half-unit ranges only touch); 'In der französischen
    Hauptstadt ... 130 Menschen' is France's figure, so Brussels' counts are compared without it."""
    from lagebild.evaluate.stories import run_story
    from lagebild.link.figure_groups import _consistent, _meet

    assert not _meet((26.5, 27 * (1 + 0.5 / 27)), (27.5, 28.5)) and _meet((0.0, 0.0), (0.0, 0.0))
    assert not _consistent([(26.5, 27.5), (27.5, 28.5)]) and _consistent([(2.0, 4.0), (3.0, 5.0)])
    story, _ = run_story([
        "Anschläge in Brüssel. In der französischen Hauptstadt wurden im November 130 Menschen getötet, in Brüssel "
        "rissen drei Attentäter am Dienstag 28 Menschen mit in den Tod.",
        "Bei den Brüsseler Anschlägen starben nach jüngsten Angaben des Gesundheitsministeriums 38 Menschen."])
    tot = [g for g in story["figure_groups"] if g["topic"] == "tot"]
    assert [sorted(m["text"] for m in g["members"]) for g in tot] == [["28", "38"]]


def test_a_reason_names_articles_by_outlet_or_title():
    from lagebild.link.figure_groups import _label

    art = Article(id="a1", source="t", text="x", title="Russland billigt Militärpakt mit Nordkorea und sendet Truppen")
    assert _label(art) == "Russland billigt Militärpakt mit Nordkorea…"
    assert _label(Article(id="a1", source="t", text="x", outlet="Tagesblatt", title="T")) == "Tagesblatt"
    assert _label(Article(id="a1", source="t", text="x")) == "a1"
