"""Clean the mapped blocks of an HTML page: the text reader's chrome and repeat rules.

The page's own furniture was left out when the article was found (``extract``,
``furniture``); what is left is what a site writes *inside* the article:
``Advertisement`` labels, ``Play video``, ``More on this story`` trailers, promotion lines, a
``By Jane Doe`` line, and echoes the markup shows (a pull quote, a caption shown
twice or printed again as a paragraph). The text reader's chrome rules find the
first kind (``clean.chrome``); a paragraph the article itself prints twice is
kept (``drop_repeats``). Each goes to ``removed`` with the source line of its
element.
"""

from __future__ import annotations

import re

from itvreport.clean import chrome, repeats, scan_chrome
from itvreport.html.captions import credit_shaped
from itvreport.html.meta import byline_name
from itvreport.model import Heading, Image, ListBlock, Paragraph, Quote, Removed, block_texts
from itvreport.parse import RawBlock, RawPage

# The chrome rules that apply to a paragraph of an HTML page, in the text reader's order.
# Left out: rules about the text page's own layout (``View all N updates``, the
# read-more widget, numbered labels, closing runs of
# update summaries) and ``promo``, whose verb-and-place shape is too common in
# ordinary prose once a page is not ITV's.
# What starts the page's own sections below an article: its comments, the site's other
# stories ("More Great WIRED Stories", "Popular on IndieWire"), its topic tags, the links
# to the next and previous posts.
HTML_TRAILER = re.compile(
    r"^(?:comments?|\d+ comments?|comments? \(\d+\)|(?:leave|post|add|write) (?:a|your) (?:comment|reply)|"
    r"join the (?:discussion|conversation)|tell us what you think|what do you think|"
    r"more great [\w'’ ]+ stories|popular on [\w'’ ]+|more (?:stories|news|articles) (?:from|on|like this)[\w'’ ]*|"
    r"recommended(?: for you| stories| reading)?|read next|you might (?:also )?like|around the web|from the web|"
    r"(?:sponsored|promoted) (?:stories|links|content)|topics|tags|(?:topics|tags|filed under|categories)\s*:.*|"
    r"[-–—‹«<\s]*(?:next|previous|prev|older|newer)\s+(?:[\w']+\s+)?(?:article|post|story|news|entry|page)s?[\s\-–—›»>]*)$",
    re.IGNORECASE,
)


def trailer_heading(page, i, state):
    """``You may also like...``, ``Related stories:``, ``Comments``, ``Popular on Site``, ``Next
    article``: a trailer, however it is punctuated, once the article has begun; it and
    everything after it are not the article."""
    text = page.blocks[i].text.strip(" .…:›>»|")
    if state.kept and (chrome.TRAILER.match(text) or (len(text) <= 60 and HTML_TRAILER.match(text))):
        return chrome.Hit(mark="end", rest=True)
    return None


# "Updated at 1:23 p.m.", "Published 3 hours ago", "Last updated: 20 November 2019".
TIMESTAMP = re.compile(r"^(?:last |first )?(?:updated|published|posted|modified)\b(?: on| at)?\s*:?\s*(?=.*(?:\d|\bago\b))", re.IGNORECASE)


# A line that is only a date and a time, in any language: "sexta-feira, 22 de outubro de
# 2010 às 20:13", "20.11.2019, 14:05 Uhr": a year, a clock time, no sentence.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CLOCK = re.compile(r"\b\d{1,2}[:h]\d\d\b")


# A line that is a date alone ("11 Jan 2019", "2019-01-11", "Jan. 11, 2019") or a clock time
# alone ("3:59 PM", "15:30 Uhr").
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|"
          r"dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|"
          r"febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)[a-z]*\.?")
DATE_ONLY = re.compile(
    rf"^(?:\d{{1,2}}\.? (?:de )?{_MONTH}(?: (?:de )?\d{{4}})?|{_MONTH} \d{{1,2}},? \d{{4}}|\d{{4}}-\d\d-\d\d|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}[:h.]\d\d(?: ?[ap]\.?m\.?| uhr| h)?)$",
    re.IGNORECASE,
)


