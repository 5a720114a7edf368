"""itvreport.read: loading bytes, decoding them, making text terminal-safe, sniffing HTML."""

from __future__ import annotations

import io
import os
import sys
import time

import pytest

from itvreport import read
from itvreport.errors import InputError

HEADLINE = "Assad aid defects as Clinton accuses Russia"


def write(tmp_path, data: bytes, name: str = "page.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def load_decode(tmp_path, data: bytes, warnings=None) -> str:
    """Write exact bytes to a file, then load and decode it as the CLI does."""
    path = write(tmp_path, data)
    warn = warnings.append if warnings is not None else None
    return read.decode(read.load(path), warn)


# --- load ------------------------------------------------------------------------


def test_load_returns_exact_bytes(tmp_path):
    data = b"\xef\xbb\xbfIt\x92s \r\n\x00 any bytes"
    assert read.load(write(tmp_path, data)) == data


def test_load_missing_file(tmp_path):
    with pytest.raises(InputError) as caught:
        read.load(str(tmp_path / "nope.txt"))
    assert caught.value.message == f"{tmp_path / 'nope.txt'}: no such file"


def test_load_path_through_a_file(tmp_path):
    path = write(tmp_path, b"x")
    with pytest.raises(InputError, match="no such file"):
        read.load(os.path.join(path, "inside.txt"))


def test_load_directory(tmp_path):
    with pytest.raises(InputError) as caught:
        read.load(str(tmp_path))
    assert caught.value.message == f"{tmp_path} is a directory, not a saved page"


def test_load_permission_denied_is_one_line(tmp_path, monkeypatch):
    path = write(tmp_path, b"hello")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", path)

    # read.py looks ``open`` up in its module globals first, then in builtins.
    monkeypatch.setattr(read, "open", refuse, raising=False)
    with pytest.raises(InputError) as caught:
        read.load(path)
    assert caught.value.message == f"{path}: permission denied"
    assert "Errno" not in caught.value.message


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything")
def test_load_unreadable_file(tmp_path):
    path = write(tmp_path, b"hello")
    os.chmod(path, 0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read.load(path)
    finally:
        os.chmod(path, 0o644)


def test_load_other_os_error_uses_strerror(tmp_path, monkeypatch):
    path = write(tmp_path, b"hello")

    def fail(*args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(read, "open", fail, raising=False)
    with pytest.raises(InputError) as caught:
        read.load(path)
    assert caught.value.message == f"{path}: input/output error"


def test_load_size_limit_checked_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path, b"x" * 101)

    def must_not_open(*args, **kwargs):
        raise AssertionError("opened a file that is over the limit")

    monkeypatch.setattr(read, "open", must_not_open, raising=False)
    with pytest.raises(InputError) as caught:
        read.load(path, max_bytes=100)
    assert "over the 100 bytes limit" in caught.value.message
    assert "--max-bytes" in caught.value.message


def test_load_exactly_at_limit(tmp_path):
    path = write(tmp_path, b"x" * 100)
    assert read.load(path, max_bytes=100) == b"x" * 100


def test_load_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"from \x92 stdin")))
    assert read.load("-") == b"from \x92 stdin"


def test_load_stdin_size_limit(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"y" * 11)))
    with pytest.raises(InputError) as caught:
        read.load("-", max_bytes=10)
    assert caught.value.message.startswith("standard input is larger than the 10 bytes limit")


def test_load_no_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(InputError, match="no standard input"):
        read.load("-")


def test_messages_escape_control_characters_in_paths(tmp_path):
    with pytest.raises(InputError) as caught:
        read.load(str(tmp_path / "bad\x1b[31mname"))
    assert "\x1b" not in caught.value.message
    assert "\\x1b[31mname" in caught.value.message


# --- decode: encodings -------------------------------------------------------------


def test_plain_utf8(tmp_path):
    assert load_decode(tmp_path, "Café – ‘quoted’\n".encode()) == "Café – ‘quoted’\n"


def test_utf8_with_bom(tmp_path):
    assert load_decode(tmp_path, b"\xef\xbb\xbf" + f"{HEADLINE} \u2019".encode()) == f"{HEADLINE} \u2019"


