"""Speed-ups that must not change results (issue 18): each checked against the plain version."""
import json
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


def test_ner_through_numpy_blas_tags_like_blis(monkeypatch):
    """The NER model's products run through numpy's BLAS (entities._numpy_blas): the same entities
    as thinc's default blis on real news sentences, and BLAS held to one thread."""
    from pathlib import Path

    import pytest
    from thinc.api import NumpyOps

    import lagebild
    from lagebild.analyse.entities import load_model, model_path, tag
    from lagebild.analyse.nlp import split_sentences

    def ops_of(nlp):
        return [n.ops for _, c in nlp.pipeline for n in c.model.walk() if isinstance(n.ops, NumpyOps)]

    ours = load_model()
    assert ops_of(ours) and not any(o.use_blis for o in ops_of(ours))
    monkeypatch.setenv("LAGEBILD_NER_BLIS", "1")
    blis = load_model.__wrapped__(str(model_path()))  # a second copy, loaded as thinc would
    assert all(o.use_blis for o in ops_of(blis))
    demo = Path(lagebild.__file__).parent / "data" / "demo"
    texts = [f.read_text(encoding="utf-8") for f in sorted(demo.glob("*.txt"))]
    texts += [json.loads(line)["text"] for line in (demo / "agentur.jsonl").read_text(encoding="utf-8").splitlines()]
    sentences = [t[a:b] for t in texts for a, b in split_sentences(t, "de")]
    assert len(sentences) > 20

    def ents(nlp):
        return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in tag(nlp, sentences)]

    got = ents(ours)
    assert sum(map(len, got)) > 10 and got == ents(blis)
    threadpoolctl = pytest.importorskip("threadpoolctl")
    blas = [i for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]
    assert blas and all(i["num_threads"] == 1 for i in blas)


def test_analysis_leaves_the_model_vocabulary_as_it_found_it(monkeypatch):
    """Once the model's vocabulary has grown by ZONE_AFTER_STRINGS (here: at once), sentence
    splitting and tagging run in a spaCy memory zone (analyse._memory_zone): new words do not stay in
    the model's string store (a long ingest or server would grow with every word it reads), and the
    analysis is the same as without the zone."""
    import random

    import lagebild.analyse
    from lagebild.analyse import analyse_article, analyse_batch
    from lagebild.analyse.entities import load_model
    from lagebild.records import Article

    rng = random.Random(7)
    syl = ["ka", "lo", "mir", "dan", "ter", "bel", "os", "ri", "vak", "zen", "hu", "gor"]

    def name():
        return "".join(rng.choice(syl) for _ in range(4)).capitalize()

    arts = [Article(id=f"a{i}", source="x", language="de", published="2024-03-05",
                    text=" ".join(f"{name()} {name()} sagte am Montag in {name()}, die {name()}-Werke hätten "
                                  f"{rng.randint(2, 900)} Mitarbeiter." for _ in range(4)))
            for i in range(12)]
    nlp = load_model()
    analyse_batch(arts[:1])
    before = len(nlp.vocab.strings)
    analyse_batch(arts[1:2])  # below the growth budget: no zone, the new words stay
    assert len(nlp.vocab.strings) > before
    before = len(nlp.vocab.strings)
    monkeypatch.setattr(lagebild.analyse, "ZONE_AFTER_STRINGS", 0)
    zoned = [asdict(d) for d in analyse_batch(arts)] + [asdict(analyse_article(arts[0]))]
    assert len(nlp.vocab.strings) == before
    monkeypatch.setenv("LAGEBILD_MEMORY_ZONES", "0")
    plain = [asdict(d) for d in analyse_batch(arts)] + [asdict(analyse_article(arts[0]))]
    assert len(nlp.vocab.strings) > before + 100  # without the zone every invented word stays
    assert zoned == plain and any(d["mentions"] for d in zoned)
