"""dossier.html is rendered from the web UI's own templates and charts (issue 20: one renderer)."""
from __future__ import annotations

import re
from html import unescape
import shutil
import tempfile
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from test_web import build_rich_db

import lagebild
from lagebild.datapaths import REPO, shared_dir
from lagebild.report.html import render_html
from lagebild.web.app import create_app

DEMO = REPO / "examples" / "demo"
ARTIFACTS = REPO / "artifacts"  # git-ignored
SECTIONS = ("sources", "figures", "quotes", "stance", "timeline", "lineage", "entities")


@pytest.fixture(scope="module")
def demo_dict():
    return lagebild.analyse(paths=[DEMO]).to_dict()


@pytest.fixture(scope="module")
def demo_html(demo_dict):
    return render_html(demo_dict)


def test_markdown_names_things_as_people_read_them(demo_dict):
    from lagebild.report.markdown import render_markdown

    md = render_markdown(demo_dict)
    assert "6 articles, 1 story." in md
    assert "**Menschen (betroffen)**" in md and "**mensch:" not in md  # group names as written, not stems
    # a distinct group is not shown as a comparison, only named among the groups not compared
    assert "**Menschen (evakuiert)**" not in md and "Menschen (evakuiert) (distinct)" in md.split("Not compared across")[1]
    assert "Strecke (distinct)" in md and "strecke (" not in md  # a bare measure is named by its dimension
    assert " @ " not in md and "None" not in md
    row = {"claim": "Der Damm hält", "cells": [{"actor": None, "outlet": "Radio Talmark", "stance": "not_mentioned"},
                                              {"actor": "Karla Brenneisen", "outlet": "Nordblick", "stance": "deny"}]}
    story = dict(demo_dict["stories"][0], stance=[row])
    md = render_markdown(dict(demo_dict, stories=[story]))
    assert "- Der Damm hält: Radio Talmark → not\\_mentioned; Karla Brenneisen (Nordblick) → deny" in md
    assert "- Morgenpost Elmsfeld → Nordblick: copies" in md  # lineage by outlet, not by id
    assert "**17 March 2026, evening** (2026-03-17)" in md


def _headings(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>|\s+", " ", h).strip() for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html, re.S)]


def test_static_file_is_self_contained_and_every_link_lands(demo_html):
    html = demo_html
    assert "<script" not in html and "Content-Security-Policy" in html
    assert "default-src 'none'" in unescape(re.search(r'Content-Security-Policy" content="([^"]*)"', html)[1])
    assert not re.search(r'(src|href)="(https?:)?//', html) and 'href="/' not in html
    ids = set(re.findall(r'id="([^"]+)"', html))
    links = re.findall(r'href="#([^"]*)"', html)
    assert links and [x for x in links if x not in ids] == []
    assert sum(x.startswith("a-") for x in links) > 20  # evidence links jump to spans in the article texts


def test_static_file_shows_every_section_of_the_web_ui(demo_html):
    html = demo_html
    for section in SECTIONS:
        assert f'id="s1-{section}"' in html
    for chart in ("chart timeline-chart", "chart lineage-chart"):
        assert f'<svg class="{chart}"' in html
    assert html.count("<svg") >= 4  # figure-range charts with axes too
    assert "Morgenpost Elmsfeld" in html and "Radio Talmark" in html  # outlets, not ids
    assert "17 March 2026" in html  # readable dates
    assert "(inferred" in html  # inferred values marked
    assert "Menschen (evakuiert)" in html and "built-in method" not in html  # group names as written
    assert html.count('class="static-article"') == 6


def test_static_and_web_story_show_the_same_sections(tmp_path):
    store = build_rich_db(tmp_path / "rich.db")
    client = TestClient(create_app(str(tmp_path / "rich.db")), base_url="http://127.0.0.1")
    web = client.get("/stories/story-talheim").text
    static = render_html(store.dossier(["story-talheim"]))
    story_part = static.split('<section class="card" id="articles">')[0]
    assert _headings(web) == _headings(story_part)[1:]  # the story title is h1 on the web, an h2 in the file
    for marker in ('class="item quote"', 'class="item fig"', "class=\"stance s-", "<svg", 'class="item timex"'):
        assert web.count(marker) == story_part.count(marker), marker


@pytest.fixture(scope="module")
def browser():
    chromium = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        pytest.skip("chromium/chromedriver not installed (run scripts/install-browser.sh)")
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
                 f"--user-data-dir={tempfile.mkdtemp(prefix='lagebild-chromium-')}"):
        opts.add_argument(flag)
    opts.binary_location = chromium
    try:
        drv = webdriver.Chrome(options=opts, service=Service(chromedriver))
    except WebDriverException as exc:
        pytest.skip(f"chromium could not start here: {exc.msg}")
    yield drv
    drv.quit()


def _shot(browser, html: str, tmp_path: Path, name: str) -> None:
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    browser.set_window_size(1280, 1000)
    browser.get(page.as_uri())
    width = browser.execute_script("return document.documentElement.scrollWidth")
    client = browser.execute_script("return document.documentElement.clientWidth")
    assert width <= client, f"{name}: horizontal overflow ({width} > {client} px)"
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(height + 100, 12000))
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def test_static_dossier_in_chromium(browser, demo_html, tmp_path):
    _shot(browser, demo_html, tmp_path, "dossier-demo")
    seeds = shared_dir() / "seeds"
    if seeds.exists():
        _shot(browser, render_html(lagebild.analyse(paths=[seeds]).to_dict()), tmp_path, "dossier-seeds")
