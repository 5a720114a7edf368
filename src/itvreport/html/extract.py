"""Find the article in the page: the container whose text reads most like an article.

1. Weigh each unit (see ``mapping``): long, sentence-like text with few links
   counts for its containers; link lists and short labels count against them
   (``weight``). A bad line among body paragraphs counts for nothing instead
   (``in_context``); a good paragraph alone in its box, or in a teaser card
   that repeats beside others, counts for less (``Page.cohesion``,
   ``teaser_cards``).
2. Read the containers' names (``hint``): a box whose class, id, tag or role
   names furniture (share bars, related links, comments, ad slots, footers...)
   turns its text against it, unless it holds most of the page's body text (then
   it is only damped); a box named as the body (``itemprop="articleBody"``,
   ``article-body``...) lifts its text.
3. The article is the container with the highest total (``choose_root``): big
   enough to hold every part of the body, not so big that it takes in the
   page's furniture. A named body inside it that holds most of that text is
   taken instead (``named_body``).
4. The whole article (``split_body``, ``widen``): boxes the page names alike as
   its body are joined, and the box is widened to the ancestor that holds all
   its sections when what that adds is mostly body text.
5. Doubt (``choose_region``): a box with no body text, or with less than
   ``SMALL_REGION`` of the page's readable text, gives way to the next boxes;
   when none will do, the page's readable text is the article (``fallback``)
   and ``Found.doubt`` says why, for a warning.
6. The standfirst and the lead picture just above the box join it
   (``lead_text``, ``lead_picture``); a standfirst the body prints again is an
   echo (``standfirst_echoes``).
7. Inside the article, units that are themselves furniture are left out
   (``PRUNE_RULES``).
"""

from __future__ import annotations

import heapq
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

# Choosing the article.
BODY_SHARE = 0.8        # share of the chosen container's text a named body inside it must hold to replace it ...
DECLARED_SHARE = 0.3    # ... or this share, when the page declares it (itemprop="articleBody")
LEAD_LOOKBACK = 12      # units looked at above the article's container for its lead picture
STORY_LEVELS = 3        # boxes above the article's container that its standfirst may stand in



_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _hint_words(element):
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
    words = _post_words(_hint_words(element))
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
        self.mass = None  # ``widen_mass``, once asked for
        self.ranks = {}   # ``ranked``, by hints
        self.parent_mass = None  # ``_paragraph_mass``, once asked for
        self.furnished = {}  # ``furnished``: box -> furniture at or above it

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


def _signature(element):
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
            groups.setdefault((element.getparent(), _signature(element)), []).append(element)
    return {element for members in groups.values() if len(members) >= 3 for element in members}


_OWN_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "li", "dd", "dt"})


def _parent(unit):
    """The container a unit stands in beside its siblings."""
    path = unit.path
    if len(path) >= 2 and path[-1].tag in _OWN_BLOCKS:
        return path[-2]
    return path[-1] if path else None


def in_context(units, weights):
    """A link line or short line standing among body paragraphs (same parent) counts for nothing
    rather than against: ``Read more`` links, labels and ad slots inside the article."""
    mass = {}
    for unit, value in zip(units, weights):
        if value > 0:
            parent = _parent(unit)
            mass[parent] = mass.get(parent, 0.0) + value
    out = []
    for unit, value in zip(units, weights):
        if value < 0 and mass.get(_parent(unit), 0.0) >= GOOD_CONTEXT:
            value = 0.0
        out.append(value)
    return out



class Region:
    """The chosen container(s) and the units they hold."""

    __slots__ = ("roots", "units")

    def __init__(self, roots, units):
        self.roots = roots
        self.units = units


def ranked(page, hints=True):
    """The best containers by total weight, highest first (the deeper one on a tie), and every
    container's total."""
    if hints in page.ranks:
        return page.ranks[hints]
    scores, depth = {}, {}
    for unit, value in zip(page.units, page.weights):
        if hints and value > 0:
            value *= page.factor(unit)
        for level, element in enumerate(unit.path):
            scores[element] = scores.get(element, 0.0) + value
            depth[element] = level
    candidates = [element for element in scores if element.tag not in _OWN_BLOCKS] or list(scores)
    # the best few are all that is ever looked at (``CANDIDATES``)
    candidates = heapq.nlargest(CANDIDATES + 1, candidates, key=lambda element: (scores[element], depth[element]))
    page.ranks[hints] = candidates, scores
    return candidates, scores


