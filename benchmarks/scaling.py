"""Scaling: does reading one very long page stay linear in time, and how much memory does it take?

    python benchmarks/scaling.py [--seed 0] [--max 100000] [--no-memory] [--budget 110]

Long pages are one marker-first page (label, headline, then body lines separated
by blank lines) made of ``pagegen.paragraphs(n)``: narrative, quotes,
captions, lists, headings and media notes, as on real pages.

* Growth curve: 1k, 10k, 100k paragraphs; time of ``read_article(bytes)``
  (median of several runs, the reader's caches emptied before each), µs per paragraph and the ratio to the previous step
  (10× the input should cost at most 12× the time). Each step also times
  ``decode + splitlines`` on the same bytes, a yardstick for this machine.
* The same curve for pages where 30% of the paragraphs repeat earlier ones
  (exactly, with a word or two changed, or as the start of a longer paragraph;
  half of them repeat one of a dozen "hot" paragraphs hundreds of times): the
  repeat detection must not be quadratic.
* A 1 MB and a 10 MB page (and, within ``--budget``, a 10 MB page with repeats
  and one of distinct words), each read in a fresh interpreter: time (the
  first read, plus more while they fit in about 2 s; median) and their ratio
  (target: 10 MB in under 2 s). The page of distinct words (invented codes)
  has no target: it is the worst case for the repeat index's memory, which
  shares repeated words, and is shown so a change that makes it worse shows.
* Peak memory of that first read: ``ru_maxrss`` after the input bytes are in
  memory (baseline) and after reading; (peak - baseline) / input size, target
  under 10×. (``--no-memory``: the pages are timed in this process instead.)
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import pagegen  # noqa: E402
from common import clear_caches, load_reader  # noqa: E402

GROWTH_LIMIT = 12.0   # 10x input -> at most 12x time
TEN_MB_SECONDS = 2.0
MEMORY_LIMIT = 10.0   # peak extra memory / input size
REPEATS = 0.3
MB = 1_000_000


def timed(function, data, budget=2.0, max_runs=7):
    """Median time of ``function(data)``: as many runs as fit in ``budget`` seconds (1 to ``max_runs``).

    The reader's caches are emptied before each run: a second read of the same
    page must not find its lines already looked at (a real run reads a page once).
    """
    times = []
    while True:
        gc.collect()
        clear_caches()
        start = time.perf_counter()
        function(data)
        times.append(time.perf_counter() - start)
        if len(times) >= max_runs or sum(times) + times[0] > budget:
            return statistics.median(times), len(times)


def baseline(data):
    data.decode("utf-8").splitlines()


def curve(read_article, label, sizes, seed, repeats):
    print(f"\n{label}:")
    print(f"  {'paragraphs':>10} {'bytes':>12} {'time':>10} {'runs':>4} {'µs/para':>9} {'× prev':>8} {'× baseline':>11}")
    rows = []
    previous = None
    for n in sizes:
        data = pagegen.big_page(n, seed, repeats)
        seconds, runs = timed(read_article, data)
        base, _ = timed(baseline, data, budget=0.5)
        growth = seconds / previous if previous else None
        rows.append((n, len(data), seconds, growth))
        print(f"  {n:>10,} {len(data):>12,} {seconds:>9.3f}s {runs:>4} {seconds / n * 1e6:>9.1f} "
              f"{(f'{growth:.2f}×' if growth else '-'):>8} {seconds / base:>10.0f}×")
        previous = seconds
    return rows


# The child reads one page in a fresh interpreter and reports its time and memory.
# On Linux a process's ru_maxrss starts at its parent's RSS (it survives fork and
# exec), and this script holds hundreds of MB of pages; so the child is started
# through a small launcher process whose own RSS is below the child's baseline.
CHILD = r"""
import gc, json, resource, sys, time
try:
    from itvreport.pipeline import read_article
except ImportError:
    sys.path.insert(0, sys.argv[2])
    from itvreport.pipeline import read_article
read_article("1. ITV Report\n\nWarm-up page\n\nOne paragraph, so every module is loaded.\n\nAnother: one.".encode())
with open(sys.argv[1], "rb") as handle:
    data = handle.read()
