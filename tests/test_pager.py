"""The pager: which one, when, with what flags, and what happens when it quits early.

The unit tests call :mod:`itvreport.pager` directly. The CLI tests run
``python -m itvreport`` with its stdout on a pseudo-terminal and a stand-in
pager that records what it was given. ``tests/test_tmux.py`` checks the real
``less`` in a real terminal.
"""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import clean_env as base_env

from itvreport import pager

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "assad-aid-defects.txt"
HEADLINE = "Assad aid defects as Clinton accuses Russia and Syria of 'standing in the way'"
SGR = re.compile(r"\x1b\[[0-9;]*m")

PAGER_VARIABLES = ("PAGER", "ITVREPORT_PAGER", "LESS", "LV")

needs_pty = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


# --- which pager ------------------------------------------------------------------------


def test_less_when_nothing_is_set():
    assert pager.command({}) == ["less"]


def test_pager_is_split_like_a_shell():
    assert pager.command({"PAGER": "most -s"}) == ["most", "-s"]
    assert pager.command({"PAGER": "less -P 'page %d'"}) == ["less", "-P", "page %d"]
    assert pager.command({"PAGER": "/opt/my pager/bin/p"}) == ["/opt/my", "pager/bin/p"]
    assert pager.command({"PAGER": "'/opt/my pager/bin/p' -x"}) == ["/opt/my pager/bin/p", "-x"]


def test_an_unbalanced_quote_still_gives_a_command():
    assert pager.command({"PAGER": "less -P 'oops"}) == ["less", "-P", "'oops"]


@pytest.mark.parametrize("value", ["", "   ", "cat", " cat "])
def test_empty_or_cat_means_no_pager(value):
    assert pager.command({"PAGER": value}) is None


def test_itvreport_pager_wins_over_pager():
    assert pager.command({"PAGER": "most", "ITVREPORT_PAGER": "less -S"}) == ["less", "-S"]
    assert pager.command({"PAGER": "most", "ITVREPORT_PAGER": ""}) is None  # set but empty: none


def test_less_gets_gits_flags_unless_less_is_set():
    assert pager.environment({})["LESS"] == "FRX"
    assert pager.environment({})["LV"] == "-c"
    assert pager.environment({"LESS": "-i"})["LESS"] == "-i"
    assert pager.environment({"LESS": ""})["LESS"] == ""  # set and empty is a choice too
    assert pager.environment({"HOME": "/h"})["HOME"] == "/h"  # the rest is passed on


# --- when ---------------------------------------------------------------------------------


def test_height_counts_lines():
    assert pager.height("") == 0
    assert pager.height("a") == 1
    assert pager.height("a\n") == 1
    assert pager.height("a\n\nb\n") == 3


def test_taller_than_the_screen_leaves_a_row_for_the_prompt():
    assert not pager.too_tall("x\n" * 23, 24)
    assert pager.too_tall("x\n" * 24, 24)  # the prompt would push the first line off the top
    assert pager.too_tall("x\n" * 100, 24)


# --- running it ----------------------------------------------------------------------------

RECORDER = textwrap.dedent(
    """
    import json, os, sys
    data = sys.stdin.buffer.read()
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump({"text": data.decode("utf-8"), "argv": sys.argv[2:],
                   "LESS": os.environ.get("LESS"), "LV": os.environ.get("LV")}, out)
    print("PAGER-RAN")
    """
)


@pytest.fixture
def recorder(tmp_path):
    """A pager that records its input, arguments and LESS; ``recorder.command`` runs it."""
    script = tmp_path / "recorder.py"
    script.write_text(RECORDER, encoding="utf-8")
    log = tmp_path / "pager.json"

    class Recorder:
        argv = [sys.executable, str(script), str(log)]
        command = shlex.join(argv)

        @staticmethod
        def seen():
            return json.loads(log.read_text(encoding="utf-8")) if log.exists() else None

    return Recorder


