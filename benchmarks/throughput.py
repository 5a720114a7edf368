"""Parsing throughput: how many saved pages per second the reader gets through on one core.

    python benchmarks/throughput.py [--pages 2000] [--seed 0] [--rounds 5]

Times the library call ``itvreport.pipeline.read_article(bytes)`` alone (no
rendering, no printing, no file reading) over pages invented by ``pagegen.py``:
every layout of the field guide, typical size 1.5-5 KB, lines that rarely repeat
across pages. (The old target of 5,000 pages/s is retired: it would take a compiled core;
the figures are kept from regressing instead, and ``instructions.py`` counts a change's
cost against a baseline revision without the machine's noise.)

Three passes over the same pages per round, interleaved, for ``--rounds`` rounds
(medians reported):

* baseline: ``data.decode("utf-8").splitlines()`` for every page: a yardstick
  for this machine, so a number measured elsewhere can be compared by ratio;
* reader: ``read_article`` for every page, caches cleared once before the pass;
* reader, cold caches: the same with every ``functools.lru_cache`` in the
  ``itvreport`` modules cleared before every page, so per-line memoisation can
  only help within one page.

The caches' hit rate in the reader pass shows how much they could flatter the
number: with varied pages it should be about what one page alone gives. Then
one pass page by page for the time of each layout, and one that times each
stage of the text path (decode, parse, clean, structure), so a change shows
which stage it moved.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import pagegen  # noqa: E402
from common import find_caches, load_reader  # noqa: E402

TARGET_PAGES_PER_S = 5000  # retired (see the docstring)


def pass_baseline(pages):
    start = time.perf_counter()
    for data in pages:
        data.decode("utf-8").splitlines()
    return time.perf_counter() - start


def pass_reader(read_article, pages, caches):
    for _, cache in caches:
        cache.cache_clear()
    start = time.perf_counter()
    for data in pages:
        read_article(data)
    return time.perf_counter() - start


def pass_cold(read_article, pages, caches):
    clears = [cache.cache_clear for _, cache in caches]
    start = time.perf_counter()
    for data in pages:
        for clear in clears:
            clear()
        read_article(data)
    return time.perf_counter() - start


def per_layout(read_article, generated):
    """Mean µs per page for each layout (one timed pass, page by page)."""
    times = defaultdict(list)
    clock = time.perf_counter
    for page in generated:
        start = clock()
        read_article(page.data)
        times[page.layout].append(clock() - start)
    return times


def per_stage(pages):
    """Mean µs per page in each stage of the text path (one pass; caches emptied
    after each page as ``read_article`` does). Mirrors ``pipeline._read``."""
    from itvreport import clean, parse, read, shapes, structure
    from itvreport.errors import ItvReportError

    stages = defaultdict(float)
    clock = time.perf_counter
    collecting = gc.isenabled()
    gc.disable()
    try:
        for data in pages:
            start = clock()
            text = read.decode(data, None)
            read.sniff(text)
            decoded = clock()
            page = parse.parse_text(text)
            parsed = clock()
            cleaned = clean.clean(page)
            cleaned_at = clock()
            try:
                structure.build(cleaned)
            except ItvReportError:
                pass
            built = clock()
            shapes.forget_lines()
            stages["decode + sniff"] += decoded - start
            stages["parse (lines -> blocks)"] += parsed - decoded
            stages["clean (chrome, repeats)"] += cleaned_at - parsed
            stages["structure (block rules, article)"] += built - cleaned_at
    finally:
        if collecting:
            gc.enable()
    return {name: total / len(pages) for name, total in stages.items()}


def distinct_line_share(pages):
    lines = [line for data in pages for line in data.decode("utf-8").split("\n") if line.strip()]
    return len(set(lines)) / len(lines), len(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages to generate (at least 1,000; default 2,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=5, help="rounds of (baseline, reader, cold) passes (default 5)")
    args = parser.parse_args(argv)
    if args.pages < 1000:
        parser.error("--pages must be at least 1,000")

    read_article = load_reader()
    started = time.perf_counter()
    generated = pagegen.generate_pages(args.pages, args.seed)
    pages = [page.data for page in generated]
    total = sum(map(len, pages))
    mean_size = total / len(pages)
    sizes = sorted(map(len, pages))
    share, line_count = distinct_line_share(pages)
    print(f"pages: {len(pages):,} from pagegen (seed {args.seed}), generated in {time.perf_counter() - started:.2f} s")
    print(f"  size: mean {mean_size:,.0f} B, median {sizes[len(sizes) // 2]:,} B, "
          f"min {sizes[0]:,} B, max {sizes[-1]:,} B, total {total / 1e6:.2f} MB")
    print(f"  {line_count:,} non-blank lines, {share:.1%} of them distinct")
    layouts = defaultdict(int)
    for page in generated:
        layouts[page.layout] += 1
    print("  layouts: " + ", ".join(f"{name} {layouts[name]}" for name in pagegen.LAYOUTS)
          + f"; cut off: {sum(page.cut for page in generated)}")

    # Warm up: import every lazily imported module, fill the CPU caches.
    for data in pages[:200]:
        read_article(data)
    caches = find_caches()
    print(f"lru caches found in itvreport ({len(caches)}): " + ", ".join(name for name, _ in caches))

    results = defaultdict(list)
    hits = misses = 0
    for round_number in range(args.rounds):
        gc.collect()
        results["baseline"].append(pass_baseline(pages))
        gc.collect()
        results["reader"].append(pass_reader(read_article, pages, caches))
        if round_number == 0:
            infos = [cache.cache_info() for _, cache in caches]
            hits, misses = sum(i.hits for i in infos), sum(i.misses for i in infos)
        gc.collect()
        results["cold"].append(pass_cold(read_article, pages, caches))

    n = len(pages)
    print(f"\nper pass over {n:,} pages, {args.rounds} rounds (median; min-max):")
    medians = {}
    for name, label in (("baseline", "decode + splitlines"), ("reader", "read_article"), ("cold", "read_article, caches cleared per page")):
        values = results[name]
        medians[name] = statistics.median(values)
        rate = n / medians[name]
        print(f"  {label:40s} {medians[name] * 1e3:8.1f} ms  ({min(values) * 1e3:.1f}-{max(values) * 1e3:.1f})"
              f"  {rate:10,.0f} pages/s  {total / medians[name] / 1e6:7.2f} MB/s  {medians[name] / n * 1e6:7.1f} µs/page")
    lookups = hits + misses
    if lookups:
        print(f"  cache hit rate in the reader pass: {hits / lookups:.1%} of {lookups:,} lookups")

    times = per_layout(read_article, generated)
    print("\nby layout (one pass, µs per page, mean size):")
    for name in pagegen.LAYOUTS:
        if times[name]:
            size = statistics.mean(len(p.data) for p in generated if p.layout == name)
            print(f"  {name:15s} {statistics.mean(times[name]) * 1e6:8.1f} µs  {size:7,.0f} B  ({len(times[name])} pages)")

    print("\nby stage (one pass, µs per page):")
    for name, seconds in per_stage(pages).items():
        print(f"  {name:35s} {seconds * 1e6:8.1f} µs")

    reader_rate = n / medians["reader"]
    cold_rate = n / medians["cold"]
    baseline_rate = n / medians["baseline"]
    print("\n== summary: throughput ==")
    print(f"parse throughput: {reader_rate:,.0f} pages/s = {reader_rate / TARGET_PAGES_PER_S:.2f}× the retired target "
          f"(target retired: was ≥ {TARGET_PAGES_PER_S:,} pages/s; now: no regression)")
    print(f"parse throughput, caches cleared per page: {cold_rate:,.0f} pages/s = "
          f"{cold_rate / TARGET_PAGES_PER_S:.2f}× the retired target (target retired: was ≥ {TARGET_PAGES_PER_S:,} pages/s)")
    print(f"parse bandwidth: {total / medians['reader'] / 1e6:.2f} MB/s, mean page {mean_size:,.0f} B (target none; pages 1.5-5 KB)")
    print(f"per page: {medians['reader'] / n * 1e6:.1f} µs (target none: no regression; was ≤ {1e6 / TARGET_PAGES_PER_S:.0f} µs)")
    print(f"baseline decode+splitlines: {baseline_rate:,.0f} pages/s; reader costs "
          f"{medians['reader'] / medians['baseline']:,.0f}× baseline (target none; for comparing machines)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
