"""Renderers: one module per output format. Renderers never parse.

Each format module exposes ``render(article, options) -> str`` except the rich
terminal renderer, which writes to a stream: ``render(article, options, file)``.
Modules are imported lazily so the plain-text path never imports ``rich``.
"""

from __future__ import annotations

FORMATS = ("rich", "text", "markdown", "json", "jsonl")


class RenderOptions:
    """What the user asked of the output.

    ``width``: wrap to this many columns (``None``: text/markdown do not wrap,
    rich uses the terminal width capped at ``MAX_WIDTH``). ``explain``: show what
    the cleaner removed. ``color``: rich may use colour and styles.
    """

    __slots__ = ("width", "explain", "color")
    MAX_WIDTH = 100

    def __init__(self, width: int | None = None, explain: bool = False, color: bool = True):
        self.width = width
        self.explain = explain
        self.color = color


def render(article, fmt: str, options: RenderOptions, file) -> None:
    """Write ``article`` to the text stream ``file`` in format ``fmt``."""
    if fmt == "rich":
        from itvreport.render import terminal

        terminal.render(article, options, file)
        return
    if fmt == "text":
        from itvreport.render import text as module
    elif fmt == "markdown":
        from itvreport.render import markdown as module
    elif fmt == "json":
        from itvreport.render import json as module
    elif fmt == "jsonl":
        from itvreport.render import json as module

        file.write(module.render_line(article, options))
        return
    else:
        raise ValueError(f"unknown format {fmt!r}")
    file.write(module.render(article, options))
