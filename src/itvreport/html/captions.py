"""Pictures' captions and credits: which text is a caption, which a credit, and how to part them.

* ``caption_and_credit``: a ``figcaption`` (or an element named as a caption) read as
  ``(caption, credit)``: a credit element inside it, a ``<small>`` print at its end, or a
  credit written at the end of its text (``caption_credit``: ``(AP Photo/Jane Doe)``,
  ``Photo: PA``, ``... REUTERS/Brendan McDermid``); ``tidy_caption`` takes off a
  slideshow's counter and a ``less`` / ``more`` toggle;
* ``figure_credit``: a credit printed elsewhere in a figure; ``image_alt``: the picture's
  own description when there is no caption;
* ``is_caption``, ``is_credit_element``: an element whose class names it a caption or a
  credit; ``PAREN_CREDIT``: a paragraph that ends with its credit in brackets;
* ``credit_shaped``: a whole string that is a credit (``Getty Images``,
  ``Joshua Roberts/Reuters``), also used by ``clean``.

The element handlers that make picture units from these are in ``mapping``.
"""

from __future__ import annotations

import re

from itvreport.html import dom
from itvreport.html.inline import BLOCK_TAGS, WORD_PARTS, class_and_id, inline_text, squash, unseen
from itvreport.shapes import split_credit

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


_CREDIT_PARTS = frozenset({
    "credit", "credits", "copyright", "source", "photographer", "attribution", "byline", "author",
    "photocredit", "imagecredit", "courtesy",
})
CREDIT_MAX_WORDS = 15  # a credit is a name or two and an agency, never a caption


def is_credit_element(node) -> bool:
    """An element whose class (a whole word, ``img__credit``, ``story-image-copyright``) or
    ``itemprop`` names it a picture's credit."""
    classes = class_and_id(node)
    if _CREDIT_CLASS.search(classes) and any(
        part.lower() in _CREDIT_PARTS for word in classes.split() for part in WORD_PARTS.findall(word)
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
            credit_text, _ = inline_text(node, captions=True)
            if credit_text and len(credit_text.split()) <= CREDIT_MAX_WORDS:
                credit = credit or credit_text
                skip.add(node)
    if credit is None:
        small = [node for node in caption_element.iter("small") if node is not caption_element]
        if small and small[-1].getnext() is None and not (small[-1].tail or "").strip():
            credit_text, _ = inline_text(small[-1])
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
PAREN_CREDIT = re.compile(
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
        return inline_text(element, captions=True)[0]
    pieces = []

    def visit(node):
        if node.text:
            pieces.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child not in skip and child.tag not in dom.DROP_TAGS and not unseen(child, True):
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


def image_alt(element) -> str:
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
            text, _ = inline_text(node, captions=True)
            credit = _credit_text(text) if text else None
            if credit and len(credit.split()) <= 10:
                return credit
    return None


CAPTION_TAGS = frozenset({"div", "p", "figcaption", "small", "section", "aside", "span"})
_CAPTION_PARTS = frozenset({"caption", "captions", "figcaption", "credit", "credits", "photocredit", "imagecredit", "cutline"})
CAPTION_MAX = 600  # characters: more than this is not a caption, whatever its class says


def is_caption(element) -> bool:
    """A caption or credit outside a ``<figure>``: named so by its class, and short."""
    classes = element.get("class")
    if not classes or ("aption" not in classes and "redit" not in classes and "utline" not in classes):
        return False
    if not any(part.lower() in _CAPTION_PARTS for word in classes.split() for part in WORD_PARTS.findall(word)):
        return False
    text, _ = inline_text(element)
    return 0 < len(text) <= CAPTION_MAX or any(True for _ in element.iter("img"))
