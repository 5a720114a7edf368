"""Markdown renderer: the output re-parses (markdown-it, CommonMark) as the same document."""

import pytest
from markdown_it import MarkdownIt

from itvreport.model import (
    Article, Heading, Image, ListBlock, LiveStory, Media, Paragraph, Quote, Removed,
)
from itvreport.render import RenderOptions
from itvreport.render.markdown import escape, render

PARSERS = {
    "commonmark": MarkdownIt("commonmark"),
    # GitHub-style extras: tables and ~~strikethrough~~.
    "gfm-ish": MarkdownIt("commonmark").enable(["table", "strikethrough"]),
}


def outline(source, parser="commonmark"):
    """(enclosing block tags, plain text, inline markup) for every piece of text, in order."""
    stack, out = [], []
    for token in PARSERS[parser].parse(source):
        if token.nesting == 1:
            stack.append(token.tag)
        elif token.nesting == -1:
            stack.pop()
        elif token.type == "inline":
            text = "".join(c.content for c in token.children if c.type in ("text", "text_special"))
            marks = [c.type for c in token.children if c.type not in ("text", "text_special")]
            out.append(("/".join(stack), text, marks))
        else:
            out.append((token.type, token.content.strip(), []))
    return out


def md(article, **options):
    return render(article, RenderOptions(**options))


EM = ["em_open", "em_close"]


def full_article():
    return Article(
        headline="Storm [bold red]Ciarán[/] batters *coast*",
        date="2024-11-02",
        byline="Jane_Doe",
        live_story=LiveStory("Storm Ciarán: live", ("Winds of 100mph", "1. Trains cancelled")),
        blocks=(
            Paragraph("Winds reached [bold red]90mph[/] overnight.", line=12),
            Heading("What happens next?", line=14),
            Image("Waves at [link=http://e]y[/link]", credit="PA_Images", line=16),
            Image("A fallen tree", line=17),
            Media("Watch: a *tree* falls", line=19),
            Quote(("Never seen <b>it</b>.", "# Stay indoors."), attribution="Jo_Smith", line=22),
            ListBlock(("Schools closed", "- Roads flooded"), line=26),
            ListBlock(("First", "Second"), ordered=True, line=29),
        ),
        removed=(Removed(21, "Winds *reached*", "duplicate", of=12), Removed(3, "Ad", "boilerplate")),
        words=40,
    )


def test_full_article_source():
    assert md(full_article()) == """\
# Storm \\[bold red\\]Ciarán\\[/\\] batters \\*coast\\*

*2024-11-02 · By Jane\\_Doe*

Part of: Storm Ciarán: live

- Winds of 100mph
- 1\\. Trains cancelled

Winds reached \\[bold red\\]90mph\\[/\\] overnight.

## What happens next?

*Image: Waves at \\[link=http://e\\]y\\[/link\\] — Credit: PA\\_Images*

*Image: A fallen tree*

*Video: Watch: a \\*tree\\* falls*

> Never seen \\<b\\>it\\</b\\>.
>
> \\# Stay indoors.
>
> — Jo\\_Smith

- Schools closed
- \\- Roads flooded

<!-- -->

1. First
2. Second
"""


def test_full_article_reparses_as_the_same_document():
    expected = [
        ("h1", "Storm [bold red]Ciarán[/] batters *coast*", []),
        ("p", "2024-11-02 · By Jane_Doe", EM),
        ("p", "Part of: Storm Ciarán: live", []),
        ("ul/li/p", "Winds of 100mph", []),
        ("ul/li/p", "1. Trains cancelled", []),
        ("p", "Winds reached [bold red]90mph[/] overnight.", []),
        ("h2", "What happens next?", []),
        ("p", "Image: Waves at [link=http://e]y[/link] — Credit: PA_Images", EM),
        ("p", "Image: A fallen tree", EM),
        ("p", "Video: Watch: a *tree* falls", EM),
        ("blockquote/p", "Never seen <b>it</b>.", []),
        ("blockquote/p", "# Stay indoors.", []),
        ("blockquote/p", "— Jo_Smith", []),
        ("ul/li/p", "Schools closed", []),
        ("ul/li/p", "- Roads flooded", []),
        ("html_block", "<!-- -->", []),
        ("ol/li/p", "First", []),
        ("ol/li/p", "Second", []),
    ]
    for parser in PARSERS:
        assert outline(md(full_article()), parser) == expected


def test_explain_section():
    out = md(full_article(), explain=True)
    assert out.endswith(
        "## Removed\n\n"
        "- line 3: Ad (boilerplate)\n"
        "- line 21: Winds \\*reached\\* (duplicate of line 12)\n"
    )
    assert outline(out)[-3:] == [
        ("h2", "Removed", []),
        ("ul/li/p", "line 3: Ad (boilerplate)", []),
        ("ul/li/p", "line 21: Winds *reached* (duplicate of line 12)", []),
    ]


