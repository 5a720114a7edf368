"""Shell completion scripts for bash and zsh, written from the argument parser.

argparse has no completion of its own. These scripts are static (the shell
never runs ``itvreport`` to complete a word, so completion is instant), and
they are generated from the parser each time ``itvreport --completion SHELL``
runs, so a new option or choice appears in them without anyone editing them.

What is completed: the command (``show``), every option of the top level and
of ``show``, the choices of an option that has them (``--format``,
``--input``, ``--completion``, the first word after ``--export``), and file
names everywhere else. Options that take a number (``--width N``) complete to
nothing.

Install::

    source <(itvreport --completion bash)            # in ~/.bashrc
    source <(itvreport --completion zsh)             # in ~/.zshrc, after compinit
    itvreport --completion zsh > "${fpath[1]}/_itvreport"   # or as a zsh function file
"""

from __future__ import annotations

import argparse
import re

SHELLS = ("bash", "zsh")


class Option:
    """One option as the scripts see it."""

    def __init__(self, names, takes, choices, help_text, metavars=()):
        self.names = list(names)          # ["-j", "--jobs"]
        self.takes = takes                # values after it: 0, 1 or 2
        self.choices = list(choices)      # for the first value, if it has fixed choices
        self.help = help_text
        self.metavars = list(metavars)    # ["{svg,html}", "FILE"]

    def is_file(self, index: int) -> bool:
        """Whether value ``index`` (0-based) is a file name, as its metavar says."""
        return index < len(self.metavars) and self.metavars[index] in ("FILE", "PATH", "DIR")


def _choices_of(action) -> list[str]:
    if action.choices:
        return [str(choice) for choice in action.choices]
    metavar = action.metavar[0] if isinstance(action.metavar, tuple) else action.metavar
    found = re.fullmatch(r"\{([^{}]+)\}", metavar or "")  # "{auto,rich,text}" as our options write it
    return found.group(1).split(",") if found else []


def _help_of(action) -> str:
    text = (action.help or "").replace("%(default)s", str(action.default))
    text = re.split(r" \(|; ", text, maxsplit=1)[0]  # the first clause is enough for a menu
    return " ".join(text.split())


def options(parser) -> list[Option]:
    """The options of one parser (positionals and the subcommand slot left out)."""
    found = []
    for action in parser._actions:  # argparse keeps no public list of them
        if not action.option_strings or action.help == argparse.SUPPRESS:
            continue
        if isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
            takes = 0
        elif isinstance(action, argparse.BooleanOptionalAction):
            takes = 0
        elif action.nargs == 0:
            takes = 0
        elif isinstance(action.nargs, int):
            takes = action.nargs
        else:
            takes = 1
        metavar = action.metavar
        metavars = list(metavar) if isinstance(metavar, tuple) else [metavar or ""] * takes
        found.append(Option(action.option_strings, takes, _choices_of(action) if takes else [],
                            _help_of(action), metavars))
    return found


