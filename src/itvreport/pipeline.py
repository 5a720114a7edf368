"""The one straight path: bytes -> text -> raw blocks -> cleaned -> Article.

Renderers and the CLI call :func:`read_article`; nothing here prints.
"""

from __future__ import annotations

from itvreport.model import Article


def read_article(data: bytes, source: str = "-", input_kind: str = "auto", warn=None) -> Article:
    """Read one saved page (raw bytes) into an :class:`Article`.

    ``input_kind`` is ``"auto"`` (sniff), ``"text"`` or ``"html"``. ``warn`` is called
    with a one-line message for recoverable problems (e.g. bytes replaced while
    decoding). Raises :class:`itvreport.errors.ItvReportError` subclasses for input
    that cannot be read as an article.
    """
    raise NotImplementedError
