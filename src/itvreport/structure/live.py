"""Update pages: split off the parent live story so the headline is the item's own title.

Two generations (field guide §4):

* newer: the parent's title and standfirst come first, then ``View all N
  updates ›`` (marked ``updates`` by the cleaner), then the item's own
  headline and body;
* older: the item first; at the end, after an extra blank line, a short block
  with the parent's title and standfirst.
"""

from __future__ import annotations

from itvreport.model import LiveStory
from itvreport.shapes import bullet_item, ends_sentence, is_title_shaped, words

OLD_TAIL_MAX = 8        # blocks in an older page's closing parent-story block, summaries included
STANDFIRST_MAX_WORDS = 60
STANDFIRST_MAX_LINES = 3  # a parent block is short: more prose after a title is the article's own section


def newer_parent(blocks, marks):
    """Blocks before the ``View all N updates`` line are the parent story."""
    at = marks.get("updates")
    if at is None:
        return None
    parent = [block for block in blocks if block.line < at]
    own = [block for block in blocks if block.line > at]
    if not parent or not own:
        return None
    return _live_story(parent), own, []


def _older_tail_start(blocks):
    """Where an older page's parent block would start: after a triple newline near
    the end, or (on a page with blank lines between paragraphs) at a closing run
    of lines joined by single newlines."""
    first = max(2, len(blocks) - OLD_TAIL_MAX)
    for start in range(len(blocks) - 1, first - 1, -1):
        if blocks[start].gap >= 2:
            return start
    start = len(blocks) - 1
    while start > first and blocks[start].gap == 0:
        start -= 1
    if start < len(blocks) - 1 and blocks[start].gap >= 1 and _blank_separated(blocks[:start]):
        return start
    return None


def _blank_separated(blocks):
    return len(blocks) > 2 and sum(1 for block in blocks[1:] if block.gap) * 2 >= len(blocks) - 1


def older_parent(blocks, marks):
    """The parent's title and standfirst close the page (2012-13 update pages).

    Headline-shaped lines after the standfirst are one-line summaries of other
    updates: chrome, returned to be recorded as removed.
    """
    if len(blocks) < 4:
        return None
    start = _older_tail_start(blocks)
    if start is None:
        return None
    tail = blocks[start:]
    title = tail[0].text
    if not is_title_shaped(title, 20) or bullet_item(title) or len(tail) < 2:
        return None
    end = 1
    while end < len(tail) and (ends_sentence(tail[end].text) or bullet_item(tail[end].text)):
        if words(tail[end].text) > STANDFIRST_MAX_WORDS:
            return None
        end += 1
    others = tail[end:]
    if end == 1 or end - 1 > STANDFIRST_MAX_LINES or not all(is_title_shaped(block.text, 20) for block in others):
        return None
    return _live_story(tail[:end]), blocks[:start], others


def _live_story(parent):
    if not parent:
        return None
    summary = tuple(bullet_item(block.text) or block.text for block in parent[1:])
    return LiveStory(parent[0].text, summary)


RULES = [newer_parent, older_parent]


def split(blocks, marks):
    """Return ``(live_story or None, the page's own blocks, chrome blocks found)``."""
    for rule in RULES:
        found = rule(blocks, marks)
        if found:
            return found
    return None, blocks, []
