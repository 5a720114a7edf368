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
