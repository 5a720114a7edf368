"""Web archives (WARC): the pages in ``crawl.warc``, ``crawl.warc.gz``, one record at a time.

Batch mode hands every file whose name ends in ``.warc`` or ``.warc.gz`` to
:func:`items`, which streams its records (the file is never held whole) and
turns each into one of:

* :class:`Page`: an HTTP response with status 200 whose ``Content-Type`` is a
  page (:data:`itvreport.read.PAGE_TYPES`, or none at all), its payload
  decoded from any ``Transfer-Encoding: chunked`` and ``Content-Encoding``
  (gzip, deflate, br) as a browser would: the bytes a person saving the page
  would have kept. It is read exactly as a file holding those bytes, with the
  charset the HTTP header names (as for a page fetched by its address); its
  ``source`` is ``ARCHIVE#<WARC-Target-URI>``; the record's ``WARC-Date`` fills
  the article's ``date`` only when the page gives none.
* :class:`Skipped`: any other record (requests, metadata, redirects, images,
  scripts...), counted by kind for the run's summary.
* :class:`Broken`: a record cut short or corrupt. It is an error record for
  that record; reading goes on at the next record that can be found (the next
  ``WARC/`` header in a plain file, the next gzip member in a ``.warc.gz``
  written a member per record, as crawlers write them). A ``.warc.gz``
  compressed whole cannot be read past a corrupt spot.

The WARC parsing is FastWARC's (see README, "Dependencies and why"), imported
only when an archive is read.
"""

from __future__ import annotations

import re

from itvreport import read
from itvreport.errors import InputError

SUFFIXES = (".warc", ".warc.gz")
SCAN = 1 << 20  # bytes read at a time while looking for the next record after a corrupt one

_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]|$)")


def is_archive(path: str) -> bool:
    """``path`` names a WARC file (by its name: ``.warc`` or ``.warc.gz``, any case)."""
    return path.lower().endswith(SUFFIXES)


class Page:
    """A page record: the page's bytes and what the archive says about them."""

    __slots__ = ("source", "data", "charset", "date")

    def __init__(self, source: str, data: bytes, charset: str | None, date: str | None):
        self.source = source
        self.data = data
        self.charset = charset
        self.date = date

    def __reduce__(self):
        return Page, (self.source, self.data, self.charset, self.date)


class Skipped:
    """A record that is not a page; ``kind`` names it for the summary (``"request"``, ``"image"``...)."""

    __slots__ = ("kind",)

    def __init__(self, kind: str):
        self.kind = kind


class Broken:
    """A record that could not be read: an error record for it, then the archive goes on."""

    __slots__ = ("source", "message")

    def __init__(self, source: str, message: str):
        self.source = source
        self.message = message


# --- reading an archive ----------------------------------------------------------------


def items(path: str, max_bytes: int):
    """Every record of the archive at ``path``, in order, as :class:`Page`, :class:`Skipped`
    or :class:`Broken`. Raises :class:`InputError` when the file cannot be opened at all."""
    from itvreport.read import show_path

    name = show_path(path)
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:
        raise InputError(f"{name}: reading WARC files needs FastWARC: pip install fastwarc") from None
    import os
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            # FastWARC seeks in the file it reads (a pipe would stop the process), and
            # opening a pipe would wait for a writer.
            raise InputError(f"{name} is not a regular file: a WARC is read from a file on disk")
        handle = open(path, "rb")
    except OSError as error:
        from itvreport.read import _os_error

        raise _os_error(name, error) from None
    with handle:
        gzipped = handle.read(2) == b"\x1f\x8b"
        start = 0
        while True:
            handle.seek(start)
            last = None  # where the last record began, in the file
            reported = None  # a record already reported broken at this offset
            try:
                records = ArchiveIterator(handle, parse_http=True, fsspec_args=False,
                                          record_types=WarcRecordType.any_type)
                for record in records:
                    last = start + record.stream_pos
                    item = _item(record, path, name, last, max_bytes, WarcRecordType)
                    if isinstance(item, Broken):
                        reported = last
                    yield item
                return
            except BaseException as error:
                # OSError for what FastWARC can tell is broken; a Rust panic (PanicException,
                # a BaseException) for anything it did not foresee.
                if not isinstance(error, OSError) and type(error).__name__ != "PanicException":
                    raise
                if last is None or reported == last:
                    at = start if last is None else last  # the record that failed began here
                else:  # the last record was read whole: the one after it failed
                    at = _next_record(handle, last + 1, gzipped)
                    at = last if at is None else at
                resume = _next_record(handle, at + 1, gzipped)
                if reported != at:
                    yield _broken_at(path, name, at, _reason(error), resume)
                if resume is None:
                    return
                start = resume


