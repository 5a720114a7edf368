"""JSON renderer and the article schema (draft 2020-12)."""

import copy
import json

import jsonschema
import pytest

from itvreport.model import (
    BLOCK_TYPES, Article, Code, Heading, Image, ListBlock, LiveStory, Media, Paragraph, Quote, Removed, Table,
)
from itvreport.render import RenderOptions
from itvreport.render.json import render
from itvreport.schema import load_schema

VALIDATOR = jsonschema.Draft202012Validator(load_schema())


def full_article():
    return Article(
        source="storm.txt",
        headline="Storm [bold red]Ciarán[/] batters *coast*",
        date="2024-11-02",
        byline="Jane Doe",
        live_story=LiveStory("Storm Ciarán: live", ("Winds of 100mph", "Trains cancelled")),
        truncated=True,
        blocks=(
            Paragraph("Winds reached [bold red]90mph[/] overnight.", line=12),
            Heading("What happens next?", line=14),
            Image("Waves at [link=http://e]y[/link]", credit="PA", line=16),
            Image("A fallen tree", line=17),
            Media("Watch: a tree falls", line=19),
            Quote(("Never seen it.", "Stay indoors."), attribution="Jo Smith", line=22),
            Quote(("Unattributed.",), line=24),
            ListBlock(("Schools closed", "Roads flooded"), line=26),
            ListBlock(("First", "Second"), ordered=True, line=29),
            Code("def gust(speed):\n\treturn speed > 90\n", language="python", line=31),
            Code("  plain  text", line=35),
            Table((("Kent", "8,000"), ("Sussex", "")), header=("County", "Homes"), line=37),
            Table((("a", "b"),), line=41),
        ),
        removed=(Removed(21, "Winds reached", "duplicate", of=12), Removed(3, "Ad", "boilerplate")),
        words=40,
    )


def test_schema_is_valid_draft_2020_12():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_output_validates_and_round_trips():
    article = full_article()
    out = render(article, RenderOptions())
    data = json.loads(out)
    VALIDATOR.validate(data)
    assert data == article.to_dict()
    assert [block["type"] for block in data["blocks"]] == [
        "paragraph", "heading", "image", "image", "media", "quote", "quote", "list", "list",
        "code", "code", "table", "table",
    ]
    assert data["blocks"][9:] == [
        {"type": "code", "text": "def gust(speed):\n\treturn speed > 90\n", "language": "python"},
        {"type": "code", "text": "  plain  text", "language": None},
        {"type": "table", "header": ["County", "Homes"], "rows": [["Kent", "8,000"], ["Sussex", ""]]},
        {"type": "table", "header": None, "rows": [["a", "b"]]},
    ]


def test_code_keeps_tabs_and_line_breaks_as_json_escapes():
    out = render(Article(blocks=(Code("a\n\tb"),)), RenderOptions())
    assert '"text": "a\\n\\tb"' in out


def test_output_format():
    out = render(full_article(), RenderOptions(width=20, explain=True))
    assert out.endswith("}\n") and not out.endswith("\n\n")
    assert "Ciarán" in out  # not \u00e1
    assert out.startswith('{\n  "schema": 2,\n  "source": "storm.txt",')
    assert out == json.dumps(full_article().to_dict(), ensure_ascii=False, indent=2) + "\n"


def test_minimal_article_validates():
    data = json.loads(render(Article(), RenderOptions()))
    VALIDATOR.validate(data)
    assert data == {
        "schema": 2, "source": "-", "format": "text", "headline": None, "date": None,
        "byline": None, "live_story": None, "truncated": False, "blocks": [], "removed": [],
        "words": 0,
    }


def test_every_block_type_of_the_model_is_in_the_schema():
    samples = {
        "paragraph": Paragraph("p"), "heading": Heading("h"), "image": Image("c"),
        "media": Media("m"), "quote": Quote(("q",)), "list": ListBlock(("i",)),
        "code": Code("c"), "table": Table((("t",),)),
    }
    assert set(samples) == {cls.type for cls in BLOCK_TYPES}
    enum = load_schema()["$defs"]["block"]["properties"]["type"]["enum"]
    assert sorted(enum) == sorted(samples)
    VALIDATOR.validate(Article(blocks=tuple(samples.values())).to_dict())


def broken(change):
    data = full_article().to_dict()
    change(data)
    return data


