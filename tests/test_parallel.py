"""--workers: analysis on worker processes gives the same dossier as one process (issue 18)."""
import json

from lagebild.parallel import Analyser, analyse_articles
from lagebild.pipeline import dedupe_ids, dossier_from_docs, load_raw
from lagebild.records import AnalysedArticle, Article, IngestError
from lagebild.resources import demo_corpus


def _demo_articles():
    from lagebild.clean import clean_document

    raws, _ = load_raw([str(demo_corpus())])
    return dedupe_ids([clean_document(r) for r in raws])


def _dossier_json(results) -> str:
    docs = [r for r in results if isinstance(r, AnalysedArticle)]
    return json.dumps(dossier_from_docs(docs).to_dict(), sort_keys=True, ensure_ascii=False)


def test_two_workers_same_dossier_as_one():
    one = _dossier_json(analyse_articles(_demo_articles(), workers=1))
    # chunks of 2 articles on 2 spawned worker processes, results gathered in input order
    two = _dossier_json(analyse_articles(_demo_articles(), workers=2, chunk=2, min_parallel=0))
    assert json.loads(one)["articles"] and one == two


def test_batch_failure_costs_only_the_bad_article(monkeypatch):
    """A chunk whose batch analysis raises is redone article by article: one error, the rest kept."""
    from lagebild import analyse

    real = analyse.analyse_article

    def flaky(article, skip=()):
        if "KAPUTT" in article.text:
            raise ValueError("kaputt")
        return real(article, skip)

    def batch_fails(articles, skip=()):
        raise RuntimeError("batch")

    monkeypatch.setattr(analyse, "analyse_article", flaky)
    monkeypatch.setattr(analyse, "analyse_batch", batch_fails)
    arts = [Article(id=str(i), source=f"s{i}", text=t) for i, t in
            enumerate(["Anna Berger kam am Montag nach Linz.", "KAPUTT", "Der Rat tagte in Graz."])]
    results = list(Analyser(workers=1).analyse(arts))
    assert [type(r) for r in results] == [AnalysedArticle, IngestError, AnalysedArticle]
    assert results[1].source == "s1" and "kaputt" in results[1].message


def test_html_read_and_cleaned_on_workers_same_dossier_as_one(tmp_path):
    """Reading (HTML extraction, dates, metadata) and cleaning run per file on the workers as well:
    real pages, a JSONL file (read here, its documents cleaned on the workers) and bad files give
    the same dossier, errors included and in the same order, as one process."""
    from conftest import need_shared

    from lagebild.pipeline import read_and_process

    html = need_shared("boilerplate", "trafilatura-de", "html")
    for page in sorted(html.glob("*.html"))[:3]:
        (tmp_path / page.name).write_bytes(page.read_bytes())
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>Start</a></nav></body></html>", encoding="utf-8")
    (tmp_path / "more.jsonl").write_text(
        json.dumps({"text": "Anna Berger kam am Montag nach Linz. Sie sagte: „Wir bauen die Fähre.“"}) + "\n{kaputt\n"
        + json.dumps({"text": "Der Gemeinderat von Graz tagte am Dienstag bis spät in die Nacht."}) + "\n",
        encoding="utf-8")
    inputs = [str(tmp_path), "Ein Text, der kein Pfad ist, mit Peter Huber aus Wien."]

    def dossier(workers):
        with Analyser(workers, chunk=2, min_parallel=0) as analyser:
            batch = read_and_process(inputs, analyser=analyser)
        return json.dumps(dossier_from_docs(batch.docs, batch.errors).to_dict(), sort_keys=True, ensure_ascii=False)

    one = dossier(1)
    assert one == dossier(2)
    d = json.loads(one)
    assert len(d["articles"]) == 6  # 3 pages, 2 JSONL lines, 1 text
    for name in ("empty.html", "binary.html", "nav.html", "more.jsonl:2"):  # one error line each
        assert sum(f"{name}:" in e or e.endswith(name) or f"{name} " in e for e in d["errors"]) == 1, (name, d["errors"])


def test_stories_linked_on_workers_same_dossier_as_in_process(monkeypatch):
    """`dossier_from_docs(..., analyser)` links the stories on the workers (one story a task here):
    the same dossier as linking them in this process."""
    import copy

    from lagebild import link, parallel

    monkeypatch.setattr(link, "LINK_CHUNK", 1)
    others = [Article(id=f"x{i}", source=f"x{i}", text=t) for i, t in enumerate([
        "Der Gemeinderat von Graz tagte am Dienstag bis spät in die Nacht. Bürgermeisterin Elke Kahr sagte, "
        "die Straßenbahn koste rund 40 Millionen Euro.",
        "Der FC Linz gewann am Samstag mit 3:1 gegen Steyr. Trainer Peter Huber sprach von einem verdienten Sieg."])]
    docs = [r for r in analyse_articles(_demo_articles() + others, workers=1) if isinstance(r, AnalysedArticle)]
    here = json.dumps(dossier_from_docs(copy.deepcopy(docs)).to_dict(), sort_keys=True, ensure_ascii=False)
    with Analyser(2, chunk=2, min_parallel=0) as analyser:
        before = parallel.WORKER_CPU_SECONDS
        there = json.dumps(dossier_from_docs(copy.deepcopy(docs), analyser=analyser).to_dict(), sort_keys=True,
                           ensure_ascii=False)
        assert parallel.WORKER_CPU_SECONDS > before  # the stories were linked on the workers
    assert len(json.loads(here)["stories"]) > 1 and here == there
