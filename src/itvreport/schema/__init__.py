"""The JSON Schema of the article contract, shipped as package data."""

from __future__ import annotations

import json
from importlib import resources

SCHEMA_FILE = "article-1.json"


def load_schema() -> dict:
    """The JSON Schema (draft 2020-12) that ``--format json`` output satisfies."""
    return json.loads(resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))