BROKEN = {
    "no words": lambda d: d.pop("words"),
    "no live_story": lambda d: d.pop("live_story"),
    "schema 1": lambda d: d.update(schema=1),
    "schema 3": lambda d: d.update(schema=3),
    "date words": lambda d: d.update(date="2 Nov 2024"),
    "date short": lambda d: d.update(date="2024-11-2"),
    "headline int": lambda d: d.update(headline=5),
    "truncated str": lambda d: d.update(truncated="no"),
    "words negative": lambda d: d.update(words=-1),
    "live_story no summary": lambda d: d.update(live_story={"title": "x"}),
    "reason unknown": lambda d: d["removed"][0].update(reason="spam"),
    "removed no of": lambda d: d["removed"][0].pop("of"),
    "removed line str": lambda d: d["removed"][0].update(line="21"),
    "paragraph no text": lambda d: d["blocks"][0].pop("text"),
    "block type unknown": lambda d: d["blocks"][0].update(type="chart"),
    "image no credit": lambda d: d["blocks"][2].pop("credit"),
    "quote paragraphs str": lambda d: d["blocks"][5].update(paragraphs="one"),
    "quote no attribution": lambda d: d["blocks"][5].pop("attribution"),
    "list ordered str": lambda d: d["blocks"][7].update(ordered="yes"),
    "list items int": lambda d: d["blocks"][7].update(items=[1, 2]),
    "code no text": lambda d: d["blocks"][9].pop("text"),
    "code no language": lambda d: d["blocks"][9].pop("language"),
    "code language int": lambda d: d["blocks"][9].update(language=3),
    "code lines as a list": lambda d: d["blocks"][9].update(text=["a", "b"]),
    "table no header": lambda d: d["blocks"][11].pop("header"),
    "table no rows": lambda d: d["blocks"][11].pop("rows"),
    "table header str": lambda d: d["blocks"][11].update(header="County Homes"),
    "table rows flat": lambda d: d["blocks"][11].update(rows=["Kent", "8,000"]),
    "table cell int": lambda d: d["blocks"][11].update(rows=[["Kent", 8000]]),
}


@pytest.mark.parametrize("name", BROKEN)
def test_schema_rejects_broken_contract(name):
    assert not VALIDATOR.is_valid(broken(BROKEN[name]))


def test_schema_allows_extension():
    data = copy.deepcopy(full_article().to_dict())
    data["language"] = "en-GB"
    data["blocks"][0]["id"] = "p1"
    data["removed"][0]["confidence"] = 0.9
    VALIDATOR.validate(data)


# --- schema 2 is a compatible bump of schema 1 ------------------------------------------------------

SCHEMA_1 = jsonschema.Draft202012Validator(load_schema(1))


def schema_1_reader(document: dict) -> dict:
    """What a schema-1 consumer that skips block types it does not know keeps of a document."""
    known = set(SCHEMA_1.schema["$defs"]["block"]["properties"]["type"]["enum"])
    return dict(document, schema=1, blocks=[block for block in document["blocks"] if block["type"] in known])


def test_schema_1_is_still_shipped_and_rejects_the_new_blocks():
    jsonschema.Draft202012Validator.check_schema(SCHEMA_1.schema)
    data = full_article().to_dict()
    assert not SCHEMA_1.is_valid(dict(data, schema=1))  # code and table are not schema-1 block types
    assert SCHEMA_1.is_valid(schema_1_reader(data))


def test_schema_2_keeps_every_schema_1_definition():
    """Every key of schema 1 has the same definition in schema 2; only the block types grew."""
    old, new = SCHEMA_1.schema, load_schema()
    assert new["required"] == old["required"]
    for key, definition in old["properties"].items():
        if key != "schema":
            assert new["properties"][key] == definition, key
    assert new["$defs"]["removed"] == old["$defs"]["removed"]
    old_block, new_block = old["$defs"]["block"], new["$defs"]["block"]
    assert new_block["allOf"][:len(old_block["allOf"])] == old_block["allOf"]
    old_types = old_block["properties"]["type"]["enum"]
    assert new_block["properties"]["type"]["enum"] == old_types + ["code", "table"]


def test_a_text_page_reads_the_same_to_a_schema_1_consumer():
    from pathlib import Path

    from itvreport.pipeline import read_article

    page = Path(__file__).resolve().parent.parent / "fixtures" / "assad-aid-defects.txt"
    data = json.loads(render(read_article(page.read_bytes()), RenderOptions()))
    assert data["schema"] == 2
    assert schema_1_reader(data) == dict(data, schema=1)  # nothing skipped
    SCHEMA_1.validate(dict(data, schema=1))
