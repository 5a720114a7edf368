"""The command line's arguments: the parser, its help texts, option types and
did-you-mean hints, and usage errors (``itvreport: error: ...``, exit 2).

argparse is imported without gettext (see :func:`_import_argparse`): it is on the
path of every run, and start-up time matters.
"""

from __future__ import annotations

import os
import re
import sys

from itvreport import __version__
from itvreport.errors import EXIT_USAGE
from itvreport.output import say


def _untranslated(message: str) -> str:
    return message


def _untranslated_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


def _import_argparse():
    """``argparse``, imported without ``gettext`` when it is not imported yet.

    argparse passes every message it makes through ``gettext``, in gettext's
    default domain ``messages``. That means importing ``gettext`` and ``locale``
    and, for each message, reading the language variables and looking for
    catalogue files: about 1.5 ms of every run, spent translating nothing.
    Python ships no catalogue for argparse, the rest of the command line is in
    English anyway, and a ``messages.mo`` found there would belong to some
    other program. So argparse is imported with a stand-in ``gettext`` whose
    functions return the message unchanged. The stand-in comes out of
    ``sys.modules`` straight afterwards, so a later ``import gettext`` gets the
    real module. If argparse is already imported, it is used as it is.
    """
    if "argparse" in sys.modules or "gettext" in sys.modules:
        import argparse

        return argparse
    stand_in = type(sys)("gettext")
    stand_in.gettext = _untranslated
    stand_in.ngettext = _untranslated_plural
    sys.modules["gettext"] = stand_in
    try:
        import argparse
    except ImportError:  # a later argparse wants more of gettext than the stand-in has
        argparse = None
    finally:
        if sys.modules.get("gettext") is stand_in:
            del sys.modules["gettext"]
    if argparse is None:
        import argparse
    return argparse


argparse = _import_argparse()


PROG = "itvreport"
FORMATS = ("auto", "rich", "text", "markdown", "json", "jsonl")
INPUTS = ("auto", "text", "html")
EXPORTS = ("svg", "html")  # --export KIND FILE
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0  # seconds, for connecting and for each read (fetch.DEFAULT_TIMEOUT)
COMMANDS = ("show",)

DESCRIPTION = """\
Read a news page, saved as text or HTML or given by its address, and show the article.
`itvreport PAGE ...` is short for `itvreport show PAGE ...`."""

USAGE = """\
itvreport [show] PAGE [PAGE ...] [options]   (PAGE: a file, a folder, a .warc(.gz), - or an http(s) address)
       itvreport --help | --version | --completion {bash,zsh}       itvreport show --help"""

EPILOG = """\
examples:
  itvreport show page.txt                  read the article on the terminal; a long one
                                           opens in a pager (q quits, space pages on)
  itvreport page.txt                       the same (show is the command when none is given)
  itvreport https://www.itv.com/news/...   fetch a page by its address and read it
  itvreport show page.html                 a page saved from a browser reads the same
  itvreport show page.txt --no-pager       print all of it, no pager
  itvreport show page.txt | less           page through it as plain text
  FORCE_COLOR=1 itvreport show page.txt | less -R
                                           ... or with colour kept
  itvreport show page.txt --format json | jq .headline
                                           the article as JSON, for scripts
  itvreport show saved/ --format jsonl     every page in a folder, one JSON line each
  cat page.txt | itvreport show            read standard input (or: show -)
  itvreport show page.txt --explain        also show what was removed and why
  itvreport show page.txt --width 72       wrap to 72 columns
  itvreport show page.txt --export svg page.svg
                                           save the view as a picture (or: --export html)
  source <(itvreport --completion bash)    tab completion in bash (zsh: --completion zsh)

environment:
  NO_COLOR=1        no colour in terminal output (same as --no-color)
  FORCE_COLOR=1     with --format auto, styled output even when not on a terminal
  PAGER             the pager for long articles (default: less; empty or cat: none)
  ITVREPORT_PAGER   the pager for itvreport only; wins over PAGER
  LESS              less's options (default when unset: FRX)
"""

