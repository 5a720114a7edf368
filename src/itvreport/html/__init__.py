"""Read a saved HTML page into the same :class:`~itvreport.model.Article` as a text page.

The path, each step its own module:

1. ``dom``: parse with lxml (no network, no entities, bounded depth and size);
2. ``meta``: what the page declares (JSON-LD, OpenGraph, ``<title>``, ``<h1>``);
3. ``mapping``: walk the body once, cutting it into units (paragraphs,
   headings, list items, quote paragraphs, pictures, embeds), with what its
   handlers ask of an element in ``inline``, ``captions``, ``media``, ``code``
   and ``tables``;
4. ``extract``: find the article's container (the whole of it, doubted when it
   holds little of the page's text, the page's readable text when no box will
   do: a warning then), from what its units weigh and its boxes' names hint
   (``weigh``); the lead picture and standfirst above it join it (``lead``) and
   the furniture in it is left out (``furniture``);
5. ``grouping``: the kept units back into article blocks;
6. ``clean``: the text reader's chrome and repeat rules, filling ``removed``;
7. here: headline, date and byline, then the :class:`Article`; an article with no
   body text is a :class:`NoArticleError`, never an empty success.

This package is imported only for HTML input: lxml stays out of the text path.
"""

from __future__ import annotations

from itvreport.errors import NoArticleError
from itvreport.model import Article, Heading, Image, Media, Removed, article_words


def read_html(text: str, source: str = "-", warn=None, explain=None) -> Article:
    """``warn(message)`` hears when no box held the article and the page's readable text is
    shown instead; ``explain(message)`` hears which box was chosen and why (``--explain``)."""
    from itvreport.html import clean, dom, extract, grouping, mapping, meta
    from itvreport.structure import looks_truncated

    root = dom.parse(text)
    declared = meta.read_meta(root)
    _, body = dom.head_and_body(root)
    units = mapping.units(body if body is not None else root)
    found = extract.find(units)
    if explain is not None and found.note:
        explain(found.note)
    blocks = grouping.to_blocks(found.kept)
    headline, blocks = _take_headline(declared.headline, blocks, declared.h1)
    furniture = [Removed(unit.line, unit.text, Removed.BOILERPLATE, None) for unit in found.pruned if unit.text]
    furniture += [Removed(unit.line, unit.text, Removed.DUPLICATE, twin.line) for unit, twin in found.echoes]
    cleaned = clean.clean(blocks, furniture, declared.byline)
    if not any(not isinstance(block, (Image, Media)) for block in cleaned.blocks):
        from itvreport.read import show_path

        name = "standard input" if source == "-" else show_path(source)
        what = "nothing but site chrome" if headline is None else f"a headline ({headline[:60]}) but no body text"
        raise NoArticleError(f"no article found in {name}: {what}")
    if found.fallback and warn is not None:
        warn(f"no box on the page held the article ({found.doubt}); showing the page's readable text instead")
    truncated = _cut_off(text) and looks_truncated(cleaned.blocks)
    return Article(
        source=source,
        format="html",
        headline=headline,
        date=declared.date,
        byline=declared.byline or (meta.byline_name(cleaned.byline) if cleaned.byline else None),
        live_story=None,
        truncated=truncated,
        blocks=cleaned.blocks,
        removed=cleaned.removed,
        words=article_words(headline, cleaned.blocks),
    )


def _fold(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".… ")


def _take_headline(headline, blocks, h1=None):
    """The headline is the page's; a heading in the article that repeats it is not shown twice.

    ``h1_headline`` rule: when the article opens with the page's ``<h1>`` (before any of its
    text) and that differs from the declared headline (a shorter title written for search
    engines and shares), the ``<h1>`` is the headline the page showed its reader: it is
    taken, and not shown again as a heading.
    """
    if headline is None:
        return None, blocks
    folded = _fold(headline)
    for i, block in enumerate(blocks[:6]):
        if isinstance(block, Heading) and _fold(block.text) == folded:
            return headline, blocks[:i] + blocks[i + 1:]
    if h1:
        folded = _fold(h1)
        for i, block in enumerate(blocks[:4]):
            if isinstance(block, Heading) and _fold(block.text) == folded:
                return block.text, blocks[:i] + blocks[i + 1:]
            if not isinstance(block, (Image, Media)):
                break  # the article's text has begun: a heading after it is a subheading
    return headline, blocks


def _cut_off(text: str) -> bool:
    """The saved page stops before its end (no closing ``</html>`` or ``</body>``)."""
    tail = text[-4096:].lower()
    return "</html" not in tail and "</body" not in tail
