"""Element -> unit mapping: walk the page once and cut it into text units; what each tag becomes.

A *unit* is the smallest piece of the page the later steps judge: one
paragraph, heading, list item, quote paragraph, table row, picture or embed.
Each unit remembers the chain of block elements above it (``path``), so the
main-content finder (``weigh``, ``extract``) can score containers, and ``grouping`` can
rebuild lists, quotes and tables from their units.

This module is the walk and its handlers: what each tag becomes. What they ask of
an element is answered beside it: its inline text and whether a reader sees it
(``inline``), a picture's caption and credit (``captions``), what an embed's note
says (``media``), a ``<pre>``'s code and language (``code``), a table's grid
(``tables``).

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

Scripts, styles, forms and hidden elements are skipped (``dom.DROP_TAGS``,
``inline.unseen``); a ``<noscript>`` that holds the page's text for readers without
scripts is read. A caption whose text is mostly links is another story's teaser (a
``teaser`` unit); an ad's frame is no embed (``media.ad_frame``); a list item that
holds headings, pictures or several paragraphs is a card, read as a container.
"""

from __future__ import annotations

import re

from itvreport.html import dom
from itvreport.html.captions import CAPTION_MAX, CAPTION_TAGS, PAREN_CREDIT, caption_and_credit, figure_credit, image_alt, is_caption
from itvreport.html.code import code_language, code_text, line_numbers
from itvreport.html.inline import BLOCK_TAGS, inline_text, noscript_text, squash, unseen
from itvreport.html.media import ad_frame, holds_player, media_text
from itvreport.html.tables import data_table, grid_table, table_grid, table_roles

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
            credited = PAREN_CREDIT.match(text)
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
        if (tag in dom.DROP_TAGS and not noscript_text(element)) or unseen(element):
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
    text, links = inline_text(element)
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
            text, links = inline_text(li, skip=frozenset({"ul", "ol"}))
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
        text, links = inline_text(li, skip=frozenset({"ul", "ol"}))
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
            text, links = inline_text(child)
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


def _figure(walker, element):
    caption_element = None
    for node in element.iter("figcaption"):
        caption_element = node
        break
    if not _holds_flow(element, caption_element):
        _picture(walker, element, caption_element)
        return
    # An element left open inside the figure (a stray ``<div>``) kept the rest of the
    # page in it, where a browser closes it at ``</figure>``: the caption, then the rest.
    if caption_element is not None:
        caption, credit = caption_and_credit(caption_element)
        if caption or credit:
            _image(walker, element, caption, credit, from_alt=False)
    _visit_besides(walker, element, caption_element)
    walker.flush()


def _holds_flow(figure, caption_element):
    """More text outside the caption than any caption holds, in paragraphs."""
    if figure.find(".//p") is None:
        return False
    caption = len(caption_element.text_content()) if caption_element is not None else 0
    return len(figure.text_content()) - caption > CAPTION_MAX


def _visit_besides(walker, element, caption_element):
    """Visit what ``element`` holds but its picture and caption."""
    for child in element:
        if child is caption_element or child.tag in ("img", "picture") or child.tag in MEDIA_TAGS:
            walker.add(child.tail, child.sourceline)
        elif caption_element is not None and caption_element in child.iterdescendants():
            _visit_besides(walker, child, caption_element)
        else:
            walker.visit(child)


def _image(walker, element, caption, credit, from_alt):
    walker.emit("image", caption or "", 0, element.sourceline, extra=(caption or "", credit, from_alt))


def _picture(walker, element, caption_element):
    """What a figure shows: a picture and its caption, a video, or text of its own."""
    if caption_element is not None:
        caption, credit = caption_and_credit(caption_element)
    else:
        caption, credit = image_alt(element), None
    if credit is None:
        credit = figure_credit(element, caption_element)
    media = next((node for node in element.iter(*MEDIA_TAGS)), None)
    if media is not None and caption_element is None:
        _media(walker, media)
        return
    if (media is not None or holds_player(element)) and caption:
        # a video with its caption: a media note that says what it shows (``video_caption`` rule)
        walker.emit("media", caption, 0, element.sourceline)
        return
    if caption or credit:
        _image(walker, element, caption, credit, from_alt=caption_element is None)
    elif media is None:
        # A figure holding text (a pull quote, a chart's notes): read it as a container.
        for child in element:
            if child.tag not in ("img", "picture"):
                walker.visit(child)
        walker.flush()


LINK_SHARE = 0.5   # a caption with more of its text in links than this is a box of links


def _caption(walker, element):
    """A caption outside a figure; one whose text is mostly links is another story's teaser
    (its linked title under a caption's class, a ``More on:`` box): a ``teaser`` unit, which
    the finder always leaves out (``teaser_caption`` rule)."""
    text, links = inline_text(element)
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


def _media(walker, element):
    if ad_frame(element):
        return
    walker.emit("media", media_text(element), 0, element.sourceline)


# --- code and tables -------------------------------------------------------------------------


def _pre(walker, element):
    """A ``<pre>`` (with or without a ``<code>`` inside): a code block, verbatim. Its one-line
    text (``squash``) is what the finder weighs, as for any text."""
    text, links = inline_text(element)
    if not text:
        return
    code = code_text(element)
    if not code or line_numbers(code):
        return
    walker.emit("code", text, links, element.sourceline, extra=(code, code_language(element)))


def _table(walker, element):
    if not data_table(element):
        walker.add(element.text, element.sourceline)
        walker.children(element)
        walker.flush()
        return
    grid = table_grid(element)
    if grid_table(grid):
        title, header = table_roles(grid)
        caption = next((node for node in element.iterchildren("caption")), None)
        if caption is not None:
            text, links = inline_text(caption)
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
        cells = [inline_text(cell) for cell in row if cell.tag in ("td", "th")]
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
