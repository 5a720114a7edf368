"""Plain text: for wc, grep, fmt and speech tools. Nothing decorative, no escape codes.

Layout: headline and metadata, the live story, then the blocks, separated by
blank lines. A paragraph is one line unless ``options.width`` asks for wrapping.
"""

from __future__ import annotations

# Shared by every renderer (and imported from here by some): they live in the
# package, so that the rich view need not import this module for them.
from itvreport.render import by_line, image_text, printable, reason_text  # noqa: F401

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


BLOCKS = {
    "paragraph": _paragraph,
    "heading": _heading,
    "image": _image,
    "media": _media,
    "quote": _quote,
    "list": _list,
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
