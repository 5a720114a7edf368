"""Score the HTML reader's article bodies against the article-extraction benchmark.

Run from anywhere:  python benchmarks/html_extraction.py [--data DIR] [--worst N] [--only ID]
                                                       [--extractor NAME] [--json FILE]
                    python benchmarks/html_extraction.py --process PAGE [--runs N]

Data: ``../shared/benchmarks/article-extraction/`` beside the repository (181 real
news pages, ``html/<id>.html.gz``, and ``ground-truth.json`` with the true
``articleBody`` of each). It is read in place, never copied.

What is scored: the body text itvreport extracts: paragraphs, headings, quote
paragraphs and attributions, list items, code (its lines) and tables (a line
per row, cells joined by `` | ``), in order, one per line. The
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
from common import load_reader  # noqa: E402

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


def body_text(article) -> str:
    """The scored text: paragraphs, headings, quotes, list items, code and table rows, one per line."""
    lines = []
    for block in article.blocks:
        kind = block.type
        if kind in ("paragraph", "heading"):
            lines.append(block.text)
        elif kind == "quote":
            lines.extend(block.paragraphs)
            if block.attribution:
                lines.append(block.attribution)
        elif kind == "list":
            lines.extend(block.items)
        elif kind == "code":
            lines.append(block.text)
        elif kind == "table":
            rows = ([block.header] if block.header else []) + list(block.rows)
            lines.extend(" | ".join(cell for cell in row if cell) for row in rows)
    return "\n".join(lines)


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
        rows.append({"id": page_id, "url": url, "precision": precision, "recall": recall, "f1": f1,
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
        print(f"benchmark data not found at {args.data}", file=sys.stderr)
        return 1
    rows = run(args.data, args.extractor, args.only)
    if not rows:
        print("no page matched", file=sys.stderr)
        return 1
    result = summary(rows)
    shown = sorted(rows, key=lambda row: row["f1"])[: args.worst] if args.worst else []
    if args.only:
        shown = rows
    for row in shown:
        show_difference(row)
    print(f"extractor   {args.extractor}")
    print(f"pages       {result['pages']}")
    print(f"precision   {result['precision']:.4f}   (mean over pages)")
    print(f"recall      {result['recall']:.4f}")
    print(f"F1          {result['f1']:.4f}   median {result['f1_median']:.4f}")
    print(f"F1 of means {result['f1_of_means']:.4f}   (the benchmark table's way)")
    print("worst       " + "  ".join(f"{page} {f1:.3f}" for page, f1 in result["worst"]))
    print(f"ms/page     {result['ms_median']:.1f}   (median)")
    if args.json:
        keep = [{key: row[key] for key in ("id", "url", "precision", "recall", "f1", "ms")} for row in rows]
        args.json.write_text(json.dumps({"summary": result, "pages": keep}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