gc.collect()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
article = read_article(data)
times = [time.perf_counter() - start]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
blocks = len(article.blocks)
del article
while len(times) < 7 and sum(times) + times[0] < 2.0:  # more runs while they fit in about 2 s
    gc.collect()
    for module in list(sys.modules.values()):  # empty the reader's caches: each run reads the page afresh
        if getattr(module, "__name__", "").startswith("itvreport"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    start = time.perf_counter()
    read_article(data)
    times.append(time.perf_counter() - start)
times.sort()
print(json.dumps({"base": base, "peak": peak, "size": len(data), "seconds": times[len(times) // 2],
                  "runs": len(times), "blocks": blocks}))
"""
LAUNCHER = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:]).returncode)"


def fresh_read(data):
    """Read ``data`` once in a fresh interpreter: {"seconds", "extra" (bytes), "base", "peak", "size"}."""
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "page.txt")
        with open(path, "wb") as handle:
            handle.write(data)
        command = [sys.executable, "-c", LAUNCHER, sys.executable, "-c", CHILD, path, str(ROOT / "src")]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"child failed: {done.stderr.strip()[-500:]}")
    result = json.loads(done.stdout)
    for key in ("base", "peak"):
        result[key] *= unit
    result["extra"] = result["peak"] - result["base"]
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max", type=int, default=100_000, help="largest step of the growth curves (default 100,000)")
    parser.add_argument("--no-memory", action="store_true", help="time the big pages here, not in fresh interpreters")
    parser.add_argument("--budget", type=float, default=110.0,
                        help="seconds; the optional 10 MB page with repeats is skipped if it would end later (default 110)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    read_article = load_reader()
    read_article(pagegen.big_page(50, args.seed))  # warm up: lazy imports

    sizes = [n for n in (1_000, 10_000, 100_000) if n <= args.max]
    plain = curve(read_article, "growth curve, varied paragraphs", sizes, args.seed, 0.0)
    repeated = curve(read_article, f"growth curve, {REPEATS:.0%} repeats and near-repeats", sizes, args.seed, REPEATS)

    pages = [
        ("1 MB", pagegen.page_of_size(1 * MB, args.seed)),
        ("10 MB", pagegen.page_of_size(10 * MB, args.seed)),
        (f"10 MB, {REPEATS:.0%} repeats", pagegen.page_of_size(10 * MB, args.seed, REPEATS)),
        ("10 MB, distinct words", pagegen.distinct_words_page(10 * MB, args.seed)),
    ]
    if args.no_memory:
        print("\npages by size (in this process):")
    else:
        print("\npages by size, each read once in a fresh interpreter (time; peak memory from ru_maxrss):")
    seconds, ratios = {}, {}
    for number, (label, data) in enumerate(pages):
        if number >= 2 and time.perf_counter() - started + 1.2 * seconds[pages[1][0]] > args.budget:
            print(f"  {label:21s} skipped: it would end past the {args.budget:.0f} s budget (--budget)")
            break
        if args.no_memory:
            seconds[label], _ = timed(read_article, data)
            memo = ""
        else:
            result = fresh_read(data)
            seconds[label] = result["seconds"]
            label_runs = result["runs"]
            ratios[label] = result["extra"] / result["size"]
            memo = (f"  ({label_runs} runs)  RSS {result['base'] / MB:6.1f} -> {result['peak'] / MB:6.1f} MB:"
                    f" +{result['extra'] / MB:6.1f} MB = {ratios[label]:5.2f}× input")
        print(f"  {label:21s} {len(data):>12,} B  {seconds[label]:7.3f} s  {len(data) / seconds[label] / MB:6.2f} MB/s{memo}")
    t_one, t_ten = seconds[pages[0][0]], seconds[pages[1][0]]
    t_ten_repeats = seconds.get(pages[2][0])
    one, ten = pages[0][1], pages[1][1]

    print("\n== summary: scaling ==")
    print(f"10 MB page: {t_ten:.2f} s (target < {TEN_MB_SECONDS:.0f} s)")
    if t_ten_repeats is not None:
        print(f"10 MB page with repeats: {t_ten_repeats:.2f} s (target < {TEN_MB_SECONDS:.0f} s)")
    print(f"1 MB -> 10 MB time: {t_ten / t_one:.2f}× for {len(ten) / len(one):.1f}× input (target ≤ {GROWTH_LIMIT:.0f}×)")
    for label, rows in (("growth", plain), ("growth with repeats", repeated)):
        for (n0, size0, _, _), (n1, size1, _, growth) in zip(rows, rows[1:]):
            print(f"{label} {n0 // 1000}k -> {n1 // 1000}k paragraphs: {growth:.2f}× time for "
                  f"{size1 / size0:.1f}× input (target ≤ {GROWTH_LIMIT:.0f}×)")
    worst = pages[3][0]
    for label, ratio in ratios.items():
        target = "no target: the worst case, for comparing" if label == worst else f"target < {MEMORY_LIMIT:.0f}×"
        print(f"peak memory, {label} page: {ratio:.2f}× input ({target})")
    if worst in seconds:
        print(f"10 MB page of distinct words: {seconds[worst]:.2f} s (no target: the worst case, for comparing)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
