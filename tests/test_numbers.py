"""German number parsing and the hedge/range/vague convention (lagebild.analyse.numbers)."""
import pytest

from lagebild.analyse.numbers import parse_digits, parse_number_word, scan_numbers


@pytest.mark.parametrize("word,value", [
    ("drei", 3), ("zwölf", 12), ("zweihundertfünfzig", 250), ("zwölftausend", 12000),
    ("einhunderteinunddreißig", 131), ("dreihundertneunundneunzigtausendfünfhundertneun", 399509),
    ("eineinhalb", 1.5), ("dreieinhalb", 3.5), ("anderthalb", 1.5), ("Siebzehn", 17),
])
def test_number_words(word, value):
    assert parse_number_word(word) == value


@pytest.mark.parametrize("word", ["dritte", "vierten", "ein", "eine", "null", "Dreier", "zweimal", "hundertste"])
def test_not_cardinals(word):
    assert parse_number_word(word) is None


@pytest.mark.parametrize("s,value", [
    ("1.500", 1500), ("1,6", 1.6), ("2.000,352", 2000.352), ("40 000", 40000), ("4,800", 4.8), ("1.234.567", 1234567),
])
def test_digits(s, value):
    assert parse_digits(s) == value


def one(text):
    found = scan_numbers(text)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize("text,span,q,value,low,high,unit", [
    ("Es kamen 1.500 Gäste.", "1.500", "exact", 1500, 1500, 1500, None),
    ("Man schätzt etwa 1.500 Kämpfer.", "etwa 1.500", "approx", 1500, 1350, 1650, None),
    ("Die Firma hat knapp 70 Angestellte.", "knapp 70", "approx", 70, 63, 70, None),
    ("Es sind gut 500 Meter.", "gut 500 Meter", "approx", 500, 500, 550, "m"),
    ("Sie meldeten mindestens 3.000 Tote.", "mindestens 3.000", "at_least", 3000, 3000, None, None),
    ("Es kamen weit über 10.000 Menschen.", "weit über 10.000", "at_least", 10000, 10000, None, None),
    ("Geliefert wurden bis zu 8 Millionen Granaten.", "bis zu 8 Millionen", "at_most", 8e6, None, 8e6, None),
    ("Weniger als 5 Prozent stimmten zu.", "Weniger als 5 Prozent", "at_most", 5, None, 5, "%"),
    ("Es waren zwischen 1.500 und 3.000 Personen.", "zwischen 1.500 und 3.000", "range", None, 1500, 3000, None),
    ("Es waren 1.500-3.000 Personen.", "1.500-3.000", "range", None, 1500, 3000, None),
    ("Es kostet zwei bis drei Milliarden Euro.", "zwei bis drei Milliarden Euro", "range", None, 2e9, 3e9, "EUR"),
    ("Tausende flohen.", "Tausende", "vague", None, 2000, 9999, None),
    ("Es kamen Dutzende Reporter.", "Dutzende", "vague", None, 24, 99, None),
    ("Es kamen einige hundert Fans.", "einige hundert", "vague", None, 200, 999, None),
    ("Es kamen mehrere tausend Fans.", "mehrere tausend", "vague", None, 2000, 9999, None),
    ("Es kamen mehr als Tausende.", "mehr als Tausende", "at_least", None, 2000, None, None),
    ("Es kostet Hunderte Millionen Euro.", "Hunderte Millionen Euro", "vague", None, 2e8, 999999999, "EUR"),
    ("Die Inflation lag bei 12,5 Prozent.", "12,5 Prozent", "exact", 12.5, 12.5, 12.5, "%"),
    ("Die Partei erhielt 12 % der Stimmen.", "12 %", "exact", 12, 12, 12, "%"),
    ("Er erhielt $2 Mrd. dafür.", "$2 Mrd.", "exact", 2e9, 2e9, 2e9, "USD"),
    ("Er zahlte 300 Franken.", "300 Franken", "exact", 300, 300, 300, "CHF"),
    ("Die Stadt bekommt 8 Mio. Euro.", "8 Mio. Euro", "exact", 8e6, 8e6, 8e6, "EUR"),
    ("Das Gebiet misst 500 Quadratkilometer.", "500 Quadratkilometer", "exact", 500, 500, 500, "km2"),
    ("Eine halbe Million Menschen.", "Eine halbe Million", "exact", 5e5, 5e5, 5e5, None),
    ("Es kamen über 2000 Menschen.", "über 2000", "at_least", 2000, 2000, None, None),
    ("Es kamen 3.000 oder mehr Menschen.", "3.000 oder mehr", "at_least", 3000, 3000, None, None),
    ("Es kostet zwei Millionen eintausend Euro.", "zwei Millionen eintausend Euro", "exact", 2001000, 2001000, 2001000, "EUR"),
    ("Der Wert ist zwei Komma drei.", "zwei Komma drei", "exact", 2.3, 2.3, 2.3, None),
    ("Es gibt 100 indische Rupien.", "100 indische Rupien", "exact", 100, 100, 100, "INR"),
])
def test_scan(text, span, q, value, low, high, unit):
    m = one(text)
    assert text[m.start:m.end] == m.text == span
    assert (m.qualifier, m.value, m.low, m.high, m.unit) == (q, value, low, high, unit)


@pytest.mark.parametrize("text", [
    "Am 5. Oktober begann der Angriff.",
    "Im Jahr 2023 änderte sich das.",
    "Seit 2022 gilt die Regel.",
    "Punkt 4 des Abkommens regelt das, der vierte Punkt nicht.",
    "Nach Artikel 5 gilt das.",
    "Das Treffen ist um 15 Uhr, die Pause um 12.30 Uhr.",
    "Rufen Sie +49 30 1234567 oder 030 7654321 an.",
    "Die F-16 und die G7 sind gemeint.",
    "Die 3. Division rückte vor.",
    "Unterzeichnet am 19.06.2024 in Genf.",
    "Kanzler Müller (58) sprach.",
    "Der Krieg dauert drei Jahre.",
    "Ein 32-Jähriger wurde verhaftet.",
    "Von 2022 bis 2025 läuft das Programm.",
    "Siehe https://example.org/a?id=305&x=20% dazu.",
    "Das Spiel endete 3:1.",
    "Er kommt gegen vier zurück, spätestens halb 8.",
    "Die Themen: 1) Wahlen, 2) Wetter.",
    "Eine Geforce GTX 970M ist verbaut.",
    "Das Spiel endete eins zu null.",
    "In 15 bis 20 Jahren ist es so weit.",
    "Bei den 30- bis 49-Jährigen ist das anders.",
])
def test_not_figures(text):
    assert scan_numbers(text) == [], [m.text for m in scan_numbers(text)]


@pytest.mark.parametrize("text,span,q,value,low,high,unit", [
    ("an eight-year, $200MM deal", "$200MM", "exact", 200e6, 200e6, 200e6, "USD"),
    ("in the range of $145 million to $175 million", "$145 million to $175 million", "range", None, 145e6, 175e6, "USD"),
    ("a 200MM pipe", "200MM", "exact", 200, 200, 200, "mm"),  # no currency: millimetres
])
def test_english_money_forms(text, span, q, value, low, high, unit):
    m = scan_numbers(text, "en")[0]
    assert (m.text, m.qualifier, m.value, m.low, m.high, m.unit) == (span, q, value, low, high, unit)
