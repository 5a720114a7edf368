"""The rich terminal view: styled, wrapped to the console, easy on the eye.

All page text goes through ``Text`` objects, never markup strings, so a page
that says ``[bold red]`` shows those characters. Only standard ANSI styles are
used (bold, dim, italic, strike), which read well on light and dark themes.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from itvreport.render.text import by_line, image_text, printable, reason_text

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
}


def _text(text: str, style: str = "") -> Text:
    return Text(printable(text), style=style)


# Narrower than this, a bar or bullet prefix leaves one cell per line and rich
# drops double-width characters (CJK, emoji) it cannot fit: no terminal that
# narrow is readable anyway, so the view never goes below it.
MIN_WIDTH = 10


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


# --- one function per block type: each returns the Text to print -------------------


def _paragraph(console, block):
    return _wrapped(console, _text(block.text))


def _heading(console, block):
    return _wrapped(console, _text(block.text, STYLES["heading"]))


def _image(console, block):
    return _wrapped(console, _text(image_text(block), STYLES["caption"]))


def _media(console, block):
    note = Text.assemble(("▶ Video: ", STYLES["label"]), _text(block.text, STYLES["media"]))
    return _wrapped(console, note, "", "  ")


def _quote(console, block):
    texts = [_text(paragraph) for paragraph in block.paragraphs]
    if block.attribution:
        texts.append(_text(f"— {block.attribution}", STYLES["attribution"]))
    lines = []
    for text in texts:
        if lines:
            lines.append(Text(QUOTE_BAR.rstrip(), STYLES["bar"]))  # the bar runs between paragraphs
        lines.append(_wrapped(console, text, QUOTE_BAR, prefix_style=STYLES["bar"]))
    return Text("\n").join(lines)


def _list(console, block):
    size = len(f"{len(block.items)}. ")
    items = []
    for number, item in enumerate(block.items, 1):
        marker = f"{number}. ".rjust(size) if block.ordered else BULLET
        items.append(_wrapped(console, _text(item), marker, " " * cell_len(marker)))
    return Text("\n").join(items)


BLOCKS = {
    "paragraph": _paragraph,
    "heading": _heading,
    "image": _image,
    "media": _media,
    "quote": _quote,
    "list": _list,
}


# --- the document ---------------------------------------------------------------


def _header(console, article) -> list[Text]:
    parts = []
    if article.headline:
        parts.append(_wrapped(console, _text(article.headline, STYLES["headline"])))
    meta = [article.date] if article.date else []
    if article.byline:
        meta.append(f"By {article.byline}")
    meta.append(f"{article.words} word{'' if article.words == 1 else 's'}")
    if article.reading_minutes:
        meta.append(f"{article.reading_minutes} min read")
    parts.append(_wrapped(console, _text(" · ".join(meta), STYLES["meta"])))
    return [Text("\n").join(parts)]


def _live_story(console, story) -> list[Text]:
    title = Text.assemble(("Part of: ", STYLES["meta"]), _text(story.title, STYLES["label"]))
    lines = [_wrapped(console, title)]
    lines += [_wrapped(console, _text(summary), BULLET, "  ") for summary in story.summary]
    return [Text("\n").join(lines)]


def _removed(console, item) -> Text:
    note = Text.assemble(
        ("✗ ", STYLES["reason"]),
        _text(item.text, STYLES["removed"]),
        (f" ({reason_text(item)})", STYLES["reason"]),
    )
    return _wrapped(console, note, "", "  ")


def _body(console, article, explain: bool) -> list[Text]:
    """The blocks, with removed lines at their places when explaining."""
    pending = by_line(article.removed) if explain else []
    parts = []
    at = 0
    for block in article.blocks:
        # A removed line goes before the first block that starts on it or later
        # (a leading repeat stood before the kept text of its own line).
        while at < len(pending) and pending[at].line <= block.line:
            parts.append(_removed(console, pending[at]))
            at += 1
        parts.append(BLOCKS[block.type](console, block))
    parts += [_removed(console, item) for item in pending[at:]]
    if explain and not article.removed:
        parts.append(_wrapped(console, Text("Nothing was removed.", STYLES["reason"])))
    return parts


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
    return console


def _print(console, article, options) -> None:
    parts = _header(console, article)
    if article.live_story:
        parts += _live_story(console, article.live_story)
    parts += _body(console, article, options.explain)
    for number, part in enumerate(parts):
        if number:
            console.line()
        # Every part is wrapped to the width already (_wrapped): printing it
        # without rich's own wrapping skips a second pass over the same text.
        console.print(part, soft_wrap=True)


def render(article, options, file) -> None:
    _print(make_console(options, file), article, options)


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
