"""What a reader sees of an HTML page beyond its body text: byline, headline, captions and
credits, media notes, and the page's own furniture left inside the article.

One invented snippet per rule, read through the whole HTML path (``read_article``), so what
is checked is what a user gets. Rule names are the ones in the code's docstrings.
"""

from __future__ import annotations

import json

import pytest

from itvreport.html.meta import byline_name
from itvreport.model import Heading, Image, Media, Paragraph, Removed
from itvreport.pipeline import read_article

FIRST = (
    "The harbour board said on Monday that the old swing bridge over the inner basin will be "
    "replaced next spring, after engineers found cracks in two of its main girders."
)
SECOND = (
    "The new bridge will be wider, with a separate lane for cyclists, and is expected to take "
    "about nine months to build, during which a ferry will carry people across the basin."
)
THIRD = (
    "Traders on the quay said they welcomed the news but were worried about losing customers "
    "while the crossing is closed, and asked the board to keep the works as short as it can."
)


def page(snippet: str = "", head: str = "", after: str = "", before: str = "") -> bytes:
    body = (
        f"<article>{before}<p>{FIRST}</p>{snippet}<p>{SECOND}</p><p>{THIRD}</p>{after}</article>"
    )
    return f"<!DOCTYPE html>\n<html><head>{head}</head>\n<body>{body}</body></html>".encode("utf-8")


def read(snippet: str = "", **parts):
    return read_article(page(snippet, **parts), source="page.html")


def middle(snippet: str, **parts):
    """The blocks the snippet became (the body paragraphs around it taken off)."""
    blocks = [block.replace(line=0) for block in read(snippet, **parts).blocks]
    return [block for block in blocks if not (isinstance(block, Paragraph) and block.text in (FIRST, SECOND, THIRD))]


def removed_texts(article) -> list[str]:
    return [item.text for item in article.removed]


def ld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# --- byline_name: the person's name(s) only ------------------------------------------------------


@pytest.mark.parametrize("declared, name", [
    ("By TOM KRISHER, AP Auto Writer", "Tom Krisher"),
    ("By MEG KINNARD and ERRIN HAINES, Associated Press", "Meg Kinnard and Errin Haines"),
    ("Analysis by Chris Cillizza, CNN Editor-at-large", "Chris Cillizza"),
    ("Jill Disis, CNN Business", "Jill Disis"),
    ("Ilana Muhlstein, MS, RDN", "Ilana Muhlstein"),
    ("Amy Kuperinsky | NJ Advance Media for NJ.com", "Amy Kuperinsky"),
    ("Finian Cunningham. Sputnik International", "Finian Cunningham"),
    ("By: Jane Doe", "Jane Doe"),
    ("SEAN O'NEIL-SMITH", "Sean O'Neil-Smith"),
    ("Ann Lee, Bo Park and Cy Diaz", "Ann Lee, Bo Park and Cy Diaz"),
    ("J.K. Rowling", "J.K. Rowling"),
    ("PTI", "PTI"),               # one word in capitals: an agency's acronym, left as written
    ("Mary McDONALD", "Mary McDONALD"),  # small letters anywhere: written as the site wrote it
    ("Abby Smith", "Abby Smith"),  # "by" inside a name is not a "By"
])
def test_byline_is_the_name_only(declared, name):
    assert byline_name(declared) == name
    article = read(head=ld({"@type": "NewsArticle", "headline": "Bridge to be replaced", "author": {"name": declared}}))
    assert article.byline == name


@pytest.mark.parametrize("declared", ["@usatoday", "admin", "https://example.invalid/staff/jo"])
def test_a_handle_a_login_or_a_link_is_not_a_byline(declared):
    assert byline_name(declared) is None
    assert read(head=f'<meta name="author" content="{declared}">').byline is None


def test_an_author_link_names_the_writer_when_the_meta_tags_only_have_a_handle():
    head = '<meta name="twitter:creator" content="@harbournews">'
    before = "<p class='byline'>Words by <a rel='author' href='/staff/rosa'>Rosa Pentreath</a></p>"
    assert read(head=head, before=before).byline == "Rosa Pentreath"


