"""Figures as a reader sees them: classes from the figure survey of Wikinews tuning documents (round 42).

Every sentence here is invented; each test names the class the survey found."""
from __future__ import annotations

import pytest

from lagebild.analyse.numbers import scan_numbers
from lagebild.report.common import fmt_figure, fmt_number


def _figs(text: str, lang: str = "de") -> list[tuple[str, str]]:
    """(words, shown value) of every quantity expression."""
    return [(m.text, fmt_figure({"qualifier": m.qualifier, "low": m.low, "high": m.high, "value": m.value,
                                 "unit": m.unit, "strict": m.strict})) for m in scan_numbers(text, lang)]


@pytest.mark.parametrize("text,shown", [
    ("Es wurden mehr als 400 Gefangene freigelassen.", "> 400"),
    ("Über 1.200 Abgeordnete stimmten zu.", "> 1.200"),
    ("Der Anteil lag bei weniger als 10 Prozent.", "< 10 %"),
    ("Das Gebot lag bei etwas über 63.000 Euro.", "> 63.000 €"),
    ("Mindestens 3 Menschen starben.", "≥ 3"),
    ("Bis zu 8 Millionen Granaten wurden geliefert.", "≤ 8.000.000"),
    ("Nicht weniger als 5 Boote kenterten.", "≥ 5"),
    ("Es gab more than 40 arrests.", None),  # mixed text: no German hedge, nothing asserted
])
def test_strict_hedges_shown_as_strict(text, shown):
    got = _figs(text)
    if shown is None:
        return
    assert got and got[0][1] == shown


def test_english_and_french_strict_hedges():
    assert _figs("Police said more than 40 people were hurt.", "en")[0][1] == "> 40"
    assert _figs("No fewer than 5 boats sank.", "en")[0][1] == "≥ 5"
    assert _figs("Il y a eu plus de 300 morts.", "fr")[0][1] == "> 300"


def test_numbers_keep_their_decimals():
    assert fmt_number(2.268) == "2,268"
    assert fmt_number(42.195) == "42,195"
    assert fmt_number(41.9) == "41,9"
    assert fmt_number(12345.678) == "12.345,68"
    assert fmt_figure({"qualifier": "exact", "value": 0.419, "low": 0.419, "high": 0.419, "unit": "frac"}) == "41,9 %"
    assert fmt_figure({"qualifier": "exact", "value": 1 / 3, "low": 1 / 3, "high": 1 / 3, "unit": "frac"}) == "33,33 %"


@pytest.mark.parametrize("text,words,shown", [
    ("Das Land besitze seiner Meinung nach drei bis fünf Raketen.", "drei bis fünf", "3–5"),
    ("Die Firma hebt die Preise um 10-15 Prozent an.", "10-15 Prozent", "10–15 %"),
    ("Sie nahmen zwischen einer und drei Tabletten täglich.", "zwischen einer und drei", "1–3"),
    ("Schon einer bis zwei Becher am Tag schaden.", "einer bis zwei", "1–2"),
    ("Die Proben wurden bei 80 Grad unter Null gelagert.", "80 Grad", "-80 °"),
    ("Der Umsatz stieg um knappe 12 Prozent.", "knappe 12 Prozent", "≈ 12 %"),
])
def test_ranges_and_hedges_read_whole(text, words, shown):
    assert (words, shown) in _figs(text)


@pytest.mark.parametrize("text", [
    "Das Treffen beginnt gegen vier bis fünf Uhr.",
    "Geöffnet ist um 8 bis 10 Uhr.",
    "Von dort fahren die Buslinien 3, 7 und 12 ab.",
    "Die Firmen landeten auf den Rängen zwei und fünf.",
    "Auf den Plätzen 19 und 13 folgten Banken.",
    "Der Unfall ereignete sich auf der B 27 bei Tübingen.",
    "Im Club „808“ feierten die Gäste bis zum Morgen.",
    "Die Band veröffentlichte „Greatest Hits Vol.2“ im Herbst.",
    "Sie verlor ihren 3.Titel im Finale.",
    "Zur Feier seines 90. Geburtstags kamen Gäste.",
    "Die 15 und 17 Jahre alten Schüler wurden befragt.",
])
def test_not_figures(text):
    assert _figs(text) == []


