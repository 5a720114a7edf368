"""Shapes of lines shared by the clean and structure stages.

Each helper answers one question about one line of text. They key on shapes
(indent, punctuation, length, a marker word) rather than on exact sentences.
"""

from __future__ import annotations

from functools import lru_cache

from itvreport.patterns import lazy

BULLET_MARKS = "•◦▪●‣·∙"
BULLET = lazy(rf"^[{BULLET_MARKS}]\s+(?P<item>\S.*)$")
NUMBERED = lazy(r"^(?P<number>\d{1,3})[.)]\s+(?P<item>\S.*)$")
ATTRIBUTION = lazy(r"^[–—]\s*(?P<who>[^\s–—].*)$")
# "- Helen Forbes, chair of the residents' association": a hyphen typed for the en dash,
# only before a name and a comma (a hyphen alone also starts label lines and list items).
HYPHEN_ATTRIBUTION = lazy(r"^-\s+(?P<who>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3},\s+\S.*)$")
# Caption credit: "<caption> Photo: PA", "<caption> Credit: ITV News Anglia", "Credit: PA".
CREDIT = lazy(
    r"^(?P<caption>.*?)(?:^|\s|(?<=[.!?]))(?P<marker>Photos?|Credits?|Pictures?|Images?|Picture credit)\s*:\s*(?P<credit>.*?)$",
)
CLOSING = tuple('.!?…"\'”’)]»')
SENTENCE_MARKS = (".", "!", "?", "…")
SENTENCE_CLOSERS = "\"'”’)]"
OPENING_QUOTES = "\"“‘'"  # marks a quoted paragraph opens with


def words(text: str) -> int:
    return len(text.split())


def bullet_item(text: str) -> str | None:
    if text[:1] not in BULLET_MARKS:
        return None
    match = BULLET.match(text)
    return match.group("item") if match else None


def numbered_item(text: str) -> tuple[int, str] | None:
    if not text[:1].isdigit():
        return None
    match = NUMBERED.match(text)
    return (int(match.group("number")), match.group("item")) if match else None


# The structure rules look at the same line several times (a rule's own test, then
# another rule's look-ahead); these pure functions of one string are memoised,
# for the page being read: ``forget_lines`` empties them when a read is over, so
# a library that has read a 10 MB page does not go on holding its lines. (Pages
# share few lines: kept across pages the memos were no faster, measured on the
# 151 corpus and development pages, within 2%.)
_MEMOS = []


def memo(function):
    cached = lru_cache(maxsize=4096)(function)
    _MEMOS.append(cached)
    return cached


def forget_lines() -> None:
    """Empty every line memo (the reader calls this when it has read a page)."""
    for cached in _MEMOS:
        cached.cache_clear()


def attribution(text: str) -> str | None:
    """``– Jane Doe, chief executive`` -> ``Jane Doe, chief executive``."""
    if text[:1] not in "–—-":
        return None
    match = ATTRIBUTION.match(text) if text[0] != "-" else HYPHEN_ATTRIBUTION.match(text)
    if not match or words(text) > 16:
        return None
    return match.group("who").strip()


# The site's regional services, which name themselves on their pages ("Calendar's Rob Hale",
# "Calendar will have more on this story tonight").
REGIONAL_SERVICES = ("Anglia", "Border", "Calendar", "Central", "Granada", "Meridian", "Tyne Tees", "West Country", "UTV", "STV")


# A day in a listing, on a line of its own: "Monday", "Sunday 13 October", "13 October 2019".
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_MONTH = f"(?:{'|'.join(MONTHS)})"
_DAY_LINE = lazy(rf"^(?:(?:{'|'.join(WEEKDAYS)})(?:,? \d{{1,2}}(?:st|nd|rd|th)? {_MONTH}(?: \d{{4}})?)?"
                 rf"|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}(?: \d{{4}})?):?$")


def day_line(text: str) -> bool:
    return len(text) <= 32 and bool(_DAY_LINE.match(text))


# A fact set out as a label and its figure: "Turnout: 66.4%", "No: 88,830 (65.4%)".
_FACT_LINE = lazy(r"^[A-Z][\w'’ ]{0,30}:\s+[£$€]?\d[\d.,]*\s?%?(?:\s*\(\d[\d.,]*%?\))?$")


def fact_line(text: str) -> bool:
    return ":" in text[:32] and bool(_FACT_LINE.match(text))


