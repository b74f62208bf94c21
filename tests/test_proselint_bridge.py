"""The proselint bridge: exact spans on prose, curated defaults, guards against proselint's misfires."""
from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from newslint.checks import proselint_bridge as bridge
from newslint.checks.proselint_bridge import CURATED, Matcher
from newslint.engine import Linter, RunOptions, lint_text

ALL_BRIDGED = ["proselint/" + c.path for c in CURATED]
DEFAULTS = ["proselint/" + c.path for c in CURATED if c.on]


def found(text, select=DEFAULTS, kind="text", **kwargs):
    """Bridged findings; by default with exactly the bridged rules a plain run enables."""
    return [f for f in lint_text(text, select=list(select), kind=kind, **kwargs) if f.rule.startswith("proselint/")]


def test_every_curated_check_exists_in_proselint_and_builds():
    matcher = Matcher(c.path for c in CURATED if c.path != "lexical_illusions")
    assert {p.path for p in matcher.patterns} == {c.path for c in CURATED} - {"lexical_illusions"}


def test_defaults_are_the_curated_on_set():
    linter = Linter(RunOptions(entry_points=False))
    config = linter.config_for(None)
    linter.prepare([config])
    enabled = {c.id for c in linter.plan_for(None, config).checks if c.id.startswith("proselint/")}
    assert enabled == {"proselint/" + c.path for c in CURATED if c.on}
    assert "proselint/typography.diacritical_marks" not in enabled
    assert "proselint/misc.preferred_forms" not in enabled


def test_span_is_exact_in_the_original_text_after_markup_and_non_ascii():
    text = "---\ntitle: Kyiv\n---\n\n**Oekraïne** \u2014 the minister said irregardless of `code` it stands.\n"
    hits = found(text, kind="markdown")
    assert [(f.rule, text[f.start : f.end]) for f in hits] == [("proselint/nonwords", "irregardless")]
    assert hits[0].replacement == "regardless"
    assert (hits[0].location.line, hits[0].location.column) == (5, text.split("\n")[4].index("irregardless") + 1)


def test_ascii_word_boundary_misfire_is_guarded():
    text = "Rusland en VS klaren misverstanden over Oekraïne op."
    assert found(text, ALL_BRIDGED) == []
    # the same entry still fires where "ne" really is a word
    hits = found("Madonna, ne Ciccone, sang.", ["proselint/misc.preferred_forms"])
    assert [text_of(h, "Madonna, ne Ciccone, sang.") for h in hits] == ["ne"]


def text_of(finding, text):
    return text[finding.start : finding.end]


def test_words_glued_by_hyphen_or_letters_do_not_match():
    assert found("The 12 amendments passed at 10 a.m. sharp.", ["proselint/dates_times.am_pm.lowercase_periods",
                                                              "proselint/dates_times.am_pm.midnight_noon"]) == []
    assert found("Inflation in the 1990's was low.", ["proselint/dates_times.dates.decade_apostrophes"])
    hits = found("Inflation in the 1990's was low.", ["proselint/dates_times.dates.decade_apostrophes"])
    assert len(hits) == 1  # proselint's two patterns would report it twice


def test_verb_resume_is_not_read_as_resume_the_noun():
    select = ["proselint/typography.diacritical_marks"]
    assert found("Talks will resume on Monday, and flights resume later.", select) == []
    text = "She sent her resume to the paper."
    assert [text_of(f, text) for f in found(text, select)] == ["resume"]


def test_quoted_speech_is_left_alone():
    said = '"Irregardless of the cost, we build," the mayor said.'
    assert found(said) == []
    assert found("Irregardless of the cost, the mayor said, the city will build.")


def test_lexical_illusions_both_ways():
    select = ["proselint/lexical_illusions"]
    text = "The minister said the the budget was final. It was in the in the end a draw."
    assert [text_of(f, text) for f in found(text, select)] == ["the the", "in the in the"]
    run = "word " * 5000 + "ends."
    (hit,) = found(run, select)
    assert len(hit.message) < 100 and text_of(hit, run).count("word") == 5000
    quiet = [
        "They flew to Bora Bora and Walla Walla.",
        "He had had enough, and said that that was that.",
        "Trade\n\nTrade talks resumed on Monday.",  # a heading, then a paragraph
        "The score was 10 10 at half time.",
        "He said no. No one objected.",
    ]
    for text in quiet:
        assert found(text, select) == [], text


