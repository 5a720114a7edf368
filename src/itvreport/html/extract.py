"""Which box on the page is the article: the container whose text reads most like one.

The units are weighed first (``weigh``); then:

1. The article is the container with the highest total (``choose_root``): big
   enough to hold every part of the body, not so big that it takes in the page's
   furniture. A named body inside it that holds most of that text is taken
   instead (``named_body``).
2. The whole article (``split_body``, ``widen``): boxes the page names alike as
   its body are joined, and the box is widened to the ancestor that holds all its
   sections when what that adds is mostly body text.
3. Doubt (``choose_region``): a box with no body text, or with less than
   ``SMALL_REGION`` of the page's readable text, gives way to the next boxes;
   when none will do, the page's readable text is the article (``fallback``) and
   ``Found.doubt`` says why, for a warning.
4. The standfirst and the lead picture just above the box join it, and a
   standfirst the body prints again is an echo (``lead``).
5. Inside the article, units that are themselves furniture are left out
   (``furniture.prune``).

``find`` does all of this for the HTML reader and returns a ``Found``.
"""

from __future__ import annotations

import heapq

from itvreport.html.furniture import prune
from itvreport.html.lead import lead_picture, lead_text, standfirst_echoes
from itvreport.html.weigh import NEVER_BOILERPLATE, OWN_BLOCKS, Page, inside, link_heavy, signature


# Choosing the article.
BODY_SHARE = 0.8        # share of the chosen container's text a named body inside it must hold to replace it ...
DECLARED_SHARE = 0.3    # ... or this share, when the page declares it (itemprop="articleBody")


class Region:
    """The chosen container(s) and the units they hold: what the furniture rules are asked about."""

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
    candidates = [element for element in scores if element.tag not in OWN_BLOCKS] or list(scores)
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
        if factor < 0 or link_heavy(unit):
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
    root_signature = signature(root)
    above = set(root.iterancestors())
    twins = [element for element, mass in page.positive.items()
             if mass > 0 and element is not root and element not in above and page.hint(element) == "body"
             and signature(element) == root_signature and root not in element.iterancestors()]
    if not twins:
        return root
    for ancestor in root.iterancestors():
        if ancestor.tag in NEVER_BOILERPLATE or page.boilerplate(ancestor):
            return root
        if all(ancestor in twin.iterancestors() for twin in twins):
            return ancestor
    return root


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
    if unit.kind in ("image", "media", "teaser") or not unit.text or link_heavy(unit):
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
    within = [unit for unit in units if inside(unit, root)]
    lead = lead_picture(page, root, within[0].index) if within else None
    standfirst = lead_text(page, root, within[0].index) if within else []
    above = sorted(([lead] if lead else []) + standfirst, key=lambda unit: unit.index)
    region = Region([root], above + within)
    kept, pruned = prune(region, page)
    kept, echoes = standfirst_echoes(kept, root, set(standfirst))
    return Found(kept, pruned, note, echoes=echoes)


def fallback(page, doubt) -> Found:
    """No box will do: the page's readable text, in page order (``readable``; pictures and
    embeds outside furniture boxes kept with it), with the prune rules applied."""
    units = [unit for unit in page.units
             if readable(page, unit) or (unit.kind in ("image", "media") and not any(page.boilerplate(e) for e in unit.path))]
    kept, pruned = prune(Region([], units), page)
    note = f"no article box: {doubt}; the page's readable text is shown instead"
    return Found(kept, pruned, note, fallback=True, doubt=doubt)
