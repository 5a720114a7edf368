"""The kept-apart third of each development set, fixed once (2026-12-07) before any rule changed.

A page is kept apart when the first byte of ``sha256("itvreport-heldout:" + key)`` is
divisible by 3. The key is the page's id: the file stem for the ITV development pages
(``a001``), the file name for trafilatura's corpus (``<file>.gz`` as in
``evaldata-dev.json``), the id for the article-extraction benchmark. Work is tuned on the
rest ("tuned"); the kept-apart part is only ever scored as a total, never read page by
page while rules change: the scripts print no per-page verdicts for it unless asked with
``--show-held-out``.
"""

import hashlib

SALT = "itvreport-heldout:"


def held_out(key: str) -> bool:
    """Whether the page ``key`` belongs to the kept-apart third."""
    return hashlib.sha256((SALT + key).encode("utf-8")).digest()[0] % 3 == 0


def part(key: str) -> str:
    """``"held-out"`` or ``"tuned"``."""
    return "held-out" if held_out(key) else "tuned"
