"""What a unit of the page weighs, and what a container's names say about it.

Finding the article (``extract``) asks two things of the page, answered here:

1. What each unit weighs (``weight``): long, sentence-like text with few links
   counts for its containers; link lists and short labels count against them. A
   bad line among body paragraphs counts for nothing instead (``in_context``); a
   good paragraph alone in its box, or in a teaser card that repeats beside
   others, counts for less (``Page.cohesion``, ``teaser_cards``).
2. What a container's tag, class, id and role hint (``Page.hint``): a box named
   as furniture (share bars, related links, comments, ad slots, footers...) turns
   its text against it, unless it holds most of the page's body text (then it is
   only damped); a box named as the body (``itemprop="articleBody"``,
   ``article-body``...) lifts its text. A blog post's topic classes, a widget
   named a quote and a page builder's layout boxes are not furniture.

``Page`` holds the units, their weights and the totals of the containers above
them, with room for what the region finder and the furniture rules compute once
per page.
"""

from __future__ import annotations

import re


# Parts of class or id names (split at "-", "_" and camelCase humps) of containers
# that hold page furniture rather than the article's text.
FURNITURE_PARTS = frozenset("""
comment comments share shares sharing sharebar social sociable related recommended recommendation
recommendations recirc recirculation newsletter newsletters subscribe subscription subscriptions signup
paywall promo promos promotion promoted advert adverts advertisement advertising ad ads adslot adunit dfp
sponsor sponsored taboola outbrain cookie cookies consent gdpr banner nav navbar navigation menu
breadcrumb breadcrumbs pagination pager sidebar widget widgets rail aside footer tags tag topics keywords
categories byline bylines author authors contributor contributors dateline timestamp date dates meta
print toolbar tools utility popup modal overlay skip masthead disqus trending popular
""".split())
# Whole class or id words that mark furniture however much text it holds (comments can outweigh an article).
STRONG = re.compile(
    r"^(?:comments?|comment-?(?:list|section|s?form|area|box|thread|s?wrap\w*|s?container)|disqus\w*|"
    r"respond|replies|related-?\w*|\w*-related|recommend\w*|outbrain\w*|taboola\w*|"
    r"most-?(?:read|popular|viewed))$",
    re.IGNORECASE,
)
HIDDEN_WORDS = frozenset({"hidden", "hide", "sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden", "element-invisible", "offscreen"})
BOILERPLATE_TAGS = frozenset({"nav", "aside", "footer", "form"})
_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")

# Weighing units (characters of text).
GOOD_WORDS = 15         # words outside links that make a unit read like body text
FAIR_WORDS = 7          # fewer, but a whole sentence: counts for 70% of its length
LINK_HEAVY = 0.5        # share of a unit's text inside links that makes it a link
LINK_COST = 0.5         # what each linked character of a body unit counts against it
PENALTY_CAP = 200.0     # most one unit can count against a container
GOOD_CONTEXT = 150.0    # body text beside a bad line (same parent) that makes it harmless
COHESION_MASS = 750.0   # body text in a paragraph's own box that counts it fully ...
COHESION_FLOOR = 0.3    # ... and the least a lone paragraph counts
CARD = 0.3              # weight kept by text in a teaser card

# Reading containers' names.
NEVER_BOILERPLATE = frozenset({"body", "html"})
BOILERPLATE_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "search", "dialog", "alert"})
SMALL_SHARE = 0.5       # a furniture-named box holding less of the page's body text than this is furniture ...
MANY_PARAGRAPHS = 3     # ... and so is one holding fewer body paragraphs than this
DAMPED = 0.75           # weight kept by text in a big box whose name says furniture
BOOSTED = 1.5           # weight given to text in a box named as the article's body


_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def hint_words(element):
    """Class words, and id words except a heading's (its id is an anchor made of its words)."""
    value = element.get("class") or ""
    ident = element.get("id")
    if ident and element.tag not in _HEADING_TAGS:
        value = f"{value} {ident}"
    return value.split()


EMBED_PARTS = frozenset({"embed", "embedded", "tweet", "blockquote", "quote", "pullquote"})


# Class words that describe the layout, not what the box holds: a page's state ("no-sidebar",
# "has-comments") and the layout boxes of page builders ("elementor-widget", "wpb_wrapper").
LAYOUT_PREFIXES = ("no-", "has-", "with-", "without-", "elementor-", "et_pb_", "wpb_", "vc_", "fl-", "wp-block-")


