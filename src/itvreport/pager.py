"""Long articles in a pager, the way git does it.

The CLI renders the article into a string first, then calls :func:`show`:

* The pager is ``$ITVREPORT_PAGER``, else ``$PAGER``, else ``less``. The
  value is split like a shell would (``shlex``); an empty value or ``cat``
  means no pager.
* ``less`` gets its flags through the environment, as git gives them:
  ``LESS=FRX`` unless ``LESS`` is already set (then the user's choice stands,
  even if it is empty). ``R`` passes the colour and style codes through, ``F``
  quits at once when the text fits on one screen, ``X`` leaves the screen as it
  is (no alternate screen, so the article stays on the terminal after ``q``).
  No ``S`` (chop long lines): the view is already wrapped to the terminal
  width, so no line is longer than the screen; if the terminal is made
  narrower later, less folds the line rather than hiding its end.
  ``LV=-c`` likewise lets the ``lv`` pager show colours.
* Paging happens only when the text is taller than the screen: it has at least
  as many lines as the terminal has rows (one row is the shell prompt's, so a
  text of exactly ``rows`` lines would push its headline off the top).
  ``force`` pages whatever the height.
* The user quitting early (``q``) closes the pipe: that is not an error, and
  no ``BrokenPipeError`` escapes. Ctrl-C belongs to the pager while it runs
  (less uses it to stop a search), so it is ignored here until the pager ends.
* A pager that cannot start (not installed, not executable) is skipped and the
  text printed instead.

Only the standard library, and only ``os`` at import time: the CLI imports this
module after the article is rendered.
"""

from __future__ import annotations

import os

from itvreport import signals

LESS_FLAGS = "FRX"
NO_PAGER = ("", "cat")


def command(environ=None) -> list[str] | None:
    """The pager's argv from the environment, or ``None`` for no pager."""
    env = os.environ if environ is None else environ
    value = env.get("ITVREPORT_PAGER")
    if value is None:
        value = env.get("PAGER")
    if value is None:
        return ["less"]
    import shlex

    try:
        argv = shlex.split(value)
    except ValueError:  # an unbalanced quote: take the words as they are
        argv = value.split()
    if not argv or argv == ["cat"]:
        return None
    return argv


def environment(environ=None) -> dict:
    """The pager's environment: ours, with git's defaults for less and lv where unset."""
    env = dict(os.environ if environ is None else environ)
    env.setdefault("LESS", LESS_FLAGS)
    env.setdefault("LV", "-c")
    return env


def screen_rows() -> int:
    """Rows of the terminal (``LINES`` first, as :func:`shutil.get_terminal_size` does)."""
    import shutil

    return shutil.get_terminal_size().lines


def height(text: str) -> int:
    """Lines ``text`` takes on the screen (it is already wrapped to the screen's width)."""
    return text.count("\n") + (0 if text.endswith("\n") or not text else 1)


def too_tall(text: str, rows: int) -> bool:
    return height(text) >= max(1, rows)


def page(text: str, argv: list[str], encoding: str = "utf-8", environ=None) -> bool:
    """Show ``text`` through the pager ``argv`` and wait for it to end.

    Returns ``False`` if the pager could not be started (nothing was shown);
    ``True`` once it has ended, however it ended.
    """
    import subprocess

    data = text.encode(encoding or "utf-8", "replace")
    try:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, env=environment(environ))
    except (OSError, ValueError):
        return False
    # Ignored only now, so the pager itself starts with the default Ctrl-C behaviour.
    previous = signals.replace("SIGINT", None)  # Ctrl-C is for the pager while it runs
    try:
        # communicate() swallows the BrokenPipeError of a pager that quit early.
        process.communicate(data)
    finally:
        if process.poll() is None:  # we are leaving on an exception: do not leave it behind
            process.terminate()
            try:
                process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                process.kill()
        signals.restore(previous)
    return True


def show(text: str, out, *, force: bool = False, rows: int | None = None, warn=None,
         environ=None) -> bool:
    """Page ``text`` if it is taller than the screen (or ``force``), else write it to ``out``.

    ``out`` is flushed before the pager starts, so nothing written earlier turns
    up after it. ``warn(message)`` hears about a pager the user chose that could
    not start. Returns whether the pager showed the text.
    """
    argv = command(environ)
    if argv is not None and (force or too_tall(text, screen_rows() if rows is None else rows)):
        out.flush()
        if page(text, argv, getattr(out, "encoding", None) or "utf-8", environ):
            return True
        if warn is not None and argv != ["less"]:
            warn(f"cannot run the pager {argv[0]!r}; printing instead")
    out.write(text)
    return False


