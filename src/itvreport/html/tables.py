"""A ``<table>``: is it a grid of data or layout, and what are its rows, header and title.

``data_table`` tells a table that may hold data (no nested tables, no code, no cells of
prose) from a layout table; ``table_grid`` lays its rows out as a grid (spanned cells
kept under their columns, ``<tfoot>`` last); ``header_row`` and ``table_roles`` find
its header row and title row; ``grid_table`` says whether the grid is shown as a table
(``data_table`` rule). The ``table`` handler is in ``mapping``; ``grouping`` makes the
kept rows a :class:`~itvreport.model.Table`.
"""

from __future__ import annotations

import re

from itvreport.html import dom
from itvreport.html.inline import inline_text

CELL_MAX = 300     # characters: a cell longer than this holds prose, and its table is not a grid of data
MAX_SPAN = 50      # most columns or rows one cell is taken to span


def data_table(element) -> bool:
    """A table of data (not a layout table): no nested tables, no code, short cells."""
    cells = 0
    for node in element.iter():
        if node is not element and node.tag in ("table", "pre"):
            return False
        if node.tag in ("td", "th"):
            cells += 1
            if len(node) and any(child.tag in ("p", "div", "ul", "ol") for child in node if len(inline_text(child)[0]) > 200):
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
            found.append(inline_text(cell))
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
