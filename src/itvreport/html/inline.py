"""What the walk reads of an element: its inline text, and what a sighted reader never sees.

``inline_text`` gives the one-line text of everything under an element and how much of
it is inside links; a block element inside it is set off by a space. Left out, as the
walk leaves them out (``unseen``, tested for every element of the page): dropped tags
(``dom.DROP_TAGS``), hidden and screen-reader-only elements, and hover cards (a card
of links that pops up over a name). ``noscript_text`` tells a ``<noscript>`` that holds
the page's text from a short notice. The element handlers (``mapping``) and the
caption, code and table readers all read text through here.
"""

from __future__ import annotations

import re

from itvreport.html import dom
from itvreport.read import clean_text

# Elements that stand as blocks of their own: text either side of one is not run together.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "html",
    "frameset", "frame", "iframe", "video", "audio", "embed", "img", "picture", "amp-img",
    "amp-iframe", "amp-video", "amp-youtube", "amp-twitter", "amp-instagram", "ins",
})

# Parts of class words, split at "-", "_" and camelCase humps: "img__credit" -> img, credit.
WORD_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def squash(text: str) -> str:
    return " ".join(clean_text(text).split())


def class_and_id(element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


_POPUP_PARTS = frozenset({"rollover", "tooltip", "popover", "hovercard", "popup", "flyout"})
_POPUP_HINT = re.compile(r"[Rr]ollover|[Tt]ooltip|[Pp]opover|[Hh]overcard|[Pp]opup|[Ff]lyout")


def hover_card(element) -> bool:
    """A card that pops up over a name or link (``hover_cards`` rule): the innermost element
    named so by its class, with all of its text in links (the person's page, their latest
    stories). A tooltip around a plain word is text and stays."""
    classes = element.get("class")
    if not classes or element.tag == "a" or not _unseen_hint(classes):
        return False  # the link that opens a card is the text; the card is beside it
    if _POPUP_PARTS.isdisjoint(part.lower() for word in classes.split() for part in WORD_PARTS.findall(word)):
        return False
    if any(_POPUP_HINT.search(node.get("class") or "") for node in element.iterdescendants() if isinstance(node.tag, str)):
        return False  # a wrapper round the name and its card: only the card itself goes
    text = "".join(element.itertext()).strip()
    linked = sum(len("".join(a.itertext()).strip()) for a in element.iter("a"))
    return bool(text) and linked >= len(text.replace(" ", "")) * 0.9


# Pieces of the class words of both kinds of unseen text below: a first look, in plain
# substring tests (several times faster than one regular expression, and it runs for
# every element of the page).
_UNSEEN_PIECES = ("sr-", "creen", "idden", "nvisible", "ssistive", "ollover", "ooltip", "opover", "overcard", "opup", "lyout")


def _unseen_hint(classes: str) -> bool:
    for piece in _UNSEEN_PIECES:
        if piece in classes:
            return True
    return False


def unseen(child, captions=False) -> bool:
    """Not seen by a sighted reader (``dom.is_hidden``, a hover card); in a caption,
    ``aria-hidden`` text is the visible caption (the site gives screen readers another
    copy), so it is read there. The same test as ``dom.is_hidden`` then ``hover_card``,
    with the class looked at once: it runs for every element of the page."""
    get = child.get
    if get("hidden") is not None or (get("aria-hidden") == "true" and not captions):
        return True
    style = get("style")
    if style and dom._HIDDEN_STYLE.search(style):
        return True
    classes = get("class")
    if not classes or not _unseen_hint(classes):
        return False
    return dom.screen_reader_only(classes) or hover_card(child)


def inline_text(element, skip=frozenset(), captions=False):
    """``(text, link characters)`` of everything under ``element`` (hidden and dropped parts out).
    A block element inside (a ``<p>`` in a caption, a ``<div>`` in a list item) is set off by a
    space, so its text is not glued to its neighbour's (``block_spacing`` rule)."""
    pieces, links = [], 0

    def visit(node, in_link):
        nonlocal links
        if node.text:
            pieces.append(node.text)
            if in_link:
                links += len(node.text.strip())
        for child in node:
            tag = child.tag
            if isinstance(tag, str) and tag not in dom.DROP_TAGS and tag not in skip and not unseen(child, captions):
                if tag == "br":
                    pieces.append(" ")
                elif tag in BLOCK_TAGS:
                    pieces.append(" ")
                    visit(child, in_link or tag == "a")
                    pieces.append(" ")
                else:
                    visit(child, in_link or tag == "a")
            if child.tail:
                pieces.append(child.tail)
                if in_link:
                    links += len(child.tail.strip())

    visit(element, element.tag == "a")
    return squash("".join(pieces)), links


NOSCRIPT_TEXT = 200  # characters of text that make a <noscript> the page's text rather than a notice


def noscript_text(element) -> bool:
    """A ``<noscript>`` holding the page's text for readers without scripts (``noscript_text``
    rule): a blog that fills its posts in by script keeps a copy there. A short one (a
    tracking picture, "please enable JavaScript") stays out."""
    if element.tag != "noscript":
        return False
    size = 0
    for piece in element.itertext():
        size += len(piece.strip())
        if size >= NOSCRIPT_TEXT:
            return True
    return False
