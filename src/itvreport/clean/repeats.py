"""Repeat rules: a paragraph the page printed twice is shown once.

Three shapes, tried in this order for each block against the blocks kept
before it:

* exact repeat: the same words (case, spacing, quote style and the caption
  marker word ignored) -> drop the block;
* near-exact repeat: one or two words changed -> drop the later block (not a list
  item, nor blocks that differ only in numbers and dates: a listing's entries differ so);
* leading repeat: the block starts with an earlier block (perhaps after a
  short label such as ``VIDEO:``) and continues with new text -> keep only the
  label and the new text; the repeated part is recorded as removed.

Every lookup goes through a hash index (whole text, first/middle/last words,
opening words), so the work is linear in the size of the page, not quadratic
in the number of paragraphs.
"""

from __future__ import annotations

import re

from itvreport.patterns import lazy
from itvreport.shapes import BULLET_MARKS, MONTHS, NUMBERED, WEEKDAYS, attribution

NEAR_MIN_WORDS = 8      # shorter blocks only repeat exactly
NEAR_MAX_EDITS = 2      # "one or two words changed" ...
NEAR_EDIT_SHARE = 8     # ... or up to one word in eight in a long paragraph
LEAD_MIN_WORDS = 6      # an earlier block must be this long to count as a leading repeat
KEY_WORDS = 4           # words in each near-repeat index key
CANDIDATES = 4          # most recent earlier blocks checked per key (bounds the work per block)

_MARKER = lazy(r"\b(?:photos?|credits?|pictures?|images?):")  # applied to case-folded text
_LABEL = lazy(r"^(?P<label>[A-Z][A-Za-z ]{0,20}:)\s+")
_EDGE_PUNCT = ".,;:!?\"'()[]"
# Left out of comparable words wherever they stand: "don't" and "dont", "1,000" and
# "1000" compare equal. A word made only of these is no word, as when stripping its ends.
_ASCII_PUNCT = _EDGE_PUNCT.encode("ascii")
_QUOTES = ("’", "‘", "“", "”")


def tokens(text: str) -> list[str]:
    """Comparable words: case-folded, dash styles unified, punctuation and quotes out."""
    if text.isascii() and not (":" in text and _may_hold_marker(text)):
        # Most lines: one pass in C over the bytes lower-cases and drops punctuation
        # (ASCII case folding is lower-casing).
        return text.encode("ascii").translate(_ASCII_LOWER, _ASCII_PUNCT).decode("ascii").split()
    folded = text.casefold()
    if ":" in folded and _may_hold_marker(folded):
        folded = _MARKER.sub("credit:", folded)
    if not folded.isascii():
        for mark in _QUOTES:
            if mark in folded:
                folded = folded.replace(mark, "")
        if "–" in folded or "—" in folded:
            folded = folded.replace("–", "-").replace("—", "-")
        if not folded.isascii():
            for mark in _EDGE_PUNCT:  # a str.replace per mark present beats one regex or str.translate
                if mark in folded:
                    folded = folded.replace(mark, "")
            return folded.split()
    # ASCII once its curly quotes are out, or with a caption marker: one pass in C.
    return folded.encode("ascii").translate(None, _ASCII_PUNCT).decode("ascii").split()


_ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")


def _may_hold_marker(text: str) -> bool:
    """A cheap necessary condition for _MARKER: one of its words, in any case."""
    lower = text.lower()
    return "photo" in lower or "credit" in lower or "picture" in lower or "image" in lower


def _unify_quotes(text: str) -> str:
    # A chain of str.replace is many times faster than str.translate with a dict table.
    return (text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
            .replace("–", "-").replace("—", "-"))


