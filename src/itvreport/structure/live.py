"""Update pages: split off the parent live story so the headline is the item's own title.

Two generations (field guide §4):

* newer: the parent's title and standfirst come first, then ``View all N
  updates ›`` (marked ``updates`` by the cleaner), then the item's own
  headline and body;
* older: the item first; at the end, after an extra blank line, a short block
  with the parent's title and standfirst;
* a page whose own title was lost: the parent's title and its standfirst,
  printed twice, open the page, the item's text follows and summaries of
  other updates close it.

On an update page with no trailer line, one-paragraph summaries of other
updates may follow the item's text: they name nothing the item's opening
paragraph names (beyond the live story's words), and go to ``removed`` as chrome.
"""

from __future__ import annotations

import re

from itvreport.model import LiveStory
from itvreport.patterns import lazy
from itvreport.shapes import TITLE_MAX_CHARACTERS, attribution, bullet_item, day_line, ends_sentence, is_title_shaped, split_credit, words

OLDER_TITLE_MIN_WORDS = 2  # a story's title; a lone "Friday" or "Weekend" titles a forecast's section
OLD_TAIL_MAX = 8        # blocks in an older page's closing parent-story block, summaries included
STANDFIRST_MAX_WORDS = 60
STANDFIRST_MAX_LINES = 3  # a parent block is short: more prose after a title is the article's own section


def newer_parent(blocks, marks, repeated):
    """Blocks before the ``View all N updates`` line are the parent story."""
    at = marks.get("updates")
    if at is None:
        return None
    parent = [block for block in blocks if block.line < at]
    own = [block for block in blocks if block.line > at]
    if not parent or not own:
        return None
    # (Closing lines that share nothing with the item are not taken for other updates'
    # summaries here: on such a page they are as often the item's story going on.
    # Headline-shaped summaries are dropped by the cleaner; see ``other_items``.)
    return _live_story(parent), own, [], True


def lost_updates_link(blocks, marks, repeated):
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
    return _live_story(blocks[:2]), blocks[2:], [], True


LIVE_STANDFIRST_MAX_LINES = STANDFIRST_MAX_LINES + 2  # with bullets
# "Storm Franklin: Live updates", "Tube strike: live", "Election 2021: latest": a title
# that says it is a live story's.
_LIVE_TITLE = lazy(r"(?:^|[:\-–]\s*)(?:live(?: updates?| blog)?|latest(?: updates?)?)$|\blive updates\b|\bas (?:it|they) happens?$",
                   re.IGNORECASE)


def _says_live(title):
    """Does ``title`` say it is a live story's (``Storm Franklin: Live updates``)?"""
    folded = title.lower()
    return ("live" in folded or "latest" in folded) and bool(_LIVE_TITLE.search(title))


def _prose_lines(blocks):
    """How many of ``blocks`` are not bullets (a standfirst's bullets make it no longer)."""
    return sum(1 for block in blocks if not bullet_item(block.text))


def live_titled_parent(blocks, marks, repeated):
    """A newer update page whose ``View all N updates`` line is missing, opening with a
    title that says it is a live story's (``Storm Franklin: Live updates``): its
    standfirst (up to three lines: sentences, a lead-in with its bullets), then the
    page's own title over its body."""
    if "live" in marks or len(blocks) < 4:
        return None  # (a live story's own index page has its "Live updates" line: each update is a section)
    title = blocks[0].text
    if not _says_live(title) or not is_title_shaped(title, 20):
        return None
    end = 1  # the standfirst: sentences, or a lead-in and its bullets, which may run longer
    while end < len(blocks) and end <= LIVE_STANDFIRST_MAX_LINES and _standfirst_line(blocks[end].text):
        end += 1
    if end == 1 or end + 1 >= len(blocks) or _prose_lines(blocks[1:end]) > STANDFIRST_MAX_LINES:
        return None
    own_title, opening = blocks[end].text, blocks[end + 1].text
    if not is_title_shaped(own_title, 20) or split_credit(own_title) or not ends_sentence(opening):
        return None
    return _live_story(blocks[:end]), blocks[end:], [], True


def _standfirst_line(text):
    return bool(bullet_item(text)) or (words(text) <= STANDFIRST_MAX_WORDS and (ends_sentence(text) or text.endswith(":")))


