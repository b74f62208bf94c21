"""Markdown articles, read with markdown-it-py (CommonMark plus tables).

YAML front matter becomes metadata. The parser gives each block its source
lines; the inline text of a block is then aligned with its source, in order,
to mark exactly the characters an editor reads. Code (fenced, indented,
inline), link targets, images, HTML and the markup characters themselves are
left out of the prose view.

Most news copy uses a small part of Markdown: paragraphs, ``#`` headings,
``- `` list items, ``> `` quotes, plain links and simple emphasis. Such a document
is read line by line here (:func:`_simple_units`) to exactly what markdown-it-py would give,
which is several times faster and spares importing it; anything outside that
subset, down to one backslash, goes to markdown-it-py. ``tests/test_parse_speed_paths.py``
holds the two readings equal on many inputs.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any


from newslint.document import Block, Metadata, blank_out
from newslint.markup import InputError, apply_metadata_fields, build_document
from newslint.resources import YamlSyntaxError, safe_load

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M)
_TOKEN = re.compile(r"\w+|[^\w\s]")
_SIMPLE_FIELD = re.compile(
    r"""(?P<key>[A-Za-z_][A-Za-z0-9_-]*):(?:\ +(?:
        "(?P<double>[^"\\]*)" | '(?P<single>[^']*)'
      | (?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})
      | (?P<plain>[A-Za-z][\w.,'\ -]*)
    ))?""",
    re.X,
)
#: Plain words YAML reads as booleans or null, in any case (PyYAML knows fewer spellings).
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null"}

_CONTAINERS = {
    "blockquote_open": "blockquote",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "list_item_open": "list_item",
    "table_open": "table",
}
_CLOSERS = {k.replace("_open", "_close"): v for k, v in _CONTAINERS.items()}

#: Anything that may need markdown-it-py: inline markup (escapes, code, HTML, autolinks,
#: entities, images), tables, and input it normalises (CR, NUL) or indents by (tabs); emphasis
#: is checked run by run (:func:`_add_text`). Looked for with ``in``: a regular expression
#: would cost more than the rest of the reading.
_NOT_SIMPLE = ("\\", "`", "<", "&", "|", "\r", "\t", "\x00", "![")
#: First characters of a line that may open a block other than a paragraph, or indent it.
_BLOCK_OPENERS = frozenset(" #>-+*_=~`<[|")
_ORDERED_ITEM = re.compile(r"\d{1,9}[.)](?: |\Z)")
_HEADING = re.compile(r"(#{1,6})(?: |\Z)")
#: An inline link with a plain label and a destination that needs no escaping or balancing.
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^\s()<>\[\]]+)\)")
_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "file:", "data:")
#: Emphasis delimiter runs, one character each (so ``*_`` is two runs).
_DELIMITER_RUN = re.compile(r"\*+|_+")
#: What may stand just outside a simple emphasis pair: white space, or ASCII punctuation
#: (punctuation to every CommonMark version, unlike other symbols).
_BEFORE_OPENER = frozenset(" (\"'")
_AFTER_CLOSER = frozenset(" .,;:!?)\"'")

_PARAGRAPH = frozenset({"paragraph"})
_HEADING_SCOPES = frozenset({"heading"})
_LIST_ITEM = frozenset({"list_item", "list"})
_QUOTED = frozenset({"paragraph", "blockquote"})

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
        fields = _simple_front_matter(fm.group(1))
        if fields is None:
            try:
                fields = safe_load(fm.group(1))
            except YamlSyntaxError as exc:
                where = f" (line {exc.line + 1})" if exc.line is not None else ""
                problems.append(InputError(f"malformed front matter{where}: {exc.problem}", 0))
                fields = None
        if fields is not None and not isinstance(fields, dict):
            problems.append(InputError("malformed front matter: expected key: value pairs", 0))
        elif fields:
            apply_metadata_fields(metadata, fields, "front matter")

    line_starts = [0] + [m.end() for m in re.finditer(r"\n", body)]
    line_starts.append(len(body) + 1)
    units = _simple_units(body)
    if units is None:
        prose_spans, blocks = _read_tokens(body, line_starts)
    else:
        prose_spans, blocks = _align_units(body, line_starts, units)
    document = build_document(path, text, "markdown", prose_spans, blocks, metadata)
    return document, problems


def _simple_front_matter(source: str) -> dict[str, Any] | None:
    """The fields of front matter made only of ``key: value`` lines, as YAML reads them; else None.

    A value may be empty (None), a quoted string without escapes, a ``YYYY-MM-DD``
    date, or plain words that YAML cannot read as anything but a string. Building
    PyYAML's parser for these few lines costs more than reading the rest of the article.
    """
    if not source.replace("\n", "").isprintable():
        return None
    fields: dict[str, Any] = {}
    for line in source.split("\n"):
        if not line.strip(" "):
            continue
        field = _SIMPLE_FIELD.fullmatch(line.rstrip(" "))
        if field is None:
            return None
        key, double, single, year, plain = field.group("key", "double", "single", "year", "plain")
        if key.lower() in _YAML_WORDS or (plain and plain.lower() in _YAML_WORDS):
            return None
        value: Any = plain  # None when the value is empty
        if double is not None or single is not None:
            value = single if double is None else double
        elif year:
            try:
                value = _dt.date(int(year), int(field["month"]), int(field["day"]))
            except ValueError:
                return None
        fields[key] = value
    return fields


def _line_span(line_starts: list[int], first: int, last: int, length: int) -> tuple[int, int]:
    """Offsets of source lines ``first`` to ``last`` (exclusive), without the final newline."""
    return line_starts[first], min(line_starts[last] - 1, length)


def _read_tokens(body: str, line_starts: list[int]) -> tuple[list[tuple[int, int]], list[Block]]:
    """Prose spans and blocks from markdown-it-py's tokens: any Markdown."""
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
            start, end = _line_span(line_starts, token.map[0], token.map[1], len(body))
            if block_kind == "table_cell":
                start = max(start, row_cursor.get(token.map[0], start))
            spans, cursor = _align_inline(body, token.children or [], start, end)
            if block_kind == "table_cell":
                row_cursor[token.map[0]] = cursor
            if spans:
                prose_spans.extend(spans)
                scopes = frozenset({block_kind, *containers})
                blocks.append(Block(spans[0][0], spans[-1][1], block_kind, scopes))
    return prose_spans, blocks


