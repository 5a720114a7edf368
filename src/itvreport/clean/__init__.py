"""Clean: take the site's chrome and repeated paragraphs out, and record each in ``removed``.

Input is a :class:`~itvreport.parse.RawPage`; output is :class:`Cleaned`: the
blocks that remain (in page order), what was removed and why, metadata found on
chrome lines (date, byline) and marks for the structure stage: the input line
where the parent story of an update page ends (``updates``) and where the
article ends (``end``).
"""

from __future__ import annotations

from itvreport.clean import chrome, repeats
from itvreport.model import Removed, _Record


class Cleaned(_Record):
    __slots__ = ("blocks", "removed", "marks", "page", "date", "byline")
    _fields = __slots__
    _defaults = {"date": None, "byline": None}


def clean(page) -> Cleaned:
    kept, removed, date, byline, marks = _drop_chrome(page)
    kept, duplicates, index = _drop_repeats(kept)
    removed = _name_repeated_chrome(removed, kept, index)
    removed.extend(duplicates)
    removed.sort(key=lambda item: item.line)
    return Cleaned(tuple(kept), tuple(removed), marks, page, date=date, byline=byline)


def _drop_chrome(page):
    kept, removed, marks = [], [], {}
    date = byline = None
    state = chrome.State()
    blocks = page.blocks
    i = 0
    while i < len(blocks):
        hit = None
        length = blocks[i].words
        for rule in chrome.RULES:
            if length <= rule.max_words:
                hit = rule(page, i, state)
                if hit:
                    break
        if hit is None:
            kept.append(blocks[i])
            state.kept += 1
            i += 1
            continue
        count = len(blocks) - i if hit.rest else hit.count
        for block in blocks[i:i + count]:
            removed.append(Removed(block.line, block.text, Removed.BOILERPLATE, None))
        if hit.mark and hit.mark not in marks:
            marks[hit.mark] = blocks[i].line
        date = date or hit.date
        byline = byline or hit.byline
        i += count
    return kept, removed, date, byline, marks


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


def _drop_repeats(blocks):
    """Keep the first of each repeated block; trim leading repeats to their new text.

    Returns the kept blocks, the removed repeats and the index of kept blocks
    (positions in the index are positions in the kept list).
    """
    index = repeats.Index()
    kept, removed = [], []
    for block in blocks:
        words = repeats.tokens(block.text)
        found = None
        if not repeats.exempt(block.text):
            for rule in repeats.RULES:
                found = rule(block.text, words, index)
                if found:
                    break
        if found is not None:
            earlier = kept[found.of]
            removed.append(Removed(block.line, found.text, Removed.DUPLICATE, earlier.line))
            if found.keep is None:
                continue
            block = block.replace(text=found.keep)
            words = repeats.tokens(block.text)
        index.add(block.text, words)
        kept.append(block)
    return kept, removed, index
