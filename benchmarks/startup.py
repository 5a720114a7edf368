"""Start-up: how long one ``itvreport show`` run takes, against the bare interpreter.

    python benchmarks/startup.py [--rounds 40] [--imports 12] [--page FILE] [--bytecode {cached,as-is}]

Four commands, run interleaved (A B C D A B C D ...) for ``--rounds`` rounds
after one warm-up round, standard output to /dev/null; median wall times:

  A  python -c pass                                 (baseline for the text path)
  B  itvreport show PAGE --format text              (target ≤ 3× A)
  C  python -c "import rich.console"                (baseline for the rich path)
  D  itvreport show PAGE --format rich              (target ≤ 1.3× C)

``itvreport`` is the console script next to the running interpreter
(``Path(sys.executable).parent / "itvreport"``), or ``python -m itvreport`` if
there is none. PAGE defaults to ``fixtures/assad-aid-defects.txt``.

Bytecode: an installed ``itvreport`` has compiled ``.pyc`` files (pip writes
them), but an editable install run under ``PYTHONDONTWRITEBYTECODE=1`` recompiles
every ``itvreport`` module on every run while ``rich`` and the standard library
load from bytecode. By default (``--bytecode cached``) every command runs with
``PYTHONDONTWRITEBYTECODE`` unset and ``PYTHONPYCACHEPREFIX`` pointing at a
temporary directory, so the warm-up round writes bytecode there (nothing is
written into the repository) and the measured rounds use it, as an installed
copy would. ``--bytecode as-is`` runs with the environment as it is.

Then, for the text path:

* ``python -X importtime`` (5 runs, median per module): the modules that cost
  the most to import (``--imports N`` of them; 0 skips this);
* which modules a text run imports that are neither standard library nor
  ``itvreport`` (should be none): a subprocess runs the CLI's ``main`` and dumps
  ``sorted(sys.modules)``; modules the interpreter's own start-up already loaded
  (``site``, ``.pth`` hooks) are listed apart.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGE = ROOT / "fixtures" / "assad-aid-defects.txt"
TEXT_LIMIT = 3.0
RICH_LIMIT = 1.3
IMPORT_RUNS = 5


def itvreport_command() -> list[str]:
    script = Path(sys.executable).parent / "itvreport"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "itvreport"]


def clean_env(pycache_prefix: str | None) -> dict:
    env = dict(os.environ)
    for name in ("PYTHONPROFILEIMPORTTIME", "PYTHONIMPORTTIME", "FORCE_COLOR", "NO_COLOR", "PYTHONVERBOSE"):
        env.pop(name, None)
    if pycache_prefix:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache_prefix
    return env


def run_once(command, env) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"startup: {' '.join(command)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def import_times(command_tail, env, runs):
    """Median self and cumulative µs per module from ``python -X importtime``."""
    selfs, cumulative = defaultdict(list), defaultdict(list)
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", *command_tail], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            own, total, name = line[len("import time:"):].split("|", 2)
            selfs[name.strip()].append(int(own))
            cumulative[name.strip()].append(int(total))
    return ({name: statistics.median(v) for name, v in selfs.items()},
            {name: statistics.median(v) for name, v in cumulative.items()})


DUMP = r"""
import sys
out = sys.argv[1]
if sys.argv[2] == "run":
    sys.argv = ["itvreport", "show", sys.argv[3], "--format", "text"]
    from itvreport.cli import main
    code = main()
    if code:
        sys.exit(code)
names = sorted(sys.modules)
with open(out, "w", encoding="utf-8") as handle:
    handle.write("\n".join(names))
