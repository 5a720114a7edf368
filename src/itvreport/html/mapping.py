"""Element -> block mapping: walk the page once and cut it into text units.

A *unit* is the smallest piece of the page the later steps judge: one
paragraph, heading, list item, quote paragraph, table row, picture or embed.
Each unit remembers the chain of block elements above it (``path``), so the
main-content finder (``extract``) can score containers, and the grouping
below can rebuild lists and quotes from their units.

What each element becomes (``HANDLERS``, by tag name; ``is_caption`` by class):

* ``p``, ``div`` and other containers: their inline text is a paragraph
  (two ``<br>`` in a row split it);
* ``h1``-``h6``: a heading;
* ``ul``/``ol``: one item per ``li`` (nested lists are flattened into the list);
* ``blockquote``: quote paragraphs, with ``cite``/``footer`` as attribution;
* ``figure`` (``figcaption``, ``img alt``), a lone captioned ``img``, an element
  whose class names it a caption or credit, and a paragraph that ends with its
  credit in brackets (``... (Image: PA)``): a picture with its credit;
* ``video``, ``audio``, ``iframe``, ``embed``: a media note;
* ``pre`` (with or without ``code`` inside): a code block, verbatim, with the
  language its class names (inline ``code`` in a paragraph stays text);
* a data ``table`` laid out as a grid (two columns or more, a header row or two
  rows or more, short cells): a table block, its header from ``thead`` or a
  first row of ``th``; another table of short cells: one paragraph per row;
  a layout table (nested tables, cells of prose, code): read as a container.

Scripts, styles, forms and hidden elements are skipped (``dom.DROP_TAGS``); a
``<noscript>`` that holds the page's text for readers without scripts is read.
"""

from __future__ import annotations

import re

from itvreport.html import dom
from itvreport.model import Code, Heading, Image, ListBlock, Media, Paragraph, Quote, Table
from itvreport.read import clean_text
from itvreport.shapes import split_credit

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "html",
    "frameset", "frame", "iframe", "video", "audio", "embed", "img", "picture", "amp-img",
    "amp-iframe", "amp-video", "amp-youtube", "amp-twitter", "amp-instagram", "ins",
})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
MEDIA_TAGS = frozenset({"video", "audio", "iframe", "embed", "amp-iframe", "amp-video", "amp-youtube", "frame"})
MAX_UNITS = 20_000


class Unit:
    """One piece of the page: a paragraph, heading, list item, quote paragraph, picture or embed."""

    __slots__ = ("kind", "text", "links", "line", "path", "group", "extra", "index")

    def __init__(self, kind, text, links, line, path, group=None, extra=None):
        self.kind = kind    # "text", "heading", "item", "quote", "cite", "row", "image", "media", "teaser", "code"
        self.text = text    # one line, whitespace collapsed
        self.links = links  # characters of text inside links
        self.line = line    # source line of the element
        self.path = path    # block elements from <body> down to the one holding the text
        self.group = group  # the list or blockquote element that groups units
        self.extra = extra  # heading level, list ordered flag, (caption, credit), (code, language) or (role, cells)
        self.index = 0      # position in page order

    def __repr__(self):
        return f"Unit({self.kind}, {self.text[:40]!r}, line={self.line})"


def squash(text: str) -> str:
    return " ".join(clean_text(text).split())


# --- inline text -----------------------------------------------------------------------


_POPUP_PARTS = frozenset({"rollover", "tooltip", "popover", "hovercard", "popup", "flyout"})
_POPUP_HINT = re.compile(r"[Rr]ollover|[Tt]ooltip|[Pp]opover|[Hh]overcard|[Pp]opup|[Ff]lyout")


def hover_card(element) -> bool:
    """A card that pops up over a name or link (``hover_cards`` rule): the innermost element
    named so by its class, with all of its text in links (the person's page, their latest
    stories). A tooltip around a plain word is text and stays."""
    classes = element.get("class")
    if not classes or element.tag == "a" or not _unseen_hint(classes):
        return False  # the link that opens a card is the text; the card is beside it
    if _POPUP_PARTS.isdisjoint(part.lower() for word in classes.split() for part in _WORD_PARTS.findall(word)):
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


def _unseen(child, captions=False) -> bool:
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


def _inline_text(element, skip=frozenset(), captions=False):
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
            if isinstance(tag, str) and tag not in dom.DROP_TAGS and tag not in skip and not _unseen(child, captions):
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


def _noscript_text(element) -> bool:
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


# --- the walk -------------------------------------------------------------------------------


