"""Structure: from cleaned blocks to an :class:`~itvreport.model.Article`.

Order: split off the parent story of an update page (``live``), take the
headline, build the body with the block rules (``rules``), then derive what
follows from the body: byline fallback, truncation, word count.
"""

from __future__ import annotations

from itvreport.errors import NoArticleError
from itvreport.read import show_path
from itvreport.model import Article, Heading, Image, Media, Paragraph, Quote, Removed, article_words
from itvreport.shapes import bullet_item, ends_sentence, is_title_shaped, numbered_item, split_credit, words
from itvreport.structure import live, media, rules

HEADLINE_MAX_WORDS = 30
HEADLINE_MIN_WORDS = 2  # a lone word over prose ("Budget") titles a section, not the page


def build(cleaned, source: str = "-", fmt: str = "text") -> Article:
    removed = cleaned.removed
    repeated = {}
    for item in removed:
        if item.reason == Removed.DUPLICATE:
            repeated.setdefault(item.of, item.line)
    live_story, own, chrome, titled = live.split(list(cleaned.blocks), cleaned.marks, repeated)
    if chrome:
        extra = tuple(Removed(block.line, block.text, Removed.BOILERPLATE, None) for block in chrome)
        removed = tuple(sorted(removed + extra, key=lambda item: item.line))
    headline, body = take_headline(own, cleaned.marks.get("glued")) if titled else (None, own)
    blocks, reporters = rules.build_blocks(body, live_index="live" in cleaned.marks,
                                          blank_separated=_blank_lines_between_paragraphs(cleaned.page))
    if headline is None and not blocks:
        raise NoArticleError(f"no article found in {_name(source)}: nothing but site chrome")
    byline = cleaned.byline or (reporters[0] if reporters else None)
    return Article(
        source=source,
        format=fmt,
        headline=headline,
        date=cleaned.date,
        byline=byline,
        live_story=live_story,
        truncated=looks_truncated(blocks),
        blocks=blocks,
        removed=removed,
        words=article_words(headline, blocks, {block.text: block.words for block in body}),
    )


GLUED_HEADLINE_MIN_WORDS = 5  # a title glued to the date reads as a headline, not a label


def take_headline(blocks, glued=None):
    """The first block is the headline when it is shaped like one.

    ``glued`` is the line that began with the page's date: newer pages glue the
    date to the first line of the article's content (a caption or its first
    paragraph) when they show no headline, so that line is the headline only when
    it is shaped like a title (no closing full stop, no credit) and prose or a
    credited picture follows it. When that line is a credited caption with a title and
    prose after it, the title is the headline and the caption the lead picture.
    """
    if not blocks:
        return None, blocks
    text = blocks[0].text
    if blocks[0].line == glued:
        if (len(blocks) > 2 and split_credit(text) and _whole_title_shaped(blocks[1].text)
                and not split_credit(blocks[1].text) and ends_sentence(blocks[2].text)):
            # `` date ... Pickets outside the station. Credit: PA`` / the headline / prose:
            # the lead picture came first, glued to the date, and the title after it.
            return blocks[1].text, [blocks[0], *blocks[2:]]
        if not (_whole_title_shaped(text) and len(blocks) > 1
                and (ends_sentence(blocks[1].text) or split_credit(blocks[1].text))):
            return None, blocks
    if (
        words(text) > HEADLINE_MAX_WORDS or words(text) < HEADLINE_MIN_WORDS or text.endswith(":") or bullet_item(text)
        or numbered_item(text) or split_credit(text) or (media.is_media_note(text) and not _watch_title(text))
        or (ends_sentence(text) and text.endswith(".") and words(text) > 15)
    ):
        return None, blocks
    return text, blocks[1:]


def _watch_title(text) -> bool:
    """``Watch: The moment a horse trotted through a drive-through``: in the headline's
    place, a title labelled as a video's is the page's headline (the video is gone; the
    page is its story)."""
    return text[:6].casefold() in ("watch:", "video:") and _whole_title_shaped(text)


def _whole_title_shaped(text) -> bool:
    """Shaped like a page's whole title where a label could also stand (next to the date,
    after ``Watch:``): no closing full stop, at least five words."""
    return is_title_shaped(text, HEADLINE_MAX_WORDS) and words(text) >= GLUED_HEADLINE_MIN_WORDS


def _blank_lines_between_paragraphs(page) -> bool:
    """Whether the page sets its paragraphs apart with blank lines: at least three
    blank-line breaks, and at least one for every three lines (a gallery's lines
    joined by single newlines do not make it a single-newline page)."""
    if page is None:
        return False
    return page.breaks >= 3 and page.breaks * 3 >= len(page.blocks) - 1


def looks_truncated(blocks) -> bool:
    """The page was cut off: its last prose ends without closing punctuation."""
    if not blocks:
        return False
    last = blocks[-1]
    if isinstance(last, (Image, Media)) or not isinstance(last, (Paragraph, Quote, Heading)):
        return False
    text = last.paragraphs[-1] if isinstance(last, Quote) else last.text
    if isinstance(last, Quote) and last.attribution:
        return False
    return not (ends_sentence(text) or text.endswith(":"))


def _name(source: str) -> str:
    return "standard input" if source == "-" else show_path(source)
