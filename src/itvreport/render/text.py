"""Plain text: for wc, grep, fmt and speech tools. Nothing decorative, no escape codes.

Layout: headline and metadata, the live story, then the blocks, separated by
blank lines. A paragraph is one line unless ``options.width`` asks for wrapping.

A code block is its lines as they are, each indented by four spaces (tabs
expanded to the next multiple of eight columns, so no line holds a tab); with
``options.width``, a line longer than the room left is cut at the width and
goes on in the next row after ``  ↪ ``. A table is aligned columns, two spaces
apart, with a row of dashes under the header; with ``options.width`` the widest
columns are narrowed (each kept as wide as its longest word when all of those
fit) and their cells wrapped inside them, and a table whose columns cannot fit
(each at least ``MIN_CELL`` wide) is written one row at a time instead:
``• Header: cell`` lines.
"""

from __future__ import annotations

# Shared by every renderer (and imported from here by some): they live in the
# package, so that the rich view need not import this module for them.
from itvreport.render import (  # noqa: F401
    by_line, code_lines, fit_columns, image_text, printable, reason_text, table_grid, table_records,
)

# --- helpers ------------------------------------------------------------------


def _line(text: str, options, first: str = "", rest: str | None = None) -> list[str]:
    """One logical line, with a prefix; wrapped with a hanging prefix if width is set."""
    rest = first if rest is None else rest
    text = printable(text)
    if not options.width:
        return [first + text]
    import textwrap  # only when a width is asked for

    return textwrap.wrap(
        text,
        width=options.width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


# --- one function per block type -------------------------------------------------


def _paragraph(block, options):
    return _line(block.text, options)


def _heading(block, options):
    return _line(block.text, options)


def _image(block, options):
    return _line(f"[{image_text(block)}]", options)


def _media(block, options):
    return _line(f"[Video: {block.text}]", options)


def _quote(block, options):
    lines = []
    for paragraph in block.paragraphs:
        lines += _line(paragraph, options, "> ")
    if block.attribution:
        lines += _line(f"— {block.attribution}", options, "> ")
    return lines


def _list(block, options):
    lines = []
    for number, item in enumerate(block.items, 1):
        marker = f"{number}. " if block.ordered else "• "
        lines += _line(item, options, marker, " " * len(marker))
    return lines


CODE_INDENT = "    "
CODE_GOES_ON = "  ↪ "  # before the rest of a code line cut at the width
COLUMN_GAP = "  "
MIN_CELL = 6  # narrowest a wrapped column may be; a table that needs narrower is written row by row


def _cells(text: str) -> int:
    """Terminal columns ``text`` takes: CJK and other wide characters two, combining marks none."""
    if text.isascii():
        return len(text)
    import unicodedata  # only for tables and code that are not ASCII

    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def _cut(text: str, width: int) -> list[str]:
    """``text`` in pieces of at most ``width`` columns (at least one character each)."""
    pieces, piece, used = [], "", 0
    for char in text:
        size = _cells(char)
        if piece and used + size > width:
            pieces.append(piece)
            piece, used = "", 0
        piece += char
        used += size
    return pieces + [piece] if piece or not pieces else pieces


def _wrap_cell(text: str, width: int) -> list[str]:
    """A table cell in rows of at most ``width`` columns: broken at spaces, and inside a word
    only when the word alone is wider."""
    rows, row, used = [], "", 0
    for word in text.split(" "):
        size = _cells(word)
        if row and used + 1 + size <= width:
            row, used = f"{row} {word}", used + 1 + size
            continue
        if row:
            rows.append(row)
        if size > width:
            *whole, word = _cut(word, width)
            rows.extend(whole)
            size = _cells(word)
        row, used = word, size
    return rows + [row]


def _code(block, options):
    room = max(1, options.width - len(CODE_INDENT)) if options.width else None
    lines = []
    for line in code_lines(block.text):
        if not line.strip():
            lines.append("")
        elif room is None or _cells(line) <= room:
            lines.append(CODE_INDENT + line)
        else:
            first, *rest = _cut(line, room)
            lines.append((CODE_INDENT + first).rstrip())
            lines += [(CODE_GOES_ON + piece).rstrip() for piece in rest]
    return lines


def _table(block, options):
    header, rows = table_grid(block)
    every = ([header] if header is not None else []) + rows
    if not every:
        return []
    columns = list(zip(*every))
    natural = [max(1, *(_cells(cell) for cell in column)) for column in columns]
    widths = natural
    if options.width:
        words = [max(_cells(word) for cell in column for word in cell.split(" ")) for column in columns]
        widths = fit_columns(natural, options.width - len(COLUMN_GAP) * (len(natural) - 1), MIN_CELL, words)
        if widths is None:
            return _records(header, rows, options)
    lines = []
    if header is not None:
        lines += _grid_row(header, widths, options.width)
        lines.append(COLUMN_GAP.join("-" * width for width in widths))
    for row in rows:
        lines += _grid_row(row, widths, options.width)
    return lines


def _grid_row(cells, widths, wrap):
    stacks = [_wrap_cell(cell, width) if wrap else [cell] for cell, width in zip(cells, widths)]
    lines = []
    for at in range(max(len(stack) for stack in stacks)):
        parts = []
        for stack, width in zip(stacks, widths):
            part = stack[at] if at < len(stack) else ""
            parts.append(part + " " * (width - _cells(part)))
        lines.append(COLUMN_GAP.join(parts).rstrip())
    return lines


def _records(header, rows, options):
    """A table too wide for its columns: each row as ``• Header: cell`` lines (empty cells left out)."""
    lines = []
    for first, label, cell in table_records(header, rows):
        lines += _line(f"{label}: {cell}" if label else cell, options, "• " if first else "  ", "    ")
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


def _header(article, options) -> list[str]:
    lines = _line(article.headline, options) if article.headline else []
    meta = [article.date] if article.date else []
    if article.byline:
        meta.append(f"By {article.byline}")
    if meta:
        lines += _line(" · ".join(meta), options)
    return lines


def _live_story(story, options) -> list[str]:
    lines = _line(f"Part of: {story.title}", options)
    for summary in story.summary:
        lines += _line(summary, options)
    return lines


def _explain(removed, options) -> list[str]:
    lines = [f"Removed ({len(removed)}):"]
    for item in by_line(removed):
        entry = f"line {item.line}: {item.text} ({reason_text(item)})"
        lines += _line(entry, options, "  ", "    ")
    return lines


def render(article, options) -> str:
    chunks = [_header(article, options)]
    if article.live_story:
        chunks.append(_live_story(article.live_story, options))
    chunks += [BLOCKS[block.type](block, options) for block in article.blocks]
    if options.explain:
        chunks.append(_explain(article.removed, options))
    texts = ("\n".join(chunk) for chunk in chunks)
    return "\n\n".join(text for text in texts if text) + "\n"
