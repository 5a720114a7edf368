"""Batch mode: many pages, input order, errors reported and the run goes on."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from itvreport import batch
from itvreport.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "fixtures" / "corpus").glob("*.txt"))


def run(*args, stdin=b""):
    return subprocess.run([sys.executable, "-m", "itvreport", "show", *map(str, args)],
                          input=stdin, capture_output=True, cwd=ROOT, timeout=120)


@pytest.fixture
def folder(tmp_path):
    pages = tmp_path / "pages"
    (pages / "b-sub").mkdir(parents=True)
    (pages / ".hidden").mkdir()
    for index, page in enumerate(CORPUS[:6]):
        target = pages / ("b-sub" if index % 2 else "") / page.name
        shutil.copy(page, target)
    shutil.copy(CORPUS[6], pages / ".hidden" / CORPUS[6].name)
    (pages / "notes.md").write_text("not a page")
    (pages / "empty.txt").write_bytes(b"")
    return pages


def test_a_folder_stands_for_its_pages_in_name_order(folder):
    pages = batch.expand([str(folder)])
    names = [Path(p).relative_to(folder).as_posix() for p in pages]
    assert names == sorted(names)
    assert "empty.txt" in names and "notes.md" not in names
    assert not any(name.startswith(".hidden") for name in names)
    assert len(names) == 7


def test_jsonl_gives_one_valid_document_per_page_in_input_order():
    proc = run(*CORPUS[:5], "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(p) for p in CORPUS[:5]]
    for line in lines:
        jsonschema.validate(json.loads(line), load_schema())


def test_parallel_output_is_the_same_bytes(folder):
    one = run(folder, "--format", "jsonl")
    two = run(folder, "--format", "jsonl", "-j", "2")
    assert one.stdout == two.stdout and one.stdout.count(b"\n") == 6


def test_a_bad_page_is_an_error_record_and_the_run_goes_on(folder):
    proc = run(folder, "--format", "jsonl")
    assert proc.returncode == 1
    assert proc.stdout.count(b"\n") == 6  # the six good pages
    records = [json.loads(line) for line in proc.stderr.decode().splitlines()]
    assert records == [{"source": str(folder / "empty.txt"), "error": f"{folder / 'empty.txt'}: input is empty"}]


def test_missing_file_in_text_batch_is_a_one_line_error(tmp_path):
    proc = run(CORPUS[0], tmp_path / "missing.txt", CORPUS[1], "--format", "text")
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == [f"itvreport: error: {tmp_path / 'missing.txt'}: no such file"]
    assert proc.stdout.decode().count("\n---\n") == 1  # two articles, one separator


def test_json_with_several_pages_is_a_usage_error():
    proc = run(CORPUS[0], CORPUS[1], "--format", "json")
    assert proc.returncode == 2
    assert b"use --format jsonl" in proc.stderr


def test_standard_input_only_once():
    proc = run("-", "-", "--format", "jsonl", stdin=CORPUS[0].read_bytes())
    assert proc.returncode == 2


def test_jsonl_reads_standard_input_too():
    proc = run("--format", "jsonl", stdin=CORPUS[0].read_bytes())
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["source"] == "-"


def test_no_progress_line_when_stderr_is_not_a_terminal(folder):
    proc = run(folder, "--format", "jsonl")
    assert b"/7 pages" not in proc.stderr and b"\r" not in proc.stderr


def test_progress_counts_pages(capsys, monkeypatch):
    progress = batch.Progress(3)
    for _ in range(3):
        progress.step()
    progress.done()
    err = capsys.readouterr().err
    assert "itvreport: 3/3 pages" in err and err.endswith("\r\x1b[K")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_in_a_batch_is_a_one_line_error_not_a_success(jobs):
    """A write that fails partway through a batch is an error, with its exit code."""
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "itvreport", "show", *map(str, CORPUS[:3]), "--format", "jsonl",
                               "-j", jobs], stdout=full, stderr=subprocess.PIPE, cwd=ROOT, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == ["itvreport: error: cannot write output: No space left on device"]


def test_each_error_line_follows_the_pages_before_it_on_a_shared_stream(tmp_path):
    """With stdout and stderr on one stream (2>&1), an error line comes after the pages
    read before it."""
    missing = tmp_path / "missing.txt"
    proc = subprocess.run(f'"{sys.executable}" -m itvreport show "{CORPUS[0]}" "{missing}" "{CORPUS[1]}" '
                          "--format jsonl 2>&1", shell=True, capture_output=True, cwd=ROOT, timeout=120)
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 1
    assert ['"error"' in line for line in lines] == [False, True, False]
    assert [json.loads(line)["source"] for line in lines] == [str(CORPUS[0]), str(missing), str(CORPUS[1])]
