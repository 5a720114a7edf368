"""The whole article, and no silent failure: shapes of real pages, in invented pages.

Each test names the shape it stands for: a blog post whose box carries its topic classes,
a quote widget inside the text, ruby readings, several sections, a div-only page, a page of
``<br>`` lines, a repeated paragraph, a region too small (fallback and warning), a page with no
body, a headline with the site's name, a page in Chinese and Japanese.
"""

from __future__ import annotations

import pytest

from itvreport.pipeline import read_article

POST = [
    "The allotment committee in Fernhollow voted on Tuesday to open the waiting list again after "
    "three years, once the new plots behind the cricket ground are marked out.",
    "Twelve plots will be offered first to people who have waited longest, and the rest by lottery "
    "at the spring meeting in the village hall, the chairwoman said.",
    "Members asked for a second water trough at the far end of the site, and the committee agreed "
    "to ask the parish council for the money before the summer.",
]


def texts(article) -> list[str]:
    out = []
    for block in article.blocks:
        out.extend(getattr(block, "paragraphs", None) or getattr(block, "items", None)
                   or [getattr(block, "text", None) or block.caption])
    return out


def read(html: str, source: str = "page.html", warn=None):
    return read_article(html.encode("utf-8"), source=source, input_kind="html", warn=warn)


SIDEBAR = ("<aside class='widget-area'><h2>Archive</h2><ul>"
           + "".join(f"<li><a href='/m{n}'>Month {n}</a></li>" for n in range(12)) + "</ul></aside>")


def test_blog_post_whose_box_names_its_tags_is_read():
    """``taxonomy_classes``: ``tag-gardening`` on a post's own box names its topic, not a tag box."""
    paragraphs = "".join(f"<p>{text}</p>" for text in POST)
    html = ("<html><body><div id='page'><article class='post-88 post type-post status-publish hentry "
            "category-news tag-gardening tag-village'><h1>Allotment list opens again</h1>"
            f"<div class='entry-content'>{paragraphs}</div></article>{SIDEBAR}</div></body></html>")
    article = read(html)
    assert texts(article) == POST
    assert article.headline == "Allotment list opens again"


def test_quote_widget_inside_the_text_is_part_of_it():
    """``embed_widget``: a box named both a widget and a quote is the article's quote."""
    quote = ("We have waited a long time for this and the whole village will be glad of it, "
             "said the oldest member of the committee at the meeting.")
    html = ("<html><body><div class='story'>" + f"<p>{POST[0]}</p><p>{POST[1]}</p>"
            f"<div class='widget quote'><p>{quote}</p></div><p>{POST[2]}</p></div>{SIDEBAR}</body></html>")
    assert texts(read(html)) == [POST[0], POST[1], quote, POST[2]]


def test_ruby_readings_are_not_read_as_text():
    html = ("<html><body><article><h1>町の図書館</h1>"
            "<p><ruby>図書館<rt>としょかん</rt></ruby>は<ruby>来月<rp>(</rp><rt>らいげつ</rt><rp>)</rp></ruby>から"
            "夜も開くことになりました。町の人たちは、仕事のあとに本を借りることができるようになると喜んでいます。</p>"
            "</article></body></html>")
    [paragraph] = texts(read(html))
    assert paragraph.startswith("図書館は来月から夜も開く")
    assert "としょかん" not in paragraph and "(" not in paragraph
