"""Web archives: every page record of a WARC reads exactly as the same bytes saved to a file.

The archives are built here, record by record (benchmarks/warcgen.py writes the
bytes by hand), so each case is exactly the shape it names: gzip per record and
for the whole file, a record cut short, an image, a redirect, a page whose
charset is named only in its HTTP header, a chunked and gzip-encoded body.
"""

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from itvreport import batch, warc
from itvreport.pipeline import read_article

from helpers import clean_env, load_benchmark

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "fixtures" / "corpus").glob("*.txt"))
HTML = ROOT / "fixtures" / "html" / "harbour-lights.html"
WARC_DATE = "2019-06-07T08:09:10Z"


warcgen = load_benchmark("warcgen")

# Invented pages of the shapes a WARC holds that a folder of saved pages does not.
GREEK = "Η Λίμνη Ορφέα\n\nΟ δήμαρχος Τάκης Αρβανίτης είπε ότι η λίμνη θα ανοίξει ξανά την Τρίτη.\n\n" \
        "Οι κάτοικοι του Κάτω Βάλτου περίμεναν τρία χρόνια.\n"
UNDATED = b"Harbour crane returns to Pellow Quay\n\nThe old crane at Pellow Quay was lifted back into " \
          b"place on Tuesday after a year of repairs, the harbour trust said.\n\nTrust chair Morwen " \
          b"Tallack said the town had missed its outline on the skyline.\n"
CHUNKED = (b"<html><head><title>Ferry timetable changes</title></head><body><article><h1>Ferry timetable "
           b"changes at Brannock</h1><p>The Brannock ferry will run every forty minutes from Monday, the "
           b"operator Tidewise Lines said.</p><p>Skipper Idris Penhale said the change follows a year of "
           b"complaints about the gap at lunchtime.</p></article></body></html>")


def pages():
    """``(uri, body bytes, http keywords, charset a file reader would not know)`` for each page record."""
    found = [(f"https://news.example.org/corpus/{path.stem}", path.read_bytes(),
              {"content_type": "text/plain; charset=utf-8"}, None) for path in CORPUS[:6]]
    found.append(("https://news.example.org/harbour-lights", HTML.read_bytes(), {}, None))
    found.append(("https://news.example.org/greek", GREEK.encode("iso-8859-7"),
                  {"content_type": "text/plain; charset=iso-8859-7"}, "iso-8859-7"))
    found.append(("https://news.example.org/crane", UNDATED, {"content_type": "text/plain"}, None))
    found.append(("https://news.example.org/ferry", CHUNKED, {"chunked": True, "gzipped": True}, None))
    return found


def records(truncate_last=False):
    """A crawl: warcinfo, then per page a request and its response, with a redirect, an
    image, a script, a 404, a metadata record and a DNS answer between them."""
    out = [warcgen.warcinfo(0)]
    number = 1
    for index, (uri, body, http, _) in enumerate(pages()):
        out.append(warcgen.request(uri, number))
        out.append(warcgen.response(uri, body, number + 1, date=WARC_DATE, **http))
        number += 2
        if index == 1:
            out.append(warcgen.response(uri + "/old", b"", number, status="301 Moved Permanently",
                                        content_type=None, headers={"Location": uri}))
            out.append(warcgen.response(uri + "/pic.jpg", b"\xff\xd8\xff\xe0" + bytes(64), number + 1,
                                        content_type="image/jpeg"))
            out.append(warcgen.response(uri + "/app.js", b"var a = 1;", number + 2,
                                        content_type="application/javascript"))
            out.append(warcgen.response(uri + "/gone", b"<p>Not found</p>", number + 3, status="404 Not Found"))
            out.append(warcgen.record("metadata", uri, b"outlinks: none\r\n", number=number + 4,
                                      content_type="application/warc-fields"))
            out.append(warcgen.record("response", "dns:news.example.org", b"20190607080910\r\n"
                                      b"news.example.org. 300 IN A 192.0.2.7\r\n", number=number + 5,
                                      content_type="text/dns"))
            number += 6
    if truncate_last:
        uri = "https://news.example.org/cut"
        out.append(warcgen.response(uri, UNDATED * 20, number)[:-700])
    return out


def write(path, style, truncate_last=False):
    recs = records(truncate_last)
    if style == "plain":
        data = b"".join(recs)
    elif style == "per-record":
        data = warcgen.gzip_each(recs)
    else:
        data = gzip.compress(b"".join(recs), mtime=0)
    path.write_bytes(data)
    return path


def run(*args):
    return subprocess.run([sys.executable, "-m", "itvreport", "show", *map(str, args)],
                          capture_output=True, cwd=ROOT, env=clean_env(), timeout=120)


