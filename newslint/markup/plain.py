"""Plain-text articles: everything is prose, blocks come from the line layout.

Paragraphs are separated by blank lines. Web copy often puts one paragraph or
heading per line with no blank line between them, while e-mailed copy is
hard-wrapped at a fixed width; a group of lines is read as one wrapped
paragraph only when it looks wrapped (every line but the last of similar,
moderate length), otherwise each line is its own block.

The leading lines before the first body paragraph (headline, standfirst,
byline, dateline) are recognised as such, so checks can treat them apart.
"""
from __future__ import annotations

import re

from newslint.document import Block, Metadata
from newslint.markup import build_document

_DIRECTIVE_LINE = re.compile(r"^[ \t]*(?:<!--)?[ \t]*newslint-(?:disable|enable)\b[^\n]*$", re.M)
_DATELINE_HINT = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b|\b\d{4}-\d{2}-\d{2}\b|^[A-Z][A-Z .'-]{2,},",
)
_BYLINE = re.compile(r"^\s*by\s+\S", re.I)
_WRAP_MIN, _WRAP_MAX = 40, 100
_HEADER_MAX_WORDS = 20
_HEADING_MAX_WORDS = 14
_SCOPES = {kind: frozenset({kind}) for kind in ("headline", "byline", "dateline", "heading", "paragraph")}


def read_plain(path: str, text: str) -> tuple:
    lines = _split_lines(text)
    groups = _paragraph_groups(text, lines)
    blocks: list[Block] = []
    prose_spans: list[tuple[int, int]] = []
    in_header = True
    for group in groups:
        if _is_wrapped(text, group):
            units = [(group[0][0], group[-1][1])]
        else:
            units = group
        for start, end in units:
            line = text[start:end]
            if _DIRECTIVE_LINE.match(line):
                continue
            prose_spans.append((start, end))
            if in_header and _looks_like_header(line):
                kind = _header_kind(line, first=not blocks)
            else:
                in_header = False
                kind = "heading" if _looks_like_heading(line) else "paragraph"
            blocks.append(Block(start, end, kind, _SCOPES[kind]))
    document = build_document(path, text, "text", prose_spans, blocks, Metadata())
    return document, []


def _split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, without the newline."""
    lines = text.split("\n")
    if not lines[-1]:
        lines.pop()  # a final newline ends the last line, it does not open another
    out = []
    start = 0
    for line in lines:
        end = start + len(line)
        out.append((start, end - 1 if line.endswith("\r") else end))
        start = end + 1
    return out


def _paragraph_groups(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for start, end in lines:
        if text[start:end].strip():
            current.append((start, end))
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _is_wrapped(text: str, group: list[tuple[int, int]]) -> bool:
    if len(group) < 2:
        return False
    widths = [len(text[s:e].rstrip()) for s, e in group[:-1]]
    if not all(_WRAP_MIN <= w <= _WRAP_MAX for w in widths):
        return False
    if max(widths) - min(widths) > 25:
        return False
    # A wrapped line runs on: it does not end a sentence at every line.
    enders = sum(1 for s, e in group[:-1] if text[s:e].rstrip()[-1:] in ".!?:\"\u201d")
    return enders < len(group) - 1


def _looks_like_header(line: str) -> bool:
    stripped = line.strip()
    words = len(stripped.split(None, _HEADER_MAX_WORDS))  # enough to tell whether there are more
    if words > _HEADER_MAX_WORDS:
        return False
    if stripped.endswith((".", ",", ";")):
        return words <= 8 and bool(_DATELINE_HINT.search(stripped))  # "Thursday 12 June 2025."
    return True


def _looks_like_heading(line: str) -> bool:
    """A short line standing alone without closing punctuation: a crosshead."""
    stripped = line.strip()
    return stripped[-1:] not in ".!?:;,\"\u201d" and len(stripped.split(None, _HEADING_MAX_WORDS)) <= _HEADING_MAX_WORDS


def _header_kind(line: str, first: bool) -> str:
    if first:
        return "headline"
    if _BYLINE.match(line):
        return "byline"
    if _DATELINE_HINT.search(line.strip()):
        return "dateline"
    return "headline"