def choose_root(page, hints=True):
    """The container with the highest total weight (the deeper one on a tie)."""
    candidates, scores = ranked(page, hints)
    if not candidates:
        return None
    best = candidates[0]
    if scores[best] <= 0 and hints:
        return choose_root(page, hints=False)
    return named_body(page, best) if hints else best


def named_body(page, root):
    """A container inside ``root`` named as the article's body, if it holds most of root's text."""
    held = page.positive.get(root, 0.0)
    best, mass = root, 0.0
    for element in page.positive:
        if element is root or page.hint(element) != "body":
            continue
        value = page.positive[element]
        share = DECLARED_SHARE if element.get("itemprop") == "articleBody" else BODY_SHARE
        if value > mass and value >= share * held and root in element.iterancestors():
            best, mass = element, value
    return best


# Widening the article to the box that holds all of its sections.
WIDEN_SHARE = 0.25      # body text an ancestor must add, as a share of what the article holds ...
WIDEN_MIN = 150.0       # ... and at least this much
WIDEN_PURITY = 0.5      # share of the text it adds (furniture and link lines aside) that must be body text


def widen_mass(page):
    """``(good, kept)``: per container, the body text (each paragraph at its own weight) and
    all the text that would stay in it (furniture boxes and link lines aside); computed once."""
    if page.mass is not None:
        return page.mass
    good, kept = {}, {}
    cards = page.cards
    for unit, value in zip(page.units, page.raw):
        if unit.kind in ("image", "media") or not unit.text:
            continue
        factor = page.factor(unit) if value > 0 else 1.0
        if factor < 0 or _link_heavy(unit):
            continue
        # each paragraph at its own weight (a short section is not a lone paragraph); a teaser
        # card's summary is not the article's text
        mass = value * factor if value > 0 and not (cards and not cards.isdisjoint(unit.path)) else 0.0
        size = len(unit.text)
        for element in unit.path:
            good[element] = good.get(element, 0.0) + mass
            kept[element] = kept.get(element, 0) + size
    page.mass = (good, kept)
    return page.mass


def widen(page, root):
    """An article in several boxes (sections, each in its own ``<section>`` or ``<div>``, a
    figure or an advert between them) is the ancestor that holds them all (``widen`` rule):
    climbing from ``root``, an ancestor is taken when the text it adds, leaving out furniture
    boxes and link lines (which the pruning rules drop anyway), is mostly body text and adds
    a good share to what the article holds. ``<body>`` is never taken, nor anything beyond a
    box the page names as the body (``itemprop="articleBody"``, ``entry-content``...)."""
    good, kept = widen_mass(page)
    best = root
    for ancestor in root.iterancestors():
        if ancestor.tag in NEVER_BOILERPLATE or page.boilerplate(ancestor) or page.hint(best) == "body":
            break  # a box the page names as the article's body holds all of it
        added = good.get(ancestor, 0.0) - good.get(best, 0.0)
        added_text = kept.get(ancestor, 0) - kept.get(best, 0)
        if added >= max(WIDEN_MIN, WIDEN_SHARE * good.get(best, 0.0)) and added >= WIDEN_PURITY * added_text:
            best = ancestor
    return best


def split_body(page, root):
    """An article cut into several boxes that the page names alike as its body (an advert or a
    related-links column between them) is the box that holds them all (``split_body`` rule)."""
    if page.hint(root) != "body":
        return root
    signature = _signature(root)
    above = set(root.iterancestors())
    twins = [element for element, mass in page.positive.items()
             if mass > 0 and element is not root and element not in above and page.hint(element) == "body"
             and _signature(element) == signature and root not in element.iterancestors()]
    if not twins:
        return root
    for ancestor in root.iterancestors():
        if ancestor.tag in NEVER_BOILERPLATE or page.boilerplate(ancestor):
            return root
        if all(ancestor in twin.iterancestors() for twin in twins):
            return ancestor
    return root


def _inside(unit, root) -> bool:
    return any(element is root for element in unit.path)


# --- pruning inside the article -----------------------------------------------------------


def under_boilerplate(unit, region, page):
    """Inside a furniture container below the article's own container."""
    for root in region.roots:
        below = False
        for element in unit.path:
            if below and page.boilerplate(element):
                return True
            if element is root:
                below = True
    return False


_RELATED_LABEL = re.compile(
    r"^(?:read|see|watch|listen)(?: \w+){0,2}:|^(?:related|more|also|recommended|trending|popular|"
    r"latest|top stories|more from|also on|also read|read more|read next|see also|watch|listen)\b",
    re.IGNORECASE,
)