def _item(record, path, name, offset, max_bytes, types):
    kind = record.record_type
    if kind != types.response:
        return Skipped(_type_name(kind))
    uri = record.headers.get("WARC-Target-URI")
    if not uri or not record.is_http or record.http_headers is None:
        if uri and not uri.lower().startswith(("http:", "https:")):
            return Skipped("non-HTTP response")
        return _broken_at(path, name, offset, "a response record without its HTTP headers", None)
    source = f"{path}#{uri}"
    http = record.http_headers
    status = http.status_code
    if status != 200:
        return Skipped("redirect" if status is not None and 300 <= status < 400 else "other status")
    content_type, charset = read.content_type(http.get("Content-Type"))
    if content_type and content_type not in read.PAGE_TYPES:
        return Skipped(_type_kind(content_type))
    length = record.content_length
    if length > _raw_limit(max_bytes):
        from itvreport.read import human_size

        return Broken(source, f"{name}#{_printable(uri)} is {human_size(length)}, over the "
                              f"{human_size(max_bytes)} limit (raise it with --max-bytes)")
    body = record.reader.read(length + 1)
    if len(body) != length:
        if len(body) < length:
            return Broken(source, f"{name}#{_printable(uri)}: the record is cut short ({len(body)} of {length} bytes)")
        body = body[:length]
    transfer, content = http.get("Transfer-Encoding"), http.get("Content-Encoding")
    if transfer or content:
        try:
            body = decode_body(body, transfer, content, max_bytes)
        except InputError as error:
            return Broken(source, f"{name}#{_printable(uri)}: {error.message}")
    elif len(body) > max_bytes:
        from itvreport.read import human_size

        return Broken(source, f"{name}#{_printable(uri)} is {human_size(len(body))}, over the "
                              f"{human_size(max_bytes)} limit (raise it with --max-bytes)")
    return Page(source, body, charset, _date(record.headers.get("WARC-Date")))


def _raw_limit(max_bytes: int) -> int:
    # A chunked body is a little larger than the page it holds.
    return max_bytes + max_bytes // 16 + 1024


def _broken_at(path, name, offset, reason, resume) -> Broken:
    then = f"; reading goes on at byte {resume}" if resume is not None else ""
    return Broken(path, f"{name}: a corrupt or cut-short record at byte {offset} ({reason}){then}")


def _reason(error: OSError) -> str:
    text = str(error) or type(error).__name__
    return text[:1].lower() + text[1:]


def _next_record(handle, position: int, gzipped: bool):
    """Where the next record that may be read begins, at or after ``position`` (``None``: none)."""
    # A gzip member's magic number; in a plain file a header line, so just after a line break.
    marker, skip = (b"\x1f\x8b\x08", 0) if gzipped else (b"\nWARC/1.", 1)
    handle.seek(position - skip)
    base = position - skip
    carry = b""
    while True:
        block = handle.read(SCAN)
        if not block:
            return None
        data = carry + block
        at = data.find(marker)
        if at >= 0:
            return base + at + skip
        keep = len(marker) - 1
        carry = data[-keep:]
        base += len(data) - keep


# --- what a record is ----------------------------------------------------------------------


_TYPE_NAMES = {"warcinfo": "warcinfo", "request": "request", "metadata": "metadata", "revisit": "revisit",
               "resource": "resource", "conversion": "conversion", "continuation": "continuation"}


def _type_name(kind) -> str:
    name = getattr(kind, "name", str(kind)).lower()
    return _TYPE_NAMES.get(name, "other record")


def _type_kind(content_type: str) -> str:
    if content_type.startswith("image/"):
        return "image"
    if content_type in ("application/javascript", "text/javascript", "application/x-javascript"):
        return "script"
    if content_type == "text/css":
        return "style sheet"
    return "other type"


