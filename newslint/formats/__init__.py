"""Output formats. Each module registers a :class:`Format` through the
``newslint_register_formats`` hook, so plugins can add their own."""
from __future__ import annotations

import json as _json  # the submodule formats.json would shadow a plain 'json'
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

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


#: One encoder for every line: ``json.dumps`` with options builds a new one per call.
_ENCODE = _json.JSONEncoder(ensure_ascii=False, default=str).encode


def json_lines(value: Any, expand: int, _indent: str = "") -> str:
    """JSON with containers down to depth ``expand`` laid out one member per line, and
    everything deeper on one line (for reports, one finding or result per line).

    Readable and diff-friendly like an indented dump, but each line goes through the C
    encoder: ``json.dumps(indent=...)`` falls back to the pure-Python one, which took
    longer than some checks on a large archive.
    """
    if expand <= 0 or not isinstance(value, (dict, list)) or not value:
        return _ENCODE(value)
    inner = _indent + "  "
    if isinstance(value, dict):
        members = [
            f"{inner}{_ENCODE(key)}: {json_lines(member, expand - 1, inner)}"
            for key, member in value.items()
        ]
        return "{\n" + ",\n".join(members) + "\n" + _indent + "}"
    items = [inner + json_lines(v, expand - 1, inner) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + _indent + "]"


class RenderContext(NamedTuple):
    """What a format may need besides the results."""

    color: bool = False
    version: str = ""
    root: str = "."  # paths in SARIF are made relative to this folder
    invocation: list[str] | None = None


class Format(NamedTuple):
    name: str
    description: str
    render: Callable[["RunResult", RenderContext], str]