def _older_tail_starts(blocks):
    """Where an older page's parent block may start, nearest the end first: after a
    break wider than the page's paragraph gap near the end, or (on a page with blank lines between paragraphs)
    at a closing run of lines joined by single newlines."""
    first = max(2, len(blocks) - OLD_TAIL_MAX)
    # Wider than the page's gap between paragraphs: a triple newline, or one blank
    # line on a page that joins its paragraphs with single newlines.
    wide = 2 if _blank_separated(blocks) else 1
    found = False
    for start in range(len(blocks) - 1, first - 1, -1):
        if blocks[start].gap >= wide:
            found = True
            yield start
    if found:
        return
    for start in range(len(blocks) - 2, first - 1, -1):
        if blocks[start].gap >= 1 and len(blocks[start].text) <= TITLE_MAX_CHARACTERS and _says_live(blocks[start].text):
            found = True
            yield start  # a title that says it is a live story's ("Cold snap: Live updates"), after one blank line
    if found:
        return
    start = len(blocks) - 1
    while start > first and blocks[start].gap == 0:
        start -= 1
    if start < len(blocks) - 1 and blocks[start].gap >= 1 and _blank_separated(blocks[:start]):
        yield start


def _blank_separated(blocks):
    return len(blocks) > 2 and sum(1 for block in blocks[1:] if block.gap) * 2 >= len(blocks) - 1


def older_parent(blocks, marks, repeated):
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
    if (not is_title_shaped(title, 20) or words(title) < OLDER_TITLE_MIN_WORDS or bullet_item(title)
            or split_credit(title) or attribution(title) or day_line(title) or len(tail) < 2):
        return None  # (a picture's caption with its credit is no story's title, nor is "Sunday 13 October" or "– Jo Hale")
    end = 1
    while end < len(tail) and (ends_sentence(tail[end].text) or bullet_item(tail[end].text)
                               or _lead_in_to_bullets(tail, end) or _cut_off_standfirst(tail, end)):
        if words(tail[end].text) > STANDFIRST_MAX_WORDS:
            return None
        end += 1
    others = tail[end:]
    if end == 1 or _prose_lines(tail[1:end]) > STANDFIRST_MAX_LINES or not all(is_title_shaped(block.text, 20) for block in others):
        return None
    return _live_story(tail[:end]), blocks[:start], others, True


CUT_STANDFIRST_MIN_WORDS = 8


# "Here is what you need to know:", "Follow the latest as votes are cast:", "What we know
# so far:": a live story's standfirst handing over to its bullets.
_LIVE_LEAD_IN = lazy(
    r"\b(?:the latest|what (?:you need to|we) know|key (?:points|facts)|live updates|as (?:it|they) happens?)\b[^:]*:$"
    r"|^[Ff]ollow (?:the|all the|our)\b[^:]*:$",
    re.IGNORECASE,
)


def _lead_in_to_bullets(tail, end):
    """A lead-in with bullets after it, in the parent's standfirst, when the title says
    it is a live story's or the lead-in hands over to a live story's summary
    (``Here is what you need to know:``). (Any section of an article may end on a
    lead-in and bullets: "Campaigners are calling for:".)"""
    text = tail[end].text
    return (text.endswith(":") and end + 1 < len(tail) and bool(bullet_item(tail[end + 1].text))
            and bool(_LIVE_LEAD_IN.search(text) or _LIVE_TITLE.search(tail[0].text)))


def _cut_off_standfirst(tail, end):
    """The page's last line, prose cut off mid-sentence where the page was saved short."""
    return end == len(tail) - 1 and end >= 1 and words(tail[end].text) >= CUT_STANDFIRST_MIN_WORDS


def _live_story(parent):
    if not parent:
        return None
    summary = tuple(bullet_item(block.text) or block.text for block in parent[1:])
    return LiveStory(parent[0].text, summary)


UPDATE_ITEM_MAX_BLOCKS = 12  # an update item's text and the summaries after it


