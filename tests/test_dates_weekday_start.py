"""At a weekday, the date scan tries the weekday-and-date patterns (mdy, dmy) only when a date can
follow (``expressions._DATE_AFTER_WEEKDAY``); the matches stay those of each pattern alone."""
from __future__ import annotations

import random
import re

from test_dates_speed import TEXTS

from newslint.dates import expressions
from newslint.dates.expressions import pattern_matches
from newslint.dates.prefilter import ascii_view

_WEEKDAYS = ["Monday", "Tuesday", "Thursday", "Sunday", "Mon.", "Tue.", "Tues.", "Thu.", "Thur.", "Thurs.",
             "Fri.", "Sat.", "MONDAY", "thursday", "Mondays", "Monument", "Sunni", "Thu"]
_SEPARATORS = [" ", ", ", ",", "  ", "\n", "\u2003", "\u00a0", ",\u3000", " the ", " the\u2003", "-", ". ", ""]
_AFTER = ["March 3", "3 March", "3rd of March", "13", "\u0663 March", "\u0661\u0662 May", "Sept. 9", "the",
          "then", "march 3", "MARCH 3", "May", "Jan. 2022", "10,000", "31st", "and Friday, March 4", "next week"]


def weekday_texts(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(
            rng.choice(_WEEKDAYS) + rng.choice(_SEPARATORS) + rng.choice(_AFTER) for _ in range(rng.randint(1, 4))
        )
        for _ in range(count)
    ]


def _spans(found):
    return sorted((start, length, index, match.span()) for start, length, index, match in found)


def test_weekday_starts_find_what_every_pattern_finds():
    for text in weekday_texts(3000) + TEXTS:
        assert _spans(pattern_matches(text)) == _spans(pattern_matches(text, fast=False)), text


def test_the_check_holds_wherever_mdy_or_dmy_match_at_a_weekday():
    """Its premise, directly: every mdy or dmy match that opens with a weekday passes the check."""
    kinds = {kind: re.compile(pattern) for kind, pattern in expressions._PATTERNS if kind in ("mdy", "dmy")}
    seen = 0
    for text in weekday_texts(3000) + TEXTS:
        view = ascii_view(text)
        for pattern in kinds.values():
            for match in pattern.finditer(text):
                if match.group("weekday"):
                    seen += 1
                    assert expressions._DATE_AFTER_WEEKDAY.match(view, match.start()), (text, match)
    assert seen > 500


def test_a_weekday_alone_does_not_try_the_date_patterns():
    kinds = [kind for kind, _ in expressions._PATTERNS]
    alone = expressions._weekday_alone_patterns()
    assert all("mdy" not in (kinds[i] for i in indices) for indices in alone.values())
    assert all(kinds[i] == "weekday" for indices in alone.values() for i in indices)
