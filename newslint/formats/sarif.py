"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and editors' SARIF viewers.

One run. ``tool.driver.rules`` describes every registered check (help from its
docs) plus newslint's own pseudo-rules, so each result's ``ruleIndex`` points at
its rule. Each result has one location: a URI relative to the source root
(``%SRCROOT%``: the enclosing git work tree, else the current folder; files
outside it get an absolute ``file:`` URI) and a region in UTF-16 code units, as
the run's ``columnKind`` says, ending one past the last character.

``partialFingerprints`` carries GitHub's ``primaryLocationLineHash`` (computed
from the file on disk the way GitHub's upload tooling would) and newslint's
content fingerprint, which survives the text moving to another line. Findings
with a replacement get a ``fixes`` entry, which the VS Code SARIF viewer offers
as a quick fix. Crashed checks and unreadable files are also reported as
notifications on the invocation, whose ``executionSuccessful`` is then false.
"""
from __future__ import annotations

import datetime as _dt
import os
import shlex
from pathlib import Path
from urllib.parse import quote

from newslint.checks.base import Check
from newslint.findings import (
    EXIT_2_RULES,
    INPUT_ENCODING,
    INPUT_ERROR,
    INTERNAL_ERROR,
    UNUSED_SUPPRESSION,
    Finding,
    Severity,
)
from newslint.fingerprints import GithubLineHashes, fingerprint_of
from newslint.formats import Format, RenderContext, json_lines, shown_end
from newslint.hookspecs import hookimpl

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
INFORMATION_URI = "https://pypi.org/project/newslint/"
#: Name of newslint's own entry in ``partialFingerprints`` (versioned, as SARIF advises).
CONTENT_FINGERPRINT = "newslintContent/v1"
LINE_HASH = "primaryLocationLineHash"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

#: Rules newslint reports about itself rather than about the writing.
_OWN_RULES = {
    INTERNAL_ERROR: (
        Severity.ERROR,
        "A check crashed; the rest of the run went on.",
        "A bug in newslint or a plugin: one check raised an exception on this file, so its findings "
        "for the file are missing. The run exits with code 2. Please report it with the file.",
    ),
    INPUT_ERROR: (
        Severity.ERROR,
        "A file could not be read or parsed.",
        "The file is missing, unreadable, binary or not text newslint can parse, so it was not checked. "
        "The run exits with code 2.",
    ),
    INPUT_ENCODING: (
        Severity.WARNING,
        "A file is not valid UTF-8; newslint guessed its encoding.",
        "The file was read as Windows-1252 or Latin-1. Characters may be wrong; save the file as UTF-8.",
    ),
    UNUSED_SUPPRESSION: (
        Severity.INFO,
        "A newslint-disable comment suppresses nothing.",
        "The suppression comment no longer matches any finding; delete it so it does not hide a future one.",
    ),
}


def find_source_root(start: str | os.PathLike) -> Path:
    """The folder that repository-relative paths start from: the enclosing git work tree, else ``start``."""
    here = Path(os.path.abspath(start))
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def relative_to_root(path: str, cwd: Path, root: Path) -> str | None:
    """``path`` (as newslint printed it, relative to ``cwd``) relative to ``root``, or None if outside."""
    absolute = Path(os.path.abspath(cwd / path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return None


class _Artifacts:
    """Turns finding paths into SARIF artifact locations and GitHub line hashes, once per file."""

    def __init__(self, ctx: RenderContext) -> None:
        self.cwd = Path(os.path.abspath(ctx.root))
        self.root = find_source_root(self.cwd)
        self._hashes: dict[str, GithubLineHashes | None] = {}
        self._locations: dict[str, dict] = {}

    def location(self, path: str) -> dict:
        known = self._locations.get(path)
        if known is None:
            relative = relative_to_root(path, self.cwd, self.root)
            if relative is None:
                known = {"uri": Path(os.path.abspath(self.cwd / path)).as_uri()}
            else:
                known = {"uri": quote(relative, safe="/"), "uriBaseId": SRCROOT}
            self._locations[path] = known
        return dict(known)

    def line_hash(self, path: str, line: int) -> str | None:
        """GitHub's hash of ``line`` in the file as it is on disk (None for standard input)."""
        if path not in self._hashes:
            try:
                raw = (self.cwd / path).read_bytes()
            except OSError:
                raw = None
            # GitHub reads files as UTF-8 with replacement characters and keeps a byte-order mark.
            self._hashes[path] = GithubLineHashes(raw.decode("utf-8", "replace")) if raw is not None else None
        hashes = self._hashes[path]
        return hashes.get(line) if hashes is not None else None

    def base_ids(self) -> dict:
        return {SRCROOT: {"uri": self.root.as_uri().rstrip("/") + "/"}}


