"""Code and table blocks in every renderer: exact output, widths, escaping, and what is imported."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys

import pytest
from rich.cells import cell_len

from itvreport.model import Article, Code, Paragraph, Table
from itvreport.render import RenderOptions, fit_columns, render
from helpers import clean_env, outside_code_fences

CODE = Code("def sail(boat):\n\tif boat.ready:\n\t\tboat.leave(\"north quay\")  # on time\n\n    return boat", "python", line=3)
TABLE = Table((("Monday", "06:10", "Four boats, weather permitting"), ("Tuesday", "07:20", "")), ("Day", "First", "Note"), line=9)
BARE = Table((("North | pier", "120 m"), ("South", "95 m")), line=14)
WIDE = Table((tuple(f"c{n}" for n in range(8)), tuple(f"value{n}" for n in range(8))), tuple(f"Head{n}" for n in range(8)), line=20)
ARTICLE = Article(headline="Pier timetable", blocks=(Paragraph("The new times.", line=1), CODE, TABLE, BARE, WIDE), words=40)


def show(fmt, article=ARTICLE, **options):
    out = io.StringIO()
    render(article, fmt, RenderOptions(color=False, **options), out)
    return out.getvalue()


TEXT = """\
Pier timetable

The new times.

    def sail(boat):
            if boat.ready:
                    boat.leave("north quay")  # on time

        return boat

Day      First  Note
-------  -----  ------------------------------
Monday   06:10  Four boats, weather permitting
Tuesday  07:20

North | pier  120 m
South         95 m

Head0   Head1   Head2   Head3   Head4   Head5   Head6   Head7
------  ------  ------  ------  ------  ------  ------  ------
c0      c1      c2      c3      c4      c5      c6      c7
value0  value1  value2  value3  value4  value5  value6  value7
"""

TEXT_40 = """\
Pier timetable