def _date(value) -> str | None:
    found = _DATE.match(value.strip()) if value else None
    return found.group(1) if found else None


def _printable(text: str) -> str:
    from itvreport.read import show_path

    return show_path(text)


# --- the payload as a browser would have it ------------------------------------------------


def decode_body(body: bytes, transfer_encoding, content_encoding, max_bytes: int) -> bytes:
    """The page's bytes from an HTTP payload: chunks joined, compression undone, at most
    ``max_bytes`` of them. A payload that does not hold the named encoding (archivers
    often store the body decoded and keep the header) is taken as it is."""
    if transfer_encoding and "chunked" in transfer_encoding.lower():
        body = _dechunk(body)
    for coding in reversed([c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]):
        body = _decompress(body, coding, max_bytes)
    if len(body) > max_bytes:
        from itvreport.read import human_size

        raise InputError(f"is larger than the {human_size(max_bytes)} limit (raise it with --max-bytes)")
    return body


def _dechunk(body: bytes) -> bytes:
    parts = []
    at = 0
    while True:
        end = body.find(b"\r\n", at)
        if end < 0:
            return body  # not chunked after all
        size_text = body[at:end].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return body
        if size == 0:
            return b"".join(parts)
        start = end + 2
        if start + size > len(body):
            raise InputError(f"the chunked body is cut short ({len(body)} bytes)")
        parts.append(body[start:start + size])
        at = start + size
        if body[at:at + 2] == b"\r\n":
            at += 2


def _decompress(body: bytes, coding: str, max_bytes: int) -> bytes:
    import zlib

    if coding in ("identity", ""):
        return body
    if coding in ("gzip", "x-gzip"):
        if body[:2] != b"\x1f\x8b":
            return body
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif coding == "deflate":
        wrapped = len(body) >= 2 and (body[0] & 0x0F) == 8 and ((body[0] << 8) | body[1]) % 31 == 0
        decoder = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
    elif coding == "br":
        return _brotli(body, max_bytes)
    else:
        raise InputError(f"the page is in an encoding that cannot be undone ({coding})")
    try:
        data = decoder.decompress(body, max_bytes + 1)
    except zlib.error as error:
        raise InputError(f"the {coding} body is corrupt ({error})") from None
    if len(data) > max_bytes:
        from itvreport.read import human_size

        raise InputError(f"is larger than the {human_size(max_bytes)} limit (raise it with --max-bytes)")
    if not decoder.eof:  # as for a fetched page: a compressed page that stops partway is refused
        raise InputError(f"the {coding} body stops partway (the record holds part of it)")
    return data


def _brotli(body: bytes, max_bytes: int) -> bytes:
    try:
        import brotli
    except ImportError:
        raise InputError("the page is brotli-compressed and brotli is not installed") from None
    try:
        data = brotli.decompress(body)
    except brotli.error as error:
        raise InputError(f"the br body is corrupt ({error})") from None
    if len(data) > max_bytes:  # brotli decodes whole: the limit is checked after
        from itvreport.read import human_size

        raise InputError(f"is larger than the {human_size(max_bytes)} limit (raise it with --max-bytes)")
    return data


# --- the summary -----------------------------------------------------------------------------


PLURALS = {"warcinfo": "warcinfo records", "metadata": "metadata records", "other status": "other statuses",
           "other type": "other types", "non-HTTP response": "non-HTTP responses",
           "other record": "other records", "resource": "resources", "conversion": "conversions",
           "continuation": "continuations"}


def summary(name: str, pages: int, broken: int, skipped: dict) -> str:
    """``crawl.warc.gz: 120 pages; skipped 120 requests, 12 redirects, 4 images``."""
    parts = [f"{name}: {pages} page{'s' if pages != 1 else ''}"]
    if broken:
        parts[0] += f", {broken} broken record{'s' if broken != 1 else ''}"
    if skipped:
        kinds = ", ".join(f"{count} {kind if count == 1 else PLURALS.get(kind, kind + 's')}"
                          for kind, count in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
        parts.append(f"skipped {kinds}")
    return "; ".join(parts)
