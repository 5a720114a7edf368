"""Write WARC files by hand: the archives behind the WARC tests and measurements.

Standard library only, so the records are exactly the bytes asked for (a test
can cut one short, chunk its body or name a charset only in its HTTP header)
and the files do not depend on the WARC library that reads them.

    python benchmarks/warcgen.py OUT.warc.gz --pages 1000     # generated pages, gzip per record

Every page record is preceded by its request record, and every tenth page by a
redirect and an image, as a crawler writes them.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import zlib
from pathlib import Path

DATE = "2024-03-05T10:20:30Z"


def record(kind: str, uri: str | None, block: bytes, *, number: int = 0, date: str = DATE,
           content_type: str | None = None, extra: dict | None = None) -> bytes:
    """One WARC/1.1 record: headers, ``block`` and the two line breaks that end it."""
    if content_type is None:
        content_type = {"response": "application/http; msgtype=response",
                        "request": "application/http; msgtype=request",
                        "warcinfo": "application/warc-fields"}.get(kind, "application/octet-stream")
    headers = [("WARC-Type", kind), ("WARC-Record-ID", f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>"),
               ("WARC-Date", date)]
    if uri is not None:
        headers.append(("WARC-Target-URI", uri))
    headers += list((extra or {}).items())
    headers += [("Content-Type", content_type), ("Content-Length", str(len(block)))]
    head = "WARC/1.1\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers) + "\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def http_response(body: bytes, *, status: str = "200 OK", content_type: str | None = "text/html; charset=utf-8",
                  headers: dict | None = None, chunked: bool = False, gzipped: bool = False) -> bytes:
    """An HTTP response as a crawler records it: status line, headers, body (encoded as named)."""
    lines = [f"HTTP/1.1 {status}"]
    if content_type is not None:
        lines.append(f"Content-Type: {content_type}")
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    if gzipped:
        body = gzip.compress(body, mtime=0)
        lines.append("Content-Encoding: gzip")
    if chunked:
        lines.append("Transfer-Encoding: chunked")
        body = _chunked(body)
    else:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _chunked(body: bytes, size: int = 700) -> bytes:
    parts = [b"%x\r\n%s\r\n" % (len(body[i:i + size]), body[i:i + size]) for i in range(0, len(body), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def http_request(uri: str) -> bytes:
    path = "/" + uri.split("://", 1)[-1].partition("/")[2]
    host = uri.split("://", 1)[-1].partition("/")[0]
    return f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: warcgen\r\n\r\n".encode("latin-1")


def response(uri: str, body: bytes, number: int = 0, date: str = DATE, **http) -> bytes:
    return record("response", uri, http_response(body, **http), number=number, date=date)


def request(uri: str, number: int = 0) -> bytes:
    return record("request", uri, http_request(uri), number=number)


def warcinfo(number: int = 0) -> bytes:
    return record("warcinfo", None, b"software: warcgen\r\nformat: WARC File Format 1.1\r\n", number=number)


def gzip_each(records) -> bytes:
    """Each record its own gzip member, as crawlers write ``.warc.gz``."""
    return b"".join(_gzip_member(r) for r in records)


def _gzip_member(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    return compressor.compress(data) + compressor.flush()


def crawl(pages, seed_uri: str = "https://news.example.org/story/"):
    """The records of a crawl of ``pages`` (bytes each): request, response, and now and
    then a redirect and an image. Yields ``bytes`` records; the page records in page order."""
    yield warcinfo(0)
    number = 1
    for index, body in enumerate(pages):
        uri = f"{seed_uri}{index:06d}"
        if index % 10 == 3:
            yield record("response", uri + "-old", http_response(b"", status="301 Moved Permanently",
                         content_type=None, headers={"Location": uri}), number=number)
            yield record("response", uri + ".jpg", http_response(b"\xff\xd8\xff\xe0" + bytes(200),
                         content_type="image/jpeg"), number=number + 1)
            number += 2
        yield request(uri, number)
        yield response(uri, body, number + 1, content_type="text/plain; charset=utf-8")
        number += 2


def write_archive(path, pages, per_record_gzip: bool = True) -> int:
    """Write a crawl of ``pages`` to ``path`` (streaming); returns its size in bytes."""
    path = Path(path)
    gz = str(path).endswith(".gz")
    with open(path, "wb") as out:
        if gz and not per_record_gzip:
            with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as whole:
                for rec in crawl(pages):
                    whole.write(rec)
        else:
            for rec in crawl(pages):
                out.write(_gzip_member(rec) if gz else rec)
    return path.stat().st_size


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import pagegen

    pages = (pagegen.make_page(args.seed, index).data for index in range(args.pages))
    size = write_archive(args.out, pages)
    print(f"{args.out}: {args.pages} pages, {size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
