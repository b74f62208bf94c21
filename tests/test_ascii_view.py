"""The ASCII view RE2 reads (newslint/text/ascii_view.py): one byte per character, and ASCII
patterns match it exactly where Python's ``re`` matches the lower-cased text."""
from __future__ import annotations

import random
import re
import sys

import pytest
import re2

from newslint.markup import parse_document
from newslint.text import ascii_view as av

#: Characters of every kind the view tells apart, in several scripts, and ASCII ones RE2 reads
#: differently from ``re`` (\v, \x1c-\x1f, \x85 is a space to ``re``).
ODD = [
    "\u00e9", "\u00c9", "\u00fc", "\u00e3", "\u0130", "\u212a", "\u017f", "\u00df",  # accented and odd Latin
    "\u0436", "\u0416", "\u0451",  # Cyrillic
    "\u4e2d", "\u6587", "\u3002",  # CJK letters and a full stop
    "e\u0301", "\u0301", "\u0308",  # combining marks
    "\u0663", "\u0966", "\uff11", "\u00b2", "\u00bd",  # other digits, a superscript, a fraction
    "\u00a0", "\u2009", "\u3000", "\u2028", "\x85", "\x0b", "\x1c", "\x1f", "\t",  # spaces
    "\u2014", "\u2013", "\u2026", "\u00a3", "\u20ac", "\U0001f600",  # punctuation, symbols
    "_", "D", "X", "d", "x",  # ASCII that looks like a stand-in
]
WORDS = ["rates", "will", "rise", "5%", "12", "2024", "say", "experts", "the", "of", "per cent", "caf\u00e9",
         "Z\u00fcrich", "S\u00e3o", "Zo\u00eb", "M\u00fcller", "\u0436\u0438\u0442\u044c", "\u4e2d\u6587",
         "\u0663\u0664", "\uff11\uff12", "na\u00efve", "\u00a34bn"]
SEPARATORS = [" ", "  ", "\n", ", ", ". ", ":", "-", "'", ""]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = ["", "plain ascii only", "\u0436" * 50, "\u4e2d\u6587 " * 30 + "rates 5%"]
    for _ in range(count):
        rate = rng.choice([0.02, 0.1, 0.5])  # how often a separator is an odd character
        parts = [rng.choice(WORDS[:10] * 3 + WORDS) + (rng.choice(ODD) if rng.random() < rate else rng.choice(SEPARATORS))
                 for _ in range(rng.randint(1, 40))]
        if rng.random() < 0.2:  # mostly another script: the view is built by str.translate
            parts = ["\u0436\u0438\u0442\u044c " * rng.randint(5, 20), *parts]
        texts.append("".join(parts))
    return texts


TEXTS = _texts(600, seed=1)


def _python_to_view(pattern: str) -> str:
    """A Python pattern for the lower-cased text spelt for RE2 on the view (``\\s``, ``\\d`` outside classes)."""
    return pattern.replace(r"\s", f"[{av.SPACE_CLASS}]").replace(r"\d", f"[{av.DIGIT_CLASS}]")