def _furniture_word(word: str) -> bool:
    lower = word.lower()
    if lower in HIDDEN_WORDS:
        return True
    if lower.startswith(LAYOUT_PREFIXES):
        return False
    parts = {part.lower() for part in _PARTS.findall(word)}
    return not parts.isdisjoint(FURNITURE_PARTS) and parts.isdisjoint(EMBED_PARTS)


BODY_NAMES = re.compile(
    r"articlebody|storybody|entrycontent|postcontent|postbody|articlecontent|articletext|storycontent|"
    r"storytext|bodytext|richtext|contentbody|entrybody|postentry|posttext|newsbody|newstext|articledetail|textbody"
)


# Class words a blog engine writes on a post's own box: ``post-1234 type-post status-publish
# hentry``. Beside them, ``tag-<slug>`` and ``category-<slug>`` name the post's topics, not
# a box of tags (``taxonomy_classes`` rule).
ENTRY_MARKS = re.compile(r"^(?:hentry|h-entry|type-\w+|status-publish|format-\w+|post-\d+|postid-\d+)$")
TAXONOMY = re.compile(r"^(?:tag|tags|category|categories|topic|topics|post_tag|keyword|keywords)-\S+$", re.IGNORECASE)
# A widget that names itself a quote, embed or statement is part of the text (``embed_widget`` rule).
EMBED_WORDS = frozenset({"quote", "quotes", "pullquote", "blockquote", "embed", "embedded", "statement", "citation", "tweet"})


def _post_words(words):
    """The class words left to read as furniture: a post's taxonomy words go when the box is a post."""
    if any(ENTRY_MARKS.match(word) for word in words):
        return [word for word in words if not TAXONOMY.match(word)]
    return words


def _hint(element):
    """``"strong"``, ``"weak"``, ``"body"`` or ``None``: what the element's tag, class, id and role say."""
    tag = element.tag
    if tag in NEVER_BOILERPLATE:
        return None
    words = _post_words(hint_words(element))
    if words and not EMBED_WORDS.isdisjoint(word.lower() for word in words) and tag not in BOILERPLATE_TAGS:
        return None
    if any(STRONG.match(word) for word in words):
        return "strong"
    if element.get("itemprop") == "articleBody":
        return "body"
    role = element.get("role")
    if tag in BOILERPLATE_TAGS or role in BOILERPLATE_ROLES or any(_furniture_word(word) for word in words):
        return "weak"
    if any(BODY_NAMES.search(word.lower().replace("-", "").replace("_", "")) for word in words):
        return "body"
    return None


class Page:
    """Units, their weights, and what is known about the containers above them."""

    def __init__(self, units):
        self.units = units
        weights = in_context(units, [weight(unit) for unit in units])
        self.positive, self.count, self.good = {}, {}, {}
        self.total = 0.0
        for unit, value in zip(units, weights):
            for element in unit.path:
                self.count[element] = self.count.get(element, 0) + 1
            if value > 0:
                self.total += value
                for element in unit.path:
                    self.positive[element] = self.positive.get(element, 0.0) + value
                    self.good[element] = self.good.get(element, 0) + 1
        cards = teaser_cards(units, self.count)
        self.raw = weights
        self.cards = cards
        self.weights = [
            self.cohesion(unit) * value * (CARD if cards and not cards.isdisjoint(unit.path) else 1.0)
            if value > 0 else value
            for unit, value in zip(units, weights)
        ]
        self.flags = {}
        self.mass = None  # ``extract.widen_mass``, once asked for
        self.ranks = {}   # ``extract.ranked``, by hints
        self.parent_mass = None  # ``furniture``'s body text per paragraph box, once asked for
        self.furnished = {}  # ``extract.furnished``: box -> furniture at or above it

    def cohesion(self, unit) -> float:
        """Body text comes in runs: a good paragraph alone in its box (a teaser's summary,
        an author's blurb) counts for less than one among others."""
        for element in reversed(unit.path):
            if self.count.get(element, 0) >= 2:
                mass = self.positive.get(element, 0.0)
                return min(1.0, max(COHESION_FLOOR, mass / COHESION_MASS))
        return COHESION_FLOOR

    def hint(self, element):
        """``"furniture"``, ``"damped"`` (hinted as furniture, but holding most of the text),
        ``"body"`` (named as the article's body) or ``None``."""
        found = self.flags.get(element, False)
        if found is False:
            hint = _hint(element)
            if hint == "strong":
                found = "furniture"
            elif hint == "weak":
                big = (
                    self.positive.get(element, 0.0) >= SMALL_SHARE * self.total
                    and self.good.get(element, 0) >= MANY_PARAGRAPHS
                )
                found = "damped" if big else "furniture"
            else:
                found = hint
            self.flags[element] = found
        return found

    def boilerplate(self, element) -> bool:
        return self.hint(element) == "furniture"

    def factor(self, unit) -> float:
        """What the containers' names do to a unit's weight: furniture turns it against them."""
        damped = boosted = False
        for element in unit.path:
            hint = self.hint(element)
            if hint == "furniture":
                return -1.0
            damped = damped or hint == "damped"
            boosted = boosted or hint == "body"
        return (DAMPED if damped else 1.0) * (BOOSTED if boosted else 1.0)


