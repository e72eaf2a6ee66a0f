"""Build tests/data/time_dev.jsonl, the dev set of `lagebild eval time`.

Two sources:
1. Microsoft Recognizers-Text German DateTime specs (MIT licence, shared/data/time/recognizers-text-de),
   converted case by case:
   - skipped: cases marked NotSupported / NotSupportedByDesign for python (the reference python
     implementation fails them too; many are odd chat-bot formats), the holiday files (holiday names
     are out of scope), cases holding a range result ('vom 3. bis 12. September', timex '(...,...,P9D)':
     TIMEX3 annotates ranges as two points, the specs as one span), duplicates, and cases whose
     offsets do not reproduce the result text;
   - spans: Start + Length (Parser/Extractor files) or Start..End inclusive (Model files);
   - type: date/daterange -> DATE, time/timerange/datetime/datetimerange -> TIME (PRESENT_REF and
     friends -> DATE), duration -> DURATION, set -> SET;
   - value: the spec's timex. Where it is underspecified (XXXX-10-02) and the case has a reference
     date, the spec gives a past and a future resolution; gold `value` is the past one (news
     default) and `alt_values` holds the future one and the raw timex: both readings are right.
     Extractor files carry no values (value null: they count for spans and types only).
2. Our own news-style cases (CASES below, invented sentences in the register of German agency
   news, with some English and French): bracket markup [expression|TYPE|value].

Every case gets split = "heldout" when md5(text) % 5 == 0, else "dev"; the held-out slice is
reported separately and not used for tuning.

    python training/time/build_dev.py            # writes tests/data/time_dev.jsonl
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from lagebild.datapaths import shared_data  # noqa: E402

OUT = ROOT / "tests" / "data" / "time_dev.jsonl"
SKIP_FILES = {"HolidayExtractor.json", "HolidayParser.json", "DateTimeModelSplitDateAndTime.json",
              "DateTimeModelCalendarMode.json"}
_RANGE_TEXT = re.compile(r"\b(?:bis|zwischen|von|vom)\b|\d\.?\s*-\s*\d", re.I)

# (dct, language, marked-up text). Weekday arithmetic: 2024-11-05 is a Tuesday, 2025-03-10 a Monday,
# 2023-06-15 a Thursday, 2022-12-30 a Friday, 2025-01-02 a Thursday.
CASES = [
    ("2024-11-05", "de", "Am [Donnerstag|DATE|2024-10-31] hat das Parlament in Moskau das Abkommen gebilligt."),
    ("2024-11-05", "de", "Der Präsident sagte am [Montagabend|TIME|2024-11-04TEV] in seiner Videoansprache, die Lage sei ernst."),
    ("2024-11-05", "de", "Die zweite Kammer soll am [Mittwoch|DATE|2024-11-06] über den Vertrag abstimmen."),
    ("2024-11-05", "de", "Bereits am [5. Oktober|DATE|2024-10-05] waren bei einem Angriff mehrere Offiziere getötet worden."),
    ("2024-11-05", "de", "Das Abkommen war im [Juni|DATE|2024-06] bei einem Staatsbesuch unterzeichnet worden."),
    ("2024-11-05", "de", "Seit [August 2023|DATE|2023-08] seien rund 13.000 Container geliefert worden, teilte das Ministerium [gestern|DATE|2024-11-04] mit."),
    ("2024-11-05", "de", "Der Krieg hatte im [Februar 2022|DATE|2022-02] mit dem Einmarsch begonnen."),
    ("2024-11-05", "de", "Das Außenministerium erklärte am [31. Oktober|DATE|2024-10-31], man erwarte einen Einsatz [in den kommenden Tagen|DATE|FUTURE_REF]."),
    ("2024-11-05", "de", "[Vor zwei Wochen|DATE|2024-W43] hatte die Regierung noch von 3.000 Soldaten gesprochen."),
    ("2024-11-05", "de", "Die Verhandlungen sollen [nächste Woche|DATE|2024-W46] in Genf fortgesetzt werden."),
    ("2024-11-05", "de", "Die Lieferungen hatten [Ende Oktober|DATE|2024-10] deutlich zugenommen."),
    ("2024-11-05", "de", "[Anfang November|DATE|2024-11] waren die ersten Einheiten an der Front eingetroffen."),
    ("2024-11-05", "de", "Die Inflation lag [Mitte 2024|DATE|2024] bei 2,2 Prozent."),
    ("2024-11-05", "de", "Die Waffenruhe hält seit [drei Jahren|DURATION|P3Y], obwohl es immer wieder Zwischenfälle gibt."),
    ("2024-11-05", "de", "Die Delegationen treffen sich [jeden Montag|SET|XXXX-WXX-1] in Wien."),
    ("2024-11-05", "de", "Die Behörde veröffentlicht die Infektionszahlen [täglich|SET|P1D] auf ihrer Webseite."),
    ("2024-11-05", "de", "Die Ermittlungen dauerten [zwei Wochen|DURATION|P2W] und blieben ohne Ergebnis."),
    ("2024-11-05", "de", "Nach Angaben der Polizei ereignete sich der Unfall [heute Morgen gegen 7.30 Uhr|TIME|2024-11-05T07:30] auf der A9."),
    ("2024-11-05", "de", "Die Männer waren am [3. November|DATE|2024-11-03] festgenommen worden, [am Tag zuvor|DATE|2024-11-02] hatten sie die Grenze überquert."),
    ("2024-11-05", "de", "Im [nächsten Monat|DATE|2024-12] will die Kommission einen Vorschlag vorlegen."),
    ("2024-11-05", "de", "Die Zahl der Asylanträge ist im [vergangenen Jahr|DATE|2023] um zwölf Prozent gesunken."),
    ("2024-11-05", "de", "Die Ratifizierung war [am Wochenende|DATE|2024-W44-WE] in Pjöngjang gefeiert worden."),
    ("2024-11-05", "de", "Der Gipfel ist für den [12. Dezember|DATE|2024-12-12] geplant."),
    ("2024-11-05", "de", "Am [Montag|DATE|2024-11-04] traf der Minister in Kiew ein, am [Abend|TIME|2024-11-04TEV] sprach er vor dem Parlament."),
    ("2024-11-05", "de", "Das Gesetz wurde am [Freitag, 1. November|DATE|2024-11-01] im Amtsblatt verkündet."),
    ("2024-11-05", "de", "[Derzeit|DATE|PRESENT_REF] befinden sich nach Angaben aus Washington 11.000 Soldaten in der Region."),
    ("2024-11-05", "de", "Die Zahl der Toten stieg in den vergangenen [24 Stunden|DURATION|PT24H] auf 41."),
    ("2024-11-05", "de", "Die Sitzung des Sicherheitsrats begann am [4. November um 10 Uhr|TIME|2024-11-04T10:00] Ortszeit."),
    ("2024-11-05", "de", "Seit Beginn der Invasion sind nach UN-Angaben Millionen Menschen aus dem Land geflohen."),
    ("2024-11-05", "de", "Rund 2000 Menschen demonstrierten in Berlin gegen die geplante Reform."),
    ("2024-11-05", "de", "Auf dem August-Bebel-Platz versammelten sich Hunderte Menschen."),
    ("2024-11-05", "de", "Nordkorea hatte im [Oktober|DATE|2024-10] mehrere Raketen getestet."),
    ("2024-11-05", "de", "Die Truppen sollen bis [Mitte Dezember|DATE|2024-12] abgezogen werden."),
    ("2024-11-05", "de", "Die Verhandlungen dauerten [mehrere Stunden|DURATION|PTXH], ein Ergebnis gab es nicht."),
    ("2024-11-05", "de", "Am [24. Februar 2022|DATE|2022-02-24] begann der russische Großangriff auf die Ukraine."),
    ("2024-11-05", "de", "[Gestern Abend|TIME|2024-11-04TEV] teilte die Armee mit, die Stellung sei gehalten worden."),
    ("2024-11-05", "de", "Das Parlament in Seoul wird sich [übermorgen|DATE|2024-11-07] mit dem Thema befassen."),
    ("2024-11-05", "de", "Er war [2019|DATE|2019] zum ersten Mal gewählt worden und regierte [fünf Jahre|DURATION|P5Y] lang."),
    ("2024-11-05", "de", "Im [Frühjahr 2023|DATE|2023-SP] hatte die Armee eine Gegenoffensive begonnen."),
    ("2024-11-05", "de", "Die Zahlen für das [dritte Quartal|DATE|2024-Q3] liegen inzwischen vor."),
    ("2024-11-05", "de", "Der Kreml hatte die Berichte am [Samstag|DATE|2024-11-02] als Provokation zurückgewiesen."),
    ("2024-11-05", "de", "Die Abgeordneten hatten den Entwurf am [29.10.2024|DATE|2024-10-29] in erster Lesung beraten."),
    ("2025-03-10", "de", "Im [Juni|DATE|2024-06] hatte die Regierung das Gesetz noch verteidigt."),
    ("2025-03-10", "de", "Die Koalitionsspitzen waren am [Sonntag|DATE|2025-03-09] zu einer Krisensitzung zusammengekommen."),
    ("2025-03-10", "de", "Am [Donnerstag|DATE|2025-03-13] will der Bundestag über das Paket abstimmen."),
    ("2025-03-10", "de", "Der Streik hatte am [4. März|DATE|2025-03-04] begonnen und dauerte [fünf Tage|DURATION|P5D]."),
    ("2025-03-10", "de", "[Vorgestern|DATE|2025-03-08] hatten Demonstranten die Zufahrt zum Hafen blockiert."),
    ("2025-03-10", "de", "Das Urteil wird für [Ende April|DATE|2025-04] erwartet."),
    ("2025-03-10", "de", "Der Ausschuss tagt seit [Monaten|DURATION|PXM] ohne Ergebnis."),
    ("2025-03-10", "de", "Die Erzeugerpreise stiegen im [ersten Quartal 2025|DATE|2025-Q1] stärker als erwartet."),
    ("2025-03-10", "de", "[2023|DATE|2023] waren noch 1,2 Millionen Menschen von der Dürre betroffen."),
    ("2025-03-10", "de", "Die Anlage wurde in den [1990er Jahren|DATE|199] gebaut und gilt als marode."),
    ("2025-03-10", "de", "Um [14 Uhr|TIME|2025-03-10T14:00] begann die Pressekonferenz im Kanzleramt."),
    ("2025-03-10", "de", "Der Journalist verbrachte [anderthalb Jahre|DURATION|P1.5Y] in Untersuchungshaft."),
    ("2025-03-10", "de", "Die Opposition fordert seit [Wochen|DURATION|PXW] Neuwahlen."),
    ("2025-03-10", "de", "[Letztes Jahr|DATE|2024] wurden in dem Bundesland 200 Fälle gezählt."),
    ("2023-06-15", "de", "Am [Dienstag|DATE|2023-06-13] legte das Kabinett den Entwurf vor, am [Mittwoch|DATE|2023-06-14] folgte die erste Lesung."),
    ("2023-06-15", "de", "Das nächste Treffen findet am [kommenden Montag|DATE|2023-06-19] in Brüssel statt."),
    ("2023-06-15", "de", "[Letzten Freitag|DATE|2023-06-09] war der Pegel um 40 Zentimeter gestiegen."),
    ("2023-06-15", "de", "Die Grenzkontrollen gelten vorerst bis [Ende Juni|DATE|2023-06]."),
    ("2023-06-15", "de", "Im [Herbst|DATE|2022-FA] hatte die Regierung die Gaspreisbremse beschlossen."),
    ("2023-06-15", "de", "Der Abschlussbericht soll im [Herbst|DATE|2023-FA] erscheinen."),
    ("2023-06-15", "de", "[Diese Woche|DATE|2023-W24] beginnen in Genf die Gespräche über einen Gefangenenaustausch."),
    ("2023-06-15", "de", "Die letzte Lieferung erfolgte am [2. Juni|DATE|2023-06-02], teilte der Konzern mit."),
    ("2023-06-15", "de", "Seit dem [1. Januar|DATE|2023-01-01] gilt die neue Regelung für alle Neubauten."),
    ("2023-06-15", "de", "Die Frist für Einwände endet am [30.06.2023|DATE|2023-06-30]."),
    ("2023-06-15", "de", "Der Preis für Butter hat sich innerhalb [eines Jahres|DURATION|P1Y] fast verdoppelt."),
    ("2022-12-30", "de", "Am [Montag|DATE|2022-12-26] fiel in weiten Teilen der Stadt der Strom aus."),
    ("2022-12-30", "de", "Im [kommenden Jahr|DATE|2023] sollen die Netzentgelte erneut steigen."),
    ("2022-12-30", "de", "[Vor einem Monat|DATE|2022-11] hatte der Versorger noch Entwarnung gegeben."),
    ("2025-01-02", "de", "Am [Dienstag|DATE|2024-12-31] hatte der Präsident seine Neujahrsansprache aufgezeichnet."),
    ("2025-01-02", "de", "Im [Dezember|DATE|2024-12] war die Arbeitslosigkeit saisonbedingt gestiegen."),
    ("2025-01-02", "de", "Die Reform tritt im [März|DATE|2025-03] in Kraft."),
    ("2025-01-02", "de", "Die Bilanz für [2024|DATE|2024] fällt nach Angaben des Verbands gemischt aus."),
    ("2025-01-02", "de", "Die Behörde rechnet damit, dass die Sanierung [zwei Jahre|DURATION|P2Y] dauern wird."),
    (None, "de", "Die Mauer fiel am [9. November 1989|DATE|1989-11-09], knapp [ein Jahr später|DATE|1990] war Deutschland wiedervereinigt."),
    (None, "de", "Der Vertrag wurde am [31.10.2024|DATE|2024-10-31] in Brüssel unterzeichnet."),
    (None, "de", "Die Konferenz dauerte [drei Tage|DURATION|P3D] und endete ohne Abschlusserklärung."),
    ("2024-11-05", "en", "Lawmakers approved the treaty on [Thursday|DATE|2024-10-31] after a short debate."),
    ("2024-11-05", "en", "The agreement was signed in [June|DATE|2024-06] during a visit to Pyongyang."),
    ("2024-11-05", "en", "[Two weeks ago|DATE|2024-W43], officials had denied the reports."),
    ("2024-11-05", "en", "The war began on [February 24, 2022|DATE|2022-02-24] and has lasted more than [two years|DURATION|P2Y]."),
    ("2024-11-05", "fr", "Les députés russes ont ratifié le traité [jeudi|DATE|2024-10-31] à Moscou."),
    ("2024-11-05", "fr", "Le traité avait été signé en [juin|DATE|2024-06] lors d'une visite à Pyongyang."),
    ("2024-11-05", "fr", "[Hier|DATE|2024-11-04], le ministère a annoncé de nouvelles sanctions."),
]

_MARK = re.compile(r"\[([^\[\]|]+)\|(DATE|TIME|DURATION|SET)\|([^\]]+)\]")


def parse_marked(text: str) -> tuple[str, list[dict]]:
    """'Am [Montag|DATE|2024-11-04] ...' -> (plain text, timexes with offsets)."""
    out, spans, pos = [], [], 0
    plain_len = 0
    for m in _MARK.finditer(text):
        out.append(text[pos:m.start()])
        plain_len += m.start() - pos
        expr = m.group(1)
        spans.append({"start": plain_len, "end": plain_len + len(expr), "text": expr, "type": m.group(2), "value": m.group(3)})
        out.append(expr)
        plain_len += len(expr)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans


def _type_of(name: str, timex: str | None, text: str = "") -> str:
    name = name.split(".")[-1].lower()
    if timex and timex.endswith("_REF"):
        return "DATE"
    if timex is None and re.fullmatch(r"(?:genau\s+)?jetzt|heute|gerade(?:\s+eben)?", text.strip(), re.I):
        return "DATE"  # extractor files: the parser files give these PRESENT_REF / a day (TIMEX3: DATE)
    return {"date": "DATE", "daterange": "DATE", "time": "TIME", "timerange": "TIME", "datetime": "TIME",
            "datetimerange": "TIME", "duration": "DURATION", "set": "SET"}.get(name, "DATE")


def _concretise(timex: str, resolved: str | None) -> str | None:
    """Fill the X-parts of a date timex from a resolved 'YYYY-MM-DD[ hh:mm:ss]'."""
    if not resolved or not re.match(r"\d{4}-\d{2}-\d{2}", resolved):
        return None
    date_part, sep, rest = timex.partition("T")
    y, m, d = resolved[:4], resolved[5:7], resolved[8:10]
    if re.fullmatch(r"XXXX-(?:WXX-\d|XX-\d\d|\d\d-\d\d)", date_part):
        date_part = f"{y}-{m}-{d}"
    elif re.fullmatch(r"XXXX-\d\d", date_part):
        date_part = f"{y}-{m}"
    else:
        return None
    return date_part + (sep + rest if sep else "")


def _resolutions(res: dict) -> tuple[str | None, list[str]]:
    """(timex, [past, future] resolved date strings) of one result."""
    val = res.get("Value") or res.get("Resolution") or {}
    if "values" in val:
        items = val["values"]
        timex = items[0].get("timex") if items else None
        dates = [it.get("value") or it.get("start") for it in items]
        return timex, [d for d in dates if d]
    timex = val.get("Timex")
    dates = []
    for key in ("PastResolution", "FutureResolution"):
        r = val.get(key) or {}
        d = r.get("date") or r.get("startDate") or r.get("dateTime") or r.get("startDateTime")
        if d:
            dates.append(d)
    return timex, dates


def convert_case(case: dict, fname: str) -> dict | None:
    ns = (case.get("NotSupported", "") + "," + case.get("NotSupportedByDesign", "")).lower()
    if "python" in ns:
        return None
    text = case["Input"]
    dct = ((case.get("Context") or {}).get("ReferenceDateTime") or "")[:10] or None
    gold = []
    for res in case.get("Results", []):
        start = res["Start"]
        end = start + res["Length"] if "Length" in res else res["End"] + 1
        if text[start:end].lower() != res["Text"].lower():
            return None
        typename = res.get("Type") or res.get("TypeName") or ""
        timex, dates = _resolutions(res)
        if (timex and timex.startswith("(")) or ("range" in typename and _RANGE_TEXT.search(res["Text"])):
            return None
        item = {"start": start, "end": end, "text": text[start:end], "type": _type_of(typename, timex, res["Text"]), "value": timex}
        if timex and "X" in timex.split("T")[0] and dct and dates:
            concrete = [c for c in (_concretise(timex, d) for d in dates) if c]
            if concrete:
                item["value"] = concrete[0]
                item["alt_values"] = sorted(set(concrete[1:] + [timex]) - {concrete[0]})
        gold.append(item)
    return {"text": text, "dct": dct, "lang": "de", "timexes": gold, "source": f"recognizers-text/{fname}"}


def split_of(text: str) -> str:
    return "heldout" if int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16) % 5 == 0 else "dev"


def build() -> list[dict]:
    rows: list[dict] = []
    seen: set[tuple] = set()
    spec_dir = shared_data("time", "recognizers-text-de", "DateTime")
    if spec_dir.exists():
        for path in sorted(spec_dir.glob("*.json")):
            if path.name in SKIP_FILES:
                continue
            for case in json.loads(path.read_text(encoding="utf-8-sig")):
                row = convert_case(case, path.name)
                if row is None or (row["text"], row["dct"]) in seen:
                    continue
                seen.add((row["text"], row["dct"]))
                rows.append(row)
    else:
        print(f"note: {spec_dir} not found, writing own cases only", file=sys.stderr)
    for dct, lang, marked in CASES:
        text, spans = parse_marked(marked)
        rows.append({"text": text, "dct": dct, "lang": lang, "timexes": spans, "source": "lagebild-news"})
    for row in rows:
        row["split"] = split_of(row["text"])
    return rows


def main() -> None:
    rows = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    by = {}
    for r in rows:
        key = (r["source"].split("/")[0], r["split"])
        by[key] = by.get(key, 0) + 1
    print(json.dumps({"rows": len(rows), "timexes": sum(len(r["timexes"]) for r in rows),
                      "by_source_split": {f"{a}:{b}": n for (a, b), n in sorted(by.items())}}))


if __name__ == "__main__":
    main()
