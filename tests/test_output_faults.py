"""Output faults: a closed pipe, Ctrl-C, SIGTERM, a full disk, a closed or read-only
stdout. Each ends with one clean line (or none), the right exit code, no traceback,
and never exit 0 for output that was cut short.

| fault                        | exit | stderr                                                  |
| ---------------------------- | ---- | ------------------------------------------------------- |
| reader closed the pipe       | 141  | nothing                                                 |
| Ctrl-C (SIGINT)              | 130  | a newline                                               |
| SIGTERM                      | 143  | nothing                                                 |
| disk full (/dev/full)        | 1    | ``itvreport: error: cannot write output: No space ...`` |
| stdout closed (``>&-``)      | 1    | ``itvreport: error: cannot write output: standard ...`` |
| stdout not open for writing  | 1    | ``itvreport: error: cannot write output: Bad file ...`` |
"""

from __future__ import annotations

import errno
import io
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from itvreport import cli
from helpers import clean_env

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "assad-aid-defects.txt"
FORMATS = ("text", "markdown", "json", "rich")
FULL = "itvreport: error: cannot write output: No space left on device\n"


def cmd(*args) -> list[str]:
    return [sys.executable, "-m", "itvreport", *map(str, args)]


@pytest.fixture(scope="module")
def big_page(tmp_path_factory) -> Path:
    """A long ordinary page: its output is far larger than a pipe's buffer."""
    rng = random.Random(3)
    vocabulary = sorted(set(re.findall(r"[a-z]{4,}", FIXTURE.read_text(encoding="utf-8"))))
    parts = ["A long page about many things", ""]
    for _ in range(4000):
        parts += [" ".join(rng.sample(vocabulary, 20)).capitalize() + ".", ""]
    path = tmp_path_factory.mktemp("big") / "long.txt"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


# --- a full disk ---------------------------------------------------------------------------------------

needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


@needs_dev_full
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_full_disk(fmt, unbuffered):
    env = clean_env(PYTHONUNBUFFERED="1") if unbuffered else clean_env()
    with open("/dev/full", "w") as full:
        proc = subprocess.run(cmd("show", FIXTURE, "--format", fmt), stdout=full, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, env=env, cwd=ROOT, timeout=60)
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert err == FULL


@needs_dev_full
def test_full_disk_from_the_shell_with_stdin():
    proc = subprocess.run(["bash", "-c", f'"{sys.executable}" -m itvreport show - >/dev/full; echo "rc=$?"'],
                          input=FIXTURE.read_bytes(), capture_output=True, env=clean_env(), cwd=ROOT, timeout=60)
    assert proc.stdout == b"rc=1\n"
    assert proc.stderr.decode() == FULL


class FillsUp(io.RawIOBase):
    """A disk that takes ``room`` bytes and then is full."""

    def __init__(self, room: int):
        self.room = room
        self.written = bytearray()

    def writable(self):
        return True

    def write(self, data):
        if len(self.written) + len(data) > self.room:
            take = self.room - len(self.written)
            self.written += bytes(data[:take])
            if take:
                return take
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.written += bytes(data)
        return len(data)


@pytest.mark.parametrize("fmt", FORMATS)
def test_disk_full_partway_is_not_passed_off_as_complete(fmt, monkeypatch, capsys):
    """The disk fills after part of the article: exit 1 and the error, never 0."""
    disk = FillsUp(room=2000)
    stream = io.TextIOWrapper(io.BufferedWriter(disk, buffer_size=512), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stream)
    code = cli.main(["show", str(FIXTURE), "--format", fmt, "--width", "80"])
    err = capsys.readouterr().err
    sent = len(disk.written)
    disk.room = 10**9  # let what is still buffered go, so closing the stream is quiet
    stream.close()
    assert code == 1
    assert err == FULL
    assert 0 < sent <= 2000  # some output did go out: exactly why exit 0 would lie


# --- a closed or unwritable stdout ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "rich"])
def test_closed_stdout(fmt):
    script = f'"{sys.executable}" -m itvreport show "{FIXTURE}" --format {fmt} >&-; echo "rc=$?" >&2'
    proc = subprocess.run(["bash", "-c", script], capture_output=True, env=clean_env(), cwd=ROOT, timeout=60)
    err = proc.stderr.decode()
    assert err == "itvreport: error: cannot write output: standard output is closed\nrc=1\n"


