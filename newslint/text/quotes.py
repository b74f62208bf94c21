"""Finding quoted speech inside one block.

Double quotes pair up (curly ones by direction, straight ones alternately). A
British single-quoted passage counts only when it opens with a left single
quote; apostrophes ("Russia's") are never mistaken for quotation marks. An
opening mark with no closing one runs to the end of the block, as a quoted
paragraph often does in news copy.
"""
from __future__ import annotations

import re

from newslint.text import offsets_of

_DOUBLE = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb]")
_MARKS = "\"\u201c\u201d\u201e\u00ab\u00bb\u2018"  # what _DOUBLE matches, and the opening single quote
_SINGLE_CLOSE = re.compile(r"\u2019(?![^\W\d_])")
#: What may stand just before an opening single quote (else it is not opening a quotation).
_BEFORE_SINGLE_OPEN = frozenset(" \t\n([\u2014\u2013-\u00a0")


def find_quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _DOUBLE.finditer(text, start, end):
        ch = m.group()
        if open_at is None:
            if ch in "\u201d\u00bb" and spans == [] and _only_space(text, start, m.start()):
                continue  # a stray closing mark at the start of a block
            open_at = m.start()
        elif ch in "\u201c\u201e\u00ab" and text[open_at] in "\u201c\u201e\u00ab":
            spans.append((open_at, m.start()))  # the earlier quotation was never closed
            open_at = m.start()
        else:
            spans.append((open_at, m.end()))
            open_at = None
    if open_at is not None:
        spans.append((open_at, end))
    at = text.find("\u2018", start, end)
    while at >= 0:
        opens = at == start or text[at - 1] in _BEFORE_SINGLE_OPEN
        if opens and not any(s <= at < e for s, e in spans):
            close = _SINGLE_CLOSE.search(text, at + 1, end)
            if close:
                spans.append((at, close.end()))
        at = text.find("\u2018", at + 1, end)
    spans.sort()
    return spans


def quotation_marks(text: str) -> list[int]:
    """Offsets of every mark :func:`find_quotations` looks at, in order: a block without
    any has no quotation."""
    return offsets_of(text, _MARKS)


def _only_space(text: str, start: int, end: int) -> bool:
    return not text[start:end].strip()
