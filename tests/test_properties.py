"""Property tests (hypothesis): any text reads without a traceback, loses no word, and reads
the same every time.

Conservation, exactly (checked on ``Article.to_dict()``, the JSON output):

* A *word* is a maximal run of ``\\w`` characters (Python ``re``, Unicode: letters,
  digits, ``_``). No case folding, no Unicode normalisation: the reader applies none.
* The *input words* are the words of ``read.decode(data)``: the text after the
  reader's own normalisation (BOM dropped, line ends made ``\\n``, tabs made
  spaces, control characters, escape sequences and bidi overrides removed,
  mojibake repaired). Everything after that point must be accounted for.
* The *kept words* are those of the headline, the live story (title and
  summary) and every string of every block (paragraph and heading text, image
  caption and credit, media note, quote paragraphs and attribution, list items).
  The *removed words* are those of ``removed[].text``.
* Nothing lost: input words (as a multiset) minus kept and removed words leaves
  only *markers*, and no more of each than the input has in marker position: the
  number of a numbered line (``12.`` / ``3)`` at the line start) and a credit
  marker word before its colon (``Photo:``, ``Photos:``, ``Credit:``,
  ``Credits:``, ``Picture:``, ``Pictures:``, ``Image:``, ``Images:``, ``Picture
  credit:``). Bullets, dashes and punctuation are not words, so they need no
  allowance.
* Nothing invented: every kept or removed word is an input word; ``byline`` and
  ``date`` (taken from lines that are in ``removed``, or from a media note) occur
  as text in the input.

Renderers are held to the same: every word of the article appears in the
``text`` and ``markdown`` output (multiset), and they add no word but their own
labels; the ``rich`` view holds every page string (compared without whitespace,
since it wraps and may fold a long word).

Most cases run in-process; a few go through the CLI in a subprocess.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from itvreport import read
from itvreport.errors import InputError, ItvReportError, NoArticleError
from itvreport.pipeline import read_article
from itvreport.render import RenderOptions, render
from itvreport.schema import load_schema
from helpers import clean_env, outside_code_fences

ROOT = Path(__file__).resolve().parent.parent

VALIDATOR = jsonschema.Draft202012Validator(load_schema())
# CI runs the same cases every time (derandomize). For a deeper search with fresh
# random cases: ITVREPORT_PROPERTY_EXAMPLES=5000 python -m pytest tests/test_properties.py
DEEP = int(os.environ.get("ITVREPORT_PROPERTY_EXAMPLES") or 0)
PROPERTY = settings(max_examples=DEEP or 200, derandomize=not DEEP, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=max(25, DEEP // 10), derandomize=not DEEP, deadline=None,
               suppress_health_check=[HealthCheck.too_slow])

# --- words and conservation ----------------------------------------------------------------

WORD = re.compile(r"\w+")
NUMBER_MARKER = re.compile(r"^[^\S\n]*(\d{1,3})[.)]\s", re.MULTILINE)
CREDIT_MARKER = re.compile(r"(?:^|(?<=\s)|(?<=[.!?]))(Picture credit|Photos?|Credits?|Pictures?|Images?)\s*:", re.MULTILINE)


def words(text: str | None) -> list[str]:
    return WORD.findall(text or "")


def article_strings(doc: dict) -> list[str]:
    """Every reader-facing string of the JSON article (not removed, byline or date)."""
    out = [doc["headline"]] if doc["headline"] else []
    story = doc["live_story"]
    if story:
        out += [story["title"], *story["summary"]]
    for block in doc["blocks"]:
        for key, value in block.items():
            if key == "type":
                continue
            if isinstance(value, str):
                out.append(value)
            elif isinstance(value, list):
                out += value
    return out


def markers(text: str) -> Counter:
    """Marker words the reader may drop: list numbers and credit marker words."""
    found = Counter(NUMBER_MARKER.findall(text))
    for marker in CREDIT_MARKER.findall(text):
        found.update(words(marker))
    return found


def conservation_problems(text: str, doc: dict) -> dict:
    """``{}`` when ``doc`` (the JSON article read from ``text``) conserves its input."""
    source = Counter(words(text))
    kept = Counter(w for s in article_strings(doc) for w in words(s))
    removed = Counter(w for item in doc["removed"] for w in words(item["text"]))
    problems = {}
    lost = source - kept - removed - markers(text)
    if lost:
        problems["lost"] = dict(lost)
    invented = set(kept + removed) - set(source)
    invented |= {w for w in words(doc["byline"]) if w not in text}
    if doc["date"] and doc["date"] not in text:
        # read off a date stamp ("Last updated Sat 6 Jul 2024"): its year and day are on the page
        year, _, day = doc["date"].split("-")
        if year not in text or not re.search(rf"\b0?{int(day)}(?:st|nd|rd|th)?\b", text):
            invented.add(doc["date"])
    if invented:
        problems["invented"] = sorted(invented)
    return problems


def assert_conserved(text: str, doc: dict) -> None:
    problems = conservation_problems(text, doc)
    assert not problems, (problems, text[:2000])


def read_or_error(data: bytes):
    """``(decoded text, article)``; ``(None, error)`` for a clean refusal.

    Read as text (``--input text``): conservation is defined for the text reader;
    a page that merely looks like HTML is still a text page here.
    """
    try:
        text = read.decode(data)
    except InputError as error:
        return None, error
    try:
        return text, read_article(data, input_kind="text")
    except ItvReportError as error:
        assert isinstance(error, (InputError, NoArticleError))
        assert "\n" not in error.message and "Traceback" not in error.message
        return None, error


# --- what any output may contain -------------------------------------------------------------

RICH_SGR = re.compile(r"\x1b\[[0-9;]*m")
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def unsafe_in(output: str, fmt: str) -> list[str]:
    """Characters a terminal would act on. ``rich`` may use its own colour codes (SGR);
    ``markdown`` keeps the tabs of code blocks (see ``helpers.outside_code_fences``)."""
    if fmt == "rich":
        output = RICH_SGR.sub("", output)
    elif fmt == "markdown":
        output = outside_code_fences(output)
    return UNSAFE.findall(output)


TEXT_LABELS = {"Image", "Credit", "Video", "Part", "of", "By", "Removed", "line", "boilerplate", "duplicate"}
MARKDOWN_LABELS = TEXT_LABELS | {"Nothing", "was", "removed"}
MD_ENTITY = re.compile(r"(?<!\\)&#(\d+);")
MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unmarkdown(output: str) -> str:
    """Undo the Markdown renderer's escapes (``\\_``, ``1\\.``, ``&#32;``) so words compare."""
    return MD_ESCAPE.sub(r"\1", MD_ENTITY.sub(lambda m: chr(int(m[1])), output))