def within_edits(a: tuple[str, ...] | list[str], b: tuple[str, ...] | list[str], limit: int) -> bool:
    """True when word lists ``a`` and ``b`` (both tuples or both lists: their
    slices are compared) differ by at most ``limit`` word edits."""
    if abs(len(a) - len(b)) > limit:
        return False
    # Every distinct word of one side missing from the other costs at least one
    # edit. Most candidates share only a few words with the block: this turns them
    # away in C, before any word-by-word loop.
    set_a = set(a)
    if len(set_a.difference(b)) > limit or len(set_a.symmetric_difference(b)) > 2 * limit:
        return False
    # The greedy walk gives an upper bound in one linear pass: a near repeat that
    # it aligns within the limit (most of them) needs no trimming and no table.
    if _greedy_edits(a, b, limit) <= limit:
        return True
    a, b = _trim_common(a, b)
    if not a or not b:
        return max(len(a), len(b)) <= limit
    # The same bound on what differs between the common start and end.
    set_a, set_b = set(a), set(b)
    if len(set_a - set_b) > limit or len(set_b - set_a) > limit:
        return False
    if _greedy_edits(a, b, limit) <= limit:
        return True
    if limit <= EXACT_MAX_EDITS:
        return _banded_distance(a, b, limit) <= limit
    return False


EXACT_MAX_EDITS = 8  # beyond this the table's band is too wide: align greedily instead
RESYNC = ((1, 1), (1, 0), (0, 1), (2, 2), (2, 1), (1, 2), (2, 0), (0, 2), (3, 3), (3, 0), (0, 3))


def _greedy_edits(a, b, limit):
    """An upper bound on the word edits between two long lists, in linear time.

    Walk both lists; at a difference, skip the fewest words on either side after
    which two words agree again (a changed, dropped or added word), and count
    the larger skip as the edits spent. Stops as soon as ``limit`` is passed.
    """
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        for skip_a, skip_b in RESYNC:
            if a[i + skip_a:i + skip_a + 2] == b[j + skip_b:j + skip_b + 2] and i + skip_a < len(a):
                break
        else:
            skip_a = skip_b = 1
        edits += max(skip_a, skip_b)
        if edits > limit:
            return edits
        i += skip_a
        j += skip_b
    return edits + (len(a) - i) + (len(b) - j)


def _trim_common(a, b):
    """Drop the words both lists start and end with; near repeats differ in a few words between."""
    shortest = min(len(a), len(b))
    start = 0
    while start < shortest and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    return a[start:end_a], b[start:end_b]


def _banded_distance(a, b, limit):
    """Levenshtein distance over words, computed only on the diagonals within ``limit``
    (anything beyond is reported as ``limit + 1``)."""
    over = limit + 1
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        low, high = max(1, i - limit), min(len(b), i + limit)
        current = [over] * (len(b) + 1)
        current[0] = i if i <= limit else over
        word = a[i - 1]
        best = current[0]
        for j in range(low, high + 1):
            value = previous[j - 1] + (word != b[j - 1])
            if previous[j] + 1 < value:
                value = previous[j] + 1
            if current[j - 1] + 1 < value:
                value = current[j - 1] + 1
            current[j] = value
            if value < best:
                best = value
        if best > limit:
            return over
        previous = current
    return min(previous[len(b)], over)


class Repeat:
    """What a repeat rule found: ``text`` of block repeats block ``of``; ``keep`` survives."""

    __slots__ = ("of", "text", "keep")

    def __init__(self, of, text, keep=None):
        self.of = of      # index (into the kept blocks) of the earlier block
        self.text = text  # the repeated text, as it stood on the line
        self.keep = keep  # the text to keep instead of the block (leading repeats), else None


class Probe:
    """One block as the repeat rules compare it: its text, its comparable words
    and the hash keys of all of them (``key``) and of its first, middle and last
    words, each computed once per block."""

    __slots__ = ("text", "words", "key", "near", "lead")

    def __init__(self, text: str):
        # Written out (no helper calls): every block of a page is probed.
        self.text = text
        self.words = words = tuple(tokens(text))
        self.key = hash(words)
        count = len(words)
        if count >= NEAR_MIN_WORDS:
            # Hashes of the first, middle and last few words. (A head key equal to
            # some block's tail key only costs one more comparison.)
            middle = (count - KEY_WORDS) // 2
            self.near = (hash(words[:KEY_WORDS]), hash(words[middle:middle + KEY_WORDS]),
                         hash(words[-KEY_WORDS:]))
        else:
            self.near = ()
        self.lead = hash(words[:LEAD_MIN_WORDS]) if count >= LEAD_MIN_WORDS else None


