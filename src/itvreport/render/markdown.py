"""Markdown (CommonMark). Page text is escaped so it re-parses as the same text.

Every page string is one Markdown line: this renderer does not wrap (a wrapped
line could start a block), so ``options.width`` is ignored.

Code is a fenced block, verbatim (tabs kept), with its language as the info
string; the fence is one backtick longer than the longest run of backticks in
the code (at least three), so nothing inside can close it. A table is a GFM
pipe table; a table without a header row gets an empty one (GFM needs it).
"""

from __future__ import annotations

import re

from itvreport.render import _CONTROL
from itvreport.render.text import by_line, image_text, printable, reason_text, table_grid

# Inline specials: emphasis, code, links, HTML, entities, headings, GFM strike and tables.
_INLINE = re.compile(r"([\\`*_\[\]<>#&~|])")
# At the start of a line: list bullets, block quotes, setext underlines, and ordered lists.
_LINE_START = re.compile(r"^([-+>=])|^(\d{1,9})([.)])")
_EDGE_SPACES = re.compile(r"^\s+|\s+$")


def escape(text: str) -> str:
    """Escape ``text`` so that, alone on a line (or after a block marker), it is plain text."""
    text = _INLINE.sub(r"\\\1", printable(text))
    text = _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)
    # Spaces at either end would be dropped (or start a code block): write them as entities.
    return _EDGE_SPACES.sub(lambda m: "".join(f"&#{ord(c)};" for c in m[0]), text)


def _italic(text: str) -> str:
    """A whole line in italics; emphasis cannot start or end at a space."""
    text = printable(text).strip()
    return f"*{escape(text)}*" if text else ""


# --- one function per block type -------------------------------------------------


def _paragraph(block):
    return escape(block.text)


def _heading(block):
    return f"## {escape(block.text)}"


def _image(block):
    return _italic(image_text(block))


def _media(block):
    return _italic(f"Video: {block.text}")


def _quote(block):
    paragraphs = list(block.paragraphs)
    if block.attribution:
        paragraphs.append(f"— {block.attribution}")
    return "\n>\n".join(f"> {escape(paragraph)}" for paragraph in paragraphs)


def _list(block):
    return _items(block.items, block.ordered)


def _items(items, ordered=False):
    return "\n".join(
        f"{number}. {escape(item)}" if ordered else f"- {escape(item)}"
        for number, item in enumerate(items, 1)
    )


_BACKTICKS = re.compile(r"`+")
_NOT_LANGUAGE = re.compile(r"[^\w+#.-]+")


def _code(block):
    # Control characters other than tab and newline are shown as U+FFFD (no escapes inside a fence).
    text = re.sub(_CONTROL, "\ufffd", block.text.replace("\r\n", "\n").rstrip("\n"))
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    language = _NOT_LANGUAGE.sub("", printable(block.language or ""))
    return f"{fence}{language}\n{text}\n{fence}"


def _table(block):
    header, rows = table_grid(block)
    columns = len(header) if header is not None else len(rows[0]) if rows else 0
    if not columns:
        return ""
    lines = [_row(header or [""] * columns), "|" + " --- |" * columns]
    return "\n".join(lines + [_row(row) for row in rows])


def _row(cells):
    """One pipe-table row: each cell escaped as inline text (``|`` as ``\\|``; line breaks
    were made spaces), never at the start of a line, so no block marker needs escaping."""
    return "| " + " | ".join(_INLINE.sub(r"\\\1", printable(cell).strip()) for cell in cells) + " |"


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


def _header(article) -> list[str]:
    chunks = [f"# {escape(article.headline)}"] if article.headline else []
    meta = [article.date] if article.date else []
    if article.byline:
        meta.append(f"By {article.byline}")
    if meta:
        chunks.append(_italic(" · ".join(meta)))
    if article.live_story:
        chunks.append(escape(f"Part of: {article.live_story.title}"))
        if article.live_story.summary:
            chunks.append(_items(article.live_story.summary))
    return chunks


def _explain(removed) -> list[str]:
    lines = [f"line {item.line}: {item.text} ({reason_text(item)})" for item in by_line(removed)]
    return ["## Removed", _items(lines) if lines else "Nothing was removed."]


def render(article, options) -> str:
    chunks = _header(article)
    story = article.live_story
    previous = "list" if story and story.summary else None
    for block in article.blocks:
        if block.type == "list" and previous == "list":
            chunks.append("<!-- -->")  # two lists in a row would merge into one
        chunks.append(BLOCKS[block.type](block))
        previous = block.type
    if options.explain:
        chunks += _explain(article.removed)
    return "\n\n".join(chunk for chunk in chunks if chunk) + "\n"