def test_explain_with_nothing_removed():
    assert md(Article(headline="H"), explain=True) == "# H\n\n## Removed\n\nNothing was removed.\n"


NASTY = [
    "*bold*", "**strong**", "_em_", "snake_case_name by Jo_Smith", "a * b _ c",
    "# not heading", "## not heading ##", "#hashtag", "Heading #",
    "1. not list", "2) not list", "10. ten", "123456789. big",
    "- dash", "+ plus", "* star", "> not quote", ">> deeper",
    "=", "===", "---", "***", "___", "- - -",
    "| a | b |", "a | b", "~~strike~~", "~~~", "```", "`code`", "``",
    "[link](x)", "[ref]", "[ref]: http://x", "![img](y)", "[bold red]x[/]", "[link=http://e]y[/link]",
    "<b>bold</b>", "<!-- c -->", "<div>", "<http://x.y>", "http://x.y/a_b_c",
    "back\\slash", "\\*not em\\*", "ends with backslash\\", "\\",
    "&amp; &copy; &#32; &", "    four spaces", "  two spaces", " one", "trailing  ", "\u00a0nbsp",
    "!", "!!", "*", "_", "#", "-", "+", ">", "<", "&", "|", "1.", "1)",
    "Quote: “smart” — dash", "emoji 🌧 and Ciarán",
]


def nasty_article(s):
    return Article(
        headline=s,
        byline=s,
        blocks=(
            Paragraph(s), Heading(s), Image(s, credit=s), Media(s),
            Quote((s, s), attribution=s), ListBlock((s, s)), ListBlock((s,), ordered=True),
        ),
    )


@pytest.mark.parametrize("s", NASTY)
@pytest.mark.parametrize("parser", PARSERS)
def test_nasty_text_reparses_unchanged(s, parser):
    # Italic lines (metadata, captions, media) are trimmed: emphasis cannot start or end at a space.
    italic = lambda text: (text.strip(), EM)  # noqa: E731
    expected = [
        ("h1", s, []),
        ("p", *italic(f"By {s}")),
        ("p", s, []),
        ("h2", s, []),
        ("p", *italic(f"Image: {s} — Credit: {s}")),
        ("p", *italic(f"Video: {s}")),
        ("blockquote/p", s, []),
        ("blockquote/p", s, []),
        ("blockquote/p", f"— {s}", []),
        ("ul/li/p", s, []),
        ("ul/li/p", s, []),
        ("html_block", "<!-- -->", []),
        ("ol/li/p", s, []),
    ]
    assert outline(md(nasty_article(s)), parser) == expected


@pytest.mark.parametrize("s", NASTY)
def test_escape_is_plain_text_alone_on_a_line(s):
    assert outline(escape(s) + "\n") == [("p", s, [])]


def test_consecutive_lists_stay_separate():
    article = Article(blocks=(ListBlock(("a",)), ListBlock(("b",)), ListBlock(("c",), ordered=True)))
    tags = [path for path, _, _ in outline(md(article))]
    assert tags == ["ul/li/p", "html_block", "ul/li/p", "html_block", "ol/li/p"]


def test_summary_list_then_list_block_stay_separate():
    article = Article(live_story=LiveStory("Live", ("s",)), blocks=(ListBlock(("a",)),))
    assert [path for path, _, _ in outline(md(article))] == ["p", "ul/li/p", "html_block", "ul/li/p"]


def test_image_without_credit_and_media():
    out = md(Article(blocks=(Image("Cap"), Media("Clip"))))
    assert out == "*Image: Cap*\n\n*Video: Clip*\n"


def test_ordered_list_numbers():
    assert md(Article(blocks=(ListBlock(("a", "b"), ordered=True),))) == "1. a\n2. b\n"


def test_no_wrapping_and_one_trailing_newline():
    long = " ".join(["word"] * 80)
    out = md(Article(blocks=(Paragraph(long),)), width=20)
    assert out == long + "\n"
    assert md(Article()) == "\n"


def test_control_characters_do_not_reach_the_output():
    out = md(Article(blocks=(Paragraph("a\x1b[31mb"),)))
    assert "\x1b" not in out


# Property: any short string of markdown-significant characters survives escaping.
from hypothesis import given, settings, strategies as st  # noqa: E402

SIGNIFICANT = st.sampled_from(
    list(" !\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~aZ") + ["\u00a0", "\u3000", "é"]
)


@settings(max_examples=300, deadline=None)
@given(st.text(SIGNIFICANT, min_size=1, max_size=12))
def test_escape_property(s):
    for parser in PARSERS:
        assert outline(escape(s) + "\n", parser) == [("p", s, [])]
        assert outline("- " + escape(s) + "\n", parser) == [("ul/li/p", s, [])]
        assert outline("> " + escape(s) + "\n", parser) == [("blockquote/p", s, [])]
        assert outline("## " + escape(s) + "\n", parser) == [("h2", s, [])]
        if s.strip():
            assert outline(f"*{escape(s.strip())}*\n", parser) == [("p", s.strip(), EM)]
