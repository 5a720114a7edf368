"""Swap a signal handler for a while and put the old one back (CLI and pager).

``signal`` is imported only when a handler is swapped: its enums cost start-up
time on every run otherwise.
"""

from __future__ import annotations


def replace(name: str, handler):
    """Install ``handler`` for signal ``name`` (``"SIGTERM"``; ``None``: ignore it).

    Returns what to give :func:`restore`, or ``None`` when nothing was changed
    (no such signal here, or not the main thread).
    """
    import signal

    try:
        number = getattr(signal, name)
        return number, signal.signal(number, signal.SIG_IGN if handler is None else handler)
    except (AttributeError, ValueError, OSError):
        return None


def restore(saved) -> None:
    if saved is None:
        return
    import signal

    number, previous = saved
    try:
        signal.signal(number, previous)
    except (ValueError, OSError):
        pass
