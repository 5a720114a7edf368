"""Block rules: turn the cleaned blocks after the headline into article blocks.

Each rule is ``rule(ctx, i) -> int``: it looks at raw block ``i`` and, if the
shape is its own, emits article blocks through ``ctx`` and returns how many raw
blocks it used (0: not mine). ``RULES`` is tried in order for every position;
the last rule, ``paragraph``, always matches. Adding a pattern means adding one
rule and its tests, not editing an ``if`` chain.
"""

from __future__ import annotations

import re

from itvreport import dispatch
from itvreport.dispatch import line_key, shape
from itvreport.model import Heading, Image, ListBlock, Media, Paragraph, Quote
from itvreport.patterns import lazy
from itvreport.shapes import (
    BULLET_MARKS,
    SENTENCE_CLOSERS,
    attribution,
    bullet_item,
    flattened_items,
    is_title_shaped,
    memo,
    numbered_item,
    split_credit,
    words,
)
from itvreport.structure import media, quotes


class Context:
    """The blocks being read and the article blocks built so far."""

    __slots__ = ("blocks", "texts", "out", "reporters", "blank_separated", "joined_runs", "live_index")

    def __init__(self, blocks, live_index=False, blank_separated=False):
        self.blocks = blocks
        self.blank_separated = blank_separated  # the page sets paragraphs apart with blank lines
        self.joined_runs = blank_separated and _joined_run(blocks)  # it has a run for gallery_run
        self.live_index = live_index  # a live story's index page: each update under its title
        # Each block's text, and None after the last: texts[-1] and texts[len(blocks)]
        # (one before the first, one after the last) are both None.
        self.texts = [block.text for block in blocks] + [None]
        self.out = []
        self.reporters = []  # names found in media notes, in page order

    def emit(self, block):
        self.out.append(block)

    @property
    def last(self):
        return self.out[-1] if self.out else None


def title_shaped(rule):
    """Declare that a rule only takes title-shaped lines (``is_title_shaped``): not
    starting in lower case, not ending in ``.``, ``,``, ``;`` or ``:`` (``...`` may)."""
    return shape(first=lambda ch: not ch.islower(), last=lambda ch: ch not in ".,;:")(rule)


@memo  # asked of the same line by the quote look-ahead, the heading test and the rules
def _is_structural(text: str) -> bool:
    """A line that is not narrative prose: list item, caption, media note, attribution."""
    return bool(
        bullet_item(text) or numbered_item(text) or split_credit(text)
        or attribution(text) or media.is_media_note(text) or flattened_items(text)
    )


# --- quotes and attributions ----------------------------------------------------------


@shape(first="–—")
def attribution_line(ctx, i):
    """``– Jane Doe, chief executive`` closes the quote before it."""
    who = attribution(ctx.texts[i])
    if who is None:
        return 0
    last = ctx.last
    if isinstance(last, Quote) and last.attribution is None:
        ctx.out[-1] = last.replace(attribution=who)
        return 1
    # No lead-in: the speaker's paragraphs stand just before the attribution.
    surname = who.split(",")[0].split()[-1] if who.split(",")[0].split() else None
    start = len(ctx.out)
    while start > 0 and isinstance(ctx.out[start - 1], Paragraph):
        text = ctx.out[start - 1].text
        if text.endswith(":") or (start < len(ctx.out) and quotes.is_narrative(text, surname)):
            break
        start -= 1
    if start == len(ctx.out):
        ctx.emit(Paragraph(ctx.texts[i], line=ctx.blocks[i].line))
        return 1
    paragraphs = tuple(block.text for block in ctx.out[start:])
    line = ctx.out[start].line
    del ctx.out[start:]
    ctx.emit(Quote(paragraphs, who, line=line))
    return 1


_SMALL_WORDS = {"and", "or", "for", "to", "the", "of", "in", "on", "at", "a", "an", "by", "with", "from", "&"}
COLON_HEADING_MAX_WORDS = 6


# "What you need to know:", "How to apply:", "Why it matters:" (not "What the minister said:")
_WH_TITLE = lazy(r"^(?:What|How|Why|When|Where|Who)\b", re.IGNORECASE)


