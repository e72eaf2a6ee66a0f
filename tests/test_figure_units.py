"""Units a figure leaves to its neighbour, hedged currencies and ranges, and a bracket's source (figure survey A/B)."""
from __future__ import annotations

from lagebild.analyse import analyse_article
from lagebild.analyse.numbers import scan_numbers
from lagebild.clean import clean_document
from lagebild.records import RawDocument
from lagebild.report.common import fmt_figure


def _figs(text: str) -> list[tuple[str, str, str, list[str]]]:
    doc = analyse_article(clean_document(RawDocument(id="x", source="x.txt", text="Titel\n\n" + text)))
    return [(f.text, fmt_figure(f.to_dict()), f.count_of, f.attributed_to) for f in doc.figures]


def test_a_bare_number_takes_the_unit_of_the_figure_it_is_coordinated_with():
    assert [s for _, s, _, _ in _figs("Die Zustimmung lag bei 62 beziehungsweise 46 Prozent.")] == ["62 %", "46 %"]
    assert [s for _, s, _, _ in _figs("Die Werte lagen bei 5 bzw. 7 Metern.")] == ["5 m", "7 m"]
    # a counted figure keeps what it counts
    assert [s for _, s, _, _ in _figs("Die Partei verlor 5 Sitze und 3 Prozent.")] == ["5", "3 %"]


def test_millions_after_an_amount_of_money_are_money_too():
    shown = [s for _, s, _, _ in _figs("Mexiko erhielt 23 Milliarden US-Dollar, Indien 7,4 Milliarden.")]
    assert shown == ["23.000.000.000 US$", "7.400.000.000 US$"]
    shown = [s for _, s, _, _ in _figs("Der Gewinn stieg auf 67 Millionen Euro nach 44 Millionen im Vorjahr.")]
    assert shown == ["67.000.000 €", "44.000.000 €"]
    figs = _figs("Der Staat zahlt 80 Millionen Euro für 5 Millionen Menschen.")
    assert figs[1][1:3] == ("5.000.000", "Menschen")
    # no currency before it in the sentence: no unit is invented
    assert _figs("Das Land hat 44 Millionen. Der Gewinn lag bei 67 Millionen Euro.")[0][1] == "44.000.000"


def test_us_dollar_written_apart_keeps_its_hedge():
    assert [(m.text, m.qualifier, m.unit) for m in scan_numbers("Er kostet etwa US $ 42.000.", "de")] == \
        [("etwa US $ 42.000", "approx", "USD")]
    assert [(m.text, m.unit) for m in scan_numbers("Er kostet rund US-$ 42.000.", "de")] == [("rund US-$ 42.000", "USD")]


def test_a_hedged_range_is_shown_approximate():
    assert fmt_figure({"text": "etwa 4.000 bis 5.000", "qualifier": "range", "low": 4000, "high": 5000}) == "≈ 4.000–5.000"
    assert fmt_figure({"text": "4.000 bis 5.000", "qualifier": "range", "low": 4000, "high": 5000}) == "4.000–5.000"


def test_the_source_in_a_bracket_is_not_the_figure_before_it():
    figs = _figs("Beerscheba wurde getroffen, 37 Kilometer vom Gazastreifen entfernt (nach anderen Angaben liegt die "
                 "Stadt 46 Kilometer vom Gazastreifen entfernt).")
    assert [(t, src) for t, _, _, src in figs] == [("37 Kilometer", []), ("46 Kilometer", ["anderen Angaben"])]
