"""Check that a change leaves every output the same: a digest of each page's outputs, written and compared.

Run from the repository root:

    python benchmarks/equivalence.py --write /tmp/before.json     # before the change
    python benchmarks/equivalence.py --check /tmp/before.json     # after it

For every page it can find it reads the article in process (``read_article``) and
renders it in every format (JSON, text, Markdown, the rich view at 80 columns with and
without styles, each also with ``--explain``), then keeps a SHA-256 of each output, or of
the error message for a page that cannot be read. ``--check`` prints the pages whose
outputs differ (format by format) and exits 1 if any does.

Pages: every saved page under ``fixtures/``; 2,000 generated pages (``pagegen.generate``,
seeds 1 and 2, ``--generated N`` each); and, when ``../shared`` is there, the ITV
development pages and both HTML benchmarks (read in place; the script says when they are
missing). The digest file holds no page text.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import sys
from pathlib import Path

from common import ROOT, load_reader

SHARED = ROOT.parent / "shared"


def pages(generated: int):
    """``(name, bytes)`` for every page the check reads."""
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.suffix in (".txt", ".html", ".htm") and path.is_file():
            yield f"fixtures/{path.relative_to(ROOT / 'fixtures')}", path.read_bytes()
    import pagegen

    for seed in (1, 2):
        for i, data in enumerate(pagegen.generate(generated, seed)):
            yield f"generated/{seed}/{i}", data
    sources = [
        ("itv-dev", SHARED / "data" / "itv-dev" / "pages", "*.txt"),
        ("article-extraction", SHARED / "benchmarks" / "article-extraction" / "html", "*.gz"),
        ("trafilatura-eval", SHARED / "benchmarks" / "trafilatura-eval" / "html", "*.gz"),
    ]
    for name, folder, pattern in sources:
        if not folder.is_dir():
            print(f"equivalence: {folder} is missing: its pages are not checked", file=sys.stderr)
            continue
        for path in sorted(folder.glob(pattern)):
            data = path.read_bytes()
            yield f"{name}/{path.name}", gzip.decompress(data) if path.suffix == ".gz" else data


def outputs(read_article, name: str, data: bytes) -> dict:
    """``{output name: sha256}`` for one page."""
    from itvreport.errors import ItvReportError
    from itvreport.render import RenderOptions, render

    try:
        article = read_article(data, source=name)
    except ItvReportError as error:
        return {"error": digest(error.message)}
    found = {}
    for fmt, width, color in (("json", None, True), ("text", None, True), ("markdown", None, True),
                              ("rich", 80, True), ("rich", 80, False)):
        for explain in (False, True):
            out = io.StringIO()
            render(article, fmt, RenderOptions(width=width, explain=explain, color=color), out)
            key = fmt + ("-nocolor" if not color else "") + ("-explain" if explain else "")
            found[key] = digest(out.getvalue())
    return found


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", metavar="FILE", help="write the digests to FILE")
    group.add_argument("--check", metavar="FILE", help="compare with the digests in FILE")
    ap.add_argument("--generated", type=int, default=1000, metavar="N", help="generated pages per seed")
    a = ap.parse_args()
    read_article = load_reader()
    found = {name: outputs(read_article, name, data) for name, data in pages(a.generated)}
    if a.write:
        Path(a.write).write_text(json.dumps(found, indent=0, sort_keys=True))
        print(f"equivalence: {len(found)} pages, {sum(len(v) for v in found.values())} outputs written to {a.write}")
        return 0
    before = json.loads(Path(a.check).read_text())
    differ = []
    for name in sorted(set(before) | set(found)):
        old, new = before.get(name), found.get(name)
        if old != new:
            if old is None or new is None:
                differ.append((name, "only before" if new is None else "only now"))
            else:
                keys = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
                differ.append((name, ", ".join(keys)))
    for name, what in differ:
        print(f"differs: {name}: {what}")
    same = len(found) - sum(1 for _, what in differ if what != "only before")
    print(f"equivalence: {same} of {len(found)} pages the same in every output; {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
