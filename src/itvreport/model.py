"""The article: plain immutable data, shared by every stage after ``structure``.

Records are small slotted classes rather than dataclasses: ``dataclasses``
pulls in ``inspect`` and costs several milliseconds of start-up on every run.

Every block carries ``line``, the 1-based input line it starts on. It is used
to place removed lines beside the content in ``--explain`` output; it is not
part of the JSON contract.

Schema 2 added two block types, ``code`` and ``table`` (only HTML pages give
them); every schema-1 key keeps its meaning and type.
"""

from __future__ import annotations

SCHEMA_VERSION = 2


_NO_DEFAULT = object()
_set = object.__setattr__


def _make_init(cls):
    """Build ``cls.__init__`` with one named parameter per field, as namedtuple does.

    Records are made by the thousand on every page; a generated ``__init__`` is
    several times faster than a generic one that loops over ``_fields``.

    A record class that defines its own ``__init__`` keeps it. The classes
    below do: compiling nine generated ones cost about half a millisecond of
    every run's start-up. Theirs are written out the same way (one parameter
    per field in ``_fields`` order, defaults from ``_defaults``), and a test
    checks that they match what this function would generate.
    """
    params, body = [], []
    for name in cls._fields:
        default = cls._defaults.get(name, _NO_DEFAULT)
        params.append(name if default is _NO_DEFAULT else f"{name}=_defaults[{name!r}]")
        body.append(f"    _set(self, {name!r}, {name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or "    pass") + "\n"
    namespace = {"_set": object.__setattr__, "_defaults": cls._defaults}
    exec(source, namespace)  # noqa: S102 - source is built from the class's own field names
    return namespace["__init__"]


class _Record:
    """Immutable record: keyword construction, equality by fields, a readable repr."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    _defaults: dict = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "__init__" not in cls.__dict__:
            cls.__init__ = _make_init(cls)

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name):
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _values(self):
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self):
        return hash((type(self).__name__, self._values()))

    def __reduce__(self):
        # Pickle (batch mode's worker processes) by fields: the default for slotted
        # classes restores through __setattr__, which records refuse.
        return (type(self), self._values())

    def __repr__(self):
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({inner})"

    def replace(self, **changes):
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)


# --- blocks -----------------------------------------------------------------


class Paragraph(_Record):
    __slots__ = ("text", "line")
    _fields = ("text", "line")
    _defaults = {"line": 0}
    type = "paragraph"

    def __init__(self, text, line=0):
        _set(self, "text", text)
        _set(self, "line", line)

    def to_dict(self):
        return {"type": "paragraph", "text": self.text}


class Heading(_Record):
    __slots__ = ("text", "line")
    _fields = ("text", "line")
    _defaults = {"line": 0}
    type = "heading"

    def __init__(self, text, line=0):
        _set(self, "text", text)
        _set(self, "line", line)

    def to_dict(self):
        return {"type": "heading", "text": self.text}


class Image(_Record):
    """A picture that is no longer there: its caption and credit remain."""

    __slots__ = ("caption", "credit", "line")
    _fields = ("caption", "credit", "line")
    _defaults = {"credit": None, "line": 0}
    type = "image"

    def __init__(self, caption, credit=None, line=0):
        _set(self, "caption", caption)
        _set(self, "credit", credit)
        _set(self, "line", line)

    def to_dict(self):
        return {"type": "image", "caption": self.caption, "credit": self.credit}


class Media(_Record):
    """A note that stood for a video or other embed that is no longer there."""

    __slots__ = ("text", "line")
    _fields = ("text", "line")
    _defaults = {"line": 0}
    type = "media"

    def __init__(self, text, line=0):
        _set(self, "text", text)
        _set(self, "line", line)

    def to_dict(self):
        return {"type": "media", "text": self.text}


class Quote(_Record):
    __slots__ = ("paragraphs", "attribution", "line")
    _fields = ("paragraphs", "attribution", "line")
    _defaults = {"attribution": None, "line": 0}
    type = "quote"

    def __init__(self, paragraphs, attribution=None, line=0):
        _set(self, "paragraphs", paragraphs)
        _set(self, "attribution", attribution)
        _set(self, "line", line)

    def to_dict(self):
        return {"type": "quote", "paragraphs": list(self.paragraphs), "attribution": self.attribution}


class ListBlock(_Record):
    __slots__ = ("items", "ordered", "line")
    _fields = ("items", "ordered", "line")
    _defaults = {"ordered": False, "line": 0}
    type = "list"

    def __init__(self, items, ordered=False, line=0):
        _set(self, "items", items)
        _set(self, "ordered", ordered)
        _set(self, "line", line)

    def to_dict(self):
        return {"type": "list", "ordered": self.ordered, "items": list(self.items)}


class Code(_Record):
    """Code or other preformatted text, verbatim: its lines, indentation and tabs as the page
    had them. ``language``: what the page marked it as (``python``), or None."""

    __slots__ = ("text", "language", "line")
    _fields = ("text", "language", "line")
    _defaults = {"language": None, "line": 0}
    type = "code"

    def __init__(self, text, language=None, line=0):
        _set(self, "text", text)
        _set(self, "language", language)
        _set(self, "line", line)

    def to_dict(self):
        return {"type": "code", "text": self.text, "language": self.language}


class Table(_Record):
    """A table of data: ``rows`` a tuple of rows, each a tuple of cell strings (one line each,
    whitespace collapsed; a cell may be empty); ``header`` the header row's cells, or None."""

    __slots__ = ("rows", "header", "line")
    _fields = ("rows", "header", "line")
    _defaults = {"header": None, "line": 0}
    type = "table"

    def __init__(self, rows, header=None, line=0):
        _set(self, "rows", rows)
        _set(self, "header", header)
        _set(self, "line", line)

    def to_dict(self):
        return {
            "type": "table",
            "header": list(self.header) if self.header is not None else None,
            "rows": [list(row) for row in self.rows],
        }


BLOCK_TYPES = (Paragraph, Heading, Image, Media, Quote, ListBlock, Code, Table)


# --- metadata -----------------------------------------------------------------


class Removed(_Record):
    """A line (or part of one) that the cleaner dropped, and why."""

    __slots__ = ("line", "text", "reason", "of")
    _fields = ("line", "text", "reason", "of")
    _defaults = {"of": None}

    BOILERPLATE = "boilerplate"
    DUPLICATE = "duplicate"

    def __init__(self, line, text, reason, of=None):
        _set(self, "line", line)
        _set(self, "text", text)
        _set(self, "reason", reason)
        _set(self, "of", of)

    def to_dict(self):
        return {"line": self.line, "text": self.text, "reason": self.reason, "of": self.of}


class LiveStory(_Record):
    """The parent story of an update page (one item of a live-updates story)."""

    __slots__ = ("title", "summary")
    _fields = ("title", "summary")
    _defaults = {"summary": ()}

    def __init__(self, title, summary=()):
        _set(self, "title", title)
        _set(self, "summary", summary)

    def to_dict(self):
        return {"title": self.title, "summary": list(self.summary)}


WORDS_PER_MINUTE = 230


class Article(_Record):
    __slots__ = (
        "source", "format", "headline", "date", "byline", "live_story",
        "truncated", "blocks", "removed", "words",
    )
    _fields = __slots__
    _defaults = {
        "source": "-", "format": "text", "headline": None, "date": None, "byline": None,
        "live_story": None, "truncated": False, "blocks": (), "removed": (), "words": 0,
    }

    def __init__(self, source="-", format="text", headline=None, date=None, byline=None,
                 live_story=None, truncated=False, blocks=(), removed=(), words=0):
        _set(self, "source", source)
        _set(self, "format", format)
        _set(self, "headline", headline)
        _set(self, "date", date)
        _set(self, "byline", byline)
        _set(self, "live_story", live_story)
        _set(self, "truncated", truncated)
        _set(self, "blocks", blocks)
        _set(self, "removed", removed)
        _set(self, "words", words)

    @property
    def reading_minutes(self) -> int:
        """Whole minutes to read at an ordinary pace; at least 1 for any text."""
        if not self.words:
            return 0
        return max(1, round(self.words / WORDS_PER_MINUTE))

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA_VERSION,
            "source": self.source,
            "format": self.format,
            "headline": self.headline,
            "date": self.date,
            "byline": self.byline,
            "live_story": self.live_story.to_dict() if self.live_story else None,
            "truncated": self.truncated,
            "blocks": [block.to_dict() for block in self.blocks],
            "removed": [item.to_dict() for item in self.removed],
            "words": self.words,
        }


