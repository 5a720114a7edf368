"""Code and tables in HTML pages: ``<pre>`` becomes a code block, a grid of data a table block.

Invented snippets inside an ordinary article (``middle`` from the mapping tests), read
through the whole HTML path; and the invented fixture page ``fixtures/html/tide-board.html``.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from itvreport.model import Code, Paragraph, Table
from itvreport.pipeline import read_article
from itvreport.schema import load_schema
from test_html_mapping import middle, read

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"


# --- code --------------------------------------------------------------------------------------


def test_pre_keeps_lines_indentation_and_tabs():
    snippet = "<pre>\n  for boat in fleet:\n\tboat.sail()\n\n  \t  done   </pre>"
    assert middle(snippet) == [Code("  for boat in fleet:\n\tboat.sail()\n\n  \t  done")]


def test_only_the_newline_just_after_pre_is_dropped():
    """As a browser shows it: one newline after ``<pre>`` is markup; blank lines at the start
    of the code and whitespace at its end are dropped too, indentation is kept."""
    assert middle("<pre>\n\n    quay = 4\n\n</pre>") == [Code("    quay = 4")]
    assert middle("<pre>    quay = 4\n    pier = 2</pre>") == [Code("    quay = 4\n    pier = 2")]


@pytest.mark.parametrize("snippet, language", [
    ("<pre><code class='language-python'>x = 1</code></pre>", "python"),
    ("<pre class='lang-js prettyprint'>x = 1</pre>", "js"),
    ("<pre><code class='hljs language-C++'>x = 1</code></pre>", "c++"),
    ("<div class='highlight-bash notranslate'><div class='highlight'><pre>x = 1</pre></div></div>", "bash"),
    ("<div class='highlight highlight-source-ruby'><pre>x = 1</pre></div>", "ruby"),
    ("<pre data-lang='sql'>x = 1</pre>", "sql"),
    ("<pre><code data-language='Go'>x = 1</code></pre>", "go"),
    ("<pre class='brush: perl; gutter: false'>x = 1</pre>", "perl"),
    ("<pre><code class='language-none'>x = 1</code></pre>", None),
    ("<pre><code class='nohighlight'>x = 1</code></pre>", None),
    ("<pre class='code-block'>x = 1</pre>", None),
])
def test_language_from_the_markup(snippet, language):
    assert middle(snippet) == [Code("x = 1", language)]


def test_highlighted_code_reads_as_its_text():
    snippet = ("<pre><code class='language-python'><span class='k'>def</span> <span class='nf'>tide</span>():\n"
               "    <span class='k'>return</span> <a href='/docs/four'>4</a>\n</code></pre>")
    assert middle(snippet) == [Code("def tide():\n    return 4", "python")]


def test_br_and_block_lines_inside_pre_are_line_breaks():
    snippet = "<pre><div class='line'>first = 1</div><div class='line'>  second = 2</div>third<br>fourth</pre>"
    assert middle(snippet) == [Code("first = 1\n  second = 2\nthird\nfourth")]


def test_line_numbers_buttons_and_hidden_parts_are_not_code():
    snippet = ("<pre><button>Copy</button><span class='linenos'>1</span>a = 1\n"
               "<span class='linenos'>2</span>b = 2<span hidden>secret</span></pre>")
    assert middle(snippet) == [Code("a = 1\nb = 2")]


def test_highlighter_table_with_a_gutter_is_its_code():
    """A table of two cells, the line numbers and the code: the code alone."""
    snippet = ("<table class='highlighttable'><tr><td class='linenos'><pre>1\n2\n3</pre></td>"
               "<td class='code'><pre>a = 1\nb = 2\nc = 3</pre></td></tr></table>")
    assert middle(snippet) == [Code("a = 1\nb = 2\nc = 3")]


def test_inline_code_in_a_paragraph_stays_text():
    snippet = "<p>Run <code>make   all</code> before you <code>push</code> the changes to the harbour server.</p>"
    assert middle(snippet) == [Paragraph("Run make all before you push the changes to the harbour server.")]


def test_escape_sequences_in_code_are_removed_but_tabs_stay():
    assert middle("<pre>a&#27;[31m\tred&#27;[0m\n&#x202e;b</pre>") == [Code("a\tred\nb")]


def test_tabs_are_kept_only_in_code():
    """A page with tabs everywhere reads as the same page with spaces, but for its code."""
    page = ("<!DOCTYPE html><html><head><title>The\tquay\ttimetable</title></head><body><article>"
            "<h1>The\tquay timetable</h1><p>Boats\tleave the quay every hour from six in the morning, the harbour "
            "master said on\tMonday.</p><pre>\tdepart = 6</pre><img alt='The\tquay at dawn'></article></body></html>")
    tabbed = read_article(page.encode())
    spaced = read_article(page.replace("\t", " ").encode())
    assert tabbed.blocks[1] == Code("\tdepart = 6", line=1)
    assert tabbed.replace(blocks=tabbed.blocks[:1] + tabbed.blocks[2:]) == \
        spaced.replace(blocks=spaced.blocks[:1] + spaced.blocks[2:])
    assert "\t" not in json.dumps(tabbed.replace(blocks=tabbed.blocks[:1]).to_dict())


# --- tables ----------------------------------------------------------------------------------


def test_table_with_thead():
    snippet = ("<table><thead><tr><th>Day</th><th>First  boat</th></tr></thead><tbody>"
               "<tr><td>Monday</td><td>06:10</td></tr><tr><td>Tuesday</td><td>\n  07:20 </td></tr></tbody></table>")
    assert middle(snippet) == [Table((("Monday", "06:10"), ("Tuesday", "07:20")), ("Day", "First boat"))]


def test_table_without_thead_but_th_in_the_first_row():
    snippet = ("<table><tr><th>Pier</th><th>Length</th></tr><tr><td>North</td><td>120 m</td></tr>"
               "<tr><td>South</td><td>95 m</td></tr></table>")
    assert middle(snippet) == [Table((("North", "120 m"), ("South", "95 m")), ("Pier", "Length"))]


@pytest.mark.parametrize("first_row", [
    "<tr class='table-head'><td>Pier</td><td>Length</td></tr>",
    "<tr><td><strong>Pier</strong></td><td><b>Length</b></td></tr>",
])
def test_a_first_row_named_head_or_all_bold_is_the_header(first_row):
    snippet = f"<table>{first_row}<tr><td>North</td><td>120 m</td></tr><tr><td>South</td><td>95 m</td></tr></table>"
    assert middle(snippet) == [Table((("North", "120 m"), ("South", "95 m")), ("Pier", "Length"))]


def test_table_without_header():
    snippet = "<table><tr><td>North</td><td>120 m</td></tr><tr><td>South</td><td><em>95</em> m</td></tr></table>"
    assert middle(snippet) == [Table((("North", "120 m"), ("South", "95 m")))]


def test_colspan_and_rowspan_keep_cells_under_their_columns():
    """A spanning cell's text stands in its first column and row; the places it covers are empty."""
    snippet = ("<table><tr><th>Day</th><th>Morning</th><th>Evening</th></tr>"
               "<tr><td rowspan='2'>Monday</td><td colspan='2'>No sailings: pier repairs</td></tr>"
               "<tr><td>06:10</td><td>19:40</td></tr>"
               "<tr><td>Tuesday</td><td>06:10</td></tr></table>")
    assert middle(snippet) == [Table(
        (("Monday", "No sailings: pier repairs", ""), ("", "06:10", "19:40"), ("Tuesday", "06:10", "")),
        ("Day", "Morning", "Evening"),
    )]


