"""Regular expressions compiled on first use.

The reader has about fifty patterns; compiling them all at import costs several
milliseconds on every run, while a given page needs only some of them (many
sit behind cheap substring guards). :func:`lazy` returns a stand-in that
compiles on first use and then binds the compiled pattern's methods onto
itself, so later calls cost the same as on a compiled pattern.
"""

from __future__ import annotations

import re

_METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer")


class LazyPattern:
    __slots__ = ("_source", "_flags", "_compiled") + _METHODS

    def __init__(self, source: str, flags: int = 0):
        self._source = source
        self._flags = flags
        self._compiled = None

    def compile(self) -> re.Pattern:
        if self._compiled is None:
            compiled = re.compile(self._source, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    def __getattr__(self, name):
        # Only reached for attributes not set yet: the methods before first use.
        if name in _METHODS:
            self.compile()
            return getattr(self, name)
        return getattr(self.compile(), name)

    def __repr__(self):
        return f"lazy({self._source!r})"


def lazy(source: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(source, flags)
