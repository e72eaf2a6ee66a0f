"""Time expressions: extraction, normalisation against the article date, anchors, eval task."""
import json

import pytest

from lagebild.analyse import sentences
from lagebild.analyse.timex import Anchor, event_span, find_timexes, is_future
from lagebild.records import AnalysedArticle, Article


def timexes(text, published="2024-11-05", lang="de"):
    doc = AnalysedArticle(article=Article(id="a1", source="<t>", text=text, published=published, language=lang))
    sentences(doc)
    find_timexes(doc)
    for t in doc.timexes:  # the span contract holds for every expression and its event
        assert text[t.start:t.end] == t.text
        assert text[t.event_start:t.event_end] == t.event
        assert t.event_start <= t.start and t.end <= t.event_end
    return doc.timexes


def one(text, published="2024-11-05", lang="de"):
    found = timexes(text, published, lang)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


@pytest.mark.parametrize("text,expr,typ,value", [
    ("Der Vertrag wurde am 31.10.2024 unterzeichnet.", "31.10.2024", "DATE", "2024-10-31"),
    ("Der Vertrag wurde am 31. Oktober 2024 unterzeichnet.", "31. Oktober 2024", "DATE", "2024-10-31"),
    ("Der Krieg hatte im Februar 2022 begonnen.", "Februar 2022", "DATE", "2022-02"),
    ("2023 waren es noch weniger Fälle.", "2023", "DATE", "2023"),
    ("Am 5. Oktober wurden sechs Offiziere getötet.", "5. Oktober", "DATE", "2024-10-05"),
    ("Am Donnerstag billigte das Parlament den Vertrag.", "Donnerstag", "DATE", "2024-10-31"),
    ("Die Kammer muss am Mittwoch abstimmen.", "Mittwoch", "DATE", "2024-11-06"),
    ("Er sagte am Montagabend, die Lage sei ernst.", "Montagabend", "TIME", "2024-11-04TEV"),
    ("Gestern hatte die Polizei den Mann festgenommen.", "Gestern", "DATE", "2024-11-04"),
    ("Vorgestern war das noch anders.", "Vorgestern", "DATE", "2024-11-03"),
    ("Vor zwei Wochen hatte die Regierung widersprochen.", "Vor zwei Wochen", "DATE", "2024-W43"),
    ("Die Gespräche sollen nächste Woche weitergehen.", "nächste Woche", "DATE", "2024-W46"),
    ("Im nächsten Monat wird gewählt.", "nächsten Monat", "DATE", "2024-12"),
    ("Die Lieferungen nahmen Ende Oktober zu.", "Ende Oktober", "DATE", "2024-10"),
    ("Anfang November kamen die ersten Einheiten an.", "Anfang November", "DATE", "2024-11"),
    ("Die Inflation lag Mitte 2024 bei zwei Prozent.", "Mitte 2024", "DATE", "2024"),
    ("Man erwarte den Einsatz in den kommenden Tagen.", "in den kommenden Tagen", "DATE", "FUTURE_REF"),
    ("Die Waffenruhe hält seit drei Jahren.", "drei Jahren", "DURATION", "P3Y"),
    ("Die Ermittlungen dauerten zwei Wochen.", "zwei Wochen", "DURATION", "P2W"),
    ("Die Delegationen treffen sich jeden Montag in Wien.", "jeden Montag", "SET", "XXXX-WXX-1"),
    ("Die Behörde meldet die Zahlen täglich.", "täglich", "SET", "P1D"),
    ("Die Sitzung begann am 4. November um 10 Uhr.", "4. November um 10 Uhr", "TIME", "2024-11-04T10:00"),
    ("Im Frühjahr 2023 begann die Offensive.", "Frühjahr 2023", "DATE", "2023-SP"),
    ("Die Zahlen für das dritte Quartal liegen vor.", "dritte Quartal", "DATE", "2024-Q3"),
    ("Die Anlage wurde in den 1990er Jahren gebaut.", "1990er Jahren", "DATE", "199"),
])
def test_german_expressions(text, expr, typ, value):
    t = one(text)
    assert (t.text, t.type, t.value) == (expr, typ, value)
    assert t.anchored