def test_silly_spans_are_bounded():
    snippet = "<table><tr><td colspan='100000'>a</td><td colspan='x'>b</td></tr><tr><td>c</td><td>d</td></tr></table>"
    [table] = middle(snippet)
    assert table.rows[0][:2] == ("a", "") and len(table.rows[0]) == 51 and table.rows[0][50] == "b"
    assert table.rows[1][:3] == ("c", "d", "")


def test_caption_and_title_row_are_paragraphs_before_the_table():
    snippet = ("<table><caption>Sailings this week</caption><tr><td colspan='2'>June 2024</td></tr>"
               "<tr><th>Day</th><th>Boats</th></tr><tr><td>Monday</td><td>4</td></tr></table>")
    assert middle(snippet) == [Paragraph("Sailings this week"), Paragraph("June 2024"),
                               Table((("Monday", "4"),), ("Day", "Boats"))]


LONG = ("The harbour master walked the length of the north pier at first light, as she has every "
        "morning for eleven years, checking the mooring rings and the ladders before the first boats "
        "came in with the night's catch and the gulls gathered over the fish market.")


def test_layout_table_of_paragraphs_stays_paragraphs():
    snippet = (f"<table><tr><td><p>{LONG}</p><p>The second paragraph of the story is here as well, and it is "
               f"long enough to be a paragraph of prose that a reader reads.</p></td>"
               f"<td><ul><li><a href='/a'>Other news</a></li></ul></td></tr></table>")
    blocks = middle(snippet)
    assert blocks[0] == Paragraph(LONG)
    assert not any(isinstance(block, Table) for block in blocks)


