"""Metadata never invented (issue 17): bylines as persons, no default dates, decoding, URLs."""
import json

import pytest

from lagebild.clean import clean_document
from lagebild.clean.byline import outlet_words, split_byline
from lagebild.ingest.html import find_publication_date, html_bylines, is_article_url, page_url
from lagebild.ingest.sniff import decode_bytes
from lagebild.records import RawDocument

BODY = ("Der Gemeinderat hat am Montag den Bau eines neuen Deiches beschlossen. Die Arbeiten sollen im Herbst "
        "beginnen und zwei Jahre dauern, sagte der Bürgermeister.")


@pytest.mark.parametrize("text,persons,agencies", [
    ("Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR",
     ["Volkmar Kabisch", "Jan Lukas Strozyk", "Benedikt Strunz"], []),
    ("Anna Muster/dpa", ["Anna Muster"], ["dpa"]),
    ("Ralph Steiner/Carlo Natter", ["Ralph Steiner", "Carlo Natter"], []),
    ("Von Dr. Markus Balser, Berlin", ["Markus Balser"], []),
    ("Richard David Precht im Gespräch mit Karin Fischer", ["Karin Fischer"], []),
    ("Sara Zinnecker Stand: 05.02.2020", ["Sara Zinnecker"], []),
    ("Copyright Haufe-Lexware GmbH; Co KG", [], []),
    ("Follow", [], []), ("Author Bo", [], []), ("AUTO ZEITUNG", [], []), ("red", [], []), ("Zvg", [], []),
    ("Matthias", [], []),
    ("Bio Latest Posts", [], []),  # an author box's labels once the name is gone
    ("Peter Amende und Fuchsy designed", [], []),  # who built the site (a meta author tag)
])
def test_bylines_are_persons_and_agencies_apart(text, persons, agencies):
    assert split_byline(text) == (persons, agencies)


def test_outlet_and_host_names_are_no_bylines():
    words = outlet_words("tagesschau.de", "www.haufe.de")
    assert split_byline("Tagesschau De", words) == ([], [])
    assert split_byline("Www Haufe De", words) == ([], [])


def test_removed_author_line_beats_a_junk_meta_author():
    html = ("<html><body><div class='authorline'>Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR</div>"
            f"<article><p>{BODY}</p></article><div class='comment'><span class='author'>Max Leser</span></div></body></html>")
    found = html_bylines(html)
    assert found == ["Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR"]  # no commenter
    raw = RawDocument(id="p", source="p.html", text=BODY, byline="Tagesschau De", outlet="tagesschau.de",
                      raw_html=html, meta={"html_bylines": found, "hostname": "www.tagesschau.de"})
    art = clean_document(raw)
    assert art.authors == ["Volkmar Kabisch", "Jan Lukas Strozyk", "Benedikt Strunz"]
    assert art.byline == "Volkmar Kabisch, Jan Lukas Strozyk, Benedikt Strunz"
    # an author box that is a self-description is not a byline
    raw = RawDocument(id="q", source="q.html", text=BODY, raw_html=html,
                      meta={"html_bylines": ["Matthias Medizinstudent, Papa, Blogger und Jogger."]})
    assert clean_document(raw).authors == []


def test_no_default_dates():
    page = f"<html><head><title>Über uns</title></head><body><p>{BODY}</p><footer>© 2022 Beispiel GmbH</footer></body></html>"
    assert find_publication_date(page) is None
    page = ("<html><body><script>var state={first_published_at:'2021-08-01T10:00'}</script>"
            f"<p>{BODY}</p></body></html>")
    assert find_publication_date(page) is None  # dates in JavaScript state are not the page's date
    teasers = (f"<html><body><p>{BODY}</p><aside><ul><li><span class='newsDate'>27.02.2020</span> Neues Vereinsheim"
               "</li></ul></aside></body></html>")
    assert find_publication_date(teasers) is None  # the date of a sidebar teaser is not the page's
    dated = f"<html><body><p>Veröffentlicht am 01.08.2021</p><p>{BODY}</p></body></html>"
    assert find_publication_date(dated) == "2021-08-01"
    stamps = ("<html><head><!--[if lt IE 9]><link rel='stylesheet' href='/theme/ie.css?ver=20141010'><![endif]-->"
              "<link rel='stylesheet' href='/theme/style.css?ver=20141010'></head>"
              f"<body><p>{BODY}</p><script src='/theme/fix.js?ver=20141010'></script></body></html>")
    assert find_publication_date(stamps) is None  # a theme's build stamp is no publication date


