"""``--format text``: the terminal view, like a code linter's.

Each finding is ``path:line:col: severity [rule-id] message`` followed by the
source line with the span underlined; findings are grouped by file and a
summary closes the report. Colour is used only when asked for by the caller
(on a terminal and without ``NO_COLOR``). Very long lines are shown as a
window around the span, and the underline accounts for wide and combining
characters.
"""
from __future__ import annotations

import unicodedata
from collections import Counter

from newslint.findings import Finding, Severity
from newslint.formats import Format, RenderContext
from newslint.hookspecs import hookimpl

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_WINDOW_BEFORE = 50
_WINDOW_AFTER = 30
_MAX_UNDERLINE = 90


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _width(text: str) -> int:
    """Terminal columns: wide East Asian characters take two, combining marks none."""
    if text.isascii():  # no wide or combining character: one column each
        return len(text)
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\u200b\u200d\ufe0f":
            continue
        total += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return total


def _snippet(f: Finding) -> tuple[str, str] | None:
    """The source line (or a window of it) and the underline beneath the span."""
    loc = f.location
    if loc is None or not f.source_line.strip():
        return None
    line = f.source_line.replace("\t", " ")
    start = loc.column - 1
    end = loc.end_column - 1 if loc.end_line == loc.line else len(line)
    end = max(min(end, len(line)), start + 1)
    visible_end = min(end, start + _MAX_UNDERLINE)  # a paragraph-long span shows its start
    left = max(0, start - _WINDOW_BEFORE)
    right = min(len(line), visible_end + _WINDOW_AFTER)
    prefix = "\u2026" if left > 0 else ""
    suffix = "\u2026" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    pad = _width(prefix + line[left:start])
    marks = max(1, _width(line[start:visible_end]))
    return shown, " " * pad + "^" * marks


def render(result, ctx: RenderContext) -> str:
    out: list[str] = []
    color = ctx.color
    current = None
    for f in result.findings:
        if f.path != current:
            if current is not None:
                out.append("")
            current = f.path
        loc = f.location
        where = f"{f.path}:{loc.line}:{loc.column}" if loc else f.path
        severity = _paint(str(f.severity), _COLORS[f.severity], color)
        rule = _paint(f"[{f.rule}]", "2", color)
        out.append(f"{_paint(where, '1', color)}: {severity} {rule} {f.message}")
        snippet = _snippet(f)
        if snippet:
            number = str(loc.line)
            gutter = " " * len(number)
            out.append(f"  {number} | {snippet[0]}")
            out.append(f"  {gutter} | {_paint(snippet[1], _COLORS[f.severity], color)}")
        if f.replacement is not None and f.replacement != "":
            out.append(f"  {' ' * len(str(loc.line if loc else ''))} = suggestion: {f.replacement}")
    out.append(summary(result, color))
    return "\n".join(out) + "\n"


def summary(result, color: bool = False) -> str:
    checked = sum(1 for r in result.files if r.checked)
    if not result.findings:
        return _paint(f"No problems found in {checked} file{'s' if checked != 1 else ''}.", "32", color)
    by_severity = Counter(f.severity for f in result.findings)
    parts = [f"{by_severity[s]} {s}{'s' if by_severity[s] != 1 and s != Severity.INFO else ''}"
             for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if by_severity[s]]
    files_with = len({f.path for f in result.findings})
    n = len(result.findings)
    lines = [
        "",
        _paint(
            f"Found {n} finding{'s' if n != 1 else ''} ({', '.join(parts)}) in {files_with} of {checked} "
            f"file{'s' if checked != 1 else ''}.",
            "1",
            color,
        ),
    ]
    by_rule = Counter(f.rule for f in result.findings)
    width = max(len(r) for r in by_rule)
    for rule, count in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {rule.ljust(width)}  {count}")
    return "\n".join(lines)


@hookimpl
def newslint_register_formats():
    return [Format("text", "Human-readable report for the terminal (default)", render)]
