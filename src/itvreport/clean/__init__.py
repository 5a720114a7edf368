"""Clean: take the site's chrome and repeated paragraphs out, and record each in ``removed``.

Input is a :class:`~itvreport.parse.RawPage`; output is :class:`Cleaned`: the
blocks that remain (in page order), what was removed and why, metadata found on
chrome lines (date, byline) and marks for the structure stage: the input line
where the parent story of an update page ends (``updates``), where the
article ends (``end``) and the line whose start was the page's date (``glued``).
"""

from __future__ import annotations

from itvreport import dispatch
from itvreport.clean import chrome, repeats
from itvreport.model import Removed, _Record


class Cleaned(_Record):
    __slots__ = ("blocks", "removed", "marks", "page", "date", "byline")
    _fields = __slots__
    _defaults = {"date": None, "byline": None}


def clean(page) -> Cleaned:
    kept, removed, date, byline, marks = _drop_chrome(page)
    kept, duplicates, index = _drop_repeats(kept, _own_title(kept, marks))
    removed = _name_repeated_chrome(removed, kept, index)
    removed.extend(duplicates)
    removed.sort(key=lambda item: item.line)
    if kept and removed and removed[-1].line > kept[0].line:
        kept = _keep_gaps(page.blocks, kept)  # (chrome only above the article leaves no gap to widen)
    return Cleaned(tuple(kept), tuple(removed), marks, page, date=date, byline=byline)


def _keep_gaps(blocks, kept):
    """Two kept blocks touch (a single newline) only if every line between them did:
    a block after removed lines takes the widest gap among them and itself. (A gallery
    or a run of caption lines is told by its blocks touching; a removed advert between
    two paragraphs must not make them touch.)"""
    lines = {block.line for block in kept}
    gaps, widest, after_kept = {}, 0, False
    for original in blocks:
        if original.gap > widest:
            widest = original.gap
        if original.line in lines:
            if after_kept and widest != original.gap:
                gaps[original.line] = widest
            after_kept, widest = True, 0
    if not gaps:
        return kept
    return [block.replace(gap=gaps[block.line]) if block.line in gaps else block for block in kept]


class ChromeScan:
    """What the chrome rules found on a page: the blocks they passed, the runs
    they dropped, and what those lines told (marks, date, byline)."""

    __slots__ = ("kept", "dropped", "trimmed", "marks", "date", "byline")

    def __init__(self):
        self.kept = []       # indexes of blocks that are not chrome
        self.dropped = []    # (first index, count) of each run of chrome
        self.trimmed = {}    # index -> (chrome prefix, content) of a kept block that began with chrome
        self.marks = {}
        self.date = None
        self.byline = None


def scan_chrome(page, rules=chrome.RULES, eligible=None) -> ChromeScan:
    """Try ``rules`` in order on every block of ``page`` (the first hit wins).

    ``eligible(i)`` may rule a block out (the HTML reader runs the rules on
    text blocks only). Shared by the text and HTML readers.
    """
    scan = ChromeScan()
    state = chrome.State()
    blocks = page.blocks
    # Rules declare the first characters and the longest lines they can match
    # (dispatch.shape); a line meets only the rules that allow it.
    by_first = dispatch.table(rules, _with_max_words)
    i = 0
    while i < len(blocks):
        hit = None
        if eligible is None or eligible(i):
            length = blocks[i].words
            first = blocks[i].text[0]
            for rule, max_words in by_first.get(first) or by_first[first]:
                if length <= max_words:
                    hit = rule(page, i, state)
                    if hit:
                        break
        if hit and hit.keep:
            scan.trimmed[i] = hit.keep
            scan.date = scan.date or hit.date
            if hit.mark and hit.mark not in scan.marks:
                scan.marks[hit.mark] = blocks[i].line
            hit = None
        if not hit:
            scan.kept.append(i)
            state.kept += 1
            state.own += state.update_page
            i += 1
            continue
        count = len(blocks) - i if hit.rest else hit.count
        scan.dropped.append((i, count))
        if hit.mark and hit.mark not in scan.marks:
            scan.marks[hit.mark] = blocks[i].line
        scan.date = scan.date or hit.date
        scan.byline = scan.byline or hit.byline
        i += count
    return scan


def _with_max_words(rule):
    return rule, getattr(rule, "max_words", 10**9)


def _drop_chrome(page):
    scan = scan_chrome(page)
    blocks = page.blocks
    kept = [blocks[i] for i in scan.kept]
    removed = [
        Removed(block.line, block.text, Removed.BOILERPLATE, None)
        for start, count in scan.dropped for block in blocks[start:start + count]
    ]
    if scan.trimmed:
        at = {index: position for position, index in enumerate(scan.kept)}
        for i, (prefix, rest) in scan.trimmed.items():
            kept[at[i]] = blocks[i].replace(text=rest)
            removed.append(Removed(blocks[i].line, prefix, Removed.BOILERPLATE, None))
    return kept, removed, scan.date, scan.byline, scan.marks


def _name_repeated_chrome(removed, kept, index):
    """A dropped line that repeats earlier content (the parent title after the
    read-more widget) is recorded as the duplicate it is, with the line it repeats."""
    named = []
    for item in removed:
        earlier = index.first_with(repeats.tokens(item.text))
        if earlier is not None and kept[earlier].line < item.line:
            item = item.replace(reason=Removed.DUPLICATE, of=kept[earlier].line)
        named.append(item)
    return named


def _own_title(kept, marks):
    """On an update page, the line of the item's own title: the first line kept after
    ``View all N updates``. It stands even when it repeats the parent story's title
    ("Tram crash: Eight people taken to hospital" under "Tram crash: Seven ...")."""
    updates = marks.get("updates")
    if updates is None:
        return None
    return next((block.line for block in kept if block.line > updates), None)


def _drop_repeats(blocks, own_title=None):
    """Keep the first of each repeated block; trim leading repeats to their new text.
    (``own_title``: the line of an update's own title, never a repeat.)

    Returns the kept blocks, the removed repeats and the index of kept blocks
    (positions in the index are positions in the kept list).
    """
    index = repeats.Index()
    kept, removed = [], []
    for block in blocks:
        probe = repeats.Probe(block.text)
        found = None if block.line == own_title or repeats.exempt(block.text) else repeats.find(probe, index)
        if found is not None:
            earlier = kept[found.of]
            removed.append(Removed(block.line, found.text, Removed.DUPLICATE, earlier.line))
            if found.keep is None:
                continue
            block = block.replace(text=found.keep)
            probe = repeats.Probe(block.text)
        index.add(probe)
        kept.append(block)
    return kept, removed, index
