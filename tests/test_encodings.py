"""Bytes and encodings: every encoding a saved page comes in reads as the same text;
bad bytes are replaced with a warning; mojibake is repaired; oversized input is
refused before it is read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itvreport import read
from itvreport.errors import InputError
from itvreport.pipeline import read_article
from helpers import clean_env

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "assad-aid-defects.txt"
DEEP = int(os.environ.get("ITVREPORT_PROPERTY_EXAMPLES") or 0)  # see test_properties
PROPERTY = settings(max_examples=DEEP or 200, derandomize=not DEEP, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def run(*args, input=None, env=None):
    proc = subprocess.run([sys.executable, "-m", "itvreport", *map(str, args)], input=input,
                          stdin=None if input is not None else subprocess.DEVNULL,
                          capture_output=True, env=env or clean_env(), cwd=ROOT, timeout=60)
    proc.out = proc.stdout.decode("utf-8")
    proc.err = proc.stderr.decode("utf-8")
    return proc


def decode(data: bytes):
    warnings = []
    return read.decode(data, warnings.append), warnings


# --- the same text in every encoding ---------------------------------------------------------

ORIGINAL = FIXTURE.read_text(encoding="utf-8")
ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "utf-16-le with BOM": lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
    "utf-16-be with BOM": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
    "windows-1252": lambda text: text.encode("cp1252"),
    "utf-8, CRLF": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "utf-16-le with BOM, CRLF": lambda text: b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"),
    "windows-1252, CR": lambda text: text.replace("\n", "\r").encode("cp1252"),
}


@pytest.mark.parametrize("name", list(ENCODINGS))
def test_fixture_reads_the_same_in_every_encoding(name, tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(ENCODINGS[name](ORIGINAL))
    reference = run("show", FIXTURE, "--format", "json")
    proc = run("show", path, "--format", "json")
    assert proc.returncode == 0, proc.err
    assert proc.err == ""  # no warning: nothing was wrong with these bytes
    got, expected = json.loads(proc.out), json.loads(reference.out)
    got.pop("source"), expected.pop("source")
    assert got == expected


def test_windows_1252_punctuation_decodes_to_the_right_characters():
    text, warnings = decode(b"It\x92s \x93here\x94 \x96 \x85 \x80 5 caf\xe9 na\xefve \x91yes\x92")
    assert text == "It’s “here” – … € 5 café naïve ‘yes’"
    assert warnings == []


@pytest.mark.parametrize("bom, codec", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_utf16_outside_the_bmp(bom, codec):
    text, warnings = decode(bom + "Emoji 😀 and 𝄞 and 漢字\n".encode(codec))
    assert text == "Emoji 😀 and 𝄞 and 漢字\n"
    assert warnings == []


def test_utf16_cut_in_half_a_character_is_replaced_with_a_warning():
    data = b"\xff\xfe" + "Headline here\n\nBody 😀".encode("utf-16-le")[:-1]
    text, warnings = decode(data)
    assert text.startswith("Headline here\n\nBody ")
    assert text.endswith("\ufffd")
    assert len(warnings) == 1 and "replaced while decoding as UTF-16" in warnings[0]


# Invented text in the encodings a page comes in. Words between ASCII spaces, as in
# real text, so a Windows-1252 page is not, by accident, also valid UTF-8.
CP1252_WORDS = ["It’s", "“quoted”", "café", "naïve", "–", "—", "…", "€5", "£3", "señor", "Zürich", "‘x’", "plain", "words"]
UNICODE_WORDS = CP1252_WORDS + ["漢字", "😀", "بشار", "שלום", "Ελλάδα", "Москва", "e\u0301", "🇬🇧"]


def sentence(vocabulary):
    return st.lists(st.sampled_from(vocabulary), min_size=1, max_size=40).map(" ".join)


def page(vocabulary):
    return st.lists(sentence(vocabulary), min_size=1, max_size=8).map("\n\n".join)


@PROPERTY
@given(page(UNICODE_WORDS), st.sampled_from(["utf-8", "utf-8 with BOM", "utf-16-le with BOM", "utf-16-be with BOM"]))
def test_any_unicode_text_round_trips(text, name):
    decoded, warnings = decode(ENCODINGS[name](text))
    assert decoded == text
    assert warnings == []


@PROPERTY
@given(page(CP1252_WORDS))
def test_any_windows_1252_text_round_trips(text):
    decoded, warnings = decode(text.encode("cp1252"))
    assert decoded == text
    assert warnings == []


# --- invalid bytes: replaced, with a warning -----------------------------------------------------


BAD_BYTES = [b"\x81", b"\x8d", b"\xc3", b"\xe2\x80", b"\xff", b"\xc0\xaf", b"\xed\xa0\x80"]


@PROPERTY
@given(st.lists(sentence(UNICODE_WORDS), min_size=3, max_size=8).map("\n\n".join),
       st.lists(st.tuples(st.sampled_from(BAD_BYTES), st.integers(0, 10_000)), min_size=1, max_size=3))
def test_invalid_bytes_are_replaced_and_reported(text, bad):
    """Bad bytes dropped between the words of a page: each is replaced (one U+FFFD per
    maximal bad sequence), the warning counts the bytes, and every word stays."""
    # A page that is clearly UTF-8 (else a few stray bytes could make it Windows-1252).
    text = "Café “naïve” – señor’s Zürich.\n\n" + text
    pieces = text.encode("utf-8").split(b" ")
    for chunk, where in bad:
        at = where % len(pieces)
        pieces[at] = pieces[at] + b" " + chunk
    data = b" ".join(pieces)
    if len(data) < 12 * sum(len(chunk) for chunk, _ in bad):
        return  # mostly bad bytes: refused as binary, tested elsewhere
    decoded, warnings = decode(data)
    count = sum(len(chunk) for chunk, _ in bad)
    assert warnings == [f"{count} invalid byte{'s' if count != 1 else ''} replaced while decoding as UTF-8"]
    assert decoded.replace(" \ufffd", "").replace("\ufffd", "") == text
    assert decoded.count("\ufffd") >= len(bad)


def test_invalid_bytes_warning_on_stderr_and_exit_0(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes(b"A headline about the things\n\nPresident \x81Assad\x8d spoke to the nation.\n")
    proc = run("show", path, "--format", "text")
    assert proc.returncode == 0
    assert proc.err == f"itvreport: warning: {path}: 2 invalid bytes replaced while decoding as UTF-8\n"
    assert "President \ufffdAssad\ufffd spoke to the nation." in proc.out


# --- mojibake ---------------------------------------------------------------------------------------

MOJIBAKE = [
    ("It\u00e2\u20ac\u2122s", "It’s"),                         # ’ read as Windows-1252
    ("caf\u00c3\u00a9 na\u00c3\u00afve", "café naïve"),         # é, ï
    ("\u00e2\u20ac\u0153quoted\u00e2\u20ac\x9d", "“quoted”"),   # ” whose third byte is a C1 control
    ("\u00e2\u20ac\u201d a dash", "— a dash"),
    ("\u00c2\u00a35 a pint", "£5 a pint"),
    ("It\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s", "It’s"),  # decoded wrongly twice
]


@pytest.mark.parametrize("garbled, fixed", MOJIBAKE, ids=[fixed for _, fixed in MOJIBAKE])
def test_mojibake_is_repaired(garbled, fixed):
    text, warnings = decode(f"Headline\n\nA line: {garbled} here.\n".encode("utf-8"))
    assert text == f"Headline\n\nA line: {fixed} here.\n"
    assert warnings == ["repaired mojibake on 1 line (text garbled by an earlier wrong decoding, like â€™ for ’)"]


def test_mojibake_repair_counts_lines_and_leaves_the_others():
    data = "Clean line’s fine\nIt\u00e2\u20ac\u2122s one\nTwo \u00c3\u00a9\n".encode()
    text, warnings = decode(data)
    assert text == "Clean line’s fine\nIt’s one\nTwo é\n"
    assert warnings == ["repaired mojibake on 2 lines (text garbled by an earlier wrong decoding, like â€™ for ’)"]


@pytest.mark.parametrize("text", [
    "Ordinary words, ‘quotes’ and “more” – café, naïve, Zürich, £5, €3.",
    "Fuß… Ö» Æsir ÿ ÐÑ ñandú — legitimate Latin-1 letters next to punctuation",
    "漢字 😀 بشار",
])
def test_text_that_is_not_mojibake_is_left_alone(text):
    decoded, warnings = decode(text.encode("utf-8"))
    assert decoded == text
    assert warnings == []


def test_fixture_with_mojibake_reads_like_the_fixture(tmp_path):
    garbled = ORIGINAL.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    assert "â€" in garbled.decode() or "Ã" in garbled.decode()
    path = tmp_path / "mojibake.txt"
    path.write_bytes(garbled)
    reference = json.loads(run("show", FIXTURE, "--format", "json").out)
    proc = run("show", path, "--format", "json")
    assert proc.returncode == 0, proc.err
    assert proc.err.startswith(f"itvreport: warning: {path}: repaired mojibake on ")
    got = json.loads(proc.out)
    got.pop("source"), reference.pop("source")
    assert got == reference


def test_mojibake_repair_without_ftfy_leaves_the_text(monkeypatch):
    monkeypatch.setitem(sys.modules, "ftfy", None)  # import ftfy now raises ImportError
    text, warnings = decode("It\u00e2\u20ac\u2122s\n".encode())
    assert text == "It\u00e2\u20ac\u2122s\n"
    assert warnings == []


PROBE = textwrap.dedent(
    """
    import json, sys, time
    start = time.perf_counter()
    from itvreport import read
    text = read.decode(open(sys.argv[1], "rb").read())
    print(json.dumps({"ftfy": "ftfy" in sys.modules, "seconds": time.perf_counter() - start}))
    """
)


def probe(path) -> dict:
    proc = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True,
                          env=clean_env(), cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_plain_pages_do_not_import_ftfy(tmp_path):
    assert probe(FIXTURE)["ftfy"] is False
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes(ORIGINAL.encode("cp1252"))
    assert probe(cp1252)["ftfy"] is False


def test_mojibake_pages_import_ftfy_at_a_bounded_cost(tmp_path):
    path = tmp_path / "mojibake.txt"
    path.write_bytes("It\u00e2\u20ac\u2122s here\n".encode())
    garbled, plain = probe(path), probe(FIXTURE)
    assert garbled["ftfy"] is True
    # Measured about 40 ms on the CI machine (README, Reliability); generous bound here.
    assert garbled["seconds"] - plain["seconds"] < 1.0


# --- the size limit ----------------------------------------------------------------------------------


def test_default_limit_refuses_a_file_over_50_mb_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)  # sparse: nothing to read, only the size is real
    proc = run("show", path)
    assert proc.returncode == 1
    assert proc.err == (f"itvreport: error: {path} is 50 MB, over the 50 MB limit (raise it with --max-bytes)\n")
    assert proc.stdout == b""


def test_default_limit_accepts_exactly_50_mb(monkeypatch, tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    # Not read here (it is NULs, so binary): the limit check alone must pass.
    with pytest.raises(InputError, match="binary"):
        read.decode(read.load(str(path)))


def test_max_bytes_refuses_stdin_after_reading_only_the_limit():
    proc = run("show", "-", "--max-bytes", "10K", input=b"Headline\n\n" + b"words and more words. " * 2000)
    assert proc.returncode == 1
    assert proc.err == "itvreport: error: standard input is larger than the 10 KB limit (raise it with --max-bytes)\n"


def test_max_bytes_refuses_a_growing_stream_without_reading_it_whole(monkeypatch):
    """A stream with no end (a device, a pipe that keeps going) is read only to the limit."""

    class Endless:
        read_sizes = []

        def read(self, size=-1):
            assert size != -1, "read whole"
            Endless.read_sizes.append(size)
            return b"x" * size

    class Stdin:
        buffer = Endless()

    monkeypatch.setattr(sys, "stdin", Stdin())
    with pytest.raises(InputError, match="larger than the 1 KB limit"):
        read.load("-", max_bytes=1024)
    assert Endless.read_sizes == [1025]


def test_max_bytes_at_the_limit_reads(tmp_path):
    path = tmp_path / "page.txt"
    data = b"Headline here\n\nThe body of the page.\n"
    path.write_bytes(data)
    assert run("show", path, "--max-bytes", str(len(data)), "--format", "text").returncode == 0
    assert run("show", path, "--max-bytes", str(len(data) - 1)).returncode == 1


def test_read_article_names_source_in_limit_free_errors():
    with pytest.raises(InputError, match="^page.txt: input is empty$"):
        read_article(b"\xef\xbb\xbf  \r\n", source="page.txt")
