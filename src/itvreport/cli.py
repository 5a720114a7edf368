"""The command line: wires the stages together and turns problems into one-line errors.

Start-up time matters, so this uses argparse (without gettext: see
:func:`_import_argparse`) and imports the reader and the renderers only once
the arguments are known; the renderer dispatcher imports ``rich`` only for the
terminal format.
"""

from __future__ import annotations

import os
import re
import sys

from itvreport import __version__, signals
from itvreport.output import OutputError, Terminated, is_tty, on_sigterm, prepare_stdout, quiet_stdout, say
from itvreport.errors import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PIPE,
    EXIT_USAGE,
    ItvReportError,
)


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


EXIT_TERMINATED = 143  # 128 + SIGTERM: stopped by kill or a service manager

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


class _Usage(Exception):
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
        raise _Usage(EXIT_USAGE)

    def exit(self, status=0, message=None):
        if message:
            say(message.rstrip("\n"))
        raise _Usage(status)


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, told the terminal width up front.

    argparse makes a formatter for every option it adds and, given no width,
    imports ``shutil`` to measure the terminal: 1.5 ms of every run's start-up
    for help that is rarely printed.
    """

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns(default: int = 80) -> int:
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


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {value!r}")
    return number


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {value!r}")
    return number


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


def _env(name: str) -> bool:
    return bool(os.environ.get(name))


def _choose_output(args) -> tuple[str, bool]:
    """The output format and whether colour is allowed."""
    color = not (args.no_color or _env("NO_COLOR"))
    fmt = args.format
    if fmt == "auto":
        fmt = "rich" if (is_tty(sys.stdout) or _env("FORCE_COLOR")) else "text"
    return fmt, color


def _rich_width(args, max_width: int) -> int:
    if args.width:
        return args.width
    return max(1, min(_terminal_columns(), max_width))


def _show(parser: ArgumentParser, args) -> int:
    files = args.files
    if _is_batch(files, args):
        return _show_many(parser, args)
    if files:
        path = files[0]
    elif sys.stdin is None or is_tty(sys.stdin):
        parser.show_parser.error("no FILE given (give a saved page, or pipe one in: cat page.txt | itvreport show)")
    else:
        path = "-"

    if args.export:
        _check_export(parser, args, path)
    if args.save is not None:
        _check_save(parser, args, path)
    article = _read(path, args)
    if args.export:
        return _export(article, args)
    from itvreport import output as out

    options = _render_options(args)
    out.write(article, options, out.pager_mode(args.pager, options[0]), warn=_warn)
    return EXIT_OK


def _warn(message: str) -> None:
    say(f"{PROG}: warning: {message}")


def _export(article, args) -> int:
    """Write the rich view to ``--export FILE`` (or stdout for ``-``); say so on stderr."""
    from itvreport.output import export
    from itvreport.render import RenderOptions

    kind, target = args.export
    color = not (args.no_color or _env("NO_COLOR"))
    options = RenderOptions(width=_rich_width(args, RenderOptions.MAX_WIDTH), explain=args.explain, color=color)
    done = export(article, kind, target, options)
    if done:
        say(f"{PROG}: {done}")
    return EXIT_OK


# --- usage errors for --export and --save, before any input is read --------------------


def _check_export(parser, args, path: str) -> None:
    """Usage errors for ``--export KIND FILE``, before any input is read."""
    from itvreport import output

    kind, target = args.export
    kind = kind.lower()
    if kind not in EXPORTS:
        import difflib

        close = difflib.get_close_matches(kind, EXPORTS, n=1, cutoff=0.5)
        hint = f"; did you mean --export {close[0]} {target}?" if close else ""
        parser.show_parser.error(
            f"argument --export: invalid kind {args.export[0]!r} (choose from {', '.join(EXPORTS)}){hint}")
    if args.format not in ("auto", "rich"):
        parser.show_parser.error(
            f"--export draws the rich view; leave out --format {args.format} (or use --format rich)")
    if target != "-" and path != "-" and _same_file(path, target):
        parser.show_parser.error(
            f"--export would overwrite the page being read ({target}); give it another FILE, "
            f"e.g. --export {kind} page.{kind}")
    if target != "-" and os.path.exists(target) and not target.lower().endswith(output.EXPORT_SUFFIXES[kind]):
        # `cat page.txt | itvreport show --export svg page.txt`: page.txt is the FILE
        # of --export here, and writing the picture over it would lose the page.
        parser.show_parser.error(
            f"--export would overwrite {target}, which is not an .{kind} file; "
            f"give a new name, e.g. --export {kind} page.{kind}")
    args.export = (kind, target)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _check_save(parser, args, path: str) -> None:
    """Usage errors for ``--save FILE``, before anything is fetched."""
    from itvreport import read

    if not read.is_address(path):
        parser.show_parser.error("--save keeps a page fetched by its address: give an http(s) address")
    if os.path.lexists(args.save):
        parser.show_parser.error(
            f"--save would overwrite {read.show_path(args.save)}; give a name that does not exist yet")


def _is_batch(files, args) -> bool:
    """Several pages, a directory, a web archive, a cluster or JSON Lines asked for: batch mode."""
    return (len(files) > 1 or args.format == "jsonl" or args.scheduler is not None
            or any(f != "-" and (os.path.isdir(f) or _is_archive(f)) for f in files))


def _is_archive(name: str) -> bool:
    """``name`` is a WARC file (``.warc``, ``.warc.gz``): batch mode reads its records."""
    if ".warc" not in name.lower():  # the common case, without importing batch
        return False
    from itvreport.batch import WARC_SUFFIXES

    return name.lower().endswith(WARC_SUFFIXES) and "://" not in name


def _show_many(parser, args) -> int:
    """Batch mode (see :mod:`itvreport.batch`): every page in input order."""
    from itvreport import batch
    from itvreport import output as out

    if args.format == "json":
        parser.show_parser.error("several pages make several JSON documents: use --format jsonl")
    if args.export:
        parser.show_parser.error("--export draws one page: give one FILE")
    if args.save is not None:
        parser.show_parser.error("--save keeps one fetched page: give one address")
    if sum(1 for f in args.files if f == "-") > 1:
        parser.show_parser.error("standard input ('-') can be read only once")
    if args.scheduler is not None and args.jobs > 1:
        parser.show_parser.error("--scheduler reads the pages on the cluster's workers: leave out -j")
    output = _render_options(args)
    separator = batch.SEPARATOR.get(output[0], "")

    def write(article, first: bool) -> None:
        if separator and not first:
            sys.stdout.write(separator)
        out.write(article, output)

    def report(line: str, prefix: bool = True) -> None:
        say(f"{PROG}: {line}" if prefix else line)

    return batch.run(args.files or ["-"], output[0], output[1], args.input, args.max_bytes,
                     args.jobs, report, write, timeout=args.timeout, scheduler=args.scheduler)


def _read(path: str, args):
    """The article in ``path`` (``"-"``: standard input); warnings go to stderr."""
    from itvreport import read
    from itvreport.pipeline import read_article

    source = "standard input" if path == "-" else read.show_path(path)

    def warn(message: str) -> None:
        say(f"{PROG}: warning: {source}: {message}")

    def explain(message: str) -> None:
        say(f"{PROG}: explain: {source}: {message}")

    notes = explain if args.explain else None
    if read.is_address(path):
        progress = None
        if is_tty(sys.stderr):
            from itvreport.fetch import Progress

            progress = Progress(sys.stderr)
        data, charset = read.load_page(path, args.max_bytes, args.timeout, progress)
        if args.save is not None:
            from itvreport.output import save

            say(f"{PROG}: {save(data, args.save, path)}")
        return read_article(data, source=path, input_kind=args.input, warn=warn, charset=charset, explain=notes)
    data = read.load(path, max_bytes=args.max_bytes)
    return read_article(data, source=path, input_kind=args.input, warn=warn, explain=notes)


def _render_options(args):
    """``(format, RenderOptions)`` for this run."""
    from itvreport.render import RenderOptions

    fmt, color = _choose_output(args)
    width = _rich_width(args, RenderOptions.MAX_WIDTH) if fmt == "rich" else args.width
    return fmt, RenderOptions(width=width, explain=args.explain, color=color)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    SIGTERM is caught for the length of the run (exit 143, quietly) and the
    previous handler put back afterwards.
    """
    previous = signals.replace("SIGTERM", on_sigterm)
    try:
        return _main(argv)
    except Terminated:
        quiet_stdout()
        return EXIT_TERMINATED
    finally:
        signals.restore(previous)