def commands(parser) -> dict:
    """``{"show": show_parser}``: the subcommands of ``parser``."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def script(shell: str, parser) -> str:
    """The completion script for ``shell`` (``bash`` or ``zsh``)."""
    if shell == "bash":
        return bash(parser)
    if shell == "zsh":
        return zsh(parser)
    raise ValueError(f"no completion for {shell!r} (choose from {', '.join(SHELLS)})")


# --- bash ------------------------------------------------------------------------


def _words(items) -> str:
    return " ".join(items)


def _bash_cases(opts, indent: str) -> list[str]:
    """``case "$prev"`` arms for the options that take a value."""
    lines = []
    for opt in opts:
        if not opt.takes:
            continue
        pattern = "|".join(opt.names)
        if opt.choices:
            lines.append(f'{indent}{pattern}) COMPREPLY=($(compgen -W "{_words(opt.choices)}" -- "$cur")); return ;;')
        elif opt.is_file(0):
            lines.append(f"{indent}{pattern}) return ;;  # a file name: bash's own completion")
        else:
            lines.append(f"{indent}{pattern}) compopt +o default 2>/dev/null; return ;;")
    return lines


def _bash_second_values(opts, indent: str) -> list[str]:
    """``case "$prev2"`` arms: the second value of a two-value option is a file name."""
    arms = []
    for opt in opts:
        if opt.takes == 2:
            action = "return" if opt.is_file(1) else "compopt +o default 2>/dev/null; return"
            arms.append(f"{indent}{'|'.join(opt.names)}) {action} ;;")
    return arms


def _function_name(prog: str) -> str:
    """The shell function that completes ``prog`` (``itvreport`` -> ``_itvreport``)."""
    return "_" + re.sub(r"\W", "_", prog)


def bash(parser) -> str:
    prog = parser.prog
    function = _function_name(prog)
    top = options(parser)
    subs = commands(parser)
    lines = [
        f"# bash completion for {prog}; generated by `{prog} --completion bash`.",
        f"# Use: source <({prog} --completion bash)",
        f"{function}() {{",
        '    local cur="${COMP_WORDS[COMP_CWORD]}"',
        '    local prev="" prev2=""',
        '    (( COMP_CWORD >= 1 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    (( COMP_CWORD >= 2 )) && prev2="${COMP_WORDS[COMP_CWORD-2]}"',
        '    local command="" i',
        "    for (( i = 1; i < COMP_CWORD; i++ )); do",
        '        case "${COMP_WORDS[i]}" in',
        f"            {'|'.join(subs) or '__none__'}) command=\"${{COMP_WORDS[i]}}\"; break ;;",
        "        esac",
        "    done",
        '    case "$command" in',
    ]
    for name, sub in subs.items():
        opts = options(sub)
        lines += [
            f"        {name})",
            '            case "$prev2" in',
            *_bash_second_values(opts, "                "),
            "            esac",
            '            case "$prev" in',
            *_bash_cases(opts, "                "),
            "            esac",
            '            if [[ "$cur" == -* ]]; then',
            f'                COMPREPLY=($(compgen -W "{_words(n for o in opts for n in o.names)}" -- "$cur"))',
            "            fi",
            "            ;;  # otherwise: file names (complete -o default)",
        ]
    lines += [
        "        *)",
        '            case "$prev" in',
        *_bash_cases(top, "                "),
        "            esac",
        f'            COMPREPLY=($(compgen -W "{_words([*subs, *(n for o in top for n in o.names)])}" -- "$cur"))',
        "            ;;",
        "    esac",
        "}",
        f"complete -o default -F {function} {prog}",
        "",
    ]
    return "\n".join(lines)


# --- zsh -------------------------------------------------------------------------


def _zsh_quote(text: str) -> str:
    """``text`` inside a single-quoted ``_arguments`` spec: brackets and colons escaped."""
    text = re.sub(r"([\[\]:\\])", r"\\\1", text)
    return text.replace("'", "'\\''")


def _zsh_specs(opts) -> list[str]:
    specs = []
    for opt in opts:
        names = opt.names
        exclusive = " ".join(names)
        head = f"({exclusive})" if len(names) > 1 else ""
        if opt.names[0] in ("-h", "--help") or opt.names == ["--version"]:
            head = "(- *)"
        target = "{" + ",".join(names) + "}" if len(names) > 1 else names[0]
        desc = f"[{_zsh_quote(opt.help)}]"
        values = ""
        if opt.takes:
            label = _zsh_quote(opt.names[-1].lstrip("-"))
            if opt.choices:
                values = f":{label}:({' '.join(_zsh_quote(c) for c in opt.choices)})"
            elif opt.is_file(0):
                values = f":{label}:_files"
            else:
                values = f":{label}: "
            if opt.takes == 2:
                values += ":file:_files" if opt.is_file(1) else ":value: "
        if len(names) > 1:
            specs.append(f"'{head}'{target}'{desc}{values}'")
        else:
            specs.append(f"'{head}{target}{desc}{values}'")
    return specs


def zsh(parser) -> str:
    prog = parser.prog
    function = _function_name(prog)
    subs = commands(parser)
    top = _zsh_specs(options(parser))
    described = " ".join(
        f"'{name}:{_zsh_quote(_sub_help(parser, name))}'" for name in subs
    )
    lines = [
        f"#compdef {prog}",
        f"# zsh completion for {prog}; generated by `{prog} --completion zsh`.",
        f"# Use: source <({prog} --completion zsh)   (after compinit), or save it as _{prog} in $fpath",
        f"{function}() {{",
        "    local curcontext=\"$curcontext\" state line",
        "    typeset -A opt_args",
        "    _arguments -C \\",
        *[f"        {spec} \\" for spec in top],
        "        '1: :->command' \\",
        "        '*:: :->args'",
        "    case $state in",
        "        command)",
        f"            local -a commands; commands=({described})",
        "            _describe -t commands command commands",
        "            ;;",
        "        args)",
        "            case $line[1] in",
    ]
    for name, sub in subs.items():
        specs = _zsh_specs(options(sub))
        lines += [
            f"                {name})",
            "                    _arguments \\",
            *[f"                        {spec} \\" for spec in specs],
            "                        '*:saved page:_files'",
            "                    ;;",
        ]
    lines += [
        "            esac",
        "            ;;",
        "    esac",
        "}",
        f'if [[ "${{funcstack[1]}}" == "{function}" ]]; then',
        f'    {function} "$@"',
        "else",
        f"    compdef {function} {prog}",
        "fi",
        "",
    ]
    return "\n".join(lines)


def _sub_help(parser, name: str) -> str:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.dest == name or choice.metavar == name:
                    return choice.help or name
    return name
