"""Score the HTML reader's article bodies against the article-extraction benchmark.

Run from anywhere:  python benchmarks/html_extraction.py [--data DIR] [--worst N] [--only ID]
                                                       [--extractor NAME] [--json FILE]
                                                       [--compare OLD.json] [--show-held-out]
                    python benchmarks/html_extraction.py --process PAGE [--runs N]

Data: ``../shared/benchmarks/article-extraction/`` beside the repository (181 real
news pages, ``html/<id>.html.gz``, and ``ground-truth.json`` with the true
``articleBody`` of each). It is read in place, never copied.

What is scored: the body text itvreport extracts (``common.body_text``, as
``trafilatura_eval.py`` reads it): paragraphs, headings, quote paragraphs and
attributions, list items, code and table blocks, in order, one per line. The
headline, picture captions and media notes are not part of it. The scoring is
the benchmark's: lower-cased ``\\w+`` tokens, the set of 4-token shingles of each
text, then per page::

    precision = |true & found| / |found|      recall = |true & found| / |true|
    F1 = 2 * precision * recall / (precision + recall)

(both empty: 1; nothing found: precision and recall 0). Printed: the mean over
pages of precision, recall and F1, the median and the worst pages, the F1 of
the mean precision and mean recall (how the benchmark's own table combines
them), and the median milliseconds per page for ``read_article`` on the page's
bytes (decode, parse, extraction, cleaning, structure; not process start-up).

Pages are split by ``heldout.py`` (key: the page id): totals are printed for the
tuned part, the kept-apart part and all pages; per-page lines (and ``--worst``)
for the tuned part only, the kept-apart part's only with ``--show-held-out`` (the
closing review). ``--json FILE`` writes per-page scores; ``--compare OLD.json``
lists the tuned pages gained and broken since that run. Without the data the
script says so and exits 0.

``--extractor trafilatura`` or ``readability`` scores those libraries the same
way, if they are installed (for comparison only; itvreport does not use them).
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
from common import body_text, compare, load_json_pages, load_reader  # noqa: E402
from heldout import held_out  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "benchmarks" / "article-extraction"
TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, size: int = SHINGLE) -> set:
    tokens = TOKEN.findall((text or "").lower())
    return {tuple(tokens[i:i + size]) for i in range(max(1, len(tokens) - size + 1)) if tokens[i:i + size]}


def score(true: str, found: str) -> tuple[float, float, float]:
    """``(precision, recall, F1)`` of ``found`` against ``true``."""
    expected, got = shingles(true), shingles(found)
    hits = len(expected & got)
    if not expected and not got:
        return 1.0, 1.0, 1.0
    precision = hits / len(got) if got else 0.0
    recall = hits / len(expected) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def itvreport_extractor():
    read_article = load_reader()
    from itvreport.errors import ItvReportError

    def extract(data: bytes, name: str) -> str:
        try:
            return body_text(read_article(data, source=name, input_kind="html"))
        except ItvReportError:
            return ""

    return extract


def trafilatura_extractor():
    import trafilatura

    return lambda data, name: trafilatura.extract(data, include_comments=False) or ""


def readability_extractor():
    import lxml.html
    from readability import Document

    def extract(data: bytes, name: str) -> str:
        summary = Document(data.decode("utf-8", "replace")).summary()
        return lxml.html.fromstring(summary).text_content()

    return extract


EXTRACTORS = {"itvreport": itvreport_extractor, "trafilatura": trafilatura_extractor, "readability": readability_extractor}


def pages(data_dir: Path):
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id in sorted(truth):
        path = data_dir / "html" / f"{page_id}.html.gz"
        with gzip.open(path) as handle:
            yield page_id, handle.read(), truth[page_id].get("articleBody") or "", truth[page_id].get("url", "")


def run(data_dir: Path, extractor: str = "itvreport", only=None):
    extract = EXTRACTORS[extractor]()
    rows = []
    for page_id, data, true, url in pages(data_dir):
        if only and not page_id.startswith(only):
            continue
        start = time.perf_counter()
        found = extract(data, page_id)
        elapsed = (time.perf_counter() - start) * 1000
        precision, recall, f1 = score(true, found)
        rows.append({"id": page_id, "url": url, "part": "held-out" if held_out(page_id) else "tuned", "precision": precision, "recall": recall, "f1": f1,
                     "ms": elapsed, "found": found, "true": true})
    return rows


def summary(rows) -> dict:
    mean_p = statistics.mean(row["precision"] for row in rows)
    mean_r = statistics.mean(row["recall"] for row in rows)
    return {
        "pages": len(rows),
        "precision": mean_p,
        "recall": mean_r,
        "f1": statistics.mean(row["f1"] for row in rows),
        "f1_median": statistics.median(row["f1"] for row in rows),
        "f1_of_means": 2 * mean_p * mean_r / (mean_p + mean_r) if mean_p + mean_r else 0.0,
        "ms_median": statistics.median(row["ms"] for row in rows),
        "worst": [(row["id"][:12], round(row["f1"], 3)) for row in sorted(rows, key=lambda row: row["f1"])[:5]],
    }


def show_difference(row) -> None:
    """Lines of the true body missing from what was found, and found lines not in the truth."""
    true_sh, found_sh = shingles(row["true"]), shingles(row["found"])
    print(f"--- {row['id']}  {row['url']}")
    print(f"    P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}")
    for line in row["found"].split("\n"):
        own = shingles(line)
        if own and len(own & true_sh) < 0.5 * len(own):
            print(f"  + {line[:160]}")
    for line in row["true"].split("\n"):
        own = shingles(line)
        if own and len(own & found_sh) < 0.5 * len(own):
            print(f"  - {line[:160]}")


def process_times(page: Path, runs: int) -> dict:
    """Median wall time (ms) of whole processes on ``page``: ``itvreport show page --format text``
    and, if its command is installed beside this Python, ``trafilatura < page``."""
    import shutil
    import subprocess

    bin_dir = Path(sys.executable).parent
    commands = {"itvreport": ([sys.executable, "-m", "itvreport", "show", str(page), "--format", "text"], None)}
    trafilatura = shutil.which("trafilatura", path=str(bin_dir)) or shutil.which("trafilatura")
    if trafilatura:
        commands["trafilatura"] = ([trafilatura], page)
    result = {}
    for name, (command, stdin_path) in commands.items():
        times = []
        for _ in range(runs):
            stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
            start = time.perf_counter()
            subprocess.run(command, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times.append((time.perf_counter() - start) * 1000)
            if stdin_path:
                stdin.close()
        result[name] = statistics.median(times)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the benchmark folder (default: %(default)s)")
    parser.add_argument("--extractor", choices=sorted(EXTRACTORS), default="itvreport")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="show what differs on the N worst pages")
    parser.add_argument("--only", metavar="ID", help="score only pages whose id starts with ID (and show the difference)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write per-page scores to FILE")
    parser.add_argument("--compare", type=Path, metavar="OLD", help="list tuned pages gained and broken since OLD (a --json file)")
    parser.add_argument("--show-held-out", action="store_true", help="also list kept-apart pages (closing review only)")
    parser.add_argument("--process", type=Path, metavar="PAGE",
                        help="instead: time whole processes on PAGE (itvreport, and trafilatura if installed)")
    parser.add_argument("--runs", type=int, default=21, help="runs per command for --process (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.process:
        times = process_times(args.process, args.runs)
        for name, ms in times.items():
            print(f"{name:12} {ms:6.1f} ms   (median of {args.runs} processes)")
        if "trafilatura" in times:
            print(f"ratio        {times['itvreport'] / times['trafilatura']:.2f}")
        return 0
    if not (args.data / "ground-truth.json").is_file():
        print(f"html_extraction: benchmark data not found at {args.data}: nothing to score "
              "(it lives beside the repository, in ../shared)")
        return 0
    rows = run(args.data, args.extractor, args.only)
    if not rows:
        print("no page matched", file=sys.stderr)
        return 1
    visible = [row for row in rows if row["part"] == "tuned" or args.show_held_out]
    shown = sorted(visible, key=lambda row: row["f1"])[: args.worst] if args.worst else []
    if args.only:
        shown = visible
    for row in shown:
        show_difference(row)
    print(f"{'page':14} {'part':8} {'P':>6} {'R':>6} {'F1':>6} {'ms':>6}")
    for row in visible:
        print(f"{row['id'][:14]:14} {row['part']:8} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f} {row['ms']:6.1f}")
    print()
    print(f"extractor   {args.extractor}")
    summaries = {}
    print(f"{'part':9} {'pages':>5} {'P':>7} {'R':>7} {'F1':>7} {'median':>7} {'F1(PR)':>7} {'ms/page':>8}")
    for name, chosen in (("tuned", [r for r in rows if r["part"] == "tuned"]),
                         ("held-out", [r for r in rows if r["part"] == "held-out"]), ("all", rows)):
        if not chosen:
            continue
        result = summaries[name] = summary(chosen)
        print(f"{name:9} {result['pages']:5} {result['precision']:7.4f} {result['recall']:7.4f} {result['f1']:7.4f} "
              f"{result['f1_median']:7.4f} {result['f1_of_means']:7.4f} {result['ms_median']:8.1f}")
    print("P, R, F1: means over pages; median: of F1; F1(PR): F1 of mean P and mean R (the benchmark table's way);")
    print("ms/page: median time of one read in this process")
    if "tuned" in summaries:
        print("worst tuned " + "  ".join(f"{page} {f1:.3f}" for page, f1 in summaries["tuned"]["worst"]))
    if args.compare:
        for line in compare(load_json_pages(args.compare), rows, "f1", tuned_only=not args.show_held_out):
            print(line)
    if args.json:
        keep = [{key: row[key] for key in ("id", "url", "part", "precision", "recall", "f1", "ms")} for row in rows]
        args.json.write_text(json.dumps({"summary": summaries, "pages": keep}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
