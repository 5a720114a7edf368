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
