"""``--export svg|html FILE``: the rich view as a picture or a page, with page text kept as data."""

from __future__ import annotations

import collections
import html
import html.parser
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import clean_env

from itvreport.model import Article, Image, ListBlock, Paragraph, Quote, Removed, article_words
from itvreport.render import RenderOptions
from itvreport.render.terminal import export

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "assad-aid-defects.txt"
DOCS_SVG = ROOT / "docs" / "assad-aid-defects.svg"
HEADLINE = "Assad aid defects as Clinton accuses Russia and Syria of 'standing in the way'"
SVG_NS = "{http://www.w3.org/2000/svg}"


def run(*args, env=None):
    proc = subprocess.run([sys.executable, "-m", "itvreport", *map(str, args)],
                          stdin=subprocess.DEVNULL, capture_output=True, env=env or clean_env(),
                          cwd=ROOT, timeout=60)
    proc.out = proc.stdout.decode("utf-8", "replace")
    proc.err = proc.stderr.decode("utf-8", "replace")
    return proc


def words(text: str) -> collections.Counter:
    return collections.Counter(re.findall(r"\w+", text))


def svg_text(svg: str) -> str:
    """The terminal rows of a rich SVG: ``<text>`` elements clipped to ``line-N``, row by row
    (the window title is left out)."""
    root = ET.fromstring(svg)
    rows = collections.defaultdict(list)
    for element in root.iter(f"{SVG_NS}text"):
        line = re.search(r"line-(\d+)\)", element.get("clip-path", ""))
        if line and element.text:
            rows[int(line.group(1))].append((float(element.get("x", 0)), element.text))
    last = max(rows, default=-1)
    return "\n".join(
        "".join(text for _, text in sorted(rows.get(number, []))).replace("\xa0", " ").rstrip()
        for number in range(last + 1)
    )


def html_text(page: str) -> str:
    code = re.search(r"<code[^>]*>(.*)</code>", page, re.S).group(1)
    return html.unescape(re.sub(r"<[^>]+>", "", code))


def plain_words() -> collections.Counter:
    proc = run("show", FIXTURE, "--format", "text")
    assert proc.returncode == 0
    return words(proc.out)


# --- through the CLI ---------------------------------------------------------------------


def test_svg_of_the_fixture(tmp_path):
    target = tmp_path / "page.svg"
    proc = run("show", FIXTURE, "--width", "80", "--export", "svg", target)
    assert proc.returncode == 0, proc.err
    assert proc.stdout == b""  # the file instead of the article, not as well
    assert proc.err == f"itvreport: wrote {target} (svg, 80 columns)\n"
    svg = target.read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    text = svg_text(svg)
    assert text.splitlines()[0] == HEADLINE
    assert text.splitlines()[1] == "By John Irvine · 402 words · 2 min read"
    assert not plain_words() - words(text)  # every word of the article is in the picture
    assert "font-weight: bold" in svg and "font-style: italic" in svg


def test_html_of_the_fixture(tmp_path):
    target = tmp_path / "page.html"
    proc = run("show", FIXTURE, "--export", "HTML", target, env=clean_env(COLUMNS="60"))
    assert proc.returncode == 0, proc.err
    assert proc.err == f"itvreport: wrote {target} (html, 60 columns)\n"  # the terminal's width
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    text = html_text(page)
    assert text.startswith("Assad aid defects as Clinton accuses Russia and Syria of")
    assert max(len(line) for line in text.splitlines()) <= 60
    assert not plain_words() - words(text)


def test_explain_is_exported_struck_through(tmp_path):
    target = tmp_path / "page.html"
    assert run("show", FIXTURE, "--explain", "--export", "html", target).returncode == 0
    page = target.read_text(encoding="utf-8")
    assert "line-through" in page
    assert "✗ Advertisement (boilerplate)" in html_text(page)


def test_no_color_exports_no_styles(tmp_path):
    target = tmp_path / "page.html"
    assert run("show", FIXTURE, "--no-color", "--export", "html", target).returncode == 0
    page = target.read_text(encoding="utf-8")
    assert "<span" not in page and "font-weight" not in page
    assert html_text(page).startswith("Assad aid defects")


def test_export_to_standard_output():
    proc = run("show", FIXTURE, "--width", "72", "--export", "svg", "-")
    assert proc.returncode == 0 and proc.err == ""
    assert proc.out.startswith("<svg")
    assert svg_text(proc.out).splitlines()[0].startswith("Assad aid defects as Clinton")


def test_same_page_same_bytes(tmp_path):
    first, second = tmp_path / "1.svg", tmp_path / "2.svg"
    run("show", FIXTURE, "--width", "80", "--export", "svg", first)
    run("show", FIXTURE, "--width", "80", "--export", "svg", second, env=clean_env(PYTHONHASHSEED="7"))
    assert first.read_bytes() == second.read_bytes()


# --- usage and write errors ----------------------------------------------------------------


def one_error(proc, code: int) -> str:
    assert proc.returncode == code, proc.err
    assert "Traceback" not in proc.err
    errors = [line for line in proc.err.splitlines() if line.startswith("itvreport: error: ")]
    assert len(errors) == 1 and proc.err.splitlines()[-1] == errors[0], proc.err
    assert proc.stdout == b""
    return errors[0]