def test_page_sends_the_text_and_the_flags(recorder, capfd):
    text = "Über \x1b[1mbold\x1b[0m\n" * 50
    assert pager.page(text, recorder.argv, "utf-8", environ={"PATH": os.environ["PATH"]}) is True
    seen = recorder.seen()
    assert seen["text"] == text  # the escape codes reach the pager untouched
    assert seen["LESS"] == "FRX" and seen["LV"] == "-c"
    assert "PAGER-RAN" in capfd.readouterr().out


def test_a_pager_that_quits_at_once_is_not_an_error():
    quitter = [sys.executable, "-c", "import sys; sys.stdin.read(10)"]
    text = "a line of the article that goes on\n" * 200_000  # 7 MB: far more than a pipe holds
    assert pager.page(text, quitter) is True  # no BrokenPipeError


def test_a_pager_that_cannot_start():
    assert pager.page("text\n", ["/nonexistent/pager"]) is False


def test_show_prints_when_the_pager_cannot_start():
    out, warnings = io.StringIO(), []
    shown = pager.show("x\n" * 50, out, rows=24, warn=warnings.append,
                       environ={"PAGER": "/nonexistent/pager --flag"})
    assert shown is False
    assert out.getvalue() == "x\n" * 50
    assert warnings == ["cannot run the pager '/nonexistent/pager'; printing instead"]


def test_show_prints_short_text_without_a_pager(recorder):
    out = io.StringIO()
    assert pager.show("short\n", out, rows=24, environ={"PAGER": recorder.command}) is False
    assert out.getvalue() == "short\n"
    assert recorder.seen() is None


def test_show_pages_tall_text_and_forced_short_text(recorder):
    out = io.StringIO()
    env = {"PAGER": recorder.command, "PATH": os.environ["PATH"]}
    assert pager.show("line\n" * 30, out, rows=24, environ=env) is True
    assert recorder.seen()["text"] == "line\n" * 30
    assert pager.show("short\n", out, rows=24, force=True, environ=env) is True
    assert recorder.seen()["text"] == "short\n"
    assert out.getvalue() == ""


def test_show_with_no_pager_prints(recorder):
    out = io.StringIO()
    assert pager.show("line\n" * 30, out, rows=24, force=True, environ={"PAGER": "cat"}) is False
    assert out.getvalue() == "line\n" * 30


def test_ctrl_c_belongs_to_the_pager_while_it_runs():
    # The pager sends SIGINT to us (as the terminal does to the whole foreground group).
    interrupter = [sys.executable, "-c",
                   "import os, signal, sys; sys.stdin.read(); os.kill(os.getppid(), signal.SIGINT)"]
    before = signal.getsignal(signal.SIGINT)
    assert pager.page("text\n" * 10, interrupter) is True  # no KeyboardInterrupt here
    assert signal.getsignal(signal.SIGINT) is before  # and Ctrl-C is ours again


def test_the_module_imports_nothing_heavy():
    code = ("import sys; import itvreport.pager; "
            "print(sorted(m for m in ('subprocess', 'shlex', 'shutil', 'signal', 'rich') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() in ("[]", "['signal']")  # signal may come with the interpreter


# --- the CLI on a terminal ----------------------------------------------------------------


def clean_env(**extra) -> dict:
    """helpers.clean_env without the pager variables, on an 80-column xterm, plus ``extra``."""
    env = base_env(TERM="xterm-256color", COLUMNS="80")
    for name in PAGER_VARIABLES:
        env.pop(name, None)
    env.update(extra)
    return env


def on_tty(*args, env: dict):
    """``python -m itvreport ARGS`` with stdout on a pseudo-terminal; (code, screen, stderr)."""
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "itvreport", *map(str, args)],
                                stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.PIPE,
                                env=env, cwd=ROOT)
    finally:
        os.close(slave)
    chunks = []
    try:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: every writer of the terminal has gone
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    code = proc.wait(timeout=60)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    screen = b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
    return code, screen, err