def test_utf16_le_with_bom(tmp_path):
    data = b"\xff\xfe" + f"{HEADLINE}\r\nIt\u2019s here\r\n".encode("utf-16-le")
    assert load_decode(tmp_path, data) == f"{HEADLINE}\nIt\u2019s here\n"


def test_utf16_be_with_bom(tmp_path):
    data = b"\xfe\xff" + f"{HEADLINE}\nCaf\u00e9\n".encode("utf-16-be")
    assert load_decode(tmp_path, data) == f"{HEADLINE}\nCaf\u00e9\n"


def test_utf16_le_without_bom_is_not_called_binary(tmp_path):
    data = f"{HEADLINE}\nmore text\n".encode("utf-16-le")
    assert load_decode(tmp_path, data) == f"{HEADLINE}\nmore text\n"


def test_windows_1252(tmp_path):
    warnings = []
    data = b"It\x92s the regime\x92s \x93last\x94 stand \x96 says Clinton, caf\xe9\n"
    text = load_decode(tmp_path, data, warnings)
    assert text == "It\u2019s the regime\u2019s \u201clast\u201d stand \u2013 says Clinton, caf\u00e9\n"
    assert warnings == []


def test_mostly_utf8_with_stray_byte_is_not_cp1252(tmp_path):
    warnings = []
    data = "‘Good’ – “fine” – café ".encode() * 3 + b"bad \x92 byte"
    text = load_decode(tmp_path, data, warnings)
    assert text.startswith("‘Good’ – “fine” – café ")
    assert text.endswith("bad \ufffd byte")
    assert warnings == ["1 invalid byte replaced while decoding as UTF-8"]


def test_invalid_bytes_replaced_with_warning(tmp_path):
    warnings = []
    # \x81 and \x8d are undefined in Windows-1252, so this is neither encoding.
    text = load_decode(tmp_path, b"President \x81Assad\x8d and General Tlass\n", warnings)
    assert text == "President \ufffdAssad\ufffd and General Tlass\n"
    assert warnings == ["2 invalid bytes replaced while decoding as UTF-8"]


def test_invalid_bytes_without_warn_callback():
    assert read.decode(b"a \x81 b") == "a \ufffd b"


def test_decode_accepts_unicode_replacement_character_as_is():
    warnings = []
    assert read.decode("ok \ufffd ok".encode(), warnings.append) == "ok \ufffd ok"
    assert warnings == []


# --- decode: refusals ------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        bytes(range(1, 32)) * 20,
        bytes(range(256)) * 4,
    ],
    ids=["elf", "png", "zip", "controls", "all-bytes"],
)
def test_binary_refused(tmp_path, data):
    with pytest.raises(InputError) as caught:
        load_decode(tmp_path, data)
    assert caught.value.message == "input looks like a binary file, not a saved page"


def test_random_bytes_without_nul_refused():
    import random

    rng = random.Random(7)
    data = bytes(rng.choice([b for b in range(1, 256)]) for _ in range(4000))
    with pytest.raises(InputError, match="binary"):
        read.decode(data)


@pytest.mark.parametrize("data", [b"", b" ", b"\n\n\r\n", b" \t \n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n",
                                  b"\xff\xfe" + " \n\t".encode("utf-16-le"), b"\x1b[2J\x1b[H\n"])
def test_empty_or_whitespace_refused(tmp_path, data):
    with pytest.raises(InputError) as caught:
        load_decode(tmp_path, data)
    assert caught.value.message == "input is empty"


# --- decode: normalising and making terminal-safe ------------------------------------


def test_crlf_and_lone_cr(tmp_path):
    assert load_decode(tmp_path, b"one\r\ntwo\rthree\n\r\nfour") == "one\ntwo\nthree\n\nfour"


