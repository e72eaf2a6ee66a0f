"""The web UI in a real headless Chromium (Debian `chromium` + `chromium-driver`, driven by Selenium).

Skips when the browser or its driver is not installed (scripts/install-browser.sh installs them).
"""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest

from lagebild.datapaths import REPO
from lagebild.records import AnalysedArticle, Article, Entity, Figure, Mention, Quote, Story
from lagebild.store import Store
from test_web import RICH_TEXTS, build_rich_db, locate, need_pipeline, running_server, seeds_db

ARTIFACTS = REPO / "artifacts"  # git-ignored
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000"]

# Each payload would set window.__xss or document.title if it ever ran.
PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    '<a href="javascript:window.__xss=3">klick</a>',
    '"><svg onload="window.__xss=4">',
    "</title><script>document.title='pwned'</script>",
    "'><iframe src=javascript:window.__xss=6>",
]
HOSTILE = " ".join(PAYLOADS)


def _binary(*names: str) -> str | None:
    return next((p for p in map(shutil.which, names) if p), None)


@pytest.fixture(scope="module")
def driver():
    chromium = _binary("chromium", "chromium-browser", "google-chrome")
    chromedriver = _binary("chromedriver")
    if not chromium or not chromedriver:
        pytest.skip("chromium/chromedriver not installed (run scripts/install-browser.sh)")
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="lagebild-chromium-")
    opts = Options()
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        opts.add_argument(flag)
    opts.binary_location = chromium
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        drv = webdriver.Chrome(options=opts, service=Service(chromedriver))
    except WebDriverException as exc:
        pytest.skip(f"chromium could not start here: {exc.msg}")
    drv.set_page_load_timeout(30)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


def hostile_db(path: Path) -> None:
    """Articles and a linked story whose every text field carries script payloads."""
    text = f"Anschlag auf die Demokratie {HOSTILE}\nIm Ort {HOSTILE} sagte Max Muster: „{HOSTILE}“ Es gab mindestens 40 Verletzte."
    art = Article(id="boese", source="boese.jsonl", text=text, title=f"Titel {HOSTILE}", outlet=f"Outlet {PAYLOADS[1]}",
                  byline=f"Von {PAYLOADS[0]}", agency=[PAYLOADS[3]], url="javascript:window.__xss=5", published="2031-05-01",
                  translated_from=PAYLOADS[2], content_hash="hash-boese", removed_lines=[HOSTILE])
    doc = AnalysedArticle(article=art, sentences=[(0, len(text))])
    qs, qe = locate(text, HOSTILE, 2)
    ss, se = locate(text, "Max Muster")
    fs, fe = locate(text, "mindestens 40")
    ms, me = locate(text, PAYLOADS[0], 1)
    doc.quotes = [Quote("boese", qs, qe, HOSTILE, True, "Max Muster", ss, se, PAYLOADS[1], "sagte", None, None, [PAYLOADS[0]], "deny", "boese:q1")]
    doc.figures = [Figure("boese", fs, fe, "mindestens 40", None, 40, None, "at_least", None, f"Verletzte {PAYLOADS[1]}",
                          PAYLOADS[0], [PAYLOADS[3]], None, "boese:f1")]
    doc.mentions = [Mention("boese", ms, me, PAYLOADS[0], "ORG", PAYLOADS[1])]
    store = Store(str(path))
    store.add_docs([doc])
    story = Story(
        id="story-boese", title=f"Story {HOSTILE}", article_ids=["boese"],
        entities=[Entity(PAYLOADS[1], "ORG", [PAYLOADS[0]], ["boese"], doc.mentions)], quotes=doc.quotes, figures=doc.figures,
        figure_groups=[{"topic": HOSTILE, "figure_ids": ["boese:f1"], "disagreement": True, "reason": HOSTILE}],
        timeline=[{"date": "2031-05-01", "text": PAYLOADS[1], "event": HOSTILE, "article_id": "boese", "start": ms, "end": me}],
        lineage=[{"source": "boese", "target": "boese", "kind": PAYLOADS[4], "score": 0.5, "spans": [{"article_id": "boese", "start": ms, "end": me, "text": HOSTILE}]}],
        stance=[{"claim": HOSTILE, "cells": [{"actor": PAYLOADS[0], "outlet": PAYLOADS[1], "article_id": "boese", "stance": PAYLOADS[3],
                                              "start": qs, "end": qe, "text": HOSTILE}]}],
        membership=[{"article_id": "boese", "score": 1.0, "evidence": HOSTILE}],
    )
    others = [d for d in store.load_docs() if d.id != "boese"]  # e.g. ingested before: keep their stories
    if others:
        from lagebild.link import build_stories

        store.save_stories(build_stories(others) + [story], others + [doc])
    else:
        store.save_stories([story], [doc])


def assert_nothing_ran(driver, page: str) -> None:
    assert driver.execute_script("return window.__xss") is None, page
    assert driver.title != "pwned", page  # the payload would set exactly this; as text it is only part of the title
    bad = driver.execute_script(
        "return document.querySelectorAll('img[src=\"x\"], [onerror], [onload], iframe, a[href^=\"javascript:\"], "
        "script:not([src=\"/static/app.js\"])').length")
    assert bad == 0, page


