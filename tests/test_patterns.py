import re

from itvreport.patterns import lazy


def test_lazy_pattern_compiles_on_first_use_and_behaves_like_the_compiled_one():
    pattern = lazy(r"a(b+)", re.IGNORECASE)
    assert pattern._compiled is None
    assert pattern.search("xABB").group(1) == "BB"
    assert pattern._compiled is not None
    assert pattern.sub("-", "ab xab") == "- x-"
    assert pattern.findall("ab abb") == ["b", "bb"]
    assert pattern.pattern == "a(b+)" and pattern.flags & re.IGNORECASE


def test_a_reader_module_compiles_nothing_at_import():
    import importlib

    import itvreport.structure.media as media

    media = importlib.reload(media)
    assert media._WARNING._compiled is None