class Index:
    """Earlier kept blocks: each one's comparable words, hashed whole and by
    its first, middle and last words.

    A candidate's words are kept rather than split off a string again at each
    comparison (a split and the hashing of its fresh strings were a third of a
    10 MB page's read). Past the first ``OWN_WORDS`` blocks the words are shared
    through a vocabulary of the page, so a page of 100,000 paragraphs holds one
    string per distinct word rather than millions of word strings. A page of
    mostly distinct words (a table of codes, a list of names) would only grow
    the vocabulary: once it holds ``SHARED_WORDS`` words, later blocks keep
    their words as one string, split again when compared.
    """

    OWN_WORDS = 1024  # a typical page's blocks keep their own words (no look-ups)
    SHARED_WORDS = 1 << 17  # more distinct words than a long page of prose has

    def __init__(self):
        self.whole: dict[int, int] = {}  # hash of the words -> first block with them
        # Key -> the block with it, or a list of them once there are more (most
        # keys are a single block's: no list for them).
        self.near: dict[int, int | list[int]] = {}
        self.lead: dict[int, int | list[int]] = {}
        self.kept: list[tuple[str, ...] | str] = []  # each block's words (or them joined)
        self.vocabulary: dict[str, str] = {}

    def add(self, probe: Probe) -> int:
        position = len(self.kept)
        words = probe.words
        if position < self.OWN_WORDS:
            self.kept.append(words)
        elif len(self.vocabulary) < self.SHARED_WORDS:
            share = self.vocabulary.setdefault
            self.kept.append(tuple(map(share, words, words)))
        else:
            self.kept.append(" ".join(words))
        self.whole.setdefault(probe.key, position)
        for key in probe.near:
            _file(self.near, key, position)
        if probe.lead is not None:
            _file(self.lead, probe.lead, position)
        return position

    def words(self, position: int) -> tuple[str, ...]:
        """The comparable words of the block at ``position``."""
        words = self.kept[position]
        return tuple(words.split()) if words.__class__ is str else words

    def first_with(self, words) -> int | None:
        """The position of the first kept block with exactly these words."""
        words = tuple(words)
        earlier = self.whole.get(hash(words))
        # Blocks with other words under the same hash (never yet seen) are not it.
        return earlier if earlier is not None and self.words(earlier) == words else None


def _file(table, key, position):
    earlier = table.get(key)
    if earlier is None:
        table[key] = position
    elif earlier.__class__ is int:
        table[key] = [earlier, position]
    else:
        earlier.append(position)


def recent(table, key) -> tuple[int, ...] | list[int]:
    """The last ``CANDIDATES`` blocks filed under ``key``, the latest first."""
    found = table.get(key)
    if found is None:
        return ()
    if found.__class__ is int:
        return (found,)
    return found[:-CANDIDATES - 1:-1]


def exact_repeat(probe, index):
    earlier = index.whole.get(probe.key) if probe.words else None
    if earlier is not None and index.words(earlier) == probe.words:
        return Repeat(earlier, probe.text)
    return None