class Walker:
    """Cuts a page into units in one pass, keeping a stack of block ancestors."""

    def __init__(self):
        self.units: list[Unit] = []
        self.stack: list = []
        self.pieces: list[str] = []
        self.links = 0
        self.line = 0
        self.breaks = 0
        self.in_link = 0
        self.seen = 0

    # inline text flow of the current block
    def add(self, text, line=None):
        if not text:
            return
        if text.strip():
            if self.breaks >= 2:
                self.flush()
            self.breaks = 0
            if not self.pieces and line:
                self.line = line
            if self.in_link:
                self.links += len(text.strip())
        self.pieces.append(text)

    def flush(self):
        self.breaks = 0
        if not self.pieces:
            return
        text = squash("".join(self.pieces))
        links = self.links
        self.pieces, self.links = [], 0
        if text:
            owner = self.stack[-1] if self.stack else None
            line = self.line or (owner.sourceline if owner is not None else 0) or 0
            credited = _PAREN_CREDIT.match(text)
            if credited and len(text) <= CAPTION_MAX:
                caption = credited.group("caption").strip()
                self.emit("image", caption, 0, line, extra=(caption, credited.group("credit").strip(), False))
            else:
                self.emit("text", text, links, line)

    def emit(self, kind, text, links, line, group=None, extra=None, path=None):
        if len(self.units) >= MAX_UNITS:
            return
        unit = Unit(kind, text, links, line or 0, path if path is not None else tuple(self.stack), group, extra)
        unit.index = len(self.units)
        self.units.append(unit)

    # elements
    def children(self, element):
        for child in element:
            self.visit(child)

    def visit(self, element):
        self.seen += 1
        tag = element.tag
        if self.seen > dom.MAX_ELEMENTS or not isinstance(tag, str):
            self.add(element.tail)
            return
        if (tag in dom.DROP_TAGS and not _noscript_text(element)) or _unseen(element):
            self.add(element.tail, element.sourceline)
            return
        handler = HANDLERS.get(tag)
        if handler is None and tag in CAPTION_TAGS and is_caption(element):
            handler = _caption
        if handler is not None:
            self.flush()
            self.stack.append(element)
            handler(self, element)
            self.stack.pop()
            self.add(element.tail, element.sourceline)
        elif tag in BLOCK_TAGS:
            self.container(element)
            self.add(element.tail, element.sourceline)
        elif tag == "br":
            self.breaks += 1
            self.add(" ")
            self.add(element.tail, element.sourceline)
        else:
            link = tag == "a"
            self.in_link += link
            self.add(element.text, element.sourceline)
            self.children(element)
            self.in_link -= link
            self.add(element.tail, element.sourceline)

    def container(self, element):
        self.flush()
        self.stack.append(element)
        self.add(element.text, element.sourceline)
        self.children(element)
        self.flush()
        self.stack.pop()


# --- handlers: one per kind of element ------------------------------------------------------


_HEADING_HOLDS = frozenset({"p", "div", "ul", "ol", "blockquote", "table", "figure", "section", "article", "h1", "h2", "h3"})


def _heading(walker, element):
    """A heading; one that holds paragraphs or boxes (a heading left open by broken markup
    swallows what follows it) is read as the container it has become (``open_heading`` rule)."""
    for count, node in enumerate(element.iterdescendants()):
        if count > 200:
            break
        if node.tag in _HEADING_HOLDS:
            walker.add(element.text, element.sourceline)
            walker.children(element)
            walker.flush()
            return
    text, links = _inline_text(element)
    if text:
        walker.emit("heading", text, links, element.sourceline, extra=HEADINGS[element.tag])


_LIST_BLOCKS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "figure", "table", "blockquote", "article", "section", "img", "picture"})


def _rich_item(li) -> bool:
    """A list item that is really a container (a teaser card, a layout cell)."""
    blocks = 0
    for node in li.iter():
        tag = node.tag
        if tag in _LIST_BLOCKS:
            return True
        if tag in ("p", "div") and node is not li:
            blocks += 1
    return blocks >= 3


def _list(walker, element):
    ordered = element.tag == "ol"
    for li in element:
        if not isinstance(li.tag, str) or li.tag in dom.DROP_TAGS or dom.is_hidden(li):
            continue
        if li.tag in ("ul", "ol"):
            _list(walker, li)
        elif li.tag != "li" or _rich_item(li):
            walker.visit(li)
        else:
            text, links = _inline_text(li, skip=frozenset({"ul", "ol"}))
            if text:
                walker.emit("item", text, links, li.sourceline, group=element, extra=ordered)
            for nested in li:
                if nested.tag in ("ul", "ol"):
                    walker.stack.append(nested)
                    _list_into(walker, nested, element, ordered)
                    walker.stack.pop()
        walker.flush()


def _list_into(walker, nested, group, ordered):
    """Items of a nested list join the outer list."""
    for li in nested.iter("li"):
        text, links = _inline_text(li, skip=frozenset({"ul", "ol"}))
        if text:
            walker.emit("item", text, links, li.sourceline, group=group, extra=ordered)


_CITE_TAGS = frozenset({"cite", "footer", "figcaption"})
_DASH_ATTRIBUTION = re.compile(r"^\s*[—–-]{1,2}\s*")


def _quote(walker, element):
    """Quote paragraphs; a ``cite``/``footer`` child (or a closing ``— Name`` line) attributes it."""
    start = len(walker.units)
    walker.add(element.text, element.sourceline)
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag in _CITE_TAGS and not dom.is_hidden(child):
            text, links = _inline_text(child)
            walker.flush()
            if text:
                walker.emit("cite", _DASH_ATTRIBUTION.sub("", text), links, child.sourceline, group=element)
            walker.add(child.tail, child.sourceline)
        else:
            walker.visit(child)
    walker.flush()
    for unit in walker.units[start:]:
        if unit.kind == "text":
            unit.kind = "quote"
            unit.group = element