def _with_command(argv: list[str]) -> list[str]:
    """``itvreport page.txt ...`` -> ``itvreport show page.txt ...``: show is the command
    when none is given. Only the top-level options (help, version, completion) stand alone."""
    if not argv or argv[0] in COMMANDS:
        return argv
    first = argv[0]
    if first in ("-h", "--help", "--version") or first.startswith("--completion"):
        return argv
    if not first.startswith("-") and "://" not in first and "." not in first and not os.path.exists(first):
        import difflib

        close = difflib.get_close_matches(first, COMMANDS, n=1, cutoff=0.6)
        if close:  # `itvreport shwo page.txt`: a mistyped command, not a page called "shwo"
            raise _MistypedCommand(first, close[0])
    return ["show", *argv]


class _MistypedCommand(Exception):
    def __init__(self, word: str, command: str):
        super().__init__(word)
        self.word, self.command = word, command


def _main(argv) -> int:
    parser = build_parser()
    if argv is None:
        argv = sys.argv[1:]
    try:
        try:
            args = parser.parse_args(_with_command(list(argv)))
        except _MistypedCommand as mistyped:
            parser.print_usage(sys.stderr)
            say(f"{PROG}: error: unknown command {mistyped.word!r}; did you mean {mistyped.command}?")
            return EXIT_USAGE
        except _Usage as usage:
            return usage.code
        if args.command is None:
            parser.print_usage(sys.stderr)
            say(f"{PROG}: error: choose a command: show (see {PROG} --help)")
            return EXIT_USAGE
        prepare_stdout()
        return _show(parser, args)
    except _Usage as usage:
        return usage.code
    except ItvReportError as error:
        if isinstance(error, OutputError):
            quiet_stdout()
        say(f"{PROG}: error: {error.message}")
        return error.exit_code
    except BrokenPipeError:
        quiet_stdout()
        return EXIT_PIPE
    except KeyboardInterrupt:
        quiet_stdout()
        say("")
        return EXIT_INTERRUPTED

