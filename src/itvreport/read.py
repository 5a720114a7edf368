"""Bytes in, clean text out: load a saved page, decode it, make it terminal-safe.

Standard library only and cheap to import: every run goes through here. The
one exception, ftfy, is imported only for a page that shows mojibake.

* :func:`load` reads a file (or ``-`` for standard input) with a size limit;
  :func:`load_page` also takes a page's address (``https://...``), fetched by
  :mod:`itvreport.fetch`, imported only then.
* :func:`decode` turns bytes into text (BOMs, UTF-8, UTF-16, Windows-1252),
  repairs mojibake, refuses binary or empty input, and strips anything a
  terminal would act on.
* :func:`sniff` tells a saved HTML page from a saved plain-text page.

Problems the user can act on are raised as :class:`itvreport.errors.InputError`
with a one-line message.
"""

from __future__ import annotations

import os
import re
import stat
import sys

from itvreport.errors import InputError
from itvreport.patterns import lazy

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


# --- load ----------------------------------------------------------------------


def show_path(path: str) -> str:
    """``path`` fit to print on one terminal line (control characters escaped)."""
    if path.isprintable():
        return path
    return repr(path)[1:-1]


def human_size(size: int) -> str:
    """``52428800`` -> ``"50 MB"``; ``1536`` -> ``"1.5 KB"`` (binary units, short names)."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            value = size / scale
            text = f"{value:.1f}".rstrip("0").rstrip(".")
            return f"{text} {unit}"
    return f"{size} bytes" if size != 1 else "1 byte"


def _too_large(name: str, size: int | None, max_bytes: int) -> InputError:
    if size is None:
        detail = f"is larger than the {human_size(max_bytes)} limit"
    else:
        detail = f"is {human_size(size)}, over the {human_size(max_bytes)} limit"
    return InputError(f"{name} {detail} (raise it with --max-bytes)")


def _os_error(name: str, error: OSError) -> InputError:
    if isinstance(error, FileNotFoundError):
        return InputError(f"{name}: no such file")
    if isinstance(error, IsADirectoryError):
        return InputError(f"{name} is a directory, not a saved page")
    if isinstance(error, PermissionError):
        return InputError(f"{name}: permission denied")
    if isinstance(error, NotADirectoryError):
        return InputError(f"{name}: no such file (a part of the path is not a directory)")
    reason = error.strerror or type(error).__name__
    return InputError(f"{name}: {reason[:1].lower()}{reason[1:]}")


_ADDRESS = lazy(r"[A-Za-z][A-Za-z0-9+.-]*://")


def is_address(path: str) -> bool:
    """``path`` is written as an address (``scheme://...``), not a file name."""
    return "://" in path and _ADDRESS.match(path) is not None


def load_page(path: str, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float | None = None,
              progress=None) -> tuple[bytes, str | None]:
    """``(bytes, charset)`` of a file, standard input (``-``) or an address.

    ``charset`` is what the server named in ``Content-Type`` (``None`` for files):
    :func:`decode` uses it when the bytes are not UTF-8. ``timeout`` and
    ``progress`` apply to addresses only (see :func:`itvreport.fetch.fetch`).
    """
    if is_address(path):
        from itvreport import fetch

        page = fetch.fetch(path, max_bytes, fetch.DEFAULT_TIMEOUT if timeout is None else timeout, progress)
        return page.data, page.charset
    return load(path, max_bytes), None


# Content types read as pages, from a server (fetch) or a web archive (warc). Anything
# else with a type is not a page; no type at all is read (decode refuses binary data).
PAGE_TYPES = frozenset(("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml"))


def content_type(value: str | None) -> tuple[str | None, str | None]:
    """``("text/html", "utf-8")`` from a ``Content-Type`` of ``text/html; charset="utf-8"``."""
    if not value:
        return None, None
    parts = [part.strip() for part in value.split(";")]
    kind = parts[0].lower() or None
    charset = None
    for part in parts[1:]:
        key, _, val = part.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("'\"") or None
    return kind, charset


def load(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of ``path`` (``"-"``: standard input), at most ``max_bytes`` of them."""
    if path == "-":
        stream = sys.stdin
        if stream is None:
            raise InputError("there is no standard input to read")
        stream = getattr(stream, "buffer", stream)
        try:
            data = stream.read(max_bytes + 1)
        except OSError as error:
            raise _os_error("standard input", error) from None
        if isinstance(data, str):  # a text stream with no buffer (tests, embedding)
            data = data.encode("utf-8")
        if len(data) > max_bytes:
            raise _too_large("standard input", None, max_bytes)
        return data

    name = show_path(path)
    try:
        info = os.stat(path)
    except OSError as error:
        raise _os_error(name, error) from None
    except ValueError:  # embedded NUL in the path
        raise InputError(f"{name}: no such file") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{name} is a directory, not a saved page")
    if info.st_size > max_bytes:
        raise _too_large(name, info.st_size, max_bytes)
    try:
        with open(path, "rb") as handle:
            # Devices and pipes report size 0: cap the read as well.
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise _os_error(name, error) from None
    if len(data) > max_bytes:
        raise _too_large(name, None, max_bytes)
    return data


# --- decode --------------------------------------------------------------------

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_LE_BOM = b"\xff\xfe"
_UTF16_BE_BOM = b"\xfe\xff"

# A well-formed UTF-8 multibyte sequence (RFC 3629: no overlongs, no surrogates).
_UTF8_MULTIBYTE = lazy(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]"
    rb"|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}"
    rb"|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTE = lazy(rb"[\x80-\xff]")

# C0 controls other than tab, newline, carriage return, form feed and escape:
# common in binary files, rare in text (escape sequences are handled later).
_BINARY_CONTROL = lazy("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_BINARY_SAMPLE = 8192


def _looks_like_cp1252(data: bytes) -> bool:
    """Strictly valid Windows-1252, with few or no well-formed UTF-8 sequences."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    valid = _UTF8_MULTIBYTE.findall(data)
    if not valid:
        return True
    high_in_valid = sum(len(sequence) for sequence in valid)
    stray = len(_HIGH_BYTE.findall(data)) - high_in_valid
    # Mostly UTF-8 with a few bad bytes is UTF-8 gone wrong, not Windows-1252.
    return len(valid) * 4 <= stray


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` for BOM-less UTF-16 text, else ``None``.

    Text in UTF-16 that is mostly ASCII has a NUL in every other byte; binary
    files almost never do so regularly.
    """
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _stray_nuls(data: bytes) -> bool:
    """A few NUL bytes (up to 4, or one in a hundred) in what is otherwise text: a
    glitch in saving, not a binary file.

    Binary files are full of NULs from their first bytes on; a text page with a
    stray one keeps its text (the NULs are removed with the other controls, and
    the other binary checks still apply).
    """
    sample = data[:_BINARY_SAMPLE]
    return sample.count(0) <= max(4, len(sample) // 100) and data.count(0) <= max(4, len(data) // 100)


def _binary_error() -> InputError:
    return InputError("input looks like a binary file, not a saved page")


def _looks_binary(text: str, replaced: int = 0) -> bool:
    sample = text[:_BINARY_SAMPLE]
    if not sample:
        return False
    controls = len(_BINARY_CONTROL.findall(sample))
    if controls > 0.1 * len(sample):
        return True
    if replaced:
        bad = controls + sample.count("\ufffd")
        return bad > 0.3 * len(sample)
    return False


def _decode_utf16(data: bytes, codec: str, warn) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        if warn is not None:
            warn(f"{text.count(chr(0xFFFD))} invalid bytes replaced while decoding as UTF-16")
        return text


# Labels a page or server gives for an encoding, read as browsers read them
# (the WHATWG Encoding Standard): Latin-1 and ASCII labels mean Windows-1252,
# GB2312 and GBK mean GB18030, Shift_JIS means cp932, and so on. Other labels go to
# Python's codec lookup.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "l1": "cp1252",
    "iso-8859-9": "cp1254", "latin5": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874",
    "gb2312": "gb18030", "gb_2312-80": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "x-euc-jp": "euc-jp", "big5": "big5hkscs",
}
# <meta charset="...">, <meta http-equiv="Content-Type" content="...; charset=..."> or
# <?xml ... encoding="..."?> in the first bytes of an HTML page.
_META_CHARSET = lazy(
    rb"""<(?:meta[^>]{0,200}?charset|\?xml[^>]{0,100}?encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,30})""",
    re.IGNORECASE,
)
_META_PRESCAN = 4096


def _codec(label: str | None) -> str | None:
    """The Python codec for an encoding label, or ``None`` if there is none."""
    if not label:
        return None
    import codecs

    name = label.strip().strip("'\"").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page names for itself near its start (``<meta>``, ``<?xml``), or ``None``."""
    found = _META_CHARSET.search(data[:_META_PRESCAN])
    return found.group(1).decode("ascii") if found else None


def _decode_declared(data: bytes, codec: str, warn) -> str | None:
    """``data`` decoded with the encoding the server or the page named (``None``: not that)."""
    if codec.startswith(("utf-8", "utf_8", "utf-16", "utf_16", "utf-32", "utf_32")) or codec == "cp1252":
        return None  # the reader's own fallbacks handle these
    text = data.decode(codec, errors="replace")
    replaced = text.count("\ufffd")
    if _looks_binary(text, replaced=replaced):
        return None
    if replaced and warn is not None:
        noun = "byte" if replaced == 1 else "bytes"
        warn(f"{replaced} invalid {noun} replaced while decoding as {codec} (the charset the page or server names)")
    return text


def _to_text(data: bytes, warn, charset: str | None = None) -> str:
    if data.startswith(_UTF16_LE_BOM) and not data.startswith(b"\xff\xfe\x00\x00"):
        return _decode_utf16(data[2:], "utf-16-le", warn)
    if data.startswith(_UTF16_BE_BOM):
        return _decode_utf16(data[2:], "utf-16-be", warn)
    if data.startswith(_UTF8_BOM):
        data = data[3:]
    elif b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is not None:
            return _decode_utf16(data, codec, warn)
    if b"\x00" in data and not _stray_nuls(data):
        raise _binary_error()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: the encoding the server named, else the one the page names.
    codec = _codec(charset) or _codec(declared_charset(data))
    if codec is not None:
        text = _decode_declared(data, codec, warn)
        if text is not None:
            return text
    if _looks_like_cp1252(data):
        text = data.decode("cp1252")
        if _looks_binary(text):
            raise _binary_error()
        return text
    text = data.decode("utf-8", errors="replace")
    # One U+FFFD may stand for several bad bytes: count the bytes themselves.
    marks = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    replaced = len(data) - (len(text.encode("utf-8")) - 3 * marks)
    if _looks_binary(text, replaced=max(replaced, 1)):
        raise _binary_error()
    if warn is not None:
        noun = "byte" if replaced == 1 else "bytes"
        warn(f"{replaced} invalid {noun} replaced while decoding as UTF-8")
    return text


# Characters that need attention; plain text has none and takes the fast path.
_NEEDS_CLEANING = lazy("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")

# Everything a terminal would act on, or that reorders text on screen.
_UNSAFE_SOURCE = (
    # CSI: ESC [ parameters intermediates final (the final byte may be missing
    # at the very end of a cut-off file).
    "\x1b\\[[0-?]*[ -/]*[@-~]?"
    # OSC, DCS, SOS, PM, APC: ESC ] ... ended by BEL or ESC \ (or, if never
    # ended, the end of the line).
    "|\x1b[\\]PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\\\)?"
    # Other escape sequences: ESC, optional intermediates, one final byte. (Not
    # after a space: an ESC left alone before a space and a word is a stray, and
    # the word stays whole.)
    "|\x1b[!-/]*[0-~]?"
    # Remaining C0 controls (but newline), DEL, C1 controls. An 8-bit C1
    # introducer (U+009B CSI, U+009D OSC) is removed on its own: what followed
    # it is then plain text, and in real pages it is mis-decoded punctuation.
    "|[\x00-\x09\x0b-\x1f\x7f-\x9f]"
    # Bidirectional embeddings, overrides and isolates; stray byte-order marks.
    "|[\u202a-\u202e\u2066-\u2069\ufeff]"
)
_UNSAFE = lazy(_UNSAFE_SOURCE)
# The same, but tabs kept: for an HTML page, whose code blocks (``<pre>``) keep their tabs.
_UNSAFE_BUT_TABS = lazy(_UNSAFE_SOURCE.replace("\x00-\x09\x0b", "\x00-\x08\x0b"))


def _plain(text: str) -> bool:
    """No character that needs cleaning. Everything ``_NEEDS_CLEANING`` matches is
    unprintable, so a page whose lines are all printable is plain without the
    pattern (or compiling it); one with, say, a no-break space asks the pattern."""
    return text.replace("\n", " ").isprintable() or _NEEDS_CLEANING.search(text) is None


def clean_text(text: str, tabs: bool = False) -> str:
    """Newlines made ``\\n``, tabs made spaces (kept with ``tabs``), terminal controls and
    bidi overrides removed."""
    if _NEEDS_CLEANING.search(text) is None:
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if tabs:
        return _UNSAFE_BUT_TABS.sub("", text)
    if "\t" in text:
        text = text.replace("\t", " ")
    return _UNSAFE.sub("", text)


# --- mojibake --------------------------------------------------------------------

# UTF-8 that was once decoded as Windows-1252 (or Latin-1) and saved that way:
# ``’`` (E2 80 99) became ``â€™``. A lead byte then reads as one of ``Â``-``ô``
# and each continuation byte (80-BF) as a C1 control, a Windows-1252
# punctuation mark or a Latin-1 sign. Cheap to test; plain pages never match,
# so they never pay for importing ftfy.
_CONTINUATION = "\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE = lazy(
    f"[\u00c2-\u00df][{_CONTINUATION}]"
    f"|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}"
    f"|[\u00f0-\u00f4][{_CONTINUATION}]{{3}}"
    "|â€"  # the most common sign, even when its third byte was lost
)


def _fix_line(fix_encoding, line: str) -> str:
    if _MOJIBAKE.search(line) is None:
        return line
    try:
        return fix_encoding(line)
    except Exception:  # noqa: BLE001 - repair is best effort; the line stays as it was
        return line


def _clearly_free_of_mojibake(data: bytes, text: str) -> bool:
    """A fast answer for most pages, before the mojibake pattern scans the text.

    Mojibake starts with a character in U+00C2..U+00F4 (a UTF-8 lead byte read
    as Windows-1252 or Latin-1). Saved as UTF-8, every such character is the
    byte 0xC3 and then a continuation byte: a UTF-8 page without 0xC3 has none.
    """
    if text.isascii():
        return True
    read_as_utf8 = len(text) < len(data) and b"\x00" not in data  # not cp1252 (one byte each), not UTF-16
    return read_as_utf8 and b"\xc3" not in data


def repair_mojibake(text: str, warn=None) -> str:
    """Undo an earlier wrong decoding (``â€™`` -> ``’``), line by line, with ftfy.

    ftfy is imported only when some line shows the signs; it changes a line
    only when the result is clearly better. ``warn`` is told how many lines
    were repaired. Without ftfy installed the text is returned as it is.
    """
    if _MOJIBAKE.search(text) is None:
        return text
    try:
        from ftfy import fix_encoding
    except ImportError:
        return text
    lines = text.split("\n")
    fixed = [_fix_line(fix_encoding, line) for line in lines]
    changed = sum(1 for old, new in zip(lines, fixed) if old != new)
    if not changed:
        return text
    if warn is not None:
        noun = "line" if changed == 1 else "lines"
        warn(f"repaired mojibake on {changed} {noun} (text garbled by an earlier wrong decoding, like â€™ for ’)")
    return "\n".join(fixed)


def decode(data: bytes, warn=None, charset: str | None = None, tabs: bool = False) -> str:
    """Text of a saved page, safe to print to a terminal.

    The encoding: a byte-order mark; else UTF-8 if the bytes are valid UTF-8;
    else ``charset`` (what a server named) or the page's own ``<meta charset>``;
    else Windows-1252; else UTF-8 with bad bytes replaced. ``warn`` (optional)
    is called with a one-line message when bytes had to be replaced or mojibake
    was repaired. Raises :class:`InputError` for empty or binary input.
    ``tabs``: keep tabs (an HTML page with code in it), else they become spaces.
    """
    if not data.strip():
        raise InputError("input is empty")
    text = _to_text(data, warn, charset)
    if text.startswith("\ufeff"):
        text = text[1:]
    # Most pages have no control character at all: one scan says so, and then
    # they can be neither binary nor in need of cleaning.
    plain = _plain(text)
    if not plain and _looks_binary(text):
        raise _binary_error()
    # Before control characters go: a lost third byte of ``”`` is a C1 control.
    if not _clearly_free_of_mojibake(data, text):
        repaired = repair_mojibake(text, warn)
        plain = plain and repaired is text
        text = repaired
    if not plain:
        text = clean_text(text, tabs)
    if not text.strip():
        raise InputError("input is empty")
    return text


# --- sniff ---------------------------------------------------------------------

_SNIFF_HEAD = 4096
_HTML_START = ("<!doctype", "<html", "<?xml")
_HTML_TAG = lazy(
    r"<(?:"
    r"/[a-zA-Z][a-zA-Z0-9-]*\s*"
    r"|(?:p|div|span|a|br|hr|li|ul|ol|h[1-6]|img|meta|link|script|style|head|body|"
    r"section|article|header|footer|nav|main|aside|figure|figcaption|table|tr|td|th|"
    r"blockquote|strong|em|b|i|time|picture|source|iframe|button|form|input|noscript|title)"
    r"(?:\s[^<>]*)?/?"
    r")>",
    re.IGNORECASE,
)


def sniff(text: str) -> str:
    """``"html"`` for a saved HTML page, else ``"text"``."""
    head = text[:_SNIFF_HEAD].lstrip(" \t\r\n\f\v\ufeff")
    lower = head[:64].lower()
    if lower.startswith(_HTML_START[:2]):
        return "html"
    if lower.startswith("<?xml") and "<html" in head[:1024].lower():
        return "html"
    if not head or head.count("<") < 3:
        return "text"
    tags = _HTML_TAG.findall(head)
    if len(tags) < 3:
        return "text"
    tag_chars = sum(len(tag) for tag in tags)
    if len(tags) >= 20 or tag_chars >= 0.05 * len(head):
        return "html"
    return "text"