The new times.

    def sail(boat):
            if boat.ready:
                    boat.leave("north qu
  ↪ ay")  # on time

        return boat

Day      First  Note
-------  -----  ------------------------
Monday   06:10  Four boats, weather
                permitting
Tuesday  07:20

North | pier  120 m
South         95 m

• Head0: c0
  Head1: c1
  Head2: c2
  Head3: c3
  Head4: c4
  Head5: c5
  Head6: c6
  Head7: c7
• Head0: value0
  Head1: value1
  Head2: value2
  Head3: value3
  Head4: value4
  Head5: value5
  Head6: value6
  Head7: value7
"""

MARKDOWN = """\
# Pier timetable

The new times.

```python
def sail(boat):
\tif boat.ready:
\t\tboat.leave("north quay")  # on time

    return boat
```

| Day | First | Note |
| --- | --- | --- |
| Monday | 06:10 | Four boats, weather permitting |
| Tuesday | 07:20 |  |

|  |  |
| --- | --- |
| North \\| pier | 120 m |
| South | 95 m |

| Head0 | Head1 | Head2 | Head3 | Head4 | Head5 | Head6 | Head7 |
| --- | --- | --- | --- | --- | --- | --- | --- |
| c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7 |
| value0 | value1 | value2 | value3 | value4 | value5 | value6 | value7 |
"""

RICH_40 = """\
Pier timetable
40 words · 1 min read

The new times.

╭─ python ─────────────────────────────╮
│ def sail(boat):                      │
│         if boat.ready:               │
│                 boat.leave("north    │
│ quay")  # on time                    │
│                                      │
│     return boat                      │
╰──────────────────────────────────────╯

╭─────────┬───────┬────────────────────╮
│ Day     │ First │ Note               │
├─────────┼───────┼────────────────────┤
│ Monday  │ 06:10 │ Four boats,        │
│         │       │ weather permitting │
│ Tuesday │ 07:20 │                    │
╰─────────┴───────┴────────────────────╯

╭──────────────┬───────╮
│ North | pier │ 120 m │
│ South        │ 95 m  │
╰──────────────┴───────╯

• Head0: c0
  Head1: c1
  Head2: c2
  Head3: c3
  Head4: c4
  Head5: c5
  Head6: c6
  Head7: c7
• Head0: value0
  Head1: value1
  Head2: value2
  Head3: value3
  Head4: value4
  Head5: value5
  Head6: value6
  Head7: value7
"""


# --- exact output ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt, width, expected", [
    ("text", None, TEXT), ("text", 40, TEXT_40), ("markdown", None, MARKDOWN), ("markdown", 40, MARKDOWN),
    ("rich", 40, RICH_40),
], ids=["text", "text-40", "markdown", "markdown-40", "rich-40"])
def test_exact_output(fmt, width, expected):
    assert show(fmt, width=width) == expected


def test_json_output():
    blocks = json.loads(show("json"))["blocks"]
    assert blocks[1] == {"type": "code", "text": CODE.text, "language": "python"}
    assert blocks[3] == {"type": "table", "header": None, "rows": [["North | pier", "120 m"], ["South", "95 m"]]}


def test_rich_with_colour_styles_the_frame_and_the_header_only():
    out = _coloured(width=60)
    assert "\x1b[1mDay" in out or "\x1b[1m Day" in out  # the header row is bold
    assert "\x1b[2m╭─\x1b[0m" in out  # the frame is dim
    assert "\x1b[2;3m python " in out  # the language dim italic, in the title
    assert "def sail(boat):" in out and "\x1b[1mdef" not in out  # code itself plain, not highlighted


def _coloured(**options):
    out = io.StringIO()
    render(ARTICLE, "rich", RenderOptions(color=True, **options), out)
    return out.getvalue()


# --- widths ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "rich"])
@pytest.mark.parametrize("width", [40, 30, 60, 100])
def test_no_line_wider_than_the_width(fmt, width):
    long_code = Code("x = '" + "tide " * 40 + "'\n\t\t\t\t\t\t\t\t\t\tdeep = 1")
    article = ARTICLE.replace(blocks=ARTICLE.blocks + (long_code, Table((("潮汐表" * 8, "満潮 " * 6),), ("日", "時刻"))))
    for line in show(fmt, article, width=width).splitlines():
        assert cell_len(line) <= width, line


def test_rich_without_a_width_uses_the_terminal_and_stays_within_it():
    lines = show("rich").splitlines()
    assert max(cell_len(line) for line in lines) <= RenderOptions.MAX_WIDTH


def test_text_without_a_width_does_not_wrap_code_or_cells():
    long = "y = " + "1 + " * 60 + "1"
    out = show("text", ARTICLE.replace(blocks=(Code(long), Table(((long, "b"), ("c", "d"))))))
    assert f"    {long}\n" in out and f"{long}  b\n" in out


def test_every_word_of_code_and_tables_is_shown_at_any_width():
    for fmt in ("text", "rich", "markdown"):
        for width in (None, 40, 25):
            if fmt == "rich" and width is None:
                continue
            out = " ".join(show(fmt, width=width).replace("↪", " ").split())
            flat = "".join(out.split())
            for cell in ("Four", "boats,", "weather", "permitting", "value7", "Head3", "120"):
                assert cell in out or cell in flat, (fmt, width, cell)


def test_fit_columns():
    assert fit_columns([5, 10], 20, 6) == [5, 10]  # fits as it is
    assert fit_columns([5, 30, 30], 45, 6) == [5, 20, 20]  # the widest narrowed evenly
    assert fit_columns([5, 30, 31], 46, 6, words=[5, 9, 12]) == [5, 21, 20]  # a spare cell to the first
    assert fit_columns([9, 20, 9], 24, 6, words=[9, 7, 5]) == [9, 8, 7]  # every word kept whole
    assert fit_columns([8] * 8, 30, 6) is None  # cannot fit: the table goes row by row


# --- markdown ----------------------------------------------------------------------------------


def test_markdown_fence_is_longer_than_any_backtick_run_in_the_code():
    out = show("markdown", Article(blocks=(Code("a = ```x```\n````\nb = `y`"),)))
    assert out == "`````\na = ```x```\n````\nb = `y`\n`````\n"


def test_markdown_info_string_is_only_the_language():
    out = show("markdown", Article(blocks=(Code("x", "c++ `rm -rf` {.class}"),)))
    assert out.startswith("```c++rm-rf.class\n")
    assert show("markdown", Article(blocks=(Code("x", "`"),))).startswith("```\n")


def test_markdown_cells_escape_pipes_and_markup_and_lose_line_breaks():
    table = Table((("a | b", "*bold* and `code`"), ("line\nbreak", "<b>html</b> & [link](x)")), ("#", "- dash"))
    out = show("markdown", Article(blocks=(table,)))
    assert out == (
        "| \\# | - dash |\n"
        "| --- | --- |\n"
        "| a \\| b | \\*bold\\* and \\`code\\` |\n"
        "| line break | \\<b\\>html\\</b\\> \\& \\[link\\](x) |\n"
    )


def test_markdown_table_of_uneven_rows_is_padded():
    out = show("markdown", Article(blocks=(Table((("a",), ("b", "c", "d"))),)))
    assert out == "|  |  |  |\n| --- | --- | --- |\n| a |  |  |\n| b | c | d |\n"


def test_markdown_keeps_tabs_only_inside_code_fences():
    out = show("markdown", Article(headline="Tab\there", blocks=(Paragraph("a\tb"), Code("\tx\n\t\ty"))))
    assert out.count("\t") == 3
    assert "\t" not in outside_code_fences(out)


# --- text and rich details ---------------------------------------------------------------------


def test_text_code_tabs_become_spaces_to_the_next_tab_stop():
    out = show("text", Article(blocks=(Code("ab\tc\n\td"),)))
    assert out == "    ab      c\n            d\n"


def test_text_table_with_wide_characters_stays_aligned():
    out = show("text", Article(blocks=(Table((("潮汐", "x"), ("a", "y")), ("港", "z")),)))
    assert out == "港    z\n----  -\n潮汐  x\na     y\n"


def test_rich_markup_in_code_and_cells_is_shown_as_it_is():
    article = Article(blocks=(Code("[bold red]x[/] :smile:", "[link=x]y"), Table((("[red]a[/]", "b"),), ("[i]h", "k"))))
    out = show("rich", article, width=60)
    for literal in ("[bold red]x[/] :smile:", "[link=x]y", "[red]a[/]", "[i]h"):
        assert literal in out
    assert "\x1b" not in out


def test_export_draws_code_and_tables():
    from itvreport.render.terminal import export

    svg = export(ARTICLE, RenderOptions(width=60), "svg")
    html = export(ARTICLE, RenderOptions(width=60), "html")
    assert "python" in svg and "Tuesday" in svg
    assert "North | pier" in html and "def sail(boat):" in html
    assert export(ARTICLE, RenderOptions(width=60), "svg") == svg


# --- imports ---------------------------------------------------------------------------------

PROBE = """
import io, sys
from itvreport.pipeline import read_article
from itvreport.render import RenderOptions, render
article = read_article(open(sys.argv[1], "rb").read())
render(article, sys.argv[2], RenderOptions(width=60), io.StringIO())
print(sorted(m for m in ("rich.panel", "rich.table", "rich.box", "unicodedata") if m in sys.modules))
"""


@pytest.mark.parametrize("fmt, page, expected", [
    ("rich", "fixtures/assad-aid-defects.txt", []),
    ("text", "fixtures/assad-aid-defects.txt", []),
    ("rich", "fixtures/html/tide-board.html", ["rich.box", "rich.panel", "rich.table"]),
])
def test_panels_and_tables_are_imported_only_for_pages_that_have_them(fmt, page, expected):
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "-c", PROBE, str(root / page), fmt], capture_output=True, text=True,
                          env=clean_env(), cwd=root, timeout=60)
    assert proc.returncode == 0, proc.stderr
    found = eval(proc.stdout)  # noqa: S307 - a list of module names printed by the probe
    assert [name for name in found if name != "unicodedata"] == expected


# --- any code and any table (hypothesis) ---------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from test_properties import PROPERTY, unsafe_in  # noqa: E402

WORD = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Zl", "Zp")), min_size=1, max_size=8).filter(
    lambda word: not any(char.isspace() for char in word))
CELL = st.lists(WORD, max_size=6).map(" ".join)
LINE = st.lists(st.one_of(WORD, st.sampled_from([" ", "  ", "\t", "\x1b[31m", "```", "|"])), max_size=12).map("".join)


@st.composite
def tables(draw):
    columns = draw(st.integers(1, 7))
    rows = draw(st.lists(st.lists(CELL, min_size=1, max_size=columns).map(tuple), min_size=1, max_size=5))
    header = draw(st.one_of(st.none(), st.lists(CELL, min_size=columns, max_size=columns).map(tuple)))
    return Table(tuple(rows), header)


@PROPERTY
@given(code=st.lists(LINE, min_size=1, max_size=6).map("\n".join), language=st.one_of(st.none(), WORD),
       table=tables(), width=st.integers(10, 120))
def test_any_code_and_table_render_safely_within_the_width(code, language, table, width):
    """No unsafe character in any format; ``rich`` never wider than the width, nor ``text`` when the
    page is ASCII (``text`` wraps prose by characters, as it always has); Markdown's fence holds
    the code, whatever backticks it has."""
    article = Article(headline="Tide", blocks=(Code(code, language), table))
    ascii_only = code.isascii() and all(cell.isascii() for row in ((table.header or ()),) + table.rows for cell in row)
    for fmt in ("text", "markdown", "json", "rich"):
        out = show(fmt, article, width=width)
        assert unsafe_in(out, fmt) == [], (fmt, out)
        if fmt == "rich" or (fmt == "text" and ascii_only):
            assert max(cell_len(line) for line in out.splitlines()) <= width, (fmt, out)
    lines = show("markdown", article).split("\n")
    fence = lines[2].rstrip("".join(set(lines[2]) - {"`"}))
    end = lines.index(fence, 3)
    expected = re.sub("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", "\ufffd", code.rstrip("\n"))
    assert "\n".join(lines[3:end]) == expected
