"""Shared by the tests that run itvreport in a subprocess."""

import os

# Variables that change how itvreport or Python write output: a test sets what it needs.
OUTPUT_VARIABLES = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM", "PYTHONUNBUFFERED",
                    "PAGER", "ITVREPORT_PAGER", "LESS")


def clean_env(**extra) -> dict:
    """The environment minus output-changing variables, UTF-8 I/O, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in OUTPUT_VARIABLES}
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def load_benchmark(name: str):
    """A script of ``benchmarks/`` (``warcgen``, ``pagegen``) loaded as a module, for tests that make pages with it."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def outside_code_fences(markdown: str) -> str:
    """``markdown`` with the tabs of its fenced code blocks taken out: the one place Markdown
    output keeps a control character on purpose (code keeps its tabs; a Makefile needs them).
    A fence is a line of three backticks or more; it closes at a line of at least as many."""
    import re

    lines, fence = [], None
    for line in markdown.split("\n"):
        found = re.match(r"^(`{3,})", line)
        if fence is None and found:
            fence = found.group(1)
        elif fence is not None and re.fullmatch(r"`{3,}", line) and len(line) >= len(fence):
            fence = None
        elif fence is not None:
            line = line.replace("\t", "")
        lines.append(line)
    return "\n".join(lines)
