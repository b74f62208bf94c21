"""Regular expressions compiled the first time they are used, not when their module is imported.

Every ``newslint check`` imports the date checks while registering plugins; compiling their few
dozen patterns there cost milliseconds on every start-up, also for runs that never reach them.
"""
from __future__ import annotations

import re

#: The methods of a compiled pattern that :class:`LazyPattern` hands on after compiling.
_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "split")


class LazyPattern:
    """Stands in for ``re.compile(pattern, flags)`` and compiles it on first use.

    ``pattern`` and ``flags`` are the source as given. Once compiled, the pattern's methods are
    ordinary attributes of this object, so later calls cost what calls on the pattern cost.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str):
        # Only reached while a method is not yet an attribute: compile, and keep the methods.
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags})"
