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


# --- no silent failure -------------------------------------------------------------------

POEM = ["The kettle sings at six,", "the yard is white with frost,", "and someone has left the gate open",
        "again, again, again.", "The hens do not mind.", "Nor do I.", "The lane runs down to the river",
        "where the ice is thin as paper,", "and the heron stands on one leg", "as if the cold were nothing.",
        "By noon the frost is water,", "the gate still swings,", "and the kettle sings again."]
NOTICE = "This site keeps a small file on your computer to remember your choices; the privacy page says how."


def poem_page() -> str:
    lines = "".join(f"<p>{line}</p>" for line in POEM)
    return ("<html><head><title>Frost at six | The Yard Book</title></head><body>"
            f"<div class='notice'><p>{NOTICE}</p></div>"
            f"<div class='page'><h1>Frost at six</h1><div class='verse'>{lines}</div></div>{SIDEBAR}</body></html>")


def test_region_too_small_falls_back_to_the_readable_text_with_a_warning():
    """A page of short lines (a poem) beside one long notice: the notice's box is the only one
    that reads like body text, but it holds a small share of the page's text. The page's
    readable text is shown instead, and a warning says so."""
    warnings, notes = [], []
    article = read_article(poem_page().encode(), source="frost.html", input_kind="html",
                           warn=warnings.append, explain=notes.append)
    shown = texts(article)
    assert all(line in shown for line in POEM)
    assert not any(f"Month {n}" in " ".join(shown) for n in range(12))  # the sidebar stays out
    [warning] = warnings
    assert "readable text" in warning and "%" in warning
    [note] = notes
    assert note.startswith("no article box:")


def test_explain_names_the_chosen_box_and_why():
    paragraphs = "".join(f"<p>{text}</p>" for text in POST)
    html = f"<html><body><div id='main'><div class='entry-body'>{paragraphs}</div></div>{SIDEBAR}</body></html>"
    notes, warnings = [], []
    read_article(html.encode(), source="p.html", input_kind="html", warn=warnings.append, explain=notes.append)
    [note] = notes
    assert note.startswith('article: <div class="entry-body"> (line 1), the box with the most body text')
    assert "100% of the page's readable text" in note
    assert warnings == []


def test_page_with_a_headline_and_no_body_is_an_error():
    from itvreport.errors import NoArticleError

    html = ("<html><head><title>Closing times | Ferry Co</title></head><body><h1>Closing times</h1>"
            f"<nav><ul>{''.join(f'<li><a href=/p{n}>Pier {n}</a></li>' for n in range(6))}</ul></nav>"
            "<footer><p>Ferry Co, Harbour Office, Quay Street.</p></footer></body></html>")
    with pytest.raises(NoArticleError) as caught:
        read(html, source="ferry.html")
    assert caught.value.message == "no article found in ferry.html: a headline (Closing times) but no body text"


def _cli(*args, cwd):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM")}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "itvreport", "show", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, stdin=subprocess.DEVNULL, timeout=60)