def render_to_string(article, fmt: str, options: RenderOptions) -> str:
    out = io.StringIO()
    render(article, fmt, options, out)
    return out.getvalue()


def all_article_words(article) -> Counter:
    doc = article.to_dict()
    found = Counter(w for s in article_strings(doc) for w in words(s))
    for extra in (doc["byline"], doc["date"]):
        found.update(words(extra))
    return found


def assert_renderer_conserves(article, fmt: str, output: str, explain: bool) -> None:
    expected = all_article_words(article)
    if explain:
        expected.update(w for item in article.removed for w in words(item.text))
    if fmt in ("text", "markdown"):
        shown = Counter(words(unmarkdown(output) if fmt == "markdown" else output))
        missing = expected - shown
        assert not missing, (fmt, dict(missing))
        labels = MARKDOWN_LABELS if fmt == "markdown" else TEXT_LABELS
        extra = {w for w in shown if w not in expected and w not in labels and not w.isdigit()}
        assert not extra, (fmt, extra)
    elif fmt == "rich":
        from itvreport.render.text import printable

        def squeeze(text):
            return re.sub(r"[\s│]", "", text)

        flat = squeeze(RICH_SGR.sub("", output))
        strings = article_strings(article.to_dict())
        if explain:
            strings += [item.text for item in article.removed]
        for string in strings:
            assert squeeze(printable(string)) in flat, (string, output)
    elif fmt == "json":
        assert json.loads(output) == article.to_dict()


