"""The page generator behind the speed measurements (benchmarks/pagegen.py).

Its pages must be what the measurements claim: deterministic for a seed, every
layout of the field guide, varied lines (so the reader's per-line caches cannot
flatter a throughput number) and pages the reader actually reads as articles.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

from itvreport.pipeline import read_article

ROOT = Path(__file__).resolve().parent.parent
PAGES = 200
SEED = 7


def _load_pagegen():
    path = ROOT / "benchmarks" / "pagegen.py"
    spec = importlib.util.spec_from_file_location("pagegen", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("pagegen", module)
    spec.loader.exec_module(module)
    return module


pagegen = _load_pagegen()


@pytest.fixture(scope="module")
def pages():
    return pagegen.generate_pages(PAGES, SEED)


def test_deterministic_for_a_seed(pages):
    again = pagegen.generate(PAGES, SEED)
    assert again == [page.data for page in pages]
    assert pagegen.generate(10, SEED) == again[:10]  # page i depends only on (seed, i)
    assert pagegen.generate(10, SEED + 1) != again[:10]


def test_every_layout_appears(pages):
    assert {page.layout for page in pages} == set(pagegen.LAYOUTS)


def test_every_pattern_appears(pages):
    used = set().union(*(page.patterns for page in pages))
    expected = {
        "caption-photo", "caption-credit", "caption-picture", "caption-image", "caption-empty-credit",
        "credit-only-line", "caption-twice", "caption-no-credit", "gallery", "lead-image",
        "media-note", "media-standfirst", "media-warning",
        "quote-attributed", "quote-unattributed", "narrative-quotation-marks",
        "list-bullets", "list-numbered", "list-flattened", "bullet-headings",
        "subheading", "day-headings", "name-heading", "triple-newline",
        "repeat-exact", "repeat-near", "repeat-leading",
        "chrome-advertisement", "chrome-play-video", "chrome-slug-play-video", "chrome-placeholder",
        "indented-label", "section-word", "byline", "trailer", "promo", "related-link",
        "read-more-widget", "parent-bullets", "other-update-summaries", "cut-off", "trailing-newline",
    }
    assert expected <= used, sorted(expected - used)


def test_sizes_are_typical(pages):
    sizes = sorted(len(page.data) for page in pages)
    median = sizes[len(sizes) // 2]
    assert 1500 <= median <= 5000
    assert sum(1500 <= size <= 5000 for size in sizes) / len(sizes) > 0.8
    cut = [page for page in pages if page.cut]
    assert 0.15 < len(cut) / len(pages) < 0.35
    assert all(1850 <= len(page.data) <= 2400 for page in cut)


def test_pages_are_varied(pages):
    lines = [line for page in pages for line in page.data.decode("utf-8").split("\n") if line.strip()]
    assert len(set(lines)) / len(lines) > 0.9


def test_every_page_reads_as_the_generator_meant(pages):
    for page in pages:
        article = read_article(page.data)
        # The headline the generator chose: an update page's own item title, never the parent's.
        assert article.headline == page.headline, page
        assert len(article.blocks) >= 1, page
        if page.layout == pagegen.UPDATE_NEW:
            assert article.live_story is not None and article.live_story.title == page.parent, page


def test_long_pages_helper():
    lines = pagegen.paragraphs(300, SEED)
    assert len(lines) == 300 and all(line.strip() and "\n" not in line for line in lines)
    assert pagegen.paragraphs(300, SEED) == lines
    repeated = pagegen.paragraphs(300, SEED, repeats=0.3)
    assert len(set(repeated)) < len(repeated)  # exact repeats are there
    article = read_article(pagegen.page_from(lines, "A long invented page"))
    assert article.headline == "A long invented page" and len(article.blocks) > 100