def test_a_byline_printed_again_in_the_body_is_removed():
    head = ld({"@type": "NewsArticle", "headline": "Bridge to be replaced", "author": "Staff Reports"})
    article = read("<p>Staff Reports</p>", head=head)
    assert "Staff Reports" not in [getattr(block, "text", "") for block in article.blocks]
    assert Removed(article.removed[0].line, "Staff Reports", Removed.BOILERPLATE) in article.removed


def test_a_byline_line_in_capitals_found_in_the_body_is_title_cased():
    article = read(before="<p>By TOM KRISHER</p>")
    assert article.byline == "Tom Krisher"


# --- headline ------------------------------------------------------------------------------------


def test_entities_escaped_twice_in_the_declared_headline_are_decoded():
    head = '<meta property="og:title" content="&amp;#8216;Lights&amp;#8217; return to PG&amp;E harbour&amp;nbsp;walk">'
    assert read(head=head).headline == "‘Lights’ return to PG&E harbour walk"


def test_h1_at_the_top_of_the_article_is_the_headline_the_reader_saw():
    head = ld({"@type": "NewsArticle", "headline": "Swing bridge to go"})
    article = read(before="<h1>Old swing bridge over the inner basin to be replaced</h1>", head=head)
    assert article.headline == "Old swing bridge over the inner basin to be replaced"
    assert not any(isinstance(block, Heading) for block in article.blocks)


def test_a_subheading_after_the_text_has_begun_is_not_taken_for_the_headline():
    head = ld({"@type": "NewsArticle", "headline": "Swing bridge to go"})
    article = read("<h2>What happens next</h2>", head=head)
    assert article.headline == "Swing bridge to go"
    assert Heading("What happens next") in middle("<h2>What happens next</h2>", head=head)


# --- captions and credits ----------------------------------------------------------------------------


@pytest.mark.parametrize("caption, text, credit", [
    ("Crews inspect the girders on Monday. (AP Photo/Jane Doe, File)", "Crews inspect the girders on Monday.", "AP Photo/Jane Doe, File"),
    ("Crews inspect the girders, May 2, 2023. (Joshua Roberts/Reuters)", "Crews inspect the girders, May 2, 2023.", "Joshua Roberts/Reuters"),
    ("The bridge at dusk in Kelmouth. (AP)", "The bridge at dusk in Kelmouth.", "AP"),
    ("The bridge at dusk [File: Reuters]", "The bridge at dusk", "Reuters"),
    ("The bridge at dusk, May 2, 2023. REUTERS/Brendan Hale/File Photo", "The bridge at dusk, May 2, 2023.", "REUTERS/Brendan Hale/File Photo"),
    ("The bridge at dusk. Kathrin Vale/Getty", "The bridge at dusk.", "Kathrin Vale/Getty"),
    ("The bridge at dusk. (Photos by Ann Lee, left, and Bo Park/Invision/AP)", "The bridge at dusk.", "Ann Lee, left, and Bo Park/Invision/AP"),
    ("The bridge at dusk. Photo: Getty Images", "The bridge at dusk.", "Getty Images"),
])
def test_caption_credit_is_split_off(caption, text, credit):
    assert middle(f"<figure><img src='b.jpg'><figcaption>{caption}</figcaption></figure>") == [Image(text, credit)]


@pytest.mark.parametrize("caption", [
    "The bridge carries traffic to Los Angeles (CA/NV)",
    "The bridge (built in 1890) and the quay",
    "Ships wait to enter the basin (left) and leave it (right)",
])
def test_brackets_in_a_caption_that_are_not_credits_stay(caption):
    assert middle(f"<figure><img src='b.jpg'><figcaption>{caption}</figcaption></figure>") == [Image(caption)]


