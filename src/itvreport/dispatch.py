"""Which rules to try on a line, chosen by its first and last characters.

Most rules can only match lines of a certain shape: starting with a bullet
mark, a digit, a dash or a capital; ending with a colon or without a full
stop; holding a colon. A rule says so with :func:`starts`, :func:`ends` and
:func:`contains`; a reader then looks the line's key (:func:`line_key`, or
just its first character) up in a :class:`Table` and tries only the rules
that allow it, in their list order. Rules that declare nothing are tried on
every line. This is how markdown-it picks block rules by a line's first
character, and it keeps each rule a small function that also works when
called on its own (each still checks its own shape).
"""

from __future__ import annotations

ELLIPSIS = "…"  # the last-character class of a line ending in "..." as well as "…"


def starts(first):
    """Declare the first characters a rule's lines can have: a string of them,
    or a test of one character (``str.isdigit``)."""
    return _declare("starts", first)


def ends(last):
    """Declare the last characters a rule's lines can have (a line ending in
    ``...`` counts as ending in ``…``): a string of them, or a test."""
    return _declare("ends", last)


def contains(mark: str):
    """Declare that a rule's lines always hold ``mark`` (only ``":"`` is keyed)."""
    if mark != ":":
        raise ValueError("line keys only record whether a line holds a colon")

    def declare(rule):
        rule.contains_colon = True
        return rule

    return declare


def _declare(name, chars):
    allowed = chars.__contains__ if isinstance(chars, str) else chars

    def declare(rule):
        setattr(rule, name, allowed)
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