def timestamp_line(page, i, state):
    """A time stamp left inside the article (``timestamp_line`` rule): ``Updated at 1:23 p.m.``,
    a line that is only a date or only a clock time (``11 Jan 2019``, ``3:59 PM``), or a line
    of ten words at most that is a date with a clock time and no sentence."""
    text = page.blocks[i].text
    if len(text) > 120:
        return None
    if TIMESTAMP.match(text) or DATE_ONLY.match(text.strip(" .,|·•-–—()")):
        return chrome.Hit()
    if len(text.split()) <= 10 and not text.endswith((".", "!", "?")) and _YEAR.search(text) and _CLOCK.search(text):
        return chrome.Hit()
    return None


# "More AP NBA: https://apnews.com/NBA", "Follow our coverage at https://...": a promotion
# that sends the reader to an address.
URL_PROMO = re.compile(
    r"^(?:more|follow|for more|read|watch|listen|subscribe|sign up|get|see|download|find)\b(?:(?![.!?] ).){0,160}https?://\S+$",
    re.IGNORECASE,
)


def url_promo(page, i, state):
    """A promotion line that ends in a bare web address (``url_promo`` rule)."""
    text = page.blocks[i].text
    if len(text) <= 240 and "://" in text and URL_PROMO.match(text):
        return chrome.Hit()
    return None