def _align_units(body: str, line_starts: list[int], units: list[tuple]) -> tuple[list[tuple[int, int]], list[Block]]:
    """Prose spans and blocks from :func:`_simple_units`, aligned as :func:`_read_tokens` aligns."""
    prose_spans: list[tuple[int, int]] = []
    blocks: list[Block] = []
    for first, last, kind, scopes, texts in units:
        cursor, end = _line_span(line_starts, first, last, len(body))
        spans: list[tuple[int, int]] = []
        for content in texts:
            cursor = _mark_text(body, content, cursor, end, spans)
        if spans:
            prose_spans.extend(spans)
            blocks.append(Block(spans[0][0], spans[-1][1], kind, scopes))
    return prose_spans, blocks


def _simple_units(body: str) -> list[tuple] | None:
    """``(first line, end line, kind, scopes, texts)`` per block, or None when the body needs markdown-it-py.

    ``texts`` are what markdown-it-py's text tokens would hold for the block.
    Accepted lines: blank, ``#`` headings without a closing sequence, ``- `` items
    and ``> `` quotes of one paragraph, and paragraphs, each starting at the
    margin with a character that cannot open another block. Lazy continuations
    and anything that could interrupt a paragraph send the whole body back.
    """
    if any(marker in body for marker in _NOT_SIMPLE):
        return None
    lines = body.split("\n")
    count = len(lines)
    units: list[tuple] = []
    i = 0
    while i < count:
        line = lines[i]
        if not line.strip(" "):
            i += 1
            continue
        opener = line[0]
        if opener == "#":
            heading = _HEADING.match(line)
            if heading is None or line.rstrip(" ").endswith("#"):
                return None
            content, scopes, kind, last = line[heading.end() :], _HEADING_SCOPES, "heading", i + 1
        elif opener == "-" or opener == ">":
            if line[1:2] != " " or not _plain(line[2:]):
                return None
            last = i + 1
            if opener == ">":
                while last < count and lines[last][:2] == "> " and _plain(lines[last][2:]):
                    last += 1
            if last < count and lines[last].strip(" ") and not (opener == "-" and lines[last][:2] == "- "):
                return None  # a lazy continuation, or a block the item or quote runs into
            content = "\n".join(text[2:] for text in lines[i:last])
            kind, scopes = ("list_item", _LIST_ITEM) if opener == "-" else ("paragraph", _QUOTED)
        elif _plain(line):
            last = i + 1
            while last < count and lines[last].strip(" "):
                if not _plain(lines[last]):
                    return None
                last += 1
            content, kind, scopes = "\n".join(lines[i:last]), "paragraph", _PARAGRAPH
        else:
            return None
        texts = _inline_texts(content)
        if texts is None:
            return None
        units.append((i, last, kind, scopes, texts))
        i = last
    return units