@shape(first=lambda ch: not ch.islower(), last=":")
def colon_heading(ctx, i):
    """``This Evening and Overnight:``, ``Outlook for Friday to Sunday:``, ``What you
    need to know:``: a short line in title case, or a short question-word phrase, ending
    with a colon, before prose, titles a section (it introduces no one's words and no list)."""
    text = ctx.texts[i]
    if not text.endswith(":") or words(text) > COLON_HEADING_MAX_WORDS:
        return 0
    title = text[:-1].strip(" *")
    if not title:
        return 0
    if not (all(word[:1].isupper() or word[:1].isdigit() or word in _SMALL_WORDS for word in title.split())
            or (_WH_TITLE.match(title) and not quotes.introduces_speech(title))):
        return 0
    nxt = ctx.texts[i + 1]
    if nxt is None or _is_structural(nxt) or nxt.endswith(":") or media.is_media_note(text):
        return 0
    ctx.emit(Heading(text, line=ctx.blocks[i].line))
    return 1


@shape(last=":")
def quote_block(ctx, i):
    """A colon lead-in followed by the speaker's own words."""
    lead_in = ctx.texts[i]
    if not lead_in.endswith(":") or media.is_media_note(lead_in):
        return 0
    nxt = ctx.texts[i + 1]
    if nxt is None or _is_structural(nxt) or quotes.is_list_lead_in(lead_in):
        return 0
    closing = _attribution_after(ctx, i + 1)
    if closing is not None:
        # An attribution line a few paragraphs on says whose words they all are,
        # even one that opens like narrative ("They were a hundred metres apart").
        paragraphs = tuple(ctx.texts[k] for k in range(i + 1, closing))
        ctx.emit(Paragraph(lead_in, line=ctx.blocks[i].line))
        ctx.emit(Quote(paragraphs, attribution(ctx.texts[closing]), line=ctx.blocks[i + 1].line))
        return closing - i + 1
    surname = quotes.speaker(lead_in)
    speech = quotes.introduces_speech(lead_in)
    paragraphs = []
    narrator_resumed = False
    j = i + 1
    while j < len(ctx.blocks):
        text = ctx.texts[j]
        if _is_structural(text) or text.endswith(":") or _looks_like_heading(ctx, j):
            break
        first = j == i + 1 and speech
        if quotes.is_narrative(text, surname, first=first, statement=first and quotes.introduces_statement(lead_in)):
            narrator_resumed = True
            break
        paragraphs.append(text)
        j += 1
    who = attribution(ctx.texts[j]) if paragraphs and j < len(ctx.blocks) else None
    if who is None and paragraphs and not (speech or quotes.speaks_for_self(paragraphs[0])
                                           or quotes.echoes(lead_in, paragraphs[0])):
        paragraphs = []  # "officials posted a map:" - what followed was not somebody's words
    elif (who is None and paragraphs and media.names_a_medium(lead_in) and not quotes.says(lead_in)
          and not quotes.speaks_for_self(paragraphs[0]) and not quotes.echoes(lead_in, paragraphs[0])):
        # "He posted a message on Facebook:" then "Hundreds have replied": the post is gone.
        # ("In a post, the Met Office said:" hands over to its words, first person or not.)
        paragraphs = []
    if not paragraphs:
        if (_single_sentence(lead_in) and media.names_a_medium(lead_in) and not _is_structural(nxt)
                and not _looks_like_heading(ctx, i + 1)):
            # What the lead-in introduced (a post, a clip) is gone; narrative goes on.
            # (A lead-in that names no medium is narrative: "Officers are urging drivers
            # to stay local:" stays a paragraph.)
            _emit_media(ctx, lead_in, ctx.blocks[i].line)
            return 1
        return 0
    if who is None and not narrator_resumed:
        # Nothing closed the quote: it runs to the speaker's last first-person paragraph.
        paragraphs = paragraphs[: quotes.quote_length(paragraphs)]
        j = i + 1 + len(paragraphs)
    ctx.emit(Paragraph(lead_in, line=ctx.blocks[i].line))
    ctx.emit(Quote(tuple(paragraphs), who, line=ctx.blocks[i + 1].line))
    return j - i + (1 if who else 0)


ATTRIBUTED_MAX_PARAGRAPHS = 4


def _attribution_after(ctx, start):
    """The index of an attribution line closing the plain paragraphs from ``start``, if any."""
    j = start
    while j < len(ctx.blocks) and j - start <= ATTRIBUTED_MAX_PARAGRAPHS:
        text = ctx.texts[j]
        if attribution(text) is not None:
            return j if j > start else None
        if _is_structural(text) or text.endswith(":") or _looks_like_heading(ctx, j):
            return None
        j += 1
    return None


_SENTENCE_BREAK = lazy(r"[.!?][\"'”’]?\s+[A-Z]")


def _single_sentence(text):
    return words(text) <= 30 and not _SENTENCE_BREAK.search(text)


# --- lists -------------------------------------------------------------------------


