"""Clean the mapped blocks of an HTML page: the text reader's chrome and repeat rules.

The page's own furniture was left out when the article was found (``extract``);
what is left is what a site writes *inside* the article: ``Advertisement``
labels, ``Play video``, ``More on this story`` trailers, promotion lines, a
``By Jane Doe`` line, and paragraphs printed twice (a standfirst repeated as
the first paragraph, a pull quote, a caption shown twice). The same rules as
for text pages find them (``clean.chrome`` and ``clean.repeats``), and each
goes to ``removed`` with the source line of its element.
"""

from __future__ import annotations

from itvreport.clean import chrome, repeats
from itvreport.model import Heading, Image, ListBlock, Paragraph, Quote, Removed, block_texts
from itvreport.parse import RawBlock, RawPage

# The chrome rules that apply to a paragraph of an HTML page, in the text reader's order.
# Left out: rules about the text page's own layout (``View all N updates``, the
# read-more widget, numbered labels, the lone section word, closing runs of
# update summaries) and ``promo``, whose verb-and-place shape is too common in
# ordinary prose once a page is not ITV's.
def trailer_heading(page, i, state):
    """``You may also like...``, ``Related stories:``: a trailer, however it is punctuated,
    once the article has begun; it and everything after it are not the article."""
    text = page.blocks[i].text.rstrip(" .…:›>»")
    if state.kept and chrome.TRAILER.match(text):
        return chrome.Hit(mark="end", rest=True)
    return None


CHROME_RULES = [
    chrome.advertisement,
    chrome.dated_prefix,
    chrome.no_words,
    chrome.play_video,
    chrome.unavailable_placeholder,
    trailer_heading,
    chrome.byline,
]
TEXT_BLOCKS = (Paragraph, Heading)


class Cleaned:
    __slots__ = ("blocks", "removed", "byline")

    def __init__(self, blocks, removed, byline):
        self.blocks = blocks
        self.removed = removed
        self.byline = byline


def _text(block) -> str:
    return " ".join(block_texts(block)) or block.type


def drop_chrome(blocks):
    page = RawPage(tuple(RawBlock(block.line, _text(block)) for block in blocks), 0, True)
    state = chrome.State()
    kept, removed, byline = [], [], None
    i = 0
    while i < len(blocks):
        hit = None
        if isinstance(blocks[i], TEXT_BLOCKS):
            for rule in CHROME_RULES:
                hit = rule(page, i, state)
                if hit:
                    break
        if not hit:
            kept.append(blocks[i])
            state.kept += 1
            i += 1
            continue
        count = len(blocks) - i if hit.rest else hit.count
        for block in blocks[i:i + count]:
            removed.append(Removed(block.line, _text(block), Removed.BOILERPLATE, None))
        byline = byline or hit.byline
        i += count
    return kept, removed, byline


def _repeat_key(block):
    if isinstance(block, Image):
        return ("image", tuple(repeats.tokens(block.caption)))
    return None


PULL_QUOTE_MIN_WORDS = 5  # a quote this long, found word for word earlier, is a pull quote


def _pull_quote(block, earlier):
    """The line of the earlier text a pull quote repeats, or None (``earlier``: (line, words))."""
    if not isinstance(block, Quote) or block.attribution:
        return None
    found = None
    for paragraph in block.paragraphs:
        words = repeats.tokens(paragraph)
        if len(words) < PULL_QUOTE_MIN_WORDS:
            return None
        needle = " " + " ".join(words) + " "
        found = next((line for line, text in earlier if needle in text), None)
        if found is None:
            return None
    return found


def drop_repeats(blocks):
    """Keep the first of each repeated paragraph, heading or picture; trim leading repeats;
    drop pull quotes that repeat the text."""
    index = repeats.Index()
    kept, removed, lines, pictures, earlier = [], [], [], {}, []
    for block in blocks:
        key = _repeat_key(block)
        if key is not None and key[1]:
            if key in pictures:
                removed.append(Removed(block.line, block.caption, Removed.DUPLICATE, pictures[key]))
                continue
            pictures[key] = block.line
        repeated = _pull_quote(block, earlier)
        if repeated is not None:
            removed.append(Removed(block.line, " ".join(block.paragraphs), Removed.DUPLICATE, repeated))
            continue
        if isinstance(block, (Paragraph, Quote, ListBlock)):
            earlier.extend((block.line, " " + " ".join(repeats.tokens(text)) + " ") for text in block_texts(block))
        if not isinstance(block, TEXT_BLOCKS) or repeats.exempt(block.text):
            kept.append(block)
            continue
        words = repeats.tokens(block.text)
        found = None
        for rule in repeats.RULES:
            found = rule(block.text, words, index)
            if found:
                break
        if found is not None:
            removed.append(Removed(block.line, found.text, Removed.DUPLICATE, lines[found.of]))
            if found.keep is None:
                continue
            block = block.replace(text=found.keep)
            words = repeats.tokens(block.text)
        index.add(block.text, words)
        lines.append(block.line)
        kept.append(block)
    return kept, removed


def clean(blocks, pruned=()) -> Cleaned:
    """Chrome then repeats; ``pruned`` (furniture found inside the article) is recorded too."""
    kept, removed, byline = drop_chrome(list(blocks))
    kept, duplicates = drop_repeats(kept)
    removed.extend(pruned)
    removed.extend(duplicates)
    removed.sort(key=lambda item: item.line)
    return Cleaned(tuple(kept), tuple(removed), byline)
