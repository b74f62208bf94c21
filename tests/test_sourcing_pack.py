"""rules/sourcing.yaml: its shape, and every example it carries fires or stays silent as labelled."""
from __future__ import annotations

import re

import pytest

from newslint.checks.rulepacks import backtracking_risk, builtin_pack_files
from newslint.engine import lint_text
from newslint.resources import load_rules_file

DATA = load_rules_file("sourcing.yaml")
SECTIONS = {"statistics": "unsourced-statistic", "vague_attribution": "vague-attribution"}


def _examples(outcome: str) -> list[tuple[str, str]]:
    return [(rule, text) for section, rule in SECTIONS.items() for text in DATA[section]["examples"][outcome]]


def test_every_list_is_a_list_of_strings():
    for section in SECTIONS:
        for key, value in DATA[section].items():
            if key == "examples":
                assert value["fire"] and value["quiet"], f"{section} needs examples both ways"
                continue
            assert isinstance(value, list) and value, f"{section}.{key} must be a non-empty list"
            assert all(isinstance(v, str) for v in value), f"{section}.{key}: YAML read a non-string (quote it)"


def test_phrases_are_safe_regular_expressions():
    for pattern in DATA["vague_attribution"]["phrases"]:
        assert backtracking_risk(pattern) is None, pattern
        assert re.compile(pattern).pattern == pattern


def test_the_data_file_is_not_mistaken_for_a_declarative_pack():
    assert all(path.name != "sourcing.yaml" for path in builtin_pack_files())


@pytest.mark.parametrize("rule, text", _examples("fire"))
def test_fire_examples_fire(rule, text):
    assert [f for f in lint_text(text, select=[rule]) if f.rule == rule], f"{rule} should fire on {text!r}"


@pytest.mark.parametrize("rule, text", _examples("quiet"))
def test_quiet_examples_stay_silent(rule, text):
    found = [f.message for f in lint_text(text, select=[rule]) if f.rule == rule]
    assert not found, f"{rule} should stay silent on {text!r}: {found}"
