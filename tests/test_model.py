"""The records of ``itvreport.model``: written-out constructors match the generated ones."""

import inspect

import pytest

from itvreport import model
from itvreport.model import _make_init, _Record

RECORDS = [cls for cls in vars(model).values()
           if isinstance(cls, type) and issubclass(cls, _Record) and cls is not _Record]


def test_every_record_is_checked():
    names = {cls.__name__ for cls in RECORDS}
    assert names >= {"Paragraph", "Heading", "Image", "Media", "Quote", "ListBlock", "Removed",
                     "LiveStory", "Article"}


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_written_out_init_is_the_generated_one(cls):
    """Same parameters, order and defaults as ``_make_init`` would give, and it sets every field."""
    assert inspect.signature(cls.__init__) == inspect.signature(_make_init(cls))
    generated = _make_init(cls)
    arguments = {name: f"<{name}>" for name in cls._fields}
    record = cls(**arguments)
    other = cls.__new__(cls)
    generated(other, **arguments)
    assert record == other
    assert [getattr(record, name) for name in cls._fields] == list(arguments.values())


def test_defaults():
    assert model.Paragraph("x") == model.Paragraph("x", line=0)
    article = model.Article()
    assert (article.source, article.format, article.blocks, article.words) == ("-", "text", (), 0)


def test_a_record_without_its_own_init_gets_one():
    class Pair(_Record):
        __slots__ = ("a", "b")
        _fields = ("a", "b")
        _defaults = {"b": 2}

    assert (Pair(1).a, Pair(1).b, Pair(1, b=3).b) == (1, 2, 3)
    with pytest.raises(AttributeError):
        Pair(1).a = 5


# --- code and table blocks ----------------------------------------------------------------------


def test_code_and_table_are_immutable_records():
    code = model.Code("if x:\n\tgo()", language="python", line=4)
    table = model.Table((("a", "1"),), header=("name", "n"), line=9)
    for record, field in ((code, "text"), (table, "rows")):
        with pytest.raises(AttributeError):
            setattr(record, field, "changed")
    assert code == model.Code("if x:\n\tgo()", "python", 4)
    assert code != model.Code("if x:\n    go()", "python", 4)  # indentation is content
    assert table.replace(header=None) == model.Table((("a", "1"),), line=9)
    assert (code.type, table.type) == ("code", "table")


def test_code_and_table_to_dict():
    assert model.Code("x = 1\n").to_dict() == {"type": "code", "text": "x = 1\n", "language": None}
    table = model.Table((("a", ""), ("b", "2")), header=("k", "v"))
    assert table.to_dict() == {"type": "table", "header": ["k", "v"], "rows": [["a", ""], ["b", "2"]]}
    assert model.Table((("a",),)).to_dict()["header"] is None


def test_words_of_code_and_tables():
    """Code: its whitespace-separated pieces; a table: the words of every cell, header included."""
    code = model.Code("def main():\n\treturn 0  # done\n")
    table = model.Table((("Kent coast", ""), ("Ashford", "8,000 homes")), header=("Place", "Homes cut off"))
    assert model.block_texts(code) == ["def main():\n\treturn 0  # done\n"]
    assert model.block_texts(table) == ["Place", "Homes cut off", "Kent coast", "Ashford", "8,000 homes"]
    assert model.article_words("Storm", (code, table)) == 1 + 6 + 9
