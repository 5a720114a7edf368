"""Metadata of an HTML page: JSON-LD first, then OpenGraph and <meta>, <title>, <h1>, then the body."""

from __future__ import annotations

import json

import pytest

from itvreport.pipeline import read_article

BODY = (
    "<article><p>The council confirmed on Monday that the library on Mill Street will open "
    "again in the spring, after a year of building work on its leaking roof.</p>"
    "<p>Staff said that the children's section would be the first part of the building to "
    "reopen, with the rest following a fortnight later.</p></article>"
)


def read(head: str = "", body: str = BODY):
    page = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    return read_article(page.encode("utf-8"), source="page.html")


def ld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


ARTICLE = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Mill Street library to reopen in spring",
    "datePublished": "2023-11-20T08:30:00+00:00",
    "author": {"@type": "Person", "name": "Priya Holt"},
}


def test_json_ld_news_article():
    article = read(ld(ARTICLE) + "<title>Something else | Site</title>")
    assert (article.headline, article.date, article.byline) == (
        "Mill Street library to reopen in spring", "2023-11-20", "Priya Holt")


def test_json_ld_in_a_graph_with_several_authors():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "Not the article"},
        dict(ARTICLE, **{"@type": ["Article", "NewsArticle"],
                         "author": [{"name": "Priya Holt"}, {"name": "Sam Ode"}, "Lee Park"]}),
    ]}
    article = read(ld(graph))
    assert article.headline == "Mill Street library to reopen in spring"
    assert article.byline == "Priya Holt, Sam Ode and Lee Park"


def test_broken_json_ld_is_skipped():
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
    head += '<meta property="og:title" content="From OpenGraph">'
    assert read(head).headline == "From OpenGraph"


def test_opengraph_and_meta_tags():
    head = ('<meta property="og:title" content="Library reopens">'
            '<meta property="article:published_time" content="2023-01-02T10:00:00Z">'
            '<meta name="author" content="By Priya Holt">')
    article = read(head)
    assert (article.headline, article.date, article.byline) == ("Library reopens", "2023-01-02", "Priya Holt")


def test_author_given_as_a_link_is_not_a_byline():
    head = '<meta property="article:author" content="https://www.facebook.invalid/someone">'
    assert read(head).byline is None


@pytest.mark.parametrize("title, headline", [
    ("Library to reopen in spring | ITV News Calendar", "Library to reopen in spring"),
    ("Library to reopen in spring - BBC News", "Library to reopen in spring"),
    ("Library to reopen: what it means for readers - Local Times", "Library to reopen: what it means for readers"),
    ("Library to reopen in spring", "Library to reopen in spring"),
])
def test_title_loses_the_site_name(title, headline):
    assert read(f"<title>{title}</title>").headline == headline


def test_site_name_from_opengraph_is_taken_off_either_end():
    head = '<meta property="og:site_name" content="The Gazette"><title>The Gazette | Library to reopen</title>'
    assert read(head).headline == "Library to reopen"


def test_h1_when_nothing_is_declared_and_not_repeated_in_the_body():
    article = read(body=BODY.replace("<article>", "<article><h1>Library to reopen</h1>"))
    assert article.headline == "Library to reopen"
    assert all(getattr(block, "text", "") != "Library to reopen" for block in article.blocks)


def test_h1_completes_a_declared_headline_that_was_cut():
    head = '<meta property="og:title" content="Mill Street library to reopen in spring after a year of…">'
    body = BODY.replace("<article>", "<article><h1>Mill Street library to reopen in spring after a year of building work</h1>")
    assert read(head, body).headline == "Mill Street library to reopen in spring after a year of building work"


def test_time_element_gives_the_date():
    body = BODY.replace("<article>", '<article><time datetime="2022-06-30T12:00">30 June</time>')
    assert read(body=body).date == "2022-06-30"


@pytest.mark.parametrize("value", ["yesterday", "2023-13-01", "0999-01-01", "20231120"])
def test_dates_that_are_not_dates_are_ignored(value):
    assert read(f'<meta property="article:published_time" content="{value}">').date is None


def test_byline_from_the_body_when_nothing_is_declared():
    body = BODY.replace("<article>", "<article><p>By Priya Holt</p>")
    article = read(body=body)
    assert article.byline == "Priya Holt"
    assert [(item.text, item.reason) for item in article.removed] == [("By Priya Holt", "boilerplate")]


def test_metadata_text_is_terminal_safe():
    data = dict(ARTICLE, headline="Library\u001b[2J reopens \u202e")
    assert read(ld(data)).headline == "Library reopens"


def test_json_ld_headline_the_page_does_not_show_is_set_aside():
    """``generic_headline``: an encyclopaedia page's JSON-LD ``headline`` is a type label; the
    page's own ``<h1>`` (and its OpenGraph title, site name off) name the article."""
    head = (ld({"@context": "https://schema.org", "@type": "Article", "name": "List of Fernhollow mills",
                "headline": "Wikimedia list article"})
            + '<meta property="og:title" content="List of Fernhollow mills - Wikipedia">')
    body = BODY.replace("<article>", "<article><h1>List of Fernhollow mills</h1>")
    assert read(head, body).headline == "List of Fernhollow mills"
    assert read(head).headline == "List of Fernhollow mills"  # no <h1>: the OpenGraph title


@pytest.mark.parametrize("title, headline", [
    ("町の図書館が春に再開｜みなみ新聞", "町の図書館が春に再開"),
    ("NEWS WEB EASY|町の図書館が春に再開", "町の図書館が春に再開"),
    ("图书馆春季重新开放_南方日报网", "图书馆春季重新开放"),
])
def test_cjk_title_loses_the_site_name(title, headline):
    assert read(f"<title>{title}</title>").headline == headline