@shape(first=BULLET_MARKS)
def bullet_list(ctx, i):
    """A run of ``  • item`` lines; a lone bullet followed by prose is a section title."""
    items = []
    j = i
    while j < len(ctx.blocks) and bullet_item(ctx.texts[j]) is not None:
        items.append(bullet_item(ctx.texts[j]))
        j += 1
    if not items:
        return 0
    line = ctx.blocks[i].line
    if len(items) == 1 and media.is_media_note(items[0]):
        _emit_media(ctx, items[0], line)  # "  • Video report by Jo Bloggs"
        return 1
    after = j
    while ctx.texts[after] is not None and split_credit(ctx.texts[after]) and after - j < 2:
        after += 1  # a picture between a bullet title and its section does not make it a list
    following = ctx.texts[after]
    before = ctx.texts[i - 1]
    if (
        len(items) == 1 and following is not None and not _is_structural(following)
        and not (before and before.endswith(":")) and is_title_shaped(items[0], 16)
    ):
        ctx.emit(Heading(items[0], line=line))
    else:
        ctx.emit(ListBlock(tuple(items), False, line=line))
    return j - i


@shape(first=str.isdigit)
def numbered_list(ctx, i):
    """``  1. ...``, ``  2. ...``: a genuine numbered list (labels were cleaned already)."""
    first = numbered_item(ctx.texts[i])
    if first is None:
        return 0
    items, expected, j = [], first[0], i
    while j < len(ctx.blocks):
        found = numbered_item(ctx.texts[j])
        if found is None or found[0] != expected:
            break
        items.append(found[1])
        expected += 1
        j += 1
    ctx.emit(ListBlock(tuple(items), True, line=ctx.blocks[i].line))
    return j - i


def flattened_list(ctx, i):
    """``Leeds - 12 jobs.York - 3 jobs.Hull - 9 jobs.``: items glued by full stops."""
    items = flattened_items(ctx.texts[i])
    if items is None:
        return 0
    ctx.emit(ListBlock(items, False, line=ctx.blocks[i].line))
    return 1


# --- pictures and media ------------------------------------------------------------


@shape(colon=True)
def credited_caption(ctx, i):
    """``<caption> Photo: PA``; a credit-only line joins the caption next to it."""
    found = split_credit(ctx.texts[i])
    if found is None:
        return 0
    caption, credit = found
    line = ctx.blocks[i].line
    if caption:
        ctx.emit(Image(caption, credit, line=line))
        return 1
    last = ctx.last
    if isinstance(last, Image) and last.credit is None:
        ctx.out[-1] = last.replace(credit=credit)
        return 1
    if (isinstance(last, (Heading, Paragraph)) and last.line == _previous_line(ctx, i) and _caption_sized(last.text)
            and is_title_shaped(last.text, 40)):
        # An unpunctuated line before a bare credit was the picture's caption; a
        # sentence there is narrative, and the credit stands for the picture alone.
        ctx.out[-1] = Image(last.text, credit, line=last.line)
        return 1
    # (The line after a bare credit is not taken for its caption: there it is more often
    # a subheading or the story going on.)
    ctx.emit(Image("", credit, line=line))
    return 1


def _previous_line(ctx, i):
    return ctx.blocks[i - 1].line if i > 0 else None


def _caption_sized(text):
    return words(text) <= 40 and not text.endswith(":")


def media_note(ctx, i):
    """A line that stood for a video: ``Joe Bloggs reports:``, ``VIDEO: ...``."""
    text = ctx.texts[i]
    if not media.is_media_note(text):
        return 0
    _emit_media(ctx, text, ctx.blocks[i].line)
    return 1


PARALLEL_LEAD_IN_MAX_WORDS = 12


def _frame(text):
    """The first two words of a short colon lead-in, folded: the frame a run of them shares."""
    if not text or not text.endswith(":") or words(text) > PARALLEL_LEAD_IN_MAX_WORDS:
        return None
    parts = text.casefold().split()
    return tuple(parts[:2]) if len(parts) >= 3 else None


@shape(last=":")
def parallel_lead_ins(ctx, i):
    """``Weather for the north of the region:`` then ``Weather for the south of the
    region:``: colon lead-ins set one after another in the same frame introduced what
    each was for (a clip, a forecast) and nothing of them is left: each stands for
    its missing media."""
    frame = _frame(ctx.texts[i])
    if frame is None or _frame(ctx.texts[i + 1]) != frame:
        return 0
    j = i
    while j < len(ctx.blocks) and _frame(ctx.texts[j]) == frame:
        _emit_media(ctx, ctx.texts[j], ctx.blocks[j].line)
        j += 1
    return j - i


