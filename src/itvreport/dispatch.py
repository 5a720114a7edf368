"""Which rules to try on a line, chosen by its first and last characters.

Most rules can only match lines of a certain shape: starting with a bullet
mark, a digit, a dash or a capital; ending with a colon or without a full
stop; holding a colon; short. A rule says so with :func:`shape`; a reader then looks the line's key (:func:`line_key`, or
just its first character) up in a :class:`Table` and tries only the rules
that allow it, in their list order. Rules that declare nothing are tried on
every line. This is how markdown-it picks block rules by a line's first
character, and it keeps each rule a small function that also works when
called on its own (each still checks its own shape).
"""

from __future__ import annotations

ELLIPSIS = "…"  # the last-character class of a line ending in "..." as well as "…"


def shape(*, first=None, last=None, colon=False, max_words=None):
    """Declare the lines a rule can match; every part is optional:

    * ``first``: the characters a line can start with (a string of them, or a test
      of one character such as ``str.isdigit``);
    * ``last``: the characters it can end with (a line ending in ``...`` counts as
      ending in ``…``), likewise;
    * ``colon``: it always holds a colon;
    * ``max_words``: it is never longer (chrome is short: the cleaner skips a rule
      for any longer line, so prose passes without running every rule's patterns).

    The rule still checks its own shape: a declaration only lets the reader skip it
    for lines it could not match (``tests/test_fast_paths.py`` reads every fixture
    and generated page with and without the declarations, and wants the same).
    """

    def declare(rule):
        if first is not None:
            rule.starts = first.__contains__ if isinstance(first, str) else first
        if last is not None:
            rule.ends = last.__contains__ if isinstance(last, str) else last
        if colon:
            rule.contains_colon = True
        if max_words is not None:
            rule.max_words = max_words
        return rule

    return declare


def line_key(text: str) -> str:
    """First character, last-character class and whether there is a colon: ``"T.0"``."""
    last = text[-1]
    if last == "." and text.endswith("..."):
        last = ELLIPSIS
    return text[0] + last + ("1" if ":" in text else "0")


def allows(rule, key: str) -> bool:
    """May ``rule`` match a line with this key (its first character alone, or a :func:`line_key`)?"""
    test = getattr(rule, "starts", None)
    if test is not None and not test(key[0]):
        return False
    if len(key) == 3:
        test = getattr(rule, "ends", None)
        if test is not None and not test(key[1]):
            return False
        if getattr(rule, "contains_colon", False) and key[2] != "1":
            return False
    return True


class Table(dict):
    """Line key -> the entries of the rules that allow it, filled as keys turn
    up. ``entry(rule)`` is what is stored for each rule."""

    __slots__ = ("rules", "entry")

    def __init__(self, rules: tuple, entry):
        super().__init__()
        self.rules = rules
        self.entry = entry

    def __missing__(self, key: str) -> list:
        found = self[key] = [self.entry(rule) for rule in self.rules if allows(rule, key)]
        return found


_TABLES: dict[tuple, Table] = {}


def _itself(rule):
    return rule


def table(rules, entry=_itself) -> Table:
    """The table for this list of rules (kept while the list stays the same)."""
    rules = tuple(rules)
    key = (rules, entry)
    found = _TABLES.get(key)
    if found is None:
        if len(_TABLES) >= 32:
            _TABLES.clear()  # rule lists changed (tests swap them): start afresh
        found = _TABLES[key] = Table(rules, entry)
    return found
