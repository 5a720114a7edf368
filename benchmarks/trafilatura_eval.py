"""Score the HTML reader on trafilatura's evaluation corpus (development half): snippet F1.

Run from anywhere:  python benchmarks/trafilatura_eval.py [--data DIR] [--json FILE]
                                                         [--compare OLD.json] [--all-pages]
                                                         [--only FILE] [--show-held-out]

Data: ``../shared/benchmarks/trafilatura-eval/`` beside the repository (487 pages,
``html/<file>.gz``, and ``evaldata-dev.json``: for each page passages that must appear in
the article, ``with``, and passages that must not, ``without``). Read in place, never copied;
without it the script says so and exits 0.

The metric is the corpus's own: every run of whitespace is collapsed to one space in the
extracted body and in each passage; a ``with`` passage found as a substring is a true
positive, else a false negative; a ``without`` passage found is a false positive, else a true
negative. Counts are pooled over the pages of a part; precision, recall and F1 come from the
pooled counts. A page that fails (an error, or no body) counts all its ``with`` passages as
misses. The body is ``common.body_text`` (as ``html_extraction.py`` scores it).

Totals are printed for the tuned part, the kept-apart part (``heldout.py``, key: the file
name) and all pages; per-page lines (pages with a miss or a passage that should not be
there; ``--all-pages`` for every page) for the tuned part only, the kept-apart part's only
with ``--show-held-out`` (the closing review). ``--json FILE`` writes per-page results;
``--compare OLD.json`` lists the tuned pages gained and broken since that run. Time per
page: median milliseconds of ``read_article`` in this process.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from pathlib import Path

from common import body_text, compare, load_json_pages, load_reader
from heldout import held_out

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "benchmarks" / "trafilatura-eval"
SPACE = re.compile(r"\s+")
REFERENCE = "trafilatura 2.3.1 (fast=True, tables, no comments) on this half: P 0.914, R 0.929, F1 0.922"


def squash(text: str) -> str:
    return SPACE.sub(" ", text or "").strip()


def judge(body: str, with_passages, without_passages) -> dict:
    """Counts of one page: ``tp``, ``fn``, ``fp``, ``tn`` (``body`` None: the page failed)."""
    found = squash(body) if body else ""
    kept = [bool(found) and squash(passage) in found for passage in with_passages]
    leaked = [bool(found) and squash(passage) in found for passage in without_passages]
    return {"tp": sum(kept), "fn": len(kept) - sum(kept), "fp": sum(leaked), "tn": len(leaked) - sum(leaked),
            "missed": [p for p, ok in zip(with_passages, kept) if not ok],
            "leaked": [p for p, bad in zip(without_passages, leaked) if bad]}


def totals(rows) -> dict:
    tp = sum(row["tp"] for row in rows)
    fn = sum(row["fn"] for row in rows)
    fp = sum(row["fp"] for row in rows)
    tn = sum(row["tn"] for row in rows)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pages": len(rows), "tp": tp, "fn": fn, "fp": fp, "tn": tn, "precision": precision,
            "recall": recall, "f1": f1, "failed": sum(1 for row in rows if row["failed"]),
            "ms_median": statistics.median(row["ms"] for row in rows) if rows else 0.0}


def run(data_dir: Path, only=None):
    read_article = load_reader()
    from itvreport.errors import ItvReportError

    truth = json.loads((data_dir / "evaldata-dev.json").read_text(encoding="utf-8"))
    rows = []
    for address, entry in sorted(truth.items(), key=lambda item: item[1]["file"]):
        name = entry["file"]
        if only and not name.startswith(only):
            continue
        with gzip.open(data_dir / "html" / f"{name}.gz") as handle:
            data = handle.read()
        start = time.perf_counter()
        try:
            body = body_text(read_article(data, source=name, input_kind="html"))
            error = None
        except ItvReportError as problem:
            body, error = "", problem.message
        elapsed = (time.perf_counter() - start) * 1000
        row = judge(body, entry.get("with") or [], entry.get("without") or [])
        row.update(id=name, address=address, failed=not body.strip(), error=error, ms=elapsed,
                   f1=_page_f1(row), part="held-out" if held_out(name) else "tuned")
        rows.append(row)
    return rows


def _page_f1(row) -> float:
    """One page's F1 from its own counts (for ``--compare``; the totals pool the counts)."""
    tp, fn, fp = row["tp"], row["fn"], row["fp"]
    return 2 * tp / (2 * tp + fn + fp) if tp + fn + fp else 1.0


