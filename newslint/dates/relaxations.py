"""Rewrites ``newslint/dates/relaxations.json``, the relaxations shipped for the date checks and packs.

Run ``python -m newslint.dates.relaxations`` after changing a date pattern, a built-in event cue
(``rules/events.yaml``), a built-in rule pack, ``newslint/dates/prefilter.py`` or the Python
version; test_dates_relaxations fails until then. A stale file only costs time: a relaxation it
lacks, or every one when the prefilter's source or the Python version differs from the file's
key, is worked out at run time.
"""
from __future__ import annotations

import json

from newslint.dates.prefilter import SHIPPED_FILE, relaxation_table
from newslint.resources import write_shipped


def project_patterns() -> list[tuple[str, int]]:
    """The (pattern, flags) pairs newslint relaxes: the date expressions, the built-in event cues
    and their ``requires`` patterns (checked once loaded), the date checks' prefiltered patterns,
    and the patterns of the built-in rule packs."""
    from newslint.checks.dates import PREFILTERED
    from newslint.checks.rulepacks import builtin_pack_files, load_pack
    from newslint.dates.expressions import _PATTERNS
    from newslint.resources import load_rules_file

    patterns = [(pattern, 0) for _, pattern in _PATTERNS]
    for event in load_rules_file("events.yaml")["events"]:
        patterns.append((event["cue"], 0))
        if event.get("requires"):
            patterns.append((event["requires"], 0))
    patterns += [(pattern.pattern, pattern.flags) for pattern in PREFILTERED]
    packs = [rule.matcher for path in builtin_pack_files() for rule in load_pack(path, builtin=True)]
    patterns += [(matcher.pattern, matcher.flags) for matcher in packs]
    return patterns


def table_text() -> str:
    """The text :data:`~newslint.dates.prefilter.SHIPPED_FILE` should hold."""
    table = relaxation_table(project_patterns())
    rows = ",\n".join(json.dumps(row) for row in table["relaxations"])
    return f'{{"key": {json.dumps(table["key"])}, "relaxations": [\n{rows}\n]}}\n'


def main() -> None:
    write_shipped(SHIPPED_FILE, table_text())
    print(f"wrote {SHIPPED_FILE}")


if __name__ == "__main__":
    main()
