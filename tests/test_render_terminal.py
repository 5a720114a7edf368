"""Rich terminal renderer: layout without colour, styles with colour, no markup injection."""

import io
import re

import pytest
from rich.cells import cell_len

from itvreport.model import (
    Article, Heading, Image, ListBlock, LiveStory, Media, Paragraph, Quote, Removed, article_words,
)
from itvreport.render import RenderOptions
from itvreport.render.terminal import render

HEADLINE = "Storm [bold red]Ciarán[/] batters *coast*"
BLOCKS = (
    Paragraph("Winds reached [bold red]90mph[/] overnight, the Met Office said, as thousands "
              "lost power across the south west of England.", line=12),
    Heading("What happens next?", line=14),
    Image("Waves crash over the sea wall at [link=http://e]y[/link] Porthleven", credit="PA", line=16),
    Media("Watch: the moment a tree fell onto a parked car in Plymouth", line=19),
    Quote(("We have never seen anything like it in my thirty years on the coast.", "Stay indoors."),
          attribution="Chief Constable Jo Smith of Devon and Cornwall Police", line=22),
    ListBlock(("Schools closed in dozens of places across Cornwall and Devon today", "Roads flooded"),
              line=26),
    ListBlock(tuple(f"Step {n} is a fairly long instruction that wraps" for n in range(1, 11)),
              ordered=True, line=29),
)
ARTICLE = Article(
    source="storm.txt",
    headline=HEADLINE,
    date="2024-11-02",
    byline="Jane Doe",
    live_story=LiveStory("Storm Ciarán: live updates", ("Winds of 100mph", "Trains cancelled")),
    blocks=BLOCKS,
    removed=(
        Removed(21, "Winds reached 90mph overnight.", "duplicate", of=12),
        Removed(3, "Advertisement", "boilerplate"),
        Removed(50, "Share this article", "boilerplate"),
    ),
    words=article_words(HEADLINE, BLOCKS),
)

ESC = "\x1b"
SGR = re.compile(r"\x1b\[[0-9;]*m")


def show(article=ARTICLE, **options):
    out = io.StringIO()
    render(article, RenderOptions(**options), out)
    return out.getvalue()


def lines_of(article=ARTICLE, **options):
    return show(article, color=False, **options).splitlines()


def run_from(lines, start):
    """The lines from the first one starting with ``start`` up to the next blank line."""
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    run = []
    for line in lines[first:]:
        if not line.strip():
            break
        run.append(line)
    return run


def flat(lines):
    return " ".join(" ".join(lines).split())


# --- layout, colour off -----------------------------------------------------------


@pytest.mark.parametrize("width", [60, 40])
def test_no_colour_means_no_escape_codes(width):
    assert ESC not in show(width=width, color=False, explain=True)


@pytest.mark.parametrize("width", [60, 40, 25])
def test_no_line_wider_than_width(width):
    for line in lines_of(width=width, explain=True):
        assert cell_len(line) <= width, line


def test_headline_first_then_dim_metadata():
    lines = lines_of(width=100)
    assert lines[0] == HEADLINE
    assert lines[1] == f"2024-11-02 · By Jane Doe · {ARTICLE.words} words · 1 min read"


def test_metadata_counts_words_and_minutes():
    article = Article(headline="H", words=460)
    assert lines_of(article, width=80)[1] == "460 words · 2 min read"
    assert lines_of(Article(headline="H", words=1), width=80)[1] == "1 word · 1 min read"
    assert lines_of(Article(headline="H"), width=80)[1] == "0 words"


def test_live_story_context():
    lines = lines_of(width=60)
    assert run_from(lines, "Part of:") == [
        "Part of: Storm Ciarán: live updates", "• Winds of 100mph", "• Trains cancelled",
    ]


def test_page_markup_is_shown_literally():
    text = flat(lines_of(width=40))
    assert "[bold red]90mph[/]" in text
    assert "[link=http://e]y[/link]" in text
    assert lines_of(width=60)[0] == HEADLINE


QUOTE_AT = {
    60: [
        "│ We have never seen anything like it in my thirty years on",
        "│ the coast.",
        "│",
        "│ Stay indoors.",
        "│",
        "│ — Chief Constable Jo Smith of Devon and Cornwall Police",
    ],
    40: [
        "│ We have never seen anything like it in",
        "│ my thirty years on the coast.",
        "│",
        "│ Stay indoors.",
        "│",
        "│ — Chief Constable Jo Smith of Devon",
        "│ and Cornwall Police",
    ],
}