def _link_heavy(unit) -> bool:
    return unit.kind not in ("image", "media", "quote", "cite") and unit.text and unit.links / len(unit.text) > LINK_HEAVY


def _paragraph_mass(page):
    """Body text of paragraphs per box they stand in (``_parent``), computed once."""
    if page.parent_mass is None:
        mass = {}
        for unit, value in zip(page.units, page.raw):
            if value > 0 and unit.kind == "text":
                parent = _parent(unit)
                mass[parent] = mass.get(parent, 0.0) + value
        page.parent_mass = mass
    return page.parent_mass


def link_line(unit, region, page):
    """A link standing alone that points away from the article: ``Read more: ...``, a teaser
    headline in capitals, a run of links, a one-word control (``Close``, ``Video``). A single
    link among the paragraphs (``Get it on Amazon for $40``) is kept: it is part of the text;
    so is a list of links of four words or more set among the article's own paragraphs (a
    "See also" list, a list of sources), where a box of related links stands apart."""
    if not _link_heavy(unit):
        return False
    text = unit.text
    if word_count(text) * (1 - unit.links / len(text)) >= GOOD_WORDS:
        return False  # a linked title and its own summary: body text (a list of news in brief)
    if _RELATED_LABEL.match(text) or word_count(text) <= 3 or (text.isupper() and word_count(text) > 3):
        return True
    if unit.kind == "item" and len(unit.path) >= 2 and _paragraph_mass(page).get(unit.path[-2], 0.0) >= GOOD_CONTEXT:
        return False  # a list of links set among the article's own paragraphs (``link_list_in_text`` rule)
    position = unit.index
    units = page.units
    neighbours = [units[i] for i in (position - 1, position + 1) if 0 <= i < len(units)]
    return any(_link_heavy(other) and other.kind == unit.kind for other in neighbours)


# Labels of the page's own controls and widgets, standing alone inside the article: a gallery's
# buttons and counter, share and comment buttons, "read also" and advert labels (in the
# languages the pages come in), the note that the story goes on below a gallery. Labels that
# start the page's sections after the article ("Comments", "Related stories") are left to
# the trailer rules of ``clean``, which drop the section with them.
WIDGET_LABEL = re.compile(
    r"^(?:captions?|close|open|(?:show|hide) captions?|less|more|show (?:more|less)|expand|collapse|enlarge(?: (?:this )?image)?|"
    r"full ?screen|view (?:full ?screen|gallery|slideshow|photos|all photos)|back to (?:the )?gallery|(?:see|view) (?:more|all) photos|"
    r"more photos|previous|prev|next|previous slide|next slide|play|pause|replay|text size|print|e-?mail|share|share this(?: \w+)?|"
    r"share (?:this )?(?:on|via) [\w+ ]+|tweet|pin it|(?:view|show) (?:all )?comments?|"
    r"read more|more on this|related|related (?:news|article|coverage|posts?)|read also|also read|see also|"
    r"don[’']?t miss|must read|trending(?: now)?|this slideshow requires javascript|listen to (?:this )?(?:article|story)|"
    r"(?:story|article) continues (?:below|after)(?: (?:the |this )?(?:gallery|advertisement|ad|video))?|"
    r"continue reading(?: (?:below|the main story))?|scroll (?:down )?to continue(?: reading)?|(?:scroll )?back to (?:the )?top|"
    r"leggi anche|lesen sie auch|lire aussi|lea también|leia também|baca juga|lees ook|читайте также|"
    r"iklan|anzeige|publicité|publicidad|pubblicità|reklame|реклама|광고|広告|"
    r"(?:rezept|artikel|seite|beitrag) (?:drucken|teilen|merken|speichern)|drucken|teilen|merken|"
    r"quellen (?:aus|ein)blenden|(?:alle )?kommentare (?:anzeigen|ausblenden|geschlossen)|kommentare insgesamt|aufrufe|"
    r"externer inhalt|empfohlener (?:redaktioneller )?inhalt|inhalt laden|"
    r"zurück(?: zur (?:vorherigen seite|übersicht|startseite)| zum (?:anfang|seitenanfang))?|nach oben|"
    r"imprimer|partager|compartir|imprimir|volver|stampa|condividi|torna su|drukuj|udostępnij)$",
    re.IGNORECASE,
)
# "Image 3 of 23", "1 / 6", "Image 1 of / 23", "1 - 5 of 36": a slideshow's counter.
SLIDE_COUNTER = re.compile(
    r"^(?:(?:image|photo|picture|slide|foto|bild)s?\s*)?\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*(?:of|/|von|de|di|из)\s*(?:/\s*)?\d{1,4}$",
    re.IGNORECASE,
)
# "Related Roundup: MacBook Pro", "Tags: Space, NASA": a label and its links' titles.
LABELLED_LINKS = re.compile(r"^(?:related(?: \w+)?|tags?|topics?|filed under|categor(?:y|ies)|more on|see also|also read|read also)\s*:", re.IGNORECASE)
# Labels that open a box of the site's other stories, in the languages pages come in: "Mehr zum
# Thema", "Das könnte Sie auch interessieren!", "Le puede interesar:", "À lire aussi",
# "Czytaj także". Alone, or before the linked title they introduce.
RELATED_LABEL = re.compile(
    r"^(?:(?:das )?könnte (?:sie|dich) auch interessieren|(?:sie|du) könnten? auch interessieren|auch interessant|"
    r"mehr zum thema(?: \w+)?|zum (?:weiter|nach)lesen|weiterlesen|(?:lesen sie|lies) (?:auch|mehr|hier)(?: die folgenden beiträge)?|"
    r"auch lesen|schon gelesen|verwandte (?:themen(?:bereiche)?|artikel|beiträge)|ähnliche (?:artikel|beiträge|themen|nachrichten)|"
    r"weitere (?:artikel|beiträge|nachrichten|themen)(?: zum thema)?|vorschau auf den nächsten artikel|"
    r"(?:le |te )?puede(?:s)? interesar|(?:también )?te puede interesar|noticias relacionadas|artículos relacionados|"
    r"lea también|leer más|à lire (?:aussi|également)|lire aussi|vous aimerez aussi|sur le même sujet|articles? similaires?|"
    r"leggi anche|potrebbe interessarti|articoli correlati|czytaj (?:także|też|również)|zobacz (?:też|także)|polecamy|"
    r"leia (?:também|mais)|veja também|lees ook|meer over dit onderwerp|läs också|les også|læs også)$",
    re.IGNORECASE,
)
SUBSCRIBE_PROMO = re.compile(r"^(?:click here to |please )?(?:subscribe|sign up|register)\b", re.IGNORECASE)


