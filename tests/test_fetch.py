"""Reading a page by its address (``itvreport show http://...``).

Every test talks only to an HTTP server on 127.0.0.1 that this module starts
and stops itself (:class:`Server`); no other address is ever contacted (the
name-not-found case replaces the resolver in-process instead of asking one).
"""

from __future__ import annotations

import gzip
import http.server
import json
import socket
import threading
import time
import zlib
from pathlib import Path

import pytest

from itvreport import fetch, read
from itvreport.errors import InputError

from test_cli import FIXTURE, assert_one_error_line, run

ROOT = Path(__file__).resolve().parent.parent
TEXT_PAGE = FIXTURE.read_bytes()

HTML_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Harbour lights switched on early | Coastline Gazette</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour lights switched on early</h1>
<p>The harbour's winter lights were switched on a week early on Tuesday evening, after the
festival committee moved the ceremony to avoid a forecast storm.</p>
<p>Several hundred people gathered on the quay to watch the lamps come on one by one, from the
lifeboat station to the end of the north pier, while a brass band played.</p>
<p>“We didn't want to risk the gale,” said committee chair Morwenna Tregaskis. “The lights
look just as good a week early, and nobody has to stand in the rain.”</p>
<p>The lights stay on every evening until the second week of January.</p>
</article>
<footer>© Coastline Gazette</footer>
</body></html>
""".encode("utf-8")

# A page in Windows-1251 (Cyrillic), invented text: read right only with the charset.
CYRILLIC = "Новый мост через реку открыт"
CYRILLIC_BODY = ("Жители города впервые прошли по новому мосту через реку во вторник утром. "
                 "Строительство заняло почти три года и закончилось на месяц раньше срока.")


def cyrillic_page(meta: bool) -> bytes:
    head = '<meta charset="windows-1251">' if meta else ""
    return (f"<!doctype html><html><head>{head}<title>{CYRILLIC}</title></head><body><article>"
            f"<h1>{CYRILLIC}</h1><p>{CYRILLIC_BODY}</p><p>{CYRILLIC_BODY}</p></article></body></html>"
            ).encode("cp1251")


def raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


class Handler(http.server.BaseHTTPRequestHandler):
    """Routes by path; see :data:`ROUTES`. Records every request it gets."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):  # noqa: N802 - http.server's API
        self.server.seen.append((self.path, dict(self.headers)))
        route = ROUTES.get(self.path.split("?")[0])
        if route is None:
            self.send(404, b"<p>not here</p>", "text/html")
            return
        route(self)

    def send(self, code: int, body: bytes, content_type: str | None, headers: dict | None = None,
             length: int | None = None):
        self.send_response(code)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, to: str, code: int = 302):
        self.send(code, b"", "text/html", {"Location": to})


def _slow(handler):
    time.sleep(3)
    handler.send(200, HTML_PAGE, "text/html")


def _cut(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(HTML_PAGE)))
    handler.end_headers()
    handler.wfile.write(HTML_PAGE[:200])
    handler.wfile.flush()
    handler.close_connection = True
    handler.connection.shutdown(socket.SHUT_RDWR)


