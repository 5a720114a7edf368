"""Golden files: the real page in every format, byte for byte.

To accept an intended change of output, run ``UPDATE_GOLDEN=1 python -m pytest
tests/test_golden.py`` and review the diff of ``tests/golden/`` before committing.
"""

import io
import json
import os
from pathlib import Path

import jsonschema
import pytest

from itvreport.pipeline import read_article
from itvreport.render import RenderOptions, render
from itvreport.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
PAGE = "fixtures/assad-aid-defects.txt"

CASES = {
    "assad-aid-defects.txt": ("text", RenderOptions()),
    "assad-aid-defects.explain.txt": ("text", RenderOptions(explain=True)),
    "assad-aid-defects.md": ("markdown", RenderOptions()),
    "assad-aid-defects.json": ("json", RenderOptions()),
    "assad-aid-defects.rich-80.txt": ("rich", RenderOptions(width=80, color=False)),
    "assad-aid-defects.rich-40-explain.txt": ("rich", RenderOptions(width=40, color=False, explain=True)),
    "assad-aid-defects.rich-color.ansi": ("rich", RenderOptions(width=80, color=True)),
}


def rendered(fmt, options):
    article = read_article((ROOT / PAGE).read_bytes(), source=PAGE)
    out = io.StringIO()
    render(article, fmt, options, out)
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name):
    fmt, options = CASES[name]
    actual = rendered(fmt, options)
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_golden_json_is_valid_schema_2():
    document = json.loads((GOLDEN / "assad-aid-defects.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, load_schema())
    assert document["schema"] == 2


def test_real_page_reads_as_the_issue_describes():
    """The article the real page must give, stated field by field."""
    article = read_article((ROOT / PAGE).read_bytes(), source=PAGE)
    kinds = [block.type for block in article.blocks]
    assert kinds == ["image"] + ["paragraph"] * 3 + ["media"] + ["paragraph"] * 2 + ["image", "paragraph", "quote"] + ["paragraph"] * 3 + ["list"]
    lead = article.blocks[0]
    assert (lead.caption, lead.credit) == ("President Assad and General Manaf Tlass have been friends since childhood.", "Reuters")
    assert article.blocks[8].text == "US Secretary of State Hilary Clinton welcomed the defection saying:"
    assert len(article.blocks[9].paragraphs) == 3
    assert len(article.blocks[-1].items) == 3
    texts = [b.text for b in article.blocks if b.type == "paragraph"]
    assert sum(t.startswith("The defection of Gen Tlass") for t in texts) == 1
    assert [(r.line, r.text[:20], r.reason, r.of) for r in article.removed] == [
        (1, "Advertisement", "boilerplate", None),
        (3, "1. ITV Report", "boilerplate", None),
        (23, "The defection of Gen", "duplicate", 19),
    ]
    assert article.headline.startswith("Assad aid defects")
    assert not article.truncated and article.live_story is None
