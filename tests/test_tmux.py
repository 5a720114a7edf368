"""End to end in a real terminal: the installed ``itvreport`` inside tmux.

Each test starts a private tmux server (its own socket directory and ``-L``
name), runs the console script that sits next to ``sys.executable`` in a pane
of a given size, reads the screen back with ``capture-pane -e`` and checks
what a reader would see: the layout, the styles (decoded from the escape
codes tmux writes for each cell), and the pager. Skipped when tmux is not
installed; ``.ci/run`` installs it.
"""

from __future__ import annotations

import collections
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from rich.cells import cell_len

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "assad-aid-defects.txt"
HEADLINE = "Assad aid defects as Clinton accuses Russia and Syria of 'standing in the way'"
ITVREPORT = Path(sys.executable).with_name("itvreport")
TMUX = shutil.which("tmux")

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(not ITVREPORT.exists(), reason=f"no console script at {ITVREPORT}"),
]

WAIT = 20.0  # seconds: the longest any screen may take to appear
CONFIG = "set -g status off\nset -g history-limit 10000\n"
LEAVE_OUT = ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "PAGER", "ITVREPORT_PAGER", "LESS",
             "TMUX", "TMUX_PANE", "PYTHONUNBUFFERED")


# --- the screen: text and the style of every cell, from capture-pane -e ----------------

SGR_OR_OTHER = re.compile(r"\x1b\[([0-9;:]*)m|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[^\[]")
STYLE_CODES = {1: "bold", 2: "dim", 3: "italic", 4: "underline", 5: "blink", 7: "reverse",
               8: "hidden", 9: "strike"}
STYLE_OFF = {21: {"bold"}, 22: {"bold", "dim"}, 23: {"italic"}, 24: {"underline"},
             25: {"blink"}, 27: {"reverse"}, 28: {"hidden"}, 29: {"strike"}}


class Screen:
    """The pane as rows of text, with the set of styles of every character.

    tmux writes only the changes between cells, and carries them across rows,
    so the codes are replayed in order. Colours are recorded as ``fg``/``bg``
    entries in :attr:`colours` (default colours, 39 and 49, are not colours).
    """

    def __init__(self, raw: str):
        self.raw = raw
        self.rows: list[str] = []
        self.styles: list[list[frozenset]] = []
        self.colours: list[str] = []
        state: set[str] = set()
        text, styles = [], []
        position = 0
        for match in SGR_OR_OTHER.finditer(raw + "\x1b[m"):
            self._add(raw[position:match.start()], state, text, styles)
            position = match.end()
            if match.group(1) is not None:
                self._sgr(match.group(1), state)
        self._add("\n", state, text, styles)
        while self.rows and not self.rows[-1].strip():
            self.rows.pop()
            self.styles.pop()

    def _add(self, chunk, state, text, styles):
        for char in chunk:
            if char == "\n":
                self.rows.append("".join(text).rstrip())
                self.styles.append(styles[:len(self.rows[-1])])
                text.clear()
                styles.clear()
            else:
                text.append(char)
                styles.append(frozenset(state))

    def _sgr(self, params: str, state: set) -> None:
        codes = [int(p) if p else 0 for p in re.split("[;:]", params)] if params else [0]
        index = 0
        while index < len(codes):
            code = codes[index]
            if code == 0:
                state.clear()
            elif code in STYLE_CODES:
                state.add(STYLE_CODES[code])
            elif code in STYLE_OFF:
                state.difference_update(STYLE_OFF[code])
            elif code in (38, 48):
                self.colours.append(f"{code}")
                index += 2 if codes[index + 1:index + 2] == [5] else 4
            elif 30 <= code <= 37 or 90 <= code <= 97 or 40 <= code <= 47 or 100 <= code <= 107:
                self.colours.append(str(code))
            index += 1

    # --- queries ---

    def find(self, start: str) -> int:
        """The first row that starts with ``start``."""
        for number, row in enumerate(self.rows):
            if row.startswith(start):
                return number
        raise AssertionError(f"no row starts with {start!r}:\n" + "\n".join(self.rows))

    def style(self, row: int, start: int = 0, end: int | None = None) -> set:
        """The styles all non-space characters of ``row[start:end]`` share."""
        cells = [style for char, style in zip(self.rows[row][start:end], self.styles[row][start:end])
                 if not char.isspace()]
        assert cells, (row, self.rows[row])
        return set(frozenset.intersection(*cells))

    def styles_of(self, row: int, start: int = 0, end: int | None = None) -> set:
        """Every style any non-space character of ``row[start:end]`` has."""
        return set().union(*(style for char, style in zip(self.rows[row][start:end],
                                                            self.styles[row][start:end])
                             if not char.isspace()))

    def block(self, start: str) -> list[str]:
        """The rows from the one starting with ``start`` to the next blank row."""
        first = self.find(start)
        rows = []
        for row in self.rows[first:]:
            if not row.strip():
                break
            rows.append(row)
        return rows

    def text(self) -> str:
        return "\n".join(self.rows)


