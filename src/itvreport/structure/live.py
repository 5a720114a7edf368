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
from itvreport.shapes import bullet_item, ends_sentence, is_title_shaped, split_credit, words

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


def lost_updates_link(blocks, marks):
    """A newer update page whose ``View all N updates`` line is missing: the parent's
    title and a one-paragraph standfirst, then the page's own title over its body,
    and a trailer (``More top news``) closing the page. A headline-first article
    does not put a second title straight after its standfirst."""
    if "end" not in marks or len(blocks) < 5:
        return None
    title, standfirst, own_title = (block.text for block in blocks[:3])
    if not (is_title_shaped(title, 20) and is_title_shaped(own_title, 20)):
        return None
    if not ends_sentence(standfirst) or words(standfirst) > STANDFIRST_MAX_WORDS or bullet_item(standfirst):
        return None
    if split_credit(own_title) or split_credit(title) or bullet_item(own_title) or bullet_item(title):
        return None
    if not all(ends_sentence(block.text) and not is_title_shaped(block.text, 20) for block in blocks[3:5]):
        return None
    return _live_story(blocks[:2]), blocks[2:], []


def _older_tail_starts(blocks):
    """Where an older page's parent block may start, nearest the end first: after a
    triple newline near the end, or (on a page with blank lines between paragraphs)
    at a closing run of lines joined by single newlines."""
    first = max(2, len(blocks) - OLD_TAIL_MAX)
    found = False
    for start in range(len(blocks) - 1, first - 1, -1):
        if blocks[start].gap >= 2:
            found = True
            yield start
    if found:
        return
    start = len(blocks) - 1
    while start > first and blocks[start].gap == 0:
        start -= 1
    if start < len(blocks) - 1 and blocks[start].gap >= 1 and _blank_separated(blocks[:start]):
        yield start


def _blank_separated(blocks):
    return len(blocks) > 2 and sum(1 for block in blocks[1:] if block.gap) * 2 >= len(blocks) - 1


def older_parent(blocks, marks):
    """The parent's title and standfirst close the page (2012-13 update pages).

    Headline-shaped lines after the standfirst are one-line summaries of other
    updates: chrome, returned to be recorded as removed.
    """
    if len(blocks) < 4:
        return None
    for start in _older_tail_starts(blocks):
        found = _older_tail(blocks, start)
        if found:
            return found
    return None


def _older_tail(blocks, start):
    """The parent block from ``start``, if the lines there are shaped like one."""
    tail = blocks[start:]
    title = tail[0].text
    if not is_title_shaped(title, 20) or bullet_item(title) or len(tail) < 2:
        return None
    end = 1
    while end < len(tail) and (ends_sentence(tail[end].text) or bullet_item(tail[end].text)
                               or _cut_off_standfirst(tail, end)):
        if words(tail[end].text) > STANDFIRST_MAX_WORDS:
            return None
        end += 1
    others = tail[end:]
    if end == 1 or end - 1 > STANDFIRST_MAX_LINES or not all(is_title_shaped(block.text, 20) for block in others):
        return None
    return _live_story(tail[:end]), blocks[:start], others


CUT_STANDFIRST_MIN_WORDS = 8


def _cut_off_standfirst(tail, end):
    """The page's last line, prose cut off mid-sentence where the page was saved short."""
    return end == len(tail) - 1 and end >= 1 and words(tail[end].text) >= CUT_STANDFIRST_MIN_WORDS


def _live_story(parent):
    if not parent:
        return None
    summary = tuple(bullet_item(block.text) or block.text for block in parent[1:])
    return LiveStory(parent[0].text, summary)


RULES = [newer_parent, older_parent, lost_updates_link]


def split(blocks, marks):
    """Return ``(live_story or None, the page's own blocks, chrome blocks found)``."""
    for rule in RULES:
        found = rule(blocks, marks)
        if found:
            return found
    return None, blocks, []