def test_block_spacing_keeps_a_caption_and_its_small_print_apart():
    snippet = ("<figure><img src='b.jpg'><figcaption><div><p>Cracks in a girder of the old bridge.</p></div>"
               "<small>Harbour Board</small></figcaption></figure>")
    assert middle(snippet) == [Image("Cracks in a girder of the old bridge.", "Harbour Board")]


def test_screen_reader_labels_are_not_part_of_a_caption():
    snippet = ("<figure><img src='b.jpg'><figcaption><span class='off-screen'>Image caption</span>"
               "The old bridge at dusk</figcaption></figure>")
    assert middle(snippet) == [Image("The old bridge at dusk")]


def test_a_caption_hidden_from_screen_readers_is_still_the_visible_caption():
    snippet = ("<figure><img src='b.jpg'><figcaption><span aria-hidden='true'>The old bridge at dusk.</span>"
               "<span itemprop='copyrightHolder'><span>Credit...</span><span>Rosa Pentreath/Harbour News</span></span>"
               "</figcaption></figure>")
    assert middle(snippet) == [Image("The old bridge at dusk.", "Rosa Pentreath/Harbour News")]


def test_figure_credit_printed_outside_the_caption():
    snippet = ("<figure><span><img src='b.jpg'><span class='story-image-copyright'>Getty Images</span></span>"
               "<figcaption>The old bridge at dusk</figcaption></figure>")
    assert middle(snippet) == [Image("The old bridge at dusk", "Getty Images")]


def test_a_credit_class_on_a_wrapper_round_the_whole_caption_is_not_a_credit():
    snippet = ("<figure><img src='b.jpg'><figcaption><div class='_pattribution-w-auto'>"
               "<div class='caption'>The old bridge at dusk.</div><div class='attribution'>Harbour Board</div>"
               "</div></figcaption></figure>")
    assert middle(snippet) == [Image("The old bridge at dusk.", "Harbour Board")]


def test_lazy_picture_placeholder_alt_is_its_caption():
    snippet = ("<figure><div class='js-delayed-image-load' data-alt='Divers inspect the bridge footings'></div>"
               "<span class='story-image-copyright'>Harbour Board</span></figure>")
    assert middle(snippet) == [Image("Divers inspect the bridge footings", "Harbour Board")]


@pytest.mark.parametrize("line, credit", [("© Harbour Board", "Harbour Board"), ("Main image credit: Getty", "Getty"),
                                          ("Jo Bloggs, ASSOCIATED PRESS", "Jo Bloggs, ASSOCIATED PRESS")])
def test_credit_line_after_a_picture_becomes_its_credit(line, credit):
    assert middle(f"<img src='b.jpg' alt='The old swing bridge at dusk'><p>{line}</p>") == [Image("The old swing bridge at dusk", credit)]


def test_credit_line_with_no_picture_goes_to_removed():
    article = read(after="<p>© Harbour Board</p>")
    assert "© Harbour Board" in removed_texts(article)
    assert all(getattr(block, "text", "") != "© Harbour Board" for block in article.blocks)


def test_the_articles_copyright_notice_is_kept():
    notice = "© 2023 Harbour News. All Rights Reserved. This material may not be published or redistributed."
    assert Paragraph(notice) in middle("", after=f"<p>{notice}</p>")


def test_caption_repeat_a_paragraph_that_prints_the_caption_again():
    article = read("<figure><img src='b.jpg'><figcaption>The new bridge design</figcaption></figure><p>The new bridge design</p>")
    assert [block.replace(line=0) for block in article.blocks].count(Paragraph("The new bridge design")) == 0
    assert any(item.reason == Removed.DUPLICATE and item.text == "The new bridge design" for item in article.removed)


# --- a slideshow inside the article ------------------------------------------------------------------

