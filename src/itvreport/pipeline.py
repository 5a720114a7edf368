"""The one straight path: bytes -> text -> raw blocks -> cleaned -> Article.

Renderers and the CLI call :func:`read_article`; nothing here prints.
"""

from __future__ import annotations

import re

from itvreport import clean, parse, read, shapes, structure
from itvreport.model import Article
from itvreport.patterns import lazy


def read_article(data: bytes, source: str = "-", input_kind: str = "auto", warn=None,
                 charset: str | None = None, explain=None) -> Article:
    """Read one saved page (raw bytes) into an :class:`Article`.

    ``input_kind`` is ``"auto"`` (sniff), ``"text"`` or ``"html"``. ``warn`` is called
    with a one-line message for recoverable problems (e.g. bytes replaced while
    decoding, or an HTML page whose article box could not be found). ``charset`` is the
    encoding a server named for the bytes, if any (see :func:`itvreport.read.decode`).
    ``explain``, if given, is called with a one-line note of how the article was found
    (HTML: which box and why). Raises :class:`itvreport.errors.ItvReportError` subclasses for input
    that cannot be read as an article.
    """
    import gc

    # The reader makes no reference cycles, so the cyclic collector's passes over
    # its growing heap of fresh records only cost time: paused for the read and put
    # back as it was (as Mercurial's ``nogc`` does). Measured: 13-19% of a 10 MB
    # page's read; on ordinary pages it is within noise. (The command line pauses it
    # for the whole run: see ``cli.main``.)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(data, source, input_kind, warn, charset, explain)
    finally:
        if collecting:
            gc.enable()
        shapes.forget_lines()


# ``<pre`` in any case: an HTML page with a code block (compiled on first use).
_PRE = lazy("<pre\\b", re.IGNORECASE)


def _read(data, source, input_kind, warn, charset=None, explain=None) -> Article:
    from itvreport.errors import InputError

    name = "standard input" if source == "-" else read.show_path(source)
    try:
        text = read.decode(data, warn, charset)
    except InputError as error:
        raise InputError(f"{name}: {error.message}") from None
    kind = read.sniff(text) if input_kind == "auto" else input_kind
    if kind == "html":
        from itvreport.html import read_html

        if b"\t" in data and _PRE.search(text):
            # Code keeps its tabs: decoded again with them (no second warning).
            text = read.decode(data, None, charset, tabs=True)
        return read_html(text, source, warn, explain)
    if kind != "text":
        raise ValueError(f"unknown input kind {input_kind!r}")
    page = parse.parse_text(text)
    # The blocks hold every line: the whole text (two or four bytes a character
    # once a page has any non-ASCII character) need not stay beside them.
    del text
    cleaned = clean.clean(page)
    return structure.build(cleaned, source=source, fmt="text")