def test_script_payloads_never_run(driver, tmp_path):
    from selenium.webdriver.common.by import By

    db = tmp_path / "xss.db"
    # The same payloads through the real ingest path (JSONL with hostile fields), when the pipeline can run.
    try:
        need_pipeline()
    except pytest.skip.Exception:
        pass
    else:
        import json

        from lagebild.ingest_service import ingest_paths

        feed = tmp_path / "feed.jsonl"
        rec = {"id": "feed-1", "title": f"Feed {HOSTILE}", "byline": PAYLOADS[1], "outlet": PAYLOADS[0], "url": "javascript:window.__xss=7",
               "published": "2031-05-02", "text": f"Meldung {HOSTILE}\nDer Bürgermeister sagte, {HOSTILE} sei gefährlich."}
        feed.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
        ingest_paths([str(feed)], str(db))
    hostile_db(db)
    with running_server(db) as base:
        pages = ["/", "/?q=" + "%3Cscript%3E", "/stories/story-boese", "/articles/boese", "/articles/boese?hl=0-10",
                 "/entity?name=" + "%3Cimg%20src%3Dx%20onerror%3D%22window.__xss%3D2%22%3E", "/upload", "/docs"]
        stories = Store(str(db)).list_stories(limit=10)
        pages += [f"/stories/{s['id']}" for s in stories]
        pages += [f"/articles/{d.id}" for d in Store(str(db)).load_docs()]
        for page in pages:
            driver.get(base + page)
            assert_nothing_ran(driver, page)
        driver.get(base + "/stories/story-boese")
        body = driver.find_element(By.TAG_NAME, "body").text
        assert "<script>window.__xss=1</script>" in body  # shown as text
        assert '<img src=x onerror="window.__xss=2">' in body
        driver.get(base + "/articles/boese")
        assert "<script>window.__xss=1</script>" in driver.find_element(By.ID, "article-text").text
        assert driver.find_element(By.TAG_NAME, "h1").text == f"Titel {HOSTILE}"
        # clicking everything clickable on the story page still runs nothing
        driver.get(base + "/stories/story-boese")
        hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a[href]")]
        assert hrefs and not any(h.lower().startswith("javascript:") for h in hrefs)


def _hl_text(driver) -> str:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#article-text .hl')).map(e => e.textContent).join('')")


def _wait(cond, timeout: float = 10.0):
    end = time.time() + timeout
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.05)
    return False


def test_clicking_items_jumps_to_highlighted_evidence(driver, tmp_path):
    from selenium.webdriver.common.by import By

    db = tmp_path / "rich.db"
    build_rich_db(db)
    with running_server(db) as base:
        # a key figure in the side-by-side table
        driver.get(base + "/stories/story-talheim")
        link = driver.find_element(By.CSS_SELECTOR, 'table.sources a.item.fig[href*="nordkurier-flut"]')
        link.click()
        assert _wait(lambda: "/articles/nordkurier-flut" in driver.current_url)
        assert _hl_text(driver) == "etwa 300"
        assert driver.execute_script("return document.getElementById('ev').classList.contains('hl')")
        # a bar in the range chart (SVG link)
        driver.get(base + "/stories/story-talheim")
        bar = driver.find_element(By.CSS_SELECTOR, 'svg.range-chart a[data-figure="tagesblick-flut:f1"] text.row-value')
        bar.click()
        assert _wait(lambda: "/articles/tagesblick-flut" in driver.current_url)
        assert _hl_text(driver) == "bis zu 80"
        # a quote grouped under its speaker
        driver.get(base + "/stories/story-talheim#quotes")
        driver.find_element(By.XPATH, '//ul[@class="quotes"]//a[contains(., "Die Dämme halten")]').click()
        assert _wait(lambda: _hl_text(driver) == "Die Dämme halten")
        # on the article page the side panel re-highlights in place (no reload)
        driver.get(base + "/articles/nordkurier-flut")
        driver.execute_script("window.__same_page = true")
        driver.find_element(By.XPATH, '//aside//a[contains(., "man habe die Lage im Griff")]').click()
        assert _wait(lambda: _hl_text(driver) == "man habe die Lage im Griff")
        assert driver.execute_script("return window.__same_page") is True
        s, e = locate(RICH_TEXTS["nordkurier-flut"], "man habe die Lage im Griff")
        assert f"hl={s}-{e}" in driver.current_url
        severe = [m for m in driver.get_log("browser") if m["level"] == "SEVERE"]
        assert not severe, severe  # no CSP violations or script errors


def _screenshot(driver, base: str, path: str, out: Path) -> None:
    driver.get(base + path)
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1400, min(height + 40, 6000))
    out.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(out))
    driver.set_window_size(1400, 1000)
    assert out.stat().st_size > 20_000


def test_screenshot_demo_story(driver, tmp_path):
    db = tmp_path / "rich.db"
    build_rich_db(db)
    with running_server(db) as base:
        _screenshot(driver, base, "/stories/story-talheim", ARTIFACTS / "story-demo.png")


def test_screenshot_seed_story(driver, tmp_path):
    db = seeds_db(tmp_path)
    stories = Store(str(db)).list_stories(limit=50)
    assert stories
    biggest = max(stories, key=lambda s: s["n_articles"])
    with running_server(db) as base:
        _screenshot(driver, base, f"/stories/{biggest['id']}", ARTIFACTS / "story.png")
        assert_nothing_ran(driver, "seed story")
