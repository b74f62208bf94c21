"""The relaxations shipped in ``newslint/dates/relaxations.json`` are the ones ``relax`` works out.

Start-up reads the date patterns' relaxations from that file instead of walking their parse trees;
these tests hold the file to the computation, and fail when it is stale (refresh it with
``python -m newslint.dates.relaxations``).
"""
from __future__ import annotations

import json
import random
import re

import pytest

from newslint.dates import prefilter
from newslint.dates.expressions import _PATTERNS
from newslint.dates.knowledge import build_events, load_events
from newslint.dates.prefilter import (
    SHIPPED_FILE,
    parse,
    relax,
    relax_literal,
    relax_tree,
    relax_valid,
    relaxation_key,
    shipped_relaxations,
    view_char,
)
from newslint.dates.relaxations import project_patterns, table_text


def test_shipped_file_is_current():
    made_with = json.loads(SHIPPED_FILE.read_text(encoding="utf-8"))["key"]["python"]
    if made_with != relaxation_key()["python"]:
        pytest.skip(f"relaxations.json is made with Python {made_with}")
    assert SHIPPED_FILE.read_text(encoding="utf-8") == table_text(), (
        "newslint/dates/relaxations.json is stale: run python -m newslint.dates.relaxations"
    )


def test_every_shipped_relaxation_is_what_the_parse_tree_gives():
    shipped = shipped_relaxations()
    if not shipped:
        pytest.skip("relaxations.json is made with another Python (see test_shipped_file_is_current)")
    assert len(shipped) == len(set(project_patterns()))
    for (pattern, flags), relaxed in shipped.items():
        assert relaxed == relax_tree(parse(pattern, flags)), pattern


def test_the_project_patterns_are_all_shipped():
    shipped = shipped_relaxations()
    if not shipped:
        pytest.skip("relaxations.json is made with another Python (see test_shipped_file_is_current)")
    for pattern, flags in project_patterns():
        assert (pattern, flags) in shipped, pattern
    assert all(relax(pattern) == shipped[pattern, 0] for _, pattern in _PATTERNS)
    assert all(event.relaxed == shipped[event.cue.pattern, 0] for event in load_events())


@pytest.fixture
def stale_table(monkeypatch):
    """The shipped file as if made by another version of the prefilter."""
    key = dict(relaxation_key(), prefilter="0:00000000")
    monkeypatch.setattr(prefilter, "relaxation_key", lambda: key)
    shipped_relaxations.cache_clear()
    yield
    monkeypatch.undo()
    shipped_relaxations.cache_clear()


def test_a_stale_table_is_not_read(stale_table):
    assert shipped_relaxations() == {}
    pattern = _PATTERNS[0][1]
    assert relax(pattern) == relax_tree(parse(pattern))


def test_a_missing_or_broken_file_is_not_read(monkeypatch, tmp_path):
    for content in (None, "{not json", json.dumps(["a list"])):
        path = tmp_path / "relaxations.json"
        if content is not None:
            path.write_text(content, encoding="utf-8")
        monkeypatch.setattr(prefilter, "SHIPPED_FILE", path)
        shipped_relaxations.cache_clear()
        assert shipped_relaxations() == {}
    monkeypatch.undo()
    shipped_relaxations.cache_clear()


def test_patterns_not_shipped_are_relaxed_and_checked_as_before():
    assert relax(r"(?i)\bnot\s+shipped\b") == relax_tree(parse(r"(?i)\bnot\s+shipped\b"))
    assert relax("(unbalanced") is None
    with pytest.raises(re.error):
        relax_valid("(unbalanced")


def test_a_bad_event_cue_is_still_refused():
    from newslint.dates.knowledge import KnowledgeError

    entry = {"id": "x", "name": "x", "date": "2020-01-01", "cue": "(unbalanced"}
    with pytest.raises(KnowledgeError, match="bad regular expression"):
        build_events([("extra.yaml", {"events": [entry]})])
    entry = dict(entry, cue="fine", requires="[unclosed")
    with pytest.raises(KnowledgeError, match="bad regular expression"):
        build_events([("extra.yaml", {"events": [entry]})])


def test_relax_literal_escapes_each_character_as_the_view_has_it():
    rng = random.Random(5)
    alphabet = [chr(i) for i in range(300)] + ["\u017f", "\u0131", "\u0130", "\u212a", "\u2003", "\ud800", "\U0001f600"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert relax_literal(text) == "".join(re.escape(view_char(ch)) for ch in text), repr(text)
