"""Every registered check documents itself, and its documented example really fires."""
from __future__ import annotations

import pytest

from conftest import run_cli
from newslint.engine import Linter, RunOptions, lint_text


def registered_checks():
    linter = Linter(RunOptions(entry_points=False))
    linter.prepare([linter.config_for(None)])
    return list(linter.checks.values())


CHECKS = registered_checks()


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_check_metadata_is_complete(check):
    assert check.id and check.id == check.id.lower() and " " not in check.id
    assert check.summary.strip(), "one-line summary"
    for part in ("flags", "why", "example", "better"):
        assert getattr(check.docs, part).strip(), f"docs.{part}"
    for option in check.options:
        assert option.help.strip(), f"option {option.name} needs help text"
        assert option.coerce(option.default) == option.default


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_documented_example_fires_and_better_version_is_silent(check):
    fired = [f for f in lint_text(check.docs.example, select=[check.id], date=check.docs.date) if f.rule == check.id]
    assert fired, f"{check.id}: the documented example should fire: {check.docs.example!r}"
    quiet = [f for f in lint_text(check.docs.better, select=[check.id], date=check.docs.date) if f.rule == check.id]
    assert not quiet, f"{check.id}: the better version should be silent: {[f.message for f in quiet]}"


def test_explain_prints_every_part_of_a_checks_docs():
    check = next(c for c in CHECKS if not c.id.startswith("web-debris/")) if len(CHECKS) > 5 else CHECKS[0]
    text = run_cli("explain", check.id).stdout.decode()
    assert check.summary in text
    assert check.docs.example.splitlines()[0] in text and check.docs.why.splitlines()[0] in text
