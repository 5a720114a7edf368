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

OLD_TAIL_MAX = 3  # blocks in an older page's closing parent-story block


def newer_parent(blocks, marks):
    """Blocks before the ``View all N updates`` line are the parent story."""
    at = marks.get("updates")
    if at is None:
        return None
    parent = [block for block in blocks if block.line < at]
    own = [block for block in blocks if block.line > at]
    if not parent or not own:
        return None
    return _live_story(parent), own


def older_parent(blocks, marks):
    """A short title + standfirst block after a triple newline at the very end."""
    if len(blocks) < 4:
        return None
    for start in range(len(blocks) - 1, max(1, len(blocks) - OLD_TAIL_MAX) - 1, -1):
        if blocks[start].gap >= 2:
            break
    else:
        return None
    tail = blocks[start:]
    title = tail[0].text
    if not is_title_shaped(title, 20) or bullet_item(title) or len(tail) < 2:
        return None
    if not all(ends_sentence(block.text) or bullet_item(block.text) for block in tail[1:]):
        return None
    if any(words(block.text) > 60 for block in tail[1:]):
        return None
    return _live_story(tail), blocks[:start]


def _live_story(parent):
    if not parent:
        return None
    summary = tuple(bullet_item(block.text) or block.text for block in parent[1:])
    return LiveStory(parent[0].text, summary)


RULES = [newer_parent, older_parent]


def split(blocks, marks):
    """Return ``(live_story or None, the page's own blocks)``."""
    for rule in RULES:
        found = rule(blocks, marks)
        if found:
            return found
    return None, blocks
