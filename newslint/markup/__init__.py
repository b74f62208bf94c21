"""Readers that turn an input into a :class:`~newslint.document.Document`.

Each reader finds the prose spans (what an editor reads) and the blocks they
form; :func:`build_document` turns those into the shared same-length views.
"""
from __future__ import annotations

import datetime as _dt
import re
from functools import cache
from pathlib import PurePath
from typing import Any

from newslint.document import Block, Document, Metadata, blank_out

#: File extensions newslint reads, and the reader for each.
KINDS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
}

#: URLs and e-mail addresses are never prose, whatever the markup. Each is found from its
#: anchor ("://", "www.", "@") with str.find, then grown both ways: a pattern that had to
#: be tried at every position of every article cost more than the rest of the parsing.
@cache
def _url_patterns() -> tuple[re.Pattern[str], ...]:
    """URL tail, scheme before "://", e-mail local part before "@", domain after it.

    Compiled on first need: that costs a millisecond, and most short articles have no URL.
    """
    return (
        re.compile(r"[^\s<>\"\u201c\u201d]*[^\s<>\"'.,;:!?)\]\u201c\u201d\u2019]"),
        re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,15}\Z"),
        re.compile(r"[\w.+-]{1,64}\Z"),
        re.compile(r"[\w-]+(?:\.[\w-]+)+"),
    )


def _url_spans(prose: str) -> list[tuple[int, int]]:
    spans = []
    for anchor in ("://", "www.", "@"):
        at = prose.find(anchor)
        while at >= 0:
            span = _grow(prose, at, anchor)
            if span:
                spans.append(span)
            at = prose.find(anchor, span[1] if span else at + len(anchor))
    return spans


def _grow(prose: str, at: int, anchor: str) -> tuple[int, int] | None:
    url_tail, scheme_before, email_local_before, email_domain_after = _url_patterns()
    if anchor == "@":
        local = email_local_before.search(prose, max(0, at - 64), at)
        domain = email_domain_after.match(prose, at + 1)
        return (local.start(), domain.end()) if local and domain else None
    if anchor == "://":
        scheme = scheme_before.search(prose, max(0, at - 16), at)
        if scheme is None:
            return None
        start = scheme.start()
    else:
        if at > 0 and (prose[at - 1].isalnum() or prose[at - 1] in "/."):
            return None  # inside a URL already found, or part of a longer word
        start = at
    tail = url_tail.match(prose, at + len(anchor))
    return (start, tail.end()) if tail else None


#: Front-matter and meta fields that carry a publication date, in order of preference.
DATE_FIELDS = (
    "date",
    "published",
    "pubdate",
    "publish_date",
    "publishdate",
    "published_at",
    "publication_date",
    "datepublished",
)


class InputError(Exception):
    """The input cannot be read as an article (binary, malformed front matter...)."""

    def __init__(self, message: str, offset: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset


def kind_for_path(path: str) -> str | None:
    return KINDS.get(PurePath(path).suffix.lower())


def parse_document(path: str, text: str, kind: str | None = None) -> tuple[Document, list[InputError]]:
    """Read ``text`` as the kind its path suggests (plain text when unknown).

    Returns the document and the problems met on the way (malformed front
    matter...), which do not stop the rest of the article being checked.
    """
    kind = kind or kind_for_path(path) or "text"
    if kind == "markdown":
        from newslint.markup.markdown import read_markdown as reader
    elif kind == "html":
        from newslint.markup.html import read_html as reader
    else:
        from newslint.markup.plain import read_plain as reader
    return reader(path, text)


def build_document(
    path: str,
    text: str,
    kind: str,
    prose_spans: list[tuple[int, int]],
    blocks: list[Block],
    metadata: Metadata,
) -> Document:
    """Assemble a Document from the spans a reader marked as prose."""
    pieces: list[str] = []
    cursor = 0
    for start, end in prose_spans:
        if start < cursor:
            start = cursor
        if start >= end:
            continue
        pieces.append(blank_out(text[cursor:start]))
        pieces.append(text[start:end])
        cursor = end
    pieces.append(blank_out(text[cursor:]))
    prose = "".join(pieces)
    spans = _url_spans(prose)
    if spans:
        chars = []
        cursor = 0
        for start, end in sorted(spans):
            if start >= cursor:
                chars += [prose[cursor:start], blank_out(prose[start:end])]
                cursor = end
        prose = "".join(chars) + prose[cursor:]
    blocks = [b for b in (_trim_block(prose, b) for b in blocks) if b is not None]
    if metadata.title is None:
        metadata.title = _guess_title(prose, blocks)
    return Document(path, text, kind, prose, blocks, metadata)


def _guess_title(prose: str, blocks: list[Block]) -> str | None:
    """The first headline of four words or more (scraped pages open with weather, places, tokens)."""
    candidates = [b for b in blocks[:12] if b.kind in ("headline", "heading")]
    texts = [" ".join(prose[b.start : b.end].split()) for b in candidates]
    for text in texts:
        if len(text.split()) >= 4:
            return text
    return texts[0] if texts else None


def _trim_block(prose: str, block: Block) -> Block | None:
    start, end = block.start, block.end
    if start < end and not prose[start].isspace() and not prose[end - 1].isspace():
        return block  # most blocks: nothing to trim
    segment = prose[start:end]
    stripped = segment.lstrip()
    if not stripped:
        return None
    start += len(segment) - len(stripped)
    end = start + len(stripped.rstrip())
    return Block(start, end, block.kind, block.scopes)


def apply_metadata_fields(metadata: Metadata, fields: dict[str, Any], source: str) -> None:
    """Fill title, date, author and language from front matter or meta fields."""
    lowered = {str(k).lower(): v for k, v in fields.items()}
    metadata.fields.update(fields)
    if metadata.title is None and isinstance(lowered.get("title"), str):
        metadata.title = lowered["title"].strip()
    for key in ("author", "authors", "byline"):
        value = lowered.get(key)
        if metadata.author is None and value:
            metadata.author = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    for key in ("lang", "language"):
        if metadata.language is None and isinstance(lowered.get(key), str):
            metadata.language = lowered[key]
    if metadata.date is None:
        for key in DATE_FIELDS:
            date = coerce_date(lowered.get(key))
            if date is not None:
                metadata.date = date
                metadata.date_source = f"{source} '{key}'"
                break


_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def coerce_date(value: Any) -> _dt.date | None:
    """A date from a YAML date, a datetime, or a string starting with YYYY-MM-DD."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        m = _ISO_DATE.match(value)
        if m:
            try:
                return _dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None