def widget_label(unit, region, page):
    """A label of the page's own controls inside the article (``widget_label`` rule): ``Caption``,
    ``Close``, ``Image 1 of 23``, ``less``/``more``, ``Share this on WhatsApp``, ``Read More``,
    ``Related Roundup: MacBook Pro``, ``Story continues below gallery``, ``Advertisement`` in other
    languages, a ``Subscribe to ...`` promotion, the label of a box of the site's other stories
    (``Mehr zum Thema``, ``À lire aussi: ...``)."""
    if unit.kind not in ("text", "heading"):
        return False
    text = unit.text.strip(" .:…›»>|-–—•·")
    words = word_count(text)
    if words > 25:
        return False
    if words <= 6 and (WIDGET_LABEL.match(text) or SLIDE_COUNTER.match(text)):
        return True
    if words <= 8 and RELATED_LABEL.match(text.rstrip("?!")):
        return True
    head, colon, rest = unit.text.partition(":")
    if colon and words <= 25 and rest.strip() and RELATED_LABEL.match(head.strip(" .…›»>|-–—•·")):
        return True  # "LE PUEDE INTERESAR: <another story's title>"
    if words <= 10 and LABELLED_LINKS.match(unit.text) and not text.endswith(SENTENCE_END[:4]):
        return True
    return bool(SUBSCRIBE_PROMO.match(text))


def teaser(unit, region, page):
    """Another story's teaser found by its shape in ``mapping`` (a linked caption)."""
    return unit.kind == "teaser"


PRUNE_RULES = [teaser, under_boilerplate, link_line, widget_label]



def lead_picture(page, root, first):
    """The picture just above the article's container, in the same story box (the lead
    image often stands between the headline and the body's own container)."""
    story = root.getparent()
    for index in range(first - 1, max(-1, first - 1 - LEAD_LOOKBACK), -1):
        unit = page.units[index]
        if page.weights[index] > 0 or story is None or not _inside(unit, story):
            return None
        if unit.kind == "image" and not any(page.boilerplate(element) for element in unit.path):
            return unit
    return None


