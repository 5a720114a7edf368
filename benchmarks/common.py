"""Shared by the measuring scripts (run as ``python benchmarks/NAME.py``)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_reader():
    """``itvreport.pipeline.read_article``: installed, else from this checkout's ``src``."""
    try:
        from itvreport.pipeline import read_article
    except ImportError:
        sys.path.insert(0, str(ROOT / "src"))
        from itvreport.pipeline import read_article
    return read_article


def find_caches():
    """Every lru_cache-wrapped function in the loaded ``itvreport`` modules (and their classes)."""
    found = {}
    for name, module in sorted(sys.modules.items()):
        if module is None or not (name == "itvreport" or name.startswith("itvreport.")):
            continue
        values = list(vars(module).values())
        values += [v for cls in values if isinstance(cls, type) and cls.__module__ == name for v in vars(cls).values()]
        for value in values:
            if callable(getattr(value, "cache_clear", None)) and callable(getattr(value, "cache_info", None)):
                qualname = f"{getattr(value, '__module__', name)}.{getattr(value, '__qualname__', '?')}"
                found.setdefault(id(value), (qualname, value))
    return sorted(found.values())


def clear_caches():
    """Empty every cache of the reader, so the next read is as a fresh process's first."""
    for _, cache in find_caches():
        cache.cache_clear()


def _cells(cells) -> str:
    return " | ".join(str(cell) for cell in (cells or ()) if cell)


def body_text(article) -> str:
    """The body text both HTML benchmarks score, one line per piece, in order: paragraphs,
    headings, quote paragraphs and attributions, list items, code blocks (their ``text``) and
    table rows (``header`` then each of ``rows``, cells joined by `` | ``). The headline,
    picture captions and media notes are not part of it."""
    lines = []
    for block in article.blocks:
        kind = block.type
        if kind in ("paragraph", "heading", "code"):
            lines.append(block.text)
        elif kind == "quote":
            lines.extend(block.paragraphs)
            if block.attribution:
                lines.append(block.attribution)
        elif kind == "list":
            lines.extend(block.items)
        elif kind == "table":
            if getattr(block, "header", None):
                lines.append(_cells(block.header))
            lines.extend(_cells(row) for row in getattr(block, "rows", None) or ())
    return "\n".join(line for line in lines if line)


def load_json_pages(path):
    """``{key: row}`` of a ``--json`` file written by an HTML benchmark script."""
    import json

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {row["id"]: row for row in data["pages"]}


def compare(old_rows: dict, new_rows, score_key: str, tuned_only=True, margin=1e-9) -> list[str]:
    """Lines naming the pages gained and broken since ``old_rows`` (a ``--json`` file's pages),
    on the tuned part only unless ``tuned_only`` is false."""
    from heldout import held_out

    gained, broken = [], []
    for row in new_rows:
        if tuned_only and held_out(row["id"]):
            continue
        before = old_rows.get(row["id"])
        if before is None:
            continue
        change = row[score_key] - before[score_key]
        if change > margin:
            gained.append((change, row["id"], before[score_key], row[score_key]))
        elif change < -margin:
            broken.append((change, row["id"], before[score_key], row[score_key]))
    lines = [f"compared with the earlier run: {len(gained)} pages gained, {len(broken)} broken"
             + (" (tuned part)" if tuned_only else "")]
    for title, rows, reverse in (("gained", gained, True), ("broken", broken, False)):
        for change, key, before, after in sorted(rows, reverse=reverse):
            lines.append(f"  {title:7} {key[:48]:48} {before:.3f} -> {after:.3f} ({change:+.3f})")
    return lines
