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


def test_shop_signs_in_the_lowered_page_match_as_case_insensitive_search():
    """The shop check searches the lower-cased page case-sensitively: the same answer as re.I over
    the page, also with the characters that lower() and re.I treat differently (ı, İ, ſ, Kelvin K)."""
    from lagebild.ingest import html

    def shop_by_re_i(page):
        return not html._ARTICLE_TYPE.search(page) and sum(bool(s.search(page)) for s in html._SHOP_SIGNS) >= 2

    rng = random.Random(18)
    pieces = ["In den Warenkorb", "IN DEN WARENKORB", "ın den warenkorb", "İn den Warenkorb", "in den warenkorb",
              "inkl. MwSt", "INKL. 19 % MWST", "zzgl. Versand", "zzgl. VerſAND", "Add to \u212aart", "add to cart",
              "Weine 1 bis 10 von insgesamt 19", "1 BIS 10 VON 19", 'itemprop="price"', "ITEMPROP='PRICE'",
              '"@type": "Product"', '"@TYPE": "aggregateoffer"', '"@type": "NewsArticle"', "<p>Text</p>", " ",
              "Ajouter au panier", "ajouter au panıer", '<meta property="og:type" content="product">']
    pages = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    assert sum(map(shop_by_re_i, pages)) > 300  # both answers occur
    for page in pages:
        assert html._shop_page(page) == shop_by_re_i(page), page


def test_date_checks_on_the_shared_tree_answer_as_on_their_own_parse():
    """find_publication_date parses the script-free page once for its checks; each check given that
    tree answers as when it parses the page itself."""
    from lagebild.ingest import html

    article = ("<html><body><header class='site-header'>Sonntag, 6. Dezember 2026</header><h1>Titel</h1>"
               "<p>Berlin, 12.03.2021 – Der Bundestag beschloss am 12.03.2021 das Gesetz.</p>{aside}"
               "<ul><li><a href='/other'>Bericht vom 02.01.2016</a></li></ul></body></html>")
    for aside in ("", "<aside>Am 12.03.2021 erschienen</aside>"):
        parsed = html._script_free(article.format(aside=aside))
        assert (parsed._tree is not None) == (not aside)  # the parse is kept only when no box was removed
        for date in ("2021-03-12", "2016-01-02", "2026-12-06", "2020-05-05"):
            for url in (None, "https://example.org/2021/03/12/gesetz"):
                assert html._only_beside_the_article(date, parsed.page, parsed) == \
                    html._only_beside_the_article(date, parsed.page)
                assert html._teasers_only(date, parsed.page, url, parsed) == html._teasers_only(date, parsed.page, url)


def test_features_from_kept_text_terms_equal_features_computed_afresh():
    """Workers keep the text part of each article's clustering features (keep_text_terms); the
    features the main process then builds equal those computed afresh: German with and without
    mentions (names from the text then), English (names as phrases), and after the name propagation
    added mentions; a changed text or title is not served from the kept terms."""
    import copy

    from lagebild.analyse import analyse_article
    from lagebild.link.propagate import propagate_names
    from lagebild.link.similarity import _kept_terms, features_of_doc, keep_text_terms

    texts = [("de", "Kanzler", "Bundeskanzler Olaf Scholz reiste am Montag nach Kiew. Dort traf er Wolodymyr Selenskyj."),
             ("de", None, "die stadt baut eine neue brücke für 12 Millionen Euro. Die Arbeiten beginnen im Mai."),
             ("de", None, "Olaf Scholz kam nach Linz."),
             ("en", "Talks", "Chancellor Olaf Scholz met Volodymyr Zelensky in Kyiv on Monday, the Kremlin said.")]
    docs = [analyse_article(Article(id=f"a{i}", source="t", text=t, title=title, language=lang))
            for i, (lang, title, t) in enumerate(texts)]
    fresh = copy.deepcopy(docs)
    for doc in docs:
        keep_text_terms(doc)
    propagate_names(docs)
    propagate_names(fresh)
    for kept, plain in zip(docs, fresh):
        assert _kept_terms(kept) is not None
        assert vars(features_of_doc(kept)) == vars(features_of_doc(plain))
    docs[0].article.title = "Reise"
    assert _kept_terms(docs[0]) is None
