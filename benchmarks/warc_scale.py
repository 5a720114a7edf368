"""Web archives at scale: a generated WARC read with -j 1, -j 2 and a two-worker Dask cluster.

    python benchmarks/warc_scale.py [--pages 20000] [--rounds 1] [--keep DIR]
    python benchmarks/warc_scale.py --pages 100000      # the issue's size: about 25 minutes here

Writes a crawl of ``--pages`` pages invented by ``pagegen.py`` (a request before
each response, a redirect and an image every tenth page; gzip per record, as
crawlers write ``.warc.gz``) with ``warcgen.py``, then measures, each in the same
run so the ratios hold on a noisy machine:

1. the WARC libraries: FastWARC and warcio iterating every record of the archive
   and reading each response's payload (records per second), and whether each
   reads a ``.warc.gz`` compressed whole;
2. pages per second of ``itvreport show ARCHIVE --format jsonl > /dev/null`` with
   ``-j 1``, ``-j 2`` and ``--scheduler`` on a local cluster of a scheduler and
   two single-thread worker processes on 127.0.0.1 (started here, stopped at the
   end), as ratios to ``-j 1``; the cluster's time includes connecting to it;
3. peak memory (resident set) of the reading process and of the largest worker,
   for this archive and for one a quarter its size: flat memory means the two
   are close, whatever the archive's size;
4. the per-record cost of the WARC reader: the same pages saved as files in a
   folder, read with ``-j 1``, against the archive.

The default, 20,000 pages, runs in about five minutes on the project's 2-core
machine; the issue's 100,000 pages (``--pages 100000``) takes about five times
as long and gives the same ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def itvreport_command():
    script = Path(sys.executable).with_name("itvreport")
    return [str(script)] if script.exists() else [sys.executable, "-m", "itvreport"]


def timed(command):
    """``(seconds, CPU seconds, peak resident set in MB, exit code, own CPU seconds)`` of one
    run, output to /dev/null.

    CPU is user + system time of the process and the worker processes it waited
    for (``-j N``); own CPU is the first process's alone (read while it runs, so
    up to 20 ms short). The peak is the largest high-water mark (``VmHWM``) of the
    process and of any process it starts, read every 20 ms while it runs: the
    high-water mark only grows, so the last reading is the peak up to then."""
    started = time.perf_counter()
    peak = 0.0
    own = 0.0
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.DEVNULL, cwd=ROOT)
        while True:
            done, status, usage = os.wait4(process.pid, os.WNOHANG)
            if done:
                break
            peak = max(peak, _family_peak_mb(process.pid))
            own = max(own, cpu_seconds([process.pid]))
            time.sleep(0.02)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, peak, process.returncode, own


def cpu_seconds(pids) -> float:
    """User + system seconds used so far by the processes ``pids`` (Dask workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, ValueError, IndexError):
            pass
    return total / ticks


def _family_peak_mb(pid: int) -> float:
    peak = 0.0
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) / 1024
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            for child in children.read().split():
                peak = max(peak, _family_peak_mb(int(child)))
    except (OSError, ValueError):
        pass
    return peak


