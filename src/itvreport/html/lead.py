"""What just above the article's box belongs to it: the lead picture and the standfirst.

The box the body stands in (``extract``) often leaves out the article's opening:
the lead picture between the headline and the body, and a standfirst set in the
story's header. ``lead_picture`` and ``lead_text`` find them above the box
(within ``LEAD_LOOKBACK`` units, below the ``<h1>``, outside furniture);
``standfirst_echoes`` shows once a standfirst that the body prints again.
"""

from __future__ import annotations

import re

from itvreport.html.weigh import NEVER_BOILERPLATE, hint_words, inside, link_heavy


LEAD_LOOKBACK = 12      # units looked at above the article's container for its lead picture
STORY_LEVELS = 3        # boxes above the article's container that its standfirst may stand in


def lead_picture(page, root, first):
    """The picture just above the article's container, in the same story box (the lead
    image often stands between the headline and the body's own container)."""
    story = root.getparent()
    for index in range(first - 1, max(-1, first - 1 - LEAD_LOOKBACK), -1):
        unit = page.units[index]
        if page.weights[index] > 0 or story is None or not inside(unit, story):
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
    if unit.kind not in ("text", "heading") or page.raw[index] <= 0 or link_heavy(unit):
        return False
    if any(page.boilerplate(element) for element in unit.path):
        return False
    if unit.kind == "heading":
        return True
    below = False
    for element in unit.path:
        if below and LEAD_NAMES.search(" ".join(hint_words(element))):
            return True
        below = below or element is story
    return False


def _folded(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".… ")


def _named_standfirst(unit, root) -> bool:
    below = root is None
    for element in unit.path:
        if below and LEAD_NAMES.search(" ".join(hint_words(element))):
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
        if not inside(unit, story) or (unit.kind == "heading" and unit.extra == 1):
            break
        if _standfirst(page, index, story):
            found.append(unit)
    return found[::-1]
