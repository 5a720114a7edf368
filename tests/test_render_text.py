"""Plain-text renderer: exact output for hand-made articles."""

import subprocess
import sys

from itvreport.model import (
    Article, Heading, Image, ListBlock, LiveStory, Media, Paragraph, Quote, Removed,
)
from itvreport.render import RenderOptions
from itvreport.render.text import render


def full_article():
    return Article(
        source="storm.txt",
        headline="Storm [bold red]Ciarán[/] batters *coast*",
        date="2024-11-02",
        byline="Jane Doe",
        live_story=LiveStory("Storm Ciarán: live updates", ("Winds of 100mph", "Trains cancelled")),
        blocks=(
            Paragraph("Winds reached [bold red]90mph[/] overnight.", line=12),
            Heading("What happens next?", line=14),
            Image("Waves at [link=http://e]y[/link] Porthleven", credit="PA Images", line=16),
            Image("A fallen tree", line=17),
            Media("Watch: a tree falls", line=19),
            Quote(("Never seen anything like it.", "Stay indoors."), attribution="Jo_Smith", line=22),
            ListBlock(("Schools closed", "Roads # flooded"), line=26),
            ListBlock(("First", "Second"), ordered=True, line=29),
        ),
        removed=(
            Removed(21, "Winds reached 90mph overnight.", "duplicate", of=12),
            Removed(3, "Advertisement", "boilerplate"),
        ),
        words=40,
    )


FULL = """\
Storm [bold red]Ciarán[/] batters *coast*
2024-11-02 · By Jane Doe

Part of: Storm Ciarán: live updates
Winds of 100mph
Trains cancelled

Winds reached [bold red]90mph[/] overnight.

What happens next?

[Image: Waves at [link=http://e]y[/link] Porthleven — Credit: PA Images]

[Image: A fallen tree]

[Video: Watch: a tree falls]

> Never seen anything like it.
> Stay indoors.
> — Jo_Smith

• Schools closed
• Roads # flooded

1. First
2. Second
"""


def test_full_article_exact():
    assert render(full_article(), RenderOptions()) == FULL


def test_explain_appends_removed_section_in_line_order():
    out = render(full_article(), RenderOptions(explain=True))
    assert out == FULL + (
        "\n"
        "Removed (2):\n"
        "  line 3: Advertisement (boilerplate)\n"
        "  line 21: Winds reached 90mph overnight. (duplicate of line 12)\n"
    )


def test_explain_with_nothing_removed():
    out = render(Article(headline="H"), RenderOptions(explain=True))
    assert out == "H\n\nRemoved (0):\n"


def test_duplicate_without_source_line():
    article = Article(removed=(Removed(5, "x", "duplicate"),))
    assert render(article, RenderOptions(explain=True)) == "Removed (1):\n  line 5: x (duplicate)\n"


def test_metadata_parts_are_optional():
    assert render(Article(headline="H", date="2024-01-02"), RenderOptions()) == "H\n2024-01-02\n"
    assert render(Article(headline="H", byline="Ann"), RenderOptions()) == "H\nBy Ann\n"
    assert render(Article(byline="Ann"), RenderOptions()) == "By Ann\n"
    assert render(Article(headline="H"), RenderOptions()) == "H\n"


def test_live_story_without_summary():
    article = Article(headline="H", live_story=LiveStory("Live"))
    assert render(article, RenderOptions()) == "H\n\nPart of: Live\n"


def test_empty_article_is_one_newline():
    assert render(Article(), RenderOptions()) == "\n"


def test_no_hard_wrap_without_width():
    long = "word " * 100
    out = render(Article(blocks=(Paragraph(long.strip()),)), RenderOptions())
    assert out == long.strip() + "\n"


def test_wrap_keeps_prefixes_and_hanging_indents():
    article = Article(blocks=(
        Paragraph("one two three four five six"),
        Quote(("alpha beta gamma delta epsilon",), attribution="Somebody Important"),
        ListBlock(("red green blue yellow",)),
        ListBlock(("north south east west",), ordered=True),
    ))
    out = render(article, RenderOptions(width=14))
    assert out == (
        "one two three\n"
        "four five six\n"
        "\n"
        "> alpha beta\n"
        "> gamma delta\n"
        "> epsilon\n"
        "> — Somebody\n"
        "> Important\n"
        "\n"
        "• red green\n"
        "  blue yellow\n"
        "\n"
        "1. north south\n"
        "   east west\n"
    )


def test_wrap_applies_to_explain_entries():
    article = Article(removed=(Removed(7, "share this article now", "boilerplate"),))
    out = render(article, RenderOptions(width=20, explain=True))
    assert out == "Removed (1):\n  line 7: share this\n    article now\n    (boilerplate)\n"


def test_ordered_numbers_count_up():
    out = render(Article(blocks=(ListBlock(tuple("abc"), ordered=True),)), RenderOptions())
    assert out == "1. a\n2. b\n3. c\n"


def test_image_without_caption():
    article = Article(blocks=(Image("", credit="PA"),))
    assert render(article, RenderOptions()) == "[Image — Credit: PA]\n"


def test_empty_block_text_adds_no_extra_blank_lines():
    article = Article(blocks=(Paragraph("a"), Heading(""), Paragraph("b")))
    assert render(article, RenderOptions()) == "a\n\nb\n"


def test_no_escape_codes_even_from_page_text():
    article = Article(headline="\x1b[31mred\x1b[0m", blocks=(Paragraph("a\tb\x07c\x9bd"),))
    out = render(article, RenderOptions())
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\t" not in out
    assert out == "\ufffd[31mred\ufffd[0m\n\na b\ufffdc\ufffdd\n"


def test_ends_with_exactly_one_newline():
    for options in (RenderOptions(), RenderOptions(width=30, explain=True)):
        out = render(full_article(), options)
        assert out.endswith("\n") and not out.endswith("\n\n")


def test_plain_renderers_do_not_import_rich():
    code = (
        "import sys, itvreport.render.text, itvreport.render.markdown, itvreport.render.json\n"
        "assert 'rich' not in sys.modules, sorted(m for m in sys.modules if m.startswith('rich'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
