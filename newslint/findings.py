"""Findings: what a check reports, and where.

A check creates a Finding with character offsets into the document's original
text. The engine then fills in ``path`` and ``location`` (line and column in code
points and in UTF-16 code units), so every output format reads the same numbers.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Severity(enum.IntEnum):
    """How much a finding matters; ordered so that ``>=`` compares with a fail level."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return _SEVERITY_NAMES[self]  # reports ask for every finding's; ``self.name`` is a slow property


_SEVERITY_NAMES = {severity: severity.name.lower() for severity in Severity}


class Location(NamedTuple):
    """1-based positions of a span; end columns are exclusive (as in SARIF)."""

    line: int
    column: int
    end_line: int
    end_column: int
    column_utf16: int
    end_column_utf16: int


@dataclass(slots=True)
class Finding:
    """One problem in one document.

    ``start``/``end`` are offsets (code points) into the original text.
    ``replacement``, when given, is the text proposed in place of ``text[start:end]``;
    ``fixable`` says whether ``--fix`` may apply it without a human looking.
    ``properties`` carries machine-readable extras (scores, the matched variant...)
    that appear in JSON and SARIF output.
    """

    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    replacement: str | None = None
    fixable: bool = False
    properties: dict[str, Any] = field(default_factory=dict)
    path: str = ""
    location: Location | None = None
    source_line: str = ""
    #: Position-independent identity (see ``newslint.fingerprints``), set by the engine.
    fingerprint: str = ""

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, self.rule, self.message)


#: Rule ids newslint itself reports; any of them makes the run exit 2.
INTERNAL_ERROR = "internal-error"
INPUT_ERROR = "input-error"
#: A warning, not an error: the file was read, with a guess at its encoding.
INPUT_ENCODING = "input-encoding"
UNUSED_SUPPRESSION = "unused-suppression"
EXIT_2_RULES = frozenset({INTERNAL_ERROR, INPUT_ERROR})


def internal_error(check_id: str, path: str, exc: BaseException) -> Finding:
    """The finding that stands in for a check that crashed, so the run can go on."""
    detail = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    return Finding(
        rule=INTERNAL_ERROR,
        severity=Severity.ERROR,
        message=f"Check {check_id} crashed on {path or 'the corpus'}: {detail}. Please report this bug.",
        start=0,
        end=0,
        path=path,
        properties={"check": check_id},
    )