@needs_pty
def test_a_long_article_goes_to_the_pager_in_colour(recorder):
    code, screen, err = on_tty("show", FIXTURE, env=clean_env(LINES="24", PAGER=recorder.command))
    assert code == 0, err
    assert screen == "PAGER-RAN\n"  # the article went to the pager, not the terminal
    seen = recorder.seen()
    assert seen["text"].startswith("\x1b[1m" + HEADLINE[:30])  # bold headline: colours kept
    assert SGR.sub("", seen["text"]).splitlines()[0] == HEADLINE
    assert max(len(line) for line in SGR.sub("", seen["text"]).splitlines()) <= 80
    assert seen["LESS"] == "FRX"


@needs_pty
def test_users_less_flags_are_kept(recorder):
    on_tty("show", FIXTURE, env=clean_env(LINES="24", PAGER=recorder.command, LESS="-iR"))
    assert recorder.seen()["LESS"] == "-iR"


@needs_pty
def test_an_article_that_fits_is_printed(recorder):
    code, screen, err = on_tty("show", FIXTURE, env=clean_env(LINES="500", PAGER=recorder.command))
    assert code == 0, err
    assert recorder.seen() is None
    assert SGR.sub("", screen).startswith(HEADLINE)


@needs_pty
def test_no_pager_flag(recorder):
    code, screen, _ = on_tty("show", FIXTURE, "--no-pager",
                             env=clean_env(LINES="24", PAGER=recorder.command))
    assert code == 0 and recorder.seen() is None
    assert HEADLINE in SGR.sub("", screen)


@needs_pty
def test_pager_flag_pages_even_a_short_article_and_any_format(recorder):
    code, screen, _ = on_tty("show", FIXTURE, "--pager", "--format", "text",
                             env=clean_env(LINES="500", PAGER=recorder.command))
    assert code == 0 and screen == "PAGER-RAN\n"
    assert recorder.seen()["text"].startswith(HEADLINE + "\n")
    assert "\x1b" not in recorder.seen()["text"]


@needs_pty
@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_only_the_rich_view_is_paged_by_default(recorder, fmt):
    code, screen, _ = on_tty("show", FIXTURE, "--format", fmt,
                             env=clean_env(LINES="5", PAGER=recorder.command))
    assert code == 0 and recorder.seen() is None
    assert "Assad aid defects" in screen


@needs_pty
@pytest.mark.parametrize("value", ["", "cat"])
def test_empty_or_cat_pager_prints(value):
    code, screen, err = on_tty("show", FIXTURE, env=clean_env(LINES="24", PAGER=value))
    assert code == 0 and err == ""
    assert HEADLINE in SGR.sub("", screen)


@needs_pty
def test_a_pager_that_cannot_start_is_skipped_with_a_warning():
    code, screen, err = on_tty("show", FIXTURE,
                               env=clean_env(LINES="24", PAGER="/nonexistent/pager"))
    assert code == 0
    assert err == "itvreport: warning: cannot run the pager '/nonexistent/pager'; printing instead\n"
    assert HEADLINE in SGR.sub("", screen)


@needs_pty
def test_a_pager_that_quits_at_once_exits_0_quietly(tmp_path):
    quitter = shlex.join([sys.executable, "-c", "import sys; sys.stdin.read(10)"])
    page = tmp_path / "long.txt"
    page.write_text("A long page\n\n" + "\n\n".join(  # about 500 kB rendered
        f"Paragraph {n} of the long report says that council number {n} met on day {n} "
        f"and agreed measure {n * 7} after a debate about item {n * 13}." for n in range(1, 3001)),
        encoding="utf-8")
    code, screen, err = on_tty("show", page, env=clean_env(LINES="24", PAGER=quitter))
    assert code == 0
    assert err == "" and screen == ""


def test_piped_output_is_never_paged(recorder):
    proc = subprocess.run([sys.executable, "-m", "itvreport", "show", str(FIXTURE), "--pager"],
                          capture_output=True, env=clean_env(LINES="5", PAGER=recorder.command),
                          cwd=ROOT, timeout=60)
    assert proc.returncode == 0
    assert recorder.seen() is None
    assert proc.stdout.decode().startswith(HEADLINE + "\n")  # plain text, as always when piped
