"""Baselines: adopt newslint in an existing archive without fixing every old article first.

``newslint check --write-baseline FILE`` records today's findings; later runs
with ``--baseline FILE`` report only findings that are not in it. A finding is
recognised by its file, its rule and its content fingerprint
(:mod:`newslint.fingerprints`), never by its line, so moving a paragraph or
adding text above it does not make old findings new. Identical findings are
counted: if the baseline holds two and the article now has three, one is new.

Paths in the file are relative to the baseline's own folder, so the same
baseline works from any working directory. Input errors and crashes are never
recorded or hidden.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path

from newslint.config import ConfigError
from newslint.findings import EXIT_2_RULES, Finding
from newslint.fingerprints import fingerprint_of
from newslint.fix import write_atomically

FORMAT_KEY = "newslint_baseline"
FORMAT_VERSION = 1

Key = tuple[str, str, str]


class BaselineError(ConfigError):
    """The baseline file is missing, unreadable or not a newslint baseline."""


def _key(finding: Finding, folder: Path, cwd: Path) -> Key:
    path = Path(os.path.relpath(os.path.abspath(cwd / finding.path), folder)).as_posix()
    return (path, finding.rule, fingerprint_of(finding))


def _recordable(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule not in EXIT_2_RULES and f.path]


def write_baseline(file: Path, findings: list[Finding], cwd: Path | None = None) -> int:
    """Record ``findings`` in ``file`` (atomically); returns how many were recorded."""
    cwd = cwd or Path.cwd()
    folder = Path(os.path.abspath(file)).parent
    entries = []
    for finding in _recordable(findings):
        path, rule, fingerprint = _key(finding, folder, cwd)
        line = finding.location.line if finding.location else None
        # line and message are for the reader of the file; matching ignores them
        entries.append({"path": path, "rule": rule, "fingerprint": fingerprint, "line": line, "message": finding.message})
    entries.sort(key=lambda e: (e["path"], e["rule"], e["line"] or 0, e["fingerprint"]))
    payload = {FORMAT_KEY: FORMAT_VERSION, "findings": entries}
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    try:
        write_atomically(Path(file), text.encode("utf-8"))
    except OSError as exc:
        raise BaselineError(f"cannot write baseline {file}: {exc.strerror or exc}") from None
    return len(entries)


class Baseline:
    """The findings recorded in a baseline file, as a multiset of (path, rule, fingerprint)."""

    def __init__(self, file: Path, known: Counter) -> None:
        self.file = file
        self.folder = Path(os.path.abspath(file)).parent
        self.known = known

    @classmethod
    def load(cls, file: Path) -> "Baseline":
        try:
            text = Path(file).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise BaselineError(f"baseline {file} does not exist (create it with --write-baseline)") from None
        except UnicodeDecodeError:
            raise BaselineError(f"baseline {file} is not a newslint baseline (not UTF-8 text)") from None
        except OSError as exc:
            raise BaselineError(f"cannot read baseline {file}: {exc.strerror or exc}") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BaselineError(f"baseline {file} is not valid JSON (line {exc.lineno}: {exc.msg})") from None
        if not isinstance(data, dict) or FORMAT_KEY not in data:
            raise BaselineError(f"{file} is not a newslint baseline (no {FORMAT_KEY!r} key)")
        if data[FORMAT_KEY] != FORMAT_VERSION:
            raise BaselineError(
                f"baseline {file} has format {data[FORMAT_KEY]!r}; this newslint reads format {FORMAT_VERSION}"
            )
        entries = data.get("findings")
        if not isinstance(entries, list):
            raise BaselineError(f"baseline {file}: 'findings' must be a list")
        known: Counter = Counter()
        for index, entry in enumerate(entries):
            fields = [entry.get(k) for k in ("path", "rule", "fingerprint")] if isinstance(entry, dict) else []
            if len(fields) != 3 or not all(isinstance(v, str) and v for v in fields):
                raise BaselineError(f"baseline {file}: findings[{index}] needs 'path', 'rule' and 'fingerprint' strings")
            known[tuple(fields)] += 1
        return cls(file, known)

    def split(self, findings: list[Finding], cwd: Path | None = None) -> tuple[list[Finding], int, int]:
        """``(new findings, how many were known, how many recorded ones no longer occur)``."""
        cwd = cwd or Path.cwd()
        remaining = Counter(self.known)
        new: list[Finding] = []
        for finding in findings:
            if finding.rule in EXIT_2_RULES or not finding.path:
                new.append(finding)
                continue
            key = _key(finding, self.folder, cwd)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                new.append(finding)
        hidden = len(findings) - len(new)
        return new, hidden, sum(remaining.values())


def apply_baseline(result, baseline: Baseline, cwd: Path | None = None):
    """A copy of the run's result without the findings the baseline knows; plus the two counts."""
    new, hidden, gone = baseline.split(result.findings, cwd)
    keep = {id(f) for f in new}
    files = [replace(r, findings=[f for f in r.findings if id(f) in keep]) for r in result.files]
    return replace(result, findings=new, files=files), hidden, gone