def library_rates(path: Path, whole: Path, whole_records: int):
    """Records per second for FastWARC and warcio over ``path``; whether each reads all
    ``whole_records`` records of ``whole`` (a .warc.gz compressed whole)."""
    out = {}

    def fastwarc_pass(target):
        from fastwarc.warc import ArchiveIterator, WarcRecordType

        count = size = 0
        with open(target, "rb") as handle:
            for record in ArchiveIterator(handle, parse_http=True, fsspec_args=False,
                                          record_types=WarcRecordType.any_type):
                if record.record_type == WarcRecordType.response:
                    size += len(record.reader.read())
                count += 1
        return count, size

    def warcio_pass(target):
        from warcio.archiveiterator import ArchiveIterator

        count = size = 0
        with open(target, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "response":
                    size += len(record.content_stream().read())
                count += 1
        return count, size

    for name, reader in (("fastwarc", fastwarc_pass), ("warcio", warcio_pass)):
        try:
            __import__(name)
        except ImportError:
            out[name] = None
            continue
        best = None
        for _ in range(3):
            started = time.perf_counter()
            count, size = reader(path)
            elapsed = time.perf_counter() - started
            best = elapsed if best is None else min(best, elapsed)
        try:
            import contextlib
            import io

            with contextlib.redirect_stderr(io.StringIO()):
                whole_count, _ = reader(whole)
            reads_whole = whole_count == whole_records
        except Exception:  # noqa: BLE001 - a library that refuses the file
            reads_whole = False
        out[name] = {"records": count, "seconds": best, "per_second": count / best, "whole_file_gzip": reads_whole}
    return out


class LocalDask:
    """``dask scheduler`` and two ``dask worker`` processes (one thread each) on 127.0.0.1."""

    def __init__(self, folder: Path):
        self.file = folder / "scheduler.json"
        self.log = open(folder / "dask.log", "wb")
        self.processes = [self._start("distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                                      "--no-dashboard", "--scheduler-file", str(self.file))]
        deadline = time.monotonic() + 60
        while not (self.file.exists() and self.file.stat().st_size):
            if time.monotonic() > deadline:
                raise RuntimeError("the Dask scheduler did not start")
            time.sleep(0.05)
        self.address = json.loads(self.file.read_text())["address"]
        for _ in range(2):
            self.processes.append(self._start("distributed.cli.dask_worker", self.address, "--host", "127.0.0.1",
                                              "--nthreads", "1", "--no-nanny", "--no-dashboard",
                                              "--memory-limit", "0"))
        from distributed import Client

        with Client(self.address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=60)
            self.worker_pids = list(client.run(os.getpid).values())

    def _start(self, module, *args):
        return subprocess.Popen([sys.executable, "-m", module, *args], stdout=self.log, stderr=subprocess.STDOUT)

    def worker_peak_mb(self):
        peaks = []
        for pid in self.worker_pids:
            try:
                with open(f"/proc/{pid}/status") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            peaks.append(int(line.split()[1]) / 1024)
            except OSError:
                pass
        return max(peaks) if peaks else None

    def stop(self):
        for process in self.processes[::-1]:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.log.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=1, help="timed runs of each command (best kept)")
    parser.add_argument("--keep", help="write the archive and folders here and keep them")
    parser.add_argument("--no-cluster", action="store_true", help="skip the Dask cluster run")
    args = parser.parse_args(argv)

    import gzip

    import pagegen
    import warcgen

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="itvreport-warc-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        bodies = [pagegen.make_page(0, index).data for index in range(args.pages)]
        archive = work / "crawl.warc.gz"
        size = warcgen.write_archive(archive, bodies)
        small = work / "quarter.warc.gz"
        small_size = warcgen.write_archive(small, bodies[: args.pages // 4])
        whole = work / "whole.warc.gz"
        whole_records = 0
        with gzip.open(whole, "wb", compresslevel=6) as out:
            for record in warcgen.crawl(bodies[:2000]):
                out.write(record)
                whole_records += 1
        folder = work / "pages"
        folder.mkdir(exist_ok=True)
        for index, body in enumerate(bodies):
            (folder / f"{index:06d}.txt").write_bytes(body)
        page_bytes = sum(map(len, bodies))
        del bodies
        print(f"archive: {args.pages:,} pages ({page_bytes / 1e6:.1f} MB of pages), {size / 1e6:.1f} MB "
              f"gzip per record; written in {time.perf_counter() - started:.0f} s")

        libraries = library_rates(archive, whole, whole_records)
        for name, result in libraries.items():
            if result is None:
                print(f"{name}: not installed")
            else:
                print(f"{name}: {result['records']:,} records in {result['seconds']:.2f} s = "
                      f"{result['per_second']:,.0f} records/s; reads a .warc.gz compressed whole: "
                      f"{'yes' if result['whole_file_gzip'] else 'no'}")

        base = itvreport_command() + ["show"]
        runs = {}

        def measure(label, command, workers=()):
            best = None
            for _ in range(args.rounds):
                before = cpu_seconds(workers)
                seconds, cpu, peak, code, own = timed(command)
                cpu += cpu_seconds(workers) - before
                if code != 0:
                    raise SystemExit(f"{label}: exit {code}")
                if best is None or seconds < best[0]:
                    best = (seconds, peak, cpu, own)
            runs[label] = best
            pages = args.pages // 4 if "quarter" in label else args.pages
            print(f"{label}: {best[0]:.1f} s = {pages / best[0]:,.0f} pages/s; CPU {best[2]:.1f} s "
                  f"({best[2] / pages * 1e6:,.0f} µs a page, {best[3]:.1f} s of it in the writing process); "
                  f"peak {best[1]:.0f} MB")

        load = os.getloadavg()[0]
        measure("-j 1", base + [str(archive), "--format", "jsonl"])
        measure("-j 2", base + [str(archive), "--format", "jsonl", "-j", "2"])
        cluster_peak = None
        if not args.no_cluster:
            try:
                cluster = LocalDask(work)
            except ImportError:
                cluster = None
                print("cluster: distributed is not installed (pip install 'itvreport[dask]')")
            if cluster is not None:
                try:
                    measure("cluster", base + [str(archive), "--format", "jsonl", "--scheduler", cluster.address],
                            workers=cluster.worker_pids)
                    cluster_peak = cluster.worker_peak_mb()
                finally:
                    cluster.stop()
        measure("-j 1, a quarter of the archive", base + [str(small), "--format", "jsonl"])
        measure("-j 1, the same pages as files", base + [str(folder), "--format", "jsonl"])
        load = max(load, os.getloadavg()[0])

        one = runs["-j 1"][0]
        print()
        print(f"machine load (1-minute average, highest seen): {load:.1f} on {os.cpu_count()} cores; "
              f"other work on the machine lowers the ratios below")
        print(f"pages per second, -j 1: {args.pages / one:,.0f}")
        total, own = runs["-j 2"][2], runs["-j 2"][3]
        print(f"-j 2 vs -j 1: {one / runs['-j 2'][0]:.2f}x (target >= 1.8x on two cores); CPU "
              f"{total / runs['-j 1'][2]:.2f}x -j 1's (the cost of spreading the work); the writing "
              f"process's share of it: {own / total:.0%} (while it stays under half, the workers "
              f"can keep both cores busy)")
        if "cluster" in runs:
            print(f"two-worker cluster vs -j 1: {one / runs['cluster'][0]:.2f}x; CPU (client and workers) "
                  f"{runs['cluster'][2] / runs['-j 1'][2]:.2f}x -j 1's"
                  + (f"; largest worker's peak {cluster_peak:.0f} MB" if cluster_peak else ""))
        print(f"peak memory, -j 1: {runs['-j 1'][1]:.0f} MB for the {size / 1e6:.0f} MB archive, "
              f"{runs['-j 1, a quarter of the archive'][1]:.0f} MB for a quarter of it ({small_size / 1e6:.0f} MB); "
              f"-j 2: {runs['-j 2'][1]:.0f} MB (largest process)")
        files = runs["-j 1, the same pages as files"]
        per_record = (runs["-j 1"][2] - files[2]) / args.pages * 1e6
        print(f"WARC reader per record vs reading files: {per_record:+.0f} µs of CPU a page "
              f"({runs['-j 1'][2] / files[2]:.2f}x the folder's CPU time; wall time "
              f"{one / files[0]:.2f}x)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