def test_tabs_become_spaces():
    assert read.decode(b"a\tb\t\tc") == "a b  c"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("\x1b[31mred\x1b[0m text", "red text"),
        ("\x1b]0;title\x07headline", "headline"),
        ("see \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ here", "see link here"),
        ("\x1b[2Jcleared", "cleared"),
        ("\x1b[1;38;5;196mbold\x1b[m", "bold"),
        ("\x1b(Bcharset \x1b7saved\x1b8", "charset saved"),
        ("\x1bcreset", "reset"),
        ("\x1bPq#0;2;0;0;0\x1b\\sixel", "sixel"),
        ("unterminated \x1b]0;title\nnext line", "unterminated \nnext line"),
        ("cut off at the end \x1b[", "cut off at the end "),
        ("lone escape \x1b", "lone escape "),
        ("\u202eevil\u202c text", "evil text"),
        ("\u2066isolate\u2069 \u202aembed\u202c \u202bx\u202c \u202dy", "isolate embed x y"),
        ("C1 \x9b31m csi and \x85 nel", "C1 31m csi and  nel"),
        ("bell\x07 backspace\x08 del\x7f nul-free\x0b\x0c", "bell backspace del nul-free"),
        ("zero\ufeffwidth", "zerowidth"),
    ],
)
def test_terminal_safe(raw, expected, tmp_path):
    text = load_decode(tmp_path, raw.encode())
    assert text == expected
    assert not any(ch in text for ch in "\x1b\x07\x08\x7f\x9b\u202e\u2066")


def test_no_control_characters_survive():
    raw = "".join(chr(c) for c in range(0x00, 0xA0) if c != 0) + "".join(
        chr(c) for c in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF)
    ) + " text"
    text = read.decode(("words " * 100 + raw).encode())
    for ch in text:
        code = ord(ch)
        assert ch == "\n" or not (code < 0x20 or 0x7F <= code <= 0x9F), repr(ch)
        assert ch not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"


def test_unicode_text_kept():
    text = "Ünïcödé – “quotes” — emoji 🇬🇧 and Arabic بشار الأسد\n"
    assert read.decode(text.encode()) == text


def test_plain_text_fast_path_returns_same_object():
    text = "An ordinary line of text.\nAnother one, with a ‘quote’.\n" * 10
    assert read.clean_text(text) is text


def test_decode_is_fast_on_a_large_page():
    line = "President Assad and General Manaf Tlass have been friends since childhood.\n"
    data = (line * 60_000).encode()  # ~4.5 MB
    noisy = (line.replace("Assad", "\x1b[1mAssad\x1b[0m").replace("\n", "\r\n") * 20_000).encode()
    start = time.perf_counter()
    assert read.decode(data).count("\n") == 60_000
    assert read.decode(noisy).count("\n") == 20_000
    assert time.perf_counter() - start < 2.0


# --- sniff ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html>\n<html><head><title>x</title></head><body></body></html>",
        "\n\n   <!doctype html><p>hi</p>",
        "\ufeff<html lang=\"en\">",
        "<HTML>\n<BODY>old page</BODY></HTML>",
        '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
        "<div class=\"article\">\n<p>One paragraph.</p>\n<p>Another.</p>\n</div>\n",
        "Saved from the web\n" + "<div><span>nav</span></div>\n" * 30,
    ],
)
def test_sniff_html(text):
    assert read.sniff(text) == "html"


@pytest.mark.parametrize(
    "text",
    [
        "Assad aid defects as Clinton accuses Russia\n\nPresident Assad and ...\n",
        "Use the <b> tag for bold, said nobody in this article.\n" + "Plain words. " * 200,
        "Scores: 3 < 5 and 7 > 2\n" * 20,
        "email me <someone@example.com> for details\n",
        "",
        "   \n",
    ],
)
def test_sniff_text(text):
    assert read.sniff(text) == "text"


def test_sniff_the_fixture():
    path = os.path.join(os.path.dirname(__file__), os.pardir, "fixtures", "assad-aid-defects.txt")
    text = read.decode(read.load(path))
    assert read.sniff(text) == "text"
    assert "Assad aid defects as Clinton accuses Russia and Syria" in text


# --- the pipeline front --------------------------------------------------------------


def test_pipeline_reads_a_sniffed_html_page_as_html():
    from itvreport.pipeline import read_article

    article = read_article(b"<!doctype html><html><body><p>x</p></body></html>", source="page.html")
    assert article.format == "html"
    assert article.blocks[0].text == "x"


def test_pipeline_names_the_source_in_decode_errors():
    from itvreport.pipeline import read_article

    with pytest.raises(InputError) as caught:
        read_article(b"  \n", source="empty.txt")
    assert caught.value.message == "empty.txt: input is empty"
    with pytest.raises(InputError) as caught:
        read_article(b"\x00\x01\x02", source="-")
    assert caught.value.message == "standard input: input looks like a binary file, not a saved page"