def test_a_few_bad_bytes_cost_only_those_bytes():
    data = f"<html><meta charset='utf-8'><p>Futter für die Vögel. {BODY}</p>".encode("utf-8") + b" Gr\xfc\xdfe"
    dec = decode_bytes(data, "utf-8")
    assert "für die Vögel" in dec.text and dec.text.endswith("Grüße") and "Ă" not in dec.text and "Ã" not in dec.text


def test_record_url_is_the_article_not_the_home_page():
    html = "<html><head><link rel='canonical' href='https://www.example.de/'><meta property='og:url' content='/'></head></html>"
    assert page_url(html) is None
    assert page_url(html, given="https://web.archive.org/web/2020/https://www.example.de/a/b.html") \
        == "https://web.archive.org/web/2020/https://www.example.de/a/b.html"
    html = "<html><head><link rel='canonical' href='https://www.example.de/politik/deich-100.html'></head></html>"
    assert page_url(html) == "https://www.example.de/politik/deich-100.html"
    assert not is_article_url("https://www.example.de/de/") and is_article_url("https://x.de/a?id=5")


def test_metadata_scorer_counts_invented_dates_and_empty_bylines():
    from lagebild.evaluate.metadata import score

    rows = [{"byline": ["Anna Muster"], "date": None, "url": None, "agency": None},
            {"byline": ["Anna Muster"], "date": "2020-01-02", "url": "https://x.de/a", "agency": "dpa"}]
    outs = [{"byline": [], "date": "2020-05-05", "url": None, "agency": [], "text": "fĂĽr"},
            {"byline": ["anna  muster"], "date": "2020-01-02T10:00", "url": "https://x.de/a", "agency": ["dpa"], "text": "für"}]
    sc = score(rows, outs)
    assert sc["bylines_right_or_empty"] == 1.0 and sc["bylines_exact"] == 0.5
    assert sc["invented_dates"] == 1 and sc["dates_accuracy"] == 0.5 and sc["mojibake_pages"] == 1
    assert sc["url_accuracy"] == 1.0 and sc["agency_accuracy"] == 1.0
    json.dumps(sc)


def test_no_date_from_a_home_page_or_from_what_sits_beside_the_article():
    home = ("<html><head><link rel='canonical' href='https://www.example.de/'>"
            "<meta property='article:published_time' content='2014-09-25'></head>"
            f"<body><p>{BODY}</p></body></html>")
    assert find_publication_date(home) is None  # a site's home page has no publication date
    links = (f"<html><body><p>{BODY}</p><ul><li><a href='/a'>Preiserhöhungen</a>"
             "<span>Information der Verbraucherzentrale NRW vom 02.01.2016</span></li></ul></body></html>")
    assert find_publication_date(links) is None  # the date of a linked document
    caption = (f"<html><body><figure><img src='x.jpg' alt='Topside Installation 28.04.2014'>"
               f"<figcaption>Amrumbank West Topside Installation 28.04.2014</figcaption></figure><p>{BODY}</p></body></html>")
    assert find_publication_date(caption) is None  # the date a photo was taken
    stamp = (f"<html><body><p>{BODY}</p><ul id='footer-info'><li>Diese Seite wurde zuletzt am 29. Januar 2020 "
             "um 13:22 Uhr geändert.</li></ul></body></html>")
    assert find_publication_date(stamp) == "2020-01-29"  # the page's own stamp, though it sits in a list
    cookie = (f"<html><body><p>{BODY}</p><div id='cookie-information-template-wrapper'><span>Die Cookie-Erklärung "
              "wurde das letzte Mal am 02.12.2022 aktualisiert</span></div></body></html>")
    assert find_publication_date(cookie) is None  # the date of a cookie declaration
    countdown = (f"<html><body><p>{BODY}</p><ul><li>rauchfrei: <abbr title='9 Apr 2003, 0:00:00'>vor 16 Jahren"
                 "</abbr></li></ul></body></html>")
    assert find_publication_date(countdown) is None  # a sidebar widget's date in a title attribute
    wiki = (f"<html><body><p>{BODY}</p><p>Die Texte stammen aus dem Artikel Essen-Westviertel (Stand vom 15.11.2008) "
            "aus der freien Enzyklopädie Wikipedia und stehen unter der GNU-Lizenz.</p></body></html>")
    assert find_publication_date(wiki) is None  # the revision date of a text taken from Wikipedia