_CREDIT_CLASS = re.compile(r"credit|copyright|source|photographer|attribution|byline|author", re.IGNORECASE)
_CREDIT_PROPS = frozenset({"copyrightholder", "copyrightnotice", "creator", "credittext"})
_CREDIT_TAIL = re.compile(
    r"^(?P<caption>.*?)[\s(\[]*(?:(?:Photo(?:graph)?|Picture|Image|Credit|Foto|Source)s?\s*(?:credit)?\s*[:|]|©|\(c\))\s*(?P<credit>[^()\[\]]{1,80}?)[)\]]?\s*$",
    re.IGNORECASE,
)
# The label before a credit: "Photo:", "Image copyright", "Credit...", "Photograph by", "©".
_CREDIT_LABEL = re.compile(
    r"^\s*(?:(?:photo(?:graph)?|picture|image|pic)s?\s*(?:credit|copyright)?\s*(?::|\.{2,}|…)|"
    r"(?:photo(?:graph)?|picture|image|pic)s?\s+(?:credit|copyright|by|source)\b\s*:?|credits?\s*(?::|\.{2,}|…)|"
    r"file\s*:|©|\(c\)|copyright\b\s*:?)\s*",
    re.IGNORECASE,
)
# Picture agencies: a credit that names one of these is a credit wherever it stands.
AGENCY = re.compile(
    r"^(?:AP|PA|AFP|EPA|UPI|Reuters|Getty(?: Images)?|Shutterstock|Alamy|iStock(?:photo)?|Bloomberg|Xinhua|dpa|ANSA|"
    r"Associated Press|Press Association|(?:AP|PA|AFP|EPA|Reuters)(?: (?:Photo|Images?))?)(?: (?:file|photo|images?))*$",
    re.IGNORECASE,
)
_SLASH_WORD = re.compile(r"^(?:[A-Z][\w.'’&\-]*|file|via|for|of|and|de|van|von|der|la|le|du|di|da)$")


def _slash_credit(text: str) -> bool:
    """``Doug Mills/The New York Times``, ``REUTERS/Brendan McDermid/File Photo``: names and an
    agency joined by slashes."""
    if "/" not in text or len(text) > 90 or "//" in text:
        return False
    parts = [part.strip() for part in text.split("/")]
    if not all(part and len(part.split()) <= 6 and all(_SLASH_WORD.match(word) for word in part.split()) for part in parts):
        return False
    return any(len(part.split()) >= 2 or AGENCY.match(part) for part in parts)  # not "CA/NV"


def credit_shaped(text: str) -> bool:
    """A whole string that is a picture credit: ``Getty Images``, ``AP Photo/Jane Doe``,
    ``Joshua Roberts/Reuters``, ``Patrick Semansky, ASSOCIATED PRESS``, ``File: Reuters``."""
    text = text.strip()
    if not text or len(text) > 100:
        return False
    text = re.sub(r"^(?:file|photo)\s*:\s*", "", text, flags=re.IGNORECASE)
    if AGENCY.match(text) or _slash_credit(text):
        return True
    if "," in text:
        *names, last = [part.strip() for part in text.split(",")]
        return bool(AGENCY.match(last)) and all(len(name.split()) <= 4 and name[:1].isupper() for name in names)
    return False


_BRACKET_TAIL = re.compile(r"^(?P<caption>.+?)\s*[(\[]\s*(?P<credit>[^()\[\]]{1,100}?)\s*[)\]]\s*$", re.DOTALL)
_SENTENCE_GAP = re.compile(r"[.!?…”\"’)]\s*(?=[A-Z©])")


def caption_credit(text: str):
    """``(caption, credit)`` when ``text`` ends with its picture's credit, else None
    (``caption_credit`` rule): ``Photo: PA``, ``(AP Photo/Jane Doe)``, ``(Joshua Roberts/Reuters)``,
    ``(AP)``, ``[File: Reuters]``, ``… 2019. REUTERS/Brendan McDermid``, ``… Getty Images``."""
    found = split_credit(text) or _credit_tail(text)
    if found:
        return found
    match = _BRACKET_TAIL.match(text)
    if match:
        inner = match.group("credit")
        labelled = _CREDIT_LABEL.match(inner) or re.match(r"^(?:AP|PA|AFP|Reuters|EPA)\s+Photo\s*/", inner)
        if labelled or credit_shaped(inner):
            credit = _CREDIT_LABEL.sub("", inner, count=1) if labelled and not inner[:2].isupper() else inner
            return match.group("caption").strip(), credit.strip()
    for gap in _SENTENCE_GAP.finditer(text):
        tail = text[gap.end():].strip()
        if credit_shaped(tail):
            return text[:gap.end()].strip(), tail
    return None


_COUNTER = re.compile(r"^(?:(?:image|photo|picture|slide|foto)s?\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}\b[:.]?\s*", re.IGNORECASE)
_TOGGLE = re.compile(r"^(?P<full>.+?)\s+(?:show\s+)?less\s+(?P<short>.+?)\s*(?:\.{3}|…)\s*(?:show\s+|read\s+)?more$", re.IGNORECASE | re.DOTALL)


def tidy_caption(text: str) -> str:
    """A caption as a reader wants it (``caption_tidy`` rule): without the slideshow's counter
    (``Image 1 of 23``) and without the short copy behind a ``less`` / ``... more`` toggle."""
    text = _COUNTER.sub("", text, count=1)
    toggle = _TOGGLE.match(text)
    if toggle:
        full, short = toggle.group("full").split(), toggle.group("short").split()
        if short and full[:len(short)] == short:
            text = toggle.group("full")
    return text