# --- strategies ----------------------------------------------------------------------------------

HOSTILE = [
    "\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\x9d", "\ufeff",
    "\x1b[31m", "\x1b[0m", "\x1b[1;38;5;196m", "\x1b[2J\x1b[H", "\x1b]0;pwned\x07", "\x1b]2;title\x1b\\",
    "\x1b]8;;https://evil.example/\x1b\\", "\x1b]8;;\x1b\\", "\x1bP+q\x1b\\", "\x1b(0", "\x1bc", "\x9b2J",
    "\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069",
    "\r", "\r\n", "\t", "\u2028", "\u00a0", "\u200b", "\u200f",
    "[bold red]", "[/]", "[/bold]", "[link=https://evil.example]", "[red on blue]", ":smile:", "\\[", "]",
]
SCRIPTS = [
    "بشار الأسد", "שלום עולם", "漢字かな交じり", "Ünïcödé", "e\u0301", "ﬁ", "🇬🇧", "👩\u200d👩\u200d👧", "😀", "Ελληνικά",
    "Кириллица", "हिन्दी", "१२३", "²³", "ǅ", "İstanbul", "ß", "ﷺ",
]
VOCAB = (
    "the council said we will Assad President Clinton Russia and of to in a reporter "
    "Syria defected regime Paris general family our my you They He She it's ‘quoted’ “double” — – ... !"
).split()
CHROME = [
    "Advertisement", "Play video", "Play Brightcove video", "1. ITV Report", "2. National", "-",
    "date 2012-07-06 - ITV Report", " date 2019-03-04 at 10:12am", "By John Irvine", "By Jane Doe: Political Correspondent",
    "View all 12 updates ›", "More on this story", "1. Read more", "2. 12 updates", "Related stories",
    "This content is not available on your device", "Watch the full report on ITV tonight at 6.30pm",
    "Insight",
]
SHAPES = [
    "{T}", "{S}", "{S} {S}", "• {t}", "· {t}", "1. {t}", "2. {t}", "3) {t}", "{T} Photo: PA", "{T} Credit: Reuters",
    "Credit: {T}", "Picture credit: {T}", "{S} Image: ITV News", "{T} reports:", "VIDEO: {t}", "{S}:", "{T} said:",
    "We {t}.", "I {t}.", "— {T}, chief executive", "– {T}", "{t}.{T} - 12 jobs.{T} - 3 jobs.", "Watch {t} below",
    "{T}: {T}", "{c}", "{c}",
]


@st.composite
def fragment(draw, capital=False):
    """A few words, sometimes with hostile characters or other scripts mixed in."""
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        choice = draw(st.integers(0, 9))
        if choice <= 5:
            parts.append(draw(st.sampled_from(VOCAB)))
        elif choice == 6:
            parts.append(draw(st.sampled_from(SCRIPTS)))
        elif choice == 7:
            parts.append(draw(st.sampled_from(VOCAB)) + draw(st.sampled_from(HOSTILE)) + draw(st.sampled_from(VOCAB)))
        elif choice == 8:
            parts.append(draw(st.text(min_size=1, max_size=6)))
        else:
            parts.append(draw(st.sampled_from(HOSTILE)))
    text = " ".join(parts)
    return text[:1].upper() + text[1:] if capital else text


@st.composite
def page_line(draw):
    shape = draw(st.sampled_from(SHAPES))
    line = shape
    for slot, capital in (("{T}", True), ("{t}", False)):
        while slot in line:
            line = line.replace(slot, draw(fragment(capital=capital)), 1)
    while "{S}" in line:
        line = line.replace("{S}", draw(fragment(capital=True)) + draw(st.sampled_from([".", "!", "?", ".”", ""])), 1)
    while "{c}" in line:
        line = line.replace("{c}", draw(st.sampled_from(CHROME)), 1)
    indent = draw(st.sampled_from(["", "", "", "  ", "\t", "   "]))
    return indent + line