def test_archived_home_page_is_no_article_url():
    from lagebild.ingest.html import is_article_url

    assert not is_article_url("https://web.archive.org/web/20160401095740/http://www.welpenkaufen24.de/")
    assert is_article_url("https://web.archive.org/web/20160401095740/http://www.example.de/2016/04/bericht.html")


def test_no_date_on_a_shop_page_but_on_an_article_that_links_a_shop():
    shop = ("<html><head><meta name='date' content='2020-02-11'></head><body><h1>Rioja</h1>"
            f"<p>{BODY}</p><p>Weine 1 bis 10 von insgesamt 19</p><div>Tempranillo 2018 <span>9,90 €</span> "
            "inkl. MwSt. zzgl. Versand <button>In den Warenkorb</button></div></body></html>")
    assert find_publication_date(shop) is None  # a shop page's meta date stamps the template
    article = ("<html><head><meta property='og:type' content='article'><meta name='date' content='2020-02-11'>"
               f"</head><body><p>{BODY}</p><a href='/shop'>In den Warenkorb</a> Preise inkl. MwSt.</body></html>")
    assert find_publication_date(article) == "2020-02-11"  # an article with a shop box keeps its date
    one_sign = (f"<html><head><meta name='date' content='2020-02-11'></head><body><p>{BODY}</p>"
                "<a href='/abo'>In den Warenkorb</a></body></html>")
    assert find_publication_date(one_sign) == "2020-02-11"  # one shop sign alone is a header link


def test_canonical_link_is_unescaped_resolved_and_unwrapped():
    escaped = "<html><head><link href='https&#x3A;&#x2F;&#x2F;www.example.de&#x2F;horoskop&#x2F;mai.html' rel='canonical'></head></html>"
    assert page_url(escaped) == "https://www.example.de/horoskop/mai.html"
    relative = ("<html><head><link rel='canonical' href='/content/deich-bau'>"
                "<link rel='stylesheet' href='https://www.example.de/css/a.css'></head><body>"
                "<a href='https://www.example.de/'>Start</a><a href='https://www.example.de/kontakt'>Kontakt</a>"
                "<a href='https://twitter.com/x'>Twitter</a></body></html>")
    assert page_url(relative) == "https://www.example.de/content/deich-bau"
    unknown_site = "<html><head><link rel='canonical' href='/content/deich-bau'></head><body><a href='https://twitter.com/x'>x</a></body></html>"
    assert page_url(unknown_site) is None  # no host the page's own links and head agree on: no guess
    archived = ("<html><head><meta property='og:url' content='https://web.archive.org/web/20160820205919/"
                "http://www.example.de/2016/01/deich/'></head></html>")
    assert page_url(archived) == "http://www.example.de/2016/01/deich/"


def test_no_date_from_an_event_in_the_article_prose_but_from_a_dateline():
    event = (f"<html><body><p>{BODY} Die Verkostung mit den Winzern aus der Region findet am 04.04.2020 "
             "im Weinkeller statt, Anmeldungen nimmt das Team gern entgegen.</p></body></html>")
    assert find_publication_date(event) is None  # the date of an event the text tells of
    dateline = f"<html><body><p>Berlin, 04.04.2020 – {BODY}</p></body></html>"
    assert find_publication_date(dateline) == "2020-04-04"  # a dateline heads the paragraph
    ld = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Deich", '
          '"author": {"@type": "Person", "name": "Anna Muster"}, "datePublished": "2020-04-04T10:00:00Z"}</script>'
          f"</head><body><p>{BODY}</p></body></html>")
    assert find_publication_date(ld) == "2020-04-04"  # JSON-LD is the page's own machine-readable date


