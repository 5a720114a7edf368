"""Which rules to try on a line, chosen by its first character.

Most rules can only match lines that start a certain way: a bullet mark, a
digit, a dash, a capital. A rule says so with :func:`starts`; a reader then
looks a line's first character up in a :class:`Table` and tries only the
rules that allow it, in their list order. Rules that declare nothing are
tried on every line. This is how markdown-it picks block rules by a line's
first character, and it keeps each rule a small function that also works
when called on its own.
"""

from __future__ import annotations


def starts(first):
    """Declare the first characters a rule's lines can have: a string of them,
    or a test of one character (``str.isdigit``)."""
    allowed = first.__contains__ if isinstance(first, str) else first

    def mark(rule):
        rule.starts = allowed
        return rule

    return mark


def allows(rule, first: str) -> bool:
    test = getattr(rule, "starts", None)
    return test is None or bool(test(first))


class Table(dict):
    """First character -> the entries of the rules that allow it, filled as
    characters turn up. ``entry(rule)`` is what is stored for each rule."""

    __slots__ = ("rules", "entry")

    def __init__(self, rules: tuple, entry):
        super().__init__()
        self.rules = rules
        self.entry = entry

    def __missing__(self, first: str) -> list:
        found = self[first] = [self.entry(rule) for rule in self.rules if allows(rule, first)]
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
