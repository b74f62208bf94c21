"""``--format github``: workflow commands that GitHub Actions turns into annotations.

Each finding becomes one line,
``::warning file=PATH,line=L,endLine=L,col=C,endColumn=C,title=RULE::MESSAGE``,
which GitHub shows on the pull request's diff and in the run summary. Paths are
relative to the repository root (the enclosing git work tree), as GitHub
expects. Columns are UTF-16 code units like newslint's SARIF, end exclusive,
and are given only for a span on one line (GitHub ignores columns otherwise).
``info`` findings become ``notice`` annotations.

Values are escaped as GitHub's own toolkit does: ``%``, CR and LF in the
message; additionally ``:`` and ``,`` in the properties, where they would end
a value early.
"""
from __future__ import annotations

import os
from pathlib import Path

from newslint.findings import Finding, Severity
from newslint.formats import Format, RenderContext, shown_end
from newslint.formats.sarif import find_source_root, relative_to_root
from newslint.hookspecs import hookimpl

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a message: GitHub would otherwise cut it at a line break or misread ``%``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value, which also ends at ``,`` and ``:`` unless they are escaped."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding, path: str | None) -> str:
    """The workflow command for one finding; ``path`` is repository-relative (None: no file)."""
    props: list[tuple[str, str]] = []
    if path:
        props.append(("file", path))
    loc = f.location
    if path and loc is not None:
        end_line, end_column = shown_end(f)
        props += [("line", str(loc.line)), ("endLine", str(end_line))]
        if end_line == loc.line:
            props += [("col", str(loc.column_utf16)), ("endColumn", str(end_column))]
    props.append(("title", f.rule))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{_COMMANDS[f.severity]} {joined}::{escape_data(f.message)}"


def render(result, ctx: RenderContext) -> str:
    cwd = Path(os.path.abspath(ctx.root))
    root = find_source_root(cwd)
    shown: dict[str, str] = {}  # a path as GitHub wants it, worked out once per file

    def path_of(f: Finding) -> str | None:
        if not f.path:
            return None
        path = shown.get(f.path)
        if path is None:
            path = shown[f.path] = relative_to_root(f.path, cwd, root) or os.path.abspath(cwd / f.path)
        return path

    return "".join(annotation(f, path_of(f)) + "\n" for f in result.findings)


@hookimpl
def newslint_register_formats():
    return [Format("github", "GitHub Actions workflow commands (annotations on pull requests)", render)]
