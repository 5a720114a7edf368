"""Element -> block mapping of the HTML reader, one invented snippet per element kind.

Each snippet stands inside an ordinary article (two body paragraphs before and
after it), read through the whole HTML path, so what is checked is what a user
gets.
"""

from __future__ import annotations

import pytest

from itvreport.model import Heading, Image, ListBlock, Media, Paragraph, Quote, Table
from itvreport.pipeline import read_article

BEFORE = (
    "<p>The ferry company said on Tuesday that the evening crossing to the island would run "
    "again from next week, after a month of repairs to the slipway at the harbour.</p>"
)
AFTER = (
    "<p>Passengers with tickets for cancelled sailings will be offered a refund or a place on "
    "a later boat, the company added in a statement published on its website.</p>"
)


def read(snippet: str, head: str = "", wrap: bool = True):
    body = f"<article>{BEFORE}{snippet}{AFTER}</article>" if wrap else snippet
    page = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    return read_article(page.encode("utf-8"), source="page.html")


def middle(snippet: str):
    """The blocks the snippet became (the surrounding paragraphs taken off)."""
    blocks = list(read(snippet).blocks)
    assert blocks[0] == Paragraph(blocks[0].text, line=blocks[0].line) and blocks[0].text.startswith("The ferry")
    assert blocks[-1].text.startswith("Passengers")
    return [block.replace(line=0) for block in blocks[1:-1]]


# --- paragraphs and headings ----------------------------------------------------------------


def test_paragraph_text_is_one_line_with_inline_markup_kept_as_text():
    blocks = middle("<p>The <b>new</b>  timetable\n starts on <a href='/x'>Monday</a>, at <em>six</em>.</p>")
    assert blocks == [Paragraph("The new timetable starts on Monday, at six.")]


@pytest.mark.parametrize("tag", ["h2", "h3", "h4"])
def test_subheadings_become_headings(tag):
    blocks = middle(f"<{tag}>What happens <span>next</span></{tag}>")
    assert blocks == [Heading("What happens next")]


def test_two_line_breaks_split_a_container_into_paragraphs():
    snippet = "<div>The first crossing leaves at seven.<br><br>The last one leaves at ten.<br>Both stop at Kelby.</div>"
    assert middle(snippet) == [
        Paragraph("The first crossing leaves at seven."),
        Paragraph("The last one leaves at ten. Both stop at Kelby."),
    ]


def test_paragraph_lines_come_from_the_source():
    article = read("<p>\nA line of its own.</p>")
    lines = [block.line for block in article.blocks]
    assert lines == sorted(lines) and all(line >= 1 for line in lines)


# --- quotes ---------------------------------------------------------------------------------


def test_blockquote_with_footer_is_a_quote_with_attribution():
    snippet = ("<blockquote><p>We will not let the island be cut off again.</p>"
               "<p>This is a lifeline for families here.</p>"
               "<footer>— Ana Vell, ferry users' group</footer></blockquote>")
    assert middle(snippet) == [Quote(
        ("We will not let the island be cut off again.", "This is a lifeline for families here."),
        "Ana Vell, ferry users' group",
    )]


def test_blockquote_with_cite_is_attributed():
    snippet = "<blockquote>Nobody wants another winter like the last one. <cite>Harbour master</cite></blockquote>"
    assert middle(snippet) == [Quote(("Nobody wants another winter like the last one.",), "Harbour master")]


def test_blockquote_without_attribution():
    assert middle("<blockquote><p>The boat is the only way off the island.</p></blockquote>") == [
        Quote(("The boat is the only way off the island.",), None)
    ]


def test_social_post_embed_is_read_as_a_quote():
    snippet = ("<div class='social-embed'><blockquote class='twitter-tweet'><p>Back on the water at last! "
               "<a href='https://t.invalid/x'>t.invalid/x</a></p>— Island Ferries (@islandferries) "
               "<a href='https://t.invalid/s'>March 5, 2024</a></blockquote></div>")
    [quote] = middle(snippet)
    assert isinstance(quote, Quote)
    assert quote.paragraphs[0].startswith("Back on the water at last!")