def _classes(element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


_CREDIT_PARTS = frozenset({
    "credit", "credits", "copyright", "source", "photographer", "attribution", "byline", "author",
    "photocredit", "imagecredit", "courtesy",
})
CREDIT_MAX_WORDS = 15  # a credit is a name or two and an agency, never a caption


def is_credit_element(node) -> bool:
    """An element whose class (a whole word, ``img__credit``, ``story-image-copyright``) or
    ``itemprop`` names it a picture's credit."""
    classes = _classes(node)
    if _CREDIT_CLASS.search(classes) and any(
        part.lower() in _CREDIT_PARTS for word in classes.split() for part in _WORD_PARTS.findall(word)
    ):
        return True
    prop = node.get("itemprop")
    return bool(prop) and not _CREDIT_PROPS.isdisjoint(prop.lower().split())


def _credit_text(text: str) -> str | None:
    """``(Image credit: Blue Origin)`` -> ``Blue Origin``: brackets and label off."""
    return _CREDIT_LABEL.sub("", text.strip(" ()[]"), count=1).strip(" ()[]") or None


def caption_and_credit(caption_element):
    """``(caption, credit)`` from a ``figcaption`` (or any caption element): a credit element
    inside it (by class, or ``itemprop="copyrightHolder"``), else a ``<small>`` print at its
    end, else a credit written at the end of the text (``caption_credit``)."""
    credit = None
    skip = set()
    for node in caption_element.iter():
        if node is not caption_element and isinstance(node.tag, str) and is_credit_element(node):
            credit_text, _ = _inline_text(node, captions=True)
            if credit_text and len(credit_text.split()) <= CREDIT_MAX_WORDS:
                credit = credit or credit_text
                skip.add(node)
    if credit is None:
        small = [node for node in caption_element.iter("small") if node is not caption_element]
        if small and small[-1].getnext() is None and not (small[-1].tail or "").strip():
            credit_text, _ = _inline_text(small[-1])
            if credit_text and len(credit_text.split()) <= 6:
                credit = credit_text
                skip.add(small[-1])
    text = tidy_caption(_text_without(caption_element, skip))
    if text:
        found = caption_credit(text)
        if found:
            text, found_credit = found
            credit = credit if credit and len(credit) > len(found_credit) else found_credit
        elif credit is None and credit_shaped(text):
            text, credit = "", text
    if credit:
        credit = _credit_text(credit)
    return text, credit


# A caption that kept its credit in brackets at the end: "... (Image: GETTY)", "(AP Photo/Jo Bloggs)".
_PAREN_CREDIT = re.compile(
    r"^(?P<caption>.+?)\s*[(\[]\s*(?:(?:Image|Photo(?:graph)?|Picture|Pic|Credit)s?\s*(?:by|credit)?\s*[:/]?|"
    r"(?:AP|PA|AFP|Reuters)\s+Photo\s*/|Photos?\s+by)\s*(?P<credit>[^()\[\]]{1,80}?)\s*[)\]]\s*$",
    re.IGNORECASE,
)


def _credit_tail(text):
    match = _CREDIT_TAIL.match(text)
    if not match:
        return None
    return match.group("caption").strip(), match.group("credit").strip()


def _text_without(element, skip):
    """A caption's text without its credit elements (``skip``); block children set off by spaces."""
    if not skip:
        return _inline_text(element, captions=True)[0]
    pieces = []

    def visit(node):
        if node.text:
            pieces.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child not in skip and child.tag not in dom.DROP_TAGS and not _unseen(child, True):
                spaced = child.tag in BLOCK_TAGS or child.tag == "br"
                if spaced:
                    pieces.append(" ")
                visit(child)
                if spaced:
                    pieces.append(" ")
            if child.tail:
                pieces.append(child.tail)

    visit(element)
    return squash("".join(pieces))


def _image_alt(element) -> str:
    """The picture's ``alt``, or a lazy-loading placeholder's ``data-alt``."""
    for node in element.iter("img", "amp-img"):
        alt = squash(node.get("alt") or node.get("title") or "")
        if alt:
            return alt
    for count, node in enumerate(element.iter()):
        if count > 100:
            break
        alt = squash(node.get("data-alt") or "") if isinstance(node.tag, str) else ""
        if len(alt.split()) >= 3:  # as for a lone picture's alt: one or two words name a banner
            return alt
    return ""


def figure_credit(figure, caption_element):
    """A credit printed elsewhere in the figure than its caption (over the picture, say):
    an element named as a credit (``figure_credit`` rule)."""
    for count, node in enumerate(figure.iter()):
        if count > 200:
            break
        if node is figure or not isinstance(node.tag, str) or node.tag in dom.DROP_TAGS:
            continue
        if caption_element is not None and (node is caption_element or caption_element in node.iterancestors()):
            continue
        if is_credit_element(node) and not dom.is_hidden(node):
            text, _ = _inline_text(node, captions=True)
            credit = _credit_text(text) if text else None
            if credit and len(credit.split()) <= 10:
                return credit
    return None


_PLAYER_PARTS = frozenset({"player", "videoplayer", "mediaplayer"})


def _holds_player(figure) -> bool:
    """A figure around a video player that has not loaded (its class names a player)."""
    for count, node in enumerate(figure.iter()):
        if count > 60:
            break
        classes = node.get("class") if isinstance(node.tag, str) else None
        if classes and "player" in classes.lower() and not _PLAYER_PARTS.isdisjoint(
            part.lower() for word in classes.split() for part in _WORD_PARTS.findall(word)
        ):
            return True
    return False


def _figure(walker, element):
    caption_element = None
    for node in element.iter("figcaption"):
        caption_element = node
        break
    if caption_element is not None:
        caption, credit = caption_and_credit(caption_element)
    else:
        caption, credit = _image_alt(element), None
    if credit is None:
        credit = figure_credit(element, caption_element)
    media = next((node for node in element.iter(*MEDIA_TAGS)), None)
    if media is not None and caption_element is None:
        _media(walker, media)
        return
    if (media is not None or _holds_player(element)) and caption:
        # a video with its caption: a media note that says what it shows (``video_caption`` rule)
        walker.emit("media", caption, 0, element.sourceline)
        return
    if caption or credit:
        walker.emit("image", caption or "", 0, element.sourceline, extra=(caption or "", credit, caption_element is None))
    elif media is None:
        # A figure holding text (a pull quote, a chart's notes): read it as a container.
        for child in element:
            if child.tag not in ("img", "picture"):
                walker.visit(child)
        walker.flush()


CAPTION_TAGS = frozenset({"div", "p", "figcaption", "small", "section", "aside", "span"})
_CAPTION_PARTS = frozenset({"caption", "captions", "figcaption", "credit", "credits", "photocredit", "imagecredit", "cutline"})
_WORD_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
CAPTION_MAX = 600  # characters: more than this is not a caption, whatever its class says
LINK_SHARE = 0.5   # a caption with more of its text in links than this is a box of links


def is_caption(element) -> bool:
    """A caption or credit outside a ``<figure>``: named so by its class, and short."""
    classes = element.get("class")
    if not classes or ("aption" not in classes and "redit" not in classes and "utline" not in classes):
        return False
    if not any(part.lower() in _CAPTION_PARTS for word in classes.split() for part in _WORD_PARTS.findall(word)):
        return False
    text, _ = _inline_text(element)
    return 0 < len(text) <= CAPTION_MAX or any(True for _ in element.iter("img"))


def _caption(walker, element):
    """A caption outside a figure; one whose text is mostly links is another story's teaser
    (its linked title under a caption's class, a ``More on:`` box): a ``teaser`` unit, which
    the finder always leaves out (``teaser_caption`` rule)."""
    text, links = _inline_text(element)
    if links > LINK_SHARE * len(text):
        walker.emit("teaser", text, links, element.sourceline)
        return
    words = " ".join((element.get("class") or "").lower().split())
    caption, credit = caption_and_credit(element)
    if not caption and not credit:
        return
    if "credit" in words and "caption" not in words and credit is None:
        caption, credit = "", caption
    walker.emit("image", caption or "", 0, element.sourceline, extra=(caption or "", credit, False))


_SMALL = re.compile(r"^\s*(\d{1,2})(?:px)?\s*$")


def _img(walker, element):
    """A lone picture with a describing ``alt`` (not an icon, not a link's picture)."""
    if element.tag == "picture":
        element = next(element.iter("img"), element)
    alt = squash(element.get("alt") or "")
    small = _SMALL.match(element.get("width") or "") or _SMALL.match(element.get("height") or "")
    if len(alt.split()) < 3 or small or any(node.tag == "a" for node in element.iterancestors()):
        return
    walker.emit("image", alt, 0, element.sourceline, extra=(alt, None, True))


_HOST = re.compile(r"^(?:https?:)?//([^/:?#]+)", re.IGNORECASE)
# Sub-domains that only say "this is the player": embed.acast.com is Acast.
_PLAYER_LABELS = frozenset({
    "www", "embed", "embeds", "player", "players", "vplayer", "e", "m", "w", "open", "video", "videos",
    "media", "cdn", "static", "widget", "widgets", "playlist",
})
PROVIDERS = {
    "youtube.com": "YouTube", "youtu.be": "YouTube", "youtube-nocookie.com": "YouTube", "vimeo.com": "Vimeo",
    "dailymotion.com": "Dailymotion", "twitch.tv": "Twitch", "tiktok.com": "TikTok", "facebook.com": "Facebook",
    "instagram.com": "Instagram", "twitter.com": "Twitter", "x.com": "X", "soundcloud.com": "SoundCloud",
    "spotify.com": "Spotify", "music.apple.com": "Apple Music", "podcasts.apple.com": "Apple Podcasts",
    "acast.com": "Acast", "brightcove.net": "Brightcove", "jwplayer.com": "JW Player", "jwplatform.com": "JW Player",
    "megaphone.fm": "Megaphone", "simplecast.com": "Simplecast", "omny.fm": "Omny", "libsyn.com": "Libsyn",
    "buzzsprout.com": "Buzzsprout", "podbean.com": "Podbean", "anchor.fm": "Anchor",
}
_VIDEO_HOST = re.compile(r"youtu|vimeo|dailymotion|twitch|tiktok|brightcove|jwp|video|player|vplayer|tv\b", re.IGNORECASE)
_AUDIO_HOST = re.compile(r"soundcloud|spotify|acast|music\.apple|podcasts?|anchor\.fm|megaphone|simplecast|omny|podbean|libsyn|buzzsprout|audio", re.IGNORECASE)
# Titles a site or a player gives every embed: they say nothing about this one.
_GENERIC_TITLE = re.compile(
    r"^(?:embedded |untitled )?(?:frame|iframe|content|embed|media|player|video|video player|audio|audio player|"
    r"advertisement|\w+ (?:video|audio|media) player|\w+ embed)$",
    re.IGNORECASE,
)


def _provider(host: str) -> str:
    """``embed.acast.com`` -> ``Acast``; an unknown host without its player sub-domains."""
    labels = host.lower().split(".")
    while len(labels) > 2 and labels[0] in _PLAYER_LABELS:
        labels.pop(0)
    host = ".".join(labels)
    for name, brand in PROVIDERS.items():
        if host == name or host.endswith("." + name):
            return brand
    return host


def media_text(element) -> str:
    """What the note for an embed says (``media_note`` rule): its own title, else what it is
    and whose player it is (``YouTube video``, ``Acast audio``, ``Embedded content from
    smartasset.com``); a title every embed gets (``Embedded Frame``, ``YouTube video player``)
    is no title, and a note is never a bare URL."""
    title = squash(element.get("title") or element.get("aria-label") or element.get("data-title") or "")
    if title and not _GENERIC_TITLE.match(title) and not _URL_TEXT.match(title):
        return title
    source = element.get("src") or element.get("data-src") or ""
    if not source:
        for node in element.iter("source"):
            source = node.get("src") or ""
            break
    host = _HOST.match(source)
    tag = element.tag
    if tag == "audio" or (host and _AUDIO_HOST.search(source)):
        kind = "audio"
    elif "video" in tag or "youtube" in tag or (host and _VIDEO_HOST.search(host.group(1))):
        kind = "video"
    else:
        kind = None
    if not host:
        return f"Untitled {kind}" if kind else "Embedded content"
    provider = _provider(host.group(1))
    return f"{provider} {kind}" if kind else f"Embedded content from {provider}"


_URL_TEXT = re.compile(r"^(?:https?:)?//|^www\.|^\S+\.(?:com|org|net|html?)(?:/\S*)?$", re.IGNORECASE)


_AD_FRAME = re.compile(r"doubleclick|googlesyndication|adservice|amazon-adsystem|/ads?/|adnxs|taboola|outbrain|facebook\.com/plugins/like|google\.com/recaptcha", re.IGNORECASE)


def _media(walker, element):
    source = element.get("src") or element.get("data-src") or ""
    if _AD_FRAME.search(source) or _AD_FRAME.search(_classes(element)):
        return
    walker.emit("media", media_text(element), 0, element.sourceline)


# --- code and tables -------------------------------------------------------------------------

# Class words that say which language a <pre> or <code> holds: "language-python", "lang-js",
# "brush: ruby" (SyntaxHighlighter); on a box around it, "highlight-python" (Sphinx),
# "highlight-source-python" (GitHub) or "language-ruby" (Rouge) only: "lang-en" on a page's
# box names the page's own language.
_LANGUAGE_CLASS = re.compile(r"^(?:language|lang|highlight(?:-source)?)-([\w+#.-]{1,30})$|^brush:([\w+#.-]{0,30})$", re.IGNORECASE)
_BOX_LANGUAGE_CLASS = re.compile(r"^(?:language|highlight(?:-source)?)-([\w+#.-]{1,30})$", re.IGNORECASE)
_LANGUAGE_ATTRIBUTES = ("data-lang", "data-language", "data-code-language")
_LANGUAGE_VALUE = re.compile(r"^[\w+#.-]{1,30}$")
_NO_LANGUAGE = frozenset({"none", "nohighlight", "no-highlight", "default", "plain", "plaintext"})
# Parts of a class word that mark the line numbers a highlighter draws beside the code.
_GUTTER_CLASS = re.compile(r"(?:^|[-_])(?:line-?numbers?|linenos?|linenumbers?|gutter)(?:$|[-_])", re.IGNORECASE)
_NUMBER_LINE = re.compile(r"^\s*\d{1,6}\s*$")
BOX_CHILDREN = 3  # a box around a <pre> with more elements than this is not its wrapper


def code_language(pre):
    """The language the page marks a ``<pre>`` as (``code_language`` rule): a ``language-x``,
    ``lang-x`` or ``brush: x`` class or a ``data-lang`` attribute on the ``<pre>`` or the
    ``<code>`` inside it; a ``language-x`` or ``highlight-x`` class or a ``data-lang`` on one of
    the two boxes that wrap it. None when unmarked, or marked as no language (``none``,
    ``plaintext``)."""
    inner = next((node for node in pre.iterchildren("code")), None)
    candidates = [(pre, _LANGUAGE_CLASS)] + ([(inner, _LANGUAGE_CLASS)] if inner is not None else [])
    parent = pre.getparent()
    for _ in range(2):
        if parent is None or parent.tag not in ("div", "figure", "section", "span") or len(parent) > BOX_CHILDREN:
            break
        candidates.append((parent, _BOX_LANGUAGE_CLASS))
        parent = parent.getparent()
    for node, pattern in candidates:
        for name in _LANGUAGE_ATTRIBUTES:
            value = (node.get(name) or "").strip()
            if _LANGUAGE_VALUE.match(value):
                return None if value.lower() in _NO_LANGUAGE else value.lower()
        words = (node.get("class") or "").split()
        for at, word in enumerate(words):
            if word.lower() == "brush:" and at + 1 < len(words):  # "brush: ruby"
                word = "brush:" + words[at + 1]
            found = pattern.match(word.rstrip(";"))
            if found:
                value = (found.group(1) or (found.group(2) if pattern.groups > 1 else "") or "").lower()
                if value:
                    return None if value in _NO_LANGUAGE else value
    return None


def code_text(pre) -> str:
    """The text of a ``<pre>`` exactly as it shows: line breaks, indentation and tabs kept;
    ``<br>`` and block elements inside start new lines; a newline just after ``<pre>``
    dropped (as browsers do); blank lines at the start and whitespace at the end dropped.
    Hidden parts, buttons (``Copy``) and line numbers drawn beside the code are left out."""
    pieces = []

    def line_break():
        if pieces and not pieces[-1].endswith("\n"):
            pieces.append("\n")

    def visit(node):
        if node.text:
            pieces.append(node.text)
        for child in node:
            tag = child.tag
            if isinstance(tag, str) and tag not in dom.DROP_TAGS and not _unseen(child) and not _gutter(child):
                if tag == "br":
                    pieces.append("\n")
                elif tag in BLOCK_TAGS:
                    line_break()
                    visit(child)
                    line_break()
                else:
                    visit(child)
            if child.tail:
                pieces.append(child.tail)

    visit(pre)
    text = "".join(pieces)
    if text.startswith("\n"):
        text = text[1:]
    text = clean_text(text, tabs=True).rstrip()
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines)