def test_unknown_kind_suggests_the_closest(tmp_path):
    line = one_error(run("show", FIXTURE, "--export", "sgv", tmp_path / "x.svg"), 2)
    assert f"did you mean --export svg {tmp_path / 'x.svg'}?" in line
    line = one_error(run("show", FIXTURE, "--export", "png", tmp_path / "x.png"), 2)
    assert "choose from svg, html" in line and "did you mean" not in line


def test_export_needs_a_file(tmp_path):
    line = one_error(run("show", FIXTURE, "--export", "svg"), 2)
    assert "--export" in line and "2 arguments" in line


def test_export_draws_the_rich_view_only(tmp_path):
    line = one_error(run("show", FIXTURE, "--format", "json", "--export", "svg", tmp_path / "x"), 2)
    assert "leave out --format json" in line
    assert not (tmp_path / "x").exists()


def test_export_never_overwrites_the_page_it_reads(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(FIXTURE.read_bytes())
    line = one_error(run("show", page, "--export", "svg", page), 2)
    assert "would overwrite the page being read" in line
    assert page.read_bytes() == FIXTURE.read_bytes()


def test_export_of_several_pages_is_refused(tmp_path):
    line = one_error(run("show", FIXTURE, FIXTURE, "--export", "svg", tmp_path / "x.svg"), 2)
    assert "give one FILE" in line


def test_unwritable_target_is_one_error_line(tmp_path):
    line = one_error(run("show", FIXTURE, "--export", "svg", tmp_path / "no" / "such" / "x.svg"), 1)
    assert "cannot write" in line and "No such file or directory" in line


# --- page text stays data ----------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "</text></svg><svg onload=alert(3)>",
    "]]><!-- & &amp; &#x3c;",
    "[link=javascript:alert(4)]click[/link] [bold red]red[/]",
]


def hostile_article() -> Article:
    blocks = (
        Paragraph(" ".join(HOSTILE), line=2),
        Image(HOSTILE[1], credit=HOSTILE[0], line=3),
        Quote((HOSTILE[2],), attribution=HOSTILE[3], line=4),
        ListBlock(tuple(HOSTILE), line=5),
    )
    return Article(headline=HOSTILE[0], byline=HOSTILE[1], blocks=blocks,
                   removed=(Removed(1, HOSTILE[2], "boilerplate"),),
                   words=article_words(HOSTILE[0], blocks))


class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = set()
        self.attrs = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.update(name for name, _ in attrs)


@pytest.mark.parametrize("color", [True, False])
def test_page_text_is_escaped_in_html(color):
    page = export(hostile_article(), RenderOptions(width=200, explain=True, color=color), "html")
    assert "<script" not in page and "<img" not in page and "<svg" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    parser = Tags()
    parser.feed(page)
    assert parser.tags <= {"html", "head", "meta", "style", "body", "pre", "code", "span"}
    assert not {name for name in parser.attrs if name.startswith("on")}
    assert "href" not in parser.attrs  # [link=...] made no link
    text = html_text(page)
    for hostile in HOSTILE:
        assert hostile in text.replace("\n", " ") or hostile in text


@pytest.mark.parametrize("color", [True, False])
def test_page_text_is_escaped_in_svg(color):
    svg = export(hostile_article(), RenderOptions(width=200, explain=True, color=color), "svg")
    root = ET.fromstring(svg)  # well-formed: nothing broke out of its element
    tags = {element.tag.replace(SVG_NS, "") for element in root.iter()}
    assert tags <= {"svg", "style", "defs", "clipPath", "rect", "g", "text", "circle"}, tags
    assert not [a for element in root.iter() for a in element.attrib if a.startswith("on")]
    assert "<script" not in svg and "<img" not in svg
    text = svg_text(svg)
    for hostile in HOSTILE:
        assert hostile in text


def test_export_kinds():
    article = hostile_article()
    with pytest.raises(ValueError):
        export(article, RenderOptions(width=40), "png")


# --- the picture in the README -----------------------------------------------------------


def test_the_readme_picture_is_what_the_tool_draws_now(tmp_path):
    """docs/assad-aid-defects.svg is the output of the command the README gives.

    Compared as text, not bytes, so a new rich release that draws the frame
    differently does not fail the build; a change in what the reader shows does.
    Regenerate with:
    itvreport show fixtures/assad-aid-defects.txt --width 80 --export svg docs/assad-aid-defects.svg
    """
    assert DOCS_SVG.exists()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = ("itvreport show fixtures/assad-aid-defects.txt --width 80 "
               "--export svg docs/assad-aid-defects.svg")
    assert command in readme
    assert "docs/assad-aid-defects.svg" in readme.split(command)[0] + readme.split(command)[1]
    fresh = tmp_path / "fresh.svg"
    assert run("show", FIXTURE, "--width", "80", "--export", "svg", fresh).returncode == 0
    assert svg_text(DOCS_SVG.read_text(encoding="utf-8")) == svg_text(fresh.read_text(encoding="utf-8"))


def test_export_never_overwrites_an_existing_file_of_another_kind(tmp_path):
    import subprocess
    import sys

    page = tmp_path / "page.txt"
    page.write_bytes(b"Harbour wall repaired\n\nWork finished on Friday.\n")
    proc = subprocess.run([sys.executable, "-m", "itvreport", "show", "--export", "svg", str(page)],
                          input=page.read_bytes(), capture_output=True, timeout=60)
    assert proc.returncode == 2
    assert b"would overwrite" in proc.stderr
    assert page.read_bytes() == b"Harbour wall repaired\n\nWork finished on Friday.\n"
