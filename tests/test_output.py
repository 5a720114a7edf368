"""The writing side on its own (:mod:`itvreport.output`): the article to a stream, the
pager choice, --export and --save files, messages on stderr. (Whole runs against a
closed pipe, a full disk or a signal are in test_output_faults.py.)"""

from __future__ import annotations

import io
import sys

import pytest

from itvreport import output
from itvreport.errors import ItvReportError
from itvreport.pipeline import read_article
from itvreport.render import RenderOptions

PAGE = "1. ITV Report\n\nHarbour wall repaired\n\nWork on the wall finished on Friday.\n".encode()


class FailingStream(io.StringIO):
    def __init__(self, error):
        super().__init__()
        self.error = error

    def write(self, text):
        raise self.error


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_write_renders_the_article_and_flushes(monkeypatch):
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    output.write(read_article(PAGE), ("text", RenderOptions()))
    assert stream.getvalue().splitlines()[:3] == ["Harbour wall repaired", "", "Work on the wall finished on Friday."]


def test_write_passes_an_article_rendered_by_a_worker_through(monkeypatch):
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    output.write('{"headline": "x"}\n', ("jsonl", RenderOptions()))
    assert stream.getvalue() == '{"headline": "x"}\n'


def test_a_failed_write_is_an_output_error_and_a_closed_pipe_stays_itself(monkeypatch):
    monkeypatch.setattr(sys, "stdout", FailingStream(OSError(28, "No space left on device")))
    with pytest.raises(output.OutputError, match="cannot write output: No space left on device"):
        output.write(read_article(PAGE), ("text", RenderOptions()))
    monkeypatch.setattr(sys, "stdout", FailingStream(BrokenPipeError(32, "Broken pipe")))
    with pytest.raises(BrokenPipeError):
        output.write(read_article(PAGE), ("text", RenderOptions()))


@pytest.mark.parametrize("tty,pager,fmt,mode", [
    (False, True, "rich", None),   # never into a pipe or a file
    (True, False, "rich", None),   # --no-pager
    (True, True, "text", True),    # --pager pages any format
    (True, None, "rich", False),   # the rich view pages when taller than the screen
    (True, None, "text", None),    # plain text is not paged unasked
])
def test_pager_mode(monkeypatch, tty, pager, fmt, mode):
    monkeypatch.setattr(sys, "stdout", Terminal() if tty else io.StringIO())
    assert output.pager_mode(pager, fmt) is mode


def test_save_writes_the_bytes_and_never_over_a_file(tmp_path):
    target = tmp_path / "page.html"
    message = output.save(b"<p>page</p>", str(target), "http://127.0.0.1/page")
    assert target.read_bytes() == b"<p>page</p>"
    assert message.startswith("saved http://127.0.0.1/page to ") and message.endswith("(11 bytes)")
    with pytest.raises(ItvReportError, match="would overwrite"):
        output.save(b"other", str(target), "http://127.0.0.1/page")
    assert target.read_bytes() == b"<p>page</p>"


def test_export_to_a_file_says_what_it_wrote(tmp_path):
    target = tmp_path / "page.svg"
    message = output.export(read_article(PAGE), "svg", str(target), RenderOptions(width=60))
    assert target.read_text(encoding="utf-8").lstrip().startswith("<svg")
    assert message == f"wrote {target} (svg, 60 columns)"


def test_say_escapes_control_characters(monkeypatch):
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    output.say("itvreport: error: page\x1b[31m.txt\u202e")
    assert stream.getvalue() == "itvreport: error: page\\x1b[31m.txt\\u202e\n"