def _gutter(element) -> bool:
    classes = element.get("class")
    return bool(classes) and any(_GUTTER_CLASS.search(word) for word in classes.split())


def line_numbers(text: str) -> bool:
    """A ``<pre>`` of nothing but line numbers (the gutter a highlighter sets beside the code,
    in a table cell of its own)."""
    lines = text.split("\n")
    return len(lines) >= 2 and all(_NUMBER_LINE.match(line) for line in lines)


def _pre(walker, element):
    """A ``<pre>`` (with or without a ``<code>`` inside): a code block, verbatim. Its one-line
    text (``squash``) is what the finder weighs, as for any text."""
    text, links = _inline_text(element)
    if not text:
        return
    code = code_text(element)
    if not code or line_numbers(code):
        return
    walker.emit("code", text, links, element.sourceline, extra=(code, code_language(element)))


CELL_MAX = 300     # characters: a cell longer than this holds prose, and its table is not a grid of data
MAX_SPAN = 50      # most columns or rows one cell is taken to span


def _data_table(element) -> bool:
    """A table of data (not a layout table): no nested tables, no code, short cells."""
    cells = 0
    for node in element.iter():
        if node is not element and node.tag in ("table", "pre"):
            return False
        if node.tag in ("td", "th"):
            cells += 1
            if len(node) and any(child.tag in ("p", "div", "ul", "ol") for child in node if len(_inline_text(child)[0]) > 200):
                return False
    return cells > 0


