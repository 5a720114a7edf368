"""Parse a saved HTML page into an lxml tree, safely and with bounded work.

* No network and no entities: lxml's HTML parser is told never to fetch
  anything (``no_network``) and keeps libxml2's limits (``huge_tree=False``),
  so nesting deeper than libxml2's limit (255) is flattened rather than
  followed. HTML has no external entities to resolve; a DOCTYPE's internal
  subset is read as text.
* Bounded size: the page is read whole (``read.load`` already caps it), but
  only the first ``MAX_ELEMENTS`` elements take part in extraction.
* The text is already decoded (``read.decode``); it is handed to lxml as
  UTF-8 bytes with the encoding fixed, so a page's own ``<meta charset>`` or
  XML declaration cannot make lxml decode it a second time.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from itvreport.errors import NoArticleError

MAX_ELEMENTS = 60_000  # elements looked at; anything after them is ignored

_PARSER = lxml.html.HTMLParser(
    encoding="utf-8",
    no_network=True,
    remove_comments=True,
    remove_pis=True,
    huge_tree=False,
    collect_ids=False,
    default_doctype=False,
)

# Elements that never hold article text (their tail text is kept).
DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "head", "title", "link",
    "meta", "base", "button", "input", "select", "option", "optgroup", "textarea",
    "canvas", "map", "dialog", "object", "param", "source", "track", "datalist",
    "output", "progress", "meter", "menu", "label",
    "rt", "rp",  # a ruby annotation: the reading of the characters beside it, not more text
})


def parse(text: str):
    """The ``<html>`` element of ``text``, with comments and processing instructions gone."""
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=_PARSER)
    except (lxml.etree.ParserError, ValueError):
        root = None
    if root is None or not isinstance(root.tag, str):
        raise NoArticleError("no article found: the HTML page has no content")
    return root


def head_and_body(root):
    """``(head, body)`` elements; either may be ``None``."""
    head = body = None
    for child in root:
        if child.tag == "head" and head is None:
            head = child
        elif child.tag == "body" and body is None:
            body = child
    return head, body


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


# Class words of text written for screen readers only ("Image caption", "Image copyright",
# "Opens in a new window"): a sighted reader never sees it on the page.
SCREEN_READER_ONLY = frozenset({
    "sr-only", "sr-text", "screen-reader-text", "screen-reader-only", "screenreader-only", "visually-hidden",
    "visuallyhidden", "u-visually-hidden", "is-visually-hidden", "off-screen", "offscreen", "element-invisible",
    "a11y-hidden", "assistive-text", "hidden-visually",
})


def is_hidden(element) -> bool:
    """Hidden from sighted readers: ``hidden``, ``aria-hidden="true"``, ``display: none``, or a
    class that keeps it for screen readers only (``screen_reader_labels`` rule)."""
    get = element.get
    if get("hidden") is not None or get("aria-hidden") == "true":
        return True
    style = get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    classes = get("class")
    if not classes or ("sr-" not in classes and "creen" not in classes and "idden" not in classes
                       and "nvisible" not in classes and "ssistive" not in classes):
        return False
    return screen_reader_only(classes)


def screen_reader_only(classes: str) -> bool:
    return not SCREEN_READER_ONLY.isdisjoint(classes.lower().split())
