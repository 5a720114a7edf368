"""Units back into article blocks: the last step of mapping, after the finder kept its units.

The walk (``mapping``) cuts the page into units, one per paragraph, list item, quote
paragraph, table row or picture, so that the finder can weigh each one (``weigh``).
Of the units it keeps, ``to_blocks`` groups a list's items back into a
:class:`~itvreport.model.ListBlock`, a blockquote's paragraphs and attribution into a
:class:`~itvreport.model.Quote`, a data table's rows into a
:class:`~itvreport.model.Table`, and joins a picture's separate caption or credit to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from itvreport.model import Code, Heading, Image, ListBlock, Media, Paragraph, Quote, Table

if TYPE_CHECKING:
    from itvreport.html.mapping import Unit


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
