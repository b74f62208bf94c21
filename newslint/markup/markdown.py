"""Markdown articles, read with markdown-it-py (CommonMark plus tables).

YAML front matter becomes metadata. The parser gives each block its source
lines; the inline text of a block is then aligned with its source, in order,
to mark exactly the characters an editor reads. Code (fenced, indented,
inline), link targets, images, HTML and the markup characters themselves are
left out of the prose view.
"""
from __future__ import annotations

import re

import yaml

from newslint.document import Block, Metadata, blank_out
from newslint.markup import InputError, apply_metadata_fields, build_document
from newslint.resources import safe_load

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M)
_TOKEN = re.compile(r"\w+|[^\w\s]")

_CONTAINERS = {
    "blockquote_open": "blockquote",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "list_item_open": "list_item",
    "table_open": "table",
}
_CLOSERS = {k.replace("_open", "_close"): v for k, v in _CONTAINERS.items()}

_parser = None


def _markdown_parser():
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        _parser = MarkdownIt("commonmark").enable("table")
    return _parser


def read_markdown(path: str, text: str) -> tuple:
    metadata = Metadata()
    problems: list[InputError] = []
    body = text
    fm = _FRONT_MATTER.match(text)
    if fm:
        body = blank_out(text[: fm.end()]) + text[fm.end() :]
        try:
            fields = safe_load(fm.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            problems.append(InputError(f"malformed front matter{where}: {problem}", 0))
            fields = None
        if fields is not None and not isinstance(fields, dict):
            problems.append(InputError("malformed front matter: expected key: value pairs", 0))
        elif fields:
            apply_metadata_fields(metadata, fields, "front matter")

    line_starts = [0] + [m.end() for m in re.finditer(r"\n", body)]
    line_starts.append(len(body) + 1)

    def line_span(first: int, last: int) -> tuple[int, int]:
        return line_starts[first], min(line_starts[last] - 1, len(body))

    tokens = _markdown_parser().parse(body)
    containers: list[str] = []
    prose_spans: list[tuple[int, int]] = []
    blocks: list[Block] = []
    block_kind = "paragraph"
    row_cursor: dict[int, int] = {}

    for token in tokens:
        t = token.type
        if t in _CONTAINERS:
            containers.append(_CONTAINERS[t])
            if t == "table_open":
                row_cursor.clear()
        elif t in _CLOSERS:
            if containers:
                containers.pop()
        elif t == "heading_open":
            block_kind = "heading"
        elif t == "paragraph_open":
            block_kind = "list_item" if containers and containers[-1] == "list_item" else "paragraph"
        elif t in ("th_open", "td_open"):
            block_kind = "table_cell"
        elif t == "inline" and token.map:
            start, end = line_span(token.map[0], token.map[1])
            if block_kind == "table_cell":
                start = max(start, row_cursor.get(token.map[0], start))
            spans, cursor = _align_inline(body, token.children or [], start, end)
            if block_kind == "table_cell":
                row_cursor[token.map[0]] = cursor
            if spans:
                prose_spans.extend(spans)
                scopes = frozenset({block_kind, *containers})
                blocks.append(Block(spans[0][0], spans[-1][1], block_kind, scopes))
    document = build_document(path, text, "markdown", prose_spans, blocks, metadata)
    return document, problems


def _align_inline(source: str, children: list, start: int, end: int) -> tuple[list[tuple[int, int]], int]:
    """Find each prose text child in ``source[start:end]`` in order; return spans and the cursor."""
    spans: list[tuple[int, int]] = []
    cursor = start
    skip_depth = 0  # inside an autolink or image: not prose
    for child in children:
        t = child.type
        if t == "link_open" and child.markup in ("autolink", "linkify"):
            skip_depth += 1
        elif t == "link_close" and skip_depth:
            skip_depth -= 1
        elif t in ("code_inline", "html_inline", "image"):
            found = source.find(child.content, cursor, end) if child.content else -1
            if found >= 0:
                cursor = found + len(child.content)
        elif t == "text" and not skip_depth and child.content:
            cursor = _mark_text(source, child.content, cursor, end, spans)
    return spans, cursor


def _mark_text(source: str, content: str, cursor: int, end: int, spans: list[tuple[int, int]]) -> int:
    found = source.find(content, cursor, end)
    if found >= 0:
        spans.append((found, found + len(content)))
        return found + len(content)
    # Escapes and entities make the source differ from the text: align token by token.
    for word in _TOKEN.finditer(content):
        piece = word.group()
        found = source.find(piece, cursor, end)
        if found < 0:
            continue
        spans.append((found, found + len(piece)))
        cursor = found + len(piece)
    return cursor