def block_texts(block) -> list[str]:
    """The reader-facing strings of a block, in order (credit excluded)."""
    kind = block.type
    if kind == "quote":
        texts = list(block.paragraphs)
        if block.attribution:
            texts.append(block.attribution)
        return texts
    if kind == "list":
        return list(block.items)
    if kind == "image":
        return [block.caption] if block.caption else []
    if kind == "table":
        cells = [cell for cell in block.header or () if cell]
        for row in block.rows:
            cells.extend(cell for cell in row if cell)
        return cells
    return [block.text]


_IDEOGRAPH = None


def _has_ideographs(text: str) -> bool:
    """Does ``text`` hold a Han, hiragana or katakana character (then ``count_words``
    counts more than the runs between spaces)?"""
    if text.isascii():
        return False
    global _IDEOGRAPH
    if _IDEOGRAPH is None:
        import re

        _IDEOGRAPH = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
    return _IDEOGRAPH.search(text) is not None


def count_words(text: str) -> int:
    """Words in ``text``: runs between spaces, except that in Chinese and Japanese, written
    without spaces, every Han, hiragana and katakana character counts as a word (as word
    processors count them; at ``WORDS_PER_MINUTE`` that is near the speed such text is read
    at); punctuation left between them is not a word. Korean puts spaces between words and
    is counted by them."""
    if not _has_ideographs(text):
        return len(text.split())
    wide = len(_IDEOGRAPH.findall(text))
    # what is left between them counts by spaces, punctuation (。「」) alone not
    return wide + sum(1 for token in _IDEOGRAPH.sub(" ", text).split() if any(ch.isalnum() for ch in token))


def article_words(headline: str | None, blocks, known=None) -> int:
    """Words a reader reads: headline and every block's text, credits excluded
    (``count_words``). A code block's words are its whitespace-separated pieces
    (``def main():`` is two); a table's, those of every cell, the header's included.

    ``known`` may map texts to their word counts, already taken (the reader has
    counted every input line, by spaces); other texts, and any that hold ideographs,
    are counted here."""
    known = known or {}
    total = count_words(headline) if headline else 0
    for block in blocks:
        for text in block_texts(block):
            count = known.get(text)
            # One text at a time: a long page's words are never all held at once.
            total += count_words(text) if count is None or (not text.isascii() and _has_ideographs(text)) else count
    return total