SHOW_EPILOG = """\
examples:
  itvreport show fixtures/assad-aid-defects.txt
                                           the styled view; a pager if it is long
  itvreport show page.txt --no-pager       no pager (--pager: always one on a terminal)
  itvreport show page.txt | less           plain text, one line per paragraph
  itvreport show page.txt --format json | jq '.blocks[].type'
  itvreport show - < page.txt              read standard input
  itvreport show page.txt --explain        removed lines in place, struck through, with why
  itvreport show page.txt --format text --width 72
  itvreport show page.txt --format markdown > page.md
  itvreport show a.txt b.html saved/ --format jsonl -j 4
                                           many pages, one JSON line each, 4 processes
  itvreport show crawl.warc.gz --format jsonl
                                           every page in a web archive (WARC)
  itvreport show crawls/ --format jsonl --scheduler tcp://HOST:8786
                                           ... read on a Dask cluster
  itvreport show https://example.org/news/story --save story.html
                                           read a page by its address and keep its bytes
  itvreport show page.txt --width 80 --export svg page.svg
                                           the view as an SVG picture (nothing on stdout)
  itvreport show page.txt --export html page.html
                                           ... or as an HTML page
"""


class Usage(Exception):
    """Raised by the parser instead of exiting, so ``main`` always returns a code."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


class ArgumentParser(argparse.ArgumentParser):
    """argparse with ``itvreport: error:`` messages and did-you-mean hints."""

    def error(self, message):  # noqa: D401 - argparse API
        message = _with_suggestion(message)
        message = _option_suggestion(message, self)
        self.print_usage(sys.stderr)
        say(f"{PROG}: error: {message}")
        raise Usage(EXIT_USAGE)

    def exit(self, status=0, message=None):
        if message:
            say(message.rstrip("\n"))
        raise Usage(status)


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, told the terminal width up front.

    argparse makes a formatter for every option it adds and, given no width,
    imports ``shutil`` to measure the terminal: 1.5 ms of every run's start-up
    for help that is rarely printed.
    """

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def terminal_columns(default: int = 80) -> int:
    """``$COLUMNS``, else the terminal's width, else ``default`` (what shutil does, lighter)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = default
    return columns or default


def _with_suggestion(message: str) -> str:
    """Add ``did you mean ...?`` to argparse's "invalid choice" messages."""
    found = re.search(r"invalid choice: '?([^'\s]*)'? \(choose from (.*)\)", message)
    if not found or "did you mean" in message:
        return message
    import difflib

    choices = [choice.strip(" '\"") for choice in found.group(2).split(",")]
    close = difflib.get_close_matches(found.group(1), choices, n=1, cutoff=0.5)
    if close:
        return f"{message}; did you mean {close[0]}?"
    return message


def _choice(option: str, choices: tuple[str, ...]):
    """An argparse ``type`` that accepts one of ``choices`` (any case) and suggests the closest."""

    def parse(value: str) -> str:
        lowered = value.strip().lower()
        if lowered in choices:
            return lowered
        import difflib

        message = f"invalid choice {value!r} (choose from {', '.join(choices)})"
        close = difflib.get_close_matches(lowered, choices, n=1, cutoff=0.5)
        if close:
            message += f"; did you mean {option} {close[0]}?"
        raise argparse.ArgumentTypeError(message)

    parse.__name__ = option.lstrip("-")
    return parse


def _positive(convert, what: str):
    """An option type: ``convert(value)``, which must be a finite number above 0."""

    def parse(value: str):
        try:
            number = convert(value)
        except ValueError:
            number = 0
        if not number > 0 or number == float("inf"):
            raise argparse.ArgumentTypeError(f"must be {what}, not {value!r}")
        return number

    return parse


_positive_int = _positive(int, "a positive whole number")
_positive_float = _positive(float, "a positive number of seconds")


_SIZE_UNITS = {"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20, "mb": 1 << 20,
               "g": 1 << 30, "gb": 1 << 30}


def _size(value: str) -> int:
    """A byte count: ``1000000``, ``500K``, ``50M``, ``1G``."""
    text = value.strip().lower()
    digits = text.rstrip("kmgb")
    unit = text[len(digits):]
    try:
        number = float(digits) if "." in digits else int(digits)
    except ValueError:
        number = 0
    size = int(number * _SIZE_UNITS.get(unit, 0))
    if size <= 0:
        raise argparse.ArgumentTypeError(
            f"must be a positive size in bytes (e.g. 1000000, 500K, 50M), not {value!r}"
        )
    return size