def standfirst_twice(blocks, marks, repeated):
    """An update page whose own title was lost: the parent's title and its
    standfirst, printed again straight after itself, open the page, and
    one-line summaries of other updates close it. (A headline-first article may
    print its standfirst twice too, but ends on its own text.)"""
    if len(blocks) < 3 or len(blocks) - 2 > UPDATE_ITEM_MAX_BLOCKS:
        return None  # (an update item is short: a long article printed its standfirst twice)
    title, standfirst = blocks[0].text, blocks[1].text
    again = repeated.get(blocks[1].line)
    if again is None or again > blocks[2].line:
        return None
    if not is_title_shaped(title, 20) or split_credit(title) or bullet_item(title):
        return None
    if not ends_sentence(standfirst) or words(standfirst) > STANDFIRST_MAX_WORDS:
        return None
    story = _live_story(blocks[:2])
    own, others = other_items(story, blocks[2:])
    if not others:
        return None  # a headline-first article that printed its standfirst twice
    return story, own, others, False


RULES = [newer_parent, older_parent, lost_updates_link, live_titled_parent, standfirst_twice]


def split(blocks, marks, repeated=None):
    """Return ``(live_story or None, the page's own blocks, chrome blocks found,
    whether the own blocks may open with the item's title)``.

    ``repeated`` maps a kept block's line to the line of its first dropped repeat.
    """
    repeated = repeated or {}
    for rule in RULES:
        found = rule(blocks, marks, repeated)
        if found:
            return found
    return None, blocks, [], True


OTHER_ITEMS_KEEP = 2  # the item's own paragraphs (besides its title) that must stay
OTHER_ITEMS_MIN = 2        # one stray closing line is more likely the item's own
OTHER_ITEM_MAX_WORDS = 45
STEM = 6
COMMON = frozenset("""
    about after again against also among another around back because been before being
    between both could does down during each even every first from have having here into
    just last like made make many more most much must next only other over said says same
    should since some still such than that their them then there these they this those
    through told under until upon very were what when where which while will with within
    would year years your
""".split())


def content_words(text):
    """The words of ``text`` that carry its subject: four letters or more, not
    among the commonest, cut to a stem so that plurals meet."""
    found = set()
    for word in text.lower().split():
        word = word.strip(PUNCTUATION)
        if len(word) >= 4 and word.isalpha() and word not in COMMON:
            found.add(word[:STEM])
    return found


PUNCTUATION = ".,;:!?\"'“”‘’()[]-–—"
CALENDAR = frozenset("""
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
""".split())


def names(text):
    """Capitalised words inside a sentence (not its first word): people, places,
    bodies. Days and months name no subject."""
    found = set()
    first = True
    for word in text.split():
        bare = word.strip(PUNCTUATION)
        if not first and bare[:1].isupper() and bare.isalpha() and bare.lower() not in CALENDAR:
            found.add(bare.lower())
        first = word.endswith((".", "!", "?"))
    return found


def other_items(story, own):
    """Split closing summaries of other updates off the item's text.

    From the end, a run of one-line prose paragraphs, none of which shares a
    word with the item's opening (its title, if it has one, and first
    paragraph) or a name with any paragraph of the item before the run; the
    live story's own words and names are the whole story's, and do not count.
    """
    lead = 2 if is_title_shaped(own[0].text, 20) else 1
    if len(own) < lead + OTHER_ITEMS_MIN:
        return own, []
    story_texts = (story.title, *story.summary)
    story_words = set().union(*map(content_words, story_texts))
    item = set().union(*(content_words(block.text) for block in own[:lead])) - story_words
    if not item:
        return own, []
    story_names = set().union(*map(names, story_texts))
    named = [set()]  # named[k]: names in own[:k], the story's aside
    for block in own:
        named.append(named[-1] | (names(block.text) - story_names))
    start = len(own)
    while start > lead:
        text = own[start - 1].text
        if not _summary_shaped(text) or content_words(text) & item or names(text) & named[start - 1]:
            break
        start -= 1
    if len(own) - start < OTHER_ITEMS_MIN or start - (lead - 1) < OTHER_ITEMS_KEEP:
        # An item is never cut to its opening paragraph alone: after one paragraph,
        # lines that share nothing with it are as likely its own story going on.
        return own, []
    return own[:start], own[start:]


def _summary_shaped(text):
    return ends_sentence(text) and words(text) <= OTHER_ITEM_MAX_WORDS and not bullet_item(text) \
        and not split_credit(text)
