"""The rich terminal view: styled, wrapped to the console, easy on the eye.

Page text is always data, never markup: it goes into rich as plain strings with
a style beside them (``Text`` and ``Segment`` objects), so a page that says
``[bold red]`` shows those characters. Only standard ANSI styles are used
(bold, dim, italic, strike), which read well on light and dark themes.

The block functions describe the view as *lines to lay out*, and two writers
lay them out with rich's own rules:

* :func:`render` (the terminal) wraps each line with rich's ``divide_line``
  and cell measures and hands the console the finished segments: no ``Text``
  objects, so about a millisecond less of every run's start-up;
* :func:`export` (SVG and HTML) builds ``Text`` objects and wraps them with
  ``Text.wrap``, as the view always did: the pictures' element ids are a hash
  of the segments recorded, so they stay the same for the same view.

Both give the same characters and styles; a test holds them to that.

Code and tables are rich renderables rather than lines (a :class:`_Drawn` part):
code in a panel, its lines kept and tabs expanded, a line too long for the
panel wrapped inside it (nothing is cropped), the language in the panel's title;
a table as a rich ``Table`` whose columns shrink (cells wrap) to fit the width,
or, when its columns cannot fit at ``MIN_CELL`` cells each, one row at a time
(``• Header: cell`` lines). ``rich.panel`` and ``rich.table`` are imported only
for a page that has them. Every row they draw is cropped to the width, so
nothing is ever wider than the view.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.segment import Segment, Segments
from rich.text import Text

from itvreport.render import (
    by_line, code_lines, fit_columns, image_text, printable, reason_text, table_grid, table_records,
)

try:  # rich's line breaking, as Text.wrap uses it (a private module, so held loosely)
    from rich._wrap import divide_line
except ImportError:  # pragma: no cover - then render goes the Text way, as export does
    divide_line = None

QUOTE_BAR = "│ "
BULLET = "• "

STYLES = {
    "headline": "bold",
    "meta": "dim",
    "label": "bold",
    "heading": "bold",
    "caption": "dim italic",
    "media": "italic",
    "bar": "dim",
    "attribution": "italic",
    "removed": "dim strike",
    "reason": "dim",
    "frame": "dim",
    "language": "dim italic",
    "column": "bold",
}

# Narrower than this, a bar or bullet prefix leaves one cell per line and rich
# drops double-width characters (CJK, emoji) it cannot fit: no terminal that
# narrow is readable anyway, so the view never goes below it.
MIN_WIDTH = 10


# --- lines to lay out ---------------------------------------------------------------
#
# A line is ``(runs, first, rest, prefix_style)``: ``runs`` a tuple of
# ``(text, style)`` pairs, wrapped to the console with ``first`` before its first
# row and ``rest`` before the others (``prefix_style`` on both). ``first`` None:
# the runs are one row as they are, not wrapped (the quote bar between
# paragraphs). A part of the view (the header, a block, a removed line) is a
# list of lines; a blank row goes between parts.


def _line(runs, first="", rest=None, prefix_style=""):
    return runs, first, first if rest is None else rest, prefix_style


def _text(text: str, style: str = "") -> tuple:
    """One run of page text: made printable (no control characters), never markup."""
    return printable(text), style


def _one(text: str, style: str = "") -> list:
    """A part of one wrapped line of page text."""
    return [_line((_text(text, style),))]


# --- one function per block type: each returns its part ----------------------------


def _paragraph(block):
    return _one(block.text)


def _heading(block):
    return _one(block.text, STYLES["heading"])


def _image(block):
    return _one(image_text(block), STYLES["caption"])


def _media(block):
    return [_line((("▶ Video: ", STYLES["label"]), _text(block.text, STYLES["media"])), "", "  ")]


def _quote(block):
    texts = [_text(paragraph) for paragraph in block.paragraphs]
    if block.attribution:
        texts.append(_text(f"— {block.attribution}", STYLES["attribution"]))
    lines = []
    for text in texts:
        if lines:  # the bar runs between paragraphs
            lines.append(_line(((QUOTE_BAR.rstrip(), STYLES["bar"]),), None))
        lines.append(_line((text,), QUOTE_BAR, prefix_style=STYLES["bar"]))
    return lines


def _list(block):
    size = len(f"{len(block.items)}. ")
    lines = []
    for number, item in enumerate(block.items, 1):
        marker = f"{number}. ".rjust(size) if block.ordered else BULLET
        lines.append(_line((_text(item),), marker, " " * cell_len(marker)))
    return lines


class _Drawn:
    """A part drawn by a rich renderable (a panel, a table) rather than laid out as lines:
    ``make(console)`` returns the renderable, or a list of lines when it cannot fit."""

    __slots__ = ("make",)

    def __init__(self, make):
        self.make = make


MIN_CELL = 6  # narrowest a table column may be; a table that needs narrower is drawn row by row


def _code(block):
    def make(console):
        from rich import box
        from rich.panel import Panel

        language = printable(block.language or "")
        return Panel(
            Text("\n".join(code_lines(block.text)), overflow="fold"),
            title=Text(language, STYLES["language"]) if language else None,
            title_align="left", box=box.ROUNDED, border_style=STYLES["frame"], expand=False, padding=(0, 1),
        )

    return _Drawn(make)


def _table(block):
    def make(console):
        header, rows = table_grid(block)
        every = ([header] if header is not None else []) + rows
        if not every:
            return []
        columns = list(zip(*every))
        natural = [max(1, *(cell_len(cell) for cell in column)) for column in columns]
        words = [max(cell_len(word) for cell in column for word in cell.split(" ")) for column in columns]
        # Each column has a space either side and a rule after it, and the table a rule before.
        widths = fit_columns(natural, console.width - 3 * len(columns) - 1, MIN_CELL, words)
        if widths is None:
            return _records(header, rows)
        from rich import box
        from rich.table import Table

        table = Table(box=box.ROUNDED, border_style=STYLES["frame"], show_header=header is not None,
                      header_style=STYLES["column"], expand=False, padding=(0, 1))
        for index, width in enumerate(widths):
            table.add_column(Text(header[index]) if header is not None else None, width=width, overflow="fold")
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        return table

    return _Drawn(make)


def _records(header, rows) -> list:
    """A table too wide for its columns: each row as ``• Header: cell`` lines (empty cells left out)."""
    lines = []
    for first, label, cell in table_records(header, rows):
        runs = ((f"{label}: ", STYLES["column"]), _text(cell)) if label else (_text(cell),)
        lines.append(_line(runs, BULLET if first else "  ", "    "))
    return lines


BLOCKS = {
    "paragraph": _paragraph,
    "heading": _heading,
    "image": _image,
    "media": _media,
    "quote": _quote,
    "list": _list,
    "code": _code,
    "table": _table,
}


# --- the document ---------------------------------------------------------------


def _header(article) -> list:
    lines = _one(article.headline, STYLES["headline"]) if article.headline else []
    meta = [article.date] if article.date else []
    if article.byline:
        meta.append(f"By {article.byline}")
    meta.append(f"{article.words} word{'' if article.words == 1 else 's'}")
    if article.reading_minutes:
        meta.append(f"{article.reading_minutes} min read")
    return lines + _one(" · ".join(meta), STYLES["meta"])


def _live_story(story) -> list:
    lines = [_line((("Part of: ", STYLES["meta"]), _text(story.title, STYLES["label"])))]
    return lines + [_line((_text(summary),), BULLET, "  ") for summary in story.summary]


def _removed(item) -> list:
    runs = (("✗ ", STYLES["reason"]), _text(item.text, STYLES["removed"]),
            (f" ({reason_text(item)})", STYLES["reason"]))
    return [_line(runs, "", "  ")]


def _parts(article, explain: bool) -> list[list]:
    """The view's parts in order: header, live story, blocks (and removed lines when explaining)."""
    parts = [_header(article)]
    if article.live_story:
        parts.append(_live_story(article.live_story))
    pending = by_line(article.removed) if explain else []
    at = 0
    for block in article.blocks:
        # A removed line goes before the first block that starts on it or later
        # (a leading repeat stood before the kept text of its own line).
        while at < len(pending) and pending[at].line <= block.line:
            parts.append(_removed(pending[at]))
            at += 1
        parts.append(BLOCKS[block.type](block))
    parts += [_removed(item) for item in pending[at:]]
    if explain and not article.removed:
        parts.append([_line((("Nothing was removed.", STYLES["reason"]),))])
    return parts