@pytest.mark.parametrize("width", [60, 40])
def test_every_quote_line_has_the_bar(width):
    quote = run_from(lines_of(width=width), "│ We have")
    assert quote == QUOTE_AT[width]


@pytest.mark.parametrize("width", [60, 40])
def test_bullets_have_a_hanging_indent(width):
    items = run_from(lines_of(width=width), "• Schools")
    assert len(items) == 3  # the first item wraps
    assert items[0].startswith("• Schools closed") and items[2] == "• Roads flooded"
    assert items[1].startswith("  ") and items[1][2] != " "
    assert flat(items[:2]) == "• Schools closed in dozens of places across Cornwall and Devon today"


def test_ordered_list_numbers_align():
    items = run_from(lines_of(width=40), " 1. Step 1")
    numbered = [line for line in items if re.match(r" ?\d+\. ", line)]
    assert len(numbered) == 10
    assert numbered[-1].startswith("10. Step 10")
    for line in items:
        assert re.match(r"( \d|\d\d)\. \S", line) or re.match(r" {4}\S", line), line


def test_caption_and_media_lines():
    lines = lines_of(width=60)
    caption = run_from(lines, "Image: Waves crash")
    assert flat(caption).endswith("Porthleven — Credit: PA")
    media = run_from(lines, "▶ Video: Watch")
    assert len(media) == 2 and media[1].startswith("  ")


def test_heading_and_paragraph_are_wrapped_not_cut():
    lines = lines_of(width=40)
    assert "What happens next?" in lines
    paragraph = run_from(lines, "Winds reached")
    assert flat(paragraph) == " ".join(BLOCKS[0].text.split())
    assert all(line == line.rstrip() for line in lines)


def test_explain_interleaves_removed_lines_with_reasons():
    lines = lines_of(width=80, explain=True)
    ad = lines.index("✗ Advertisement (boilerplate)")
    duplicate = lines.index("✗ Winds reached 90mph overnight. (duplicate of line 12)")
    assert lines.index("• Trains cancelled") < ad < lines.index("What happens next?")
    quote = next(i for i, line in enumerate(lines) if line.startswith("│ We have"))
    video = lines.index("▶ Video: Watch: the moment a tree fell onto a parked car in Plymouth")
    assert video < duplicate < quote
    assert lines[-1] == "✗ Share this article (boilerplate)"


def test_without_explain_removed_lines_are_absent():
    out = show(width=80, color=False)
    assert "✗" not in out and "boilerplate" not in out and "Advertisement" not in out


def test_explain_with_nothing_removed():
    assert lines_of(Article(headline="H"), width=40, explain=True)[-1] == "Nothing was removed."