def near_repeat(probe, index):
    if not probe.near:
        return None  # too short to repeat other than exactly
    if probe.text[:1] in BULLET_MARKS or (probe.text[:1].isdigit() and NUMBERED.match(probe.text)):
        return None  # items of a listing differ in a word or two ("Monday: ...", "Wednesday: ...") and are all news
    near = index.near
    head, middle, tail = probe.near
    if head not in near and middle not in near and tail not in near:
        return None  # no earlier block shares its first, middle or last words
    keys = [key for key in probe.near if key in near]
    words = probe.words
    distinct = None
    seen = set()
    limit = max(NEAR_MAX_EDITS, len(words) // NEAR_EDIT_SHARE)
    kept = index.kept
    for key in keys:
        for earlier in recent(near, key):
            if earlier in seen:
                continue
            seen.add(earlier)
            before = kept[earlier]
            if before.__class__ is str:  # Index.words, written out: it runs for every candidate
                before = tuple(before.split())
            if abs(len(before) - len(words)) > limit:
                continue
            # Each distinct word of this block missing from the earlier one is at
            # least one edit: a candidate that shares only a phrase stops here.
            if distinct is None:
                distinct = frozenset(words)
            if len(distinct.difference(before)) > limit:
                continue
            if within_edits(before, words, limit) and not _dates_apart(before, words):
                return Repeat(earlier, probe.text)
    return None


# (comparable words are case-folded; "may" is left out: see _dates_apart)
_CALENDAR = frozenset(name.lower() for name in WEEKDAYS + MONTHS) - {"may"}


def _dates_apart(a, b) -> bool:
    """Do two near-identical blocks differ only in numbers and dates ("Bins will be emptied
    on Friday 27 December." and "... on Saturday 28 December.")? Then they are two entries
    of a listing, each news, not one printed twice."""
    differ = set(a).symmetric_difference(b)
    dated = [word for word in differ if word.isdigit() or word in _CALENDAR or word[:-2].isdigit()]
    # ("may" is a month only beside another date: "they may have been" is no listing)
    return bool(dated) and all(word in dated or word == "may" for word in differ)


def leading_repeat(probe, index):
    """The block opens with an earlier block and goes on: keep label + new text.
    Or it is only that block's opening, cut off: a repeat."""
    text, words = probe.text, probe.words
    if len(words) < LEAD_MIN_WORDS:
        return None  # it cannot hold an earlier block's opening
    opens_with_earlier = probe.lead in index.lead
    if len(words) == LEAD_MIN_WORDS:
        return _cut_off_repeat(probe, index) if opens_with_earlier else None
    labelled = ":" in text[:22]  # _LABEL's colon comes within 22 characters
    if not (opens_with_earlier or labelled):
        return None  # no earlier block starts with its first words, and no label to look past
    label = ""
    keys = [(0, probe.lead)] if opens_with_earlier else []
    found = _LABEL.match(text) if labelled else None
    if found:
        label = found.group("label")
        offset = len(tokens(label))
        keys.append((offset, hash(words[offset:offset + LEAD_MIN_WORDS])))
    for offset, key in keys:
        for earlier in recent(index.lead, key):
            before = index.words(earlier)
            end = offset + len(before)
            if len(words) > end and words[offset:end] == before:
                body = text[len(label):] if offset else text
                repeated, rest = _split_after_words(body, len(before))
                if not rest:
                    continue
                keep = f"{label} {rest}" if offset else rest
                return Repeat(earlier, repeated, keep)
    return _cut_off_repeat(probe, index) if opens_with_earlier else None


def _cut_off_repeat(probe, index):
    """The block is the opening of an earlier block, stopped short (a page cut off
    while printing a paragraph again, perhaps mid-word): a repeat, not new text.
    (Asked by ``leading_repeat``, which has found an earlier block with the same
    opening words.)"""
    words = probe.words
    for earlier in recent(index.lead, probe.lead):
        before = index.words(earlier)
        if len(before) > len(words) and before[:len(words) - 1] == words[:-1] and before[len(words) - 1].startswith(words[-1]):
            return Repeat(earlier, probe.text)
    return None


def _split_after_words(text: str, count: int) -> tuple[str, str]:
    """Split ``text`` after its first ``count`` comparable words."""
    seen = 0
    for match in re.finditer(r"\S+", text):
        if _unify_quotes(match.group()).strip(_EDGE_PUNCT):
            seen += 1
        if seen == count:
            return text[: match.end()].strip(), text[match.end():].strip()
    return text.strip(), ""


RULES = [exact_repeat, near_repeat, leading_repeat]


def find(probe, index) -> Repeat | None:
    """What the first rule (in order) finds ``probe`` repeats, if any."""
    for rule in RULES:
        found = rule(probe, index)
        if found:
            return found
    return None


LEAD_IN_MAX_WORDS = 4  # "He said:", "The judge added:": a short lead-in can open two quotes
_SAYING = frozenset({"said:", "says:", "added:", "adds:", "told:", "explained:", "continued:", "wrote:", "writes:"})


def exempt(text: str) -> bool:
    """Lines that legitimately repeat: an attribution can close two quote blocks, and
    a short lead-in ending on a verb of saying ("He said:") can open two."""
    if text[-1:] == ":":
        said = text.split()
        return len(said) <= LEAD_IN_MAX_WORDS and said[-1] in _SAYING
    return text[:1] in "–—" and attribution(text) is not None