def words(text: str) -> collections.Counter:
    return collections.Counter(re.findall(r"\w+", text))


# --- a private tmux server ------------------------------------------------------------


class Tmux:
    """One tmux server of our own: a socket in a fresh directory, killed in teardown."""

    count = 0

    def __init__(self):
        Tmux.count += 1
        self.dir = tempfile.mkdtemp(prefix="itvtmux-")
        self.name = f"itvreport-test-{os.getpid()}-{Tmux.count}"
        self.config = Path(self.dir) / "tmux.conf"
        self.config.write_text(CONFIG)
        self.env = {k: v for k, v in os.environ.items() if k not in LEAVE_OUT}
        self.env["TMUX_TMPDIR"] = self.dir
        self.sessions = 0

    def __call__(self, *args: str, check: bool = True) -> str:
        proc = subprocess.run([TMUX, "-L", self.name, "-f", str(self.config), *args],
                              capture_output=True, text=True, env=self.env, timeout=30)
        if check and proc.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)}: {proc.stderr}")
        return proc.stdout

    def start(self, argv, cols: int, rows: int, env: dict | None = None) -> "Pane":
        """Run ``argv`` in a new pane of ``cols`` x ``rows`` cells, with TERM=xterm-256color.

        The exit status goes to a file and the pane stays open (a quiet ``sleep``),
        so the screen can be read after the program ends with nothing added to it.
        """
        self.sessions += 1
        session = f"s{self.sessions}"
        status = Path(self.dir) / f"{session}.status"
        settings = {"TERM": "xterm-256color", "LESSHISTFILE": "-", **(env or {})}
        program = shlex.join(["env", *(f"{k}={v}" for k, v in settings.items()), *map(str, argv)])
        command = f"{program}; echo $? > {shlex.quote(str(status))}; exec sleep 3600"
        self("new-session", "-d", "-s", session, "-x", str(cols), "-y", str(rows), "-c", str(ROOT),
             command)
        return Pane(self, session, cols, rows, status)

    def close(self) -> None:
        self("kill-server", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)


class Pane:
    def __init__(self, tmux: Tmux, target: str, cols: int, rows: int, status: Path):
        self.tmux, self.target, self.cols, self.rows = tmux, target, cols, rows
        self.status_file = status

    def info(self, fmt: str) -> str:
        return self.tmux("display-message", "-p", "-t", self.target, fmt).strip()

    def dead(self) -> bool:
        """Whether the program has ended (the shell wrote its status)."""
        try:
            return self.status_file.read_text().endswith("\n")
        except FileNotFoundError:
            return False

    def status(self) -> int:
        return int(self.status_file.read_text())

    def capture(self, join: bool = False) -> Screen:
        raw = self.tmux("capture-pane", "-p", "-e", *(["-J"] if join else []), "-t", self.target)
        return Screen(raw)

    def wait_until(self, ready, what: str) -> Screen:
        """Poll the screen until ``ready(screen)`` holds (bounded by WAIT)."""
        deadline = time.monotonic() + WAIT
        while True:
            screen = self.capture()
            if ready(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; screen:\n{screen.text()}")
            time.sleep(0.05)

    def wait_exit(self) -> Screen:
        """Poll until the program has ended; its exit status must be 0."""
        deadline = time.monotonic() + WAIT
        while not self.dead():
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting for the program to end; screen:\n"
                                     + self.capture().text())
            time.sleep(0.05)
        screen = self.capture()
        assert self.status() == 0, screen.text()
        return screen

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.target, *keys)


@pytest.fixture
def tmux():
    server = Tmux()
    try:
        yield server
    finally:
        server.close()


