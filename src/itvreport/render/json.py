"""JSON: the article contract (schema 1, see ``itvreport/schema/article-1.json``)."""

from __future__ import annotations

import json


def render(article, options) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"