def page_line(row) -> str:
    flag = " FAILED" + (f" ({row['error']})" if row["error"] else "") if row["failed"] else ""
    return (f"{row['id'][:44]:44} with {row['tp']}/{row['tp'] + row['fn']}  without {row['fp']}/"
            f"{row['fp'] + row['tn']}  {row['ms']:6.1f} ms{flag}")


def show_page(row) -> None:
    print(page_line(row))
    for passage in row["missed"]:
        print(f"    - missed: {squash(passage)[:150]}")
    for passage in row["leaked"]:
        print(f"    + leaked: {squash(passage)[:150]}")


def _kept(row, keep) -> dict:
    """A page's record for ``--json``; a kept-apart page's passages are left out."""
    out = {key: row[key] for key in keep}
    if row["part"] == "held-out":
        out["missed"] = out["leaked"] = None
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the corpus folder (default: %(default)s)")
    parser.add_argument("--only", metavar="FILE", help="score only pages whose file name starts with FILE")
    parser.add_argument("--all-pages", action="store_true", help="a line for every tuned page, not only imperfect ones")
    parser.add_argument("--show-held-out", action="store_true", help="also list kept-apart pages (closing review only)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write per-page results to FILE")
    parser.add_argument("--compare", type=Path, metavar="OLD", help="list tuned pages gained and broken since OLD (a --json file)")
    args = parser.parse_args(argv)
    if not (args.data / "evaldata-dev.json").is_file():
        print(f"trafilatura_eval: corpus not found at {args.data}: nothing to score "
              "(it lives beside the repository, in ../shared)")
        return 0
    rows = run(args.data, args.only)
    if not rows:
        print("no page matched", file=sys.stderr)
        return 1
    for row in rows:
        if row["part"] == "held-out" and not args.show_held_out:
            continue
        if args.all_pages or args.only or row["fn"] or row["fp"] or row["failed"]:
            (show_page if (args.only or row["fn"] or row["fp"]) else lambda r: print(page_line(r)))(row)
    print()
    print(f"{'part':9} {'pages':>5} {'with':>9} {'without':>9} {'P':>6} {'R':>6} {'F1':>6} {'failed':>6} {'ms/page':>8}")
    parts = [("tuned", [r for r in rows if r["part"] == "tuned"]),
             ("held-out", [r for r in rows if r["part"] == "held-out"]), ("all", rows)]
    summary = {}
    for name, chosen in parts:
        if not chosen:
            continue
        t = totals(chosen)
        summary[name] = t
        print(f"{name:9} {t['pages']:5} {t['tp']:4}/{t['tp'] + t['fn']:<4} {t['fp']:4}/{t['fp'] + t['tn']:<4} "
              f"{t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f} {t['failed']:6} {t['ms_median']:8.1f}")
    print(f"reference: {REFERENCE}")
    if args.compare:
        for line in compare(load_json_pages(args.compare), rows, "f1", tuned_only=not args.show_held_out):
            print(line)
    if args.json:
        keep = ("id", "address", "part", "tp", "fn", "fp", "tn", "f1", "failed", "error", "ms", "missed", "leaked")
        args.json.write_text(json.dumps({"summary": summary, "pages": [_kept(row, keep) for row in rows]},
                                        indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