def _chunked_big(handler):
    """A body larger than any small limit, with no Content-Length (chunked): counted as it comes."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    chunk = b"A line of a very long page that goes on and on.\n" * 200
    try:
        for _ in range(200):  # about 2 MB, far past the 100K limit the test sets
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        handler.wfile.write(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the reader stopped at its limit: as it should
    handler.close_connection = True


ROUTES = {
    "/page.txt": lambda h: h.send(200, TEXT_PAGE, "text/plain; charset=utf-8"),
    "/page.html": lambda h: h.send(200, HTML_PAGE, "text/html; charset=utf-8"),
    "/bare.html": lambda h: h.send(200, HTML_PAGE, "text/html"),
    "/untyped": lambda h: h.send(200, HTML_PAGE, None),
    "/cyrillic-header.html": lambda h: h.send(200, cyrillic_page(meta=False), "text/html; charset=windows-1251"),
    "/cyrillic-none.html": lambda h: h.send(200, cyrillic_page(meta=False), "text/html"),
    "/cyrillic-meta.html": lambda h: h.send(200, cyrillic_page(meta=True), "text/html"),
    "/gzip.html": lambda h: h.send(200, gzip.compress(HTML_PAGE), "text/html; charset=utf-8",
                                   {"Content-Encoding": "gzip"}),
    "/deflate.txt": lambda h: h.send(200, zlib.compress(TEXT_PAGE), "text/plain", {"Content-Encoding": "deflate"}),
    "/raw-deflate.txt": lambda h: h.send(200, raw_deflate(TEXT_PAGE), "text/plain",
                                         {"Content-Encoding": "deflate"}),
    "/bomb.html": lambda h: h.send(200, gzip.compress(b" " * 5_000_000), "text/html", {"Content-Encoding": "gzip"}),
    "/brotli.html": lambda h: h.send(200, b"\x0b\x02\x80", "text/html", {"Content-Encoding": "br"}),
    "/r1": lambda h: h.redirect("/r2", 301),
    "/r2": lambda h: h.redirect("/r3", 302),
    "/r3": lambda h: h.redirect("/r4", 303),
    "/r4": lambda h: h.redirect("/r5", 307),
    "/r5": lambda h: h.redirect("/page.html", 308),  # five redirects: allowed
    "/r0": lambda h: h.redirect("/r1"),  # six: too many
    "/loop-a": lambda h: h.redirect("/loop-b"),
    "/loop-b": lambda h: h.redirect("/loop-a"),
    "/to-ftp": lambda h: h.redirect("ftp://127.0.0.1/page.txt"),
    "/to-file": lambda h: h.redirect("file:///etc/passwd"),
    "/missing": lambda h: h.send(404, b"<p>gone</p>", "text/html"),
    "/broken": lambda h: h.send(500, b"<p>oops</p>", "text/html"),
    "/slow": _slow,
    "/big.txt": lambda h: h.send(200, TEXT_PAGE * 40, "text/plain"),
    "/chunked-big.txt": _chunked_big,
    "/report.pdf": lambda h: h.send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf"),
    "/photo.jpg": lambda h: h.send(200, b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
    "/cut.html": _cut,
    "/empty.html": lambda h: h.send(200, b"", "text/html"),
}


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.seen = []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture(scope="module")
def server():
    httpd = Server()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def json_of(proc) -> dict:
    assert proc.returncode == 0, proc.err
    doc = json.loads(proc.out)
    return doc


def same_as_file(tmp_path, url_proc, data: bytes, suffix: str):
    """The article read from the address equals the same bytes read from a file (``source`` aside)."""
    page = tmp_path / f"page{suffix}"
    page.write_bytes(data)
    from_file = json_of(run("show", page, "--format", "json"))
    from_url = json_of(url_proc)
    assert from_url.pop("source").startswith("http://127.0.0.1:")
    from_file.pop("source")
    assert from_url == from_file
    return from_url


# --- reads like a file ----------------------------------------------------------------------------


@pytest.mark.parametrize("path, data, suffix", [
    ("/page.txt", TEXT_PAGE, ".txt"),
    ("/page.html", HTML_PAGE, ".html"),
    ("/bare.html", HTML_PAGE, ".html"),
    ("/untyped", HTML_PAGE, ".html"),
    ("/gzip.html", HTML_PAGE, ".html"),
    ("/deflate.txt", TEXT_PAGE, ".txt"),
    ("/raw-deflate.txt", TEXT_PAGE, ".txt"),
    ("/r1", HTML_PAGE, ".html"),
])
def test_an_address_reads_as_the_same_bytes_from_a_file(server, tmp_path, path, data, suffix):
    doc = same_as_file(tmp_path, run("show", server.base + path, "--format", "json"), data, suffix)
    assert doc["blocks"], doc


def test_source_is_the_address_as_given(server):
    url = server.base + "/r1"
    doc = json_of(run("show", url, "--format", "json"))
    assert doc["source"] == url
    assert doc["headline"] == "Harbour lights switched on early"


def test_text_output_is_the_same_as_for_the_file(server):
    from_url = run("show", server.base + "/page.txt", "--format", "text")
    from_file = run("show", FIXTURE, "--format", "text")
    assert from_url.returncode == 0 and from_url.out == from_file.out
    assert from_url.err == ""


def test_show_is_the_command_when_none_is_given(server):
    plain = run(server.base + "/page.txt", "--format", "text")
    assert plain.returncode == 0, plain.err
    assert plain.out == run("show", FIXTURE, "--format", "text").out
    assert run(FIXTURE, "--format", "json").returncode == 0


def test_help_says_show_may_be_left_out():
    proc = run("--help")
    assert proc.returncode == 0
    assert "itvreport [show] PAGE" in proc.out
    assert "http(s) address" in proc.out


def test_the_request_says_who_asks_and_what_it_takes(server):
    server.seen.clear()
    assert run("show", server.base + "/page.html", "--format", "json").returncode == 0
    (path, headers), = server.seen
    assert path == "/page.html"
    assert headers["User-Agent"].startswith("itvreport/")
    from itvreport import __version__
    assert __version__ in headers["User-Agent"]
    assert "gzip" in headers["Accept-Encoding"] and "deflate" in headers["Accept-Encoding"]


# --- charsets -------------------------------------------------------------------------------------


def test_the_charset_in_content_type_is_used(server):
    doc = json_of(run("show", server.base + "/cyrillic-header.html", "--format", "json"))
    assert doc["headline"] == CYRILLIC
    assert doc["blocks"][0]["text"] == CYRILLIC_BODY


def test_without_a_charset_the_page_is_read_as_its_bytes_say(server, tmp_path):
    # No header and no <meta>: Windows-1252, as for the same bytes in a file (mojibake, but the same).
    same_as_file(tmp_path, run("show", server.base + "/cyrillic-none.html", "--format", "json"),
                 cyrillic_page(meta=False), ".html")
    # The page's own <meta charset> is read, from the address and from a file alike.
    doc = same_as_file(tmp_path, run("show", server.base + "/cyrillic-meta.html", "--format", "json"),
                       cyrillic_page(meta=True), ".html")
    assert doc["headline"] == CYRILLIC


def test_decode_order_bom_then_utf8_then_declared():
    text = "Café ünd Straße"
    assert read.decode(text.encode("utf-8"), charset="windows-1251") == text  # valid UTF-8 wins
    assert read.decode(text.encode("cp1252"), charset="iso-8859-1") == text  # Latin-1 label: Windows-1252
    assert read.decode("\ufeff".encode("utf-8") + text.encode("utf-8"), charset="koi8-r") == text
    assert read.decode(CYRILLIC.encode("koi8-r"), charset="KOI8-R") == CYRILLIC
    assert read.decode(CYRILLIC.encode("cp1251"), charset="no-such-charset") != CYRILLIC  # unknown: ignored


# --- errors: one line each, exit 1 ----------------------------------------------------------------


@pytest.mark.parametrize("path, fragments", [
    ("/missing", ("HTTP 404 Not Found",)),
    ("/broken", ("HTTP 500 Internal Server Error",)),
    ("/r0", ("too many redirects",)),
    ("/loop-a", ("too many redirects",)),
    ("/to-ftp", ("redirected to ftp://", "not an http:// or https:// address")),
    ("/to-file", ("redirected to file://",)),
    ("/report.pdf", ("not a page", "a PDF document", "application/pdf")),
    ("/photo.jpg", ("not a page", "an image", "image/jpeg")),
    ("/cut.html", ("closed before the whole page arrived", f"of {len(HTML_PAGE)} bytes")),
    ("/empty.html", ("input is empty",)),
    ("/brotli.html", ("encoding itvreport cannot read (br)",)),
])
def test_fetch_errors(server, path, fragments):
    url = server.base + path
    line = assert_one_error_line(run("show", url), 1, *fragments)
    assert url in line


def test_a_slow_server_times_out(server):
    started = time.monotonic()
    line = assert_one_error_line(run("show", server.base + "/slow", "--timeout", "0.5"), 1,
                                 "timed out", "0.5 s")
    assert "/slow" in line
    assert time.monotonic() - started < 2.9  # did not wait for the answer


@pytest.mark.parametrize("path", ["/big.txt", "/chunked-big.txt", "/bomb.html"])
def test_a_page_over_the_limit_is_refused(server, path):
    limit = "100K" if path != "/bomb.html" else "1M"
    assert_one_error_line(run("show", server.base + path, "--max-bytes", limit), 1,
                          "limit", "--max-bytes")


def test_the_limit_stops_the_download(server, monkeypatch):
    """Reading stops at the limit: far less than the 2 MB body is taken in."""
    received = []
    with pytest.raises(InputError, match="larger than the 100 KB limit"):
        fetch.fetch(server.base + "/chunked-big.txt", 100 * 1024, 5,
                    progress=lambda got, total: received.append(got))
    assert max(received) <= 100 * 1024 + fetch.CHUNK


def test_connection_refused():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens there now.
    assert_one_error_line(run("show", f"http://127.0.0.1:{port}/page.html"), 1, "connection refused")


def test_tls_failure(server):
    """https:// to a server that speaks plain HTTP: the TLS handshake fails."""
    url = server.base.replace("http://", "https://") + "/page.html"
    assert_one_error_line(run("show", url, "--timeout", "5"), 1, "TLS failure")


