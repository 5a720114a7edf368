"""The HTML path as a whole: sniffing, the JSON contract, the command line, and safety limits."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from itvreport.pipeline import read_article
from itvreport.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "html" / "harbour-lights.html"
TEXT_FIXTURE = ROOT / "fixtures" / "assad-aid-defects.txt"
VALIDATOR = jsonschema.Draft202012Validator(load_schema())

PARAGRAPH = ("The bridge over the river will close for a week from Monday while engineers replace the "
             "expansion joints, the county council has said.")


def simple_page(extra_head: str = "", extra_body: str = "") -> str:
    return (f"<!DOCTYPE html>\n<html><head><title>Bridge to close for repairs</title>{extra_head}</head>\n"
            f"<body><article>\n<p>{PARAGRAPH}</p>\n{extra_body}\n</article></body></html>\n")


def cli(*args, input: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "itvreport", *map(str, args)], input=input,
                          capture_output=True, cwd=ROOT, timeout=60,
                          stdin=None if input is not None else subprocess.DEVNULL)


# --- sniffing and forcing -------------------------------------------------------------------------


def test_html_is_sniffed_from_content_not_the_file_name(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_text(simple_page(), encoding="utf-8")
    proc = cli("show", path, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["format"] == "html"
    assert data["blocks"] == [{"type": "paragraph", "text": PARAGRAPH}]


def test_input_text_forces_the_text_reader_on_html(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(simple_page(), encoding="utf-8")
    data = json.loads(cli("show", path, "--format", "json", "--input", "text").stdout)
    assert data["format"] == "text"


def test_input_html_forces_the_html_reader_on_a_fragment():
    fragment = f"Some notes first\n<p>{PARAGRAPH}</p>".encode()
    assert read_article(fragment, input_kind="auto").format == "text"
    article = read_article(fragment, input_kind="html")
    assert article.format == "html"
    assert article.blocks[-1].text == PARAGRAPH


def test_standard_input_html():
    proc = cli("show", "-", "--format", "text", input=simple_page().encode())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().splitlines() == ["Bridge to close for repairs", "", PARAGRAPH]


def test_html_in_windows_1252_and_utf16_is_read():
    page = simple_page(extra_body="<p>Caf\u00e9 owners on the bridge said they would stay open all week.</p>")
    for data in (page.encode("cp1252"), b"\xff\xfe" + page.encode("utf-16-le")):
        article = read_article(data, source="page.html")
        assert article.blocks[-1].text.startswith("Caf\u00e9 owners")


# --- the JSON contract ------------------------------------------------------------------------------


def test_fixture_json_validates_against_schema_2():
    proc = cli("show", FIXTURE, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    VALIDATOR.validate(data)
    assert data["format"] == "html"
    assert {block["type"] for block in data["blocks"]} == {"paragraph", "heading", "image", "media", "quote", "list"}


@pytest.mark.parametrize("fmt", ["text", "markdown", "rich"])
def test_fixture_renders_in_every_format(fmt):
    proc = cli("show", FIXTURE, "--format", fmt, "--explain", "--width", "72")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert "Harbour lights festival returns to Kelmouth" in out
    assert "Martha Quiller" in out and "Advertisement" in out  # the quote, and --explain


def test_removed_entries_carry_source_lines():
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    article = read_article(FIXTURE.read_bytes(), source="page.html")
    assert article.removed
    for item in article.removed:
        assert 1 <= item.line <= len(lines)
        assert item.text.split()[0] in lines[item.line - 1]


def test_words_count_headline_and_blocks():
    article = read_article(simple_page().encode())
    assert article.words == len("Bridge to close for repairs".split()) + len(PARAGRAPH.split())


def test_cut_off_page_is_marked_truncated():
    page = simple_page().replace(".</p>", " and the diversion will take drivers", 1)
    page = page[: page.index("\n</article>")]
    assert read_article(page.encode()).truncated is True
    assert read_article(simple_page().encode()).truncated is False


# --- errors ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [
    "<!DOCTYPE html><html><head><title></title></head><body></body></html>",
    "<!DOCTYPE html><html><body><script>only()</script></body></html>",
])
def test_page_with_nothing_to_read_exits_1_with_one_line(tmp_path, page):
    path = tmp_path / "empty.html"
    path.write_text(page, encoding="utf-8")
    proc = cli("show", path)
    assert proc.returncode == 1
    err = proc.stderr.decode().strip().splitlines()
    assert len(err) == 1 and err[0].startswith("itvreport: error: no article found in") and "empty.html" in err[0]


# --- safety and bounded work ----------------------------------------------------------------------------


def test_no_entity_expansion_and_no_file_access(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    page = (f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">'
            '<!ENTITY lol "lollollollollollollollollollol">]>'
            f"<html><body><p>{PARAGRAPH} &xxe; &lol;&lol;&lol;</p></body></html>")
    article = read_article(page.encode())
    shown = json.dumps(article.to_dict())
    assert "TOP-SECRET" not in shown
    assert "lollol" not in shown


def test_no_network_for_external_resources(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the HTML reader opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.invalid/xhtml1-strict.dtd">'
            '<html><head><link rel="stylesheet" href="http://css.invalid/a.css">'
            '<script src="http://js.invalid/a.js"></script><base href="http://base.invalid/"></head>'
            f'<body><p>{PARAGRAPH}</p><img src="http://img.invalid/a.jpg" alt="A picture from elsewhere">'
            '<iframe src="http://frame.invalid/"></iframe></body></html>')
    assert read_article(page.encode()).blocks[0].text == PARAGRAPH


def test_deep_nesting_is_bounded():
    """libxml2 stops at 255 levels (``huge_tree`` is off): what came before is read, quickly."""
    depth = 50_000
    page = (f"<html><body><article><p>{PARAGRAPH}</p></article>" + "<div>" * depth
            + "<p>Far too deep to be read.</p>" + "</div>" * depth + "</body></html>")
    start = time.perf_counter()
    article = read_article(page.encode())
    assert time.perf_counter() - start < 10
    assert [getattr(block, "text", None) for block in article.blocks] == [PARAGRAPH]


def test_huge_flat_page_is_bounded():
    teaser = "<li><a href='/x'>A link in a very long list of links</a></li>"
    page = f"<html><body><article><p>{PARAGRAPH}</p></article><ul>{teaser * 60_000}</ul></body></html>"
    start = time.perf_counter()
    article = read_article(page.encode())
    assert time.perf_counter() - start < 20
    assert article.blocks[0].text == PARAGRAPH


def test_text_path_does_not_import_the_html_package():
    code = ("import sys; from itvreport.pipeline import read_article; "
            f"read_article(open({str(TEXT_FIXTURE)!r}, 'rb').read()); "
            "print(sorted(m for m in ('lxml', 'bs4', 'itvreport.html') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