CREDIT_WORDS = 6
# "Picture: supplied by the family of Ellie Marsh": a credit that says who handed the picture over.
CREDIT_WORDS_SUPPLIED = 10
_SUPPLIED = ("supplied", "courtesy", "handout", "provided by", "taken by", "family")


_NAME_JOINERS = frozenset({"and", "of", "the", "for", "&", "on", "de"})


def _a_name(credit: str) -> bool:
    """An organisation's name, capitalised word by word: "Lake District Search and Mountain
    Rescue Association" is a credit of ten words at most, as one that says who supplied it."""
    return all(word[:1].isupper() or word in _NAME_JOINERS for word in credit.split())


@memo
def split_credit(text: str) -> tuple[str, str | None] | None:
    """Split a caption line into (caption, credit); None if the line has no credit marker.

    The credit is a short source ("PA", "ITV News Anglia"); one trailing full
    stop is dropped; an empty credit gives ``None``.
    """
    if ":" not in text or not ("Photo" in text or "Credit" in text or "Picture" in text or "Image" in text):
        return None
    match = CREDIT.match(text)
    if not match:
        return None
    caption = match.group("caption").strip()
    credit = match.group("credit").strip()
    if credit.endswith(".") and not credit.endswith(".."):
        credit = credit[:-1].rstrip()
    if words(credit) > (CREDIT_WORDS_SUPPLIED if credit.lower().startswith(_SUPPLIED) or _a_name(credit) else CREDIT_WORDS) \
            or ends_like_a_sentence(credit):
        return None  # prose that happens to contain "Image:", not a credit
    if words(caption) > 60:
        return None
    return caption, (credit or None)


# "jobs.York", "grounds.1969" (not "3.5"), "38.1C.Santon" (a number's unit, a capital)
_GLUE = lazy(r"(?:(?<=[a-z0-9%)])|(?<=\d[A-Z]))\.(?=[A-Z])|(?<=[a-z%)])\.(?=\d)")
# "2011: England won by 9 runs 2007: Match drawn 2003: ...": items each opening with a year
# and a colon, run together with spaces.
_YEAR_ITEM = lazy(r"(?:^|\s)(?=(?:1[89]|20)\d\d:\s)")
YEAR_ITEMS_MIN = 3


@memo
def flattened_items(text: str) -> tuple[str, ...] | None:
    """``Leeds - 12 jobs.York - 3 jobs.Hull - 9 jobs.`` (or ``2011: Won by 9 runs 2007:
    Drawn 2003: ...``) -> the items; None for prose."""
    if text[:2] in ("18", "19", "20") and text.count(": ") >= YEAR_ITEMS_MIN:
        items = tuple(part.strip() for part in _YEAR_ITEM.split(text) if part.strip())
        if len(items) >= YEAR_ITEMS_MIN and all(words(item) <= 14 for item in items):
            return items
    # Glued items need two full stops with no space after them and text beyond.
    if text.count(".") - text.count(". ") - text.endswith(".") < 2:
        return None
    parts = _GLUE.split(text)
    if len(parts) < 3 or text.count(". ") >= len(parts) - 1:
        return None
    # Glued items lost the full stop's following space, not the full stop itself.
    items = tuple(part.strip() + "." for part in parts[:-1]) + (parts[-1].strip(),)
    if not all(part.strip() for part in parts) or any(words(item) > 14 for item in items):
        return None
    return items


def ends_like_a_sentence(text: str) -> bool:
    """A sentence mark at the end, perhaps inside closing quotes or brackets: ``done.”``."""
    return text.rstrip(SENTENCE_CLOSERS).endswith(SENTENCE_MARKS)


def ends_sentence(text: str) -> bool:
    return text.endswith(CLOSING)


TITLE_MAX_CHARACTERS = 110


def is_title_shaped(text: str, max_words: int = 14) -> bool:
    """A short line that does not end like a sentence (also not inside closing
    quotes or brackets: ``ally."``): a heading, title or label."""
    if len(text) > TITLE_MAX_CHARACTERS or words(text) > max_words:
        return False
    if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
        return False
    if text[-1] in SENTENCE_CLOSERS and text.rstrip(SENTENCE_CLOSERS).endswith((".", ",", ";", ":")):
        return False  # a sentence inside closing quotes: ``... my dearest ally."``
    first = text[0]
    return not first.islower()