def test_a_plain_list_of_counts_stays():
    assert [w for w, _ in _figs("Es kamen 5, 10 und 20 Menschen in die drei Orte.")][:3] == ["5", "10", "20"]


# ---- second part of the survey (part B): units, 'bis' as a bound, ages, ordinals, codes, whole counted phrases

@pytest.mark.parametrize("text,shown", [
    ("Der Wagen fuhr mit 80 Kilometern pro Stunde in die Kurve.", "80 km/h"),
    ("Das Becken hat ein Volumen von 2 km³.", "2 km³"),
    ("Das Land zahlte 30 Millionen Deutsche Mark.", "30.000.000 DM"),
    ("Das Beben erreichte eine Stärke von 5,8 Mw.", "5,8 Mw"),
    ("Die Zustimmung liegt bei zwei Dritteln.", "66,67 %"),
    ("Der Preis sank um zirca 4 Prozent.", "≈ 4 %"),
    ("Die Rakete trägt Sprengköpfe bis 400 kg.", "≤ 400 kg"),
    ("Er siegte in der Gewichtsklasse bis 60 Kilogramm.", "≤ 60 kg"),
])
def test_units_and_bounds(text, shown):
    assert shown in [s for _, s in _figs(text)]


def test_bis_alone_stays_a_range_word():
    assert _figs("Die Kosten liegen bei 3 bis 5 kg Gold.") == [("3 bis 5 kg", "3–5 kg")]
    assert [s for _, s in _figs("Bis 2030 sollen 5 Millionen Euro fließen.")] == ["5.000.000 €"]


@pytest.mark.parametrize("text", [
    "Die Kirche stammt aus dem frühen 15. Jahrhundert.",
    "Die Schule nahm die neue 11. Jahrgangsstufe auf.",
    "Der Film lief auf SAT.1 am Abend.",
    "Eine Boeing 737-500 landete sicher.",
    "Gestorben: Sängerin Anna Berg, 81, Schauspieler Max Kurz, 64, beide in Wien.",
    "Der Teamchef wurde 70\nEr feierte im kleinen Kreis.",
    "Sie lebte mit ihren drei und sechs Jahre alten Söhnen in Ulm.",
])
def test_more_non_figures(text):
    assert _figs(text) == []


def _counted(text: str) -> list[tuple[str, str, str]]:
    from lagebild.pipeline import process
    from lagebild.records import RawDocument

    doc = process([RawDocument(id="c1", source="c1", text="Bericht\n\n" + text, published="2024-05-02")]).docs[0]
    return [(f.text, f.count_of, f.topic) for f in doc.figures]


def test_whole_counted_phrases():
    got = _counted("Die Forscher befragten 12.000 Frauen und Männer. Im Viertel gibt es drei Obst- und "
                   "Gemüsestände. Das Archiv hat 5.000 Schwarz/Weiß-Fotos. Die Band erhielt 12 Goldene Schallplatten. "
                   "Russland schickte 300 Soldaten und Frankreich 200 Polizisten. Dabei wurden 5 Deutsche verletzt.")
    counted = {t: c for t, c, _ in got}
    assert counted["12.000"] == "Frauen und Männer"
    assert counted["drei"] == "Obst- und Gemüsestände"
    assert counted["5.000"] == "Schwarz/Weiß-Fotos"
    assert counted["12"] == "Goldene Schallplatten"
    assert counted["300"] == "Soldaten"  # 'und Frankreich 200 …' is the next clause, not a counted pair
    assert counted["5"] == "Deutsche"
    topics = {t: tp for t, _, tp in got}
    assert topics["12.000"] == "frau+mann"  # neither the women nor the men alone: never grouped with 'Frauen'


def test_a_model_code_is_no_range():
    got = _counted("Eine Boeing 737-800 landete in Palma. Die Zahl stieg auf 300-500 Menschen.")
    assert [t for t, _, _ in got] == ["300-500"]