def _plain(line: str) -> bool:
    """Whether ``line`` can only be paragraph text, never open another block.

    A line may start with a link, or with one or two ``*`` or ``_`` before a letter
    or digit (emphasis, never a list item or a thematic break).
    """
    if not line or line[0] in _BLOCK_OPENERS:
        first = line[:1]
        if first == "[":
            return _LINK.match(line) is not None
        if first == "*" or first == "_":
            run = _DELIMITER_RUN.match(line).end()
            return run <= 2 and run < len(line) and _word(line[run])
        return False
    return not (line[0].isdigit() and _ORDERED_ITEM.match(line))


def _word(char: str) -> bool:
    """A letter or decimal digit: neither white space nor punctuation nor symbol to CommonMark."""
    return char.isalpha() or char.isdecimal()


def _inline_texts(content: str) -> list[str] | None:
    """The text tokens markdown-it-py makes of ``content`` (plain text, links, simple emphasis), or None.

    The block's content is trimmed as a whole; each line break drops the spaces
    around it. A link contributes its label; text outside links must hold no ``[``.
    """
    trimmed = content.strip(" ")
    if trimmed.strip() != trimmed:
        return None  # other white space at the edges: markdown-it-py versions trim it differently
    lines = trimmed.split("\n")
    last = len(lines) - 1
    texts: list[str] = []
    for n, line in enumerate(lines):
        if n:
            line = line.lstrip(" ")
        if n < last:
            line = line.rstrip(" ")
        at = 0
        if "[" in line:
            for link in _LINK.finditer(line):
                label = link[1]
                if "[" in line[at : link.start()] or link[2].lower().startswith(_UNSAFE_SCHEMES):
                    return None
                if "*" in label or "_" in label or not _add_text(line, at, link.start(), texts):
                    return None
                texts.append(label)
                at = link.end()
            if "[" in line[at:]:
                return None
        if not _add_text(line, at, len(line), texts):
            return None
    return texts


def _add_text(line: str, start: int, end: int, texts: list[str]) -> bool:
    """Append the text tokens of ``line[start:end]``, a stretch outside links; False if unsure.

    Emphasis is accepted only as pairs of the same run of one or two ``*`` or ``_``,
    on one line, not nested: the opener after white space, ``(`` or a quote and
    before a letter or digit, the closer after a letter or digit and before white
    space or ``.,;:!?)`` or a quote. Each such run can only open, or only close,
    under CommonMark's flanking rules, so markdown-it-py pairs them in order and
    the rule of three never applies. Any other ``*`` or ``_`` is left to it.
    """
    piece = line[start:end]
    if "*" not in piece and "_" not in piece:
        if piece:
            texts.append(piece)
        return True
    opener = None
    at = start
    for run in _DELIMITER_RUN.finditer(line, start, end):
        i, j = run.span()
        marker = run.group()
        if opener is None:
            if len(marker) > 2 or (i and line[i - 1] not in _BEFORE_OPENER) or j == end or not _word(line[j]):
                return False
            opener = marker
        elif marker != opener or not _word(line[i - 1]) or (j < len(line) and line[j] not in _AFTER_CLOSER):
            return False
        else:
            opener = None
        if i > at:
            texts.append(line[at:i])
        at = j
    if opener is not None:
        return False
    if at < end:
        texts.append(line[at:end])
    return True


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
