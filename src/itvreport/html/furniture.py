"""What inside the article's box is furniture: the rules that leave units out of it.

The box is chosen (``extract``); ``prune`` then tries each of ``PRUNE_RULES`` on
every unit in it (and on the page's readable text when no box would do):

- ``teaser``: another story's teaser, found by its shape in ``mapping``;
- ``under_boilerplate``: inside a furniture box below the article's own box;
- ``link_line``: a link standing alone that points away (``Read more: ...``, a
  run of links, a one-word control), though a list of links set among the
  article's own paragraphs is kept;
- ``widget_label``: a label of the page's own controls (``Close``,
  ``Image 1 of 23``, ``Share this on WhatsApp``, ``Advertisement`` in other
  languages), or of a box of the site's other stories (``Mehr zum Thema``).

Each rule is called as ``rule(unit, region, page)``: ``region`` has the chosen
boxes (``roots``) and their units, ``page`` is the weighed page (``weigh.Page``).
"""

from __future__ import annotations

import re

from itvreport.html.weigh import GOOD_CONTEXT, GOOD_WORDS, SENTENCE_END, link_heavy, parent_of, word_count


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


def _paragraph_mass(page):
    """Body text of paragraphs per box they stand in (``parent_of``), computed once."""
    if page.parent_mass is None:
        mass = {}
        for unit, value in zip(page.units, page.raw):
            if value > 0 and unit.kind == "text":
                parent = parent_of(unit)
                mass[parent] = mass.get(parent, 0.0) + value
        page.parent_mass = mass
    return page.parent_mass


def link_line(unit, region, page):
    """A link standing alone that points away from the article: ``Read more: ...``, a teaser
    headline in capitals, a run of links, a one-word control (``Close``, ``Video``). A single
    link among the paragraphs (``Get it on Amazon for $40``) is kept: it is part of the text;
    so is a list of links of four words or more set among the article's own paragraphs (a
    "See also" list, a list of sources), where a box of related links stands apart."""
    if not link_heavy(unit):
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
    return any(link_heavy(other) and other.kind == unit.kind for other in neighbours)


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


def prune(region, page):
    """``(kept, pruned)``: the region's units, split by whether a rule of ``PRUNE_RULES`` finds them furniture."""
    kept, pruned = [], []
    for unit in region.units:
        if any(rule(unit, region, page) for rule in PRUNE_RULES):
            pruned.append(unit)
        else:
            kept.append(unit)
    return kept, pruned
