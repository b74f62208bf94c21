"""The sourcing checks' fast scans find exactly what the plain regular expressions find.

The scans look for candidate places on a copy of the text where every lead character is
a space, then match there (newslint/checks/statistics.py: _scan_words, _finder), and try
only the claim patterns that can open with the word found (_StatLexicon.mention_at). The
reference implementations below are the straightforward versions they replaced: one
pattern with a lead-character class, and one alternation of every claim pattern.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from newslint.checks import statistics as st
from newslint.markup import parse_document
from newslint.resources import load_rules_file

DATA = Path(__file__).resolve().parent / "data" / "sourcing"
_LEAD = "[" + re.escape(st._LEAD_CHARS) + "]"

EDGE_CASES = [
    "1,two 3,5.2 half-way halfway about halfway records record-high all-time highs all time highs",
    "Prices\u2014up 8 points\u2013fell by a third\u2026two-thirds of (one in five) [a majority of] /4 in 10/",
    "A\tmajority of voters; up\n8 points: \"twice as likely\" 'half of' -one-third of- ninety-nine of 100",
    "İstanbul's 3 million people \u00a0 40% of firms, a  record 3 million, the highest since 2008, 5,000 jobs",
    "Experts say, critics\u2014argue, \"studies show\" sources said (analysts believe) it's said that rumours say",
    "It is widely believed that; said experts. argued critics, tea-party activists say; word on the street is x",
    "half a million people, a thousand workers, a nine-fold rise, twice as many, a record 40 jobs, 3-fold gains",
    "the clear majority of members; just under a quarter of; at least 40% of; an estimated 2 million homes",
    "a lot of people think; reportedly-so; according to reports-and some-believe many\u2014fear others\nargue",
]


def _texts() -> list[str]:
    texts = [case["text"] for path in sorted(DATA.glob("*.yaml")) for case in yaml.safe_load(path.read_text("utf-8"))]
    rules = load_rules_file("sourcing.yaml")
    for section in ("statistics", "vague_attribution"):
        for outcome in ("fire", "quiet"):
            texts += rules[section]["examples"][outcome]
    examples = Path(__file__).resolve().parent.parent / "examples"
    texts += [p.read_text("utf-8") for p in sorted(examples.iterdir()) if p.is_file()]
    return [*texts, *EDGE_CASES, "\n\n".join(EDGE_CASES)]


TEXTS = _texts()


def _doc(text: str):
    return parse_document("a.txt", text, "text")[0]


def _reference_scan(word: re.Pattern, low: str) -> list[tuple[int, int]]:
    """The scan as one pattern: a lead character, then the word (or the word at the start)."""
    found = []
    first = word.match(low)
    if first is not None:
        found.append(first.span("word"))
    led = re.compile(_LEAD + word.pattern)
    found += [m.span("word") for m in led.finditer(low, first.end() if first is not None else 0)]
    return found


def test_statistic_anchors_match_the_plain_scan():
    lex = st._stat_lexicon()
    for text in TEXTS:
        doc = _doc(text)
        got = [m.span("word") for m in st._scan_words(doc, lex.anchor_finder, lex.anchor)]
        assert got == _reference_scan(lex.anchor, st._lowered(doc)), text[:80]


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"extra_subjects": ("pollsters", "tea-party activists"),
         "extra_phrases": ("word on the street is", "it's said", "(?i:rumours?) say", "[a-z]+ insiders claim")},
    ],
)
def test_vague_cues_match_the_plain_scan(options):
    lex = st._vague_lexicon(options.get("extra_subjects", ()), options.get("extra_phrases", ()))
    for text in TEXTS:
        doc = _doc(text)
        got = [m.span("word") for m in st._scan_words(doc, lex.finder, lex.cue, lex.more)]
        assert got == _reference_scan(lex.cue, st._lowered(doc)), text[:80]


def test_claim_dispatch_matches_one_alternation_of_every_claim_pattern():
    lex = st._stat_lexicon()
    sources = st._mention_sources(lex)
    everything = re.compile("|".join(f"(?P<{k}>{sources[k]})" for k in st._MENTION_KINDS), re.VERBOSE)
    for text in TEXTS:
        low = st._lowered(_doc(text))
        for start in [m.start() for m in re.finditer(r"(?<![\w'-])\S", low)]:
            expected = everything.match(low, start)
            got = lex.mention_at(low, start)
            assert (got and (got[0], got[1].span())) == (expected and (expected.lastgroup, expected.span())), (
                low[start : start + 60]
            )


@pytest.mark.parametrize(
    "pattern, opening",
    [
        ("reportedly\\b", (["reportedly"], False)),
        ("it is (?:widely )?believed", (["it"], True)),
        ("(?:is|are) (?:widely )?believed", (["is", "are"], True)),
        ("rumou?rs? say", (["rumo"], False)),
        ("(?:media|press)?\\s+reports", None),
        ("word on the street|gossip has it", None),
        ("[a-z]+ insiders claim", None),
        ("(?i:rumours?) say", None),
    ],
)
def test_phrase_openings_are_read_conservatively(pattern, opening):
    assert st._opening_words(pattern) == opening


def test_numbers_that_go_on_are_the_only_ones_a_claim_opens_with():
    """_NUMBER_GOES_ON lets _mention_around skip the claim patterns at most numbers."""
    lex = st._stat_lexicon()
    for text in TEXTS:
        low = st._lowered(_doc(text))
        for start in [m.start() for m in re.finditer(r"(?<![\w'-])\d", low)]:
            if not st._NUMBER_GOES_ON.match(low, start):
                assert lex.mention_at(low, start) is None, low[start : start + 60]


def test_previous_word_matches_a_search_for_the_last_word():
    last_word = re.compile(r"([a-z'-]+)[^a-z'-]*\Z")
    for text in TEXTS:
        low = st._lowered(_doc(text))
        for start in range(len(low) + 1):
            m = last_word.search(low, max(0, start - 30), start)
            assert st._previous_word(low, start) == (m.group(1) if m else ""), low[max(0, start - 30) : start]


def test_opener_is_where_the_claim_dispatch_has_patterns_to_try():
    lex = st._stat_lexicon()
    for text in TEXTS:
        low = st._lowered(_doc(text))
        for start in [m.start() for m in re.finditer(r"(?<![\w'-])\S", low)]:
            if not lex.opener.match(low, start):
                assert lex.mention_at(low, start) is None, low[start : start + 60]
