"""Terminal safety: page text can't drive the terminal, in any format, and text that
looks like rich markup is shown as it is.

Each hostile sequence is put in every place page text can end up (headline,
paragraph, heading, list items, caption and credit, media note, quote and
attribution, removed chrome, the parent story of an update page) and the page
is rendered in every format. What may come out:

* no C0 control but newline, no DEL, no C1 control, no bidi embedding, override
  or isolate;
* no ESC at all, except (``rich``) the SGR colour codes rich writes itself;
* the words around each sequence, unchanged.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from itvreport.model import Article, Code, Heading, Image, ListBlock, LiveStory, Media, Paragraph, Quote, Removed, Table
from itvreport.pipeline import read_article
from itvreport.render import RenderOptions, render
from helpers import clean_env, outside_code_fences

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("text", "markdown", "json", "rich")

RICH_SGR = re.compile(r"\x1b\[[0-9;]*m")
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

HOSTILE = {
    "SGR colour": "\x1b[31m",
    "SGR 256 colour and bold": "\x1b[1;38;5;196m",
    "SGR reset": "\x1b[0m",
    "clear screen and home": "\x1b[2J\x1b[H",
    "cursor up and erase line": "\x1b[5A\x1b[2K",
    "OSC title (BEL)": "\x1b]0;pwned\x07",
    "OSC title (ST)": "\x1b]2;pwned\x1b\\",
    "OSC 8 link open": "\x1b]8;;https://evil.example/\x1b\\",
    "OSC 8 link close": "\x1b]8;;\x1b\\",
    "OSC 52 clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "DCS": "\x1bP+q544e\x1b\\",
    "charset switch": "\x1b(0",
    "full reset": "\x1bc",
    "lone ESC": "\x1b",
    "8-bit CSI": "\x9b2J",
    "8-bit OSC": "\x9d0;pwned\x9c",
    "NEL": "\x85",
    "BEL, BS, DEL": "\x07\x08\x7f",
    "NUL": "\x00",
    "VT, FF": "\x0b\x0c",
    "RLO": "\u202e",
    "LRO": "\u202d",
    "RLE, PDF": "\u202b\u202c",
    "RLI, PDI": "\u2067\u2069",
    "FSI": "\u2068",
    "BOM": "\ufeff",
}

# One page with a slot ({x}) in every place page text can end up.
TEMPLATE = """\
Storm{x} brings chaos
Live updates as{x} winds hit.
View all 12 updates ›

Trees{x} down in Kent

Advert{x}isement

More than 8,000 homes{x} are without power this evening.

Where{x} the damage is

• Kent{x} coast roads
• Ashford{x} town centre

A fallen tree{x} blocks the road Photo: Kent{x} Police

Sophie{x} Lanyon reports from Tenterden:

The council leader said:

We will{x} not rest until every home has power.

— Jane{x} Doe, council leader