# --- lists ----------------------------------------------------------------------------------


def test_unordered_list():
    snippet = "<ul><li>a new ramp</li><li>a <b>heated</b> waiting room</li><li>two more car spaces</li></ul>"
    assert middle(snippet) == [ListBlock(("a new ramp", "a heated waiting room", "two more car spaces"), False)]


def test_ordered_list():
    assert middle("<ol><li>Book online</li><li>Print the ticket</li></ol>") == [
        ListBlock(("Book online", "Print the ticket"), True)
    ]


def test_nested_list_items_join_the_list():
    snippet = "<ul><li>Weekdays<ul><li>7am</li><li>10pm</li></ul></li><li>Weekends</li></ul>"
    assert middle(snippet) == [ListBlock(("Weekdays", "7am", "10pm", "Weekends"), False)]


# --- pictures -------------------------------------------------------------------------------


def test_figure_with_caption_and_credit_element():
    snippet = ("<figure><img src='a.jpg' alt='The slipway'><figcaption>Work on the slipway in February "
               "<span class='credit'>Island Council</span></figcaption></figure>")
    assert middle(snippet) == [Image("Work on the slipway in February", "Island Council")]


def test_figure_caption_with_credit_marker_in_the_text():
    snippet = "<figure><img src='a.jpg'><figcaption>The ferry at the quay. Photo: PA</figcaption></figure>"
    assert middle(snippet) == [Image("The ferry at the quay.", "PA")]


def test_figure_with_only_an_alt_text():
    snippet = "<figure><img src='a.jpg' alt='Cars queueing for the evening ferry'></figure>"
    assert middle(snippet) == [Image("Cars queueing for the evening ferry", None)]


def test_lone_image_with_describing_alt():
    assert middle("<p><img src='b.jpg' alt='The island seen from the mainland'></p>") == [
        Image("The island seen from the mainland", None)
    ]


@pytest.mark.parametrize("img", [
    "<img src='icon.png' alt='Share'>",                                # one word: an icon
    "<img src='s.png' alt='Ferry company logo here' width='16'>",      # tiny
    "<a href='/other'><img src='t.jpg' alt='Another story about ferries'></a>",  # a link's picture
])
def test_icons_and_link_pictures_are_not_pictures(img):
    assert middle(img) == []


def test_caption_outside_a_figure_is_a_picture_not_a_paragraph():
    snippet = ("<div class='image-block'><img src='c.jpg' alt=''><p class='image-caption'>The old slipway "
               "before the repairs (Photo: Island Council)</p></div>")
    assert middle(snippet) == [Image("The old slipway before the repairs", "Island Council")]


@pytest.mark.parametrize("text, caption, credit", [
    ("The new slipway at low tide (Image: Island Council)", "The new slipway at low tide", "Island Council"),
    ("Cars waiting at the quay. (AP Photo/Jo Bloggs, File)", "Cars waiting at the quay.", "Jo Bloggs, File"),
    ("The crew on the first crossing (Photo by Sam Ode/Island Pictures)", "The crew on the first crossing", "Sam Ode/Island Pictures"),
])
def test_paragraph_ending_with_a_bracketed_credit_is_a_caption(text, caption, credit):
    assert middle(f"<p>{text}</p>") == [Image(caption, credit)]


def test_brackets_in_ordinary_prose_are_not_credits():
    text = "The captain (pictured last year) said the crossing was calm."
    assert middle(f"<p>{text}</p>") == [Paragraph(text)]


def test_separate_credit_element_joins_the_picture_before_it():
    snippet = ("<figure><img src='a.jpg'><figcaption>The quay in the snow</figcaption></figure>"
               "<p class='photo-credit'>Island Pictures</p>")
    assert middle(snippet) == [Image("The quay in the snow", "Island Pictures")]


