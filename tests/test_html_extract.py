"""Finding the article in a page and leaving the site around it out (invented pages)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from itvreport.pipeline import read_article

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "html"

BODY = [
    "Residents of Oakworth have been told to expect delays on the high street for the next six weeks "
    "while the gas main under the road is replaced.",
    "The work begins on Monday and will close one lane at a time, with temporary traffic lights at "
    "both ends of the village and a diversion for lorries.",
    "Shopkeepers said they were worried about losing trade in the run-up to the summer, when the "
    "village is usually busy with walkers and day trippers.",
    "The gas company said it had chosen the quietest weeks of the year and would keep every shop "
    "open and reachable on foot throughout the work.",
]


def body_html() -> str:
    return "\n".join(f"<p>{text}</p>" for text in BODY)


def texts(article) -> list[str]:
    out = []
    for block in article.blocks:
        out.extend(getattr(block, "paragraphs", None) or getattr(block, "items", None) or [getattr(block, "text", None) or block.caption])
    return out


def read(html: str, source: str = "page.html"):
    return read_article(html.encode("utf-8"), source=source)


def page(before: str = "", after: str = "", inside_before: str = "", inside_after: str = "") -> str:
    return (
        "<!DOCTYPE html>\n<html><head><title>Gas main work to close Oakworth high street | Valley News</title></head>\n"
        f"<body>{before}\n<main><article><h1>Gas main work to close Oakworth high street</h1>\n"
        f"{inside_before}\n<div class='story'>\n{body_html()}\n</div>\n{inside_after}\n</article></main>\n{after}\n</body></html>"
    )


# --- the fixture page: every kind of furniture around one article ----------------------------


def test_fixture_page_reads_as_its_expectation():
    path = FIXTURES / "harbour-lights.html"
    expected = json.loads((FIXTURES / "harbour-lights.expected.json").read_text(encoding="utf-8"))
    article = read_article(path.read_bytes(), source="fixtures/html/harbour-lights.html")
    assert article.to_dict() == expected


def test_fixture_page_leaves_the_site_out():
    article = read_article((FIXTURES / "harbour-lights.html").read_bytes(), source="x.html")
    shown = " ".join(texts(article))
    for furniture in ("cookies", "Share on", "Tyne Tees newsletter", "Related stories", "Brilliant news",
                      "Copyright", "Privacy", "Kelmouth sea wall repairs begin", "Festivals", "Accept all"):
        assert furniture not in shown


# --- each kind of furniture -------------------------------------------------------------------

LINKS = "".join(f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(8))
TEASERS = "".join(
    f"<div class='card'><h3><a href='/story{n}'>Another story number {n} about the valley</a></h3>"
    f"<p>A summary of another story from the valley, long enough to read like a paragraph of text {n}.</p></div>"
    for n in range(6)
)
FURNITURE = {
    "navigation": dict(before=f"<nav><ul>{LINKS}</ul></nav>"),
    "menu list": dict(before=f"<div class='top-menu'><ul>{LINKS}</ul></div>"),
    "share bar": dict(inside_before="<div class='share-tools'><a href='/f'>Share on Facebook</a> <a href='/t'>Share on X</a></div>"),
    "cookie banner": dict(before="<div id='cookie-notice'><p>This website uses cookies to give you the best experience. "
                                 "By using it you accept our cookie policy and terms of use.</p></div>"),
    "subscription banner": dict(inside_after="<div class='subscribe-box'><p>Subscribe today for unlimited access to every "
                                             "story from the valley, with your first month free of charge.</p></div>"),
    "ad slot": dict(inside_after="<div class='ad-container'><p>Advertisement</p></div>"),
    "related links": dict(inside_after=f"<section class='related-articles'><h2>Related</h2><ul>{LINKS}</ul></section>"),
    "recommended teasers": dict(after=f"<section class='recommended'>{TEASERS}</section>"),
    "teaser cards without names": dict(after=f"<section>{TEASERS}</section>"),
    "comments": dict(after="<div id='comments'>" + "".join(
        f"<div class='comment'><p>I live on the high street and this is the third time in two years that "
        f"they have dug it up, it is a disgrace and someone should answer for it {n}.</p></div>" for n in range(8)
    ) + "</div>"),
    "footer": dict(after="<footer><p>Valley News is published by Valley Media Limited, registered in England, "
                         "and is not responsible for the content of external websites.</p></footer>"),
    "sidebar": dict(after="<aside class='sidebar'><p>Most read this week: the story of the missing village cat who came "
                          "home after a month away, told by the family that found her.</p></aside>"),
}


@pytest.mark.parametrize("kind", sorted(FURNITURE))
def test_furniture_is_left_out(kind):
    article = read(page(**FURNITURE[kind]))
    assert texts(article) == BODY
    assert article.headline == "Gas main work to close Oakworth high street"


def test_furniture_inside_the_article_container_is_recorded_as_removed():
    html = page().replace(f"<p>{BODY[1]}</p>", f"<p>{BODY[1]}</p>\n<div class='ad-container'><p>Advertisement</p></div>"
                                              "\n<div class='share-tools'><a href='/f'>Share this story</a></div>")
    article = read(html)
    assert texts(article) == BODY
    reasons = {(item.text, item.reason) for item in article.removed}
    assert ("Advertisement", "boilerplate") in reasons
    assert ("Share this story", "boilerplate") in reasons
    assert all(item.line >= 1 for item in article.removed)


def test_article_split_over_sibling_boxes_is_read_whole():
    html = page().replace(
        f"<p>{BODY[1]}</p>", f"<p>{BODY[1]}</p></div><div class='inline-promo'><a href='/x'>Read more</a></div><div class='story'>"
    )
    assert texts(read(html)) == BODY


def test_article_body_named_by_itemprop_wins_over_a_longer_teaser_list():
    teasers = "".join(f"<li><a href='/t{n}'>Headline {n}</a> A short summary of story number {n} from elsewhere "
                      f"in the valley, which runs to a sentence or two.</li>" for n in range(12))
    html = ("<html><body><div class='main'><ul class='ticker'>" + teasers + "</ul>"
            f"<div itemprop='articleBody'>{body_html()}</div></div></body></html>")
    assert texts(read(html)) == BODY


def test_paragraph_the_article_prints_twice_is_kept():
    """``markup_repeats``: on an HTML page a repeated paragraph of the flow is the author's."""
    html = page(inside_after=f"<p>{BODY[0]}</p>")
    article = read(html)
    assert texts(article) == BODY + [BODY[0]]
    assert not [item for item in article.removed if item.reason == "duplicate"]


def test_pull_quote_that_repeats_the_text_is_recorded_as_a_duplicate():
    quote = "the gas main under the road is replaced"
    html = page().replace(f"<p>{BODY[1]}</p>", f"<p>{BODY[1]}</p><blockquote class='pull'><p>{quote}</p></blockquote>")
    article = read(html)
    assert texts(article) == BODY
    [duplicate] = [item for item in article.removed if item.reason == "duplicate"]
    assert duplicate.text == quote and duplicate.of is not None and duplicate.of < duplicate.line


def test_trailer_heading_ends_the_article():
    html = page(inside_after="<h2>You may also like...</h2><p>A story about something else entirely, which "
                             "happens to sit in the same box as the article we are reading.</p>")
    article = read(html)
    assert texts(article) == BODY
    assert [item.text for item in article.removed][:1] == ["You may also like..."]


def test_page_with_no_article_says_so():
    from itvreport.errors import NoArticleError

    with pytest.raises(NoArticleError) as caught:
        read(f"<html><body><nav><ul>{LINKS}</ul></nav></body></html>", source="menu.html")
    assert "menu.html" in caught.value.message