def _rule_name(rule_id: str) -> str:
    """A CamelCase name for a kebab-case id ("web-debris/ad-slot" becomes "WebDebris/AdSlot")."""
    return "/".join("".join(w.capitalize() for w in part.split("-") if w) for part in rule_id.split("/"))


def _check_descriptor(check: Check) -> dict:
    docs = getattr(check, "docs", None)  # a third-party check may not document itself
    summary = check.summary or (docs.flags if docs else "") or f"Reported by {check.id}."
    tags = [check.category or "general", "editorial"]
    if check.fix_safe:
        tags.append("fixable")
    return {
        "id": check.id,
        "name": _rule_name(check.id),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": f"{docs.flags} {docs.why}".strip() if docs else summary},
        "help": {"text": docs.as_text(), "markdown": docs.as_markdown()} if docs else {"text": summary, "markdown": summary},
        "helpUri": f"{INFORMATION_URI}#{quote(check.id, safe='')}",
        "defaultConfiguration": {"level": _LEVELS[check.severity], "enabled": check.enabled_by_default},
        "properties": {"tags": tags},
    }


def _own_descriptor(rule_id: str) -> dict:
    severity, short, full = _OWN_RULES.get(rule_id, (Severity.WARNING, f"Reported by {rule_id}.", ""))
    return {
        "id": rule_id,
        "name": _rule_name(rule_id),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full or short},
        "help": {"text": f"{short}\n\n{full}".strip() + "\n", "markdown": f"**{short}**\n\n{full}".strip() + "\n"},
        "helpUri": f"{INFORMATION_URI}#{quote(rule_id, safe='')}",
        "defaultConfiguration": {"level": _LEVELS[severity]},
        "properties": {"tags": ["newslint"]},
    }


def _span(f: Finding) -> dict:
    """The finding's exact span as a SARIF region (UTF-16 columns, end exclusive)."""
    loc = f.location
    assert loc is not None
    return {
        "startLine": loc.line,
        "startColumn": loc.column_utf16,
        "endLine": loc.end_line,
        "endColumn": loc.end_column_utf16,
    }


def _region(f: Finding) -> dict:
    """The region shown to the reader (see :func:`newslint.formats.shown_end`), with its snippet."""
    loc = f.location
    assert loc is not None
    region = _span(f)
    end = loc.end_column - 1 if loc.end_line == loc.line else None
    region["endLine"], region["endColumn"] = shown_end(f)
    if region["endLine"] != loc.end_line:  # the span ended with its line break
        end = len(f.source_line)
    if end is not None:
        region["snippet"] = {"text": f.source_line[loc.column - 1 : end]}
    return region


def _fix(f: Finding, artifact: dict) -> dict:
    replacement: dict = {"deletedRegion": _span(f)}
    if f.replacement:
        replacement["insertedContent"] = {"text": f.replacement}
        description = f"Replace with '{f.replacement}'"
    else:
        description = "Delete the flagged text"
    return {
        "description": {"text": description + (" (safe to apply automatically)" if f.fixable else "")},
        "artifactChanges": [{"artifactLocation": artifact, "replacements": [replacement]}],
    }


