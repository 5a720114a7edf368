"""A ``<pre>`` as code: its text exactly as it shows, and the language the page marks it as.

``code_text`` keeps line breaks, indentation and tabs, and leaves out hidden parts,
buttons and the line numbers a highlighter draws beside the code; ``line_numbers`` tells
a ``<pre>`` that holds nothing else. ``code_language`` reads the ``language-x``,
``lang-x``, ``brush: x`` class or ``data-lang`` attribute of the ``<pre>``, its
``<code>`` or the boxes that wrap it. The ``pre`` handler is in ``mapping``.
"""

from __future__ import annotations

import re

from itvreport.html import dom
from itvreport.html.inline import BLOCK_TAGS, unseen
from itvreport.read import clean_text

# Class words that say which language a <pre> or <code> holds: "language-python", "lang-js",
# "brush: ruby" (SyntaxHighlighter); on a box around it, "highlight-python" (Sphinx),
# "highlight-source-python" (GitHub) or "language-ruby" (Rouge) only: "lang-en" on a page's
# box names the page's own language.
_LANGUAGE_CLASS = re.compile(r"^(?:language|lang|highlight(?:-source)?)-([\w+#.-]{1,30})$|^brush:([\w+#.-]{0,30})$", re.IGNORECASE)
_BOX_LANGUAGE_CLASS = re.compile(r"^(?:language|highlight(?:-source)?)-([\w+#.-]{1,30})$", re.IGNORECASE)
_LANGUAGE_ATTRIBUTES = ("data-lang", "data-language", "data-code-language")
_LANGUAGE_VALUE = re.compile(r"^[\w+#.-]{1,30}$")
_NO_LANGUAGE = frozenset({"none", "nohighlight", "no-highlight", "default", "plain", "plaintext"})
# Parts of a class word that mark the line numbers a highlighter draws beside the code.
_GUTTER_CLASS = re.compile(r"(?:^|[-_])(?:line-?numbers?|linenos?|linenumbers?|gutter)(?:$|[-_])", re.IGNORECASE)
_NUMBER_LINE = re.compile(r"^\s*\d{1,6}\s*$")
BOX_CHILDREN = 3  # a box around a <pre> with more elements than this is not its wrapper


def code_language(pre):
    """The language the page marks a ``<pre>`` as (``code_language`` rule): a ``language-x``,
    ``lang-x`` or ``brush: x`` class or a ``data-lang`` attribute on the ``<pre>`` or the
    ``<code>`` inside it; a ``language-x`` or ``highlight-x`` class or a ``data-lang`` on one of
    the two boxes that wrap it. None when unmarked, or marked as no language (``none``,
    ``plaintext``)."""
    inner = next((node for node in pre.iterchildren("code")), None)
    candidates = [(pre, _LANGUAGE_CLASS)] + ([(inner, _LANGUAGE_CLASS)] if inner is not None else [])
    parent = pre.getparent()
    for _ in range(2):
        if parent is None or parent.tag not in ("div", "figure", "section", "span") or len(parent) > BOX_CHILDREN:
            break
        candidates.append((parent, _BOX_LANGUAGE_CLASS))
        parent = parent.getparent()
    for node, pattern in candidates:
        for name in _LANGUAGE_ATTRIBUTES:
            value = (node.get(name) or "").strip()
            if _LANGUAGE_VALUE.match(value):
                return None if value.lower() in _NO_LANGUAGE else value.lower()
        words = (node.get("class") or "").split()
        for at, word in enumerate(words):
            if word.lower() == "brush:" and at + 1 < len(words):  # "brush: ruby"
                word = "brush:" + words[at + 1]
            found = pattern.match(word.rstrip(";"))
            if found:
                value = (found.group(1) or (found.group(2) if pattern.groups > 1 else "") or "").lower()
                if value:
                    return None if value in _NO_LANGUAGE else value
    return None


def code_text(pre) -> str:
    """The text of a ``<pre>`` exactly as it shows: line breaks, indentation and tabs kept;
    ``<br>`` and block elements inside start new lines; a newline just after ``<pre>``
    dropped (as browsers do); blank lines at the start and whitespace at the end dropped.
    Hidden parts, buttons (``Copy``) and line numbers drawn beside the code are left out."""
    pieces = []

    def line_break():
        if pieces and not pieces[-1].endswith("\n"):
            pieces.append("\n")

    def visit(node):
        if node.text:
            pieces.append(node.text)
        for child in node:
            tag = child.tag
            if isinstance(tag, str) and tag not in dom.DROP_TAGS and not unseen(child) and not _gutter(child):
                if tag == "br":
                    pieces.append("\n")
                elif tag in BLOCK_TAGS:
                    line_break()
                    visit(child)
                    line_break()
                else:
                    visit(child)
            if child.tail:
                pieces.append(child.tail)

    visit(pre)
    text = "".join(pieces)
    if text.startswith("\n"):
        text = text[1:]
    text = clean_text(text, tabs=True).rstrip()
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines)


def _gutter(element) -> bool:
    classes = element.get("class")
    return bool(classes) and any(_GUTTER_CLASS.search(word) for word in classes.split())


def line_numbers(text: str) -> bool:
    """A ``<pre>`` of nothing but line numbers (the gutter a highlighter sets beside the code,
    in a table cell of its own)."""
    lines = text.split("\n")
    return len(lines) >= 2 and all(_NUMBER_LINE.match(line) for line in lines)
