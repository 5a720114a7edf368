"""The command line, run as a user runs it: ``python -m itvreport`` in a subprocess.

Two kinds of test here:

* End-to-end runs on real pages (the fixture, or pages made from it). These
  need the whole reader.
* Runs through ``FAKE_READER``: the same CLI in a subprocess, with
  ``pipeline.read_article`` replaced by a tiny stand-in (decode, then one
  paragraph per blank-line-separated chunk). They pin down what the CLI itself
  does - formats, colour, width, pipes, signals, warnings - independently of
  how well the reader reads.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "assad-aid-defects.txt"
HEADLINE = "Assad aid defects as Clinton accuses Russia and Syria of 'standing in the way'"

ESC = "\x1b"
SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def clean_env(**extra) -> dict:
    """The environment of a plain run: no colour variables, no terminal size hints."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM", "CLICOLOR_FORCE",
                        "PYTHONUNBUFFERED")}
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def run(*args, input: bytes | None = None, env: dict | None = None, stdin=None, **kwargs):
    """``python -m itvreport ARGS``; returns the CompletedProcess with text stdout/stderr."""
    if input is None and stdin is None:
        stdin = subprocess.DEVNULL
    proc = subprocess.run(
        [sys.executable, "-m", "itvreport", *map(str, args)],
        input=input, stdin=stdin, capture_output=True, env=env or clean_env(), cwd=ROOT,
        timeout=60, **kwargs,
    )
    proc.out = proc.stdout.decode("utf-8", "replace")
    proc.err = proc.stderr.decode("utf-8", "replace")
    return proc


FAKE_READER = textwrap.dedent(
    """
    import sys
    from itvreport import cli, pipeline, read
    from itvreport.model import Article, Paragraph, article_words

    def fake_read_article(data, source="-", input_kind="auto", warn=None, charset=None, explain=None):
        text = read.decode(data, warn)
        chunks = [c.strip() for c in text.split("\\n\\n") if c.strip()]
        blocks = tuple(Paragraph(text=c.replace("\\n", " ")) for c in chunks[1:])
        return Article(source=source, headline=chunks[0], blocks=blocks,
                       words=article_words(chunks[0], blocks))

    pipeline.read_article = fake_read_article
    if "--interrupt" in sys.argv:
        sys.argv.remove("--interrupt")
        def interrupted(*args, **kwargs):
            raise KeyboardInterrupt
        read.load = interrupted
    raise SystemExit(cli.main(sys.argv[1:]))
    """
)


def fake_cmd(*args) -> list[str]:
    return [sys.executable, "-c", FAKE_READER, *map(str, args)]


def run_fake(*args, env: dict | None = None, input: bytes | None = None):
    proc = subprocess.run(
        fake_cmd(*args), input=input, stdin=None if input is not None else subprocess.DEVNULL,
        capture_output=True, env=env or clean_env(), cwd=ROOT, timeout=60,
    )
    proc.out = proc.stdout.decode("utf-8", "replace")
    proc.err = proc.stderr.decode("utf-8", "replace")
    return proc


def assert_one_error_line(proc, code: int, *fragments: str):
    """Exit ``code``; stderr is exactly one ``itvreport: error:`` line (after usage, if any)."""
    assert proc.returncode == code, (proc.returncode, proc.err)
    assert "Traceback" not in proc.err
    lines = proc.err.splitlines()
    errors = [line for line in lines if line.startswith("itvreport: error: ")]
    assert len(errors) == 1, proc.err
    assert lines[-1] == errors[0], proc.err
    if code != 2:
        assert lines == errors, proc.err  # no usage text for input problems
    for fragment in fragments:
        assert fragment in errors[0], (fragment, errors[0])
    assert proc.stdout == b""
    return errors[0]


