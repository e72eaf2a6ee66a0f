"""Build the figure dev sets.

    python training/numbers/build_dev.py            # writes the three files below

* tests/data/numbers_dev.jsonl -- hand-written cases (CASES below; invented sentences, no
  copied article text), gold per the convention documented in lagebild/analyse/numbers.py.
* tests/data/numbers_fresh.jsonl -- FRESH_CASES, written after the rules were frozen.
* tests/data/numbers_recognizers.jsonl -- derived from Microsoft Recognizers-Text German
  specs (MIT, Copyright (c) Microsoft Corporation; shared/data/time/recognizers-text-de):
  Number, Percent, NumberRange,
  Currency and Dimension models give positives; Ordinal, Date/Time extractor and phone
  specs give negatives (inputs whose only numbers are dates, times, ordinals -> no figure).
  Their conventions differ from ours in places, converted here by rule: bare articles
  ('ein', 'eine') and 'null' are not figures; two numbers joined by 'bis' / '-' /
  'zwischen ... und' are one range; a hedge right before a number joins its span and sets
  the bounds (the numbers.HEDGES table); fractions without a number word are dropped.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from lagebild.analyse.numbers import HEDGES  # noqa: E402
from lagebild.datapaths import shared_data  # noqa: E402

OUT_DEV = REPO / "tests" / "data" / "numbers_dev.jsonl"
OUT_REC = REPO / "tests" / "data" / "numbers_recognizers.jsonl"
OUT_FRESH = REPO / "tests" / "data" / "numbers_fresh.jsonl"


def r6(x):
    return None if x is None else float(f"{x:.12g}")


def ex(v):
    return ("exact", v, v, v)


def ap(v):
    return ("approx", v, r6(0.9 * v), r6(1.1 * v))


def kn(v):  # knapp / fast
    return ("approx", v, r6(0.9 * v), v)


def gu(v):  # gut
    return ("approx", v, v, r6(1.1 * v))


def al(v):
    return ("at_least", v, v, None)


def am(v):
    return ("at_most", v, None, v)


def rg(lo, hi):
    return ("range", None, lo, hi)


def vg(lo, hi):
    return ("vague", None, lo, hi)


# (text, [(surface, gold)]) -- surfaces are found left to right in the text
CASES = [
    ("Nach Angaben der Behörden wurden mindestens 3.000 Soldaten in die Region verlegt.", [("mindestens 3.000", al(3000))]),
    ("Die Regierung spricht von etwa 1.500 Kämpfern an der Grenze.", [("etwa 1.500", ap(1500))]),
    ("Insgesamt 11.000 ausländische Soldaten seien beteiligt, hieß es.", [("11.000", ex(11000))]),
    ("Es würden \"mehrere tausend\" Rekruten ausgebildet, sagte ein Sprecher.", [("mehrere tausend", vg(2000, 9999))]),
    ("Tausende Menschen gingen am Samstag auf die Straße.", [("Tausende", vg(2000, 9999))]),
    ("Das Land lieferte bis zu 8 Millionen Granaten.", [("bis zu 8 Millionen", am(8e6))]),
    ("Der Konzern machte einen Verlust von 1,6 Millionen Euro.", [("1,6 Millionen Euro", ex(1.6e6))]),
    ("Die Stadt erhält 8 Mio. Euro vom Bund.", [("8 Mio. Euro", ex(8e6))]),
    ("Der Fonds umfasst $2 Mrd. und soll 2027 aufgestockt werden.", [("$2 Mrd.", ex(2e9))]),
    ("Die Strafe beträgt 300 Franken.", [("300 Franken", ex(300))]),
    ("Zwölftausend Fans füllten das Stadion.", [("Zwölftausend", ex(12000))]),
    ("Die Polizei nahm drei Verdächtige fest.", [("drei", ex(3))]),
    ("Zweihundertfünfzig Schüler nahmen an dem Wettbewerb teil.", [("Zweihundertfünfzig", ex(250))]),
    ("Dutzende Häuser wurden durch das Hochwasser beschädigt.", [("Dutzende", vg(24, 99))]),
    ("Hunderte Anwohner mussten ihre Wohnungen verlassen.", [("Hunderte", vg(200, 999))]),
    ("Einige hundert Demonstranten versammelten sich vor dem Rathaus.", [("Einige hundert", vg(200, 999))]),
    ("Die Firma beschäftigt knapp 70 Mitarbeiter.", [("knapp 70", kn(70))]),
    ("Der Hafen schlug rund 13.000 Container um.", [("rund 13.000", ap(13000))]),
    ("Über 10.000 Menschen sahen das Konzert.", [("Über 10.000", al(10000))]),
    ("Bei dem Erdbeben starben mehr als 3.000 Menschen.", [("mehr als 3.000", al(3000))]),
    ("Die Schätzungen liegen zwischen 1.500 und 3.000 Teilnehmern.", [("zwischen 1.500 und 3.000", rg(1500, 3000))]),
    ("Erwartet werden 1.500 bis 3.000 Gäste.", [("1.500 bis 3.000", rg(1500, 3000))]),
    ("Man rechnet mit 1.500-3.000 Besuchern pro Tag.", [("1.500-3.000", rg(1500, 3000))]),
    ("Die Inflation stieg auf 12,5 Prozent.", [("12,5 Prozent", ex(12.5))]),
    ("Die Partei kam auf 12 % der Stimmen.", [("12 %", ex(12))]),
    ("Das Paket hat einen Umfang von 5 Millionen Euro.", [("5 Millionen Euro", ex(5e6))]),
    ("Die Pipeline ist 1.200 Kilometer lang.", [("1.200 Kilometer", ex(1200))]),
    ("Die Armee rückte fast 500 Quadratkilometer vor.", [("fast 500 Quadratkilometer", kn(500))]),
    ("Auf dem Schiff befanden sich 40 Tonnen Weizen.", [("40 Tonnen", ex(40))]),
    ("Der Turm ist 120 Meter hoch.", [("120 Meter", ex(120))]),
    ("Am 5. Oktober trafen sich die Minister in Brüssel.", []),
    ("Im Jahr 2023 wurde das Gesetz verabschiedet.", []),
    ("Seit 2022 gilt die neue Regel.", []),
    ("Punkt 4 des Abkommens regelt die Hilfe, der vierte Punkt die Finanzierung.", []),
    ("Nach Artikel 5 des Vertrags ist ein Angriff auf einen ein Angriff auf alle.", []),
    ("Die Sitzung beginnt um 15 Uhr und endet um 17.30 Uhr.", []),
    ("Erreichbar ist die Hotline unter 030 1234567 oder +49 30 7654321.", []),
    ("Die F-16 und die MiG-29 gehören zu den bekanntesten Kampfjets.", []),
    ("Der Gipfel der G7 fand in Italien statt.", []),
    ("Die 3. Panzerbrigade wurde an die Front verlegt.", []),
    ("Der Vertrag wurde am 19.06.2024 unterzeichnet.", []),
    ("Bundeskanzler Scholz (66) reiste nach Paris.", []),
    ("Der Krieg dauert nun schon drei Jahre.", []),
    ("Ein 32-Jähriger wurde festgenommen.", []),
    ("Das Programm läuft von 2022 bis 2025.", []),
    ("Die Zahl der Toten stieg auf 120.", [("120", ex(120))]),
    ("Laut Polizei wurden etwa 40 Menschen verletzt, darunter zwölf Kinder.", [("etwa 40", ap(40)), ("zwölf", ex(12))]),
    ("Mehr als 2000 Feuerwehrleute waren im Einsatz.", [("Mehr als 2000", al(2000))]),
    ("Die Hilfe umfasst Munition im Wert von 725 Millionen Dollar.", [("725 Millionen Dollar", ex(725e6))]),
    ("Das Unternehmen streicht weltweit gut 5.000 Stellen.", [("gut 5.000", gu(5000))]),
    ("Weniger als 5 Prozent der Befragten stimmten zu.", [("Weniger als 5 Prozent", am(5))]),
    ("Höchstens 200 Personen dürfen teilnehmen.", [("Höchstens 200", am(200))]),
    ("Die Zahl sank auf unter 1.000.", [("unter 1.000", am(1000))]),
    ("Ca. 250 Wohnungen sollen entstehen.", [("Ca. 250", ap(250))]),
    ("Die Firma erzielte einen Umsatz von 2,3 Milliarden Euro, ein Plus von 4,5 Prozent.",
     [("2,3 Milliarden Euro", ex(2.3e9)), ("4,5 Prozent", ex(4.5))]),
    ("Zwei Drittel der Befragten sind unzufrieden.", [("Zwei Drittel", ("exact", 0.666667, 0.666667, 0.666667))]),
    ("Eine halbe Million Menschen ist betroffen.", [("Eine halbe Million", ex(5e5))]),
    ("Die Kosten werden auf zwei bis drei Milliarden Euro geschätzt.", [("zwei bis drei Milliarden Euro", rg(2e9, 3e9))]),
    ("Ein Dutzend Panzer wurde zerstört.", [("Ein Dutzend", ex(12))]),
    ("Hunderttausende flohen vor den Kämpfen.", [("Hunderttausende", vg(2e5, 999999))]),
    ("Zehntausende Menschen protestierten gegen die Reform.", [("Zehntausende", vg(2e4, 99999))]),
    ("Das Projekt kostet mehrere Millionen Euro.", [("mehrere Millionen Euro", vg(2e6, 9999999))]),
    ("Der Schaden geht in die Hunderte Millionen Euro.", [("Hunderte Millionen Euro", vg(2e8, 999999999))]),
    ("Die Gemeinde zählt 4 500 Einwohner.", [("4 500", ex(4500))]),
    ("Die Aktie verlor 3,2 Prozentpunkte.", [("3,2 Prozentpunkte", ex(3.2))]),
    ("Der Wagen fuhr mit 180 km/h durch den Ort.", [("180 km/h", ex(180))]),
    ("Die Lieferung umfasst 14 Kampfpanzer und 30 Schützenpanzer.", [("14", ex(14)), ("30", ex(30))]),
    ("Annähernd 90 Prozent der Stimmen entfielen auf den Amtsinhaber.", [("Annähernd 90 Prozent", kn(90))]),
    ("Nach Schätzungen leben ungefähr 8 Millionen Menschen in der Stadt.", [("ungefähr 8 Millionen", ap(8e6))]),
    ("Der Staat nahm 2,5 Mrd. Euro an Steuern ein.", [("2,5 Mrd. Euro", ex(2.5e9))]),
    ("Im dritten Quartal wurden 820 neue Fälle gemeldet.", [("820", ex(820))]),
    ("Die Regierung stellte weitere 50 Millionen Euro bereit.", [("50 Millionen Euro", ex(5e7))]),
    ("Laut dem Bericht starben im Jahr 2022 rund 2.800 Menschen im Straßenverkehr.", [("rund 2.800", ap(2800))]),
    ("Das Feuer vernichtete 1.200 Hektar Wald.", [("1.200 Hektar", ex(1200))]),
    ("Es waren wohl an die 300 Menschen.", [("an die 300", ap(300))]),
    ("Das Land verfügt über mindestens 50 Atomsprengköpfe.", [("mindestens 50", al(50))]),
    ("Die Ausstellung zeigt Werke aus fünf Jahrhunderten.", []),
    ("Sie ist die Nummer eins im Welttennis.", []),
    ("Die Linie 5 fährt alle zehn Minuten.", []),
    ("Das Spiel endete 3:1 für die Gäste.", []),
]

# Written after the rules were frozen and scored once, without tuning on them
# (tests/data/numbers_fresh.jsonl): an honest estimate for unseen phrasing.
FRESH_CASES = [
    ("Bei dem Busunglück kamen 14 Menschen ums Leben, 23 weitere wurden verletzt.", [("14", ex(14)), ("23", ex(23))]),
    ("Die Bundesregierung rechnet mit Mehrkosten von rund 2,4 Milliarden Euro.", [("rund 2,4 Milliarden Euro", ap(2.4e9))]),
    ("Nach UN-Angaben sind seit Jahresbeginn mehr als 120.000 Menschen geflohen.", [("mehr als 120.000", al(120000))]),
    ("Das Hilfswerk verteilte knapp 3.500 Decken und 800 Zelte.", [("knapp 3.500", kn(3500)), ("800", ex(800))]),
    ("Die Arbeitslosenquote sank im März auf 5,7 Prozent.", [("5,7 Prozent", ex(5.7))]),
    ("Der Bau des Tunnels soll zwischen 800 Millionen und 1,2 Milliarden Euro kosten.",
     [("zwischen 800 Millionen und 1,2 Milliarden Euro", rg(8e8, 1.2e9))]),
    ("Hunderte Feuerwehrleute kämpften gegen die Flammen, die bereits 2.000 Hektar erfasst hatten.",
     [("Hunderte", vg(200, 999)), ("2.000 Hektar", ex(2000))]),
    ("Am 12. Mai stimmten 312 Abgeordnete für das Gesetz, 205 dagegen.", [("312", ex(312)), ("205", ex(205))]),
    ("Die Polizei sprach von einigen tausend Teilnehmern, die Veranstalter von 25.000.",
     [("einigen tausend", vg(2000, 9999)), ("25.000", ex(25000))]),
    ("Mindestens sieben Zivilisten starben bei dem Angriff.", [("Mindestens sieben", al(7))]),
    ("Der Konzern will bis 2030 bis zu 4.000 Stellen abbauen.", [("bis zu 4.000", am(4000))]),
    ("Die Ernte fiel um 15 Prozent geringer aus als im Vorjahr.", [("15 Prozent", ex(15))]),
    ("Rund ein Drittel der Befragten gab an, kein Auto zu besitzen.", [("Rund ein Drittel", ("approx", 0.333333333333, 0.3, 0.366666666667))]),
    ("Das Schiff hatte etwa 60 Tonnen Diesel an Bord.", [("etwa 60 Tonnen", ap(60))]),
    ("Seit 1990 hat sich die Zahl der Einwohner auf 1,8 Millionen verdoppelt.", [("1,8 Millionen", ex(1.8e6))]),
    ("Um 18 Uhr versammelten sich Dutzende Anwohner vor dem Rathaus.", [("Dutzende", vg(24, 99))]),
    ("Das Gericht verurteilte ihn zu einer Geldstrafe von 12.000 Franken.", [("12.000 Franken", ex(12000))]),
    ("Der Wahlkreis 17 meldete eine Beteiligung von über 70 Prozent.", [("über 70 Prozent", al(70))]),
    ("Nur wenige hundert Meter vom Ufer entfernt kenterte das Boot.", [("wenige hundert Meter", ("vague", None, 200, 999))]),
    ("Der Preis stieg auf 95 Dollar je Barrel.", [("95 Dollar", ex(95))]),
    ("Die Strecke ist 42,195 Kilometer lang.", [("42,195 Kilometer", ex(42.195))]),
    ("Zwei der drei Verdächtigen sind inzwischen wieder frei.", [("Zwei", ex(2)), ("drei", ex(3))]),
    ("Die Regierung erwartet ein Wachstum von 0,3 bis 0,5 Prozent.", [("0,3 bis 0,5 Prozent", rg(0.3, 0.5))]),
    ("Es handelt sich um Paragraf 218 des Strafgesetzbuchs.", []),
    ("Die Sitzung wurde auf den 3. Juni vertagt.", []),
    ("Der Zug fährt um 7.45 Uhr von Gleis 9 ab.", []),
]


def build_dev(cases=None) -> list[dict]:
    out = []
    for text, figs in (CASES if cases is None else cases):
        pos = 0
        gold = []
        for surface, (qual, v, lo, hi) in figs:
            i = text.find(surface, pos)
            if i < 0:
                raise SystemExit(f"surface {surface!r} not in {text!r}")
            gold.append({"start": i, "end": i + len(surface), "text": surface, "value": v, "low": lo,
                         "high": hi, "qualifier": qual})
            pos = i + len(surface)
        out.append({"text": text, "figures": gold})
    return out


# ------------------------------------------------------------------ Recognizers-Text specs
_ARTICLES = {"ein", "eine", "einer", "eins", "einen", "einem", "null", "0000", "dollar"}
_NUM_WORD = re.compile(r"\d|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|ßig|zig|hundert|"
                       r"tausend|million|milliard|dutzend|anderthalb|einhalb", re.I)


def _hedge_before(text: str, start: int):
    best = None
    for words, val in HEDGES.items():
        phrase = " ".join(words)
        i = start - len(phrase) - 1
        if i >= 0 and text[i:start - 1].lower() == phrase and text[start - 1] == " " and (i == 0 or not text[i - 1].isalnum()):
            if best is None or i < best[0]:
                best = (i, val)
    return best


def _value(res: dict) -> float | None:
    v = (res.get("Resolution") or {}).get("value")
    if v is None:
        return None
    v = str(v).rstrip("%").replace(",", ".")
    try:
        return float(v)
    except ValueError:
        return None


def _convert(case: dict) -> dict | None:
    text = case["Input"]
    figs = []
    for res in case.get("Results", []):
        t, s = res["Text"], res.get("Start")
        if s is None or text[s:s + len(t)].lower() != t.lower():
            return None
        if t.lower() in _ARTICLES:
            continue
        v = _value(res)
        if res.get("TypeName") == "numberrange":
            rv = (res.get("Resolution") or {}).get("value", "")
            m = re.fullmatch(r"\(,(\d+)\)", rv)
            if not m:
                return None
            n = float(m.group(1))
            figs.append({"start": s, "end": s + len(t), "value": n, "low": None, "high": n, "qualifier": "at_most",
                         "text": text[s:s + len(t)]})
            continue
        if v is None or not _NUM_WORD.search(t) or "/" in t or "halb" in t.lower() and "million" not in t.lower() \
                and "milliard" not in t.lower() and "dutzend" not in t.lower() or "drittel" in t.lower():
            return None  # fractions and partial amounts: conventions differ, drop the case
        figs.append({"start": s, "end": s + len(t), "value": v, "low": v, "high": v, "qualifier": "exact",
                     "text": text[s:s + len(t)]})
    # ranges: 'A bis B', 'A-B', 'zwischen A und B'
    merged = []
    for f in figs:
        if merged:
            p = merged[-1]
            gap = text[p["end"]:f["start"]].strip().lower()
            before = text[:p["start"]].rstrip().lower()
            if gap in ("bis", "-", "–") or (gap == "und" and before.endswith("zwischen")):
                lo = p["value"]
                for word, mult in (("milliard", 1e9), ("million", 1e6), ("tausend", 1e3)):
                    if word in f["text"].lower() and word not in p["text"].lower() and lo is not None \
                            and lo * mult <= f["value"]:
                        lo *= mult  # '100 bis 300 Milliarden': the multiplier covers both
                        break
                start = p["start"] - len("zwischen ") if gap == "und" else p["start"]
                merged[-1] = {"start": start, "end": f["end"], "value": None, "low": lo, "high": f["value"],
                              "qualifier": "range"}
                continue
        merged.append(f)
    if case.get("_source") != "Number/NumberModel.json":
        # models other than NumberModel annotate only their own type: every other number in
        # the input would count as a false positive, so such inputs are not used
        free = "".join(ch for k, ch in enumerate(text) if not any(f["start"] <= k < f["end"] for f in merged))
        if re.search(r"\d", free) or _NUM_WORD.search(free):
            return None
    for f in merged:
        h = _hedge_before(text, f["start"]) if f["qualifier"] in ("exact", "range") else None
        if h is not None and f["qualifier"] == "range":
            f["start"] = h[0]
        elif h is not None:
            i, (q, flo, fhi) = h
            v = f["value"]
            f.update(start=i, qualifier=q, low=r6(v * flo) if flo is not None else None,
                     high=r6(v * fhi) if fhi is not None else None)
        f["text"] = text[f["start"]:f["end"]]
    return {"text": text, "figures": merged, "source": case.get("_source")}


def build_recognizers() -> list[dict]:
    base = shared_data("time", "recognizers-text-de")
    if not base.exists():
        return []
    out = []
    positive = ["Number/NumberModel.json", "Number/PercentModel.json", "Number/NumberRangeModel.json",
                "NumberWithUnit/CurrencyModel.json", "NumberWithUnit/DimensionModel.json"]
    negative = ["Number/OrdinalModel.json", "DateTime/DateExtractor.json", "DateTime/TimeExtractor.json",
                "Sequence/PhoneNumberModel.json"]
    for rel in positive:
        for case in json.loads((base / rel).read_text(encoding="utf-8")):
            case["_source"] = rel
            conv = _convert(case)
            if conv is not None and conv["text"].strip():
                out.append(conv)
    for rel in negative:
        for case in json.loads((base / rel).read_text(encoding="utf-8")):
            text = case["Input"]
            covered = [(r["Start"], r["Start"] + len(r["Text"])) for r in case.get("Results", []) if "Start" in r]
            # a negative only when every digit sits inside an annotated date/time/ordinal
            free = "".join(ch for k, ch in enumerate(text) if not any(a <= k < b for a, b in covered))
            if covered and not re.search(r"\d", free) and not _NUM_WORD.search(free):
                out.append({"text": text, "figures": [], "source": rel})
    return out


def main() -> None:
    dev = build_dev()
    OUT_DEV.parent.mkdir(parents=True, exist_ok=True)
    OUT_DEV.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in dev), encoding="utf-8")
    fresh = build_dev(FRESH_CASES)
    OUT_FRESH.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in fresh), encoding="utf-8")
    rec = build_recognizers()
    if rec:
        OUT_REC.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in rec), encoding="utf-8")
    print(json.dumps({"dev_cases": len(dev), "dev_figures": sum(len(c["figures"]) for c in dev),
                      "fresh_cases": len(fresh), "fresh_figures": sum(len(c["figures"]) for c in fresh),
                      "recognizers_cases": len(rec), "recognizers_figures": sum(len(c["figures"]) for c in rec)}))


if __name__ == "__main__":
    main()
