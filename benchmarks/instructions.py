"""Instructions a page: the reader's cost counted by the processor, not timed.

    python benchmarks/instructions.py [--against REF] [--generated N]

Wall time on a shared machine moves by 20-40% from run to run; the number of
instructions a page takes does not (within 0.2% here). This runs ``read_article``
over the pages under valgrind's cachegrind, once over them and once twice, and
takes the difference: the instructions of one warm pass (modules imported,
patterns compiled), divided by the number of pages. With ``--against REF`` it
does the same for the ``src/`` of a git revision (extracted to a temporary
directory, run with the same interpreter and the same pages) and prints the
ratio, so a change's cost is measured against its baseline in the same command.

Pages: the ITV development pages (``../shared/data/itv-dev/pages``, read in place
when they are there; the script says so when they are not) and ``--generated``
pages from ``pagegen`` (seed 5). Needs ``valgrind`` (``apt install valgrind``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_PAGES = ROOT.parent / "shared" / "data" / "itv-dev" / "pages"

# Run in a fresh interpreter with PYTHONPATH pointing at the tree being measured.
PASSES = """
import sys
sys.path.insert(0, {benchmarks!r})
import glob, pagegen
from itvreport.pipeline import read_article
pages = [open(f, "rb").read() for f in sorted(glob.glob({dev!r} + "/*.txt"))] + pagegen.generate({generated}, seed=5)
for _ in range(int(sys.argv[1])):
    for page in pages:
        try:
            read_article(page)
        except Exception:
            pass
print("pages:", len(pages), file=sys.stderr)
"""


def instructions(src: str, passes: int, script: str) -> tuple[int, int]:
    """(instructions of the whole run, pages read in a pass) with ``src`` first on the path."""
    env = dict(os.environ, PYTHONPATH=src, PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory() as cache:
        env["PYTHONPYCACHEPREFIX"] = cache
        # A first run writes bytecode, so that the measured runs compile nothing.
        subprocess.run([sys.executable, "-c", script, "1"], env=env, check=True, capture_output=True)
        done = subprocess.run(
            ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
             sys.executable, "-c", script, str(passes)],
            env=env, check=True, capture_output=True, text=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    pages = re.search(r"^pages: (\d+)$", done.stderr, re.MULTILINE)
    if not (found and pages):
        raise SystemExit(f"instructions: no count in valgrind's output:\n{done.stderr[-500:]}")
    return int(found.group(1).replace(",", "")), int(pages.group(1))


def per_page(src: str, script: str) -> float:
    once, pages = instructions(src, 1, script)
    twice, _ = instructions(src, 2, script)
    return (twice - once) / pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--against", metavar="REF", help="a git revision to measure too, and compare with")
    ap.add_argument("--generated", type=int, default=300, metavar="N", help="generated pages (default 300)")
    a = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed (apt install valgrind): nothing measured")
        return 0
    if not DEV_PAGES.is_dir():
        print(f"instructions: {DEV_PAGES} is missing: measuring the generated pages only")
    script = PASSES.format(benchmarks=str(ROOT / "benchmarks"), dev=str(DEV_PAGES), generated=a.generated)
    now = per_page(str(ROOT / "src"), script)
    print(f"this tree: {now / 1e6:.3f}M instructions a page (warm)")
    if a.against:
        with tempfile.TemporaryDirectory() as old:
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", a.against, "src"], check=True,
                                     capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", old], input=archive, check=True)
            before = per_page(str(Path(old) / "src"), script)
        print(f"{a.against}: {before / 1e6:.3f}M instructions a page (warm)")
        print("\n== summary: instructions ==")
        print(f"instructions a page: {now / 1e6:.3f}M against {before / 1e6:.3f}M at {a.against} = "
              f"{now / before:.3f}× (target ≤ 1.10× the start of a round of rules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