def _span(cell, name) -> int:
    try:
        value = int((cell.get(name) or "1").strip())
    except ValueError:
        return 1
    return min(max(value, 1), MAX_SPAN)


def table_grid(element):
    """``[(tr, cells, headed, found)]``: the rows of a data table as a grid. A cell spanning columns
    (``colspan``) or rows (``rowspan``) holds its text in its first column and row, and the
    places it covers are empty cells, so every cell stays under its column. ``headed``: the
    row is in ``<thead>``, or is one of the first two rows and looks like a header row
    (``header_row``). Rows in ``<tfoot>`` come last, where a browser draws them. ``found``: ``(text, links)`` of each of the row's cells, hidden or not."""
    rows, covered = [], {}
    head = next(iter(element.iter("thead")), None)
    trs = list(element.iter("tr"))
    foot = next(iter(element.iter("tfoot")), None)
    if foot is not None:  # drawn below the body wherever it stands in the markup
        trs = [tr for tr in trs if foot not in tr.iterancestors()] + [tr for tr in trs if foot in tr.iterancestors()]
    for tr in trs:
        if dom.is_hidden(tr):
            continue
        taken = {column for column, left in covered.items() if left > 0}
        cells, column, elements, found = [], 0, [], []
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            elements.append(cell)
            while column in taken:
                cells.append("")
                column += 1
            found.append(_inline_text(cell))
            text = "" if dom.is_hidden(cell) else found[-1][0]
            across, down = _span(cell, "colspan"), _span(cell, "rowspan")
            cells.append(text)
            cells.extend([""] * (across - 1))
            if down > 1:
                for spanned in range(column, column + across):
                    covered[spanned] = down
            column += across
        while taken and column <= max(taken):
            cells.append("")
            column += 1
        for spanned in list(covered):
            covered[spanned] -= 1
            if covered[spanned] <= 0:
                del covered[spanned]
        if elements:
            in_head = head is not None and head in tr.iterancestors()
            rows.append((tr, cells, in_head or (len(rows) < 2 and header_row(tr, elements)), found))
    return rows


