"""Batch mode: many pages in one run, in input order, optionally in parallel.

``itvreport show a.txt b.html dir/ ...``: a directory stands for every saved
page under it (``.txt``, ``.text``, ``.html``, ``.htm``; hidden files and
folders skipped), in name order. Each page is read on its own: a page that
cannot be read gives an error record on stderr and the run goes on; the exit
code is 1 at the end if any page failed. With ``-j N`` the pages are read by N
worker processes; output still comes in input order.

This module reads and reports; rendering goes through :mod:`itvreport.render`
like a single page does.
"""

from __future__ import annotations

import os
import sys

from itvreport.errors import EXIT_ERROR, EXIT_OK, ItvReportError

PAGE_SUFFIXES = (".txt", ".text", ".html", ".htm")
PROGRESS_MIN_PAGES = 10  # fewer pages than this finish before a progress line helps
SEPARATOR = {"text": "\n---\n\n", "markdown": "\n---\n\n", "rich": "\n"}


def expand(paths: list[str]) -> list[str]:
    """The pages named by ``paths``: files and addresses as given, directories walked in name order."""
    pages = []
    for path in paths:
        if path != "-" and "://" not in path and os.path.isdir(path):
            pages.extend(_pages_under(path))
        else:
            pages.append(path)
    return pages


def _pages_under(folder: str) -> list[str]:
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(PAGE_SUFFIXES):
                found.append(os.path.join(root, name))
    return sorted(found)


def read_one(task):
    """Read one page: ``(article, warnings, None)`` or ``(None, warnings, error message)``.

    Runs in a worker process with ``-j``; everything it returns is picklable.
    """
    path, input_kind, max_bytes, timeout = task
    from itvreport import read
    from itvreport.pipeline import read_article

    warnings = []
    try:
        data, charset = read.load_page(path, max_bytes, timeout)
        article = read_article(data, source=path, input_kind=input_kind, warn=warnings.append,
                               charset=charset)
    except ItvReportError as error:
        return None, warnings, error.message
    return article, warnings, None


def run(paths, fmt, options, input_kind, max_bytes, jobs, say, write, timeout=None) -> int:
    """Read every page in ``paths`` and write each article with ``write(article, first)``.

    ``say`` reports one line on stderr. Returns the exit code.
    """
    pages = expand(paths)
    if not pages:
        say(f"error: no saved pages (.txt, .html) in {', '.join(_shown(path) for path in paths)}")
        return EXIT_ERROR
    tasks = [(page, input_kind, max_bytes, timeout) for page in pages]
    progress = Progress(len(pages)) if _wants_progress(len(pages)) else None
    failed = 0
    written = 0
    for page, (article, warnings, error) in zip(pages, _results(tasks, jobs)):
        for warning in warnings:
            say(f"warning: {_shown(page)}: {warning}")
        if error is not None:
            failed += 1
            _report_error(page, error, fmt, say)
        else:
            write(article, written == 0)
            written += 1
        if progress:
            progress.step()
    if progress:
        progress.done()
    return EXIT_ERROR if failed else EXIT_OK


def _results(tasks, jobs):
    """``read_one`` over ``tasks``, in order; in ``jobs`` processes when more than one."""
    if jobs <= 1 or len(tasks) < 2:
        return map(read_one, tasks)
    from concurrent.futures import ProcessPoolExecutor

    executor = ProcessPoolExecutor(max_workers=jobs)
    chunk = max(1, min(32, len(tasks) // (jobs * 4)))
    return _closing(executor, executor.map(read_one, tasks, chunksize=chunk))


def _closing(executor, results):
    try:
        yield from results
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _report_error(page, message, fmt, say):
    if fmt == "jsonl":
        import json

        say(json.dumps({"source": page, "error": message}, ensure_ascii=False), prefix=False)
    else:
        say(f"error: {message}")


def _shown(page):
    from itvreport.read import show_path

    return "standard input" if page == "-" else show_path(page)


def _wants_progress(count: int) -> bool:
    """A progress line on stderr when there are many pages, stderr is a terminal and
    the articles go elsewhere (so the line never mixes with them)."""
    if count < PROGRESS_MIN_PAGES:
        return False
    try:
        return sys.stderr.isatty() and not sys.stdout.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class Progress:
    """``itvreport: 37/120 pages`` on one stderr line, redrawn in place."""

    def __init__(self, total: int):
        self.total = total
        self.count = 0

    def step(self) -> None:
        self.count += 1
        self._draw(f"itvreport: {self.count}/{self.total} pages")

    def done(self) -> None:
        self._draw("")

    def _draw(self, line: str) -> None:
        try:
            sys.stderr.write("\r\x1b[K" + line)
            sys.stderr.flush()
        except (AttributeError, ValueError, OSError):
            pass