def _result(f: Finding, index: int, artifacts: _Artifacts, repeats: dict[tuple, int]) -> dict:
    result: dict = {"ruleId": f.rule, "ruleIndex": index, "level": _LEVELS[f.severity], "message": {"text": f.message}}
    if f.path:
        artifact = artifacts.location(f.path)
        physical: dict = {"artifactLocation": artifact}
        region = _region(f) if f.location is not None else None
        if region is not None:
            physical["region"] = region
        result["locations"] = [{"physicalLocation": physical}]
        if region is not None:
            fingerprint = fingerprint_of(f)
            key = (f.path, f.rule, fingerprint)
            repeats[key] = repeats.get(key, 0) + 1
            prints = {CONTENT_FINGERPRINT: f"{fingerprint}:{repeats[key]}"}
            line_hash = artifacts.line_hash(f.path, region["startLine"])
            if line_hash is not None:
                prints[LINE_HASH] = line_hash
            result["partialFingerprints"] = prints
            if f.replacement is not None:
                result["fixes"] = [_fix(f, artifact)]
    properties = {**f.properties, "fixable": f.fixable}
    result["properties"] = properties
    return result


def _notification(f: Finding, rule_index: dict[str, int], artifacts: _Artifacts) -> dict:
    note: dict = {"level": "error", "message": {"text": f.message}, "descriptor": {"id": f.rule}}
    check = f.properties.get("check")
    if check in rule_index:
        note["associatedRule"] = {"id": check, "index": rule_index[check]}
    if f.path:
        note["locations"] = [{"physicalLocation": {"artifactLocation": artifacts.location(f.path)}}]
    return note


def render(result, ctx: RenderContext) -> str:
    artifacts = _Artifacts(ctx)
    checks = result.checks
    rules = [_check_descriptor(checks[rule_id]) for rule_id in sorted(checks)]
    extra = sorted({*_OWN_RULES, *(f.rule for f in result.findings if f.rule not in checks)} - set(checks))
    rules.extend(_own_descriptor(rule_id) for rule_id in extra)
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}

    repeats: dict[tuple, int] = {}
    results = [_result(f, rule_index[f.rule], artifacts, repeats) for f in result.findings]
    failures = [f for f in result.findings if f.rule in EXIT_2_RULES]
    invocation: dict = {
        "executionSuccessful": not failures,
        "exitCode": result.exit_code(),
        "workingDirectory": {"uri": artifacts.cwd.as_uri().rstrip("/") + "/"},
    }
    if ctx.invocation:
        invocation["commandLine"] = " ".join(shlex.quote(a) for a in ctx.invocation)
        invocation["arguments"] = list(ctx.invocation[1:])
    if failures:
        invocation["toolExecutionNotifications"] = [_notification(f, rule_index, artifacts) for f in failures]

    dates = [
        {
            "artifactLocation": artifacts.location(r.path),
            "publicationDate": r.publication_date.isoformat() if r.publication_date else None,
            "source": r.date_source,
        }
        for r in result.files
        if r.checked
    ]
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    run = {
        "tool": {
            "driver": {
                "name": "newslint",
                **({"version": ctx.version, "semanticVersion": ctx.version} if ctx.version else {}),
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "automationDetails": {"id": f"newslint/{stamp}"},
        "originalUriBaseIds": artifacts.base_ids(),
        "columnKind": "utf16CodeUnits",
        "invocations": [invocation],
        "results": results,
        "properties": {"publicationDates": dates},
    }
    document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    # One result per line (the tool with its rules on one line too): an indented dump of a
    # large archive's results took seconds.
    return json_lines(document, expand=4) + "\n"


@hookimpl
def newslint_register_formats():
    return [Format("sarif", "SARIF 2.1.0 for GitHub code scanning and SARIF viewers", render)]
