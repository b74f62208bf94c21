"""HTML articles: text nodes are prose; script, style, code and pre are not.

The standard library's tokenizer reports where each token starts, so every text
node maps exactly to its place in the source. Character references are decoded
into the prose view in place (the character followed by spaces, so lengths stay
equal). Publication date, title, author and language come from the head.
"""
from __future__ import annotations

import html
from html.parser import HTMLParser

from newslint.document import Block, Metadata
from newslint.markup import apply_metadata_fields, build_document, coerce_date

_SKIP = {"script", "style", "code", "pre", "head", "template", "noscript", "svg", "math", "textarea", "select"}
_BLOCK_KINDS = {
    "p": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "list_item",
    "td": "table_cell",
    "th": "table_cell",
    "dt": "list_item",
    "dd": "list_item",
    "figcaption": "paragraph",
    "caption": "paragraph",
}
_CONTAINERS = {"blockquote": "blockquote", "ul": "list", "ol": "list", "table": "table", "dl": "list"}
_BREAKS = {
    "div", "section", "article", "header", "footer", "aside", "nav", "main", "br", "hr", "body", "form",
    "figure", "tr", "details", "summary", "address",
} | set(_BLOCK_KINDS) | set(_CONTAINERS)
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "track"}
_META_DATE_NAMES = {
    "article:published_time", "date", "pubdate", "publish-date", "publish_date", "publishdate", "dc.date",
    "dc.date.issued", "dcterms.date", "dcterms.created", "datepublished", "og:published_time",
    "sailthru.date", "parsely-pub-date", "article.published", "citation_publication_date",
}


class _Reader(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = _line_starts(text)
        self.stack: list[str] = []
        self.skip = 0
        self.spans: list[tuple[int, int]] = []
        self.replacements: list[tuple[int, str]] = []
        self.blocks: list[Block] = []
        self.block_spans_from = 0
        self.fields: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = False
        self.time_date = None

    def _source_offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    # -- structure ---------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs)
        if tag not in _VOID:
            self.stack.append(tag)
            if tag in _SKIP:
                self.skip += 1

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _BREAKS:
            self.flush()
        if tag in self.stack:
            while self.stack:
                popped = self.stack.pop()
                if popped in _SKIP:
                    self.skip -= 1
                if popped == tag:
                    break

    def _tag(self, tag, attrs):
        attrs = {k.lower(): (v or "") for k, v in attrs}
        if tag in _BREAKS:
            self.flush()
        if tag == "html" and attrs.get("lang"):
            self.fields.setdefault("lang", attrs["lang"])
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            content = attrs.get("content", "")
            if name in _META_DATE_NAMES and content:
                self.fields.setdefault("date", content)
                self.fields.setdefault("date_field", name)
            elif name in ("author", "article:author") and content:
                self.fields.setdefault("author", content)
            elif name == "og:title" and content:
                self.fields.setdefault("og_title", content)
        elif tag == "time" and self.time_date is None:
            self.time_date = coerce_date(attrs.get("datetime", ""))

    # -- text ----------------------------------------------------------------
    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip or not data:
            return
        start = self._source_offset()
        self.spans.append((start, start + len(data)))

    def handle_entityref(self, name):
        self._charref(f"&{name};")

    def handle_charref(self, name):
        self._charref(f"&#{name};")

    def _charref(self, raw: str) -> None:
        if self.in_title:
            self.title_parts.append(html.unescape(raw))
            return
        if self.skip:
            return
        start = self._source_offset()
        decoded = html.unescape(raw)
        if len(decoded) == 1 and self.text.startswith(raw, start):
            self.spans.append((start, start + len(raw)))
            self.replacements.append((start, decoded + " " * (len(raw) - 1)))

    def flush(self) -> None:
        new = self.spans[self.block_spans_from :]
        self.block_spans_from = len(self.spans)
        if not new:
            return
        kind, scopes = "paragraph", set()
        for tag in reversed(self.stack):
            if tag in _BLOCK_KINDS and kind == "paragraph" and not scopes & {"list_item", "table_cell", "heading"}:
                kind = _BLOCK_KINDS[tag]
            if tag in _CONTAINERS:
                scopes.add(_CONTAINERS[tag])
        self.blocks.append(Block(new[0][0], new[-1][1], kind, frozenset({kind, *scopes})))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def read_html(path: str, text: str) -> tuple:
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    reader.flush()
    metadata = Metadata()
    fields = dict(reader.fields)
    title = "".join(reader.title_parts).strip() or fields.pop("og_title", None)
    fields.pop("og_title", None)
    if title:
        fields["title"] = title
    date_field = fields.pop("date_field", None)
    apply_metadata_fields(metadata, fields, "html meta")
    if metadata.date is not None and date_field:
        metadata.date_source = f"html meta '{date_field}'"
    if metadata.date is None and reader.time_date is not None:
        metadata.date, metadata.date_source = reader.time_date, "html <time datetime>"
    document = build_document(path, text, "html", reader.spans, reader.blocks, metadata)
    if reader.replacements:
        prose = list(document.prose)
        for start, chars in reader.replacements:
            prose[start : start + len(chars)] = chars
        document.prose = "".join(prose)
        document.__dict__.pop("normalized", None)
    return document, []
