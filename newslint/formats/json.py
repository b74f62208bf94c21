"""``--format json``: every finding with its exact span, under a versioned schema.

The schema is ``newslint/formats/json-schema.json`` (JSON Schema draft 2020-12).
``schema_version`` changes when a field is removed or changes meaning; new
fields may be added without a change.
"""
from __future__ import annotations

from collections import Counter

from newslint.findings import Finding
from newslint.formats import Format, RenderContext, json_lines
from newslint.hookspecs import hookimpl

SCHEMA_VERSION = 1


def finding_to_dict(f: Finding) -> dict:
    loc = f.location
    return {
        "rule": f.rule,
        "severity": str(f.severity),
        "message": f.message,
        "path": f.path,
        "start": f.start,
        "end": f.end,
        "line": loc.line if loc else None,
        "column": loc.column if loc else None,
        "end_line": loc.end_line if loc else None,
        "end_column": loc.end_column if loc else None,
        "column_utf16": loc.column_utf16 if loc else None,
        "end_column_utf16": loc.end_column_utf16 if loc else None,
        "replacement": f.replacement,
        "fixable": f.fixable,
        "properties": f.properties,
    }


def render(result, ctx: RenderContext) -> str:
    counts = {str(severity): n for severity, n in Counter(f.severity for f in result.findings).items()}
    payload = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "newslint", "version": ctx.version},
        "files": [
            {
                "path": r.path,
                "checked": r.checked,
                "publication_date": r.publication_date.isoformat() if r.publication_date else None,
                "publication_date_source": r.date_source,
                **({"statistics": r.statistics} if r.statistics is not None else {}),
            }
            for r in result.files
        ],
        "findings": [finding_to_dict(f) for f in result.findings],
        "summary": {"findings": len(result.findings), "by_severity": counts, "exit_code": result.exit_code()},
    }
    return json_lines(payload, expand=2) + "\n"


@hookimpl
def newslint_register_formats():
    return [Format("json", "Findings as JSON (versioned schema)", render)]