@pytest.mark.parametrize("snippet", [
    "<table><tr><td>Monday sailings</td></tr><tr><td>Tuesday sailings</td></tr></table>",  # one column
    "<table><tr><td></td><td>Monday sailings</td></tr><tr><td>Tuesday sailings</td><td></td></tr></table>",  # one filled cell a row
    f"<table><tr><td>Note</td><td>{LONG} {LONG}</td></tr><tr><td>More</td><td>x</td></tr></table>",  # a cell of prose
])
def test_tables_that_are_not_grids_keep_a_paragraph_per_row(snippet):
    blocks = middle(snippet)
    assert blocks and all(isinstance(block, Paragraph) for block in blocks)


def test_table_words_are_counted():
    article = read("<table><tr><th>Day</th><th>First boat</th></tr><tr><td>Monday</td><td>06:10</td></tr></table>")
    plain = read("")
    assert article.words == plain.words + 5


# --- the fixture page --------------------------------------------------------------------------


def test_fixture_page_with_code_and_tables_reads_as_its_expectation():
    path = FIXTURES / "tide-board.html"
    expected = json.loads((FIXTURES / "tide-board.expected.json").read_text(encoding="utf-8"))
    article = read_article(path.read_bytes(), source="fixtures/html/tide-board.html")
    assert article.to_dict() == expected
    jsonschema.Draft202012Validator(load_schema()).validate(expected)
    assert [block["type"] for block in expected["blocks"]].count("code") == 2
    assert [block["type"] for block in expected["blocks"]].count("table") == 2


def test_a_page_language_on_a_box_around_the_code_is_not_its_language():
    snippet = "<div class='story lang-en'><pre>x = 1</pre></div>"
    assert middle(snippet) == [Code("x = 1")]
    many = "<div class='language-python'><p>a</p><p>b</p><p>c</p><pre>x = 1</pre></div>"
    assert Code("x = 1") in middle(many)


def test_footer_rows_come_last_as_a_browser_draws_them():
    snippet = ("<table><thead><tr><th>Boat</th><th>Trips</th></tr></thead>"
               "<tfoot><tr><td>Total</td><td>9</td></tr></tfoot>"
               "<tbody><tr><td>Skylark</td><td>4</td></tr><tr><td>Puffin</td><td>5</td></tr></tbody></table>")
    assert middle(snippet) == [Table((("Skylark", "4"), ("Puffin", "5"), ("Total", "9")), ("Boat", "Trips"))]
