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
