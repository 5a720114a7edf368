"""Writing the result: the article to stdout (or through the pager), a picture of it
to ``--export FILE``, a fetched page to ``--save FILE``, messages to stderr; and the
faults of writing: a closed pipe, a full disk, a closed stream, SIGTERM.

The command line (:mod:`itvreport.cli`) decides what to write; this module writes
it, and turns a failed write into an :class:`OutputError` or a quiet exit.
"""

from __future__ import annotations

import os
import sys

from itvreport import signals
from itvreport.errors import ItvReportError
from itvreport.patterns import lazy


class OutputError(ItvReportError):
    """Standard output is closed, or writing to it failed (exit 1)."""


class Terminated(BaseException):
    """SIGTERM arrived. A BaseException, so no ``except Exception`` on the way swallows it."""


def is_tty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


# --- the article ------------------------------------------------------------------------


def pager_mode(pager, fmt: str):
    """For ``--pager``/``--no-pager`` given as ``pager`` (``None`` when neither):
    ``None``: no pager; ``False``: page if taller than the screen; ``True``: always page.

    Only ever with stdout on a terminal, as git does: a pager writing into a
    pipe or a file would be no use. ``--pager`` then pages any format.
    """
    if pager is False or not is_tty(sys.stdout):
        return None
    if pager:
        return True
    return False if fmt == "rich" else None


def write(article, output, paged=None, warn=None) -> None:
    """Render ``article`` to stdout and flush it.

    ``output`` is ``(format, RenderOptions)``. ``paged`` (see :func:`pager_mode`):
    not ``None``, the view is rendered into a string first and handed to
    :func:`itvreport.pager.show` (which reports its troubles through ``warn``).

    A closed pipe stays :class:`BrokenPipeError` (exit 141); any other failed
    write (a full disk, a descriptor not open for writing) is an
    :class:`OutputError`. Either way the output is incomplete and the exit
    code says so.
    """
    from itvreport.render import render

    fmt, options = output
    try:
        if isinstance(article, str):  # rendered already, by a batch worker
            sys.stdout.write(article)
        elif paged is None:
            render(article, fmt, options, sys.stdout)
        else:
            import io

            from itvreport import pager

            view = io.StringIO()
            render(article, fmt, options, view)
            pager.show(view.getvalue(), sys.stdout, force=paged, warn=warn)
        sys.stdout.flush()  # a failed write shows up here, not at interpreter exit
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(f"cannot write output: {reason(error)}") from None


# --- files: --export and --save ----------------------------------------------------------


EXPORT_SUFFIXES = {"svg": (".svg",), "html": (".html", ".htm")}


def export(article, kind: str, target: str, options) -> str | None:
    """Write the rich view of ``article`` as ``kind`` (svg, html) to ``target`` (``-``:
    stdout). Returns what to tell the user when a file was written."""
    from itvreport import read
    from itvreport.render.terminal import export as draw

    data = draw(article, options, kind)
    if target == "-":
        try:
            sys.stdout.write(data)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(f"cannot write output: {reason(error)}") from None
        return None
    try:
        with open(target, "w", encoding="utf-8", newline="\n") as file:
            file.write(data)
    except OSError as error:
        raise ItvReportError(f"cannot write {read.show_path(target)}: {reason(error)}") from None
    return f"wrote {read.show_path(target)} ({kind}, {options.width} columns)"


def save(data: bytes, target: str, address: str) -> str:
    """Write the fetched bytes to ``target``, which must not exist (checked again as it
    is made). Returns what to tell the user."""
    from itvreport import read

    try:
        with open(target, "xb") as file:
            file.write(data)
    except FileExistsError:
        raise ItvReportError(f"--save would overwrite {read.show_path(target)}, which appeared meanwhile") from None
    except OSError as error:
        raise ItvReportError(f"cannot write {read.show_path(target)}: {reason(error)}") from None
    return f"saved {read.show_path(address)} to {read.show_path(target)} ({read.human_size(len(data))})"


# --- messages on stderr --------------------------------------------------------------------


def reason(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__


# Control characters and bidi overrides: written as escapes in messages.
_UNPRINTABLE = lazy("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def escaped(line: str) -> str:
    """``line`` with control characters and bidi overrides written as escapes (``\\x1b``):
    a message may quote a file name or page text, and must not drive the terminal."""
    if line.isprintable():
        return line
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), line)


def say(line: str) -> None:
    """Write one line to stderr, escaped. If stderr is closed or failing there is nowhere
    to report that: point it at /dev/null so the interpreter's last flush is quiet."""
    try:
        sys.stderr.write(escaped(line) + "\n")
        sys.stderr.flush()
    except (AttributeError, ValueError, OSError):
        _silence(sys.stderr)


# --- faults: closed or failing output, signals ----------------------------------------------


def _silence(stream) -> None:
    """Point ``stream``'s descriptor at /dev/null so the interpreter's last flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)
    except (AttributeError, ValueError, OSError):
        pass


def quiet_stdout() -> None:
    """After a fault: whatever is still buffered for stdout goes nowhere, quietly."""
    _silence(sys.stdout)


def on_sigterm(signum, frame):
    signals.replace("SIGTERM", None)  # a second TERM must not interrupt the exit
    raise Terminated


def prepare_stdout() -> None:
    """Make stdout report a closed pipe, and never fail on an unencodable character.

    Under ``python -u`` / ``PYTHONUNBUFFERED`` stdout's text layer sits right on
    the raw file, and a large write that a closed pipe cuts short is silently
    truncated instead of raising. A buffered layer in between retries partial
    writes, so a closed pipe always ends as :class:`BrokenPipeError`.

    A closed stdout (``>&-``) is an :class:`OutputError` now, before any input
    is read.
    """
    import io

    out = sys.stdout
    if out is None:
        raise OutputError("cannot write output: standard output is closed")
    buffer = getattr(out, "buffer", None)
    if isinstance(buffer, io.RawIOBase) and isinstance(out, io.TextIOWrapper):
        try:
            out.flush()
            # A file object of our own on the same descriptor (closefd=False), so
            # closing it never closes the interpreter's own stdout.
            raw = io.FileIO(out.fileno(), "w", closefd=False)
            sys.stdout = io.TextIOWrapper(
                io.BufferedWriter(raw), encoding=out.encoding, errors="replace",
                line_buffering=out.line_buffering,
            )
            return
        except (ValueError, OSError):
            pass
    reconfigure = getattr(out, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):
            pass