def _option_suggestion(message: str, parser) -> str:
    """Add ``did you mean --format?`` to "unrecognized arguments: --formt json"."""
    found = re.match(r"unrecognized arguments: (.*)", message)
    if not found or "did you mean" in message:
        return message
    import difflib

    known = sorted(_option_strings(parser))
    for word in found.group(1).split():
        name = word.split("=", 1)[0]
        if name.startswith("--"):
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
            if close:
                return f"{message}; did you mean {close[0]}?"
    return message


def _option_strings(parser) -> set[str]:
    """Every ``--long`` option of ``parser`` and of its subcommands."""
    names = set()
    for action in parser._actions:  # argparse keeps no public list of them
        names.update(name for name in action.option_strings if name.startswith("--"))
        for sub in (getattr(action, "choices", None) or {}).values() if isinstance(
                action, argparse._SubParsersAction) else ():
            names |= _option_strings(sub)
    return names


class _Completion(argparse.Action):
    """``--completion bash|zsh``: print the completion script and exit, as ``--version`` does."""

    def __call__(self, parser, namespace, values, option_string=None):
        from itvreport.completion import script

        sys.stdout.write(script(values, parser))
        sys.stdout.flush()
        parser.exit()


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog=PROG,
        usage=USAGE,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--completion", action=_Completion, choices=("bash", "zsh"),
        help="print a completion script for bash or zsh, e.g. source <(itvreport --completion bash)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser, prog=PROG)

    show = commands.add_parser(
        "show",
        help="show the article in a saved page or at an address",
        description="Show the article in a saved news page (text or HTML), or in a page fetched by its address.",
        epilog=SHOW_EPILOG,
        formatter_class=_HelpFormatter,
    )
    show.add_argument(
        "files", nargs="*", metavar="FILE",
        help="saved pages, web archives (.warc, .warc.gz) or folders of them, or http(s) addresses; "
             "'-' or nothing reads standard input",
    )
    show.add_argument(
        "--format", default="auto", type=_choice("--format", FORMATS),
        metavar="{" + ",".join(FORMATS) + "}",
        help="output format (default: auto: rich on a terminal, otherwise text)",
    )
    show.add_argument(
        "--input", default="auto", type=_choice("--input", INPUTS),
        metavar="{" + ",".join(INPUTS) + "}",
        help="what the input is (default: auto: tell from the content)",
    )
    show.add_argument(
        "-j", "--jobs", type=_positive_int, default=1, metavar="N",
        help="with several pages, read them in N processes (output keeps input order)",
    )
    show.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="read the pages on a Dask cluster, e.g. tcp://HOST:8786 (needs itvreport[dask]; "
             "output as with -j 1)",
    )
    show.add_argument(
        "--explain", action="store_true",
        help="also show what the cleaner removed from the page, and why (for a web archive: "
             "what it held besides pages)",
    )
    show.add_argument(
        "--width", type=_positive_int, metavar="N",
        help="wrap to N columns (default: rich fits the terminal; text and markdown do not wrap)",
    )
    show.add_argument("--no-color", "--no-colour", action="store_true", help="no colour or styles")
    show.add_argument(
        "--pager", action=argparse.BooleanOptionalAction, default=None,
        help="show the output through $PAGER or less (default: a rich view taller than the "
             "terminal is paged; --pager: always, on a terminal; --no-pager: never)",
    )
    show.add_argument(
        "--export", nargs=2, metavar=("{svg,html}", "FILE"),
        help="write the rich view to FILE as an SVG picture or an HTML page instead of "
             "printing it ('-': standard output)",
    )
    show.add_argument(
        "--max-bytes", type=_size, default=DEFAULT_MAX_BYTES, metavar="N",
        help="refuse input larger than N bytes (default: 50M; accepts K, M, G)",
    )
    show.add_argument(
        "--save", metavar="FILE",
        help="with an address: also write the fetched page's bytes to FILE (never over an existing file)",
    )
    show.add_argument(
        "--timeout", type=_positive_float, default=DEFAULT_TIMEOUT, metavar="S",
        help="with addresses: seconds to wait to connect, and for each read (default: 10)",
    )
    parser.show_parser = show
    return parser


