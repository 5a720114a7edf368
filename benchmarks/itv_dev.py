"""Score the text reader on the ITV development pages, tuned part and kept-apart part apart.

Run from the repository root:  python benchmarks/itv_dev.py [--verbose] [--show-held-out]

Data: ``../shared/data/itv-dev/`` (91 pages with the line structure of real ITV pages and a
gold label for every line) and its scorer ``../shared/eval/itv_eval.py``, both read in place
and never copied. The pages are split once by ``heldout.held_out`` (about a third kept apart).
For each part the scorer's totals are printed; ``--verbose`` lists the failing lines of the
tuned part only: the kept-apart part is read as a total unless ``--show-held-out`` is given
(for the closing review, not while rules change). The command scored is the installed
``itvreport`` next to this Python (``--cmd`` to change it).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from heldout import held_out

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "itv-dev"
SCORER = SHARED / "eval" / "itv_eval.py"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list the tuned part's failing lines")
    ap.add_argument("--show-held-out", action="store_true", help="also list the kept-apart part's failing lines")
    exe = Path(sys.executable).with_name("itvreport")
    default = f"{exe if exe.exists() else 'itvreport'} show --format json {{}}"
    ap.add_argument("--cmd", default=default)
    a = ap.parse_args()
    if not SCORER.exists() or not (DATA / "gold").is_dir():
        print(f"itv_dev: {DATA} or {SCORER} is missing: nothing to score (the data lives beside the repository, in ../shared)")
        return 0
    ids = sorted(p.stem for p in (DATA / "gold").glob("*.tsv"))
    parts = {"tuned": [i for i in ids if not held_out(i)], "held-out": [i for i in ids if held_out(i)]}
    for name, chosen in [("tuned", parts["tuned"]), ("held-out", parts["held-out"]), ("all", ids)]:
        verbose = (name == "tuned" and a.verbose) or (name == "held-out" and a.show_held_out)
        cmd = [sys.executable, str(SCORER), "--pages", str(DATA / "pages"), "--gold", str(DATA / "gold"),
               "--cmd", a.cmd, "--only", ",".join(chosen)] + (["--verbose"] if verbose else [])
        print(f"== {name}: {len(chosen)} pages", flush=True)
        subprocess.run(cmd, check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