Rest centres have been opened{x} in Ashford.
"""
WORDS_AROUND = ["Storm", "brings", "Trees", "homes", "Kent", "Ashford", "tree", "Sophie", "We", "Jane", "opened"]


def page(sequence: str) -> bytes:
    return TEMPLATE.replace("{x}", sequence).encode("utf-8")


def render_to_string(article, fmt, options) -> str:
    out = io.StringIO()
    render(article, fmt, options, out)
    return out.getvalue()


def assert_safe(output: str, fmt: str) -> None:
    if fmt == "rich":
        output = RICH_SGR.sub("", output)
    elif fmt == "markdown":
        output = outside_code_fences(output)  # code keeps its tabs there, and only there
    assert "\x1b" not in output, (fmt, output)
    assert UNSAFE.findall(output) == [], (fmt, UNSAFE.findall(output))


@pytest.fixture(scope="module")
def reference():
    return read_article(page(""))


def test_template_reaches_every_place(reference):
    """The page really puts text in every kind of place (else the tests below prove less)."""
    assert reference.headline == "Trees down in Kent"
    assert reference.live_story.title == "Storm brings chaos"
    assert reference.byline == "Sophie Lanyon"
    kinds = {block.type for block in reference.blocks}
    assert kinds == {"paragraph", "heading", "list", "image", "media", "quote"}
    assert any(item.text == "Advertisement" for item in reference.removed)
    quote = next(block for block in reference.blocks if block.type == "quote")
    assert quote.attribution == "Jane Doe, council leader"
    image = next(block for block in reference.blocks if block.type == "image")
    assert image.credit == "Kent Police"


# Sequences whose removal can change the text around them, as a terminal would:
# a C1 introducer goes alone (what followed stays as text), a lone ESC takes the
# letter after it as its final byte ("Advert\x1bisement"), and a NUL in every
# slot is too many NULs for a text page (refused as binary; see below).
NOT_EXACT = {"8-bit CSI", "8-bit OSC", "lone ESC", "NUL"}


def assert_safe_in_every_format(article, words):
    """Every format, plain and wrapped with --explain, is safe and still shows ``words``."""
    for fmt in FORMATS:
        for options in (RenderOptions(explain=True), RenderOptions(width=30, explain=True, color=False)):
            output = render_to_string(article, fmt, options)
            assert_safe(output, fmt)
            for word in words:
                assert word in output, (fmt, word)


@pytest.mark.parametrize("name", sorted(set(HOSTILE) - {"NUL"}))
def test_hostile_sequence_is_removed_in_every_format(name, reference):
    article = read_article(page(HOSTILE[name]))
    if name not in NOT_EXACT:
        # The sequence is gone and the page reads as if it had never been there.
        assert article == reference
    assert_safe_in_every_format(article, WORDS_AROUND)


# The slots only an HTML page has: a code block (its text, with a tab, and its language) and
# a table (caption, header cells, body cells).
HTML_TEMPLATE = """\
<!DOCTYPE html><html><head><title>Pier{x} timetable changes</title></head><body><article>
<h1>Pier{x} timetable changes</h1>
<p>The ferry{x} company has published the new summer timetable for the pier, with two extra sailings.</p>
<pre><code class="language-te{x}xt">depart{x} 06:10
\tarrive{x} 06:55</code></pre>
<table><caption>Sailings{x} from the pier</caption>
<thead><tr><th>Day{x}</th><th>First{x}</th></tr></thead>
<tbody><tr><td>Monday{x}</td><td>06:10</td></tr><tr><td>Tuesday</td><td>07:20{x}</td></tr></tbody></table>
<p>Tickets{x} bought for the old times will still be accepted on the new sailings until June.</p>
</article></body></html>
"""
HTML_WORDS_AROUND = ["Pier", "ferry", "depart", "arrive", "Sailings", "Day", "First", "Monday", "07", "Tickets"]


def html_page(sequence: str) -> bytes:
    return HTML_TEMPLATE.replace("{x}", sequence).encode("utf-8")


@pytest.fixture(scope="module")
def html_reference():
    return read_article(html_page(""))


def test_html_template_reaches_the_code_and_table_slots(html_reference):
    kinds = [block.type for block in html_reference.blocks]
    assert kinds == ["paragraph", "code", "paragraph", "table", "paragraph"]
    code, table = html_reference.blocks[1], html_reference.blocks[3]
    assert code == Code("depart 06:10\n\tarrive 06:55", "text", line=code.line)
    assert table.header == ("Day", "First") and table.rows == (("Monday", "06:10"), ("Tuesday", "07:20"))


@pytest.mark.parametrize("name", sorted(set(HOSTILE) - {"NUL"}))
def test_hostile_sequence_in_code_and_tables_is_removed_in_every_format(name, html_reference):
    article = read_article(html_page(HOSTILE[name]))
    if name not in NOT_EXACT:
        assert article == html_reference
    assert_safe_in_every_format(article, HTML_WORDS_AROUND)


@pytest.mark.parametrize("raw, expected", [
    ("Storm\x1b brings chaos.", "Storm brings chaos."),       # a stray ESC before a space: the word stays
    ("Storm \x1b\x1b brings chaos.", "Storm  brings chaos."),
    ("Storm\x00 brings\x00 chaos.", "Storm brings chaos."),   # stray NULs: removed, the page is text
])
def test_stray_escape_and_nul_keep_the_words(raw, expected):
    article = read_article(f"Headline here\n\n{raw}\n".encode())
    assert article.blocks[0].text == expected


def test_a_page_with_a_few_stray_nuls_reads_like_the_page():
    fixture = (ROOT / "fixtures" / "assad-aid-defects.txt").read_bytes()
    damaged = fixture.replace(b"Assad", b"Assad\x00", 5)
    assert read_article(damaged) == read_article(fixture)


def test_a_page_thick_with_nuls_is_refused_as_binary():
    from itvreport.errors import InputError

    with pytest.raises(InputError, match="binary"):
        read_article(page("\x00"))


def test_pipeline_strips_osc_payloads_not_page_words():
    article = read_article("Headline here\n\nSee \x1b]8;;https://evil.example/\x1b\\this link\x1b]8;;\x1b\\ now.\n".encode())
    assert article.blocks[0].text == "See this link now."


# --- through the command line ----------------------------------------------------------------------


EVERYTHING = page("".join(value for name, value in HOSTILE.items() if name != "NUL"))


@pytest.mark.parametrize("args, env, fmt", [
    ((), {}, "text"),                                     # auto, piped: text
    (("--format", "text"), {"FORCE_COLOR": "1"}, "text"),
    (("--format", "text", "--explain", "--width", "20"), {}, "text"),
    (("--format", "markdown", "--explain"), {}, "markdown"),
    (("--format", "json"), {}, "json"),
    (("--format", "rich", "--explain"), {}, "rich"),
    ((), {"FORCE_COLOR": "1"}, "rich"),                   # auto: rich with colour
    (("--format", "rich", "--no-color"), {}, "rich"),
], ids=["auto-piped", "text-force-color", "text-explain-narrow", "markdown", "json", "rich", "auto-force-color",
        "rich-no-color"])
def test_cli_output_has_no_hostile_bytes(args, env, fmt):
    proc = subprocess.run([sys.executable, "-m", "itvreport", "show", "-", *args], input=EVERYTHING,
                          capture_output=True, env=clean_env(**env), cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    if fmt != "rich":
        assert b"\x1b" not in proc.stdout  # not one escape byte
    out = proc.stdout.decode("utf-8")
    assert_safe(out, fmt)
    for word in WORDS_AROUND:
        assert word in out


EVERYTHING_HTML = html_page("".join(value for name, value in HOSTILE.items() if name != "NUL"))


@pytest.mark.parametrize("args, env, fmt", [
    (("--format", "text", "--width", "30"), {}, "text"),
    (("--format", "markdown"), {}, "markdown"),
    (("--format", "json"), {}, "json"),
    (("--format", "rich", "--width", "30"), {"FORCE_COLOR": "1"}, "rich"),
], ids=["text", "markdown", "json", "rich"])
def test_cli_output_of_code_and_tables_has_no_hostile_bytes(args, env, fmt):
    proc = subprocess.run([sys.executable, "-m", "itvreport", "show", "-", *args], input=EVERYTHING_HTML,
                          capture_output=True, env=clean_env(**env), cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    if fmt != "rich":
        assert b"\x1b" not in proc.stdout
    out = proc.stdout.decode("utf-8")
    assert_safe(out, fmt)
    for word in HTML_WORDS_AROUND:
        assert word in out


def _show(path):
    """``itvreport show PATH`` in a subprocess, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "itvreport", "show", str(path)], capture_output=True,
                          stdin=subprocess.DEVNULL, env=clean_env(), cwd=ROOT, timeout=60)