_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
SENTENCE_END = tuple('.!?…"\'”’)]»。！？」』）')


def word_count(text: str) -> int:
    """Words, counting two CJK characters as one (those scripts put no spaces between words)."""
    spaced = text.count(" ") + 1
    if text.isascii():
        return spaced
    wide = len(_WIDE.findall(text))
    return max(spaced, spaced + wide // 2) if wide else spaced


def weight(unit) -> float:
    """How much ``unit`` counts for (positive) or against (negative) its containers."""
    text = unit.text
    size = len(text)
    if unit.kind in ("image", "media") or not size:
        return 0.0
    density = unit.links / size
    words = word_count(text)
    if unit.kind in ("heading", "row", "teaser"):
        if density > LINK_HEAVY:
            return -min(float(size), PENALTY_CAP)
        if unit.kind == "heading" and words * (1.0 - density) >= GOOD_WORDS and text.endswith(SENTENCE_END):
            return float(size - unit.links)  # a standfirst set as a heading: whole sentences of body text
        return 0.0
    own_words = words * (1.0 - density)  # words outside links
    if own_words >= GOOD_WORDS:
        return (size - unit.links) - LINK_COST * unit.links
    if density > LINK_HEAVY:
        return -min(float(size), PENALTY_CAP)
    if words >= FAIR_WORDS and text.endswith(SENTENCE_END):
        return 0.7 * (size - unit.links) - LINK_COST * unit.links
    if unit.kind == "item" and words >= FAIR_WORDS:
        return 0.0  # an entry of a list of things (a list article's): text, if not a sentence
    return -min(0.3 * size, PENALTY_CAP)


def signature(element):
    """A box's tag and class words (numbered words aside): boxes alike have the same one."""
    words = (element.get("class") or "").split()
    return element.tag, tuple(sorted(word for word in words if not any(ch.isdigit() for ch in word)))


def teaser_cards(units, count) -> set:
    """Boxes that repeat side by side (three or more alike under one parent), each holding a
    linked title and its text: the summaries of other stories, not this one's body."""
    titled = set()
    for unit in units:
        if unit.kind in ("heading", "text") and unit.links * 2 >= len(unit.text) > 0:
            titled.update(unit.path)
    groups = {}
    for element in titled:
        if count.get(element, 0) >= 2:
            groups.setdefault((element.getparent(), signature(element)), []).append(element)
    return {element for members in groups.values() if len(members) >= 3 for element in members}


# Blocks that hold a unit's own text: the box it stands in beside its siblings is the one above.
OWN_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "li", "dd", "dt"})


def parent_of(unit):
    """The container a unit stands in beside its siblings."""
    path = unit.path
    if len(path) >= 2 and path[-1].tag in OWN_BLOCKS:
        return path[-2]
    return path[-1] if path else None


def in_context(units, weights):
    """A link line or short line standing among body paragraphs (same parent) counts for nothing
    rather than against: ``Read more`` links, labels and ad slots inside the article."""
    mass = {}
    for unit, value in zip(units, weights):
        if value > 0:
            parent = parent_of(unit)
            mass[parent] = mass.get(parent, 0.0) + value
    out = []
    for unit, value in zip(units, weights):
        if value < 0 and mass.get(parent_of(unit), 0.0) >= GOOD_CONTEXT:
            value = 0.0
        out.append(value)
    return out


def inside(unit, root) -> bool:
    """The unit stands in ``root``."""
    return any(element is root for element in unit.path)


def link_heavy(unit) -> bool:
    """Text that is mostly links (``LINK_HEAVY``): a link line, not body text."""
    return unit.kind not in ("image", "media", "quote", "cite") and unit.text and unit.links / len(unit.text) > LINK_HEAVY
