"""Output formats. Each module registers a :class:`Format` through the
``newslint_register_formats`` hook, so plugins can add their own."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from newslint.document import utf16_len

if TYPE_CHECKING:  # pragma: no cover
    from newslint.engine import RunResult
    from newslint.findings import Finding


def shown_end(f: "Finding") -> tuple[int, int]:
    """End line and UTF-16 end column of what a viewer should highlight.

    A check that removes a whole line (web debris) spans the line break too, so that
    ``--fix`` leaves no blank line; shown as is, it would highlight two lines. The shown
    span stops at the end of its line; the fix itself still deletes the break.
    """
    loc = f.location
    assert loc is not None
    if loc.end_line == loc.line + 1 and loc.end_column == 1:
        return loc.line, utf16_len(f.source_line) + 1
    return loc.end_line, loc.end_column_utf16


@dataclass(frozen=True)
class RenderContext:
    """What a format may need besides the results."""

    color: bool = False
    version: str = ""
    root: str = "."  # paths in SARIF are made relative to this folder
    invocation: list[str] | None = None


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    render: Callable[["RunResult", RenderContext], str]