def articles(proc):
    return [json.loads(line) for line in proc.stdout.decode().splitlines()]


def expected(uri, body, charset, source):
    """What reading the record's page bytes as a file gives (the charset the HTTP header
    names passed as for a fetched page), with the archive's source and date."""
    article = read_article(body, source=source, charset=charset)
    if article.date is None:
        article = article.replace(date=WARC_DATE[:10])
    return article.to_dict()


@pytest.mark.parametrize("style", ["plain", "per-record", "whole-file"])
def test_every_page_record_reads_as_its_bytes_saved_to_a_file(tmp_path, style):
    name = "crawl.warc" if style == "plain" else "crawl.warc.gz"
    archive = write(tmp_path / name, style)
    proc = run(archive, "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    got = articles(proc)
    want = []
    for uri, body, http, charset in pages():
        if http.get("chunked"):
            saved = CHUNKED  # the page as a browser would have saved it: unchunked, unzipped
        else:
            saved = body
        want.append(expected(uri, saved, charset, f"{archive}#{uri}"))
    assert got == want
    assert [a["source"] for a in got] == [f"{archive}#{uri}" for uri, *_ in pages()]


def test_a_page_record_is_byte_for_byte_a_saved_file(tmp_path):
    """The same pages saved as files and read as a folder give the same JSON but for source and date."""
    archive = write(tmp_path / "crawl.warc.gz", "per-record")
    folder = tmp_path / "saved"
    folder.mkdir()
    plain = [(uri, body) for uri, body, http, charset in pages() if charset is None and not http.get("chunked")]
    for index, (uri, body) in enumerate(plain):
        (folder / f"{index:02d}.{'html' if body.lstrip().startswith(b'<') else 'txt'}").write_bytes(body)
    from_files = articles(run(folder, "--format", "jsonl"))
    from_archive = {a["source"].split("#", 1)[1]: a for a in articles(run(archive, "--format", "jsonl"))}
    assert len(from_files) == len(plain) == 8
    for (uri, _), file_article in zip(plain, from_files):
        record_article = from_archive[uri]
        for key in file_article:
            if key == "source":
                continue
            if key == "date" and file_article["date"] is None:
                assert record_article["date"] == WARC_DATE[:10]
                continue
            assert record_article[key] == file_article[key], (uri, key)


def test_the_charset_named_only_in_the_http_header_is_used(tmp_path):
    archive = write(tmp_path / "crawl.warc", "plain")
    got = {a["source"].split("#", 1)[1]: a for a in articles(run(archive, "--format", "jsonl"))}
    greek = got["https://news.example.org/greek"]
    assert greek["headline"] == "Η Λίμνη Ορφέα"
    # Without the header the bytes would read as Windows-1252: the header is what made it Greek.
    assert read_article(GREEK.encode("iso-8859-7")).headline != "Η Λίμνη Ορφέα"


def test_the_record_date_fills_a_page_without_one_and_never_replaces_a_page_date(tmp_path):
    archive = write(tmp_path / "crawl.warc", "plain")
    got = {a["source"].split("#", 1)[1]: a for a in articles(run(archive, "--format", "jsonl"))}
    assert got["https://news.example.org/crane"]["date"] == "2019-06-07"
    dated = [(uri, body) for uri, body, *_ in pages() if read_article(body).date is not None]
    assert dated, "the corpus pages have dates of their own"
    for uri, body in dated:
        assert got[uri]["date"] == read_article(body).date != "2019-06-07"


def test_a_chunked_gzip_body_is_decoded_as_a_browser_would(tmp_path):
    archive = write(tmp_path / "crawl.warc.gz", "per-record")
    got = {a["source"].split("#", 1)[1]: a for a in articles(run(archive, "--format", "jsonl"))}
    ferry = got["https://news.example.org/ferry"]
    assert ferry["headline"] == "Ferry timetable changes at Brannock"
    assert "every forty minutes" in ferry["blocks"][0]["text"]


@pytest.mark.parametrize("style", ["plain", "per-record"])
def test_a_truncated_final_record_is_an_error_record_and_the_rest_is_read(tmp_path, style):
    name = "cut.warc" if style == "plain" else "cut.warc.gz"
    archive = write(tmp_path / name, style, truncate_last=True)
    proc = run(archive, "--format", "jsonl")
    assert proc.returncode == 1
    assert len(articles(proc)) == len(pages())
    errors = [json.loads(line) for line in proc.stderr.decode().splitlines() if line.startswith("{")]
    assert len(errors) == 1
    assert "cut short" in errors[0]["error"]
    assert errors[0]["source"].startswith(str(archive))
    assert "Traceback" not in proc.stderr.decode()


@pytest.mark.parametrize("style", ["plain", "per-record"])
def test_a_corrupt_record_in_the_middle_is_an_error_record_and_the_file_goes_on(tmp_path, style):
    recs = records()
    bad = b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\ngarbled\r\n\r\n"
    recs.insert(6, bad)
    data = b"".join(recs) if style == "plain" else warcgen.gzip_each(recs)
    archive = tmp_path / ("bad.warc" if style == "plain" else "bad.warc.gz")
    archive.write_bytes(data)
    proc = run(archive, "--format", "jsonl")
    assert proc.returncode == 1
    assert [a["source"] for a in articles(proc)] == [f"{archive}#{uri}" for uri, *_ in pages()]
    errors = [json.loads(line) for line in proc.stderr.decode().splitlines() if line.startswith("{")]
    assert len(errors) == 1 and "corrupt" in errors[0]["error"]


def test_a_damaged_gzip_member_loses_only_its_record(tmp_path):
    recs = records()
    members = [warcgen.gzip_each([r]) for r in recs]
    # Damage the compressed bytes of the first page's response (record 2).
    damaged = bytearray(members[2])
    damaged[len(damaged) // 2] ^= 0xFF
    members[2] = bytes(damaged)
    archive = tmp_path / "damaged.warc.gz"
    archive.write_bytes(b"".join(members))
    proc = run(archive, "--format", "jsonl")
    assert proc.returncode == 1
    assert [a["source"] for a in articles(proc)] == [f"{archive}#{uri}" for uri, *_ in pages()[1:]]
    errors = [json.loads(line) for line in proc.stderr.decode().splitlines() if line.startswith("{")]
    assert len(errors) == 1
    assert f"at byte {len(members[0]) + len(members[1])}" in errors[0]["error"]


def test_explain_counts_what_was_skipped(tmp_path):
    archive = write(tmp_path / "crawl.warc.gz", "per-record")
    proc = run(archive, "--format", "jsonl", "--explain")
    assert proc.returncode == 0
    summary = proc.stderr.decode().strip().splitlines()
    assert summary == [f"itvreport: {archive}: {len(pages())} pages; skipped {len(pages())} requests, "
                       f"1 image, 1 metadata, 1 non-HTTP response, 1 other status, 1 redirect, 1 script, 1 warcinfo"]
    quiet = run(archive, "--format", "jsonl")  # stderr not a terminal, no --explain: no summary
    assert quiet.stderr == b""


def test_parallel_and_single_output_are_the_same_bytes(tmp_path):
    archive = write(tmp_path / "crawl.warc.gz", "per-record", truncate_last=True)
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "a.txt").write_bytes(CORPUS[7].read_bytes())
    write(folder / "b.warc", "plain")
    one = run(archive, folder, "--format", "jsonl")
    two = run(archive, folder, "--format", "jsonl", "-j", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert len(articles(one)) == 2 * len(pages()) + 1


def test_text_format_reads_an_archive_as_a_batch(tmp_path):
    archive = write(tmp_path / "crawl.warc", "plain")
    proc = run(archive, "--format", "text")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().count("\n---\n") == len(pages()) - 1


def test_a_folder_holds_archives_in_name_order(tmp_path):
    write(tmp_path / "b.warc.gz", "per-record")
    write(tmp_path / "a.warc", "plain")
    (tmp_path / "c.txt").write_bytes(CORPUS[0].read_bytes())
    assert [Path(p).name for p in batch.expand([str(tmp_path)])] == ["a.warc", "b.warc.gz", "c.txt"]


def test_a_record_over_max_bytes_is_an_error_record(tmp_path):
    archive = write(tmp_path / "crawl.warc", "plain")
    proc = run(archive, "--format", "jsonl", "--max-bytes", "3K")
    errors = [json.loads(line) for line in proc.stderr.decode().splitlines() if line.startswith("{")]
    assert proc.returncode == 1
    big = [uri for uri, body, *_ in pages() if len(body) > 3 * 1024]
    assert big and [e["source"].split("#", 1)[1] for e in errors] == big
    assert all("over the 3 KB limit" in e["error"] or "3 KB limit" in e["error"] for e in errors)


def test_a_missing_or_non_warc_archive_is_one_error_line(tmp_path):
    not_warc = tmp_path / "notes.warc"
    not_warc.write_bytes(b"these are not WARC records\n")
    proc = run(tmp_path / "missing.warc.gz", not_warc, CORPUS[0], "--format", "jsonl")
    assert proc.returncode == 1
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 2, lines
    assert "no such file" in json.loads(lines[0])["error"]
    assert "corrupt" in json.loads(lines[1])["error"]
    assert len(articles(proc)) == 1


def test_records_stream_lazily(tmp_path, monkeypatch):
    """The first page of an archive comes out when little of the file has been read."""
    archive = tmp_path / "long.warc"
    with open(archive, "wb") as out:
        out.write(warcgen.warcinfo(0))
        for number in range(1, 20001):
            out.write(warcgen.response(f"https://news.example.org/{number}", UNDATED, number))
    size = archive.stat().st_size
    handles = []

    def tracked_open(path, mode="r"):
        handle = open(path, mode)
        handles.append(handle)
        return handle

    monkeypatch.setattr(warc, "open", tracked_open, raising=False)
    stream = warc.items(str(archive), 1 << 20)
    first = next(item for item in stream if isinstance(item, warc.Page))
    assert first.source == f"{archive}#https://news.example.org/1"
    assert handles[0].tell() < size // 20
    stream.close()


def test_a_pipe_named_like_an_archive_is_one_error_line(tmp_path):
    import os

    fifo = tmp_path / "piped.warc"
    os.mkfifo(fifo)
    proc = run(fifo, "--format", "jsonl")
    assert proc.returncode == 1
    assert proc.stderr.decode().count("\n") == 1
    assert "not a regular file" in json.loads(proc.stderr)["error"]


def test_in_flight_chunks_are_bounded():
    """However long the stream, no more than ``window`` chunks wait for their turn."""
    from concurrent.futures import Future

    pending = []
    most = 0

    def submit(chunk):
        nonlocal most
        future = Future()
        future.set_result([item * 2 for item in chunk])
        pending.append(future)
        most = max(most, len(pending))
        return future

    def result(chunk, future):
        pending.remove(future)
        return future.result()

    stream = iter(range(10**9))  # far more than could ever be held
    out = batch.in_order(submit, batch.chunks(stream, 5), 3, result)
    first = [next(out) for _ in range(100)]
    assert first == [(n, 2 * n) for n in range(100)]
    assert most == 3


def test_is_archive_goes_by_the_name():
    assert warc.is_archive("crawl.warc") and warc.is_archive("x/CRAWL.WARC.GZ")
    assert not warc.is_archive("crawl.warc.txt") and not warc.is_archive("page.html")
    assert warc.SUFFIXES == batch.WARC_SUFFIXES


def test_read_article_is_the_public_library_call():
    import itvreport
    import jsonschema

    from itvreport.schema import load_schema

    data = CORPUS[0].read_bytes()
    article = itvreport.read_article(data, source="a.txt")
    assert "read_article" in itvreport.__all__
    assert article == read_article(data, source="a.txt")
    record = article.to_dict()
    jsonschema.validate(record, load_schema())
    assert record["source"] == "a.txt" and record["headline"]


@pytest.mark.parametrize("coding", ["gzip", "x-gzip", "deflate", "raw deflate", "br"])
def test_every_content_encoding_a_browser_undoes_is_undone(coding):
    import zlib

    import brotli

    page = CHUNKED
    body = {"gzip": gzip.compress(page), "x-gzip": gzip.compress(page), "deflate": zlib.compress(page),
            "raw deflate": zlib.compress(page)[2:-4], "br": brotli.compress(page)}[coding]
    header = "deflate" if coding == "raw deflate" else coding
    assert warc.decode_body(body, None, header, 1 << 20) == page
    assert warc.decode_body(warcgen._chunked(body), "chunked", header, 1 << 20) == page
    with pytest.raises(warc.InputError, match="over|larger than the 100 bytes limit"):
        warc.decode_body(body, None, header, 100)


def test_a_body_stored_decoded_under_its_encoding_headers_is_taken_as_it_is():
    assert warc.decode_body(CHUNKED, "chunked", "gzip", 1 << 20) == CHUNKED


def test_an_encoding_that_cannot_be_undone_or_a_corrupt_body_is_one_message():
    with pytest.raises(warc.InputError, match=r"cannot be undone \(compress\)"):
        warc.decode_body(b"abc", None, "compress", 1 << 20)
    with pytest.raises(warc.InputError, match="the gzip body stops partway"):
        warc.decode_body(gzip.compress(CHUNKED)[:60], None, "gzip", 1 << 20)
    with pytest.raises(warc.InputError, match="the gzip body is corrupt"):
        warc.decode_body(b"\x1f\x8b\x08\x00" + b"\xff" * 40, None, "gzip", 1 << 20)