# Class or id words of a standfirst: "article-lead", "intro", "summary", "teaser-text", "chapo"...
LEAD_NAMES = re.compile(
    r"lead|intro|summary|standfirst|teaser|excerpt|deck|subtitle|subhead|subline|description|abstract|"
    r"chapo|chapeau|vorspann|einleitung|bajada|entradilla|sottotitolo|occhiello|lede",
    re.IGNORECASE,
)


def _standfirst(page, index, story) -> bool:
    """Body text that its box (below the story box) names a standfirst, or a heading that is
    a whole sentence of body text."""
    unit = page.units[index]
    if unit.kind not in ("text", "heading") or page.raw[index] <= 0 or _link_heavy(unit):
        return False
    if any(page.boilerplate(element) for element in unit.path):
        return False
    if unit.kind == "heading":
        return True
    below = False
    for element in unit.path:
        if below and LEAD_NAMES.search(" ".join(_hint_words(element))):
            return True
        below = below or element is story
    return False


def _folded(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".… ")


def _named_standfirst(unit, root) -> bool:
    below = root is None
    for element in unit.path:
        if below and LEAD_NAMES.search(" ".join(_hint_words(element))):
            return True
        below = below or element is root
    return False


def standfirst_echoes(kept, root, standfirst):
    """``(kept, echoes)``: a standfirst that the body prints again (``standfirst_echo`` rule) is
    shown once, where the body has it; the markup (a box named as the summary, or the
    standfirst found above the body) says which copy is the echo."""
    later, seen, twice = {}, set(), set()
    for unit in kept:
        if unit.kind in ("text", "heading"):
            key = _folded(unit.text)
            if key in seen:
                twice.add(key)
            seen.add(key)
            if unit.kind == "text":
                later[key] = unit
    if not twice:
        return kept, []
    out, echoes = [], []
    for unit in kept:
        key = _folded(unit.text) if unit.kind in ("text", "heading") else None
        if key in twice and (unit in standfirst or _named_standfirst(unit, root)):
            twin = later.get(key)
            if twin is not None and twin is not unit and twin.index > unit.index:
                echoes.append((unit, twin))
                continue
        out.append(unit)
    return out, echoes


def lead_text(page, root, first):
    """The standfirst just above the article's container (``lead_text`` rule): body text in the
    story box above it (up to ``STORY_LEVELS`` boxes around the article's box), between the
    headline and the body, that the page names a standfirst (``LEAD_NAMES``) or sets as a
    heading, as sites put a summary in the article's header. Looking back stops at the
    headline (``<h1>``), at furniture and after ``LEAD_LOOKBACK`` units."""
    story = root
    for _ in range(STORY_LEVELS):
        above = story.getparent()
        if above is None or above.tag in NEVER_BOILERPLATE:
            break
        story = above
    found = []
    if story is None or story.tag in NEVER_BOILERPLATE:
        return found
    for index in range(first - 1, max(-1, first - 1 - LEAD_LOOKBACK), -1):
        unit = page.units[index]
        if not _inside(unit, story) or (unit.kind == "heading" and unit.extra == 1):
            break
        if _standfirst(page, index, story):
            found.append(unit)
    return found[::-1]


def furnished(page, path) -> bool:
    """Whether any box on ``path`` is furniture; remembered per box, as paths share them."""
    if not path:
        return False
    memo = page.furnished
    found = memo.get(path[-1])
    if found is not None:
        return found
    flag = False
    for element in path:
        value = memo.get(element)
        if value is None:
            value = flag or page.boilerplate(element)
            memo[element] = value
        flag = value
    return flag


def readable(page, unit) -> bool:
    """Text a reader of the page sees as text: not under a furniture box, not a link line,
    not a teaser card's summary."""
    if unit.kind in ("image", "media", "teaser") or not unit.text or _link_heavy(unit):
        return False
    return not furnished(page, unit.path)


# Doubting the chosen box.
SMALL_REGION = 0.3      # share of the page's readable text below which the chosen box is doubted
MIN_READABLE = 300      # characters of readable text a page needs before the share means anything
CANDIDATES = 6          # boxes tried, best first, before the page's readable text is taken


class Found:
    """What ``find`` found: the units kept and pruned, how the region was chosen (``note``, one
    line for ``--explain``) and whether it fell back to the page's readable text (``fallback``:
    then ``doubt`` says why, for a warning)."""

    __slots__ = ("kept", "pruned", "note", "fallback", "doubt", "echoes")

    def __init__(self, kept, pruned, note, fallback=False, doubt=None, echoes=()):
        self.kept, self.pruned, self.note, self.fallback, self.doubt = kept, pruned, note, fallback, doubt
        self.echoes = echoes  # (unit, the unit it echoes)


