"""The terminal report: the source line under each finding, with the span underlined in place."""
from __future__ import annotations

import unicodedata

from newslint.engine import lint_text
from newslint.formats.text import _snippet, _width


def underline_for(text, select, kind="text"):
    [finding] = [f for f in lint_text(text, select=[select], kind=kind) if f.rule == select]
    return _snippet(finding)


def test_the_underline_sits_under_the_span_in_plain_ascii():
    shown, marks = underline_for("Intro line.\nRead more\n", "web-debris/related-links")
    assert shown == "Read more" and marks == "^" * len("Read more")


def test_wide_characters_before_the_span_take_two_columns_each():
    shown, marks = underline_for("Officials in 東京 met, and experts say the talks failed.\n", "vague-attribution")
    # "東京" is two code points but four columns: the underline starts two columns further right
    assert marks.index("^") == shown.index("experts say") + 2
    assert marks.count("^") == len("experts say")


def test_width_counts_columns_and_its_ascii_shortcut_agrees():
    def by_character(text):
        return sum(0 if unicodedata.combining(ch) or ch in "\u200b\u200d\ufe0f"
                   else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    samples = ["Kyiv", "plain ASCII, with punctuation!", "", "Zelenskyy", "東京", "e\u0301", "Jos\u00e9", "a\u200bb",
               "\U0001F1FA\U0001F1E6", "\tTab"]
    for sample in samples:
        assert _width(sample) == by_character(sample), sample
    assert _width("東京") == 4 and _width("e\u0301") == 1