GALLERY = """
<figure><img src='1.jpg'><figcaption>Divers inspect the footings of the old bridge on Monday.
  <span class='credit'>Photo: Jo Bloggs, AP</span></figcaption></figure>
<figure><img src='1b.jpg'><figcaption><span class='credit'>Jo Bloggs, AP</span></figcaption></figure>
<div class='gallery-controls'>
  <div class='nav-stats'>Image <span>1</span> <span>of</span> <span>23</span></div>
  <p class='open'>Caption</p>
  <p class='close'>Close</p>
</div>
<div class='caption'>
  <div class='slide-count'>Image 1 of 23</div>
  <div class='caption-full'>Divers inspect the footings of the old bridge on Monday. <a>less</a></div>
  <div class='caption-truncated'>Divers inspect the footings of the old <a class='more-caption'>... more</a></div>
  <span class='credit'>Photo: Jo Bloggs, AP</span>
</div>
"""


def test_gallery_furniture_is_removed_and_the_picture_shown_once():
    article = read(GALLERY)
    pictures = [block for block in article.blocks if isinstance(block, Image)]
    assert [picture.replace(line=0) for picture in pictures] == [
        Image("Divers inspect the footings of the old bridge on Monday.", "Jo Bloggs, AP")
    ]
    shown = [getattr(block, "text", "") for block in article.blocks]
    for furniture in ("Caption", "Close", "Image 1 of 23"):
        assert furniture not in shown
    reasons = {item.text: item.reason for item in article.removed}
    assert reasons["Caption"] == reasons["Close"] == reasons["Image 1 of 23"] == Removed.BOILERPLATE
    assert reasons["Jo Bloggs, AP"] == Removed.DUPLICATE
    assert reasons["Divers inspect the footings of the old bridge on Monday."] == Removed.DUPLICATE
    assert all(item.line > 0 for item in article.removed)


@pytest.mark.parametrize("caption, shown", [
    ("Image 3 of 12 Divers at work", "Divers at work"),
    ("2/12: Divers at work", "Divers at work"),
    ("Divers inspect the footings of the old bridge. less Divers inspect the footings ... more",
     "Divers inspect the footings of the old bridge."),
])
def test_caption_tidy(caption, shown):
    assert middle(f"<figure><img src='b.jpg'><figcaption>{caption}</figcaption></figure>") == [Image(shown)]


# --- the page's own controls and sections ---------------------------------------------------------------


@pytest.mark.parametrize("label", [
    "Share this on WhatsApp", "Read More", "Text size", "1 of 6", "1 - 5 of 36", "This slideshow requires JavaScript.",
    "Story continues below gallery", "Related Roundup: Harbour works", "Filed under: Bridges |", "SUBSCRIBE",
    "Subscribe to Harbour News and stay up to date with the works.", "DON'T MISS", "Leggi anche", "Iklan",
    "Back to top",
])
def test_widget_label_inside_the_article_goes_to_removed(label):
    article = read(f"<p>{label}</p>")
    assert middle(f"<p>{label}</p>") == []
    assert label in removed_texts(article)


@pytest.mark.parametrize("trailer", ["Comments", "3 Comments", "Related stories", "More Great Harbour Stories",
                                     "Popular on Harbour News", "Tell us what YOU think...", "- Next Harbour News", "Topics"])
def test_a_trailer_ends_the_article(trailer):
    after = f"<h3>{trailer}</h3><p>A teaser for another story from the harbour, long enough to read like a paragraph of text.</p>"
    article = read(after=after)
    assert [getattr(block, "text", "") for block in article.blocks][-1] == THIRD
    assert trailer in removed_texts(article)


def test_next_steps_is_a_subheading_not_a_trailer():
    assert Heading("Next steps") in middle("<h2>Next steps</h2>")


@pytest.mark.parametrize("stamp", ["Updated at 1:23 p.m.", "Last updated: 20 November 2023", "Published 3 hours ago"])
def test_timestamp_line_goes_to_removed(stamp):
    assert middle(f"<p>{stamp}</p>") == []
    assert stamp in removed_texts(read(f"<p>{stamp}</p>"))


