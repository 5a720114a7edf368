"""The command line: wires the stages together and turns problems into one-line errors
with documented exit codes.

The arguments are :mod:`itvreport.arguments`'s; writing the result is
:mod:`itvreport.output`'s. Start-up time matters, so the reader and the renderers
are imported only once the arguments are known; the renderer dispatcher imports
``rich`` only for the terminal format.
"""

from __future__ import annotations

import os
import sys

from itvreport import signals
from itvreport.arguments import COMMANDS, EXPORTS, PROG, ArgumentParser, Usage, build_parser, terminal_columns
from itvreport.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_PIPE, EXIT_USAGE, ItvReportError
from itvreport.output import OutputError, Terminated, is_tty, on_sigterm, prepare_stdout, quiet_stdout, say


EXIT_TERMINATED = 143  # 128 + SIGTERM: stopped by kill or a service manager


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
    return max(1, min(terminal_columns(), max_width))


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
    import gc

    from itvreport import batch
    from itvreport import output as out

    gc.enable()  # a long run may meet the odd reference cycle (a caught error's traceback)

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
    previous handler put back afterwards. The cyclic garbage collector is paused
    meanwhile (the reader makes no reference cycles): measured on 2026-12-07, that
    is 4% of the rich view's start-up (100 against 104 ms, A/B over 60 runs), the
    margin that keeps it under its 1.3× target; batch mode turns it back on.
    """
    import gc

    collecting = gc.isenabled()
    gc.disable()
    previous = signals.replace("SIGTERM", on_sigterm)
    try:
        return _main(argv)
    except Terminated:
        quiet_stdout()
        return EXIT_TERMINATED
    finally:
        signals.restore(previous)
        if collecting:
            gc.enable()


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
        except Usage as usage:
            return usage.code
        if args.command is None:
            parser.print_usage(sys.stderr)
            say(f"{PROG}: error: choose a command: show (see {PROG} --help)")
            return EXIT_USAGE
        prepare_stdout()
        return _show(parser, args)
    except Usage as usage:
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

