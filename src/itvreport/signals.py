"""Swap a signal handler for a while and put the old one back (CLI and pager).

Uses ``_signal``, the C module that ``signal`` wraps: importing ``signal``
builds its enums, about 0.4 ms of every run's start-up, for nothing we use.
"""

from __future__ import annotations

try:
    import _signal as signal
except ImportError:  # not CPython
    import signal


def replace(name: str, handler):
    """Install ``handler`` for signal ``name`` (``"SIGTERM"``; ``None``: ignore it).

    Returns what to give :func:`restore`, or ``None`` when nothing was changed
    (no such signal here, or not the main thread).
    """
    try:
        number = getattr(signal, name)
        return number, signal.signal(number, signal.SIG_IGN if handler is None else handler)
    except (AttributeError, ValueError, OSError):
        return None


def restore(saved) -> None:
    if saved is None:
        return
    number, previous = saved
    try:
        signal.signal(number, previous)
    except (ValueError, OSError):
        pass