def test_cli_escapes_control_characters_in_messages(tmp_path):
    """An error names the file; a file name with an escape sequence must not drive the terminal."""
    path = tmp_path / "evil\x1b]0;pwned\x07\u202e.txt"
    path.write_bytes(b"Advertisement\n")
    proc = _show(path)
    assert proc.returncode == 1
    err = proc.stderr.decode("utf-8")
    assert err.startswith("itvreport: error: no article found in ")
    assert "evil\\x1b]0;pwned\\x07\\u202e.txt" in err
    assert UNSAFE.findall(err.replace("\n", "")) == [] and "\x1b" not in err


def test_cli_escapes_control_characters_in_warnings(tmp_path):
    path = tmp_path / "odd\x1b[2J.txt"
    path.write_bytes(b"Headline here\n\nA bad \x81 byte in the text.\n")
    proc = _show(path)
    assert proc.returncode == 0
    assert proc.stderr.decode() == (
        f"itvreport: warning: {tmp_path}/odd\\x1b[2J.txt: 1 invalid byte replaced while decoding as UTF-8\n"
    )


# --- renderers on their own: the second line of defence ------------------------------------------------

BAD = "A\x1b[31mB\x9bC\u202eD\x07E\x00F\u2066G"


def hostile_article() -> Article:
    blocks = (
        Paragraph(BAD), Heading(BAD), Image(BAD, BAD), Image("", BAD), Media(BAD),
        Quote((BAD, BAD), BAD), ListBlock((BAD, BAD), True), ListBlock((BAD,), False),
        Code(f"{BAD}\n\t{BAD}\r\n{BAD}", BAD), Table(((BAD, BAD), (BAD, "")), (BAD, BAD)), Table(((BAD, BAD),)),
    )
    return Article(headline=BAD, date="2012-07-06", byline=BAD, live_story=LiveStory(BAD, (BAD,)),
                   blocks=blocks, removed=(Removed(1, BAD, "boilerplate"), Removed(2, BAD, "duplicate", 1)), words=5)


