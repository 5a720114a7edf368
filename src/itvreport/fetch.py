"""Fetch a page the user named by its address (``http://`` or ``https://``).

Only ever the address the user gave (and the redirects its server answers
with): nothing else is fetched. The bytes come back as a file's would, so the
rest of the reader cannot tell them apart; the only extra is the charset the
server named in ``Content-Type``, which the decoder uses when the page has no
byte-order mark.

Standard library only (``urllib.request`` over ``http.client``): this module is
imported only when an address is given, so reading a file never pays for it.

Limits, each with its own one-line error (an :class:`InputError`, exit 1):

* only ``http`` and ``https``, refused before anything is sent (redirects too);
* connect and read timeouts (``timeout`` seconds each: a socket timeout applies
  to the connection and to every read);
* at most :data:`MAX_REDIRECTS` redirects;
* at most ``max_bytes`` bytes, counted as they arrive (compressed) and after
  decoding (so a small gzip bomb is refused too): reading stops at the limit;
* a ``Content-Type`` that is not a page (a PDF, an image...) is refused, naming
  what it is.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request

from itvreport import __version__
from itvreport.errors import InputError
from itvreport.read import PAGE_TYPES, content_type as _content_type

MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 10.0
USER_AGENT = f"itvreport/{__version__} (terminal news reader; +https://pypi.org/project/itvreport/)"
CHUNK = 64 * 1024

SCHEMES = ("http", "https")

# Content types other than read.PAGE_TYPES are refused. What to call a refused type in the message.
KINDS = {
    "application/pdf": "a PDF document",
    "application/json": "JSON data",
    "application/zip": "a zip archive",
    "application/gzip": "a gzip archive",
    "application/octet-stream": "binary data",
    "application/javascript": "a script",
    "text/javascript": "a script",
    "text/css": "a style sheet",
    "application/msword": "a Word document",
}
KIND_PREFIXES = {"image/": "an image", "video/": "a video", "audio/": "a sound file", "font/": "a font"}


class Fetched:
    """A fetched page: its body (content-decoded) and the charset the server named."""

    __slots__ = ("data", "charset")

    def __init__(self, data: bytes, charset: str | None):
        self.data = data
        self.charset = charset


def check_scheme(url: str) -> None:
    """Refuse any scheme but http and https, before anything is sent."""
    scheme = url.split(":", 1)[0].lower()
    if scheme not in SCHEMES:
        raise InputError(f"{_shown(url)}: only http:// and https:// addresses can be read, not {scheme}://")


def fetch(url: str, max_bytes: int, timeout: float = DEFAULT_TIMEOUT, progress=None) -> Fetched:
    """GET ``url`` and return its body as :class:`Fetched`.

    ``progress(received, total_or_None)`` (optional) is called as the body
    arrives, and once with ``(-1, None)`` at the end.
    """
    check_scheme(url)
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
    })
    opener = urllib.request.build_opener(_Redirects(url))
    name = _shown(url)
    try:
        response = opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        raise InputError(f"{name}: {_status(error)}") from None
    except urllib.error.URLError as error:
        raise InputError(f"{name}: {_network_reason(error.reason, timeout)}") from None
    except InputError:
        raise
    except (OSError, ValueError) as error:
        raise InputError(f"{name}: {_network_reason(error, timeout)}") from None
    with response:
        content_type, charset = _content_type(response.headers.get("Content-Type"))
        if content_type and content_type not in PAGE_TYPES:
            raise InputError(f"{name}: not a page: the server sent {_kind(content_type)} ({content_type})")
        encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
        length = _length(response.headers.get("Content-Length"))
        if length is not None and length > max_bytes and encoding in ("", "identity"):
            raise _too_large(name, max_bytes, length)
        data = _read_body(response, name, max_bytes, length, encoding, timeout, progress)
    return Fetched(data, charset)


# --- the body -------------------------------------------------------------------------------------


def _read_body(response, name, max_bytes, length, encoding, timeout, progress) -> bytes:
    import http.client
    import zlib

    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = _Deflate()
    elif encoding in ("", "identity"):
        decoder = None
    else:
        raise InputError(f"{name}: the server sent the page in an encoding itvreport cannot read ({encoding})")
    parts, size, received = [], 0, 0
    try:
        while True:
            chunk = response.read(CHUNK)
            if not chunk:
                break
            received += len(chunk)
            if received > max_bytes:
                raise _too_large(name, max_bytes)
            if decoder is not None:
                chunk = decoder.decompress(chunk, max_bytes + 1 - size)
                if decoder.unconsumed_tail:
                    raise _too_large(name, max_bytes)
            size += len(chunk)
            if size > max_bytes:
                raise _too_large(name, max_bytes)
            parts.append(chunk)
            if progress is not None:
                progress(received, length)
        if length is not None and received < length:
            raise http.client.IncompleteRead(b"", length - received)
        if decoder is not None:
            tail = decoder.flush()
            size += len(tail)
            if size > max_bytes:
                raise _too_large(name, max_bytes)
            parts.append(tail)
            if not decoder.eof:
                raise InputError(f"{name}: the compressed page stops partway (the connection closed early)")
    except http.client.IncompleteRead as error:  # raised by http.client, or above
        got = received + len(error.partial or b"")
        expected = f" of {length}" if length is not None else ""
        raise InputError(f"{name}: the connection closed before the whole page arrived "
                         f"({got}{expected} bytes)") from None
    except zlib.error:
        raise InputError(f"{name}: the server's {encoding} data is corrupt") from None
    except (OSError, ValueError) as error:
        raise InputError(f"{name}: {_network_reason(error, timeout)}") from None
    finally:
        if progress is not None:
            progress(-1, None)
    return b"".join(parts)


class _Deflate:
    """``Content-Encoding: deflate``: zlib-wrapped as the standard says, or raw as some servers send it."""

    def __init__(self):
        import zlib

        self._zlib = zlib
        self._decoder = None
        self.unconsumed_tail = b""

    def decompress(self, data: bytes, limit: int) -> bytes:
        if self._decoder is None:
            zlib = self._zlib
            wrapped = len(data) >= 2 and (data[0] & 0x0F) == 8 and ((data[0] << 8) | data[1]) % 31 == 0
            self._decoder = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        out = self._decoder.decompress(data, limit)
        self.unconsumed_tail = self._decoder.unconsumed_tail
        return out

    def flush(self) -> bytes:
        return self._decoder.flush() if self._decoder is not None else b""

    @property
    def eof(self) -> bool:
        return self._decoder is None or self._decoder.eof


# --- redirects ------------------------------------------------------------------------------------


class _Redirects(urllib.request.HTTPRedirectHandler):
    """At most ``MAX_REDIRECTS`` redirects, each to http or https only; the same address twice is a loop."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 1

    def __init__(self, first: str):
        super().__init__()
        self.first = first

    def _check(self, newurl: str) -> None:
        scheme = newurl.split(":", 1)[0].lower() if ":" in newurl else "http"
        if scheme not in SCHEMES:
            raise InputError(f"{_shown(self.first)}: redirected to {_shown(newurl)}, "
                             f"which is not an http:// or https:// address")

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        self._check(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location:
            self._check(urllib.parse.urljoin(req.full_url, location.strip()))
        try:
            return super().http_error_302(req, fp, code, msg, headers)
        except urllib.error.HTTPError as error:
            if str(error.msg).startswith(self.inf_msg):  # urllib's loop / too-many message
                raise InputError(f"{_shown(self.first)}: too many redirects "
                                 f"(more than {MAX_REDIRECTS}, or a loop)") from None
            raise

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


# --- messages -------------------------------------------------------------------------------------


def _shown(url: str) -> str:
    from itvreport.read import show_path

    return show_path(url)


def _status(error) -> str:
    import http.client

    reason = (error.reason or "").strip() if isinstance(error.reason, str) else ""
    if not reason:
        reason = http.client.responses.get(error.code, "")
    return f"HTTP {error.code} {reason}".rstrip()


def _network_reason(reason, timeout) -> str:
    import socket
    import ssl

    if isinstance(reason, (socket.timeout, TimeoutError)) or "timed out" in str(reason):
        return f"timed out (no answer within {_seconds(timeout)})"
    if isinstance(reason, socket.gaierror):
        return "cannot find the server (name not found)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ConnectionResetError):
        return "the server closed the connection"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"TLS failure: {reason.verify_message or 'certificate verify failed'}"
    if isinstance(reason, ssl.SSLError):
        return f"TLS failure: {reason.reason or reason}"
    if isinstance(reason, OSError):
        text = reason.strerror or str(reason) or type(reason).__name__
    else:
        text = str(reason) or type(reason).__name__
    if "RemoteDisconnected" in type(reason).__name__ or "without response" in text:
        return "the server closed the connection without answering"
    return text[:1].lower() + text[1:]


def _seconds(timeout) -> str:
    return f"{timeout:g} s"


def _kind(content_type: str) -> str:
    if content_type in KINDS:
        return KINDS[content_type]
    for prefix, kind in KIND_PREFIXES.items():
        if content_type.startswith(prefix):
            return kind
    return "something that is not a page"


def _length(value: str | None) -> int | None:
    try:
        length = int(value) if value is not None else None
    except ValueError:
        return None
    return length if length is not None and length >= 0 else None


def _too_large(name: str, max_bytes: int, size: int | None = None) -> InputError:
    from itvreport.read import human_size

    if size is None:
        return InputError(f"{name} is larger than the {human_size(max_bytes)} limit (raise it with --max-bytes)")
    return InputError(f"{name} is {human_size(size)}, over the {human_size(max_bytes)} limit "
                      f"(raise it with --max-bytes)")


class Progress:
    """``itvreport: downloading 1.2 MB of 3.4 MB`` on one stderr line, redrawn at most ten times a second.

    Shown only once a download has run for half a second, so small pages never flash a line.
    """

    DELAY = 0.5

    def __init__(self, stream):
        self.stream = stream
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False

    def __call__(self, received: int, total: int | None) -> None:
        from itvreport.read import human_size

        now = time.monotonic()
        if received < 0:
            if self.shown:
                self._draw("")
            return
        if now - self.start < self.DELAY or now - self.last < 0.1:
            return
        self.last = now
        of = f" of {human_size(total)}" if total else ""
        self._draw(f"itvreport: downloading {human_size(received)}{of}")

    def _draw(self, line: str) -> None:
        try:
            self.stream.write("\r\x1b[K" + line)
            self.stream.flush()
            self.shown = bool(line)
        except (AttributeError, ValueError, OSError):
            pass