def test_repeat_candidates_agree_with_stripping_every_token():
    """The punctuation-as-space pre-pass only skips documents with no repeat of stripped tokens."""
    import itertools
    import random

    from newslint.checks.proselint_bridge import _TRAILING, _repeat_candidates

    def plain(lowered):
        words = [w.rstrip(_TRAILING) for w in lowered.split()]
        found = {(w,) for a, w in zip(words, words[1:]) if a == w and w.isalnum()}
        for i in range(len(words) - 3):
            if words[i] == words[i + 2] and words[i + 1] == words[i + 3] and words[i].isalnum() and words[i + 1].isalnum():
                found.add((words[i], words[i + 1]))
        return found

    pieces = ["the", "the,", "the.", "(the", "the)", "in", "in.", ")", ".", "u.s.", "u.s", "s", "it's", "it", "4", "4.5",
              "\u00e9t\u00e9", "\u2014", "-", "x\"", "'", "had", "!!", "a.b", "b"]
    rng = random.Random(9)
    seen_any = 0
    for _ in range(4000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        text = "".join(itertools.chain.from_iterable((c, "\n" if c == " " and rng.random() < 0.1 else "") for c in text))
        expected = plain(text)
        seen_any += bool(expected)
        assert _repeat_candidates(text) == expected, text
    assert seen_any > 100


def test_news_noise_is_off_or_skipped():
    assert found("In light of the ruling, divers searched the river.") == []  # garner cliché skipped, archaism off
    assert found("Hopefully, the squelch of boots stops; the phenomenon is real.") == []
    assert found("A lesson learned from 9/11 and from 2015 to 2019.", ["proselint/dates_times.dates.dash_and_from"]) == []


def test_curated_rules_can_be_switched_on_off_and_suppressed():
    text = "The mill closed in March, 1998."
    assert found(text) == []
    assert found(text, ["proselint/dates_times.dates.month_year_comma"])
    noisy = "Irregardless, the council could of acted.\n"
    assert {f.rule for f in found(noisy)} == {"proselint/nonwords", "proselint/spelling.ve_of"}
    assert {f.rule for f in lint_text(noisy, select=DEFAULTS, ignore=["proselint/nonwords"])} == {
        "proselint/spelling.ve_of"}
    suppressed = "<!-- newslint-disable-next-line proselint -->\n" + noisy
    assert found(suppressed, kind="markdown") == []


def test_replacement_keeps_case_and_is_never_a_list_of_options():
    text = "Irregardless, they went. The discomforture showed."
    hits = {text_of(f, text): f.replacement for f in found(text, ["proselint/nonwords"])}
    assert hits == {"Irregardless": "Regardless", "discomforture": None}


def test_bridge_runs_offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert found("The council could of acted sooner.")


def _shipped() -> dict:
    return json.loads(bridge.SHIPPED_PATTERNS.read_text(encoding="utf-8"))


def _skip_unless_shipped_for_this_proselint():
    if _shipped()["key"]["proselint"] != bridge.table_key()["proselint"]:
        pytest.skip("the installed proselint is not the one the shipped pattern table was made from "
                    "(runs read proselint itself); `python -m newslint.resources` refreshes the table")


def test_shipped_pattern_table_follows_this_module():
    assert _shipped()["key"]["bridge"] == bridge.table_key()["bridge"], (
        "proselint_bridge.py changed since proselint_patterns.json was written: run `python -m newslint.resources`"
    )


def test_shipped_pattern_table_is_what_proselint_gives():
    _skip_unless_shipped_for_this_proselint()
    assert bridge.SHIPPED_PATTERNS.read_text(encoding="utf-8") == bridge.shipped_patterns_text()
    assert _shipped()["checks"] == bridge.patterns_from_proselint()


def test_a_current_table_spares_importing_proselint():
    _skip_unless_shipped_for_this_proselint()
    code = (
        "import sys, newslint.engine as e\n"
        "found = e.lint_text('The council could of acted.', select=['proselint'])\n"
        "print([f.rule for f in found], 'proselint' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["['proselint/spelling.ve_of']", "False"]


@pytest.fixture
def fresh_table():
    bridge.pattern_table.cache_clear()
    bridge._MATCHERS.clear()
    yield
    bridge.pattern_table.cache_clear()
    bridge._MATCHERS.clear()


@pytest.mark.parametrize("content", ["", "{not json", '{"key": {"proselint": "0:00000000", "bridge": "0:0"}, "checks": {}}'],
                         ids=["empty", "broken", "stale"])
def test_a_stale_or_broken_table_is_not_read(content, fresh_table, tmp_path, monkeypatch):
    table = tmp_path / "proselint_patterns.json"
    table.write_text(content, encoding="utf-8")
    monkeypatch.setattr(bridge, "SHIPPED_PATTERNS", table)
    assert bridge.pattern_table() == bridge.patterns_from_proselint()
    assert [f.rule for f in found("The council could of acted.")] == ["proselint/spelling.ve_of"]


def test_a_missing_table_is_not_needed(fresh_table, tmp_path, monkeypatch):
    monkeypatch.setattr(bridge, "SHIPPED_PATTERNS", tmp_path / "absent.json")
    assert [f.rule for f in found("The council could of acted.")] == ["proselint/spelling.ve_of"]


@pytest.mark.parametrize("curation", [c for c in CURATED if c.on], ids=lambda c: c.path)
def test_each_default_check_is_silent_on_its_better_version_with_all_defaults(curation):
    """With every default rule on, the better version draws no proselint finding at all."""
    assert found(curation.better) == []