def colour_codes(text: str) -> list[str]:
    """SGR sequences in ``text`` that set a foreground or background colour."""
    found = []
    for match in SGR.finditer(text):
        params = [p for p in re.split("[;:]", match.group(1)) if p]
        for param in params:
            number = int(param)
            if 30 <= number <= 38 or 40 <= number <= 48 or 90 <= number <= 97 or 100 <= number <= 107:
                found.append(match.group(0))
                break
    return found


def visible(text: str) -> str:
    return re.sub(r"\x1b\[[0-?]*[ -/]*[@-~]", "", text)


@pytest.fixture
def page(tmp_path):
    """A small page the fake reader turns into a headline and three paragraphs."""
    path = tmp_path / "page.txt"
    path.write_text(
        "A headline about the things\n\n"
        + "First paragraph with a number of words that go on for a while and then some more. " * 3
        + "\n\nSecond paragraph.\n\nThird paragraph, the last one.\n",
        encoding="utf-8",
    )
    return path


# --- version and help -----------------------------------------------------------------


def test_version():
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.out == "itvreport 0.1.0\n"


def test_version_matches_package():
    import itvreport

    assert run("--version").out.strip() == f"itvreport {itvreport.__version__}"


def test_help_has_examples():
    proc = run("--help")
    assert proc.returncode == 0
    out = proc.out
    assert out.startswith("usage: itvreport")
    assert "show" in out
    assert "examples:" in out
    for example in ("itvreport show page.txt", "| less", "--format json | jq", "cat page.txt | itvreport show",
                    "--explain", "--width 72"):
        assert example in out, example


def test_show_help_lists_every_option_and_examples():
    proc = run("show", "--help")
    assert proc.returncode == 0
    for option in ("--format", "{auto,rich,text,markdown,json,jsonl}", "--input", "{auto,text,html}",
                   "--jobs", "--explain", "--width", "--no-color", "--max-bytes", "examples:"):
        assert option in proc.out, option


def test_no_command_is_a_usage_error():
    proc = run()
    assert_one_error_line(proc, 2, "choose a command: show")
    assert proc.err.startswith("usage: itvreport")


def test_unknown_command_suggests_show():
    proc = run("shwo", "x.txt")
    assert_one_error_line(proc, 2, "did you mean show?")


# --- usage errors: exit 2 ------------------------------------------------------------


def test_bad_format_suggests_closest():
    proc = run("show", FIXTURE, "--format", "jsn")
    line = assert_one_error_line(proc, 2, "--format", "did you mean --format json?")
    assert "jsn" in line
    assert proc.err.startswith("usage: itvreport show")


@pytest.mark.parametrize("value, suggestion", [("markdwn", "markdown"), ("txt", "text"), ("rch", "rich")])
def test_bad_format_suggestions(value, suggestion):
    proc = run("show", FIXTURE, f"--format={value}")
    assert_one_error_line(proc, 2, f"did you mean --format {suggestion}?")


def test_hopeless_format_lists_choices():
    proc = run("show", FIXTURE, "--format", "xyzzy")
    line = assert_one_error_line(proc, 2, "auto, rich, text, markdown, json")
    assert "did you mean" not in line


def test_bad_input_kind():
    assert_one_error_line(run("show", FIXTURE, "--input", "htm"), 2, "did you mean --input html?")


@pytest.mark.parametrize("value", ["0", "-3", "abc", "1.5", ""])
def test_bad_width(value):
    proc = run("show", FIXTURE, f"--width={value}")
    assert_one_error_line(proc, 2, "--width", "positive whole number")


@pytest.mark.parametrize("value", ["0", "-1", "lots", "5X"])
def test_bad_max_bytes(value):
    assert_one_error_line(run("show", FIXTURE, f"--max-bytes={value}"), 2, "--max-bytes")


def test_two_files_give_two_articles_in_order():
    proc = run("show", FIXTURE, FIXTURE, "--format", "text")
    assert proc.returncode == 0
    assert proc.out.count("Assad aid defects as Clinton") == 2
    assert proc.out.count("\n---\n") == 1


