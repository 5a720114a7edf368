"""Parse: text -> raw blocks.

A saved text page never hard-wraps: each non-blank line is one block (a
paragraph, heading, caption, list item or chrome line), whether the page puts a
blank line between paragraphs or only a newline. What the later stages need
from the layout is kept on each block: its 1-based line number, its indent, and
how many blank lines stood before it (a triple newline marks a lost heading or
embed, or the parent-story block of an older update page).
"""

from __future__ import annotations

from itvreport.model import _Record


class RawBlock(_Record):
    """One non-blank line: its number, text (stripped), indent, blank lines before it, word count."""

    __slots__ = ("line", "text", "indent", "gap", "words")
    _fields = ("line", "text", "indent", "gap", "words")
    _defaults = {"indent": 0, "gap": 0, "words": 0}

    def replace(self, **changes):
        if "text" in changes and "words" not in changes:
            changes["words"] = len(changes["text"].split())
        return super().replace(**changes)


class RawPage(_Record):
    """All blocks of one page; ``blank_separated`` is False for single-newline pages."""

    __slots__ = ("blocks", "lines", "blank_separated")
    _fields = ("blocks", "lines", "blank_separated")


def parse_text(text: str) -> RawPage:
    """Split normalised text (``\\n`` line ends, no control characters) into blocks."""
    blocks = []
    gap = 0
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            gap += 1
            continue
        indent = len(line) - len(line.lstrip())
        blocks.append(RawBlock(number, stripped, indent, gap if blocks else 0, len(stripped.split())))
        gap = 0
    # A page separates paragraphs with blank lines when most block boundaries have one.
    gaps = sum(1 for block in blocks[1:] if block.gap)
    blank_separated = len(blocks) < 2 or gaps * 2 >= len(blocks) - 1
    return RawPage(tuple(blocks), len(lines), blank_separated)
