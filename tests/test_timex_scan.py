"""The trigger-window scan of timex rules finds exactly what `finditer` finds (issue 18)."""
import json
import re
from pathlib import Path

import pytest

from lagebild.analyse import timex_rules
from lagebild.analyse.timex_scan import _ALPHABET, _FOLD_EXTRA, TextScan, plan

DATA = Path(__file__).parent / "data"

HOSTILE = [
    "im   \n\n  Oktober 2019 und Mitte   November",  # whitespace runs before the trigger
    "İm Oktober 2020, am 3. Mäꓘz",  # lower-casing changes the length: scanned whole
    "ſeptember 2020 und ſeit drei Jahren",  # long s matches 's' case-insensitively
    "am 3. \u212aW 12 um 14 Uhr",  # Kelvin sign
    "vor" + "\t" * 60 + "drei Wochen, " + "x" * 80 + "Ende des Jahres 2020",
    "MITTE OKTOBER 2021 UM 14 UHR, am Montagabend, seit 1999, 2005/06, Sommer 2019",
    "Vom 3. bis 5. Mai 2021 und 12.-14. Juni; 23:45 Uhr; 1990er Jahre; 3 h später",
]


def _texts() -> list[str]:
    texts = list(HOSTILE)
    for line in (DATA / "time_dev.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item.get("split") == "dev":
            texts.append(item["text"])
    for name in ("quotes_cases.jsonl", "numbers_en_fr.jsonl", "quotes_cases_en_fr.jsonl"):
        texts += [json.loads(line).get("text", "") for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    return texts


@pytest.mark.parametrize("lang", ["de", "en", "fr"])
def test_same_matches_as_finditer(lang):
    rules = timex_rules.RULES[lang] + timex_rules.RULES.get("*", [])
    assert any(plan(r.regex) for r in rules)  # the windows are used at all
    for text in _texts():
        scan = TextScan(text)
        for r in rules:
            want = [m.span() for m in r.regex.finditer(text) if m.end() > m.start()]
            assert [m.span() for m in scan.finditer(r.regex)] == want, (r.name, text[:80])


def test_a_trigger_far_from_the_start_is_found():
    # the month rule may open with 'Mitte', a relative word and whitespace runs before the month
    text = "Das war  Mitte    vergangenen     Oktobers so."
    rule = next(r for r in timex_rules.RULES["de"] if r.name == "month")
    assert plan(rule.regex) is not None
    assert [m.group() for m in TextScan(text).finditer(rule.regex)] == [m.group() for m in rule.regex.finditer(text)]


def test_fold_extra_lists_every_foreign_case_match():
    """Every character that matches a trigger character case-insensitively lower-cases to it, or
    is in _FOLD_EXTRA (which sends the text to the whole scan)."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    letters = sorted(c for c in _ALPHABET if c.lower() != c.upper())
    for ch in set(re.findall("[" + re.escape("".join(letters)) + "]", every, re.IGNORECASE)):
        for letter in letters:
            if re.fullmatch(re.escape(letter), ch, re.IGNORECASE) and ch.lower() != letter:
                assert _FOLD_EXTRA.match(ch), (ch, hex(ord(ch)), letter)
