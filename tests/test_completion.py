"""``itvreport --completion bash|zsh``: scripts written from the parser, tried in the shells."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from itvreport import arguments, completion

ROOT = Path(__file__).resolve().parent.parent
ITVREPORT = Path(sys.executable).with_name("itvreport")
BASH = shutil.which("bash")
ZSH = shutil.which("zsh")


def run(*args):
    return subprocess.run([sys.executable, "-m", "itvreport", *args], capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, cwd=ROOT, timeout=60)


def every_option():
    parser = arguments.build_parser()
    names = {name for action in parser._actions for name in action.option_strings}
    for sub in completion.commands(parser).values():
        names |= {name for action in sub._actions for name in action.option_strings}
    return names


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_script_mentions_every_option_and_choice(shell):
    proc = run("--completion", shell)
    assert proc.returncode == 0 and proc.stderr == ""
    script = proc.stdout
    names = every_option()
    assert {"--format", "--input", "--explain", "--width", "--no-color", "--no-colour", "--max-bytes",
            "--pager", "--no-pager", "--export", "--version", "--completion", "--help"} <= names
    for name in names:
        assert name in script, name
    for choice in (*arguments.FORMATS, *arguments.INPUTS, *arguments.EXPORTS, "bash", "zsh", "show"):
        assert choice in script, choice


def test_script_follows_the_parser():
    """A new option appears in the scripts without anyone editing them."""
    parser = arguments.build_parser()
    parser.show_parser.add_argument("--shiny", default="a", metavar="{gold,silver}")
    for shell in completion.SHELLS:
        script = completion.script(shell, parser)
        assert "--shiny" in script and "gold silver" in script


def test_unknown_shell_suggests_one():
    proc = run("--completion", "bsh")
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1].endswith("did you mean bash?")
    assert run("--completion", "fish").returncode == 2
    with pytest.raises(ValueError):
        completion.script("fish", arguments.build_parser())


# --- bash ------------------------------------------------------------------------------------


def bash(code: str) -> str:
    script = run("--completion", "bash").stdout
    proc = subprocess.run([BASH, "--norc", "--noprofile", "-c", code], input=script, text=True,
                          capture_output=True, timeout=30, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return proc.stdout


def complete(*words: str) -> list[str]:
    """What bash offers for the last of ``words`` (``itvreport`` first)."""
    quoted = " ".join(f"'{word}'" for word in words)
    return bash(f'source /dev/stdin; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; '
                '_itvreport; printf "%s\\n" "${COMPREPLY[@]}"').split()


needs_bash = pytest.mark.skipif(BASH is None, reason="bash is not installed")


@needs_bash
@pytest.mark.skipif(not ITVREPORT.exists(), reason=f"no console script at {ITVREPORT}")
def test_bash_registers_the_completion():
    proc = subprocess.run([BASH, "--norc", "--noprofile", "-c",
                           f"source <({ITVREPORT} --completion bash); complete -p itvreport"],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "complete -o default -F _itvreport itvreport"


@needs_bash
@pytest.mark.parametrize("words, offered", [
    (("itvreport", ""), ["show", "-h", "--help", "--version", "--completion"]),
    (("itvreport", "s"), ["show"]),
    (("itvreport", "--completion", ""), ["bash", "zsh"]),
    (("itvreport", "show", "--for"), ["--format"]),
    (("itvreport", "show", "--format", ""), list(arguments.FORMATS)),
    (("itvreport", "show", "--format", "m"), ["markdown"]),
    (("itvreport", "show", "page.txt", "--input", "h"), ["html"]),
    (("itvreport", "show", "--export", ""), ["svg", "html"]),
    (("itvreport", "show", "--no-p"), ["--no-pager"]),
    (("itvreport", "show", "--ex"), ["--explain", "--export"]),
    (("itvreport", "show", "--width", ""), []),
])
def test_bash_offers(words, offered):
    assert complete(*words) == offered


@needs_bash
def test_bash_leaves_file_names_to_bash():
    # Nothing offered: `complete -o default` then completes file names.
    assert complete("itvreport", "show", "fix") == []
    assert complete("itvreport", "show", "--export", "svg", "do") == []


# --- zsh ----------------------------------------------------------------------------------------

needs_zsh = pytest.mark.skipif(ZSH is None, reason="zsh is not installed")


@needs_zsh
def test_zsh_script_parses_and_registers(tmp_path):
    script = tmp_path / "_itvreport"
    script.write_text(run("--completion", "zsh").stdout, encoding="utf-8")
    check = subprocess.run([ZSH, "-n", str(script)], capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
    proc = subprocess.run(
        [ZSH, "-f", "-c", f"autoload -U compinit; compinit -u -D; source {script}; "
                          "print -r -- $_comps[itvreport]"],
        capture_output=True, text=True, timeout=30, env={**os.environ, "HOME": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "_itvreport"


@needs_zsh
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.skipif(not ITVREPORT.exists(), reason=f"no console script at {ITVREPORT}")
def test_zsh_completes_in_a_real_terminal(tmp_path):
    """Tab pressed in an interactive zsh inside tmux lists the formats and export kinds."""
    from test_tmux import Tmux

    server = Tmux()
    try:
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir()
        (bin_dir / "itvreport").symlink_to(ITVREPORT)
        pane = server.start([ZSH, "-f"], cols=100, rows=20,
                            env={"HOME": str(tmp_path), "PATH": f"{bin_dir}:{os.environ['PATH']}",
                                 "PS1": "zsh> "})
        pane.wait_until(lambda s: any(row.startswith("zsh>") for row in s.rows), "the prompt")
        pane.keys("autoload -U compinit; compinit -u -D; source <(itvreport --completion zsh)",
                  "Enter")
        pane.keys("itvreport show --form", "Tab")
        pane.wait_until(lambda s: any("itvreport show --format" in row for row in s.rows),
                        "--format completed")
        pane.keys("Tab")
        screen = pane.wait_until(lambda s: any("markdown" in row for row in s.rows), "the formats")
        offered = {word for row in screen.rows for word in row.split()}
        assert set(arguments.FORMATS) <= offered
        pane.keys("C-c")
        pane.keys("itvreport show --export ", "Tab")
        screen = pane.wait_until(
            lambda s: any(row.split() == ["html", "svg"] for row in s.rows), "the export kinds")
    finally:
        server.close()