def test_month_only_resolves_to_the_last_such_month():
    assert one("Der Vertrag war im Juni unterzeichnet worden.", "2024-11-05").value == "2024-06"
    assert one("Der Vertrag war im Juni unterzeichnet worden.", "2025-03-10").value == "2024-06"
    assert one("Der Bericht soll im Juni erscheinen.", "2025-03-10").value == "2025-06"  # future clause


def test_day_before_refers_to_the_last_mentioned_day():
    found = timexes("Die Männer wurden am 3. November festgenommen, am Tag zuvor hatten sie die Grenze überquert.")
    assert [t.value for t in found] == ["2024-11-03", "2024-11-02"]


@pytest.mark.parametrize("text", [
    "Seit Beginn der Invasion sind Millionen Menschen geflohen.",
    "Rund 2000 Soldaten wurden verlegt.",
    "Auf dem August-Bebel-Platz standen Hunderte.",
    "Die Partei gewann 1.500 Stimmen hinzu.",
])
def test_no_false_dates(text):
    assert timexes(text) == []


def test_undated_article_infers_anchor_and_marks_it():
    text = ("Der Vertrag wurde am 31.10.2024 in Brüssel unterzeichnet. Im Juni hatten die Verhandlungen begonnen. "
            "Am Montag reiste die Delegation ab.")
    found = {t.text: t for t in timexes(text, published=None)}
    assert found["31.10.2024"].value == "2024-10-31"
    assert found["Juni"].value == "2024-06"
    # the inferred anchor is a lower bound of the real date: the Monday after it
    assert found["Montag"].value == "2024-11-04"
    # an explicit date needs no anchor; the relative ones hang on a weak one and are not shown
    assert found["31.10.2024"].anchored and found["31.10.2024"].confidence >= 0.9
    assert not found["Juni"].anchored and not found["Montag"].anchored
    assert found["Juni"].confidence < 0.6 and found["Montag"].confidence < 0.6


def test_no_anchor_at_all_keeps_unknown_parts():
    found = {t.text: t.value for t in timexes("Am Montag traf er ein. Im Juni war er abgereist.", published=None)}
    assert found == {"Montag": "XXXX-WXX-1", "Juni": "XXXX-06"}


def test_event_is_the_clause_not_the_whole_sentence():
    text = ("Die Staatsduma billigte den Vertrag, den Präsident Putin während eines Besuchs in Pjöngjang im Juni "
            "mit dem nordkoreanischen Führer unterzeichnet hatte, nach kurzer Debatte.")
    t = one(text)
    assert t.event.startswith("den Präsident Putin") and t.event.endswith("unterzeichnet hatte")
    s, e = event_span("Am 5. Oktober wurden sechs Offiziere getötet.", [(0, 6), (7, 45)], 3, 13)
    assert (s, e) == (0, 45)  # a sentence split after '5.' is repaired


def test_tense():
    assert is_future("Die Kammer soll am Mittwoch abstimmen")
    assert not is_future("Selenskyj sagte am Montagabend, es werde schwer")


def test_anchor_parse():
    a = Anchor.parse("2024-11-05T10:00:00+01:00")
    assert (a.year, a.month, a.day, a.precision) == (2024, 11, 5, "day")
    assert Anchor.parse("2024-06").precision == "month"
    assert Anchor.parse(None) is None


def test_english_and_french_basics():
    en = {t.text: t.value for t in timexes("Lawmakers approved it on Thursday. It was signed in June.", lang="en")}
    assert en == {"Thursday": "2024-10-31", "June": "2024-06"}
    fr = {t.text: t.value for t in timexes("Les députés ont ratifié le traité jeudi, signé en juin.", lang="fr")}
    assert fr == {"jeudi": "2024-10-31", "juin": "2024-06"}


