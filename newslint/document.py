"""The Document: one input, read once, with everything checks share.

Offsets are always code-point offsets into ``text``, the original input. The
two derived views, ``prose`` and ``normalized``, have exactly the same length
as ``text``, so an offset means the same character in all three:

* ``prose`` is ``text`` with everything that is not prose (markup, code, URLs,
  front matter, HTML tags and comments) replaced by spaces; newlines are kept,
  so lines and columns stay put.
* ``normalized`` is ``prose`` with typographic look-alikes folded for matching:
  no-break spaces to spaces, non-breaking hyphens to hyphens, curly quotes to
  straight ones. Every replacement is one character for one character, which
  makes the map back to the original the identity.

Indices (sentences, quotations, number mentions...) are computed lazily, once,
and shared by every check; plugins add their own with :meth:`Document.memo`.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, NamedTuple

from newslint.findings import Location
from newslint.text.quotes import find_quotations, quotation_marks
from newslint.text.sentences import split_blocks, terminal_marks

#: One-for-one replacements that make text easier to match (see module docstring).
NORMALIZE_TABLE = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",  # figure space
        "\u2009": " ",  # thin space
        "\u200a": " ",  # hair space
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\t": " ",
    }
)

#: The same replacements as pairs. ``str.translate`` looks every character up in the table
#: once a text is not pure ASCII (an accented name is enough), ~60x slower than a
#: ``str.replace`` for each of the few characters the text holds.
_NORMALIZE_PAIRS = tuple((chr(code), replacement) for code, replacement in NORMALIZE_TABLE.items())


def normalize(text: str) -> str:
    """``text.translate(NORMALIZE_TABLE)``, done one present character at a time: the view
    ``Document.normalized`` gives of prose, for any other text matched the same way."""
    for char, replacement in _NORMALIZE_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text

_NEWLINE = re.compile(r"\n")


def blank_out(chunk: str) -> str:
    """Replace every character but newlines with a space (keeps lines and length)."""
    if "\n" not in chunk:
        return " " * len(chunk)
    if not chunk.strip(" \n"):
        return chunk  # already blank, as between paragraphs
    return "\n".join(" " * len(line) for line in chunk.split("\n"))


class Block(NamedTuple):
    """A unit of prose an editor sees as one piece: paragraph, heading, list item, table cell...

    ``kind`` is the block itself; ``scopes`` adds the containers it sits in
    (``blockquote``, ``list_item``, ``table``), so a rule can select "anything in a
    blockquote" or "headings only".
    """

    start: int
    end: int
    kind: str
    scopes: frozenset[str]


class Sentence(NamedTuple):
    start: int
    end: int
    block: int  # index into Document.blocks


@dataclass
class Metadata:
    """What the article says about itself. ``fields`` keeps the raw front matter or meta tags."""

    title: str | None = None
    date: _dt.date | None = None
    date_source: str | None = None
    language: str | None = None
    author: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)


class Document:
    """One article. Build it with :func:`newslint.markup.parse_document`, not directly."""

    def __init__(
        self,
        path: str,
        text: str,
        kind: str,
        prose: str,
        blocks: list[Block],
        metadata: Metadata | None = None,
    ) -> None:
        if len(prose) != len(text):
            raise ValueError("prose view must have the same length as the text")
        self.path = path
        self.text = text
        self.kind = kind
        self.prose = prose
        self.blocks = blocks
        self.metadata = metadata or Metadata()
        self._memo: dict[str, Any] = {}

    # -- views -------------------------------------------------------------
    @cached_property
    def normalized(self) -> str:
        """The prose with look-alike characters made plain (see :func:`normalize`)."""
        return normalize(self.prose)

    # -- shared indices ------------------------------------------------------
    def memo(self, key: str, factory: Callable[["Document"], Any]) -> Any:
        """Return the index ``key``, computing it with ``factory(doc)`` the first time."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = factory(self)
            return value

    @cached_property
    def sentences(self) -> list[Sentence]:
        norm = self.normalized
        spans = split_blocks(norm, [(block.start, block.end) for block in self.blocks], terminal_marks(norm))
        return list(map(Sentence._make, spans))

    @cached_property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]

    @cached_property
    def quotations(self) -> list[tuple[int, int]]:
        """Spans of quoted speech (quote marks included), never crossing a block."""
        spans: list[tuple[int, int]] = []
        marks = quotation_marks(self.prose)
        if not marks:
            return spans
        for block in self.blocks:
            first = bisect_left(marks, block.start)
            if first < len(marks) and marks[first] < block.end:  # else the block has no quotation
                spans.extend(find_quotations(self.prose, block.start, block.end))
        return spans

    # The lookups below are called very often by checks: each bisects a plain list of
    # starts and compares with a plain list of ends, without touching the span objects.
    @cached_property
    def _quotation_starts(self) -> list[int]:
        return [s for s, _ in self.quotations]

    @cached_property
    def _quotation_ends(self) -> list[int]:
        return [e for _, e in self.quotations]

    def in_quotation(self, start: int, end: int | None = None) -> bool:
        """Whether the span lies inside quoted speech."""
        i = bisect_right(self._quotation_starts, start) - 1
        return i >= 0 and (start if end is None else end) <= self._quotation_ends[i]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _sentence_ends(self) -> list[int]:
        return [s.end for s in self.sentences]

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset``, or None outside prose sentences."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self._sentence_ends[i]:
            return i
        return None

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    @cached_property
    def _block_ends(self) -> list[int]:
        return [b.end for b in self.blocks]

    def block_at(self, offset: int) -> Block | None:
        i = bisect_right(self._block_starts, offset) - 1
        if i >= 0 and offset < self._block_ends[i]:
            return self.blocks[i]
        return None

    # -- positions -------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in _NEWLINE.finditer(self.text)]

    def line_of(self, offset: int) -> int:
        """1-based line number of ``offset``."""
        return bisect_right(self.line_starts, offset)

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line ending."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    def locate(self, start: int, end: int) -> Location:
        """Line and column (code points and UTF-16 units, 1-based, end exclusive) of a span."""
        line = self.line_of(start)
        end_line = self.line_of(end) if end > start else line
        ls = self.line_starts[line - 1]
        els = self.line_starts[end_line - 1]
        return Location(
            line=line,
            column=start - ls + 1,
            end_line=end_line,
            end_column=end - els + 1,
            column_utf16=utf16_len(self.text[ls:start]) + 1,
            end_column_utf16=utf16_len(self.text[els:end]) + 1,
        )

    def __repr__(self) -> str:
        return f"<Document {self.path!r} {self.kind} {len(self.text)} chars>"


def utf16_len(s: str) -> int:
    """Length of ``s`` in UTF-16 code units, the column unit of SARIF, LSP and GitHub."""
    return len(s.encode("utf-16-le")) // 2