def test_closed_stdout_is_found_before_reading_input():
    """Nothing is read (here: standard input would block forever) when there is nowhere to write."""
    script = f'sleep 30 | "{sys.executable}" -m itvreport show - >&-; echo "rc=$?" >&2'
    start = time.monotonic()
    proc = subprocess.Popen(["bash", "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=clean_env(), cwd=ROOT, start_new_session=True)
    try:
        # Once itvreport exits, only sleep is left; read its line without waiting for sleep.
        line = proc.stderr.readline().decode()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.communicate(timeout=30)
    assert line == "itvreport: error: cannot write output: standard output is closed\n"
    assert time.monotonic() - start < 20


def test_stdout_open_only_for_reading():
    with open(FIXTURE, "rb") as read_only:
        proc = subprocess.run(cmd("show", FIXTURE, "--format", "text"), stdout=read_only, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, env=clean_env(), cwd=ROOT, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.decode() == "itvreport: error: cannot write output: Bad file descriptor\n"


def test_stdout_none_in_process(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", None)
    code = cli.main(["show", str(FIXTURE)])
    assert code == 1
    assert capsys.readouterr().err == "itvreport: error: cannot write output: standard output is closed\n"


def test_errors_with_stderr_closed_still_exit_with_the_code():
    script = f'"{sys.executable}" -m itvreport show no-such-page.txt 2>&-; echo "rc=$?"'
    proc = subprocess.run(["bash", "-c", script], capture_output=True, env=clean_env(), cwd=ROOT, timeout=60)
    assert proc.stdout == b"rc=1\n"


@needs_dev_full
def test_warning_to_a_full_stderr_does_not_spoil_a_good_run():
    data = b"A headline about the things\n\nPresident \x81Assad spoke to the nation.\n"
    with open("/dev/full", "w") as full:
        proc = subprocess.run(cmd("show", "-", "--format", "text"), input=data, stdout=subprocess.PIPE, stderr=full,
                              env=clean_env(), cwd=ROOT, timeout=60)
    assert proc.returncode == 0
    assert "President \ufffdAssad spoke to the nation." in proc.stdout.decode()


# --- a closed pipe ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_closed_pipe_through_head(fmt, big_page):
    script = f'"{sys.executable}" -m itvreport show "{big_page}" --format {fmt} | head -c 100 >/dev/null; ' \
             'echo "rc=${PIPESTATUS[0]}"'
    proc = subprocess.run(["bash", "-c", script], capture_output=True, env=clean_env(), cwd=ROOT, timeout=60)
    assert proc.stdout == b"rc=141\n"
    assert proc.stderr == b""


# --- signals ---------------------------------------------------------------------------------------------


def start(args, **kwargs):
    return subprocess.Popen(cmd(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=clean_env(), cwd=ROOT,
                            **kwargs)


def stop_with(proc, sig, out_so_far=b""):
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=30)
    return out_so_far + out, err.decode()


def test_sigterm_while_reading_stdin_exits_143_quietly():
    proc = start(("show", "-"), stdin=subprocess.PIPE)
    try:
        proc.stdin.write(b"A headline\n\nThe first paragraph")
        proc.stdin.flush()
        time.sleep(1.5)  # started, and blocked reading standard input
        out, err = stop_with(proc, signal.SIGTERM)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143
    assert err == "" and out == b""


@pytest.mark.parametrize("sig, code, message", [(signal.SIGTERM, 143, ""), (signal.SIGINT, 130, "\n")],
                         ids=["SIGTERM", "SIGINT"])
@pytest.mark.parametrize("fmt", ["text", "rich"])
def test_signal_while_writing(sig, code, message, fmt, big_page):
    """Output is under way (and blocked on a full pipe) when the signal comes: the
    exit code says it was cut short, stderr holds no traceback."""
    proc = start(("show", big_page, "--format", fmt), stdin=subprocess.DEVNULL)
    try:
        first = proc.stdout.read(1000)  # output has started ...
        time.sleep(0.5)                 # ... and stopped, with the pipe full
        assert proc.poll() is None
        out, err = stop_with(proc, sig, first)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == code
    assert err == message, err
    assert 1000 <= len(out)
    complete = subprocess.run(cmd("show", big_page, "--format", fmt), capture_output=True, env=clean_env(),
                              cwd=ROOT, timeout=60).stdout
    assert len(out) < len(complete)


def test_main_restores_the_sigterm_handler():
    before = signal.getsignal(signal.SIGTERM)
    assert cli.main(["show", "no-such-page.txt"]) == 1
    assert signal.getsignal(signal.SIGTERM) is before


def test_sigterm_in_process_returns_143(monkeypatch, capsys):
    """The handler ``main`` installs turns SIGTERM into exit 143. (Called directly, not
    sent: a real SIGTERM to the test process would end the test run if it failed.)"""
    from itvreport import read

    def terminated(*args, **kwargs):
        handler = signal.getsignal(signal.SIGTERM)
        assert callable(handler)
        handler(signal.SIGTERM, None)
        raise AssertionError("the SIGTERM handler returned")

    monkeypatch.setattr(read, "load", terminated)
    before = signal.getsignal(signal.SIGTERM)
    assert cli.main(["show", str(FIXTURE), "--format", "text"]) == 143
    assert capsys.readouterr() == ("", "")
    assert signal.getsignal(signal.SIGTERM) is before