_HEAD_CLASS = re.compile(r"head", re.IGNORECASE)


def header_row(tr, cells) -> bool:
    """A row of column headings: ``<th>`` cells only, a class that names it a head
    (``table-header``, ``taHead``), or every cell with text set wholly in bold."""
    if all(cell.tag == "th" for cell in cells) or _HEAD_CLASS.search(tr.get("class") or ""):
        return True
    filled = 0
    for cell in cells:
        text = "".join(cell.itertext()).strip()
        if not text:
            continue
        filled += 1
        bold = "".join("".join(node.itertext()) for node in cell.iter("strong", "b") if node.getparent().tag not in ("strong", "b"))
        if " ".join(bold.split()) != " ".join(text.split()):
            return False
    return filled >= 2


def table_roles(rows):
    """``(title, header)``: positions in ``rows`` of the table's title row and header row,
    or None. A first row with one filled cell above rows of several is a title (a calendar's
    month); the header is the first row after it, if that looks like one and rows follow."""
    title = header = None
    at = 0
    filled = [sum(1 for cell in cells if cell) for _, cells, _, _ in rows]
    if len(rows) >= 2 and filled[0] == 1 and filled[1] >= 2:
        title, at = 0, 1
    if at + 1 < len(rows) and rows[at][2]:
        header = at
    return title, header


def grid_table(rows) -> bool:
    """A grid of data, to be shown as a table (``data_table`` rule): two columns or more, a
    header row or two rows of data or more, most rows with two filled cells or more, and no
    cell longer than ``CELL_MAX``. (One column, rows of a single filled cell, or a cell of
    prose: a table used for layout.)"""
    columns = max((len(cells) for _, cells, _, _ in rows), default=0)
    title, header = table_roles(rows)
    body = [cells for at, (_, cells, _, _) in enumerate(rows) if at not in (title, header) and any(cells)]
    if columns < 2 or not body or (len(body) < 2 and header is None):
        return False
    if 2 * sum(1 for cells in body if sum(1 for cell in cells if cell) >= 2) < len(body):
        return False
    return all(len(cell) <= CELL_MAX for _, cells, _, _ in rows for cell in cells)