def test_a_heading_with_nothing_after_it_goes_to_removed():
    article = read(after="<h3>More:</h3><ul><li><a href='/a'>Another story</a></li><li><a href='/b'>And another</a></li></ul>")
    assert not isinstance(article.blocks[-1], Heading)
    assert "More:" in removed_texts(article)


def test_a_lone_section_word_before_the_article_goes():
    assert "Review" in removed_texts(read(before="<p>Review</p>"))


def test_teaser_caption_another_storys_linked_title_is_not_a_picture():
    snippet = ("<div class='teaser'><a href='/other'><img src='t.jpg' alt='Ferry fares to rise'></a>"
               "<div class='media__caption'><a href='/other'>Ferry fares to rise in the new year</a></div></div>")
    article = read(snippet)
    assert middle(snippet) == []
    assert "Ferry fares to rise in the new year" in removed_texts(article)


def test_hover_card_beside_a_name_is_not_read_into_the_sentence():
    snippet = ("<p>Harbour master <span class='rollover-people'><a class='rollover-people-link' href='/p/jo'>Jo Marsh</a>"
               "<span class='rollover-people-block'><img src='jo.jpg'><a href='/p/jo'>Jo Marsh</a>"
               "<a href='/s/1'>Harbour master warns of winter storms</a></span></span> said the work was overdue.</p>")
    assert middle(snippet) == [Paragraph("Harbour master Jo Marsh said the work was overdue.")]


def test_a_tooltip_round_a_plain_word_stays():
    snippet = "<p>The <span class='tooltip'>inner basin</span> is closed.</p>"
    assert middle(snippet) == [Paragraph("The inner basin is closed.")]


# --- media notes -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("embed, note", [
    ("<iframe src='https://www.youtube.com/embed/x1'></iframe>", "YouTube video"),
    ("<iframe src='https://www.youtube.com/embed/x1' title='YouTube video player'></iframe>", "YouTube video"),
    ("<iframe src='https://embed.acast.com/harbour/1' title='Embedded Frame'></iframe>", "Acast audio"),
    ("<iframe src='https://tools.example.invalid/calc'></iframe>", "Embedded content from tools.example.invalid"),
    ("<video data-video-id='61' class='video-js'></video>", "Untitled video"),
    ("<iframe src='https://www.youtube.com/embed/x1' title='https://www.youtube.com/embed/x1'></iframe>", "YouTube video"),
    ("<iframe src='https://www.youtube.com/embed/x1' title='The new bridge in 3D'></iframe>", "The new bridge in 3D"),
])
def test_media_note_says_what_the_embed_is(embed, note):
    assert middle(embed) == [Media(note)]


def test_video_caption_a_figure_round_a_player_is_a_media_note_with_its_caption():
    snippet = ("<figure class='media-with-caption'><div class='media-player-wrapper'><img src='poster.jpg'>"
               "<div>Media playback is unsupported on your device</div></div>"
               "<figcaption><span class='off-screen'>Media caption</span>How the new bridge will look</figcaption></figure>")
    assert middle(snippet) == [Media("How the new bridge will look")]


@pytest.mark.parametrize("stamp", ["sexta-feira, 22 de outubro de 2010 às 20:13", "기사입력 :[ 2018-08-25 15:24 ]",
                                   "20.11.2019, 14:05 Uhr"])
def test_a_line_that_is_only_a_date_and_a_time_goes_in_any_language(stamp):
    assert stamp in removed_texts(read(before=f"<p>{stamp}</p>"))


def test_a_sentence_with_a_year_and_a_time_stays():
    sentence = "The ferry left at 10:30 on 2 May 2023."
    assert middle(f"<p>{sentence}</p>") == [Paragraph(sentence)]


def test_url_promo_a_line_sending_the_reader_to_an_address_goes():
    line = "More Harbour News: https://example.invalid/harbour and https://example.invalid/quay"
    article = read(after=f"<p>{line}</p>")
    assert line in removed_texts(article)
    kept = "The board published the plans on its website, https://example.invalid/bridge, on Monday."
    assert middle(f"<p>{kept}</p>") == [Paragraph(kept)]
