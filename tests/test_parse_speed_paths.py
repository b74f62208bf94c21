"""Fast paths of the readers give exactly what their general paths give.

Each shortcut is compared with the slow reading it replaces on many generated
inputs, odd ones included, so the two can never silently drift apart.
"""
from __future__ import annotations

import random

import pytest

from newslint.markup import markdown

# -- Markdown: the line-by-line reading against markdown-it-py ------------------------------

#: Lines the simple reader accepts, and lines that must send a document to markdown-it-py
#: (or that test the edges of what is accepted: trims, links, headings, markers).
MD_SIMPLE_LINES = [
    "Plain text here.", "Another line", "# Heading", "## Sub head ", "# ", "- item one",
    "- item two with - dash", "> quoted", "> more quoted", "2025 was a year", "1.9% growth", "1234567890. x",
    "[link](http://x.org/a) starts", "See [the report](https://e.org/r.pdf) now.", "a [b](c) [d](e)",
    "text  ", "text ", "end nbsp\u00a0", "x\u2028y", "\ufeffBOM", "   ", "a ] b", "x](y)",
    "Caf\u00e9 \U0001f1fa\U0001f1e6 flag", '"Quoted," he said.', "[a](b)(c)", "[a](b)x[c](d)", "- a", "> b",
]
MD_OTHER_LINES = [
    "#", "# C#", "#NoSpace", "####### seven", "-", "- ", "-- x", "---", "***", "- - nested", "- # head",
    "- > q", ">", "> ", ">x", ">  two", "> - li", "> # h", "1. one", "2) two",
    "  indented", "    code", "[ref]: http://x", "[x] not link", "[x](javascript:alert)", "[x](<a>)",
    "[x](a b)", "\u00a0nbsp start", "\u2003em", "=====", "![img](x.png)", "x *em* y", "a & b",
    "<b>x</b>", "a\\b", "`code`", "| a | b |", "~~~", "+ plus", "* star", "_under_", "a|b", "[]()",
    "[a]()", "(parens) and [brackets", '[a](b "t")', "[a](DATA:x)", "a\rb", "x\ty", "&amp; &#8212;",
]


def _line_starts(body: str) -> list[int]:
    return [0] + [i + 1 for i, c in enumerate(body) if c == "\n"] + [len(body) + 1]


def _generated_markdown(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        lines = []
        for _ in range(rng.randint(1, 8)):
            r = rng.random()
            lines.append("" if r < 0.3 else rng.choice(MD_SIMPLE_LINES if r < 0.85 else MD_OTHER_LINES))
        yield "\n".join(lines) + rng.choice(["", "\n", "\n\n"])


def test_simple_markdown_reading_equals_markdown_it():
    accepted = 0
    for body in _generated_markdown(seed=7, count=6000):
        units = markdown._simple_units(body)
        if units is None:
            continue
        accepted += 1
        starts = _line_starts(body)
        assert markdown._align_units(body, starts, units) == markdown._read_tokens(body, starts), repr(body)
    assert accepted > 1500  # the comparison covered the shortcut, not only the fallback


@pytest.mark.parametrize("line", MD_OTHER_LINES)
def test_markdown_outside_the_simple_subset_goes_to_markdown_it(line):
    assert markdown._simple_units(f"Intro paragraph.\n\n{line}\n") is None


def test_typical_news_markdown_is_read_without_markdown_it():
    body = (
        "# Council weighs its options\n\nThe council approved a budget of 412 million euros on Friday.\n"
        "A second line of the same paragraph.\n\n- Two bus routes start on 1 September.\n- Parking stays.\n\n"
        "> The housing market will recover by spring.\n\nSee the [published budget](https://example.org/b.pdf).\n"
    )
    units = markdown._simple_units(body)
    assert [(kind, sorted(scopes)) for _, _, kind, scopes, _ in units] == [
        ("heading", ["heading"]),
        ("paragraph", ["paragraph"]),
        ("list_item", ["list", "list_item"]),
        ("list_item", ["list", "list_item"]),
        ("paragraph", ["blockquote", "paragraph"]),
        ("paragraph", ["paragraph"]),
    ]
    starts = _line_starts(body)
    assert markdown._align_units(body, starts, units) == markdown._read_tokens(body, starts)