def test_width_is_capped(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    article = Article(blocks=(Paragraph("word " * 200),))
    lines = lines_of(article)
    assert max(map(len, lines)) <= RenderOptions.MAX_WIDTH
    assert max(map(len, lines)) > 80
    assert max(map(len, lines_of(article, width=300))) <= RenderOptions.MAX_WIDTH


def test_wide_characters_fit():
    article = Article(blocks=(Paragraph("日本語のテキスト " * 20), Quote(("雨" * 50,))))
    for line in lines_of(article, width=30):
        assert cell_len(line) <= 30


def test_control_characters_from_the_page_are_neutralised():
    article = Article(headline="\x1b[31mred\x1b[0m", blocks=(Paragraph("a\x1b]8;;http://x\x07b"),))
    assert ESC not in show(article, width=40, color=False)
    coloured = show(article, width=40, color=True)
    assert "\x1b[31m" not in coloured and "\x1b]8;" not in coloured


# --- styles, colour on --------------------------------------------------------------


def styled(**options):
    return show(color=True, **options)


def style_before(out, text):
    """The SGR codes in force just before ``text`` (the last escape sequence preceding it)."""
    index = out.index(text)
    codes = SGR.findall(out[:index])
    return codes[-1] if codes else ""


def test_colour_styles_are_present():
    out = styled(width=80, explain=True)
    assert out.startswith("\x1b[1m" + "Storm")  # bold headline
    assert "2" in style_before(out, "2024-11-02").split("[")[1]  # dim metadata
    caption = style_before(out, "Image: Waves")
    assert set(caption[2:-1].split(";")) >= {"2", "3"}  # dim italic caption
    struck = style_before(out, "Advertisement")
    assert set(struck[2:-1].split(";")) >= {"2", "9"}  # dim and struck through
    assert "\x1b[1m" + "What happens next?" in out  # bold heading


def test_styles_do_not_leak_into_neighbouring_text():
    out = styled(width=80, explain=True)
    assert style_before(out, "We have never seen") == "\x1b[0m"  # quote text plain, bar dim
    assert style_before(out, "│ ") == "\x1b[2m"
    assert style_before(out, "Storm Ciarán: live") == "\x1b[1m"  # not dim as its label is
    assert style_before(out, "Watch: the moment") == "\x1b[3m"  # italic, not bold as its label is
    assert style_before(out, "Trains cancelled") == "\x1b[0m"


def test_page_text_injects_no_style():
    out = styled(width=80, explain=True)
    plain = SGR.sub("", out)
    assert "[bold red]90mph[/]" in plain and "[link=http://e]y[/link]" in plain
    assert "[bold red]" in plain.splitlines()[0]
    codes = {code for seq in SGR.findall(out) for code in seq[2:-1].split(";")}
    assert codes <= {"", "0", "1", "2", "3", "9"}  # no colour at all, certainly no red (31)
    assert "\x1b]8;" not in out  # no hyperlink from [link=...]


def test_colour_on_does_not_change_the_text():
    assert SGR.sub("", styled(width=60, explain=True)) == show(width=60, color=False, explain=True)


def test_no_color_env_does_not_override_explicit_colour(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    assert "\x1b[1m" in styled(width=60)


def test_a_closed_pipe_reaches_the_caller():
    class ClosedPipe(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

    with pytest.raises(BrokenPipeError):
        render(ARTICLE, RenderOptions(width=60, color=False), ClosedPipe())


# --- the terminal writer lays out lines as rich's Text.wrap does -------------------------

TRICKY = (
    "日本語のテキスト " * 9,
    "雨" * 45,
    "a\u3000b\u2003c\u00a0d " * 8 + "end",
    "👍🏽 family 👨\u200d👩\u200d👧 ok ❤\ufe0f " * 4,
    "\u200dzwj first then words " * 3,
    "x" * 130,
    "trailing spaces      ",
    "   leading spaces and  double  spaces   ",
    "e\u0301" * 60,
    # rich's cell_len and its grapheme crop disagree on a leading zero-width
    # joiner: rows like these are cropped, and only in rich's order of steps
    "\u200d\ufffd日hj本g本— ",
    "\u200daa\u2003本本本 é ",
    "",
)


def tricky_article(text):
    blocks = (
        Paragraph(text, line=2), Heading(text, line=3), Image(text, credit=text, line=4), Media(text, line=5),
        Quote((text, text), attribution=text, line=6), ListBlock((text, "b", text), ordered=True, line=7),
    )
    return Article(
        headline=text, byline=text, live_story=LiveStory(text, (text,)), blocks=blocks,
        removed=(Removed(1, text, "boilerplate"), Removed(6, text, "duplicate", of=2),
                 Removed(9, text, "odd\nreason\twith\rcontrols")),
        words=article_words(text, blocks),
    )


def text_path(article, **options):
    """The view as the exporters make it: Text objects, wrapped by rich's Text.wrap."""
    from itvreport.render import terminal

    out = io.StringIO()
    options = RenderOptions(**options)
    terminal._print(terminal.make_console(options, out), article, options)
    return out.getvalue()


@pytest.mark.parametrize("width", [10, 11, 13, 17, 24, 40, 61, 100])
@pytest.mark.parametrize("color", [False, True])
def test_terminal_writer_matches_rich_text_wrap(width, color):
    for article in (ARTICLE, *map(tricky_article, TRICKY)):
        for explain in (False, True):
            options = dict(width=width, color=color, explain=explain)
            assert show(article, **options) == text_path(article, **options), (width, article.headline)


def test_without_rich_line_breaking_the_view_is_the_same(monkeypatch):
    from itvreport.render import terminal

    expected = show(width=60, color=True, explain=True)
    monkeypatch.setattr(terminal, "divide_line", None)
    assert show(width=60, color=True, explain=True) == expected