def test_unknown_option():
    assert_one_error_line(run("show", FIXTURE, "--colour-me-pink"), 2, "unrecognized arguments")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_no_file_with_terminal_stdin_is_a_usage_error():
    master, slave = os.openpty()
    try:
        proc = run("show", stdin=slave)
    finally:
        os.close(slave)
        os.close(master)
    assert_one_error_line(proc, 2, "no FILE given")


# --- input errors: exit 1, one line, no traceback ----------------------------------------


def test_missing_file():
    assert_one_error_line(run("show", "no-such-page.txt"), 1, "no-such-page.txt: no such file")


def test_directory_without_pages(tmp_path):
    assert_one_error_line(run("show", tmp_path), 1, f"no saved pages (.txt, .html, .warc) in {tmp_path}")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("hello\n")
    path.chmod(0)
    try:
        assert_one_error_line(run("show", path), 1, "permission denied")
    finally:
        path.chmod(0o644)


def test_permission_denied_in_process(tmp_path, monkeypatch, capsys):
    """Root can read a chmod 000 file, so make ``open`` refuse instead."""
    from itvreport import cli, read

    path = tmp_path / "secret.txt"
    path.write_text("hello\n")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(read, "open", refuse, raising=False)
    code = cli.main(["show", str(path), "--format", "text"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert captured.err == f"itvreport: error: {path}: permission denied\n"


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_one_error_line(run("show", path), 1, "empty.txt: input is empty")


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \r\n\t\n   \n")
    assert_one_error_line(run("show", path), 1, "input is empty")


def test_binary_file(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" * 50)
    assert_one_error_line(run("show", path), 1, "binary file, not a saved page")


def test_the_python_interpreter_is_binary():
    assert_one_error_line(run("show", sys.executable), 1, "binary file")


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"words words words\n" * 200)
    assert_one_error_line(run("show", path, "--max-bytes", "1K"), 1, "over the 1 KB limit", "--max-bytes")


def test_stdin_too_large():
    proc = run("show", "-", "--max-bytes", "100", input=b"x" * 5000)
    assert_one_error_line(proc, 1, "standard input is larger than the 100 bytes limit")


def test_empty_stdin():
    assert_one_error_line(run("show", input=b""), 1, "standard input: input is empty")


def test_html_page_is_sniffed_and_read(tmp_path):
    path = tmp_path / "saved.txt"  # the content decides, not the name
    path.write_text("<!DOCTYPE html>\n<html><head><title>Pier reopens - ITV News</title></head>"
                    "<body><article><h1>Pier reopens</h1><p>The pier reopened on Friday after repairs.</p></article></body></html>\n")
    proc = run("show", path, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    document = json.loads(proc.stdout)
    assert document["format"] == "html"
    assert document["headline"] == "Pier reopens"
    assert {"type": "paragraph", "text": "The pier reopened on Friday after repairs."} in document["blocks"]


def test_forcing_html_input_reads_a_text_page_as_html():
    proc = run("show", FIXTURE, "--input", "html", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["format"] == "html"


def test_interrupt_exits_130_quietly(page):
    proc = subprocess.run(fake_cmd("show", page, "--interrupt"), capture_output=True,
                          stdin=subprocess.DEVNULL, env=clean_env(), timeout=60)
    assert proc.returncode == 130
    assert proc.stdout == b""
    assert proc.stderr.strip() == b""


def test_ctrl_c_while_waiting_for_stdin():
    proc = subprocess.Popen([sys.executable, "-m", "itvreport", "show", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=clean_env(), cwd=ROOT)
    try:
        time.sleep(2.0)  # let it start and block reading standard input
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err
    assert out == b""


# --- what the CLI does with the article (fake reader) ------------------------------------


def test_auto_format_when_piped_is_plain_text(page):
    proc = run_fake("show", page)
    assert proc.returncode == 0, proc.err
    assert ESC not in proc.out
    assert proc.out.splitlines()[0] == "A headline about the things"
    assert "Third paragraph, the last one." in proc.out


def test_force_color_makes_auto_pick_rich_with_colour(page):
    proc = run_fake("show", page, env=clean_env(FORCE_COLOR="1"))
    assert proc.returncode == 0, proc.err
    assert ESC in proc.out
    assert colour_codes(proc.out) or SGR.search(proc.out)


def test_no_color_with_rich_has_no_colour_codes(page):
    proc = run_fake("show", page, "--format", "rich", env=clean_env(NO_COLOR="1", FORCE_COLOR="1"))
    assert proc.returncode == 0, proc.err
    assert colour_codes(proc.out) == []
    assert "A headline about the things" in visible(proc.out)


def test_no_color_flag_beats_force_color(page):
    proc = run_fake("show", page, "--no-color", env=clean_env(FORCE_COLOR="1"))
    assert proc.returncode == 0, proc.err
    assert colour_codes(proc.out) == []
    assert "Third paragraph" in visible(proc.out)


def test_empty_no_color_and_force_color_mean_unset(page):
    proc = run_fake("show", page, env=clean_env(NO_COLOR="", FORCE_COLOR=""))
    assert proc.returncode == 0, proc.err
    assert ESC not in proc.out  # auto, piped: text


def test_explicit_text_format_even_with_force_color(page):
    proc = run_fake("show", page, "--format", "text", env=clean_env(FORCE_COLOR="1"))
    assert proc.returncode == 0, proc.err
    assert ESC not in proc.out


def test_rich_width_follows_option(page):
    proc = run_fake("show", page, "--format", "rich", "--width", "40", env=clean_env(FORCE_COLOR="1"))
    assert proc.returncode == 0, proc.err
    lines = visible(proc.out).splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 40
    assert max(len(line.rstrip()) for line in lines) > 30


def test_rich_width_defaults_to_terminal_width_capped(page):
    narrow = run_fake("show", page, "--format", "rich", env=clean_env(COLUMNS="50"))
    wide = run_fake("show", page, "--format", "rich", env=clean_env(COLUMNS="500"))
    assert narrow.returncode == wide.returncode == 0, narrow.err + wide.err
    assert max(len(line.rstrip()) for line in visible(narrow.out).splitlines()) <= 50
    assert max(len(line.rstrip()) for line in visible(wide.out).splitlines()) <= 100


def test_text_width(page):
    proc = run_fake("show", page, "--format", "text", "--width", "30")
    assert proc.returncode == 0, proc.err
    assert max(len(line) for line in proc.out.splitlines()) <= 30


def test_text_does_not_wrap_by_default(page):
    proc = run_fake("show", page, "--format", "text", env=clean_env(COLUMNS="40"))
    assert proc.returncode == 0, proc.err
    assert max(len(line) for line in proc.out.splitlines()) > 200


def test_json_format(page):
    proc = run_fake("show", page, "--format", "json")
    assert proc.returncode == 0, proc.err
    data = json.loads(proc.out)
    assert data["schema"] == 2
    assert data["headline"] == "A headline about the things"
    assert data["source"] == str(page)


def test_decode_warning_goes_to_stderr(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"Headline\n\nPresident \x81Assad\x8d spoke.\n")
    proc = run_fake("show", path, "--format", "text")
    assert proc.returncode == 0, proc.err
    assert proc.err == f"itvreport: warning: {path}: 2 invalid bytes replaced while decoding as UTF-8\n"
    assert "President \ufffdAssad\ufffd spoke." in proc.out


def test_stdin_dash_and_no_argument_read_the_same(page):
    data = page.read_bytes()
    from_file = run_fake("show", page, "--format", "json")
    dash = run_fake("show", "-", "--format", "json", input=data)
    bare = run_fake("show", "--format", "json", input=data)
    for proc in (from_file, dash, bare):
        assert proc.returncode == 0, proc.err
    assert json.loads(dash.out)["source"] == json.loads(bare.out)["source"] == "-"
    assert json.loads(dash.out)["blocks"] == json.loads(from_file.out)["blocks"]
    assert bare.out == dash.out


def _closed_pipe(cmd, read_first: bool, unbuffered: bool = False):
    """Run ``cmd`` with stdout to a pipe whose read end is closed (after one byte, or at once).

    ``unbuffered``: as under ``python -u``, where a write cut short by the closed
    pipe is silently truncated unless the CLI guards against it.
    """
    env = clean_env(PYTHONUNBUFFERED="1") if unbuffered else clean_env()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=ROOT)
    if read_first:
        assert proc.stdout.read(1)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    code = proc.wait(timeout=60)
    return code, err.decode("utf-8", "replace")


def _big_page(tmp_path, paragraphs: int = 3000) -> Path:
    """A long but ordinary page: thousands of different sentences made of the fixture's words."""
    import random

    rng = random.Random(1)
    vocabulary = sorted(set(re.findall(r"[a-z]{4,}", FIXTURE.read_text(encoding="utf-8"))))
    parts = [HEADLINE, ""]
    for _ in range(paragraphs):
        words = rng.sample(vocabulary, 24)
        parts += [" ".join(words).capitalize() + ".", ""]
    path = tmp_path / "long-page.txt"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def test_big_page_reads_long(tmp_path):
    """The closed-pipe tests need output far larger than a pipe's buffer."""
    proc = run("show", _big_page(tmp_path), "--format", "text")
    assert proc.returncode == 0, proc.err
    assert len(proc.stdout) > 500_000


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("fmt", ["text", "rich", "json"])
def test_closed_pipe_cli_itself(tmp_path, fmt, unbuffered):
    cmd = fake_cmd("show", _big_page(tmp_path), "--format", fmt)
    code, err = _closed_pipe(cmd, read_first=True, unbuffered=unbuffered)
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err
    assert err == ""
    assert code == 141


# --- end to end, with the real reader -----------------------------------------------------


def test_fixture_as_text():
    proc = run("show", FIXTURE, "--format", "text")
    assert proc.returncode == 0, proc.err
    assert proc.err == ""
    lines = proc.out.splitlines()
    assert lines[0] == HEADLINE
    assert "Advertisement" not in proc.out
    assert "ITV Report" not in lines[:3]
    bullets = [line for line in lines if line.startswith("• ")]
    assert bullets == [
        "• Stronger UN Security Council action",
        "• \"Broader and tougher\" (but as yet unspecified) sanctions",
        "• A \"massive increase\" in aid to Syrian rebels, including communications equipment",
    ]
    quotes = [line for line in lines if line.startswith("> ")]
    assert any(line.startswith("> If people like him") for line in quotes)
    assert any("Those with the closest knowledge" in line for line in quotes)
    # The repeated paragraph appears once.
    assert proc.out.count("The defection of Gen Tlass, a member of the elite Republican Guards") == 1


def test_fixture_auto_when_piped_is_text():
    auto = run("show", FIXTURE)
    text = run("show", FIXTURE, "--format", "text")
    assert auto.returncode == 0, auto.err
    assert ESC not in auto.out
    assert auto.out == text.out


def test_fixture_with_force_color_has_escape_codes():
    proc = run("show", FIXTURE, env=clean_env(FORCE_COLOR="1"))
    assert proc.returncode == 0, proc.err
    assert ESC in proc.out
    assert HEADLINE in visible(proc.out)


def test_fixture_rich_no_color():
    proc = run("show", FIXTURE, "--format", "rich", env=clean_env(NO_COLOR="1"))
    assert proc.returncode == 0, proc.err
    assert colour_codes(proc.out) == []
    assert HEADLINE in visible(proc.out)


def test_fixture_from_stdin_both_ways():
    data = FIXTURE.read_bytes()
    from_file = run("show", FIXTURE, "--format", "text")
    dash = run("show", "-", "--format", "text", input=data)
    bare = run("show", "--format", "text", input=data)
    assert from_file.returncode == dash.returncode == bare.returncode == 0, dash.err + bare.err
    assert dash.out == bare.out == from_file.out
    assert dash.out.splitlines()[0] == HEADLINE


def test_fixture_json_and_markdown():
    proc = run("show", FIXTURE, "--format", "json")
    assert proc.returncode == 0, proc.err
    data = json.loads(proc.out)
    assert data["schema"] == 2
    assert data["headline"] == HEADLINE
    assert data["source"] == str(FIXTURE)
    assert {"paragraph", "quote", "list"} <= {block["type"] for block in data["blocks"]}
    md = run("show", FIXTURE, "--format", "markdown")
    assert md.returncode == 0, md.err
    assert md.out.startswith("# ")


def test_fixture_explain_lists_removed_lines():
    plain = run("show", FIXTURE, "--format", "text")
    explained = run("show", FIXTURE, "--format", "text", "--explain")
    assert explained.returncode == 0, explained.err
    assert "Advertisement" in explained.out
    assert len(explained.out) > len(plain.out)


def test_fixture_width():
    proc = run("show", FIXTURE, "--format", "text", "--width", "40")
    assert proc.returncode == 0, proc.err
    assert max(len(line) for line in proc.out.splitlines()) <= 40


def test_fixture_windows_1252_and_crlf_read_like_the_original(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(FIXTURE.read_text(encoding="utf-8").replace("\n", "\r\n").encode("cp1252"))
    original = run("show", FIXTURE, "--format", "text")
    converted = run("show", path, "--format", "text")
    assert converted.returncode == 0, converted.err
    assert converted.err == ""
    assert converted.out == original.out


def test_fixture_invalid_bytes_warn_but_read(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes(FIXTURE.read_bytes().replace(b"Brigadier", b"Brig\x81dier", 1) + "’".encode())
    proc = run("show", path, "--format", "text")
    assert proc.returncode == 0, proc.err
    assert proc.err == f"itvreport: warning: {path}: 1 invalid byte replaced while decoding as UTF-8\n"
    assert "Brig\ufffddier" in proc.out


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_closed_pipe_right_away(unbuffered):
    cmd = [sys.executable, "-m", "itvreport", "show", str(FIXTURE)]
    code, err = _closed_pipe(cmd, read_first=False, unbuffered=unbuffered)
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err
    assert code == 141


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_closed_pipe_after_first_byte(tmp_path, unbuffered):
    cmd = [sys.executable, "-m", "itvreport", "show", str(_big_page(tmp_path)), "--format", "text"]
    code, err = _closed_pipe(cmd, read_first=True, unbuffered=unbuffered)
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err
    assert code == 141


def test_closed_pipe_through_shell_head(tmp_path):
    big = _big_page(tmp_path)
    script = f'"{sys.executable}" -m itvreport show "{big}" | head -c 1 >/dev/null; echo "${{PIPESTATUS[0]}}"'
    proc = subprocess.run(["bash", "-c", script], capture_output=True, env=clean_env(), cwd=ROOT, timeout=60)
    err = proc.stderr.decode()
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err
    assert proc.stdout.decode().strip() == "141"


PROBE_IMPORTS = textwrap.dedent(
    """
    import contextlib, io, json, sys
    from itvreport import cli
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = cli.main(["show", sys.argv[1], "--format", sys.argv[2]])
    heavy = sorted(m for m in ("rich", "bs4", "lxml", "itvreport.fetch", "urllib.request", "http.client",
                               "fastwarc", "itvreport.warc", "dask", "distributed", "itvreport.cluster")
                   if m in sys.modules)
    print(json.dumps({"code": code, "heavy": heavy, "out": buffer.getvalue()[:200]}))
    """
)


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_plain_formats_import_neither_rich_nor_html_parsers(fmt):
    proc = subprocess.run([sys.executable, "-c", PROBE_IMPORTS, str(FIXTURE), fmt],
                          capture_output=True, text=True, env=clean_env(), cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["code"] == 0, proc.stderr
    assert result["heavy"] == []
    assert "Assad aid defects" in result["out"]


def test_start_up_imports_are_light():
    code = ("import sys; from itvreport import cli; "
            "print(sorted(m for m in ('rich', 'bs4', 'lxml', 'itvreport.render.terminal', 'fastwarc', "
            "'dask', 'distributed', 'itvreport.batch') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=clean_env())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_argparse_is_imported_without_gettext():
    """argparse's messages are not looked up in a translation catalogue (see
    ``arguments._import_argparse``), and ``gettext`` stays importable as the real module."""
    code = textwrap.dedent(
        """
        import sys
        from itvreport import arguments, cli
        print("gettext" in sys.modules, "locale" in sys.modules)
        import gettext
        print(hasattr(gettext, "translation"), arguments.argparse._("usage: ") == "usage: ")
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=clean_env(LANGUAGE="de", LANG="de_DE.UTF-8"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "False", "True", "True"]


def test_argparse_already_imported_is_used_as_it_is():
    code = ("import argparse, gettext, sys; from itvreport import cli; "
            "from itvreport import arguments; print(arguments.argparse is argparse, sys.modules['gettext'] is gettext)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=clean_env())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "True"]


def test_an_argparse_that_needs_more_of_gettext_is_imported_the_ordinary_way(tmp_path):
    """If a future argparse imports a name the stand-in lacks, the CLI still starts."""
    (tmp_path / "argparse.py").write_text(
        "from gettext import gettext as _, ngettext, dgettext\n"
        "import importlib.util, sys\n"
        "spec = importlib.util.spec_from_file_location('_real_argparse', sys.argv[1])\n"
        "real = importlib.util.module_from_spec(spec); spec.loader.exec_module(real)\n"
        "globals().update({k: v for k, v in vars(real).items() if not k.startswith('__')})\n"
    )
    import argparse as real_argparse

    code = "from itvreport import cli; import gettext; from itvreport import arguments; print(arguments.argparse.dgettext is gettext.dgettext, cli.main(['--version']))"
    proc = subprocess.run([sys.executable, "-c", code, real_argparse.__file__], capture_output=True, text=True,
                          env=clean_env(PYTHONPATH=str(tmp_path)))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split()[-2:] == ["True", "0"]


def test_reading_an_archive_imports_fastwarc_but_not_dask(tmp_path):
    """FastWARC is imported for a WARC only; distributed and dask only with --scheduler."""
    archive = tmp_path / "one.warc"
    body = FIXTURE.read_bytes()
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + body
    archive.write_bytes(b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/a\r\n"
                        b"WARC-Date: 2024-01-02T03:04:05Z\r\nContent-Type: application/http; msgtype=response\r\n"
                        b"Content-Length: %d\r\n\r\n%s\r\n\r\n" % (len(block), block))
    code = textwrap.dedent(
        """
        import contextlib, io, json, sys
        from itvreport import cli
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            code = cli.main(["show", sys.argv[1], "--format", "jsonl"])
        print(json.dumps({"code": code, "loaded": sorted(m for m in ("fastwarc", "dask", "distributed", "rich")
                                                      if m in sys.modules), "out": buffer.getvalue()}))
        """
    )
    proc = subprocess.run([sys.executable, "-c", code, str(archive)], capture_output=True, text=True,
                          env=clean_env(), cwd=ROOT, timeout=60)
    result = json.loads(proc.stdout)
    assert result["code"] == 0, proc.stderr
    assert result["loaded"] == ["fastwarc"]
    assert json.loads(result["out"])["source"] == f"{archive}#https://example.org/a"