def _emit_media(ctx, text, line):
    ctx.emit(Media(text, line=line))
    name = media.reporter(text)
    if name:
        ctx.reporters.append(name)


GALLERY_MIN_LINES = 3
GALLERY_MAX_WORDS = 40


def _joined_run(blocks):
    """Whether ``GALLERY_MIN_LINES`` lines or more run joined by single newlines."""
    run = 1
    for block in blocks[1:]:
        run = 1 if block.gap else run + 1
        if run >= GALLERY_MIN_LINES:
            return True
    return False


def gallery_run(ctx, i):
    """On a page that sets paragraphs apart with blank lines, three or more short lines
    joined by single newlines (no list marks, no lead-ins) are a gallery of captions."""
    if not ctx.blank_separated or (i and not ctx.blocks[i].gap):
        return 0
    j = i + 1
    while j < len(ctx.blocks) and not ctx.blocks[j].gap:
        j += 1
    if j - i < GALLERY_MIN_LINES:
        return 0
    for k in range(i, j):
        text = ctx.texts[k]
        if (words(text) > GALLERY_MAX_WORDS or text.endswith(":") or bullet_item(text) or numbered_item(text)
                or attribution(text) or media.is_media_note(text) or text[0] in _OPENING_QUOTES):
            return 0
    for k in range(i, j):
        caption, credit = split_credit(ctx.texts[k]) or (ctx.texts[k], None)
        ctx.emit(Image(caption, credit, line=ctx.blocks[k].line))
    return j - i


_SCENE = lazy(
    r"\b(?:pictured|seen|file (?:photo|image|picture)|arriv(?:es|ing|ed)|outside|at the scene|during|"
    r"gather(?:s|ed|ing)?|stand(?:s|ing)?|aerial|view of|in (?:19|20)\d\d|(?:19|20)\d\d$|"
    r"\((?:left|right|centre|center)\)|left,|right,|"
    # people as a picture shows them: "Jo Marsh with her son Alfie", "The Marsh family at their home"
    r"with (?:his|her|their) (?:son|sons|daughter|daughters|children|wife|husband|partner|mum|mother|dad|father|"
    r"family|baby|parents|grandchildren|dog)|at (?:his|her|their) (?:home|house|farm))\b",
    re.IGNORECASE,
)
# "Flowers left at the roadside", "Residents living near the site": a subject, a
# participle, then a place. Headings rarely take that shape.
_PARTICIPLE_PLACE = lazy(
    r"^\S+(?:\s+\S+){0,3}?\s+(?:\w+(?:ed|ing|en)|left|laid|held|lit|shut|set|built|hit)\b.*\b(?:at|near|outside|in|on|by|beside|inside|after|before|during|from)\s+\S",
)


_OPENING_QUOTES = "\"“‘'"
# Headlines and subheadings quote in single quotation marks ("... 'as strong as ever'");
# a caption describes what the picture shows.
_HEADLINE_QUOTE = lazy(r"(?:^|\s)['‘][^'‘’]{2,60}['’](?:\s|$)")


def _describes(text):
    """A caption describes a picture: it does not ask or exclaim, and it is not
    somebody's words (a line opening with a quotation mark continues a quote)."""
    return text[0] not in _OPENING_QUOTES and text.rstrip(SENTENCE_CLOSERS)[-1:] not in ("?", "!")


@title_shaped
def uncredited_caption(ctx, i):
    """A caption with no credit: a short unpunctuated line that describes a picture."""
    text = ctx.texts[i]
    if not is_title_shaped(text, 30) or words(text) < 3 or not _describes(text):
        return 0
    # (after a picture with a caption: a credit standing alone starts no gallery)
    gallery = (isinstance(ctx.last, Image) and ctx.last.caption and words(text) >= 5) or (
        ctx.texts[i + 1] is not None and split_credit(ctx.texts[i + 1])
    )
    lead_image = i == 0 and ctx.texts[i + 1] is not None and words(text) >= 6 and not text.endswith("?")
    described = words(text) >= 7 and "," in text  # headings are short and rarely take a clause
    if not (_SCENE.search(text) or _PARTICIPLE_PLACE.search(text) or described or gallery or lead_image):
        return 0
    if ctx.texts[i + 1] is None and not gallery:
        return 0  # the page's last line, unpunctuated and alone: text cut off mid-sentence
    if not isinstance(ctx.last, Image) and not lead_image and _HEADLINE_QUOTE.search(text):
        return 0  # "Attacker wearing 'fake vest' shot dead": quoted words set off as in a headline
    if ctx.live_index and not gallery and not _is_structural(ctx.texts[i + 1]):
        return 0  # on a live story's index page a line over prose is an update's title
    ctx.emit(Image(text, None, line=ctx.blocks[i].line))
    return 1