# --- the console ---------------------------------------------------------------


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Let a closed pipe reach the caller (rich's default exits with status 1)."""
        self.quiet = True
        raise BrokenPipeError("output closed")


def make_console(options, file, record: bool = False) -> Console:
    color = bool(options.color)
    console = _Console(
        file=file,
        color_system="standard" if color else None,
        force_terminal=color,
        force_jupyter=False,
        force_interactive=False,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        record=record,
    )
    console.width = max(MIN_WIDTH, min(options.width or console.width, options.MAX_WIDTH))
    # Fix the size now: with no height given, rich measures the terminal again
    # (three system calls) every time anything asks for the width.
    console.size = console.size
    return console


# --- on the terminal: segments, wrapped here with rich's rules ----------------------

# Characters a rich Text changes or splits on (line breaks, tabs and the control
# codes it strips). Page text never has them (``printable``); a line that does
# goes through Text.wrap, so it still comes out as rich would lay it out.
_TEXT_SPECIAL = frozenset("\n\t\x07\x08\x0b\x0c\r")


def _rows(runs, first, rest, width):
    """``(prefix, start, end)`` of each row the runs wrap to, as offsets into their joined text.

    The rows are what ``Text.wrap`` and :func:`_wrapped` make of them, step by step:
    rich's line breaks; whitespace beyond ``width`` characters dropped, then the
    row cropped to ``width`` cells if it is still wider; then the whitespace at its
    end dropped. (The crop goes by rich's grapheme widths, which can differ from
    its ``cell_len`` for odd text, so the steps stay in rich's order.)
    """
    plain = runs[0][0] if len(runs) == 1 else "".join(text for text, _ in runs)
    rows = []
    start = 0
    for end in (*divide_line(plain, width, fold=True), len(plain)):
        row = plain[start:end]
        if len(row) > width:
            row = row[:max(width, len(row.rstrip()))]
        if cell_len(row) > width:
            row = set_cell_size(row, width)
        rows.append((rest if rows else first, start, start + len(row.rstrip())))
        start = end
    return rows


def _segments(console, parts) -> list:
    """The whole view as segments: the rows of every line, a blank row between parts."""
    styles = {"": None}

    def style(name):
        if name not in styles:
            styles[name] = console.get_style(name)
        return styles[name]

    newline = Segment("\n")
    segments = []
    append = segments.append
    for number, part in enumerate(parts):
        if number:
            append(newline)
        if isinstance(part, _Drawn):
            part = part.make(console)
            if not isinstance(part, list):
                _draw(console, segments, part)
                continue
        for runs, first, rest, prefix_style in part:
            if first is None:
                rows = [("", 0, sum(len(text) for text, _ in runs))]
            elif any(not text.isprintable() and not _TEXT_SPECIAL.isdisjoint(text) for text, _ in runs):
                _fallback(console, segments, runs, first, rest, prefix_style)
                continue
            else:
                width = max(1, console.width - max(cell_len(first), cell_len(rest)))
                rows = _rows(runs, first, rest, width)
            for prefix, start, end in rows:
                if prefix:
                    append(Segment(prefix, style(prefix_style)))
                at = 0
                for text, run_style in runs:
                    left, right = max(start, at), min(end, at + len(text))
                    if left < right:
                        append(Segment(text[left - at:right - at], style(run_style)))
                    at += len(text)
                append(newline)
    return segments


def _draw(console, segments, renderable) -> None:
    """A panel or table, each of its rows cropped to the width."""
    for row in console.render_lines(renderable, console.options, pad=False, new_lines=True):
        segments.extend(row)


def _fallback(console, segments, runs, first, rest, prefix_style) -> None:
    """A line with characters a Text treats specially: laid out by rich itself."""
    text = _wrapped(console, _text_of(runs), first, rest, prefix_style)
    segments.extend(console.render(text, console.options.update(no_wrap=True, overflow="ignore")))


def render(article, options, file) -> None:
    console = make_console(options, file)
    if divide_line is None:
        _print(console, article, options)
        return
    # Every line is wrapped to the width already: printed as segments, rich
    # neither wraps nor crops them again.
    console.print(Segments(_segments(console, _parts(article, options.explain))), soft_wrap=True)


# --- as Text: rich wraps (the exporters) --------------------------------------------


def _text_of(runs) -> Text:
    if len(runs) == 1:
        text, style = runs[0]
        return Text(text, style=style)
    return Text.assemble(*runs)


def _wrapped(console, text: Text, first="", rest=None, prefix_style="") -> Text:
    """``text`` wrapped to the console, ``first`` before line one and ``rest`` before the others."""
    rest = first if rest is None else rest
    width = max(1, console.width - max(cell_len(first), cell_len(rest)))
    lines = text.wrap(console, width) or [Text()]
    out = Text()
    for number, line in enumerate(lines):
        if number:
            out.append("\n")
        line.rstrip()
        out.append(rest if number else first, prefix_style)
        out.append_text(line)
    return out


def _part_text(console, part) -> Text:
    texts = [
        _text_of(runs) if first is None else _wrapped(console, _text_of(runs), first, rest, prefix_style)
        for runs, first, rest, prefix_style in part
    ]
    return texts[0] if len(texts) == 1 else Text("\n").join(texts)


def _print(console, article, options) -> None:
    """The view printed part by part as ``Text`` (what the exporters record)."""
    for number, part in enumerate(_parts(article, options.explain)):
        if number:
            console.line()
        if isinstance(part, _Drawn):
            part = part.make(console)
            if not isinstance(part, list):
                console.print(part, crop=True)
                continue
        # Every part is wrapped to the width already (_wrapped): printing it
        # without rich's own wrapping skips a second pass over the same text.
        console.print(_part_text(console, part), soft_wrap=True)


# --- pictures for sharing: the same view as SVG or HTML ----------------------------

EXPORTS = ("svg", "html")
EXPORT_TITLE = "itvreport"


def export(article, options, kind: str) -> str:
    """The view ``render`` prints, drawn as an SVG picture or an HTML page (rich's export).

    Page text stays data: every renderable is a ``Text``, never markup, and rich's
    exporters HTML-escape all text (``<script>`` arrives as ``&lt;script&gt;``).
    Without colour (``options.color`` false) the picture has no styles either.
    The output depends only on the article and the options: same input, same bytes.
    """
    import io

    if kind not in EXPORTS:
        raise ValueError(f"unknown export {kind!r}")
    console = make_console(options, io.StringIO(), record=True)
    if options.color:
        _print(console, article, options)
    else:  # rich records styles even when it prints none: record the plain view instead
        plain = io.StringIO()
        render(article, options, plain)
        for line in plain.getvalue().splitlines():
            console.print(Text(line), overflow="ignore", crop=False)
    if kind == "svg":
        return console.export_svg(title=EXPORT_TITLE)
    return console.export_html()
