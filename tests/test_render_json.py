"""JSON renderer and the article schema (draft 2020-12)."""

import copy
import json

import jsonschema
import pytest

from itvreport.model import (
    BLOCK_TYPES, Article, Heading, Image, ListBlock, LiveStory, Media, Paragraph, Quote, Removed,
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
    ]


def test_output_format():
    out = render(full_article(), RenderOptions(width=20, explain=True))
    assert out.endswith("}\n") and not out.endswith("\n\n")
    assert "Ciarán" in out  # not \u00e1
    assert out.startswith('{\n  "schema": 1,\n  "source": "storm.txt",')
    assert out == json.dumps(full_article().to_dict(), ensure_ascii=False, indent=2) + "\n"


def test_minimal_article_validates():
    data = json.loads(render(Article(), RenderOptions()))
    VALIDATOR.validate(data)
    assert data == {
        "schema": 1, "source": "-", "format": "text", "headline": None, "date": None,
        "byline": None, "live_story": None, "truncated": False, "blocks": [], "removed": [],
        "words": 0,
    }


def test_every_block_type_of_the_model_is_in_the_schema():
    samples = {
        "paragraph": Paragraph("p"), "heading": Heading("h"), "image": Image("c"),
        "media": Media("m"), "quote": Quote(("q",)), "list": ListBlock(("i",)),
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
    "schema 2": lambda d: d.update(schema=2),
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
    "block type unknown": lambda d: d["blocks"][0].update(type="table"),
    "image no credit": lambda d: d["blocks"][2].pop("credit"),
    "quote paragraphs str": lambda d: d["blocks"][5].update(paragraphs="one"),
    "quote no attribution": lambda d: d["blocks"][5].pop("attribution"),
    "list ordered str": lambda d: d["blocks"][7].update(ordered="yes"),
    "list items int": lambda d: d["blocks"][7].update(items=[1, 2]),
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