@st.composite
def page_text(draw):
    """A page-shaped text: chrome, headline-like lines, paragraphs, lists, captions,
    quotes, media notes, repeats, mixed line ends and hostile characters."""
    lines = draw(st.lists(page_line(), min_size=1, max_size=30))
    for _ in range(draw(st.integers(0, 3))):  # a paragraph printed twice
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(lines)))
    if draw(st.booleans()):  # a long line
        lines.append(" ".join(draw(st.sampled_from(VOCAB)) for _ in range(draw(st.integers(200, 2000)))))
    frame = draw(st.sampled_from(["none", "none", "newer update page", "older update page"]))
    if frame == "newer update page":  # parent story, then the updates link, then the item
        lines[:0] = [draw(fragment(capital=True)), draw(fragment(capital=True)) + ".", "View all 7 updates ›"]
    elif frame == "older update page":  # the item, then the parent story after a triple newline
        lines += ["", "", draw(fragment(capital=True)), draw(fragment(capital=True)) + "."]
    out = []
    for line in lines:
        out.append(line)
        out.append(draw(st.sampled_from(["\n", "\n\n", "\n\n", "\n\n\n", "\r\n", "\r\n\r\n", "\r", "\n \n"])))
    return "".join(out)


any_text = st.text(max_size=400)
any_text_with_controls = st.lists(
    # Surrogates are left out: they are not characters a file can hold (UTF-8 refuses them).
    st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(HOSTILE + ["\n", "\n\n", " "])),
    max_size=200,
).map("".join)


# --- never crash, never lose content -----------------------------------------------------------


def check_reading(data: bytes):
    text, article = read_or_error(data)
    if text is None:
        return None
    doc = article.to_dict()
    VALIDATOR.validate(doc)
    assert_conserved(text, doc)
    return article


@PROPERTY
@given(page_text())
@example("Headline\n\n\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ here.\n")
@example("A\u202eB\r\n\r\n1. one\n2. two\nCredit: PA\n")
def test_page_shaped_text_reads_and_conserves(text):
    check_reading(text.encode("utf-8"))


@PROPERTY
@given(any_text)
def test_any_text_reads_or_errors_cleanly(text):
    check_reading(text.encode("utf-8"))


@PROPERTY
@given(any_text_with_controls)
def test_text_full_of_controls_reads_or_errors_cleanly(text):
    check_reading(text.encode("utf-8"))


@PROPERTY
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_error_cleanly(data):
    warnings = []
    try:
        text = read.decode(data, warnings.append)
    except InputError as error:
        assert error.message in ("input is empty", "input looks like a binary file, not a saved page")
        return
    assert UNSAFE.findall(text) == []
    assert all("\n" not in warning for warning in warnings)
    check_reading(data)


# --- every renderer, any article -------------------------------------------------------------------

OPTIONS = [
    RenderOptions(),
    RenderOptions(explain=True),
    RenderOptions(width=1, explain=True),
    RenderOptions(width=23, explain=True, color=False),
]


@PROPERTY
@given(page_text(), st.sampled_from(OPTIONS))
def test_every_format_is_safe_and_conserves(text, options):
    text_in, article = read_or_error(text.encode("utf-8"))
    if text_in is None:
        return
    for fmt in ("text", "markdown", "json", "rich"):
        output = render_to_string(article, fmt, options)
        assert unsafe_in(output, fmt) == [], (fmt, output)
        assert_renderer_conserves(article, fmt, output, options.explain)


# --- determinism -------------------------------------------------------------------------------------


@PROPERTY
@given(page_text())
def test_same_bytes_same_output(text):
    data = text.encode("utf-8")
    first, second = read_or_error(data), read_or_error(data)
    if first[0] is None:
        assert type(first[1]) is type(second[1]) and first[1].message == second[1].message
        return
    assert first[1] == second[1]
    for fmt in ("text", "markdown", "json", "rich"):
        options = RenderOptions(width=40, explain=True)
        assert render_to_string(first[1], fmt, options) == render_to_string(second[1], fmt, options)


