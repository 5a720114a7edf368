"""Every invented page reads as its hand-written expectation, and every output is valid schema 2.

The corpus (``fixtures/corpus``) and the held-out set (``fixtures/holdout``) are
both regression sets here; ``benchmarks/score_corpus.py`` gives the graded view.
"""

import json
from pathlib import Path

import jsonschema
import pytest

from itvreport.pipeline import read_article
from itvreport.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
PAGES = [page for folder in ("corpus", "holdout", "holdout2") for page in sorted((ROOT / "fixtures" / folder).glob("*.txt"))]
PAGES.append(ROOT / "fixtures" / "assad-aid-defects.txt")
SCHEMA = load_schema()


def ids(path):
    return f"{path.parent.name}/{path.stem}"


@pytest.mark.parametrize("page", PAGES, ids=ids)
def test_page_reads_as_expected(page):
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    actual = read_article(page.read_bytes(), source=str(page)).to_dict()
    for key, value in expected.items():
        assert actual[key] == value, key


@pytest.mark.parametrize("page", PAGES, ids=ids)
def test_output_is_valid_schema_2(page):
    document = read_article(page.read_bytes(), source=str(page)).to_dict()
    jsonschema.validate(document, SCHEMA)
    assert document["words"] > 0


def test_there_are_enough_pages_to_mean_something():
    assert len(PAGES) >= 75