def test_no_date_from_a_comment_under_an_undated_page():
    for container in ("class='kommentare'", "id='comments'", "class='user-replies'"):
        page = (f"<html><body><p>{BODY}</p><div {container}><div class='meta'><span>12.03.2021</span></div>"
                "<p>Sehr schöner Beitrag, danke!</p></div></body></html>")
        assert find_publication_date(page) is None, container  # a reader's comment is dated, the page is not
    dated = (f"<html><body><p class='date'>05.03.2021</p><p>{BODY}</p><div class='kommentare'><span>12.03.2021</span>"
             "</div></body></html>")
    assert find_publication_date(dated) == "2021-03-05"


def test_no_date_from_an_event_box():
    event = (f"<html><body><h1>Sommerkonzert im Park</h1><div class='event'><span>12.06.2021</span> "
             "<span>Beginn: 19 Uhr, Einlass 18 Uhr</span></div><p>{BODY}</p></body></html>").replace("{BODY}", BODY)
    assert find_publication_date(event) is None  # the concert's date, not the page's
    news = (f"<html><body><h1>Deich</h1><div class='meta'><span>12.06.2021</span> <span>14:35 Uhr</span></div>"
            f"<p>{BODY}</p></body></html>")
    assert find_publication_date(news) == "2021-06-12"


def test_no_date_on_a_listing_page():
    listing = ("<html><head><link rel='canonical' href='https://www.example.de/category/politik/'>"
               "<meta property='article:published_time' content='2021-03-05'></head>"
               f"<body><p>{BODY}</p></body></html>")
    assert find_publication_date(listing) is None  # a category page lists other articles
    article = listing.replace("/category/politik/", "/themen/deich-bau")
    assert find_publication_date(article) == "2021-03-05"
    collection = ('<html><head><script type="application/ld+json">{"@type": "CollectionPage"}</script>'
                  f"<meta name='date' content='2021-03-05'></head><body><p>{BODY}</p></body></html>")
    assert find_publication_date(collection) is None


def test_no_date_from_the_site_header_banner():
    page = ("<html><body><header id='header'><div class='topbar'><span>Sonntag, 6. Dezember 2026</span></div>"
            f"<nav><a href='/'>Start</a></nav></header><div class='content'><p>{BODY}</p></div></body></html>")
    assert find_publication_date(page) is None  # the day the page was shown, not the article's
    dated = page.replace("<div class='content'>", "<div class='content'><p class='date'>05.03.2021</p>")
    assert find_publication_date(dated) == "2021-03-05"


def test_a_german_day_first_date_is_not_read_month_first():
    from lagebild.ingest.html import _day_first

    page = f"<html><body><div class='att-publish-date'>Von <span>DTB</span> 4.&thinsp;2.&thinsp;2022.</div><p>{BODY}</p></body></html>"
    assert _day_first("2022-04-02", page, None) == "2022-02-04"  # written '4. 2. 2022': the 4th of February
    also = page.replace("</body>", "<time datetime='2022-04-02'></time></body>")
    assert _day_first("2022-04-02", also, None) == "2022-04-02"  # the page also writes it as found: kept
    assert _day_first("2022-04-13", page, None) == "2022-04-13"  # no day/month ambiguity


def test_the_publication_date_beats_a_modified_stamp():
    page = ('<html><head><meta property="article:modified_time" content="2022-12-20T16:55:21+00:00">'
            '<script type="application/ld+json">{"@type": "Article", "datePublished": "2022-12-21T05:49:28+00:00", '
            '"dateModified": "2022-12-20T16:55:21+00:00"}</script></head>'
            f"<body><p>{BODY}</p></body></html>")
    assert find_publication_date(page) == "2022-12-21"  # not the (earlier!) modified stamp the finder takes
