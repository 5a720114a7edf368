"""Renderers: one module per output format. Renderers never parse.

Each format module exposes ``render(article, options) -> str`` except the rich
terminal renderer, which writes to a stream: ``render(article, options, file)``.
Modules are imported lazily so the plain-text path never imports ``rich``. The
small helpers every renderer shares (page text made safe, the image line, the
removed lines in order, the lines of a code block, the columns of a table) are
here.
"""

from __future__ import annotations

import re

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


# --- helpers shared by the renderers --------------------------------------------

# C0 and C1 controls (ESC among them), and the bidirectional embeddings,
# overrides and isolates that could reorder what is shown. Patterns as strings:
# ``re`` compiles (and caches) them on first use, which most runs never reach,
# instead of on every start-up.
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
_SPACE_LIKE = r"[\t\n\x0b\x0c\r]"


def printable(text: str) -> str:
    """Page text made safe for any output: no control characters, so no escape codes.

    Tabs and line breaks become spaces; other C0/C1 controls (ESC among them)
    and bidirectional overrides become U+FFFD so the reader can see something
    was there. The reader removes all of these already; this is the second
    line of defence for text that reaches a renderer another way.
    """
    if text.isprintable():  # every character the patterns replace is unprintable
        return text
    return re.sub(_CONTROL, "\ufffd", re.sub(_SPACE_LIKE, " ", text))


def reason_text(removed) -> str:
    """``boilerplate``, ``duplicate of line 17`` or ``duplicate``: shared by all renderers."""
    if removed.reason == "duplicate" and removed.of is not None:
        return f"duplicate of line {removed.of}"
    return removed.reason


def by_line(removed) -> list:
    """Removed entries in input order."""
    return sorted(removed, key=lambda item: item.line)


def image_text(block) -> str:
    """``Image: caption — Credit: X`` without brackets; shared by text and terminal."""
    label = f"Image: {block.caption}" if block.caption else "Image"
    return f"{label} — Credit: {block.credit}" if block.credit else label


TAB_SIZE = 8  # a tab in code goes to the next multiple of this column, as on a terminal


def code_lines(text: str) -> list[str]:
    """The lines of a code block as a terminal shows them: tabs expanded to the next tab
    stop, any other control character shown as U+FFFD, blank lines at the end dropped.
    Indentation and spaces inside lines are kept exactly."""
    lines = text.rstrip("\r\n").split("\n")
    return [printable(line.expandtabs(TAB_SIZE) if "\t" in line else line) for line in lines]


def table_grid(block) -> tuple:
    """``(header or None, rows)`` of a table block, every row as wide as the widest (short rows
    padded with empty cells) and every cell made printable."""
    columns = max([len(block.header or ())] + [len(row) for row in block.rows]) or 1

    def full(row):
        cells = [printable(cell) for cell in row]
        return cells + [""] * (columns - len(cells))

    return (full(block.header) if block.header is not None else None), [full(row) for row in block.rows]


def table_records(header, rows):
    """A table too wide for its columns, read row by row: ``(first, label, cell)`` for every
    filled cell, ``first`` on the first of its row, ``label`` its column's header ("" when
    there is none). A table with no rows reads its header as the one row."""
    for row in rows or [header]:
        first = True
        for index, cell in enumerate(row):
            if cell:
                yield first, (header[index] if header is not None and row is not header else ""), cell
                first = False


def fit_columns(natural: list[int], room: int, minimum: int, words: list[int] | None = None) -> list[int] | None:
    """Column widths that fit in ``room`` cells: the natural widths if they fit; else the
    widest columns narrowed evenly, each kept at least as wide as its longest word (``words``)
    when all of those fit, else never below ``minimum`` (nor a column's own width). None when
    even that does not fit."""
    if sum(natural) <= room:
        return list(natural)
    floors = [min(word, width) for word, width in zip(words or [0] * len(natural), natural)]
    whole = 0 < sum(floors) <= room  # every word can stay whole
    if not whole:
        floors = [0] * len(natural)

    def widths(level):
        return [max(floor, min(width, level)) for floor, width in zip(floors, natural)]

    low, high = 0, max(natural)  # the highest level at which the widths still fit
    while low < high:
        middle = (low + high + 1) // 2
        if sum(widths(middle)) <= room:
            low = middle
        else:
            high = middle - 1
    fitted = widths(low)
    if sum(fitted) > room or (not whole and any(width < min(own, minimum) for width, own in zip(fitted, natural))):
        return None
    spare = room - sum(fitted)
    for index, width in enumerate(natural):
        if spare and width > fitted[index]:
            fitted[index] += 1
            spare -= 1
    return fitted


# --- dispatch ---------------------------------------------------------------------


TEXT_FORMATS = ("text", "markdown", "json", "jsonl")  # rendered to a string (rich writes to a stream)


def render(article, fmt: str, options: RenderOptions, file) -> None:
    """Write ``article`` to the text stream ``file`` in format ``fmt``."""
    if fmt == "rich":
        from itvreport.render import terminal

        terminal.render(article, options, file)
        return
    file.write(render_text(article, fmt, options))


def render_text(article, fmt: str, options: RenderOptions) -> str:
    """``article`` in one of :data:`TEXT_FORMATS`, as a string (what batch workers send back)."""
    if fmt == "text":
        from itvreport.render import text as module
    elif fmt == "markdown":
        from itvreport.render import markdown as module
    elif fmt == "json":
        from itvreport.render import json as module
    elif fmt == "jsonl":
        from itvreport.render import json as module

        return module.render_line(article, options)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return module.render(article, options)