"""


def loaded_modules(mode, page, env) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "modules.txt")
        subprocess.run([sys.executable, "-c", DUMP, out, mode, str(page)], check=True,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env)
        with open(out, encoding="utf-8") as handle:
            return handle.read().split("\n")


def is_ours_or_stdlib(name: str) -> bool:
    top = name.split(".")[0]
    return top == "itvreport" or top == "__main__" or top in sys.stdlib_module_names or top in sys.builtin_module_names


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=40, help="rounds of the four commands (default 40)")
    parser.add_argument("--imports", type=int, default=12, metavar="N",
                        help="show the N costliest imports of a text run (default 12; 0 skips)")
    parser.add_argument("--page", type=Path, default=DEFAULT_PAGE, help="the saved page to show")
    parser.add_argument("--bytecode", choices=("cached", "as-is"), default="cached",
                        help="cached: bytecode written to a temporary PYTHONPYCACHEPREFIX, as an installed copy "
                             "has it (default); as-is: the environment unchanged")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="itvreport-pycache-") as prefix:
        return measure(args, prefix if args.bytecode == "cached" else None)


def measure(args, pycache_prefix) -> int:
    env = clean_env(pycache_prefix)
    itvreport = itvreport_command()
    page = str(args.page)
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "itvreport --format text": [*itvreport, "show", page, "--format", "text"],
        'python -c "import rich.console"': [sys.executable, "-c", "import rich.console"],
        "itvreport --format rich": [*itvreport, "show", page, "--format", "rich"],
    }
    print(f"interpreter: {sys.executable} (Python {sys.version.split()[0]})")
    print(f"itvreport:   {' '.join(itvreport)}")
    print(f"page:        {page}")
    if pycache_prefix:
        print("bytecode:    cached in a temporary PYTHONPYCACHEPREFIX (written by the warm-up round)")
    else:
        print(f"bytecode:    as the environment has it (PYTHONDONTWRITEBYTECODE="
              f"{os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}, PYTHONPYCACHEPREFIX="
              f"{os.environ.get('PYTHONPYCACHEPREFIX', '')!r})")

    times = defaultdict(list)
    for command in commands.values():  # warm-up round: bytecode caches, file cache
        run_once(command, env)
    started = time.perf_counter()
    for _ in range(args.rounds):
        for name, command in commands.items():
            times[name].append(run_once(command, env))
    print(f"\n{args.rounds} interleaved rounds in {time.perf_counter() - started:.1f} s; wall time per run:")
    medians = {}
    for name, values in times.items():
        medians[name] = statistics.median(values)
        quartiles = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
        print(f"  {name:34s} median {medians[name] * 1e3:7.1f} ms   "
              f"quartiles {quartiles[0] * 1e3:6.1f}-{quartiles[2] * 1e3:6.1f} ms   min {min(values) * 1e3:6.1f} ms")
    names = list(commands)
    text_ratio = medians[names[1]] / medians[names[0]]
    rich_ratio = medians[names[3]] / medians[names[2]]

    if args.imports:
        tail = itvreport[1:] if itvreport[0] == sys.executable else itvreport
        selfs, cumulative = import_times([*tail, "show", page, "--format", "text"], env, IMPORT_RUNS)
        base_selfs, _ = import_times(["-c", "pass"], env, IMPORT_RUNS)
        total = sum(selfs.values())
        extra = sum(v for name, v in selfs.items() if name not in base_selfs)
        print(f"\npython -X importtime, text run ({IMPORT_RUNS} runs, median µs per module): "
              f"{len(selfs)} modules, {total / 1e3:.1f} ms in all, "
              f"{extra / 1e3:.1f} ms in the {len(set(selfs) - set(base_selfs))} not imported by python -c pass")
        print(f"  {'self µs':>8} {'cumulative µs':>14}  module")
        for name in sorted(selfs, key=selfs.get, reverse=True)[: args.imports]:
            print(f"  {selfs[name]:>8.0f} {cumulative[name]:>14.0f}  {name}")

    text_run = loaded_modules("run", page, env)
    at_start = set(loaded_modules("bare", page, env))
    foreign = [name for name in text_run if not is_ours_or_stdlib(name)]
    foreign_new = [name for name in foreign if name not in at_start]
    foreign_start = [name for name in foreign if name in at_start]
    new_stdlib = [name for name in text_run if name not in at_start and not name.startswith("itvreport")]
    ours = [name for name in text_run if name.split(".")[0] == "itvreport"]
    print(f"\nmodules after a text run: {len(text_run)} ({len(ours)} itvreport, "
          f"{len(new_stdlib)} more standard library than a bare start-up)")
    print(f"  not standard library or itvreport: {', '.join(foreign_new) or 'none'}")
    if foreign_start:
        print(f"  (already loaded by the interpreter's start-up, before itvreport runs: {', '.join(foreign_start)})")
    print(f"  itvreport modules: {', '.join(ours)}")

    print(f"\n== summary: start-up (bytecode {args.bytecode}) ==")
    print(f"text start-up: {medians[names[1]] * 1e3:.1f} ms = {text_ratio:.2f}× python -c pass "
          f"({medians[names[0]] * 1e3:.1f} ms) (target ≤ {TEXT_LIMIT:g}×)")
    print(f"rich start-up: {medians[names[3]] * 1e3:.1f} ms = {rich_ratio:.2f}× python -c \"import rich.console\" "
          f"({medians[names[2]] * 1e3:.1f} ms) (target ≤ {RICH_LIMIT:g}×)")
    print(f"third-party modules in a text run: {', '.join(foreign_new) or 'none'} (target none)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
