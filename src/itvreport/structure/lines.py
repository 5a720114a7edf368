"""What the block rules ask of a line in its place: is it structural (a list item,
caption, media note, attribution), does it look like a heading, is it one sentence,
the size of a caption; and how a media note is emitted (its reporter noted for the
byline). Shared by the rules in :mod:`rules` and :mod:`pictures`.
"""

from __future__ import annotations

from itvreport.dispatch import shape
from itvreport.model import Media
from itvreport.patterns import lazy
from itvreport.shapes import attribution, bullet_item, day_line, fact_line, flattened_items, is_title_shaped, memo, numbered_item, split_credit, words
from itvreport.structure import media


def title_shaped(rule):
    """Declare that a rule only takes title-shaped lines (``is_title_shaped``): not
    starting in lower case, not ending in ``.``, ``,``, ``;`` or ``:`` (``...`` may)."""
    return shape(first=lambda ch: not ch.islower(), last=lambda ch: ch not in ".,;:")(rule)


@memo  # asked of the same line by the quote look-ahead, the heading test and the rules
def is_structural(text: str) -> bool:
    """A line that is not narrative prose: list item, caption, media note, attribution."""
    return bool(
        bullet_item(text) or numbered_item(text) or split_credit(text)
        or attribution(text) or media.is_media_note(text) or flattened_items(text)
    )


_SENTENCE_BREAK = lazy(r"[.!?][\"'”’]?\s+[A-Z]")


def single_sentence(text):
    return words(text) <= 30 and not _SENTENCE_BREAK.search(text)


# --- lists -------------------------------------------------------------------------


def looks_like_heading(ctx, i):
    """Short, unpunctuated at the end, one phrase (no sentence ends inside it), not a
    list item or caption, and something follows it. (A question can title a section;
    an exclamation is a sentence said to the reader: "Bring on Friday!")"""
    text = ctx.texts[i]
    return (i + 1 < len(ctx.blocks) and is_title_shaped(text, 12) and text[-1] != "!" and not is_structural(text)
            and not ("." in text and _SENTENCE_INSIDE.search(text))
            and not (":" in text[:32] and (_TRANSCRIPT_LINE.match(text) or fact_line(text)))
            and not (i and not ctx.blocks[i].gap and day_line(ctx.texts[i - 1])))  # (a day's entry in a listing)


_SENTENCE_INSIDE = lazy(r"[a-z0-9]\.[\"'”’]?\s+\S")
# A transcript's line, its speaker first: "Q: And for staff?", "Mr Adair: Was that enough?".
_TRANSCRIPT_LINE = lazy(r"^(?:Q|A|Question|Answer|(?:Mr|Mrs|Ms|Miss|Dr|Prof|Judge|Lord|Lady|Sir|Dame)\.? [A-Z][\w'’\-]+):\s+\S")


def previous_line(ctx, i):
    return ctx.blocks[i - 1].line if i > 0 else None


def caption_sized(text):
    return words(text) <= 40 and not text.endswith(":")


def emit_media(ctx, text, line):
    ctx.emit(Media(text, line=line))
    name = media.reporter(text)
    if name:
        ctx.reporters.append(name)