def describe(element) -> str:
    """``<div class="entry-content">`` (line 120): how a note names a box."""
    names = " ".join(f'{key}="{" ".join((element.get(key) or "").split()[:3])}"' for key in ("id", "class") if element.get(key))
    return f"<{element.tag}{' ' + names if names else ''}> (line {element.sourceline or 0})"


def readable_text(page):
    """``({element: readable characters under it}, total)`` over the page's readable units."""
    held, total = {}, 0
    for unit in page.units:
        if readable(page, unit):
            size = len(unit.text)
            total += size
            for element in unit.path:
                held[element] = held.get(element, 0) + size
    return held, total


def _under_furniture(page, element) -> bool:
    """The box, or a box around it, is named as furniture (a cookie notice's form)."""
    return page.boilerplate(element) or any(page.boilerplate(above) for above in element.iterancestors())


def _has_body(page, root) -> bool:
    return page.positive.get(root, 0.0) > 0


def choose_region(page):
    """``(root, note, doubt)``: the article's box and why; ``root`` None when no box will do
    (``doubt`` says why) and the page's readable text is to be taken instead.

    The best box by weight, widened to all its sections, is taken when it holds body text and
    a fair share (``SMALL_REGION``) of the page's readable text; else the next boxes are
    tried in order (``CANDIDATES``)."""
    root = choose_root(page)
    if root is None:
        return None, None, "the page has no text"
    held, total = readable_text(page)
    candidates, scores = ranked(page)
    tried = [root] + [element for element in candidates[:CANDIDATES] if element is not root and scores[element] > 0]
    first_share = None
    for rank, element in enumerate(tried):
        box = widen(page, split_body(page, element))
        share = held.get(box, 0) / total if total else 1.0
        if first_share is None:
            first_share = share
        if _under_furniture(page, box):
            continue
        if _has_body(page, box) and (share >= SMALL_REGION or total < MIN_READABLE):
            how = "the box with the most body text" if rank == 0 else f"candidate {rank + 1} (the first held too little)"
            widened = "" if box is element else f", widened from {describe(element)} to hold every section"
            return box, f"article: {describe(box)}, {how}{widened}; {share:.0%} of the page's readable text", None
    if not _has_body(page, widen(page, root)):
        doubt = "no box holds body text"
    else:
        doubt = f"the best box held {first_share:.0%} of the page's readable text"
    return None, None, doubt


def find(units) -> Found:
    """The article's units in page order, and furniture found inside its box."""
    page = Page(units)
    root, note, doubt = choose_region(page)
    if root is None:
        found = fallback(page, doubt)
        if any(unit.kind in ("text", "item", "quote", "row") for unit in found.kept):
            return found
        # no readable text either: the best box outside furniture that holds any body text
        candidates, _ = ranked(page)
        root = next((element for element in candidates
                     if _has_body(page, element) and not _under_furniture(page, element)), None)
        if root is None:
            return found
        note = f"article: {describe(root)}, the best box (the page has no readable text outside furniture)"
    inside = [unit for unit in units if _inside(unit, root)]
    lead = lead_picture(page, root, inside[0].index) if inside else None
    standfirst = lead_text(page, root, inside[0].index) if inside else []
    above = sorted(([lead] if lead else []) + standfirst, key=lambda unit: unit.index)
    region = Region([root], above + inside)
    kept, pruned = prune(region, page)
    kept, echoes = standfirst_echoes(kept, root, set(standfirst))
    return Found(kept, pruned, note, echoes=echoes)


def prune(region, page):
    kept, pruned = [], []
    for unit in region.units:
        if any(rule(unit, region, page) for rule in PRUNE_RULES):
            pruned.append(unit)
        else:
            kept.append(unit)
    return kept, pruned


def fallback(page, doubt) -> Found:
    """No box will do: the page's readable text, in page order (``readable``; pictures and
    embeds outside furniture boxes kept with it), with the prune rules applied."""
    units = [unit for unit in page.units
             if readable(page, unit) or (unit.kind in ("image", "media") and not any(page.boilerplate(e) for e in unit.path))]
    kept, pruned = prune(Region([], units), page)
    note = f"no article box: {doubt}; the page's readable text is shown instead"
    return Found(kept, pruned, note, fallback=True, doubt=doubt)
