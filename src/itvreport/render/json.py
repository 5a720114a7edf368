"""JSON: the article contract (schema 2, see ``itvreport/schema/article-2.json``)."""

from __future__ import annotations

import json
import re

# json.dumps with ensure_ascii=False escapes C0 controls but writes C1 controls
# and bidirectional overrides as they are; a terminal would act on them.
_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def render(article, options) -> str:
    """One indented JSON document."""
    return _safe(json.dumps(article.to_dict(), ensure_ascii=False, indent=2)) + "\n"


def render_line(article, options) -> str:
    """The same document on one line (JSON Lines: batch mode's ``--format jsonl``)."""
    return _safe(json.dumps(article.to_dict(), ensure_ascii=False, separators=(",", ":"))) + "\n"


def _safe(text: str) -> str:
    return _UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