def test_eval_task_scores(tmp_path, capsys):
    from lagebild.evaluate.time import run

    rows = [
        {"text": "Am Montag kam er an.", "dct": "2024-11-05", "timexes": [
            {"start": 3, "end": 9, "text": "Montag", "type": "DATE", "value": "2024-11-04"}]},
        {"text": "Er blieb am 3. Mai zwei Tage.", "dct": "2024-11-05", "timexes": [
            {"start": 12, "end": 18, "text": "3. Mai", "type": "DATE", "value": "2023-05-03", "alt_values": ["2024-05-03"]}]},
    ]
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    run(path, split="", show_errors=0)
    out = json.loads(capsys.readouterr().out)
    assert out["gold"] == 2 and out["pred"] == 3  # 'zwei Tage' is not in the gold
    assert out["relaxed"]["recall"] == 1.0 and out["relaxed"]["precision"] == pytest.approx(0.6667, abs=1e-3)
    assert out["value_accuracy"] == 1.0 and out["type_accuracy"] == 1.0


def test_own_news_cases_meet_targets(capsys):
    from pathlib import Path

    from lagebild.evaluate.time import predict, score

    rows = [json.loads(x) for x in (Path(__file__).parent / "data" / "time_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["source"] == "lagebild-news"]
    assert len(rows) >= 60
    result = score(rows, [predict(r) for r in rows])
    assert result["relaxed"]["f1"] >= 0.9 and result["value_accuracy"] >= 0.85, result


def _build_dev_module():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "training" / "time" / "build_dev.py"
    spec = importlib.util.spec_from_file_location("build_dev", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_dev_set_builder_markup_and_conversion():
    mod = _build_dev_module()
    convert_case, parse_marked = mod.convert_case, mod.parse_marked

    text, spans = parse_marked("Am [Montag|DATE|2024-11-04] und [täglich|SET|P1D].")
    assert text == "Am Montag und täglich." and text[spans[0]["start"]:spans[0]["end"]] == "Montag"
    case = {"Input": "Ich komme am 2. Oktober zurück.", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
            "Results": [{"Text": "2. oktober", "Start": 13, "End": 22, "TypeName": "datetimeV2.date", "Resolution": {"values": [
                {"timex": "XXXX-10-02", "type": "date", "value": "2016-10-02"},
                {"timex": "XXXX-10-02", "type": "date", "value": "2017-10-02"}]}}]}
    row = convert_case(case, "DateTimeModel.json")
    g = row["timexes"][0]
    assert (g["text"], g["value"], g["type"]) == ("2. Oktober", "2016-10-02", "DATE")
    assert "2017-10-02" in g["alt_values"]
    assert convert_case(dict(case, NotSupported="python"), "x.json") is None


def test_dev_set_builder_on_recognizers_specs():
    from conftest import need_shared

    need_shared("time", "recognizers-text-de", "DateTime")
    rows = _build_dev_module().build()
    spec_rows = [r for r in rows if r["source"].startswith("recognizers-text")]
    assert len(spec_rows) > 300
    for r in spec_rows:
        for g in r["timexes"]:
            assert r["text"][g["start"]:g["end"]] == g["text"]
    assert {r["split"] for r in rows} == {"dev", "heldout"}


def test_undated_month_year_mentions_are_earlier_years_than_bare_months():
    """'seit August 2023' names its year because it is not the current one; 'im Oktober' is."""
    text = ("Seit August 2023 wurden Waffen geliefert. Im Oktober rückte die Armee vor. "
            "Das Ministerium äußerte sich am 31. Oktober.")
    found = {t.text: t.value for t in timexes(text, published=None)}
    assert found["August 2023"] == "2023-08"
    assert found["Oktober"] == "2024-10" and found["31. Oktober"] == "2024-10-31"
    # a full date names the year whatever it is: no shift
    text = "Am 5. Oktober 2023 begann der Prozess. Im Juni war die Anklage erhoben worden."
    found = {t.text: t.value for t in timexes(text, published=None)}
    assert found["5. Oktober 2023"] == "2023-10-05" and found["Juni"] == "2023-06"