def long_page(tmp_path, paragraphs: int) -> Path:
    """A page with ``paragraphs`` different paragraphs (repeats would be cleaned away)."""
    path = tmp_path / "long.txt"
    body = "\n\n".join(
        f"Paragraph {n} of the long report says that council number {n} met on day {n} "
        f"and agreed measure {n * 7} after a debate about item {n * 13}."
        for n in range(1, paragraphs + 1)
    )
    path.write_text("Council meetings run long into the night\n\n" + body + "\n", encoding="utf-8")
    return path


def plain_words(*args) -> collections.Counter:
    proc = subprocess.run([str(ITVREPORT), "show", *map(str, args), "--format", "text"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return words(proc.stdout)


# --- layout at three terminal sizes -----------------------------------------------------


@pytest.mark.parametrize("cols", [40, 80, 160])
def test_layout_at_terminal_size(tmux, cols):
    pane = tmux.start([ITVREPORT, "show", FIXTURE], cols=cols, rows=200)
    screen = pane.wait_exit()
    rows = screen.rows
    measure = min(cols, 100)

    # Nothing wider than the pane: tmux would have wrapped it, and -J would join it back.
    assert len(pane.capture(join=True).rows) == len(rows)
    widest = max(cell_len(row) for row in rows)
    assert widest <= measure, widest
    assert widest >= measure - 12  # the text does use the measure
    assert all(row == row.lstrip() or row.startswith("  ") for row in rows)  # left-aligned

    # Nothing cut off: every word of the plain-text article is on the screen.
    missing = plain_words(FIXTURE) - words(screen.text())
    assert not missing, missing

    # The headline first, bold, then the dim byline.
    headline_rows = []
    for row in rows:
        if row.startswith("By John Irvine"):
            break
        headline_rows.append(row)
    assert " ".join(headline_rows) == HEADLINE
    assert 1 <= len(headline_rows) <= 3
    assert all(screen.style(n) == {"bold"} for n in range(len(headline_rows)))
    assert screen.style(screen.find("By John Irvine")) == {"dim"}

    # A caption is dim and italic; body text has no style at all.
    caption = screen.find("Image: President Assad")
    for n in range(caption, caption + len(screen.block("Image: President Assad"))):
        assert screen.style(n) == {"dim", "italic"}, rows[n]
    body = screen.find("A member of President Assad")
    for n in range(body, body + len(screen.block("A member of President Assad"))):
        assert screen.styles_of(n) == set(), rows[n]

    # The quote: a dim bar on every row, plain text beside it.
    quote = screen.block("│ If people like him")
    assert len(quote) >= 6 and all(row.startswith("│") for row in quote)
    first = screen.find("│ If people like him")
    for n in range(first, first + len(quote)):
        assert screen.style(n, 0, 1) == {"dim"}
        if len(rows[n]) > 2:
            assert screen.styles_of(n, 2) == set(), rows[n]

    # Bullets at the margin, wrapped lines hanging under the text.
    bullets = screen.block("• Stronger UN Security Council action")
    assert sum(row.startswith("• ") for row in bullets) == 3
    for row in bullets:
        assert row.startswith("• ") or re.match(r"  \S", row), row

    # Light and dark terminals: styles only, never a colour.
    assert screen.colours == []


def test_explain_shows_removed_lines_in_place(tmux):
    pane = tmux.start([ITVREPORT, "show", FIXTURE, "--explain"], cols=80, rows=200)
    screen = pane.wait_exit()
    advert = screen.find("✗ Advertisement (boilerplate)")
    assert advert < screen.find("Image: President Assad")
    row = screen.rows[advert]
    assert screen.style(advert, 2, 2 + len("Advertisement")) == {"dim", "strike"}
    assert screen.style(advert, row.index("(boilerplate)")) == {"dim"}
    duplicate = screen.find("✗ The defection of Gen Tlass")
    assert screen.find("Image: Former Defence Minister") < duplicate < screen.find("│ If people")
    block = screen.block("✗ The defection of Gen Tlass")
    assert block[-1].endswith("(duplicate of line 19)")
    for n in range(duplicate + 1, duplicate + len(block) - 1):
        assert screen.style(n) == {"dim", "strike"}, screen.rows[n]
    assert screen.colours == []


# --- the pager ------------------------------------------------------------------------------


def needs_less():
    if shutil.which("less") is None:
        pytest.skip("less is not installed")


def test_pager_opens_for_a_long_page_and_quits_with_q(tmux):
    needs_less()
    pane = tmux.start([ITVREPORT, "show", FIXTURE], cols=80, rows=24)
    screen = pane.wait_until(lambda s: len(s.rows) == 24 and s.rows[-1].startswith(":"),
                             "less's prompt")
    assert not pane.dead()
    assert screen.rows[0] == HEADLINE and screen.style(0) == {"bold"}  # colours survive the pager
    assert screen.style(1) == {"dim"}
    assert not any(row.startswith("• Stronger") for row in screen.rows)  # the end is not shown yet

    pane.keys("Space")  # a page on
    pane.wait_until(lambda s: any(row.startswith("│ If people like him") for row in s.rows),
                    "the next page")
    pane.keys("G")  # the end
    pane.wait_until(lambda s: any(row.startswith("• Stronger UN") for row in s.rows), "the end")
    pane.keys("q")
    screen = pane.wait_exit()
    assert "Traceback" not in screen.text()


def test_quitting_the_pager_early_on_a_huge_page_is_quiet(tmux, tmp_path):
    needs_less()
    page = long_page(tmp_path, 3000)  # about 500 kB rendered: far more than a pipe holds
    pane = tmux.start([ITVREPORT, "show", page], cols=80, rows=24)
    pane.wait_until(lambda s: s.rows and s.rows[-1].startswith(":"), "less's prompt")
    pane.keys("q")
    screen = pane.wait_exit()
    assert "Traceback" not in screen.text() and "Broken pipe" not in screen.text()


def test_a_page_that_fits_is_printed_without_pager(tmux, tmp_path):
    page = long_page(tmp_path, 3)
    pane = tmux.start([ITVREPORT, "show", page], cols=80, rows=24)
    screen = pane.wait_exit()  # no key was pressed: no pager waited for one
    assert screen.rows[0] == "Council meetings run long into the night"
    assert screen.rows[-1].endswith("item 39.")  # the last paragraph's end, no prompt below it
    assert len(screen.rows) < 24


def test_no_pager_prints_it_all(tmux):
    pane = tmux.start([ITVREPORT, "show", FIXTURE, "--no-pager"], cols=80, rows=24)
    screen = pane.wait_exit()
    assert screen.rows[-1].endswith("equipment")  # the end of the article, no prompt


def test_the_pager_from_the_environment_is_used(tmux):
    needs_less()
    pane = tmux.start([ITVREPORT, "show", FIXTURE], cols=80, rows=24,
                      env={"PAGER": "less -R -P ITVPAGER"})
    pane.wait_until(lambda s: s.rows and s.rows[-1].startswith("ITVPAGER"), "the custom prompt")
    pane.keys("q")
    pane.wait_exit()


# --- code and tables ---------------------------------------------------------------------

BLOCKS_PAGE = ROOT / "fixtures" / "html" / "tide-board.html"


@pytest.mark.parametrize("cols", [40, 80])
def test_code_and_tables_fit_the_terminal(tmux, cols):
    pane = tmux.start([ITVREPORT, "show", BLOCKS_PAGE, "--no-pager"], cols=cols, rows=300)
    screen = pane.wait_exit()
    rows = screen.rows

    # Nothing wider than the pane, and nothing the terminal had to wrap.
    assert len(pane.capture(join=True).rows) == len(rows)
    assert max(cell_len(row) for row in rows) <= cols

    # Every word of the plain-text article is on the screen: code wraps in its panel, cells in their columns.
    missing = plain_words(BLOCKS_PAGE) - words(screen.text())
    assert not missing, missing

    # The code panel: a dim frame, the language in its title, the code itself plain.
    top = screen.find("╭─ python ")
    assert screen.style(top) >= {"dim"}
    first = top + 1
    assert rows[first].startswith("│ def smooth(readings, window=5):")
    assert screen.style(first, 0, 1) == {"dim"} and screen.styles_of(first, 2, -2) == set()
    assert rows[first + 1].startswith("│         \"\"\"Running mean")  # a tab: the next multiple of 8 columns

    # The table: a dim frame, the header row bold, the cells plain.
    header = next(n for n, row in enumerate(rows) if row.startswith("│ Day"))
    assert screen.style(header, 0, 1) == {"dim"}
    assert screen.style(header, 2, 5) == {"bold"}
    monday = next(n for n, row in enumerate(rows) if row.startswith("│ Monday"))
    assert screen.styles_of(monday, 2, 8) == set()
    assert screen.colours == []