# --- media ----------------------------------------------------------------------------------


def test_video_with_a_title_is_a_media_note():
    assert middle("<video src='v.mp4' title='Our reporter on the first crossing'></video>") == [
        Media("Our reporter on the first crossing")
    ]


def test_iframe_embed_without_a_title_names_its_host():
    assert middle("<iframe src='https://www.video.invalid/embed/1'></iframe>") == [
        Media("video.invalid video")
    ]


def test_ad_frames_are_not_media():
    assert middle("<iframe src='https://ads.invalid/doubleclick/x'></iframe>") == []


# --- tables ---------------------------------------------------------------------------------


def test_data_table_becomes_a_table():
    snippet = "<table><tr><th>Day</th><th>Sailings</th></tr><tr><td>Monday</td><td>4</td></tr></table>"
    assert middle(snippet) == [Table((("Monday", "4"),), header=("Day", "Sailings"))]


def test_one_column_table_of_short_cells_keeps_a_paragraph_per_row():
    snippet = "<table><tr><td>Monday sailings</td></tr><tr><td>Tuesday sailings</td></tr></table>"
    assert middle(snippet) == [Paragraph("Monday sailings"), Paragraph("Tuesday sailings")]


# --- what is never text ----------------------------------------------------------------------


@pytest.mark.parametrize("snippet", [
    "<script>var secret = 'not text';</script>",
    "<style>p { color: red }</style>",
    "<noscript>Please enable JavaScript to read this page properly today.</noscript>",
    "<form><label>Email</label><input value='you@example.invalid'><button>Sign up</button></form>",
    "<p hidden>Hidden text that nobody sees on the page at all.</p>",
    "<p style='display: none'>Hidden text that nobody sees on the page at all.</p>",
    "<template><p>Template text that is never shown to readers.</p></template>",
    "<svg><text>Chart label</text></svg>",
])
def test_scripts_styles_forms_and_hidden_parts_are_not_text(snippet):
    assert middle(snippet) == []


def test_entities_are_decoded_and_escape_codes_removed():
    blocks = middle("<p>Fish &amp; chips &#8211; &#27;[31mred&#27;[0m &#x202e;reversed</p>")
    assert blocks == [Paragraph("Fish & chips – red reversed")]


# --- a figure that holds the rest of the page ------------------------------------------------

PARAGRAPHS = "".join(f"<p>Paragraph {n} of the story goes on about the harbour and the ferry for a while.</p>"
                     for n in range(1, 13))


def test_a_stray_div_left_open_in_a_figure_does_not_hide_the_article():
    """``<figure><img><div><figcaption>...</figcaption></figure>`` then the body: the
    parser keeps the body inside the open div, inside the figure, where a browser
    closes both at ``</figure>``. The caption is a picture's; the rest is read."""
    page = ("<!DOCTYPE html><html><body><article><h1>Ferry returns to the island</h1>"
            "<figure><img src='a.jpg'><div class='article__body'><figcaption>The ferry at the slipway. "
            "<span class='credit'>Island Council</span></figcaption></figure>"
            f"<div class='article__body'>{PARAGRAPHS}</div></article></body></html>")
    warnings = []
    article = read_article(page.encode("utf-8"), source="page.html", warn=warnings.append)
    texts = [block.text for block in article.blocks if isinstance(block, Paragraph)]
    assert texts == [f"Paragraph {n} of the story goes on about the harbour and the ferry for a while."
                     for n in range(1, 13)]
    assert warnings == []


def test_a_figure_with_a_long_caption_and_a_credit_stays_a_picture():
    caption = "The ferry at the slipway on the first morning of the new timetable, " * 8
    blocks = middle(f"<figure><img src='a.jpg'><figcaption>{caption}<span class='credit'>PA</span></figcaption></figure>")
    assert len(blocks) == 1 and isinstance(blocks[0], Image)