CHROME_RULES = [
    chrome.section_word,
    chrome.advertisement,
    chrome.dated_prefix,
    chrome.no_words,
    chrome.play_video,
    chrome.unavailable_placeholder,
    trailer_heading,
    chrome.byline,
    timestamp_line,
    url_promo,
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
    texts = [_text(block) for block in blocks]
    page = RawPage(tuple(RawBlock(block.line, text, 0, 0, len(text.split())) for block, text in zip(blocks, texts)), 0, True)
    scan = scan_chrome(page, CHROME_RULES, eligible=lambda i: isinstance(blocks[i], TEXT_BLOCKS))
    kept = [blocks[i] for i in scan.kept]
    removed = [
        Removed(blocks[i].line, texts[i], Removed.BOILERPLATE, None)
        for start, count in scan.dropped for i in range(start, start + count)
    ]
    return kept, removed, scan.byline


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
    """Drop what the markup shows is an echo, never a paragraph of the article's flow
    (``markup_repeats`` rule): a picture shown twice, a picture's caption printed again as a
    paragraph, a pull quote (a quote with no attribution) that repeats the text. A paragraph
    or heading the article itself prints twice is kept: on a text page a repeat is the
    scrape's doing, but an HTML page's paragraphs are the ones its author wrote."""
    kept, removed, pictures, earlier = [], [], {}, []
    caption_sizes = set()
    for block in blocks:
        key = _repeat_key(block)
        if key is not None and key[1]:
            if key in pictures:
                removed.append(Removed(block.line, block.caption, Removed.DUPLICATE, pictures[key]))
                continue
            pictures[key] = block.line
            size = len(block.caption) // 8  # a paragraph of about this size may print it again
            caption_sizes.update((size - 1, size, size + 1))
        if caption_sizes and isinstance(block, Paragraph) and len(block.text) // 8 in caption_sizes:
            caption = pictures.get(("image", tuple(repeats.tokens(block.text))))
            if caption is not None:  # a picture's caption printed again as a paragraph (``caption_repeat`` rule)
                removed.append(Removed(block.line, block.text, Removed.DUPLICATE, caption))
                continue
        repeated = _pull_quote(block, earlier)
        if repeated is not None:
            removed.append(Removed(block.line, " ".join(block.paragraphs), Removed.DUPLICATE, repeated))
            continue
        if isinstance(block, (Paragraph, Quote, ListBlock)):
            earlier.extend((block.line, " " + " ".join(repeats.tokens(text)) + " ") for text in block_texts(block))
        kept.append(block)
    return kept, removed


# A line that is only a picture's credit: "© Reuters", "Main image credit: Getty",
# "Patrick Semansky, ASSOCIATED PRESS". (The article's copyright notice, "© 2019 Associated
# Press. All Rights Reserved. ...", is longer than a credit and stays: it is the article's.)
_CREDIT_PARAGRAPH = re.compile(
    r"^(?:©\s*|(?:[\w ]{0,20}\s)?(?:image|photo|picture|video)s?\s+(?:credit|courtesy)s?\s*:\s*|"
    r"(?:image|photo|picture)s?\s*:\s*|credits?\s*:\s*)(?P<credit>.+)$",
    re.IGNORECASE,
)
CREDIT_WORDS = 8
CREDIT_CHARS = 120


def _credit_of(text: str):
    """``(credit or None, is_line)``: the credit a paragraph consists of."""
    if len(text) > CREDIT_CHARS or len(text.split()) > CREDIT_WORDS:
        return None, False
    match = _CREDIT_PARAGRAPH.match(text)
    if match:
        return match.group("credit").strip(" ()[]") or None, True
    if credit_shaped(text):
        return text, True
    return None, False


def credit_lines(blocks):
    """A paragraph that is a picture's credit (``credit_line`` rule) becomes the credit of the
    picture just before it when that has none; otherwise (the picture has its credit, or there
    is no picture) it goes to ``removed``."""
    kept, removed = [], []
    for block in blocks:
        if isinstance(block, Paragraph):
            credit, is_line = _credit_of(block.text)
            if is_line:
                last = kept[-1] if kept else None
                if credit and isinstance(last, Image) and last.credit is None:
                    kept[-1] = last.replace(credit=credit)
                    continue
                of = last.line if credit and isinstance(last, Image) and repeats.tokens(last.credit or "") == repeats.tokens(credit) else None
                removed.append(Removed(block.line, block.text, Removed.DUPLICATE if of else Removed.BOILERPLATE, of))
                continue
        kept.append(block)
    return kept, removed


BYLINE_WORDS = 12
BYLINE_CHARS = 160


def byline_repeats(blocks, byline):
    """The article's byline printed again inside it (``byline_repeat`` rule): ``Staff Reports``,
    ``By TOM KRISHER, AP Auto Writer`` when the byline is Tom Krisher."""
    if not byline:
        return list(blocks), []
    folded = byline.casefold()
    kept, removed = [], []
    for block in blocks:
        if isinstance(block, TEXT_BLOCKS) and len(block.text) <= BYLINE_CHARS and len(block.text.split()) <= BYLINE_WORDS:
            name = block.text if block.text.casefold() == folded else byline_name(block.text)
            if name and name.casefold() == folded:
                removed.append(Removed(block.line, block.text, Removed.BOILERPLATE, None))
                continue
        kept.append(block)
    return kept, removed


PICTURE_LOOKBACK = 3  # blocks back that a credit-only picture is matched with the one it repeats


def credit_only_repeats(blocks):
    """A picture with no caption whose credit is the credit of a picture just before it: the
    same picture again (a gallery's first slide after the lead picture), ``duplicate``."""
    kept, removed = [], []
    for block in blocks:
        if isinstance(block, Image) and not block.caption and block.credit:
            credit = set(repeats.tokens(block.credit))  # "Gene J. Puskar" repeats "AP Photo/Gene J. Puskar"
            earlier = next((other for other in reversed(kept[-PICTURE_LOOKBACK:])
                            if isinstance(other, Image) and other.credit and credit <= set(repeats.tokens(other.credit))), None)
            if earlier is not None:
                removed.append(Removed(block.line, block.credit, Removed.DUPLICATE, earlier.line))
                continue
        kept.append(block)
    return kept, removed


def headings_at_end(blocks):
    """A heading with nothing after it (its section's links were left out): ``Comments``,
    ``More:`` (``empty_section`` rule)."""
    kept = list(blocks)
    removed = []
    while kept and isinstance(kept[-1], Heading) and len(kept) > 1:
        block = kept.pop()
        removed.append(Removed(block.line, block.text, Removed.BOILERPLATE, None))
    return kept, removed


def clean(blocks, pruned=(), byline=None) -> Cleaned:
    """Chrome then repeats; ``pruned`` (furniture found inside the article) is recorded too.
    ``byline`` is the page's declared byline (a repeat of it in the body is dropped)."""
    blocks, removed = credit_lines(list(blocks))
    kept, chrome_removed, found = drop_chrome(blocks)
    removed.extend(chrome_removed)
    kept, repeated = byline_repeats(kept, byline or (byline_name(found) if found else None))
    removed.extend(repeated)
    kept, duplicates = drop_repeats(kept)
    removed.extend(duplicates)
    kept, duplicates = credit_only_repeats(kept)
    removed.extend(duplicates)
    kept, ends = headings_at_end(kept)
    removed.extend(ends)
    removed.extend(pruned)
    byline = found
    removed.sort(key=lambda item: item.line)
    return Cleaned(tuple(kept), tuple(removed), byline)
