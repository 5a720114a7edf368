"""Batch mode: many pages in one run, in input order, optionally in parallel.

``itvreport show a.txt b.html dir/ crawl.warc.gz ...``: a directory stands for
every saved page under it (``.txt``, ``.text``, ``.html``, ``.htm``, and web
archives ``.warc``, ``.warc.gz``; hidden files and folders skipped), in name
order; a web archive stands for its page records (see :mod:`itvreport.warc`).
Each page is read on its own: a page that cannot be read gives an error record
on stderr and the run goes on; the exit code is 1 at the end if any page
failed. With ``-j N`` the pages are read by N worker processes, with
``--scheduler`` on a Dask cluster (:mod:`itvreport.cluster`); output still
comes in input order, byte for byte what one process writes.

The input is a lazy stream of items (:func:`items`), cut into chunks, with a
bounded number of chunks in flight (:func:`in_order`), so memory stays flat
however many pages an archive holds. Workers render the article too (every
format but ``rich``, through :func:`itvreport.render.render_text`, as one
process does), so the process writing the output mostly writes.
"""

from __future__ import annotations

import os
import sys

from itvreport.errors import EXIT_ERROR, EXIT_OK, ItvReportError

WARC_SUFFIXES = (".warc", ".warc.gz")  # itvreport.warc.SUFFIXES, without importing it
PAGE_SUFFIXES = (".txt", ".text", ".html", ".htm", *WARC_SUFFIXES)
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

    ``task`` is ``(path, input_kind, max_bytes, timeout)``; everything it returns is picklable.
    """
    path, input_kind, max_bytes, timeout = task
    return read_item(("path", path), (input_kind, max_bytes, timeout))


def read_item(item, settings):
    """Read one item of a batch (see :func:`items`) with ``settings``
    ``(input_kind, max_bytes, timeout[, fmt, options])``: ``(article, warnings, error message
    or None)``. Given a format that renders to a string, the article comes back rendered
    (a ``str``): a worker then does the rendering too, and sends back less to unpickle."""
    from itvreport import read
    from itvreport.pipeline import read_article

    input_kind, max_bytes, timeout = settings[:3]
    warnings = []
    kind, source = item[0], item[1]
    if kind == "error":
        return None, warnings, item[2]
    try:
        if kind == "path":
            data, charset = read.load_page(source, max_bytes, timeout)
            date = None
        else:
            data, charset, date = item[2], item[3], item[4]
        article = read_article(data, source=source, input_kind=input_kind, warn=warnings.append,
                               charset=charset)
    except ItvReportError as error:
        return None, warnings, error.message
    if date is not None and article.date is None:
        article = article.replace(date=date)
    if len(settings) > 3:
        from itvreport.render import render_text

        return render_text(article, settings[3], settings[4]), warnings, None
    return article, warnings, None


def read_chunk(settings, chunk):
    """:func:`read_item` over a list of items: what a worker process or a Dask task runs."""
    return [read_item(item, settings) for item in chunk]


def items(pages, max_bytes, archives, ship_files=False):
    """The batch as a lazy stream of items, in input order:

    * ``("path", path)``: a file or an address, loaded where it is read;
    * ``("bytes", source, data, charset, date)``: a page's bytes already loaded (a WARC
      record; with ``ship_files``, a file read here so a worker needs no shared disk);
    * ``("error", source, message)``: nothing to read (a broken WARC record, a missing file).

    Each WARC file's records are streamed (see :mod:`itvreport.warc`); ``archives`` gets
    ``{path: [pages, broken, {skipped kind: count}]}`` as they go by.
    """
    from itvreport import read

    for page in pages:
        if page != "-" and not read.is_address(page) and _is_archive(page):
            yield from _archive_items(page, max_bytes, archives)
        elif ship_files and not read.is_address(page):
            try:
                yield "bytes", page, read.load(page, max_bytes), None, None
            except ItvReportError as error:
                yield "error", page, error.message
        else:
            yield "path", page


def _archive_items(path, max_bytes, archives):
    from itvreport import warc

    counts = archives.setdefault(path, [0, 0, {}])
    try:
        for record in warc.items(path, max_bytes):
            if isinstance(record, warc.Page):
                counts[0] += 1
                yield "bytes", record.source, record.data, record.charset, record.date
            elif isinstance(record, warc.Skipped):
                counts[2][record.kind] = counts[2].get(record.kind, 0) + 1
            else:
                counts[1] += 1
                yield "error", record.source, record.message
    except ItvReportError as error:
        counts[1] += 1
        yield "error", path, error.message


def _is_archive(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def run(paths, fmt, options, input_kind, max_bytes, jobs, say, write, timeout=None, scheduler=None) -> int:
    """Read every page in ``paths`` and write each article with ``write(article, first)``
    (``article`` already rendered, a ``str``, when ``fmt`` renders to a string).

    ``say`` reports one line on stderr. ``scheduler``: the address of a Dask scheduler
    to read the pages on (see :mod:`itvreport.cluster`). Returns the exit code.
    """
    pages = expand(paths)
    if not pages:
        say(f"error: no saved pages (.txt, .html, .warc) in {', '.join(_shown(path) for path in paths)}")
        return EXIT_ERROR
    from itvreport.render import TEXT_FORMATS

    archives = {}
    settings = (input_kind, max_bytes, timeout)
    if fmt in TEXT_FORMATS:
        settings += (fmt, options)
    stream = items(pages, max_bytes, archives, ship_files=scheduler is not None)
    streamed = any(_is_archive(page) for page in pages)
    total = None if streamed else len(pages)
    progress = Progress(total) if _wants_progress(total) else None
    failed = 0
    written = 0
    try:
        for item, (article, warnings, error) in _results(stream, settings, jobs, total, scheduler):
            source = item[1]
            for warning in warnings:
                say(f"warning: {_shown(source)}: {warning}")
            if error is not None:
                failed += 1
                _report_error(source, error, fmt, say)
            else:
                write(article, written == 0)
                written += 1
            if progress:
                progress.step()
    finally:
        if progress:
            progress.done()
    if archives and (getattr(options, "explain", False) or _stderr_is_terminal()):
        from itvreport import warc

        for path, (count, broken, skipped) in archives.items():
            say(warc.summary(_shown(path), count, broken, skipped))
    return EXIT_ERROR if failed else EXIT_OK


IN_FLIGHT = 4  # chunks waiting per worker: enough to keep it busy, few enough to keep memory flat
CHUNK = 32  # pages in one worker task (-j N) when the number of pages is not known


def _results(stream, settings, jobs, total, scheduler=None):
    """``(item, result)`` for every item of ``stream``, in order: read here, in ``jobs``
    processes, or on a Dask cluster. At most a bounded number of chunks is in flight,
    so memory stays flat however long the stream."""
    if scheduler is not None:
        from itvreport import cluster

        return cluster.results(scheduler, stream, settings)
    if jobs <= 1 or (total is not None and total < 2):
        return ((item, read_item(item, settings)) for item in stream)
    from concurrent.futures import ProcessPoolExecutor

    size = CHUNK if total is None else max(1, min(CHUNK, total // (jobs * 4)))
    executor = ProcessPoolExecutor(max_workers=jobs)
    submit = lambda chunk: executor.submit(read_chunk, settings, chunk)  # noqa: E731
    return _closing(executor, in_order(submit, chunks(stream, size), jobs * IN_FLIGHT))


def chunks(stream, size):
    """``stream`` in lists of ``size`` items (the last may be shorter)."""
    chunk = []
    for item in stream:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def in_order(submit, chunk_stream, window, result=lambda chunk, future: future.result()):
    """Submit each chunk with ``submit(chunk) -> future`` keeping at most ``window`` of them
    pending; yield ``(item, result)`` pairs in the stream's order (``result(chunk, future)``
    gives a chunk's list of results)."""
    from collections import deque

    pending = deque()
    for chunk in chunk_stream:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= window:
            chunk, future = pending.popleft()
            yield from zip(chunk, result(chunk, future))
    while pending:
        chunk, future = pending.popleft()
        yield from zip(chunk, result(chunk, future))


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


def _wants_progress(count) -> bool:
    """A progress line on stderr when there are many pages (or an archive's worth: ``None``),
    stderr is a terminal and the articles go elsewhere (so the line never mixes with them)."""
    if count is not None and count < PROGRESS_MIN_PAGES:
        return False
    try:
        return sys.stderr.isatty() and not sys.stdout.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class Progress:
    """``itvreport: 37/120 pages`` on one stderr line, redrawn in place (``37 pages`` while
    archives are streamed and the total is not known)."""

    def __init__(self, total: int | None):
        self.total = total
        self.count = 0

    def step(self) -> None:
        self.count += 1
        if self.total is None:
            self._draw(f"itvreport: {self.count} pages")
        else:
            self._draw(f"itvreport: {self.count}/{self.total} pages")

    def done(self) -> None:
        self._draw("")

    def _draw(self, line: str) -> None:
        try:
            sys.stderr.write("\r\x1b[K" + line)
            sys.stderr.flush()
        except (AttributeError, ValueError, OSError):
            pass
