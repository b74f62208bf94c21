"""``newslint check --fix`` and ``--diff``: apply the replacements that are safe.

Only findings marked ``fixable`` are applied (house-style substitutions, removal
of web debris); other suggestions wait for an editor. Replacements that overlap
are never combined: the earliest one wins and the rest wait for the next round.
After each round the file is checked again, because removing one line of debris
can leave another to fix; rounds stop when nothing changes (at most
``MAX_ROUNDS``), so a second ``--fix`` finds nothing to do.

Files are written only by ``--fix``, only when their text changed, and
atomically: a temporary file in the same folder, then ``os.replace``, keeping
the original permissions and byte-order mark. ``--diff`` prints a unified diff
of the same changes and writes nothing. Files that are not UTF-8 are left
alone, since writing them back would change their encoding.
"""
from __future__ import annotations

import codecs
import contextlib
import difflib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from newslint.findings import Finding
from newslint.markup import kind_for_path

if TYPE_CHECKING:  # pragma: no cover
    from newslint.engine import Linter, RunResult

MAX_ROUNDS = 10


@dataclass
class FileFix:
    """The text of one file before and after its safe fixes."""

    path: str  # as newslint prints it
    original: str
    fixed: str
    applied: int  # replacements made, over all rounds
    bom: bool = False


def safe_edits(findings: Iterable[Finding], length: int) -> list[tuple[int, int, str]]:
    """The fixable replacements that can be made together, in text order.

    Sorted by position, an edit is kept only if it starts at or after the end of
    the last kept one; two insertions at the same point are ambiguous, so only
    the first is kept. Identical edits reported twice count once.
    """
    wanted = sorted(
        {(f.start, f.end, f.replacement) for f in findings if f.fixable and f.replacement is not None},
        key=lambda e: (e[0], -e[1], e[2]),
    )
    kept: list[tuple[int, int, str]] = []
    for start, end, replacement in wanted:
        if not 0 <= start <= end <= length:
            continue
        if kept:
            last_start, last_end, _ = kept[-1]
            if start < last_end or (start == end == last_start == last_end):
                continue
        kept.append((start, end, replacement))
    return kept


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with non-overlapping ``edits`` (sorted by position) applied.

    Building the result from the pieces between edits is the same as applying
    them from the end, without copying the text once per edit.
    """
    pieces: list[str] = []
    position = 0
    for start, end, replacement in edits:
        pieces += [text[position:start], replacement]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def fix_text(linter: "Linter", path: str, text: str, findings: list[Finding], file_path: Path | None) -> tuple[str, int]:
    """Apply safe fixes to ``text`` round by round; returns the new text and the number applied."""
    applied = 0
    kind = kind_for_path(path)
    for _ in range(MAX_ROUNDS):
        edits = safe_edits(findings, len(text))
        if not edits:
            break
        fixed = apply_edits(text, edits)
        if fixed == text:
            break
        text, applied = fixed, applied + len(edits)
        findings = linter.lint_text(path, text, kind, file_path=file_path).findings
    return text, applied


class FixSkipped(Exception):
    """A file with fixes that newslint will not rewrite (the reason is the message)."""


def read_for_fix(path: Path) -> tuple[str, bool]:
    """The file's text and whether it starts with a UTF-8 byte-order mark; only UTF-8 is fixed."""
    raw = path.read_bytes()
    bom = raw.startswith(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8-sig"), bom
    except UnicodeDecodeError:
        raise FixSkipped("it is not UTF-8, and rewriting it would change its encoding") from None


def plan_fixes(linter: "Linter", result: "RunResult", stdin_name: str | None = None, stdin_text: str | None = None) -> tuple[list[FileFix], list[str]]:
    """Work out every file's fixed text without writing anything.

    Returns the files whose text would change and notes about files skipped.
    ``stdin_name`` is the display name of standard input, whose text is given.
    """
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        if finding.fixable and finding.replacement is not None and finding.path:
            by_path.setdefault(finding.path, []).append(finding)
    fixes: list[FileFix] = []
    notes: list[str] = []
    for path, findings in by_path.items():
        bom = False
        if stdin_name is not None and path == stdin_name:
            text, file_path = stdin_text or "", None
        else:
            file_path = Path(path)
            try:
                text, bom = read_for_fix(file_path)
            except FixSkipped as exc:
                notes.append(f"not fixing {path}: {exc}")
                continue
            except OSError as exc:
                notes.append(f"not fixing {path}: cannot read it ({exc.strerror or exc})")
                continue
        fixed, applied = fix_text(linter, path, text, findings, file_path)
        if fixed != text:
            fixes.append(FileFix(path, text, fixed, applied, bom))
    return fixes, notes


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file's content in one step, so a crash never leaves half an article.

    The temporary file lives in the same folder (``os.replace`` cannot cross file
    systems) and gets the original's permission bits. A symbolic link is
    followed, so the link stays a link.
    """
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else _default_mode()
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint-fix", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _default_mode() -> int:
    """The permissions a new file gets from the user's umask (mkstemp would use 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_fixes(fixes: list[FileFix]) -> list[str]:
    """Write each changed file; returns one line per file that could not be written."""
    errors = []
    for fix in fixes:
        data = fix.fixed.encode("utf-8")
        try:
            write_atomically(Path(fix.path), (codecs.BOM_UTF8 + data) if fix.bom else data)
        except OSError as exc:
            errors.append(f"cannot write {fix.path}: {exc.strerror or exc}")
    return errors


def unified_diff(fixes: list[FileFix]) -> str:
    """A unified diff of every change, ``a/`` and ``b/`` prefixed as ``git apply`` expects."""
    out: list[str] = []
    for fix in fixes:
        lines = difflib.unified_diff(
            fix.original.splitlines(keepends=True),
            fix.fixed.splitlines(keepends=True),
            fromfile=f"a/{fix.path}",
            tofile=f"b/{fix.path}",
        )
        for line in lines:
            out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
