"""A batch on a Dask cluster (``--scheduler``): a scheduler and two worker processes on 127.0.0.1.

The cluster is started as people start one (``dask scheduler``, ``dask worker``),
bound to the loopback address only, and stopped at the end of the module. Each
wait is on a condition with a time limit, never a bare sleep.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import clean_env, load_benchmark

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "fixtures" / "corpus").glob("*.txt"))
LIMIT = 90  # seconds for any one wait


warcgen = load_benchmark("warcgen")
pagegen = load_benchmark("pagegen")


def _dask(command, *args, log):
    module = {"scheduler": "distributed.cli.dask_scheduler", "worker": "distributed.cli.dask_worker"}[command]
    return subprocess.Popen([sys.executable, "-m", module, *args], stdout=log, stderr=subprocess.STDOUT,
                            env=clean_env(DASK_DISTRIBUTED__WORKER__DAEMON="False"), cwd=ROOT)


def _wait(condition, what):
    deadline = time.monotonic() + LIMIT
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


class Cluster:
    def __init__(self, folder: Path):
        self.folder = folder
        self.file = folder / "scheduler.json"
        self.log = open(folder / "cluster.log", "wb")
        self.scheduler = _dask("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                               "--scheduler-file", str(self.file), log=self.log)
        _wait(lambda: self.file.exists() and self.file.stat().st_size > 0, "the scheduler file")
        self.address = json.loads(self.file.read_text())["address"]
        assert self.address.startswith("tcp://127.0.0.1:")
        self.workers = [self.start_worker() for _ in range(2)]
        self.client = distributed.Client(self.address, timeout=LIMIT, set_as_default=False)
        self.client.wait_for_workers(2, timeout=LIMIT)

    def start_worker(self):
        return _dask("worker", self.address, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny",
                     "--no-dashboard", "--memory-limit", "0", log=self.log)

    def worker_pids(self):
        return self.client.run(os.getpid)

    def stop(self):
        """Workers first (each closes on SIGTERM), then the scheduler; anything still
        running after its time limit is killed."""
        try:
            self.client.close(timeout=10)
        finally:
            for group in (self.workers, [self.scheduler]):
                for process in group:
                    if process.poll() is None:
                        process.terminate()
                for process in group:
                    try:
                        process.wait(timeout=15)
                    except subprocess.TimeoutExpired:
                        process.kill()
                        process.wait(timeout=10)
            self.log.close()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    running = Cluster(tmp_path_factory.mktemp("cluster"))
    try:
        yield running
    finally:
        running.stop()


def itvreport(*args):
    return [sys.executable, "-m", "itvreport", "show", *map(str, args)]


def run(*args):
    return subprocess.run(itvreport(*args), capture_output=True, cwd=ROOT, env=clean_env(), timeout=300)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """150 generated pages in a .warc.gz, a cut-short record at its end; a folder beside it
    holding a saved page and a missing one named on the command line."""
    folder = tmp_path_factory.mktemp("archive")
    path = folder / "crawl.warc.gz"
    bodies = [pagegen.make_page(3, index).data for index in range(150)]
    warcgen.write_archive(path, bodies)
    with open(path, "ab") as out:
        out.write(warcgen.gzip_each([warcgen.response("https://news.example.org/cut", bodies[0] * 3, 9999)])[:-60])
    return path


def test_a_batch_on_the_cluster_is_byte_for_byte_what_one_process_writes(cluster, archive):
    extra = CORPUS[0]
    missing = archive.parent / "missing.txt"
    single = run(archive, extra, missing, "--format", "jsonl")
    spread = run(archive, extra, missing, "--format", "jsonl", "--scheduler", cluster.address)
    assert single.returncode == spread.returncode == 1
    assert spread.stdout == single.stdout
    assert spread.stderr == single.stderr
    lines = single.stdout.decode().splitlines()
    assert len(lines) == 151
    assert json.loads(lines[-1])["source"] == str(extra)
    errors = [json.loads(line) for line in single.stderr.decode().splitlines()]
    assert [e["source"] for e in errors] == ["%s#https://news.example.org/cut" % archive, str(missing)]
    # The tasks ran on the cluster's two workers, not in this process.
    assert len(cluster.client.scheduler_info()["workers"]) == 2


def test_a_worker_lost_mid_run_loses_no_page(cluster, tmp_path):
    """Kill the worker that holds a task while it reads it: the scheduler runs the task
    again on the other worker and every page still comes out, in order."""
    archive = tmp_path / "slow.warc.gz"
    # Each task of 64 pages holds one long page (about half a second to read), so a
    # task is still running when the test sees it and stops its worker.
    bodies = []
    for index in range(256):
        if index % 64 == 10:
            bodies.append(pagegen.page_of_size(600_000, seed=index))
        else:
            bodies.append(pagegen.make_page(5, index).data)
    warcgen.write_archive(archive, bodies)
    expected = run(archive, "--format", "jsonl")
    assert expected.returncode == 0

    pids = cluster.worker_pids()
    out = open(tmp_path / "out.jsonl", "wb")
    err = open(tmp_path / "err.txt", "wb")
    proc = subprocess.Popen(itvreport(archive, "--format", "jsonl", "--scheduler", cluster.address),
                            stdout=out, stderr=err, cwd=ROOT, env=clean_env())
    try:
        busy = {}

        def a_worker_is_reading():
            busy.update({worker: keys for worker, keys in cluster.client.processing().items() if keys})
            return bool(busy) or proc.poll() is not None

        _wait(a_worker_is_reading, "a task to start")
        assert proc.poll() is None, "the run ended before any task was seen running"
        victim = next(iter(busy))
        os.kill(pids[victim], signal.SIGKILL)
        assert proc.wait(timeout=LIMIT) == 0, (tmp_path / "err.txt").read_text()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        out.close()
        err.close()
    assert (tmp_path / "out.jsonl").read_bytes() == expected.stdout
    assert len(expected.stdout.splitlines()) == 256
    _wait(lambda: victim not in cluster.client.scheduler_info()["workers"], "the scheduler to drop the worker")
    # Put a worker back for any test that follows.
    replacement = cluster.start_worker()
    cluster.workers.append(replacement)
    cluster.client.wait_for_workers(2, timeout=LIMIT)


def test_an_unreachable_scheduler_is_one_error_line(monkeypatch, capsys):
    from itvreport import cli, cluster as cluster_module

    monkeypatch.setattr(cluster_module, "CONNECT_TIMEOUT", 1)
    code = cli.main(["show", str(CORPUS[0]), "--format", "jsonl", "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("itvreport: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert err.count("\n") == 1


def test_scheduler_and_jobs_together_is_a_usage_error():
    proc = run(CORPUS[0], "--scheduler", "tcp://127.0.0.1:9", "-j", "2")
    assert proc.returncode == 2
    assert b"--scheduler reads the pages on the cluster's workers: leave out -j" in proc.stderr


def test_a_task_the_cluster_gives_up_on_is_an_error_record_per_page():
    from distributed.scheduler import KilledWorker

    from itvreport import cluster as cluster_module

    class Given:
        def result(self):
            raise KilledWorker("read_chunk-1", "tcp://127.0.0.1:1", 3)

    chunk = [("bytes", "a.warc#https://example.org/1", b"", None, None), ("path", "b.txt")]
    results = cluster_module._result(Given(), chunk, "tcp://127.0.0.1:8786")
    assert results == [(None, [], "a.warc#https://example.org/1: lost: the Dask workers reading it stopped, "
                                  "on every try"),
                       (None, [], "b.txt: lost: the Dask workers reading it stopped, on every try")]


def test_the_readme_dask_bag_example_gives_the_json_contract(tmp_path):
    """The README's Dask bag example, run with Dask's in-process scheduler."""
    import re

    readme = (ROOT / "README.md").read_text()
    example = re.search(r"From a Dask bag.*?```python\n(.*?)```", readme, re.S).group(1)
    saved_pages = [(path.name, path.read_bytes()) for path in CORPUS[:3]]
    saved_pages.append(("empty.txt", b""))
    import dask

    with dask.config.set(scheduler="synchronous"):
        exec(example.replace('"articles/*.jsonl"', repr(str(tmp_path / "*.jsonl"))),
             {"saved_pages": saved_pages})
    lines = [json.loads(line) for file in sorted(tmp_path.glob("*.jsonl")) for line in file.read_text().splitlines()]
    single = run(*CORPUS[:3], "--format", "jsonl")
    expected = [json.loads(line) for line in single.stdout.decode().splitlines()]
    for line in expected:
        line["source"] = Path(line["source"]).name
    assert lines[:3] == expected
    assert lines[3]["source"] == "empty.txt" and "empty" in lines[3]["error"]


def test_the_client_keeps_no_log_of_the_pages_it_sent(cluster):
    """distributed's client keeps its last 1,000 messages to the scheduler (each under 1 MB)
    for debugging; each of ours carries a task's pages, so that log would grow to about
    1,000 tasks' worth (the client of a 20,000-page run grew from 61 to 107 MB with it;
    without it, it stays at 54 MB). The client the run makes keeps none."""
    from itvreport import cluster as cluster_module

    client = cluster_module.connect(cluster.address)
    try:
        log = client.scheduler_comm.recent_message_log
        assert log.maxlen == 0
        future = client.submit(len, b"x" * 1000, pure=False)
        assert future.result(timeout=LIMIT) == 1000
        assert len(log) == 0
    finally:
        client.close(timeout=10)