def run_cli(data: bytes, *args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "itvreport", "show", "-", *args], input=data, capture_output=True,
        env=env or clean_env(), cwd=ROOT, timeout=60,
    )


def assert_clean_exit(proc) -> None:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Exception" not in err, err
    assert proc.returncode in (0, 1), (proc.returncode, err)
    lines = err.splitlines()
    assert all(line.startswith(("itvreport: warning: ", "itvreport: error: ")) for line in lines), err
    if proc.returncode == 1:
        assert lines and lines[-1].startswith("itvreport: error: ") and proc.stdout == b""


@FEW
@given(page_text(), st.sampled_from(["text", "markdown", "json", "rich"]))
def test_cli_any_page_any_format(text, fmt):
    """Through the real command line: clean exit, safe bytes, same as in-process, and
    the same bytes under a different hash seed (no set-order dependence)."""
    data = text.encode("utf-8")
    args = ("--format", fmt, "--width", "60", "--input", "text")
    proc = run_cli(data, *args, env=clean_env(PYTHONHASHSEED="1"))
    assert_clean_exit(proc)
    again = run_cli(data, *args, env=clean_env(PYTHONHASHSEED="2"))
    assert (again.returncode, again.stdout, again.stderr) == (proc.returncode, proc.stdout, proc.stderr)
    if proc.returncode:
        return
    out = proc.stdout.decode("utf-8")
    assert unsafe_in(out, fmt) == []
    if fmt == "text":
        assert b"\x1b" not in proc.stdout
    expected = render_to_string(read_article(data, input_kind="text"), fmt, RenderOptions(width=60, color=False))
    if fmt == "rich":
        out = RICH_SGR.sub("", out)
    assert out == expected


# --- bugs these properties found, kept as regression tests ----------------------------------------


@pytest.mark.parametrize("date", ["٢٠١٨-٠١-١٧", "2018-99-99"])
def test_date_is_a_real_yyyy_mm_dd(date):
    article = read_article(f" date {date} - ITV Report\nHeadline here\n\nBody text here.\n".encode())
    assert article.date is None or re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", article.date)


def test_two_long_near_identical_paragraphs_are_compared_in_linear_time():
    """Two 200 000-word paragraphs with one word in ten changed (a near repeat: within
    one edit in eight). The first near-repeat check was quadratic in paragraph length
    (1.7 s at 8 000 words, 6.9 s at 16 000); at this size a quadratic check would
    run for hours, a linear one takes well under a second. The generous timeout
    only stops a regression from hanging the suite; it is not a speed test."""
    import random

    rng = random.Random(1)
    first = [f"w{rng.randrange(200)}" for _ in range(200_000)]
    second = ["changed" if i % 10 == 0 else word for i, word in enumerate(first)]
    data = f"Headline here\n\n{' '.join(first)}.\n\n{' '.join(second)}.\n".encode()
    proc = subprocess.run(
        [sys.executable, "-m", "itvreport", "show", "-", "--format", "json"], input=data, capture_output=True,
        env=clean_env(), cwd=ROOT, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert [item["reason"] for item in json.loads(proc.stdout)["removed"]] == ["duplicate"]


@pytest.mark.parametrize("page, width", [
    ("漢字かな交じり\n\nBody text here.\n", 1),         # the headline at --width 1
    ("Headline\n\n• 漢字 item\n• 😀 item\n", 3),        # list items: "• " leaves one column
    ("Headline\n\nShe said:\n\nWe love 漢字.\n", 3),  # quotes: "│ " leaves one column
])
def test_rich_keeps_wide_characters_at_tiny_widths(page, width):
    article = read_article(page.encode())
    output = render_to_string(article, "rich", RenderOptions(width=width, color=False))
    assert_renderer_conserves(article, "rich", output, explain=False)
