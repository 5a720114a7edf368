"""Mutation test: thousands of damaged copies of real and invented pages.

Pages: the real fixture, the 53 invented corpus pages, the 20 held-out pages, and
the hostile pages below (escape sequences, bidi overrides, rich markup, CRLF,
Windows-1252, UTF-16, mojibake, a very long line, an update page). Each mutant
takes one to three mutations, drawn with a seeded RNG (so every run sees the
same mutants):

truncate        cut the bytes anywhere (also inside a UTF-8 or UTF-16 character)
delete line     drop a line
duplicate line  insert a copy of a line somewhere else
flip bytes      set one to five bytes to random values
swap lines      exchange two lines
splice line     insert a line from another page
insert hostile  put an escape sequence, bidi override, NUL or rich markup in a line
line endings    all line ends to CRLF or CR
re-encode       the whole page as Windows-1252 (where it can be) or UTF-16 with a BOM

In-process, every mutant must either read, conserve its words (the rule in
``test_properties``) and render safely in ``text`` and ``markdown``, or be
refused with a clean one-line error. A hundred more go through the command line
in a subprocess: exit 0 or 1, no traceback, and the same article as in-process.
Five hundred mutants of the saved HTML pages go through the HTML reader (no
conservation there: markup is not words).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from itvreport import read
from itvreport.errors import InputError, ItvReportError, NoArticleError
from itvreport.pipeline import read_article
from itvreport.render import RenderOptions

from test_properties import VALIDATOR, conservation_problems, render_to_string, unsafe_in

ROOT = Path(__file__).resolve().parent.parent
IN_PROCESS_MUTANTS = 5000
CLI_MUTANTS = 100
SEED = 20120706

INVENTED = {
    "hostile-escapes": (
        "\x1b]0;pwned\x07Assad aid \x1b[31mdefects\x1b[0m\n\n"
        "A member of President Assad's \x1b]8;;https://evil.example/\x1b\\inner circle\x1b]8;;\x1b\\ has defected.\n\n"
        "\x1b[2J\x1b[HAdvertisement\n\n"
        "The US Secretary of State \u202estepped up\u202c her criticism of China and Russia.\n\n"
        "She said:\n\nWe think that is a very promising \x9b31mdevelopment.\n\n"
        "  • Stronger [bold red]UN[/] action\n  • [link=https://evil.example]Sanctions[/link]\n"
    ).encode("utf-8"),
    "crlf-cp1252": (
        " date 2012-07-06 - ITV Report\r\nIt\u2019s the \u201clast\u201d stand, says Clinton\r\n\r\n"
        "By John Irvine\r\n\r\nThe regime\u2019s caf\u00e9 \u2013 a meeting place \u2013 closed.\r\n\r\n"
        "A fallen tree blocks the road Photo: Kent Police\r\n\r\n1. First item\r\n2. Second item\r\n"
    ).encode("cp1252"),
    "utf16-update-page": b"\xff\xfe" + (
        "Storm brings chaos to the South East\nLive updates as high winds hit the region.\nView all 12 updates \u203a\n\n"
        "Thousands still without power in Kent\n\nMore than 8,000 homes are still without electricity.\n\n"
        "Sophie Lanyon reports from Tenterden:\n\nRest centres have been opened in Ashford \U0001F3E0.\n"
    ).encode("utf-16-le"),
    "mojibake": (
        "It\u00e2\u20ac\u2122s a caf\u00c3\u00a9 headline\n\n"
        "The council\u00e2\u20ac\u2122s leader said:\n\n\u00e2\u20ac\u0153We will rebuild.\u00e2\u20ac\x9d\n\n"
        "\u2014 Jane Doe, council leader\n"
    ).encode("utf-8"),
    "long-line-mixed-scripts": (
        "Headline with \u0628\u0634\u0627\u0631 and \u6f22\u5b57\n\n"
        + " ".join(["word", "\u05e9\u05dc\u05d5\u05dd", "\U0001F1EC\U0001F1E7", "e\u0301t\u00e9"] * 400) + ".\n\n"
        "\tTabbed\tparagraph with\ttabs.\n"
    ).encode("utf-8"),
}


def load_pages() -> dict[str, bytes]:
    pages = {"assad-aid-defects": (ROOT / "fixtures" / "assad-aid-defects.txt").read_bytes()}
    for folder in ("corpus", "holdout"):
        for path in sorted((ROOT / "fixtures" / folder).glob("*.txt")):
            pages[f"{folder}/{path.stem}"] = path.read_bytes()
    pages.update(INVENTED)
    return pages


PAGES = load_pages()
HOSTILE = ["\x1b[31m", "\x1b]0;t\x07", "\x1b]8;;http://x\x1b\\", "\x1b[2J", "\x1b", "\x9b", "\x00", "\x07", "\u202e",
           "\u2066", "\ufeff", "[bold red]", "[/]", "[link=x]", "\r", "\t"]


# --- mutations: each takes (rng, bytes) and returns bytes ----------------------------------------------


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def truncate(rng, data):
    return data[:rng.randrange(len(data) + 1)]


def delete_line(rng, data):
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_line(rng, data):
    lines = _lines(data)
    lines.insert(rng.randrange(len(lines) + 1), rng.choice(lines))
    return b"\n".join(lines)


def flip_bytes(rng, data):
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    return bytes(damaged)


def swap_lines(rng, data):
    lines = _lines(data)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def splice_line(rng, data, pool=None):
    """A line from another page (of the same kind: ``pool``, the text pages by default)."""
    pool = PAGES if pool is None else pool
    lines = _lines(data)
    other = _lines(pool[rng.choice(sorted(pool))])
    lines.insert(rng.randrange(len(lines) + 1), rng.choice(other))
    return b"\n".join(lines)


def insert_hostile(rng, data):
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice(HOSTILE).encode("utf-8") + data[at:]


def line_endings(rng, data):
    return data.replace(b"\r\n", b"\n").replace(b"\n", rng.choice([b"\r\n", b"\r"]))


def re_encode(rng, data):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    if rng.random() < 0.5:
        try:
            return text.encode("cp1252")
        except UnicodeEncodeError:
            pass
    return b"\xff\xfe" + text.encode("utf-16-le")


MUTATIONS = {
    "truncate": truncate, "delete line": delete_line, "duplicate line": duplicate_line, "flip bytes": flip_bytes,
    "swap lines": swap_lines, "splice line": splice_line, "insert hostile": insert_hostile,
    "line endings": line_endings, "re-encode": re_encode,
}


def mutants(seed: int, count: int):
    """``count`` mutants: (page name, mutation names, bytes). Deterministic for a seed."""
    rng = random.Random(seed)
    names = sorted(PAGES)
    for _ in range(count):
        page = rng.choice(names)
        data = PAGES[page]
        applied = []
        for _ in range(rng.randint(1, 3)):
            if not data:
                break
            name = rng.choice(sorted(MUTATIONS))
            data = MUTATIONS[name](rng, data)
            applied.append(name)
        yield page, tuple(applied), data


# --- in-process: thousands ----------------------------------------------------------------------------------


def check_mutant(data: bytes, validate: bool) -> str:
    """``"read"`` or ``"refused"``; raises AssertionError with the reason otherwise."""
    try:
        text = read.decode(data)
    except InputError as error:
        assert "\n" not in error.message
        return "refused"
    try:
        article = read_article(data, input_kind="text")
    except ItvReportError as error:
        assert isinstance(error, (InputError, NoArticleError)) and "\n" not in error.message
        return "refused"
    doc = article.to_dict()
    problems = conservation_problems(text, doc)
    assert not problems, problems
    if validate:
        VALIDATOR.validate(doc)
    for fmt in ("text", "markdown"):
        output = render_to_string(article, fmt, RenderOptions(explain=True))
        assert unsafe_in(output, fmt) == [], (fmt, unsafe_in(output, fmt))
    return "read"


def test_thousands_of_mutants_in_process():
    outcomes, classes, failures = Counter(), Counter(), []
    for number, (page, applied, data) in enumerate(mutants(SEED, IN_PROCESS_MUTANTS)):
        classes.update(set(applied))
        try:
            outcomes[check_mutant(data, validate=number % 10 == 0)] += 1
        except AssertionError as error:
            failures.append((page, applied, str(error)[:300]))
        except Exception as error:  # noqa: BLE001 - a crash is what this test looks for
            failures.append((page, applied, f"CRASH {type(error).__name__}: {error}"))
    assert failures == [], failures[:5]
    assert sum(outcomes.values()) == IN_PROCESS_MUTANTS
    assert outcomes["read"] >= 0.9 * IN_PROCESS_MUTANTS, outcomes  # not vacuous: most mutants still read
    assert all(classes[name] >= 300 for name in MUTATIONS), classes  # every kind of damage well covered


HTML_MUTANTS = 500


def test_html_mutants_read_or_error_cleanly():
    """Saved HTML pages, damaged the same ways: the HTML reader reads each or refuses it
    cleanly; the article is valid schema-2 JSON and safe in every format. (Conservation
    is not checked: markup is not words.)"""
    pages = {path.name: path.read_bytes() for path in sorted((ROOT / "fixtures" / "html").glob("*.html"))}
    if not pages:
        pytest.skip("no HTML fixtures")
    # Lines are spliced in from the HTML pages, so adding a text page does not reshuffle this sample.
    damage = {**MUTATIONS, "splice line": lambda rng, data: splice_line(rng, data, pages)}
    rng = random.Random(SEED)
    outcomes, failures = Counter(), []
    for _ in range(HTML_MUTANTS):
        name = rng.choice(sorted(pages))
        data = pages[name]
        for _ in range(rng.randint(1, 3)):
            if data:
                data = damage[rng.choice(sorted(damage))](rng, data)
        try:
            article = read_article(data)
        except ItvReportError as error:
            outcomes["refused"] += 1
            assert "\n" not in error.message
            continue
        except Exception as error:  # noqa: BLE001 - a crash is what this test looks for
            failures.append((name, f"CRASH {type(error).__name__}: {error}"))
            continue
        outcomes["read"] += 1
        VALIDATOR.validate(article.to_dict())
        for fmt in ("text", "markdown", "json", "rich"):
            output = render_to_string(article, fmt, RenderOptions(explain=True, width=60))
            if unsafe_in(output, fmt):
                failures.append((name, fmt, unsafe_in(output, fmt)))
    assert failures == [], failures[:5]
    assert outcomes["read"] >= 0.9 * HTML_MUTANTS, outcomes


def test_mutants_are_deterministic():
    first = [data for _, _, data in mutants(SEED, 50)]
    assert first == [data for _, _, data in mutants(SEED, 50)]
    assert len(set(first)) > 45


# --- through the command line: a hundred ----------------------------------------------------------------------


def clean_env() -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM", "PYTHONUNBUFFERED")}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


CLI_FORMATS = ("json", "text", "markdown", "rich")


def run_cli(job):
    number, data = job
    fmt = CLI_FORMATS[number % len(CLI_FORMATS)]
    proc = subprocess.run([sys.executable, "-m", "itvreport", "show", "-", "--format", fmt, "--explain"],
                          input=data, capture_output=True, env=clean_env(), cwd=ROOT, timeout=120)
    return fmt, proc


def check_cli(fmt: str, data: bytes, proc) -> None:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert proc.returncode in (0, 1), (proc.returncode, err)
    lines = err.splitlines()
    assert all(line.startswith(("itvreport: warning: standard input: ", "itvreport: error: ")) for line in lines), err
    try:
        expected = read_article(data)
    except ItvReportError as error:
        assert proc.returncode == 1 and proc.stdout == b""
        assert lines[-1] == f"itvreport: error: {error.message}"
        return
    assert proc.returncode == 0, err
    out = proc.stdout.decode("utf-8")
    assert unsafe_in(out, fmt) == []
    if fmt == "text":
        assert b"\x1b" not in proc.stdout
    if fmt == "json":
        doc = json.loads(out)
        assert doc == expected.to_dict()
        if read.sniff(read.decode(data)) == "text":
            assert not conservation_problems(read.decode(data), doc)
    elif fmt in ("text", "markdown"):
        assert out == render_to_string(expected, fmt, RenderOptions(explain=True))


def test_a_hundred_mutants_through_the_cli():
    jobs = [(number, data) for number, (_, _, data) in enumerate(mutants(SEED + 1, CLI_MUTANTS))]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run_cli, jobs))
    failures = []
    for (number, data), (fmt, proc) in zip(jobs, results):
        try:
            check_cli(fmt, data, proc)
        except AssertionError as error:
            failures.append((number, fmt, str(error)[:300]))
    assert failures == [], failures[:5]
    assert sum(1 for _, proc in results if proc.returncode == 0) >= 0.9 * CLI_MUTANTS
