"""The JSON Schema of the article contract, shipped as package data.

``article-2.json`` is the current contract; ``article-1.json`` (before the ``code``
and ``table`` blocks) is kept for readers written against schema 1.
"""

from __future__ import annotations

import json
from importlib import resources

SCHEMA_FILE = "article-2.json"


def load_schema(version: int | None = None) -> dict:
    """The JSON Schema (draft 2020-12) that ``--format json`` output satisfies, or that of an
    earlier ``version`` of the contract."""
    name = SCHEMA_FILE if version is None else f"article-{version}.json"
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