# "Supporters starting to gather outside the ground.": a subject, then a participle.
_SUBJECT_PARTICIPLE = lazy(r"^(?:[\w'’\-]+\s+){1,4}?([a-z]+ing)\b")
_NOT_PARTICIPLES = {"during", "morning", "evening", "nothing", "something", "anything", "everything",
                    "building", "spring", "king", "thing", "ring", "wing", "being", "according", "including"}
# A finite verb makes the line a sentence of narrative, not a description of a picture.
_FINITE = lazy(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|did|does|do|"
    r"said|says|told|tells|added)\b",
    re.IGNORECASE,
)
_WHERE_AFTER = lazy(r"\b(?:at|near|outside|in|on|inside|beside|during|after|before|with)\s+\S")
FULL_STOP_CAPTION_WORDS = (3, 14)


@shape(first=str.isupper, last=".")
def full_stop_caption(ctx, i):
    """``Joanna Hartley greeting supporters in Swindon today.``: one short sentence
    with no finite verb, a subject doing something (a participle) somewhere, is a
    caption describing a picture even with its closing full stop."""
    text = ctx.texts[i]
    if "ing " not in text or "," in text or not text.endswith(".") or text.count(".") > 1:
        return 0
    if not FULL_STOP_CAPTION_WORDS[0] <= words(text) <= FULL_STOP_CAPTION_WORDS[1] or not text[0].isupper():
        return 0
    found = _SUBJECT_PARTICIPLE.match(text)
    if not found or found.group(1) in _NOT_PARTICIPLES or _FINITE.search(text):
        return 0
    if any(word.endswith("ed") for word in text[:found.start(1)].split()[1:]):
        return 0  # "The firm blamed rising costs ...": a verb in the past before it, a sentence
    if not _WHERE_AFTER.search(text, found.end()):
        return 0
    ctx.emit(Image(text, None, line=ctx.blocks[i].line))
    return 1


# --- headings and paragraphs ------------------------------------------------------------


def _looks_like_heading(ctx, i):
    """Short, unpunctuated at the end, one phrase (no sentence ends inside it), not a
    list item or caption, and something follows it."""
    text = ctx.texts[i]
    return (i + 1 < len(ctx.blocks) and is_title_shaped(text, 12) and not _is_structural(text)
            and not ("." in text and _SENTENCE_INSIDE.search(text)))


_SENTENCE_INSIDE = lazy(r"[a-z0-9]\.[\"'”’]?\s+\S")


@title_shaped
def heading(ctx, i):
    """A short line with no closing full stop that introduces what follows."""
    if not _looks_like_heading(ctx, i):
        return 0
    ctx.emit(Heading(ctx.texts[i], line=ctx.blocks[i].line))
    return 1


def paragraph(ctx, i):
    ctx.emit(Paragraph(ctx.texts[i], line=ctx.blocks[i].line))
    return 1


RULES = [
    attribution_line,
    bullet_list,
    numbered_list,
    gallery_run,
    credited_caption,
    media_note,
    parallel_lead_ins,
    colon_heading,
    quote_block,
    flattened_list,
    uncredited_caption,
    full_stop_caption,
    heading,
    paragraph,
]


_WITHOUT_GALLERY: dict = {}


def _without_gallery(rules):
    found = _WITHOUT_GALLERY.get(rules)
    if found is None:
        _WITHOUT_GALLERY.clear()  # the rule list changed (tests swap it)
        found = _WITHOUT_GALLERY[rules] = tuple(rule for rule in rules if rule is not gallery_run)
    return found


def build_blocks(blocks, live_index=False, blank_separated=False):
    """Run the rules over ``blocks``; return (article blocks, reporter names).

    ``live_index``: the page is a live story's index (a ``Live updates`` line);
    ``blank_separated``: the page sets its paragraphs apart with blank lines."""
    ctx = Context(list(blocks), live_index, blank_separated)
    # The rules that allow a line's first and last characters (a page with no run of
    # joined lines never meets gallery_run).
    by_key = dispatch.table(RULES if ctx.joined_runs else _without_gallery(tuple(RULES)))
    texts = ctx.texts
    i = 0
    while i < len(ctx.blocks):
        key = line_key(texts[i])
        for rule in by_key.get(key) or by_key[key]:
            used = rule(ctx, i)
            if used:
                i += used
                break
    return tuple(ctx.out), ctx.reporters