def test_every_character_has_a_stand_in_of_its_class():
    """Over all of Unicode: ``re``'s \\s, \\d and \\w on a character are RE2's on its byte."""
    # Surrogates cannot be encoded; NUL never reaches a check. The view is of lower-cased text.
    low = av.lower_one_for_one("".join(chr(c) for c in range(1, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF))
    view = "".join(map(av.stand_in, low)).encode("ascii")
    assert len(view) == len(low)
    for python, for_re2 in ((r"\s", f"[{av.SPACE_CLASS}]"), (r"\d", f"[{av.DIGIT_CLASS}]"), (r"\w", r"\w")):
        expected = [m.start() for m in re.finditer(python, low)]
        assert [m.start() for m in re2.finditer(for_re2.encode("ascii"), view)] == expected, python


def test_lower_case_keeps_one_character_for_one():
    text = "".join(chr(c) for c in range(0x30000) if not 0xD800 <= c <= 0xDFFF)
    low = av.lower_one_for_one(text)
    assert len(low) == len(text)
    assert av.lower_one_for_one("WİLL Zürich") == "will zürich"
    assert all(a == b.lower() for a, b in zip(low, text) if len(b.lower()) == 1)


@pytest.mark.parametrize("text", TEXTS)
def test_view_is_one_stand_in_per_character(text):
    """Both ways of building it (error handler, translate) give the character-by-character view."""
    low = av.lower_one_for_one(text)
    assert av.ascii_view(low) == "".join(map(av.stand_in, low)).encode("ascii")


def test_both_constructions_are_exercised():
    translated = [t for t in TEXTS if not t.isascii() and sum(not c.isascii() for c in t) * 20 >= len(t)]
    handled = [t for t in TEXTS if not t.isascii() and sum(not c.isascii() for c in t) * 20 < len(t)]
    assert len(translated) > 50 and len(handled) > 20


PATTERNS = [
    r"\bwill\s+rise\b", r"\d+\s*%", r"\b\d{1,2}\b", r"\w+", r"\bcaf\b", r"\b[a-z]+\b", r"\s+", r"\s-\s",
    r"per cent", r"rates 5", r"of the", r"\bsay\b", r"x\b", r"\bd", r"[,.:]\s+\w", r"\b\w+\s+\d", r"(?:of|the)\s+[a-z]+",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_re2_on_the_view_matches_exactly_where_re_matches_the_text(pattern):
    python = re.compile(pattern)
    automaton = re2.compile(_python_to_view(pattern).encode("ascii"))
    for text in TEXTS:
        low = av.lower_one_for_one(text)
        view = av.ascii_view(low)
        assert [m.span() for m in automaton.finditer(view)] == [m.span() for m in python.finditer(low)], (pattern, low)


def test_a_document_computes_its_lowered_text_and_view_once():
    doc, _ = parse_document("a.md", "Zo\u00eb M\u00fcller said 40% of Z\u00fcrich\u2009residents agree.", "markdown")
    low, view = av.lowered(doc), av.view(doc)
    assert low == av.lower_one_for_one(doc.normalized) and view == av.ascii_view(low)
    assert av.lowered(doc) is low and av.view(doc) is view


def test_the_checks_share_one_view():
    from newslint.checks.base import CheckContext
    from newslint.checks.forecasts import SpeculativeForecast
    from newslint.checks.statistics import UnsourcedStatistic, VagueAttribution

    doc, _ = parse_document("a.md", "Experts say so. Rents in S\u00e3o Paulo will rise.\n\nRents rose 40% in 2024.", "markdown")
    view = av.view(doc)
    ctx = CheckContext(options={}, config=None)
    for check in (SpeculativeForecast(), UnsourcedStatistic(), VagueAttribution()):
        assert list(check.check(doc, ctx))
    assert av.view(doc) is view
    others = [k for k in doc._memo if re.search("view|shadow|lower", str(k)) and not k.startswith("ascii-view.")]
    assert others == []


@pytest.mark.parametrize("pattern", [rb"\bwill\b", rb"a*", rb"b?", rb"", rb"(?:expect|set to)\s+", rb"x"])
def test_re2_spans_are_the_wrappers_finditer_spans(pattern):
    """The direct call into the compiled RE2 object steps through matches as the wrapper does."""
    compiled = re2.compile(pattern)
    texts = [b"", b"will", b"baaac abba", b"He will, she will not. Expect set to  rise; will" * 3]
    for text in texts:
        assert av.re2_spans(compiled, text) == [m.span() for m in compiled.finditer(text)], (pattern, text)


def test_re2_spans_fall_back_to_finditer_for_another_wrapper():
    # an object without the google-re2 wrapper's internals: only its finditer is used
    assert av.re2_spans(re.compile(rb"\d+"), b"a 12 b 345") == [(2, 4), (7, 10)]
