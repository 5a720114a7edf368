"""The measuring corpus is consistent with itself (the reader is not run here).

Every ``fixtures/corpus/NAME.txt`` has a hand-written ``NAME.expected.json``; so does
``fixtures/assad-aid-defects.txt``. These tests check that each expectation is well formed
and only uses text that is really on its page, so that the corpus measures the reader and
not typing mistakes:

- the expected file has exactly the contract keys (the JSON contract minus schema/source/format/words; text pages use only the schema-1 block types)
  and every value has the right type;
- every ``removed`` entry points at an existing line whose text contains the entry's text
  (the whole line, or a leading repeat, or the page date glued to the line's start);
  ``of`` (duplicates only) points at an earlier existing line that resembles it; entries are in
  line order;
- every string the reader is expected to show (headline, byline, live story, paragraph,
  heading, caption, credit, media note, quote paragraph, attribution, list item) occurs in the
  page text, or in the page once the removed leading repeats are cut out of their lines;
- every non-blank line of the page is accounted for: removed, or made of expected strings
  plus markers (bullets, numbers, credit markers, dashes, punctuation).
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"

PAGES = sorted(CORPUS.glob("*.txt")) + [ROOT / "fixtures" / "assad-aid-defects.txt"]

TOP_KEYS = {"headline", "date", "byline", "live_story", "truncated", "blocks", "removed"}
BLOCK_KEYS = {
    "paragraph": {"type", "text"},
    "heading": {"type", "text"},
    "image": {"type", "caption", "credit"},
    "media": {"type", "text"},
    "quote": {"type", "paragraphs", "attribution"},
    "list": {"type", "ordered", "items"},
}
REMOVED_KEYS = {"line", "text", "reason", "of"}


def _expected_path(page: Path) -> Path:
    return page.with_name(page.name[: -len(".txt")] + ".expected.json")


def _load(page: Path):
    text = page.read_bytes().decode("utf-8")
    expected = json.loads(_expected_path(page).read_text(encoding="utf-8"))
    return text, text.split("\n"), expected


def _norm(s: str) -> str:
    return " ".join(s.split())


def _is_str_or_none(value) -> bool:
    return value is None or isinstance(value, str)


def _shown_strings(expected) -> list[str]:
    """Every string the reader must show, credits and attributions included."""
    out = []
    if expected["headline"]:
        out.append(expected["headline"])
    if expected["byline"]:
        out.append(expected["byline"])
    live = expected["live_story"]
    if live:
        out.append(live["title"])
        out.extend(live["summary"])
    for block in expected["blocks"]:
        kind = block["type"]
        if kind in ("paragraph", "heading", "media"):
            out.append(block["text"])
        elif kind == "image":
            out.append(block["caption"])
            if block["credit"]:
                out.append(block["credit"])
        elif kind == "quote":
            out.extend(block["paragraphs"])
            if block["attribution"]:
                out.append(block["attribution"])
        elif kind == "list":
            out.extend(block["items"])
    return out


def _kept_lines(lines, expected) -> list[str]:
    """The page lines with every removed part cut out (whole lines become empty)."""
    kept = list(lines)
    for entry in expected["removed"]:
        index = entry["line"] - 1
        kept[index] = kept[index].replace(entry["text"], " ", 1)
    return kept


def _ids(pages):
    return [p.name[: -len(".txt")] for p in pages]


def test_corpus_is_there():
    corpus_pages = sorted(CORPUS.glob("*.txt"))
    assert len(corpus_pages) >= 35
    assert (CORPUS / "README.md").is_file()
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for page in corpus_pages:
        assert page.name in readme, f"{page.name} is not described in fixtures/corpus/README.md"


def test_no_stray_expected_files():
    for path in CORPUS.glob("*.expected.json"):
        assert path.with_name(path.name[: -len(".expected.json")] + ".txt").is_file(), path.name


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_page_is_utf8_text(page):
    data = page.read_bytes()
    assert data, "empty page"
    data.decode("utf-8")
    assert b"\r" not in data


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_expected_shape_and_types(page):
    assert _expected_path(page).is_file(), f"missing {_expected_path(page).name}"
    _, _, expected = _load(page)
    assert set(expected) == TOP_KEYS
    assert _is_str_or_none(expected["headline"])
    assert _is_str_or_none(expected["byline"])
    assert isinstance(expected["truncated"], bool)
    date = expected["date"]
    if date is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date), date
        datetime.date.fromisoformat(date)
    live = expected["live_story"]
    if live is not None:
        assert set(live) == {"title", "summary"}
        assert isinstance(live["title"], str) and live["title"].strip()
        assert isinstance(live["summary"], list)
        assert all(isinstance(s, str) and s.strip() for s in live["summary"])
    assert isinstance(expected["blocks"], list) and expected["blocks"]
    for block in expected["blocks"]:
        assert isinstance(block, dict)
        kind = block.get("type")
        assert kind in BLOCK_KEYS, f"bad block type {kind!r}"
        assert set(block) == BLOCK_KEYS[kind], block
        if kind in ("paragraph", "heading", "media"):
            assert isinstance(block["text"], str) and block["text"].strip()
            assert block["text"] == block["text"].strip()
        elif kind == "image":
            # A caption is never blank, except for a picture that is only a credit line
            # (``Credit: PA`` after a narrative sentence): then the credit is there.
            assert isinstance(block["caption"], str) and (block["caption"].strip() or block["credit"])
            assert block["caption"] == block["caption"].strip()
            assert block["credit"] is None or (isinstance(block["credit"], str) and block["credit"].strip())
        elif kind == "quote":
            assert isinstance(block["paragraphs"], list) and block["paragraphs"]
            assert all(isinstance(p, str) and p.strip() for p in block["paragraphs"])
            assert _is_str_or_none(block["attribution"])
            if block["attribution"] is not None:
                assert not block["attribution"].startswith(("–", "-"))
        elif kind == "list":
            assert isinstance(block["ordered"], bool)
            assert isinstance(block["items"], list) and block["items"]
            assert all(isinstance(i, str) and i.strip() for i in block["items"])
    assert isinstance(expected["removed"], list)
    for entry in expected["removed"]:
        assert isinstance(entry, dict) and set(entry) == REMOVED_KEYS, entry
        assert isinstance(entry["line"], int) and not isinstance(entry["line"], bool)
        assert isinstance(entry["text"], str) and entry["text"] == entry["text"].strip() and entry["text"]
        assert entry["reason"] in ("boilerplate", "duplicate")
        if entry["reason"] == "boilerplate":
            assert entry["of"] is None, entry
        else:
            assert isinstance(entry["of"], int) and not isinstance(entry["of"], bool), entry


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_removed_entries_point_at_the_page(page):
    _, lines, expected = _load(page)
    previous = 0
    seen = set()
    for entry in expected["removed"]:
        line = entry["line"]
        assert 1 <= line <= len(lines), f"line {line} is not in the page ({len(lines)} lines)"
        assert line >= previous, "removed is not in line order"
        assert line not in seen, f"line {line} removed twice"
        seen.add(line)
        previous = line
        assert entry["text"] in lines[line - 1], f"line {line}: {entry['text']!r} not in {lines[line - 1]!r}"
        if entry["text"] != lines[line - 1].strip():
            # A part of a line: a leading repeat (the repeated part), or the page date
            # glued to the start of the first line of content; never other chrome.
            glued_date = re.fullmatch(r"date \d{4}-\d{2}(?:-\d{2})?", entry["text"]) and \
                lines[line - 1].strip().startswith(entry["text"] + " ")
            assert entry["reason"] == "duplicate" or (glued_date and entry["reason"] == "boilerplate"), entry
        of = entry["of"]
        if of is not None:
            assert 1 <= of < line, f"line {line}: of={of} must be an earlier line"
            earlier = lines[of - 1].strip()
            assert earlier, f"line {line}: of={of} is blank"
            ratio = difflib.SequenceMatcher(None, entry["text"], earlier).ratio()
            assert ratio >= 0.7, f"line {line} does not resemble line {of} (ratio {ratio:.2f})"


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_expected_text_is_on_the_page(page):
    text, lines, expected = _load(page)
    haystacks = (_norm(text), _norm("\n".join(_kept_lines(lines, expected))))
    if expected["date"]:
        # as written (`` date 2019-03-14``), or on a removed date stamp (``Last updated Thu 14 Mar 2019``)
        year, _, day = expected["date"].split("-")
        assert expected["date"] in text or any(
            year in item["text"] and re.search(rf"\b{int(day)}\b", item["text"]) for item in expected["removed"])
    for s in _shown_strings(expected):
        assert s == s.strip(), f"not stripped: {s!r}"
        assert any(_norm(s) in h for h in haystacks), f"invented text: {s!r}"


MARKERS = re.compile(r"(?:^|\s)(?:•|\d{1,2}\.|–|-|Photo:|Credit:|Picture:|Image:)(?=\s|$)")


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_every_line_is_accounted_for(page):
    _, lines, expected = _load(page)
    kept = _kept_lines(lines, expected)
    pieces = sorted({_norm(s) for s in _shown_strings(expected) if s.strip()}, key=len, reverse=True)
    for number, line in enumerate(kept, start=1):
        rest = _norm(line)
        for piece in pieces:
            rest = rest.replace(piece, " ")
        rest = MARKERS.sub(" ", rest)
        rest = re.sub(r"[\s.:]+", "", rest)
        assert not rest, f"line {number} is neither removed nor shown: {lines[number - 1]!r} (left: {rest!r})"