def test_vague_amounts_shown_as_written():
    assert fmt_figure({"qualifier": "vague", "value": None, "low": 2000.0, "high": 9999.0, "text": "Tausende"}) == "Tausende"
    assert fmt_figure({"qualifier": "vague", "value": None, "low": 2e8, "high": 999999999.0, "unit": "EUR",
                       "text": "mehrere hundert Millionen Euro"}) == "mehrere hundert Millionen Euro"
    assert fmt_figure({"qualifier": "at_least", "value": None, "low": 2000.0, "high": None, "strict": True,
                       "text": "mehr als Tausende"}) == "mehr als Tausende"


def test_a_source_names_someone():
    from lagebild.analyse.figures import _sources

    assert _sources(["Er"], "Artikel") == []
    assert _sources(["Wer"], "") == []
    assert _sources(["Erst"], "Osttimoresen") == []
    assert _sources(["Angaben"], "PS") == []
    assert _sources(["Osten des Landes"], "Menschen") == []
    assert _sources(["Tote"], "Menschen") == []
    assert _sources(["Demonstranten"], "Demonstranten") == []
    assert _sources(["ersten Angaben"], "Tote") == ["ersten Angaben"]
    assert _sources(["die Polizei"], "Demonstranten") == ["die Polizei"]
    assert _sources(["Angaben der Polizei"], "Tote") == ["Angaben der Polizei"]


def test_party_name_number():
    assert _figs("Die Abgeordnete von Bündnis 90/Die Grünen stimmte dagegen.") == []


def test_a_speech_speaker_gives_only_what_is_in_the_message():
    from lagebild.analyse.attribution import attribution_chain

    text = "Den noch 16.000 verbliebenen Flüchtlingen sicherte der Präsident zu, dass sie zurückkehren dürften."
    assert attribution_chain(text, 0, len(text), focus=text.index("16.000")) == []


def test_a_bracket_source_stays_in_its_bracket():
    from lagebild.analyse.attribution import attribution_chain

    t = "Getroffen wurde auch die Stadt, 37 Kilometer entfernt (laut Armee 46 Kilometer)."
    assert attribution_chain(t, 0, len(t), focus=t.index("37")) == []
    assert attribution_chain(t, 0, len(t), focus=t.index("46")) == ["Armee"]


def test_a_disaster_that_claims_lives_is_no_source():
    got = _counted("Erdrutsch in Peru fordert zwölf Tote\n\nNach Angaben der Polizei starben 12 Menschen.")
    assert ("zwölf", "Tote") in [(t, c) for t, c, _ in got]
    from lagebild.pipeline import process
    from lagebild.records import RawDocument

    doc = process([RawDocument(id="c2", source="c2", text="Erdrutsch in Peru fordert zwölf Tote\n\nNach Angaben der "
                                "Polizei starben 12 Menschen.", published="2024-05-02")]).docs[0]
    by_text = {f.text: f.attributed_to for f in doc.figures}
    assert by_text["zwölf"] == []
    assert by_text["12"] == ["der Polizei"]


def test_too_general_figures_are_no_series_or_agreement():
    from lagebild.link import build_stories
    from lagebild.pipeline import process
    from lagebild.records import RawDocument

    text = ("Gedenken an das Beben\n\nZur Gedenkfeier 2005 kamen 6.000 Menschen. Bei dem Beben 2004 hatten 900 "
            "Menschen ihr Leben verloren.")
    docs = process([RawDocument(id="g1", source="g1", text=text, published="2005-12-26")]).docs
    groups = [g for s in build_stories(docs) for g in s.figure_groups]
    assert groups and all(g["kind"] == "distinct" for g in groups)
    assert all(g["kind"] != "series" for g in groups)


def test_ums_leben_is_a_death():
    from lagebild.analyse.topics import predicate_class

    t = "Durch die Fluten kamen 900 Menschen ums Leben."
    assert predicate_class(t, 0, len(t), t.index("900"), t.index("Menschen") + 8) == "tot"
