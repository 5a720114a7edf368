"""Score the reader against the hand-written measuring corpus.

Run from anywhere:  python benchmarks/score_corpus.py [--verbose] [--json FILE] [--only NAME] [--dir DIR]

``--dir fixtures/holdout`` scores the held-out set: pages written apart from the
reader, which the rules are not tuned on; it estimates how the reader does on
pages its authors have not studied.

Pages: every ``fixtures/corpus/NAME.txt`` with its ``NAME.expected.json``, plus the one real
page ``fixtures/assad-aid-defects.txt`` with ``fixtures/assad-aid-defects.expected.json``.
Each page is read with ``itvreport.pipeline.read_article(data, source=path)`` and
``article.to_dict()`` is compared with the expectation, field by field:

- ``headline``, ``date``, ``byline``, ``live_story``, ``truncated``: 1 if equal, else 0.
- ``blocks``: ``difflib.SequenceMatcher`` ratio between the expected and the actual block
  sequences, each block serialized canonically (``json.dumps(block, sort_keys=True)``), so a
  block counts only when it is exactly right; pages whose blocks are all exactly right are
  counted separately ("blocks exact").
- ``removed``: precision / recall / F1 over ``(line, reason, of)`` triples (``text`` is not
  compared). Per page F1 is 1.0 when both sides are empty; the corpus figure is micro-averaged
  (true/false positives and negatives summed over all pages).

Per-page score (0..1), the mean of which is the final ``corpus score``::

    score = 0.50 * blocks_ratio
          + 0.20 * removed_f1
          + 0.06 * (headline + date + byline + live_story + truncated)

Blocks carry half the weight because they are what the reader shows; ``removed`` measures
that chrome and repeats went away for the right reason; the five metadata fields share the
rest equally. A page on which ``read_article`` (or ``to_dict``) raises scores 0 and the error
is shown in its row. A page is "fully correct" when every field, every block and the removed
triples all match. The script never fails on a reader error and always exits 0.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
EXTRA_PAGES = [ROOT / "fixtures" / "assad-aid-defects.txt"]

FIELDS = ("headline", "date", "byline", "live_story", "truncated")
FIELD_MARK = {"headline": "H", "date": "D", "byline": "B", "live_story": "L", "truncated": "T"}
W_BLOCKS, W_REMOVED, W_FIELD = 0.50, 0.20, 0.06


def load_reader():
    """Return ``read_article``, or the error text if the package cannot be imported."""
    try:
        from itvreport.pipeline import read_article
    except ImportError:
        sys.path.insert(0, str(ROOT / "src"))
        try:
            from itvreport.pipeline import read_article
        except Exception as exc:  # noqa: BLE001 - report, never crash
            return None, f"cannot import itvreport.pipeline: {type(exc).__name__}: {exc}"
    except Exception as exc:  # noqa: BLE001
        return None, f"cannot import itvreport.pipeline: {type(exc).__name__}: {exc}"
    return read_article, None


def discover(only: list[str] | None, directory: Path | None = None) -> list[Path]:
    if directory is None:
        pages = sorted(CORPUS.glob("*.txt")) + [p for p in EXTRA_PAGES if p.exists()]
    else:
        pages = sorted(directory.glob("*.txt"))
    if not only:
        return pages
    chosen = []
    for name in only:
        exact = [p for p in pages if p.stem == name or p.name == name]
        chosen.extend(exact or [p for p in pages if name in p.stem])
    seen, out = set(), []
    for page in chosen:
        if page not in seen:
            seen.add(page)
            out.append(page)
    return out


def expected_path(page: Path) -> Path:
    return page.with_name(page.stem + ".expected.json")


def canon(block) -> str:
    return json.dumps(block, sort_keys=True, ensure_ascii=False)


def removed_triples(items) -> set:
    out = set()
    for item in items or ():
        try:
            out.add((item.get("line"), item.get("reason"), item.get("of")))
        except AttributeError:
            out.add((repr(item), None, None))
    return out


def one_line(text: str, limit: int = 100) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def score_page(page: Path, read_article, import_error: str | None) -> dict:
    name = page.stem
    result = {
        "page": name, "path": str(page.relative_to(ROOT)), "error": None,
        "fields": {f: 0 for f in FIELDS}, "blocks_ratio": 0.0, "blocks_exact": False,
        "removed": {"tp": 0, "fp": 0, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0},
        "fully_correct": False, "score": 0.0, "seconds": 0.0,
        "expected": None, "actual": None,
    }
    exp_file = expected_path(page)
    try:
        expected = json.loads(exp_file.read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001
        result["error"] = f"no usable expectation ({exp_file.name}): {type(exc).__name__}: {exc}"
        return result
    result["expected"] = expected
    if import_error:
        result["error"] = import_error
        return result
    started = time.perf_counter()
    try:
        data = page.read_bytes()
        article = read_article(data, source=str(page.relative_to(ROOT)))
        actual = article.to_dict()
        if not isinstance(actual, dict):
            raise TypeError(f"to_dict() returned {type(actual).__name__}")
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - a reader failure scores 0, never a crash
        result["seconds"] = time.perf_counter() - started
        result["error"] = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        return result
    result["seconds"] = time.perf_counter() - started
    result["actual"] = actual

    for field in FIELDS:
        result["fields"][field] = int(actual.get(field) == expected.get(field))

    exp_blocks = [canon(b) for b in expected.get("blocks") or []]
    try:
        act_blocks = [canon(b) for b in actual.get("blocks") or []]
    except Exception:  # noqa: BLE001 - unserializable blocks
        act_blocks = [repr(b) for b in actual.get("blocks") or []]
    if exp_blocks or act_blocks:
        ratio = difflib.SequenceMatcher(None, exp_blocks, act_blocks, autojunk=False).ratio()
    else:
        ratio = 1.0
    result["blocks_ratio"] = ratio
    result["blocks_exact"] = exp_blocks == act_blocks

    exp_rem = removed_triples(expected.get("removed"))
    act_rem = removed_triples(actual.get("removed"))
    tp, fp, fn = len(exp_rem & act_rem), len(act_rem - exp_rem), len(exp_rem - act_rem)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result["removed"] = {"tp": tp, "fp": fp, "fn": fn,
                         "precision": precision, "recall": recall, "f1": f1}

    result["fully_correct"] = (all(result["fields"].values()) and result["blocks_exact"]
                               and fp == 0 and fn == 0)
    result["score"] = (W_BLOCKS * ratio + W_REMOVED * f1
                       + W_FIELD * sum(result["fields"].values()))
    return result


def print_row(result: dict, width: int) -> None:
    marks = "".join(FIELD_MARK[f] if result["fields"][f] else "." for f in FIELDS)
    if result["error"] and result["actual"] is None:
        print(f"{result['page']:<{width}}  {marks}  {'-':>6}  {'-':>5}  {0.0:5.3f}  "
              f"ERROR {one_line(result['error'])}")
        return
    flag = "ok" if result["fully_correct"] else ""
    exact = "=" if result["blocks_exact"] else " "
    print(f"{result['page']:<{width}}  {marks}  {result['blocks_ratio']:5.3f}{exact}  "
          f"{result['removed']['f1']:5.3f}  {result['score']:5.3f}  {flag}")


def print_details(result: dict) -> None:
    """--verbose: what differs on an imperfect page."""
    expected, actual = result["expected"], result["actual"]
    print(f"\n=== {result['page']} ({result['path']})")
    if actual is None:
        print(f"  error: {result['error']}")
        return
    for field in FIELDS:
        if not result["fields"][field]:
            print(f"  {field}: expected {json.dumps(expected.get(field), ensure_ascii=False)}")
            print(f"  {' ' * len(field)}  actual   {json.dumps(actual.get(field), ensure_ascii=False)}")
    if not result["blocks_exact"]:
        exp_lines = [canon(b) for b in expected.get("blocks") or []]
        try:
            act_lines = [canon(b) for b in actual.get("blocks") or []]
        except Exception:  # noqa: BLE001
            act_lines = [repr(b) for b in actual.get("blocks") or []]
        diff = difflib.unified_diff(exp_lines, act_lines, "expected blocks", "actual blocks",
                                    lineterm="", n=1)
        for line in diff:
            print("  " + line)
    exp_rem = removed_triples(expected.get("removed"))
    act_rem = removed_triples(actual.get("removed"))
    texts = {(r.get("line"), r.get("reason"), r.get("of")): r.get("text")
             for r in (expected.get("removed") or []) + (actual.get("removed") or [])
             if isinstance(r, dict)}
    for triple in sorted(exp_rem - act_rem, key=repr):
        print(f"  removed missing: line {triple[0]} {triple[1]} of={triple[2]}  "
              f"{one_line(texts.get(triple, ''), 70)!r}")
    for triple in sorted(act_rem - exp_rem, key=repr):
        print(f"  removed extra:   line {triple[0]} {triple[1]} of={triple[2]}  "
              f"{one_line(texts.get(triple, ''), 70)!r}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Score itvreport against fixtures/corpus.")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="show field, block (unified diff) and removed differences")
    parser.add_argument("--json", metavar="FILE", help="write per-page results as JSON")
    parser.add_argument("--only", metavar="NAME", action="append",
                        help="score only this page (stem; substring if no exact match); repeatable")
    parser.add_argument("--dir", metavar="DIR", type=Path,
                        help="score the pages in DIR instead (e.g. fixtures/holdout, the held-out set)")
    args = parser.parse_args(argv)

    read_article, import_error = load_reader()
    pages = discover(args.only, args.dir.resolve() if args.dir else None)
    if not pages:
        print("no pages matched" if args.only else f"no pages found in {CORPUS}")
        print("corpus score: 0.000")
        return 0

    width = max(len(p.stem) for p in pages)
    print(f"{'page':<{width}}  {'HDBLT':5}  {'blocks':>6}  {'rmF1':>5}  {'score':>5}")
    print("-" * (width + 32))
    results = []
    for page in pages:
        try:
            result = score_page(page, read_article, import_error)
        except Exception as exc:  # noqa: BLE001 - last line of defence
            result = {"page": page.stem, "path": str(page), "error": f"scorer: {exc!r}",
                      "fields": {f: 0 for f in FIELDS}, "blocks_ratio": 0.0,
                      "blocks_exact": False, "removed": {"tp": 0, "fp": 0, "fn": 0,
                      "precision": 0.0, "recall": 0.0, "f1": 0.0},
                      "fully_correct": False, "score": 0.0, "seconds": 0.0,
                      "expected": None, "actual": None}
        results.append(result)
        print_row(result, width)

    n = len(results)
    errors = sum(1 for r in results if r["actual"] is None)
    tp = sum(r["removed"]["tp"] for r in results)
    fp = sum(r["removed"]["fp"] for r in results)
    fn = sum(r["removed"]["fn"] for r in results)
    # Pages that errored contribute their expected removals as misses.
    for r in results:
        if r["actual"] is None and r["expected"]:
            fn += len(removed_triples(r["expected"].get("removed")))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    corpus_score = sum(r["score"] for r in results) / n

    print("-" * (width + 32))
    print("marks: H headline, D date, B byline, L live story, T truncated ('.' = wrong); "
          "'=' after the blocks ratio: blocks exactly right")
    print(f"pages: {n}   reader errors: {errors}   total reader time: "
          f"{sum(r['seconds'] for r in results):.2f}s")
    print(f"pages fully correct: {sum(r['fully_correct'] for r in results)}/{n}")
    print(f"blocks: mean ratio {sum(r['blocks_ratio'] for r in results) / n:.3f}, "
          f"exact on {sum(r['blocks_exact'] for r in results)}/{n} pages")
    print(f"removed: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
          f"(tp {tp}, fp {fp}, fn {fn})")
    print("fields: " + "  ".join(
        f"{field} {sum(r['fields'][field] for r in results) / n:.3f}" for field in FIELDS))

    if args.verbose:
        for r in results:
            if not r["fully_correct"]:
                print_details(r)
        print()

    if args.json:
        payload = {
            "corpus_score": corpus_score,
            "pages": [{k: v for k, v in r.items() if k not in ("expected", "actual")}
                      | {"actual": r["actual"]} for r in results],
            "totals": {
                "pages": n, "errors": errors,
                "fully_correct": sum(r["fully_correct"] for r in results),
                "blocks_mean_ratio": sum(r["blocks_ratio"] for r in results) / n,
                "blocks_exact": sum(r["blocks_exact"] for r in results),
                "removed": {"precision": precision, "recall": recall, "f1": f1,
                            "tp": tp, "fp": fp, "fn": fn},
                "fields": {f: sum(r["fields"][f] for r in results) / n for f in FIELDS},
            },
        }
        try:
            Path(args.json).write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n",
                                       encoding="utf-8")
        except OSError as exc:
            print(f"cannot write {args.json}: {exc}")

    print(f"corpus score: {corpus_score:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