def _table(walker, element):
    if not _data_table(element):
        walker.add(element.text, element.sourceline)
        walker.children(element)
        walker.flush()
        return
    grid = table_grid(element)
    if grid_table(grid):
        title, header = table_roles(grid)
        caption = next((node for node in element.iterchildren("caption")), None)
        if caption is not None:
            text, links = _inline_text(caption)
            if text:
                walker.emit("row", text, links, caption.sourceline, extra=("caption", None))
        for at, (tr, cells, _, found) in enumerate(grid):
            text = " | ".join(text for text, _ in found if text)
            if not text:
                continue
            links = sum(links for _, links in found)
            if at == title:  # read as a caption: a paragraph before the table
                walker.emit("row", text, links, tr.sourceline, extra=("caption", None))
            else:
                role = "header" if at == header else "cells"
                walker.emit("row", text, links, tr.sourceline, group=element, extra=(role, tuple(cells)))
        return
    for row in element.iter("tr"):
        cells = [_inline_text(cell) for cell in row if cell.tag in ("td", "th")]
        text = " | ".join(text for text, _ in cells if text)
        if text:
            walker.emit("row", text, sum(links for _, links in cells), row.sourceline)


HANDLERS = {
    "h1": _heading, "h2": _heading, "h3": _heading, "h4": _heading, "h5": _heading, "h6": _heading,
    "ul": _list, "ol": _list,
    "blockquote": _quote,
    "figure": _figure,
    "img": _img, "picture": _img, "amp-img": _img,
    "video": _media, "audio": _media, "iframe": _media, "embed": _media, "amp-iframe": _media,
    "amp-video": _media, "amp-youtube": _media, "frame": _media,
    "pre": _pre,
    "table": _table,
}


def units(body) -> list[Unit]:
    """Every unit of the page under ``body``, in page order."""
    walker = Walker()
    walker.container(body)
    return walker.units


# --- units -> blocks ---------------------------------------------------------------------------


def to_blocks(kept: list[Unit]) -> list:
    """Article blocks from the kept units: list items and quote paragraphs grouped back,
    a picture's separate caption or credit joined to it."""
    blocks, from_alt = [], set()
    i = 0
    while i < len(kept):
        unit = kept[i]
        if unit.kind == "item":
            j = _run(kept, i, ("item",))
            blocks.append(ListBlock(tuple(u.text for u in kept[i:j]), bool(unit.extra), line=unit.line))
        elif unit.kind in ("quote", "cite"):
            j = _run(kept, i, ("quote", "cite"))
            blocks.extend(_quote_blocks(kept[i:j]))
        elif unit.kind == "image":
            j = i + 1
            _picture(blocks, unit, from_alt)
        elif unit.kind == "row" and unit.group is not None:
            j = _run(kept, i, ("row",))
            blocks.append(_table_block(kept[i:j]))
        else:
            j = i + 1
            blocks.append(_single(unit))
        i = j
    return blocks


def _run(kept, i, kinds):
    """End of the run of units of ``kinds`` that share the group of ``kept[i]``."""
    group = kept[i].group
    j = i
    while j < len(kept) and kept[j].kind in kinds and kept[j].group is group:
        j += 1
    return j


def _quote_blocks(units):
    paragraphs = tuple(u.text for u in units if u.kind == "quote")
    cites = [u.text for u in units if u.kind == "cite"]
    if paragraphs:
        return [Quote(paragraphs, cites[0] if cites else None, line=units[0].line)]
    return [Paragraph(text, line=units[0].line) for text in cites]


def _picture(blocks, unit, from_alt):
    """A picture, or the caption/credit of the picture just before it: one picture, one block."""
    caption, credit, alt = unit.extra
    last = blocks[-1] if blocks else None
    if isinstance(last, Image):
        if not caption and credit and last.credit is None:
            blocks[-1] = last.replace(credit=credit)
            return
        if caption and id(last) in from_alt:  # the alt text stood in for this caption
            from_alt.discard(id(last))
            blocks[-1] = Image(caption, credit or last.credit, line=last.line)
            return
    block = Image(caption, credit, line=unit.line)
    if alt:
        from_alt.add(id(block))
    blocks.append(block)


def _table_block(units):
    """A data table's kept rows: its header (when the first row is it) and the rest, each row
    as wide as the widest. A table left with no rows but its header is a paragraph."""
    header = units[0].extra[1] if units[0].extra[0] == "header" else None
    rows = [unit.extra[1] for unit in units[1 if header is not None else 0:]]
    if not rows:
        return Paragraph(units[0].text, line=units[0].line)
    columns = max(len(cells) for cells in rows + ([header] if header is not None else []))

    def full(cells):
        return tuple(cells) + ("",) * (columns - len(cells))

    return Table(tuple(full(cells) for cells in rows), full(header) if header is not None else None, line=units[0].line)


def _single(unit):
    if unit.kind == "code":
        return Code(*unit.extra, line=unit.line)
    if unit.kind == "heading":
        return Heading(unit.text, line=unit.line)
    if unit.kind == "media":
        return Media(unit.text, line=unit.line)
    return Paragraph(unit.text, line=unit.line)