def test_name_not_found(monkeypatch):
    def no_such_name(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    with pytest.raises(InputError, match=r"^http://news\.invalid/a: cannot find the server \(name not found\)$"):
        fetch.fetch("http://news.invalid/a", 1 << 20, 1)


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/page.txt", "file:///etc/passwd", "gopher://127.0.0.1/"])
def test_other_schemes_are_refused_before_anything_is_sent(server, url):
    server.seen.clear()
    line = assert_one_error_line(run("show", url), 1, "only http:// and https:// addresses can be read")
    assert url.split(":")[0] + "://" in line
    assert server.seen == []


# --- --save ---------------------------------------------------------------------------------------


def test_save_writes_the_exact_bytes(server, tmp_path):
    target = tmp_path / "kept.html"
    proc = run("show", server.base + "/gzip.html", "--save", target, "--format", "json")
    assert proc.returncode == 0, proc.err
    assert target.read_bytes() == HTML_PAGE  # the page, not its gzip transfer form
    assert f"saved {server.base}/gzip.html to {target}" in proc.err
    # ... and reads again offline as it read online.
    again = json_of(run("show", target, "--format", "json"))
    online = json.loads(proc.out)
    assert {k: v for k, v in again.items() if k != "source"} == {k: v for k, v in online.items() if k != "source"}


def test_save_never_overwrites(server, tmp_path):
    target = tmp_path / "there.html"
    target.write_bytes(b"mine")
    server.seen.clear()
    assert_one_error_line(run("show", server.base + "/page.html", "--save", target), 2,
                          "--save would overwrite")
    assert target.read_bytes() == b"mine"
    assert server.seen == []  # refused before anything was fetched


def test_save_needs_one_address(server, tmp_path):
    assert_one_error_line(run("show", FIXTURE, "--save", tmp_path / "x.txt"), 2, "give an http(s) address")
    assert_one_error_line(run("show", server.base + "/page.txt", server.base + "/page.html",
                              "--save", tmp_path / "x.txt"), 2, "one address")
    assert not (tmp_path / "x.txt").exists()


def test_timeout_must_be_positive():
    assert_one_error_line(run("show", FIXTURE, "--timeout", "0"), 2, "--timeout", "positive")


# --- batch mode -----------------------------------------------------------------------------------


def test_addresses_and_files_mix_in_batch_mode(server, tmp_path):
    page = tmp_path / "p.html"
    page.write_bytes(HTML_PAGE)
    inputs = [server.base + "/page.txt", str(page), server.base + "/missing", str(FIXTURE),
              server.base + "/gzip.html"]
    one = run("show", *inputs, "--format", "jsonl")
    two = run("show", *inputs, "--format", "jsonl", "-j", "2")
    assert one.returncode == 1 and two.returncode == 1  # one page failed; the others were shown
    assert one.out == two.out
    docs = [json.loads(line) for line in one.out.splitlines()]
    assert [d["source"] for d in docs] == [inputs[0], inputs[1], inputs[3], inputs[4]]
    assert docs[0]["blocks"] == docs[2]["blocks"]  # the fixture, by address and by file
    assert docs[1]["blocks"] == docs[3]["blocks"]  # the HTML page, from a file and gzipped by address
    error, = [json.loads(line) for line in one.err.splitlines()]
    assert error == {"source": inputs[2], "error": f"{inputs[2]}: HTTP 404 Not Found"}


# --- progress -------------------------------------------------------------------------------------


class Stream:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def test_progress_line_for_a_long_download(monkeypatch):
    stream = Stream()
    progress = fetch.Progress(stream)
    progress.start -= 1  # the download has run for a second
    progress(3 << 20, 8 << 20)
    assert stream.text == "\r\x1b[Kitvreport: downloading 3 MB of 8 MB"
    progress(-1, None)
    assert stream.text.endswith("\r\x1b[K")


def test_no_progress_line_for_a_quick_download():
    stream = Stream()
    progress = fetch.Progress(stream)
    progress(1000, 2000)
    progress(-1, None)
    assert stream.text == ""