@pytest.mark.parametrize("fmt", ["text", "markdown", "rich"])
def test_renderers_neutralise_what_reaches_them_directly(fmt):
    """Text that did not come through the reader (a future input path, an API user):
    the display formats still show no control character; they mark it with U+FFFD."""
    for options in (RenderOptions(explain=True), RenderOptions(width=40, explain=True)):
        output = render_to_string(hostile_article(), fmt, options)
        assert_safe(output, fmt)
        assert "\ufffd" in output
        for letter in "ABCDEFG":
            assert letter in output


def test_json_escapes_c0_controls_that_reach_it_directly():
    output = render_to_string(hostile_article(), "json", RenderOptions())
    assert "\x1b" not in output and "\x07" not in output and "\x00" not in output
    assert json.loads(output)["headline"] == BAD  # data kept exactly, for scripts


def test_json_escapes_c1_and_bidi_that_reach_it_directly():
    output = render_to_string(hostile_article(), "json", RenderOptions())
    assert UNSAFE.findall(output.replace("\n", "")) == []


def test_json_source_with_hostile_file_name(tmp_path):
    path = tmp_path / "evil\u202e\x9b2J.txt"
    path.write_bytes(b"Headline here\n\nThe body of the page.\n")
    proc = subprocess.run([sys.executable, "-m", "itvreport", "show", str(path), "--format", "json"],
                          capture_output=True, stdin=subprocess.DEVNULL, env=clean_env(), cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert json.loads(out)["source"] == str(path)  # the data is right ...
    assert UNSAFE.findall(out.replace("\n", "")) == []  # ... but should be written as \u escapes


# --- text that looks like rich markup ---------------------------------------------------------------------

MARKUP = [
    "[bold red]Alarm[/]",
    "[/]",
    "[/bold] closing a tag that was never opened",
    "[link=https://evil.example]click here[/link]",
    "[red on blue]colours[/red on blue]",
    ":smile: :warning:",
    "\\[escaped] and [[double]]",
    "[@click=app.quit]quit[/]",
    "[bold",
]


@pytest.mark.parametrize("markup", MARKUP)
def test_rich_markup_in_page_text_is_shown_literally(markup):
    data = f"{markup} headline\n\n{markup} in a paragraph.\n\n• {markup}\n\nShe said:\n\nWe saw {markup}.\n".encode()
    article = read_article(data)
    for fmt in FORMATS:
        output = render_to_string(article, fmt, RenderOptions(width=200, explain=True))
        assert_safe(output, fmt)
        if fmt == "rich":
            visible = RICH_SGR.sub("", output)
            assert "\x1b]8;" not in output  # no hyperlink was made
            assert not re.search(r"\x1b\[[0-9;]*(31|34|41|44)[0-9;]*m", output)  # no colour from the page
            assert visible.count(markup) >= 4, visible
        elif fmt == "text":
            assert output.count(markup) >= 4, output
        elif fmt == "json":
            assert json.dumps(json.loads(output)).count(json.dumps(markup)[1:-1]) >= 4
        else:  # markdown: escaped, so unescape before comparing
            plain = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", output)
            assert plain.count(markup) >= 4, output


def test_rich_markup_through_the_cli_with_colour():
    data = b"[bold red]Alarm[/] headline\n\n[link=https://evil.example]click here[/link] now.\n"
    proc = subprocess.run([sys.executable, "-m", "itvreport", "show", "-", "--format", "rich"], input=data,
                          capture_output=True, env=clean_env(FORCE_COLOR="1"), cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    visible = RICH_SGR.sub("", out)
    assert "[bold red]Alarm[/] headline" in visible
    assert "[link=https://evil.example]click here[/link] now." in visible
    assert "\x1b]8;" not in out