def test_cli_no_body_exits_1_with_one_error_line(tmp_path):
    (tmp_path / "ferry.html").write_text("<html><body><h1>Closing times</h1><nav><a href='/a'>Home</a> "
                                         "<a href='/b'>Piers</a></nav></body></html>", encoding="utf-8")
    proc = _cli("ferry.html", "--format", "text", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr == "itvreport: error: no article found in ferry.html: a headline (Closing times) but no body text\n"


def test_cli_fallback_warns_on_stderr_and_explain_says_why(tmp_path):
    (tmp_path / "frost.html").write_text(poem_page(), encoding="utf-8")
    proc = _cli("frost.html", "--format", "text", "--explain", cwd=tmp_path)
    assert proc.returncode == 0
    lines = proc.stderr.splitlines()
    assert lines[0].startswith("itvreport: explain: frost.html: no article box: the best box held ")
    assert lines[1].startswith("itvreport: warning: frost.html: no box on the page held the article (")
    assert len(lines) == 2
    assert "again, again, again." in proc.stdout


# --- the whole article -------------------------------------------------------------------

SECTIONS = {
    "Before you start": [
        "You will need a ladder, a bucket of warm water with a spoon of washing soda in it, and an old "
        "paintbrush with stiff bristles that you do not mind ruining.",
        "Choose a dry morning with no wind, because the gutter will drip onto whatever stands below it, "
        "and wet leaves are slippery on the rungs of a ladder.",
        "Tell someone in the house that you are going up, and keep your phone in a zipped pocket.",
    ],
    "Clearing the gutter": [
        "Start at the end furthest from the downpipe and scoop the leaves and moss out by hand into the "
        "bucket hung from the ladder, working towards the outlet.",
        "Brush the gutter's floor with the soda water so that the last of the silt runs down towards the "
        "downpipe rather than settling again in the joints.",
    ],
    "Checking the downpipe": [
        "Pour a jug of clean water into the outlet and listen at the bottom of the pipe; a steady gurgle "
        "means it is clear, and silence means a blockage near the top.",
        "A length of garden hose pushed up from below usually shifts a plug of leaves without taking the "
        "pipe apart, but wear gloves, because what comes out is not pleasant.",
        "If the water still backs up, the bend at the foot of the pipe may be packed with grit and will "
        "have to be unscrewed and rinsed out in the garden.",
    ],
}


def sections_page() -> str:
    parts = []
    for n, (title, paragraphs) in enumerate(SECTIONS.items()):
        if n:
            links = "".join(f"<li><a href='/j{n}{k}'>Another weekend job for the house, number {k}</a></li>" for k in range(12))
            parts.append(f"<figure><img src='g{n}.jpg' alt='step {n}'><figcaption>Step {n} of the job, seen from the "
                         f"ladder.</figcaption></figure><div class='ad-slot'>Advertisement</div><ul>{links}</ul>")
        inner = "".join(f"<p>{text}</p>" for text in paragraphs)
        parts.append(f"<section class='step'><h2>{title}</h2><div class='step-text'>{inner}</div></section>")
    nav = "".join(f"<li><a href='/g{n}'>Guide {n}</a></li>" for n in range(10))
    return (f"<html><head><title>How to clear a gutter - Home Jobs</title></head><body><header><ul>{nav}</ul></header>"
            f"<div class='layout'><div class='guide'><h1>How to clear a gutter</h1>{''.join(parts)}</div>"
            f"{SIDEBAR}</div><footer><p>Home Jobs is written by volunteers.</p></footer></body></html>")


def test_article_in_several_sections_with_figures_between_is_read_whole():
    """``widen``: each section in its own box; a figure, an advert and a list of links to other
    guides between them (which weigh against the box that holds them all)."""
    article = read(sections_page())
    body = [text for text in texts(article) if not text.startswith("Step ")]
    expected = [piece for title, paragraphs in SECTIONS.items() for piece in [title, *paragraphs]]
    assert body == expected
    assert article.headline == "How to clear a gutter"


def test_page_of_divs_without_paragraph_elements_is_read():
    """Text straight in ``<div>`` elements, no ``<p>`` anywhere."""
    inner = "".join(f"<div class='t'>{text}</div>" for text in POST)
    html = (f"<html><body><div class='top'><div><a href='/'>Home</a></div><div><a href='/n'>News</a></div></div>"
            f"<div class='wrap'><div class='headline'><h1>Allotment list opens again</h1></div>{inner}</div></body></html>")
    article = read(html)
    assert texts(article) == POST
    assert article.headline == "Allotment list opens again"


def test_text_separated_by_br_is_cut_into_its_paragraphs():
    """Paragraphs separated by ``<br><br>`` inside one box, no ``<p>``."""
    inner = "<br><br>\n".join(POST)
    html = f"<html><body><h1>Allotment list opens again</h1><div id='story'>{inner}</div>{SIDEBAR}</body></html>"
    assert texts(read(html)) == POST


def test_lazy_loaded_picture_is_kept_with_its_caption():
    html = ("<html><body><article><h1>Allotment list opens again</h1>" + f"<p>{POST[0]}</p>"
            "<figure><img class='lazy' src='data:image/gif;base64,R0lGOD' data-src='plots.jpg' alt='The new plots'>"
            f"<figcaption>The new plots behind the cricket ground.</figcaption></figure><p>{POST[1]}</p>"
            f"<p>{POST[2]}</p></article></body></html>")
    article = read(html)
    assert [block.type for block in article.blocks] == ["paragraph", "image", "paragraph", "paragraph"]
    assert article.blocks[1].caption == "The new plots behind the cricket ground."


def test_standfirst_in_the_article_header_joins_the_body():
    """``lead_text``: the summary the page sets in the article's header, above the body's box."""
    standfirst = ("Fernhollow's allotment waiting list opens again after three years, with twelve new plots "
                  "behind the cricket ground.")
    paragraphs = "".join(f"<p>{text}</p>" for text in POST)
    html = ("<html><body><main><article><header><h1>Allotment list opens again</h1><p class='byline'>By Ada Brook</p>"
            f"<div class='article-intro'><p>{standfirst}</p></div></header>"
            f"<div class='article-body'>{paragraphs}</div></article></main>{SIDEBAR}</body></html>")
    article = read(html)
    assert texts(article) == [standfirst, *POST]


def test_repeated_paragraph_of_the_flow_is_kept_and_a_standfirst_echo_is_not_shown_twice():
    """An article that prints a line twice on purpose (a refrain) keeps both; a standfirst
    that the body prints again as its first paragraph is shown once."""
    refrain = "And still the gate swings open, every morning, whatever the committee decides to do about it."
    body = "".join(f"<p>{text}</p>" for text in [POST[0], refrain, POST[1], POST[2], refrain])
    html = ("<html><body><article><header><h1>Allotment list opens again</h1>"
            f"<p class='summary'>{POST[0]}</p></header><div class='post-body'>{body}</div></article>{SIDEBAR}</body></html>")
    article = read(html)
    assert texts(article) == [POST[0], refrain, POST[1], POST[2], refrain]
    [echo] = [item for item in article.removed if item.reason == "duplicate"]
    assert echo.text == POST[0] and echo.of is not None


# --- Chinese and Japanese ----------------------------------------------------------------------

JA = [
    "南山町の図書館は来月から夜九時まで開くことになりました。仕事や学校のあとにも本を借りられるようにするためです。",
    "町によりますと、夜の時間は二人の職員が交代で受付を担当し、子ども向けの読み聞かせも月に二回開くということです。",
    "町の人たちは「帰り道に寄れるのはありがたい」と話していて、図書館は利用者の声を聞きながら時間を見直すとしています。",
]


def test_japanese_page_reads_with_its_paragraphs_headline_and_words():
    body = "".join(f"<p>{text}</p>" for text in JA)
    html = ("<html><head><meta charset='utf-8'><title>図書館が夜も開館へ｜みなみ新聞</title></head><body>"
            f"<div class='nav'><a href='/'>トップ</a> <a href='/n'>ニュース</a></div>"
            f"<article><h1>図書館が夜も開館へ</h1><div class='honbun'>{body}</div></article>{SIDEBAR}</body></html>")
    article = read(html)
    assert article.headline == "図書館が夜も開館へ"
    assert texts(article) == JA
    # every Han, hiragana and katakana character is a word; punctuation is not
    ideographs = sum(1 for text in [article.headline, *JA] for ch in text
                     if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff")
    assert article.words == ideographs


def test_chinese_page_in_its_declared_charset_is_decoded_by_it():
    """``declared_charset``: bytes that are not UTF-8, read in the charset the page declares."""
    paragraphs = ["南山县图书馆下个月起每天开放到晚上九点，方便居民下班以后借书。",
                  "县文化局表示，晚间将有两名工作人员值班，每月还会举办两次儿童故事会。"]
    html = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
            "<title>图书馆延长开放时间_南山日报</title></head><body><div class='content'>"
            + "".join(f"<p>{text}</p>" for text in paragraphs) + "</div></body></html>")
    warnings = []
    article = read_article(html.encode("gbk"), source="cn.html", warn=warnings.append)
    assert article.format == "html"
    assert article.headline == "图书馆延长开放时间"
    assert texts(article) == paragraphs
    assert warnings == []


def test_words_count_each_ideograph_and_spaced_words_as_words():
    from itvreport.model import count_words

    assert count_words("Kindle for PC の設定") == 3 + 3
    assert count_words("町の図書館。") == 5
    assert count_words("서울 도서관 개관") == 3  # Korean is spaced
    assert count_words("plain words here") == 3


@pytest.mark.parametrize("label", ["Mehr zum Thema", "Das könnte Sie auch interessieren!", "À lire aussi",
                                   "Czytaj także", "Le puede interesar: El puerto cierra por obras"])
def test_label_of_a_box_of_other_stories_is_left_out_in_any_language(label):
    """``widget_label``: the label that opens a box of the site's other stories inside the article."""
    paragraphs = [f"<p>{text}</p>" for text in POST]
    paragraphs.insert(2, f"<p><strong>{label}</strong></p>")
    html = f"<html><body><article><h1>Allotment list opens again</h1>{''.join(paragraphs)}</article>{SIDEBAR}</body></html>"
    article = read(html)
    assert texts(article) == POST
    assert label in [item.text for item in article.removed]


def test_page_builder_boxes_and_layout_state_words_are_not_furniture():
    """``layout_words``: ``elementor-widget``, ``wpb_wrapper`` and ``no-sidebar`` say how the page
    is laid out, not that the box is a widget or a sidebar."""
    paragraphs = "".join(f"<p>{text}</p>" for text in POST[:2])  # a short post: no "most of the page" excuse
    html = ("<html><body><div id='content-wrap' class='container no-sidebar'><div class='elementor-widget-wrap'>"
            "<div class='elementor-element elementor-widget elementor-widget-text-editor'>"
            f"<div class='elementor-widget-container'><h1>Allotment list opens again</h1>{paragraphs}</div></div>"
            f"</div></div>{SIDEBAR}</body></html>")
    warnings, notes = [], []
    article = read_article(html.encode(), source="p.html", input_kind="html", warn=warnings.append, explain=notes.append)
    assert texts(article) == POST[:2]
    assert warnings == [] and notes[0].startswith('article: <div class="elementor-widget-container">')


def test_heading_whose_anchor_id_has_a_furniture_word_is_kept():
    """A subheading's id is an anchor made of its words (``nav-the-new-plots``), not a name."""
    html = ("<html><body><article><h1>Allotment list opens again</h1>" + f"<p>{POST[0]}</p>"
            f"<h2 id='nav_the_new_plots'>The new plots</h2><p>{POST[1]}</p><p>{POST[2]}</p></article></body></html>")
    assert texts(read(html)) == [POST[0], "The new plots", POST[1], POST[2]]


def test_standfirst_set_as_a_long_heading_is_read_as_body_text():
    standfirst = ("Three years after it closed, the waiting list for Fernhollow's allotments opens again, "
                  "with twelve new plots marked out behind the cricket ground.")
    paragraphs = "".join(f"<p>{text}</p>" for text in POST)
    html = ("<html><body><div class='story'><div class='top'><h1>Allotment list opens again</h1>"
            f"<h2>{standfirst}</h2></div><div class='words'><div class='text'>{paragraphs}</div></div></div>"
            f"{SIDEBAR}</body></html>")
    assert texts(read(html)) == [standfirst, *POST]


@pytest.mark.parametrize("line", ["11 Jan 2019", "3:59 PM", "15:30 Uhr", "Jan. 11, 2019", "5. März 2020"])
def test_date_or_clock_time_alone_inside_the_article_is_left_out(line):
    """``timestamp_line``: a paragraph that is only a date or only a clock time is not text."""
    paragraphs = [f"<p>{text}</p>" for text in POST]
    paragraphs.insert(1, f"<p>{line}</p>")
    html = f"<html><body><article><h1>Allotment list opens again</h1>{''.join(paragraphs)}</article></body></html>"
    article = read(html)
    assert texts(article) == POST
    assert line in [item.text for item in article.removed]


@pytest.mark.parametrize("label", ["Rezept drucken", "Quellen ausblenden", "Externer Inhalt", "zurück zur vorherigen Seite"])
def test_control_labels_in_other_languages_are_left_out(label):
    paragraphs = [f"<p>{text}</p>" for text in POST]
    paragraphs.insert(2, f"<div class='tool'>{label}</div>")
    html = f"<html><body><article><h1>Allotment list opens again</h1>{''.join(paragraphs)}</article></body></html>"
    assert texts(read(html)) == POST


def test_article_cut_into_boxes_named_alike_as_its_body_is_read_whole():
    """``split_body``: the page names two boxes as the body, with an advert column between; the
    second holds most of the text (enough to be taken alone as the named body)."""
    rest = POST[1:] + [text for paragraphs in SECTIONS.values() for text in paragraphs]
    html = ("<html><body><div class='page'><div class='row'><div class='col'><h1>Allotment list opens again</h1>"
            f"<div class='story-text'><p>{POST[0]}</p></div></div><div class='col ad-column'><p>Advertisement</p></div></div>"
            f"<div class='row'><div class='col'><div class='story-text'>{''.join(f'<p>{text}</p>' for text in rest)}</div></div></div>"
            f"</div>{SIDEBAR}</body></html>")
    assert texts(read(html)) == [POST[0], *rest]


def test_list_of_links_set_among_the_paragraphs_is_kept_and_a_box_of_links_apart_is_not():
    """``link_list_in_text``: a "See also" list among the article's paragraphs is the article's;
    a run of links in a box of its own is not."""
    see_also = ["Fernhollow cricket ground and its pavilion", "Allotments in the Lowen valley since 1900"]
    items = "".join(f"<li><a href='/w{n}'>{text}</a></li>" for n, text in enumerate(see_also))
    others = "".join(f"<p><a href='/o{n}'>Another story from the village, number {n}</a></p>" for n in range(4))
    html = ("<html><body><article><h1>Allotment list opens again</h1>" + "".join(f"<p>{text}</p>" for text in POST)
            + f"<h2>Places nearby</h2><ul>{items}</ul><div class='more'>{others}</div></article>{SIDEBAR}</body></html>")
    assert texts(read(html)) == [*POST, "Places nearby", *see_also]


def test_post_kept_in_noscript_for_readers_without_scripts_is_read():
    """``noscript_text``: a blog that fills its post in by script keeps a copy in ``<noscript>``;
    a short ``<noscript>`` notice stays out."""
    paragraphs = "".join(f"<p>{text}</p>" for text in POST)
    html = ("<html><body><noscript>Please turn on JavaScript.</noscript><div class='post'><h1>Allotment list opens again</h1>"
            f"<script type='text/template'>{paragraphs}</script><noscript>{paragraphs}</noscript></div>{SIDEBAR}</body></html>")
    article = read(html)
    assert texts(article) == POST


def test_heading_left_open_by_broken_markup_does_not_swallow_the_article():
    """``open_heading``: ``<h2>`` closed by ``</h3>`` holds everything after it in the tree."""
    html = ("<html><body><div class='story'><h1>Allotment list opens again</h1><h2 class='excerpt'>Twelve new plots.</h3>"
            "<div class='body'>" + "".join(f"<p>{text}</p>" for text in POST) + f"</div></div>{SIDEBAR}</body></html>")
    shown = texts(read(html))
    assert shown[-3:] == POST


def test_list_article_is_read_as_its_list_not_its_references():
    """``list_entries``: an encyclopaedia's list page (short entries, a long reference list after
    them) reads as its list; the JSON-LD type label is not its headline."""
    entries = [f"Ada Brook {n} ({1900 + n}–{1960 + n}), painter of the Lowen valley" for n in range(40)]
    items = "".join(f"<li><a href='/p{n}'>{text.split(' (')[0]}</a> ({text.split(' (')[1]}</li>" for n, text in enumerate(entries))
    refs = "".join(f"<li><cite>Jones, A. ({1990 + n}). Painters of the Lowen valley, volume {n}. Tarbridge: Valley Press. "
                   f"pp. {n * 10}–{n * 10 + 9}. Retrieved {n + 1} March 2020.</cite></li>" for n in range(25))
    html = ("<html><head><title>List of Lowen valley painters - Wikipedia</title><script type='application/ld+json'>"
            '{"@type": "Article", "headline": "Wikimedia list article"}</script></head><body><h1>List of Lowen valley painters</h1>'
            "<div class='mw-parser-output'><p>This is a list of painters who lived and worked in the valley of the River "
            f"Lowen, from the founding of the Tarbridge school in 1890 to the present day.</p><h2>Painters</h2><ul>{items}</ul>"
            f"<h2>References</h2><div class='reflist'><ol class='references'>{refs}</ol></div></div></body></html>")
    article = read(html)
    assert article.headline == "List of Lowen valley painters"
    shown = texts(article)
    assert all(entry in shown for entry in entries)
