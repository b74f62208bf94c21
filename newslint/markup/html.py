"""HTML articles: text nodes are prose; script, style, code and pre are not.

The standard library's tokenizer reports where each token starts, so every text
node maps exactly to its place in the source. Character references are decoded
into the prose view in place (the character followed by spaces, so lengths stay
equal). Publication date, title, author and language come from the head.

That tokenizer is pure Python and slow. Well-formed markup (tags with plainly
quoted or simple attributes, comments, a doctype, character references) is
tokenized here with one regular expression instead (:func:`_scan`), feeding
the same handlers the same events; at the first thing it does not know, the
document is read again with the standard library. ``tests/test_parse_speed_paths.py``
holds the two equal on many inputs.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

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

_WS = "[ \\t\\n\\r\\f]"
#: The next tag, comment, doctype, '&' or other '<'. Tags match only in forms the standard library
#: reads in one way (simple names; attribute values quoted, or bare up to white space or '>').
_TOKEN = re.compile(
    rf"""<(?:
        (?P<start>[a-zA-Z][-a-zA-Z0-9:]*)
        (?P<attrs>(?:{_WS}+[a-zA-Z_:][-a-zA-Z0-9_:.]*
            (?:{_WS}*={_WS}*(?:"[^"]*"|'[^']*'|[^\s"'=<>`/]+(?={_WS}|>)))?)*)
        {_WS}*(?P<close>/?)>
      | /(?P<end>[a-zA-Z][-a-zA-Z0-9:]*){_WS}*>
      | !--(?![->])(?:(?!--).)*-->
      | ![dD][oO][cC][tT][yY][pP][eE][^<>"']*>
    )
    | (?P<amp>&)
    | (?P<odd><)""",
    re.X | re.S,
)
_LT_OR_AMP = re.compile("[<&]")
_ATTRIBUTE = re.compile(rf"""{_WS}+([^ \t\n\r\f=]+)(?:{_WS}*={_WS}*("[^"]*"|'[^']*'|[^ \t\n\r\f>]+))?""")
#: What the standard library takes for character references (a ';' is consumed when present).
_CHARREF = re.compile("&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]")
_ENTITYREF = re.compile("&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]")
_ATTRIBUTES_READ = {"html", "meta", "time"}
_RAW_TEXT = {"script", "style"}  # their content is text up to the closing tag


class _Reader:
    """Turns tokenizer events into prose spans, blocks and metadata fields."""

    def __init__(self, text: str) -> None:
        self.text = text
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

    # -- structure ---------------------------------------------------------
    def starttag(self, tag, attrs):
        self._tag(tag, attrs)
        if tag not in _VOID:
            self.stack.append(tag)
            if tag in _SKIP:
                self.skip += 1

    def startendtag(self, tag, attrs):
        self._tag(tag, attrs)

    def endtag(self, tag):
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
        if tag in _BREAKS:
            self.flush()
        if tag == "title":
            self.in_title = True
        elif tag in _ATTRIBUTES_READ:
            self._attributes(tag, {k.lower(): (v or "") for k, v in attrs})

    def _attributes(self, tag, attrs):
        if tag == "html" and attrs.get("lang"):
            self.fields.setdefault("lang", attrs["lang"])
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
    def data(self, start, data):
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip or not data.strip(" \n"):
            return  # blanking spaces and newlines changes nothing, and they form no block
        self.spans.append((start, start + len(data)))

    def charref(self, start: int, raw: str) -> None:
        """A character reference ``raw`` ("&amp;", "&#8212;") at ``start``."""
        if self.in_title:
            self.title_parts.append(html.unescape(raw))
            return
        if self.skip:
            return
        decoded = html.unescape(raw)
        if len(decoded) == 1 and self.text.startswith(raw, start):
            self.spans.append((start, start + len(raw)))
            self.replacements.append((start, decoded + " " * (len(raw) - 1)))

    def flush(self) -> None:
        if self.block_spans_from == len(self.spans):
            return
        new = self.spans[self.block_spans_from :]
        self.block_spans_from = len(self.spans)
        kind, scopes = _block_shape(tuple(self.stack))
        self.blocks.append(Block(new[0][0], new[-1][1], kind, scopes))


@lru_cache(maxsize=1024)
def _block_shape(stack: tuple[str, ...]) -> tuple[str, frozenset[str]]:
    """Kind and scopes of a block inside the open elements ``stack`` (a page repeats a few stacks)."""
    kind, scopes = "paragraph", set()
    for tag in reversed(stack):
        if tag in _BLOCK_KINDS and kind == "paragraph" and not scopes & {"list_item", "table_cell", "heading"}:
            kind = _BLOCK_KINDS[tag]
        if tag in _CONTAINERS:
            scopes.add(_CONTAINERS[tag])
    return kind, frozenset({kind, *scopes})


def _scan(reader: _Reader, text: str) -> bool:
    """Feed ``reader`` the events html.parser gives for ``text``; False at anything unusual.

    Text between tokens is one event where html.parser may give several; the
    reader only records spans, so that changes nothing.
    """
    pos = 0
    while True:
        found = _LT_OR_AMP.search(text, pos)
        if found is None:
            break
        at = found.start()
        token = _TOKEN.match(text, at)  # searching with _TOKEN itself is much slower
        if at > pos:
            reader.data(pos, text[pos:at])
        pos = token.end()
        if token["start"]:
            name = token["start"].lower()
            attrs = token["attrs"]
            attrs = [_attribute(a) for a in _ATTRIBUTE.finditer(attrs)] if attrs and name in _ATTRIBUTES_READ else []
            if token["close"]:
                reader.startendtag(name, attrs)
            else:
                reader.starttag(name, attrs)
                if name in _RAW_TEXT:
                    pos = _raw_text(reader, text, pos, name)
        elif token["end"]:
            reader.endtag(token["end"].lower())
        elif token["amp"]:
            pos = _reference(reader, text, at)
        elif token["odd"]:
            return False
        if pos < 0:
            return False
    if pos < len(text):
        reader.data(pos, text[pos:])
    return True


def _attribute(match: re.Match) -> tuple[str, str | None]:
    """An attribute as html.parser gives it: name in lower case, value unquoted and unescaped."""
    name, value = match[1].lower(), match[2]
    if value and value[0] in "\"'":
        value = value[1:-1]
    return name, html.unescape(value) if value else value


def _reference(reader: _Reader, text: str, at: int) -> int:
    """Handle the '&' at ``at``; return where text goes on, or -1 when html.parser must decide."""
    if text.startswith("&#", at):
        ref = _CHARREF.match(text, at)
        raw = ref and f"&#{ref.group()[2:-1]};"
    else:
        ref = _ENTITYREF.match(text, at)
        raw = ref and f"&{ref[1]};"
    if ref is None:
        after = text[at + 1 : at + 2]
        if after == "#" or (after.isascii() and after.isalpha()):
            return -1  # a reference cut short, which html.parser reads in ways of its own
        reader.data(at, "&")
        return at + 1
    reader.charref(at, raw)
    return ref.end() if ref.group().endswith(";") else ref.end() - 1


def _raw_text(reader: _Reader, text: str, pos: int, name: str) -> int:
    """The content of a script or style element, up to a plain closing tag; -1 when unsure."""
    close = text.find("</", pos)
    if close < 0 or text[close + 2 : close + 3 + len(name)].lower() != name + ">" or "<!--" in text[pos:close]:
        return -1
    if close > pos:
        reader.data(pos, text[pos:close])
    reader.endtag(name)
    return close + 3 + len(name)


def _tokenize_with_stdlib(reader: _Reader) -> None:
    """Any HTML: the standard library's tokenizer feeds ``reader``, with offsets from its positions.

    Imported and defined here, on first need: most pages never need it.
    """
    from html.parser import HTMLParser

    line_starts = _line_starts(reader.text)

    class Tokenizer(HTMLParser):
        def source_offset(self) -> int:
            line, col = self.getpos()
            return line_starts[line - 1] + col

        def handle_starttag(self, tag, attrs):
            reader.starttag(tag, attrs)

        def handle_startendtag(self, tag, attrs):
            reader.startendtag(tag, attrs)

        def handle_endtag(self, tag):
            reader.endtag(tag)

        def handle_data(self, data):
            reader.data(self.source_offset(), data)

        def handle_entityref(self, name):
            reader.charref(self.source_offset(), f"&{name};")

        def handle_charref(self, name):
            reader.charref(self.source_offset(), f"&#{name};")

    tokenizer = Tokenizer(convert_charrefs=False)
    tokenizer.feed(reader.text)
    tokenizer.close()


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def read_html(path: str, text: str) -> tuple:
    reader = _Reader(text)
    if not _scan(reader, text):
        reader = _Reader(text)
        _tokenize_with_stdlib(reader)
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
