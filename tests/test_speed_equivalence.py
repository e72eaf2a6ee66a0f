"""Speed-ups that must not change results (issue 18): each checked against the plain version."""
import random
from dataclasses import asdict

from lagebild.analyse import quote_marks
from lagebild.analyse.speakers import tokenize
from lagebild.records import Article, Figure, Quote, Timex, plain_dict


def _pair_quotes_char_by_char(text, start=0, end=None, open_at=None, trace=None):
    """pair_quotes as it was before issue 18: every character visited."""
    end = len(text) if end is None else end
    out = []
    i = start
    while i < end:
        if trace is not None and trace[-1][1] != open_at:
            trace.append((i, open_at))
        ch = text[i]
        if ch == "\n":
            open_at = None
        elif open_at is None:
            if ch in quote_marks._CLOSERS and quote_marks._opens(text, i):
                open_at = i
        else:
            op = text[open_at]
            spaced = op in "«»" and text[open_at + 1] == " " and text[i - 1] == " "
            if ch in quote_marks._CLOSERS[op] and (quote_marks._closes(text, i) or spaced):
                if i > open_at + 1:
                    out.append((open_at, i))
                open_at = None
        i += 1
    return out


def test_pair_quotes_jumps_to_the_same_result():
    rng = random.Random(18)
    alphabet = "„“”\"»«‚‘’›‹\n .,abcXY"
    texts = ["„Ja“, sagte er. »Nein« – ‚vielleicht‘.\n„offen", "« Oui », dit-il. \"So\" und \"so\""]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 80))) for _ in range(2000)]
    for text in texts:
        for start, end in ((0, None), (len(text) // 3, len(text)), (0, len(text) // 2)):
            want_trace, got_trace = [(0, None)], [(0, None)]
            want = _pair_quotes_char_by_char(text, start, end, trace=want_trace)
            assert quote_marks.pair_quotes(text, start, end, trace=got_trace) == want, text
            assert got_trace == want_trace, text


def test_plain_dict_is_asdict():
    records = [
        Article(id="a", source="s", text="Text", authors=["A B"], agency=["dpa"], removed_lines=[]),
        Quote(article_id="a", start=0, end=4, text="Text", direct=True, speaker="X", attributed_to=["X"]),
        Figure(article_id="a", start=0, end=1, text="3", value=3.0, low=3.0, high=3.0, qualifier="exact"),
        Timex(article_id="a", start=0, end=4, text="2024", type="DATE", value="2024"),
    ]
    for rec in records:
        assert plain_dict(rec) == asdict(rec) and list(plain_dict(rec)) == list(asdict(rec))
    nested = Quote(article_id="a", start=0, end=4, text="Text", direct=True, attributed_to=[["x"]])
    assert plain_dict(nested) == asdict(nested)  # not flat: asdict itself
    got = plain_dict(records[0])
    assert got["authors"] is not records[0].authors  # a copy, as asdict gives


def test_tokenize_cache_gives_fresh_lists():
    text = "Der Minister sagte, das sei „falsch“."
    first = tokenize(text, 0, 4, len(text))
    first.pop()
    again = tokenize(text, 0, 4, len(text))
    assert [t.text for t in again] == ["Minister", "sagte", ",", "das", "sei", "„", "falsch", "“", "."]
    assert [(t.start, t.end) for t in tokenize(text, 100, 0, 3)] == [(100, 103)]
