"""Parse: text -> raw blocks.

A saved text page never hard-wraps: each non-blank line is one block (a
paragraph, heading, caption, list item or chrome line), whether the page puts a
blank line between paragraphs or only a newline. What the later stages need
from the layout is kept on each block: its 1-based line number, its indent, and
how many blank lines stood before it (a triple newline marks a lost heading or
embed, or the parent-story block of an older update page).
"""

from __future__ import annotations

from operator import itemgetter

from itvreport.model import _Record


class RawBlock(tuple):
    """One non-blank line: its number, text (stripped), indent, blank lines before it, word count.

    A tuple with named fields: pages have thousands of lines, and a tuple is
    made in C several times faster than a record with a Python ``__init__``.
    """

    __slots__ = ()
    _fields = ("line", "text", "indent", "gap", "words")

    def __new__(cls, line, text, indent=0, gap=0, words=0):
        return _new_tuple(cls, (line, text, indent, gap, words))

    line = property(itemgetter(0), doc="1-based input line number")
    text = property(itemgetter(1), doc="the line, stripped")
    indent = property(itemgetter(2), doc="leading spaces")
    gap = property(itemgetter(3), doc="blank lines before it")
    words = property(itemgetter(4), doc="whitespace-separated words")

    def replace(self, **changes):
        if "text" in changes and "words" not in changes:
            changes["words"] = len(changes["text"].split())
        values = dict(zip(self._fields, self))
        values.update(changes)
        return RawBlock(**values)

    def __repr__(self):
        inner = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self))
        return f"RawBlock({inner})"


_new_tuple = tuple.__new__


class RawPage(_Record):
    """All blocks of one page; ``blank_separated`` is False for single-newline pages."""

    __slots__ = ("blocks", "lines", "blank_separated", "breaks")
    _fields = ("blocks", "lines", "blank_separated", "breaks")
    _defaults = {"breaks": 0}  # blocks after the first with a blank line before them


def parse_text(text: str) -> RawPage:
    """Split normalised text (``\\n`` line ends, no control characters) into blocks."""
    blocks = []
    append, new, block = blocks.append, _new_tuple, RawBlock  # this loop runs once per input line
    gap = 0
    gaps = 0  # blocks with a blank line before them
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            gap += 1
            continue
        indent = len(line) - len(line.lstrip()) if line[0].isspace() else 0
        if not blocks:
            gap = 0  # blank lines before the first block separate nothing
        elif gap:
            gaps += 1
        append(new(block, (number, stripped, indent, gap, len(stripped.split()))))
        gap = 0
    # A page separates paragraphs with blank lines when most block boundaries have one.
    blank_separated = len(blocks) < 2 or gaps * 2 >= len(blocks) - 1
    return RawPage(tuple(blocks), len(lines), blank_separated, gaps)
